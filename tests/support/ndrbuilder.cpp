// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndrbuilder.h"

NdrBuilder &NdrBuilder::u32(std::uint32_t v)
{
    while (m_b.size() % 4)
        m_b.push_back(0);
    for (int i = 0; i < 4; ++i)
        m_b.push_back(std::uint8_t(v >> (8 * i)));
    return *this;
}

NdrBuilder &NdrBuilder::u32s(std::initializer_list<std::uint32_t> values)
{
    for (std::uint32_t v : values)
        u32(v);
    return *this;
}

NdrBuilder &NdrBuilder::str(const std::u16string &s, bool nul)
{
    const auto n = std::uint32_t(s.size() + (nul ? 1 : 0));
    return strRaw(n, 0, n, s, nul);
}

NdrBuilder &NdrBuilder::strRaw(std::uint32_t max, std::uint32_t offset, std::uint32_t actual,
    const std::u16string &s, bool nul)
{
    u32(max).u32(offset).u32(actual);
    for (char16_t c : s) {
        m_b.push_back(std::uint8_t(c));
        m_b.push_back(std::uint8_t(c >> 8));
    }
    if (nul) {
        m_b.push_back(0);
        m_b.push_back(0);
    }
    return *this;
}

NdrBuilder &NdrBuilder::raw(std::initializer_list<std::uint8_t> bytes)
{
    m_b.insert(m_b.end(), bytes);
    return *this;
}
