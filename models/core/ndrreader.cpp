// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndrreader.h"

#include <bit>
#include <cstring>

namespace sc {

namespace {

// Index of the first all-zero UTF-16 unit in p[0, units), or `units`. Looks at four units per
// step: names are short but there are hundreds of thousands of them in a large reply.
std::size_t firstNulUnit(const std::uint8_t *p, std::size_t units)
{
    constexpr std::uint64_t kLow = 0x0001000100010001ull;
    constexpr std::uint64_t kHigh = 0x8000800080008000ull;
    std::size_t i = 0;
    for (; i + 4 <= units; i += 4) {
        std::uint64_t word;
        std::memcpy(&word, p + 2 * i, 8);
        // Non-zero exactly when some 16-bit lane is zero (in either byte order).
        if ((word - kLow) & ~word & kHigh) {
            break;
        }
    }
    for (; i < units; ++i) {
        if ((p[2 * i] | p[2 * i + 1]) == 0) {
            return i;
        }
    }
    return units;
}

} // namespace

std::u16string NdrWireString::toU16(std::size_t first) const
{
    if (first >= units) {
        return {};
    }
    const std::size_t count = units - first;
    const std::uint8_t *p = bytes + 2 * first;
    std::u16string out(count, u'\0');
    if constexpr (std::endian::native == std::endian::little) {
        // The buffer may sit at any address, so no char16_t* cast: memcpy is alignment-free.
        std::memcpy(out.data(), p, 2 * count);
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            out[i] = char16_t(p[2 * i] | (p[2 * i + 1] << 8));
        }
    }
    return out;
}

bool NdrReader::readString(NdrWireString &value)
{
    const std::uint8_t *header = takeBlock(12);
    if (!header) {
        return false;
    }
    const std::uint32_t maxCount = loadU32(header);
    const std::uint32_t offset = loadU32(header + 4);
    const std::uint32_t actualCount = loadU32(header + 8);
    if (offset != 0) {
        m_failure = "offset != 0";
        return false;
    }
    if (actualCount > maxCount) {
        m_failure = "actual_count > max_count";
        return false;
    }
    const std::uint64_t byteLength = std::uint64_t(actualCount) * 2;
    if (byteLength > remaining()) {
        m_failure = "truncated";
        return false;
    }
    value.bytes = m_data + m_pos;
    value.units = firstNulUnit(value.bytes, actualCount);
    m_pos += std::size_t(byteLength);
    return true;
}

} // namespace sc
