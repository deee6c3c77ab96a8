// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndrwriter.h"

#include <bit>
#include <cstring>

namespace sc {

void NdrWriter::writeString(std::u16string_view value)
{
    const auto count = std::uint32_t(value.size() + 1);
    writeU32(count); // max_count
    writeU32(0); // offset
    writeU32(count); // actual_count
    const std::size_t start = m_buffer.size();
    m_buffer.resize(start + 2 * std::size_t(count));
    std::uint8_t *p = m_buffer.data() + start;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(p, value.data(), 2 * value.size());
    } else {
        for (std::size_t i = 0; i < value.size(); ++i) {
            p[2 * i] = std::uint8_t(value[i]);
            p[2 * i + 1] = std::uint8_t(value[i] >> 8);
        }
    }
    p[2 * value.size()] = 0;
    p[2 * value.size() + 1] = 0;
}

} // namespace sc
