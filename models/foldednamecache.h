// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

/// The folded forms (SearchText::fold()) of names that recur from row to row, such as user
/// names, for a table's filter: a name beyond ASCII is folded the first time a filter meets
/// it, then looked up. ASCII names need no folding and are compared in place.
///
/// Rows keep no folded copy of their names (BENCHMARKS.md, memory per row): the cache holds
/// one per distinct name, and only while a filter is set; clear() it when the filter is.
/// Not thread-safe: a model keeps one for its filter on the GUI thread.
class FoldedNameCache
{
public:
    /// Whether @p name, folded, contains @p foldedFilter (also folded).
    bool contains(const QString &name, const QString &foldedFilter);

    /// Forgets every folded name.
    void clear();

    /// Distinct names folded and held.
    qsizetype size() const { return m_folded.size(); }

private:
    struct Entry
    {
        QString name; // keeps the text at the key's address alive
        QString folded;
    };

    void prune();

    // By the address of the name's text: rows share their names' texts (TextPool), so a
    // look-up hashes a pointer instead of the text.
    QHash<const QChar *, Entry> m_folded;
    qsizetype m_sizeAfterPrune = 0;
};
