// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sc {

/// A [string] wchar_t* as it lies in the buffer: the UTF-16LE code units before the first NUL.
/// Points into the decoded buffer, so it must not outlive it.
struct NdrWireString
{
    const std::uint8_t *bytes = nullptr;
    std::size_t units = 0;

    char16_t unitAt(std::size_t index) const
    {
        return char16_t(bytes[2 * index] | (bytes[2 * index + 1] << 8));
    }
    /// The units from `first` on as a host string (one memcpy on little-endian hosts).
    std::u16string toU16(std::size_t first = 0) const;
};

/// Bounds-checked reader for NDR 2.0 little-endian stub data (32-bit, not NDR64).
///
/// Every read checks the remaining length first and never reads past the buffer; a failed read
/// sets failure() to a short reason, so callers can stop and report which field was bad
/// without the reader knowing field names. Alignment is relative to the start of the stub.
class NdrReader
{
public:
    NdrReader(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(data ? size : 0)
    {
    }

    std::size_t remaining() const { return m_size - m_pos; }
    /// Why the last read failed, e.g. "truncated", "offset != 0".
    const char *failure() const { return m_failure; }

    static std::uint32_t loadU32(const std::uint8_t *p)
    {
        return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16)
            | (std::uint32_t(p[3]) << 24);
    }

    /// Aligns to 4 and hands out the next `bytes` bytes for the caller to parse with loadU32(),
    /// so a run of fixed-size fields costs one bounds check instead of one per field.
    const std::uint8_t *takeBlock(std::size_t bytes)
    {
        const std::size_t aligned = (m_pos + 3) & ~std::size_t(3);
        if (aligned > m_size || m_size - aligned < bytes) {
            m_failure = "truncated";
            return nullptr;
        }
        m_pos = aligned + bytes;
        return m_data + aligned;
    }

    /// Aligns to 4 and reads a little-endian uint32.
    bool readU32(std::uint32_t &value)
    {
        const std::uint8_t *p = takeBlock(4);
        if (!p) {
            return false;
        }
        value = loadU32(p);
        return true;
    }

    /// Reads the referent id of a unique pointer; any non-zero id means "present".
    bool readPointer(bool &present)
    {
        std::uint32_t referent = 0;
        if (!readU32(referent)) {
            return false;
        }
        present = referent != 0;
        return true;
    }

    /// Reads a conformant varying string (max_count, offset, actual_count, units).
    /// Rejects offset != 0, actual_count > max_count and units beyond the buffer. The value
    /// ends at the first NUL within actual_count, or at actual_count if a server left the
    /// terminator out: that is what a C caller of NetSessionEnum would see, and it keeps one
    /// broken name from hiding every other session.
    bool readString(NdrWireString &value);

    /// Fails unless `count` elements of at least `minimumElementSize` bytes each can still
    /// follow. Call it before reserving memory for a count taken from the wire.
    bool checkCount(std::uint32_t count, std::size_t minimumElementSize)
    {
        if (std::uint64_t(count) * minimumElementSize > remaining()) {
            m_failure = "count exceeds the data";
            return false;
        }
        return true;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    const char *m_failure = "";
};

} // namespace sc
