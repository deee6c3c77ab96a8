// SPDX-License-Identifier: GPL-3.0-or-later
#include "foldednamecache.h"

#include "searchtext.h"

#include <algorithm>

bool FoldedNameCache::contains(const QString &name, const QString &foldedFilter)
{
    if (SearchText::isAscii(name))
        return SearchText::asciiContains(name, foldedFilter);
    auto it = m_folded.constFind(name.constData());
    // The entry holds its text, so no other text can have its address while it lives; the
    // size tells a text from another one that starts at the same place.
    if (it == m_folded.cend() || it->name.size() != name.size()) {
        prune();
        it = m_folded.insert(name.constData(), Entry {name, SearchText::fold(name)});
    }
    return SearchText::matches(it->folded, foldedFilter);
}

void FoldedNameCache::clear()
{
    m_folded.clear();
    m_sizeAfterPrune = 0;
}

// Names that no row holds any more are held only by the cache. Scanning for them only after
// the cache grew by a sixteenth keeps the cost per name constant, as TextPool::prune() does.
void FoldedNameCache::prune()
{
    if (m_folded.size() < m_sizeAfterPrune + std::max<qsizetype>(256, m_sizeAfterPrune / 16))
        return;
    m_folded.removeIf([](const auto &entry) { return entry.value().name.isDetached(); });
    m_sizeAfterPrune = m_folded.size();
}
