// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

/// One row's value in one column, packed for sorting: a text, a number or a duration, plus the
/// row's stable key as the last tie-break. Any DeltaTableModel makes these for its columns
/// (DeltaTableModel::sortKey()), and SessionSortFilterProxyModel sorts by them.
///
/// A sort compares each row about log2(rows) times in random order. Comparing 32 packed bytes
/// per row instead of a row and its strings keeps 100k rows in cache: numbers are compared
/// whole, text by its first 16 bytes of case-folded UTF-8, and the strings are read only when
/// those are equal and the text hashes differ.
///
/// Why 16 bytes are enough, also for paths: the prefix never decides alone when it ties. Two
/// texts whose first 16 folded bytes differ are ordered by those bytes, which is exactly the
/// order of the full comparison (the bytes are UTF-8 of the folded units, big-endian, and
/// UTF-8 preserves unit order). When the prefixes are equal, comparePacked() returns nullopt
/// unless the whole texts are equal (same hash), and compare() falls back to compareText() on
/// the full texts, so "\\srv\share\projects\2026\report-a.docx" and "...report-b.docx" are
/// still ordered by their last letter. It stays fast because the fallback is rare where it
/// matters: in a sort of n rows, only the comparisons between rows with equal prefixes read
/// the strings, and compareText() compares UTF-16 units without allocating, skipping equal
/// units without folding them. Paths that share long stems (one share, one folder) do fall
/// back often; then the cost is one pass over the shared stem per comparison, the same as a
/// plain string sort, never worse.
///
/// Text compares case-insensitively by unit under the console's name rule (sc::upcaseUnit(),
/// see nameequality.h): texts equal under sc::namesEqual() compare equal. Letters keep the
/// place of their ASCII lower case among punctuation ("a_b" before "ab"), not locale
/// collation, which would cost an allocation per comparison.
class PackedSortKey
{
public:
    PackedSortKey() = default;

    /// The key of a text value of the row with stable key @p rowKey.
    static PackedSortKey text(QStringView text, quint64 rowKey);
    /// The key of a number (counts, flags) of the row with stable key @p rowKey.
    static PackedSortKey number(quint64 value, quint64 rowKey);
    /// The key of the duration since the instant @p sinceMs (ms since the epoch): a later
    /// instant is a shorter duration and sorts first.
    static PackedSortKey duration(qint64 sinceMs, quint64 rowKey);

    /// < 0, 0 or > 0 comparing two values (no tie-break) from the packed values alone; nullopt
    /// when only the texts can tell (different texts with the same first 16 folded bytes):
    /// then compare the full texts with compareText().
    static std::optional<int> comparePacked(const PackedSortKey &a, const PackedSortKey &b)
    {
        if (a.m_primary != b.m_primary)
            return a.m_primary < b.m_primary ? -1 : 1;
        if (a.m_secondary != b.m_secondary)
            return a.m_secondary < b.m_secondary ? -1 : 1;
        // Numbers are whole in the primary and have no hash; equal hashes mean the same text
        // (many sessions of one user), told without reading the strings.
        if (a.m_textHash == b.m_textHash)
            return 0;
        return std::nullopt;
    }

    /// comparePacked(), reading the texts @p textA() and @p textB() (callables returning a
    /// QStringView) only when it cannot tell.
    template<typename TextA, typename TextB>
    static int compare(const PackedSortKey &a, TextA &&textA, const PackedSortKey &b, TextB &&textB)
    {
        if (const std::optional<int> packed = comparePacked(a, b))
            return *packed;
        return compareText(textA(), textB());
    }

    /// compare(), then the row keys: a total order that never changes for rows whose values
    /// did not change, so equal rows never swap on refresh. What the proxy sorts by.
    template<typename TextA, typename TextB>
    static int compareStable(
        const PackedSortKey &a, TextA &&textA, const PackedSortKey &b, TextB &&textB)
    {
        const int c = compare(a, textA, b, textB);
        return c != 0 ? c : compareRowKeys(a, b);
    }

    /// The row keys, the tie-break of compareStable().
    static int compareRowKeys(const PackedSortKey &a, const PackedSortKey &b)
    {
        return a.m_rowKey < b.m_rowKey ? -1 : (b.m_rowKey < a.m_rowKey ? 1 : 0);
    }

    /// Case-insensitive comparison of two texts, by UTF-16 unit; what text values sort by.
    static int compareText(QStringView a, QStringView b);

    /// Same value (and row), so the row keeps its place in a sorted list.
    bool operator==(const PackedSortKey &other) const = default;

private:
    quint64 m_primary = 0; // the number, or the first 8 bytes of the folded text as UTF-8
    quint64 m_secondary = 0; // 0, or the next 8 bytes
    quint64 m_textHash = 0; // of the whole text: equal texts without reading them
    quint64 m_rowKey = 0;
};

Q_DECLARE_TYPEINFO(PackedSortKey, Q_PRIMITIVE_TYPE);
