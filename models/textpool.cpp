// SPDX-License-Identifier: GPL-3.0-or-later
#include "textpool.h"

#include <algorithm>

void TextPool::prune()
{
    if (m_strings.size() < m_sizeAfterPrune + std::max<size_t>(256, m_sizeAfterPrune / 16))
        return;
    for (QString &last : m_last)
        last = QString();
    std::erase_if(m_strings, [](const QString &text) { return text.isDetached(); });
    m_sizeAfterPrune = m_strings.size();
}

void TextPool::clear()
{
    m_strings.clear();
    for (QString &last : m_last)
        last = QString();
    m_sizeAfterPrune = 0;
}
