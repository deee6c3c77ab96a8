// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiondiffer.h"

#include <utility>

/// Feeds SessionDiffer rows that are already converted (SessionDiffer::updateFrom()), for
/// tests that compare the differ's conversion while diffing with converting first.
class SessionRowSource
{
public:
    explicit SessionRowSource(QList<SessionRow> &rows)
        : m_rows(rows)
    {
    }

    qsizetype size() const { return m_rows.size(); }
    QStringView client(qsizetype j) const { return std::as_const(m_rows).at(j).client; }
    QStringView user(qsizetype j) const { return std::as_const(m_rows).at(j).user; }
    qint64 connectedSinceMs(qsizetype j) const
    {
        return std::as_const(m_rows).at(j).connectedSinceMs;
    }

    // Row j, sharing the previous row's texts where equal.
    SessionRow matched(qsizetype j, const SessionRow &old, TextPool &)
    {
        SessionRow row = std::move(m_rows[j]);
        share(row.client, old.client);
        share(row.user, old.user);
        share(row.clientType, old.clientType);
        share(row.transport, old.transport);
        return row;
    }
    SessionRow added(qsizetype j, TextPool &pool)
    {
        SessionRow row = std::move(m_rows[j]);
        pool.intern(row.user);
        pool.internRepeating(0, row.clientType);
        pool.internRepeating(1, row.transport);
        return row;
    }

private:
    static void share(QString &target, const QString &previous)
    {
        if (!target.isSharedWith(previous) && target == previous)
            target = previous;
    }

    QList<SessionRow> &m_rows;
};

/// The delta from @p differ's rows to @p rows (their keys are ignored and assigned).
inline SessionDelta updateFromRows(SessionDiffer &differ, QList<SessionRow> rows)
{
    SessionRowSource source(rows);
    return differ.updateFrom(source);
}
