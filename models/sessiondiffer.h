// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionsnapshot.h"

#include <QList>

#include <functional>
#include <memory>
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
///
/// Rows are kept lean: a matched row keeps the previous row's QString payloads when the texts
/// are equal, and new rows take user, client type and transport from a pool of the texts the
/// current rows hold, so a user's several sessions and the few client types and transports
/// share one payload each. (Client names are near unique per session; pooling them would cost
/// more than it saves.) The pool forgets texts no row uses any more.
class SessionDiffer
{
public:
    SessionDiffer();
    ~SessionDiffer();
    SessionDiffer(const SessionDiffer &other);
    SessionDiffer &operator=(const SessionDiffer &other);
    SessionDiffer(SessionDiffer &&) noexcept;
    SessionDiffer &operator=(SessionDiffer &&) noexcept;

    static constexpr qint64 kConnectToleranceMs = 2000;
    /// Idle instants jitter the same way; a real activity moves the instant by more.
    static constexpr qint64 kIdleToleranceMs = 1500;

    /// Whether a row is the console's own session (SessionRow::isOwnSession).
    using OwnSessionTest = std::function<bool(const SessionRow &)>;

    /// Like update(QList<SessionRow>) with the rows SessionRow::fromInfo() makes of
    /// @p sessions at @p pollTimeMs, marked by @p isOwn (may be empty: none is). Converts while
    /// it diffs: a session that was there before reuses the previous row's texts, so on a poll
    /// of a big server only new sessions allocate, instead of every text of every row being
    /// allocated and then freed again in favour of the equal one already held.
    SessionDelta update(
        const sc::SessionList &sessions, qint64 pollTimeMs, const OwnSessionTest &isOwn = {});

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

    /// Distinct texts in the pool (for tests and benchmarks).
    qsizetype pooledTexts() const;

private:
    class TextPool;
    class RowSource;
    class InfoSource;
    template<typename Source>
    SessionDelta updateFrom(Source &source);

    std::unique_ptr<TextPool> m_pool;
    QList<SessionRow> m_rows;
    QList<SessionRow> m_retired; // the rows before m_rows, until releaseRetired()
    std::vector<size_t> m_hashes; // of client and user, parallel to m_rows
    quint64 m_generation = 0;
    quint64 m_nextKey = 1;
    bool m_replaceNext = true;
};
