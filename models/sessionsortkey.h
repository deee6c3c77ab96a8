// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiontablemodel.h"

#include <QtGlobal>

#include <optional>

/// One session's value in one column, packed for sorting.
///
/// A sort compares each row about log2(rows) times in random order. Comparing 32 packed bytes
/// per row instead of a row and its strings keeps 100k rows in cache: numbers are compared
/// whole, text by its first 16 bytes of case-folded UTF-8, and the strings are read only when
/// those are equal and the text hashes differ. Text compares case-insensitively by case-folded
/// unit, not by locale collation, which would cost an allocation per comparison.
class SessionSortKey
{
public:
    SessionSortKey() = default;
    /// The key of @p row in @p column.
    SessionSortKey(const SessionRow &row, SessionTableModel::Column column);

    /// < 0, 0 or > 0 comparing the values of two rows in @p column (no tie-break), from the
    /// packed values alone; nullopt when only the texts can tell (different texts with the
    /// same first 16 folded bytes): then compare sortText() of the rows with compareText().
    /// Durations compare as durations: a later connect instant is a shorter connected time.
    static std::optional<int> comparePacked(
        const SessionSortKey &a, const SessionSortKey &b, SessionTableModel::Column column)
    {
        if (a.m_primary != b.m_primary)
            return a.m_primary < b.m_primary ? -1 : 1;
        if (a.m_secondary != b.m_secondary)
            return a.m_secondary < b.m_secondary ? -1 : 1;
        // Numbers are whole in the primary; equal hashes mean the same name (many sessions of
        // one user), told without reading the strings.
        if (a.m_textHash == b.m_textHash || !isText(column))
            return 0;
        return std::nullopt;
    }

    /// comparePacked(), reading the rows' texts when it cannot tell.
    static int compare(const SessionSortKey &a, const SessionRow &rowA, const SessionSortKey &b,
        const SessionRow &rowB, SessionTableModel::Column column);

    /// compare(), then the session key: a total order that never changes for rows whose
    /// values did not change, so equal rows never swap on refresh.
    static int compareStable(const SessionSortKey &a, const SessionRow &rowA,
        const SessionSortKey &b, const SessionRow &rowB, SessionTableModel::Column column);

    /// The session keys, the tie-break of compareStable().
    static int compareSessions(const SessionSortKey &a, const SessionSortKey &b)
    {
        return a.m_sessionKey < b.m_sessionKey ? -1 : (b.m_sessionKey < a.m_sessionKey ? 1 : 0);
    }

    /// Whether @p column sorts by text (the others by number).
    static bool isText(SessionTableModel::Column column)
    {
        return column == SessionTableModel::User || column == SessionTableModel::Computer
            || column == SessionTableModel::ClientType || column == SessionTableModel::Transport;
    }
    /// The text a text column sorts by.
    static const QString &sortText(const SessionRow &row, SessionTableModel::Column column);

    /// Same value (and session), so the row keeps its place in a sorted list.
    bool operator==(const SessionSortKey &other) const = default;

    /// Case-folded comparison of two texts, by UTF-16 unit; what text columns sort by.
    static int compareText(const QString &a, const QString &b);

private:
    quint64 m_primary = 0; // the number, or the first 8 bytes of the folded text as UTF-8
    quint64 m_secondary = 0; // 0, or the next 8 bytes
    quint64 m_textHash = 0; // of the whole text: equal names without reading them
    quint64 m_sessionKey = 0; // SessionRow::key
};

Q_DECLARE_TYPEINFO(SessionSortKey, Q_PRIMITIVE_TYPE);
