// SPDX-License-Identifier: GPL-3.0-or-later
#include "textpool.h"

#include "sharedtextpool.h"

#include <algorithm>

void TextPool::share(std::shared_ptr<SharedTextPool> shared)
{
    m_shared.reset();
    clear(); // this pool's own texts and slots
    m_shared = std::move(shared);
}

QString TextPool::internShared(QStringView text)
{
    return m_shared->intern(text);
}

void TextPool::internShared(QString &text)
{
    m_shared->intern(text);
}

size_t TextPool::size() const
{
    return m_shared ? m_shared->size() : m_strings.size();
}

void TextPool::prune()
{
    if (m_shared) {
        // The slots would keep a text of this pool alive in the shared one.
        for (QString &last : m_last)
            last = QString();
        m_shared->prune();
        return;
    }
    if (m_strings.size() < m_sizeAfterPrune + std::max<size_t>(256, m_sizeAfterPrune / 16))
        return;
    for (QString &last : m_last)
        last = QString();
    std::erase_if(m_strings, [](const QString &text) { return text.isDetached(); });
    m_sizeAfterPrune = m_strings.size();
}

void TextPool::clear()
{
    for (QString &last : m_last)
        last = QString();
    if (m_shared)
        return;
    m_strings.clear();
    m_sizeAfterPrune = 0;
}
