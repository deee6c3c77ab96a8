// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedbytes.h"

#include <cstdint>
#include <initializer_list>
#include <string>

/// NDR bytes built by hand for the codec tests' malformed-input cases; independent of the
/// codec's own writer, so a mistake there cannot hide in the expected bytes.
class NdrBuilder
{
public:
    /// A little-endian DWORD, after zero padding to its 4-byte alignment.
    NdrBuilder &u32(std::uint32_t v);
    /// DWORDs in a row, for the fixed parts of a reply spelled out as a table.
    NdrBuilder &u32s(std::initializer_list<std::uint32_t> values);
    /// Conformant varying string header + units; @p nul adds the terminator to the units.
    NdrBuilder &str(const std::u16string &s, bool nul = true);
    /// A string whose header says what the caller wants, for inconsistent counts.
    NdrBuilder &strRaw(std::uint32_t max, std::uint32_t offset, std::uint32_t actual,
        const std::u16string &s, bool nul);
    NdrBuilder &raw(std::initializer_list<std::uint8_t> bytes);
    const sc::ByteBuffer &bytes() const { return m_b; }

private:
    sc::ByteBuffer m_b;
};
