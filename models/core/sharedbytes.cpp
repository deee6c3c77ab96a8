// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedbytes.h"

#include <cstring>

namespace sc {

SharedBytes::SharedBytes(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return;
    // A block counts UTF-16 units; an odd byte count gets one spare byte.
    m_block = SessionText::allocateBlock((size + 1) / 2, 1);
    std::memcpy(m_block->units(), data, size);
    m_size = size;
}

SharedBytes::~SharedBytes()
{
    // acq_rel as in SessionText: the thread that frees must see every other thread's last use.
    if (m_block && m_block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
        SessionText::freeBlock(m_block);
}

bool operator==(const SharedBytes &a, const SharedBytes &b) noexcept
{
    return a.m_size == b.m_size
        && (a.m_block == b.m_block || std::memcmp(a.data(), b.data(), a.m_size) == 0);
}

} // namespace sc
