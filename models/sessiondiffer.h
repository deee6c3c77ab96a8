// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionsnapshot.h"

#include <QList>

#include <vector>

/// The keyed diff between one poll's rows and the next, run on the poller's worker thread.
///
/// Keeps the rows of the last delta in the order the model holds them. A session is the same
/// from poll to poll when client and user are equal (case-insensitively) and the connect
/// instants are at most connectTolerance apart: the server reports whole seconds relative to
/// its own clock, so the instant we compute jitters by up to a second between polls. Within a
/// (client, user) bucket, previous and new rows are paired by nearest connect instant, so two
/// sessions of the same client and user stay distinct. A matched row keeps its key and, while
/// within tolerance, its old instants, so an unchanged session compares equal.
class SessionDiffer
{
public:
    static constexpr qint64 kConnectToleranceMs = 2000;
    /// Idle instants jitter the same way; a real activity moves the instant by more.
    static constexpr qint64 kIdleToleranceMs = 1500;

    /// Computes the delta from the current rows to @p newRows (in server order; their keys
    /// are ignored and assigned here) and makes them current.
    SessionDelta update(QList<SessionRow> newRows);
    /// The next update() produces a full replacement (SessionDelta::replace) and forgets
    /// the current rows, e.g. for a new server or after the model lost step.
    void reset();

    /// Drops the rows of the delta before the last one. update() keeps them because the model
    /// still shows them until it has applied the new delta; releasing them here, on the
    /// worker thread, spares the GUI thread from freeing 100k rows when it switches.
    void releaseRetired() { m_retired = {}; }

    const QList<SessionRow> &rows() const { return m_rows; }
    quint64 generation() const { return m_generation; }

private:
    QList<SessionRow> m_rows;
    QList<SessionRow> m_retired; // the rows before m_rows, until releaseRetired()
    std::vector<size_t> m_hashes; // of client and user, parallel to m_rows
    quint64 m_generation = 0;
    quint64 m_nextKey = 1;
    bool m_replaceNext = true;
};
