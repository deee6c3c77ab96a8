// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sc {

/// Appends NDR 2.0 little-endian stub data (32-bit). Padding bytes are zero.
///
/// Unique pointers get referent ids 0x00020000, 0x00020004, ... in marshalling order, as
/// Windows' RPC runtime numbers them, so our requests compare byte for byte with captures.
class NdrWriter
{
public:
    explicit NdrWriter(std::size_t reserveBytes = 0) { m_buffer.reserve(reserveBytes); }

    void writeU32(std::uint32_t value)
    {
        align4();
        const std::uint8_t bytes[4] = {std::uint8_t(value), std::uint8_t(value >> 8),
            std::uint8_t(value >> 16), std::uint8_t(value >> 24)};
        m_buffer.insert(m_buffer.end(), bytes, bytes + 4);
    }

    /// Writes a unique pointer's referent id (0 for null).
    void writePointer(bool present)
    {
        if (present) {
            writeU32(m_nextReferent);
            m_nextReferent += 4;
        } else {
            writeU32(0);
        }
    }

    /// Writes a conformant varying [string] with its NUL terminator (the pointer is separate).
    void writeString(std::u16string_view value);

    /// Writes a unique pointer to a [string] and, since top-level pointees are not deferred,
    /// the string right after it.
    void writeTopLevelString(const std::u16string *value)
    {
        writePointer(value != nullptr);
        if (value) {
            writeString(*value);
        }
    }

    std::vector<std::uint8_t> take() { return std::move(m_buffer); }

private:
    void align4() { m_buffer.resize((m_buffer.size() + 3) & ~std::size_t(3), 0); }

    std::vector<std::uint8_t> m_buffer;
    std::uint32_t m_nextReferent = 0x00020000u;
};

} // namespace sc
