// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"
#include "sessioninfo.h"
#include "sessionrow.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

/// Rows [first, last] (inclusive, like beginRemoveRows) of a model.
struct SessionRowRange
{
    int first = 0;
    int last = -1;

    int count() const { return last - first + 1; }
    friend bool operator==(const SessionRowRange &, const SessionRowRange &) = default;
};

/// Rows [first, last] whose values changed, and which columns changed (bit i set for
/// SessionTableModel::Column i), so the model can emit one dataChanged per range.
struct SessionChangedRange
{
    int first = 0;
    int last = -1;
    quint32 columns = 0;

    friend bool operator==(const SessionChangedRange &, const SessionChangedRange &) = default;
};

/// How the model goes from one poll's rows to the next, computed on the poller's worker
/// thread so the GUI thread only applies ranges.
///
/// Applying it, in this order, turns the model's rows of generation @c baseGeneration into
/// @c rows (generation @c generation):
///  1. remove @c removed, highest range first (ranges are in the old row numbers, ascending,
///     not overlapping, not adjacent);
///  2. the rows left now equal rows [0, insertFirst) of @c rows except for @c changed
///     (row numbers after the removal, ascending, each with the union of changed columns);
///  3. append rows [insertFirst, rows.size()) of @c rows.
/// With @c replace set, none of that applies: @c rows replace everything (a new server or
/// connection, or a model that lost step): the only case where the model resets.
struct SessionDelta
{
    quint64 baseGeneration = 0; ///< generation the model must be at to apply this
    quint64 generation = 0; ///< generation after applying
    bool replace = false;
    /// Every row after applying, in the model's order. Shared (not copied) with the worker,
    /// which diffs the next poll against it.
    QList<SessionRow> rows;
    QList<SessionRowRange> removed;
    QList<SessionChangedRange> changed;
    int insertFirst = 0;

    int insertedCount() const { return int(rows.size()) - insertFirst; }
    int removedCount() const
    {
        int n = 0;
        for (const auto &r : removed)
            n += r.count();
        return n;
    }
    /// Nothing to do (an unchanged poll).
    bool isEmpty() const
    {
        return !replace && removed.isEmpty() && changed.isEmpty() && insertedCount() == 0;
    }
};

/// The answer to one poll, a value copied from the worker thread to the GUI thread.
struct SessionSnapshot
{
    quint64 epoch = 0; ///< counts SessionPoller::setConnection() calls; older answers are dropped
    qint64 pollTimeMs = 0; ///< when the answer arrived, ms since the epoch, UTC
    qint64 durationMs = 0; ///< how long the round trip(s) took
    /// Set when the poll failed; then @c delta is empty (no rows change) and the model keeps
    /// its rows but marks them stale.
    std::optional<sc::SessionError> error;
    bool hasRows = false; ///< false when the poll failed: @c delta must not be applied

    QString serverKey; ///< "host:port"
    sc::InfoLevel level = sc::InfoLevel::Level0; ///< level the server answered
    bool levelFellBack = false; ///< "auto" had to step down to @c level
    quint32 totalEntries = 0; ///< as the server reported it

    bool signing = false; ///< negotiated, not merely requested
    bool sealing = false;
    QString protocol; ///< e.g. "SMB3_11"; empty when unknown
    QString localAddress; ///< our address as the server sees it; marks isOwnSession

    SessionDelta delta;

    /// More of this poll's answer is on its way: a server that pages (Windows) sent the first
    /// pages, and @c delta shows the rows so far so the table fills at once. Only sent while
    /// the model shows nothing of this connection yet; the snapshots that follow in the same
    /// poll only add rows, and the last one has @c partial unset. @c totalEntries is the
    /// server's count of all sessions.
    bool partial = false;

    bool ok() const { return !error.has_value(); }
};

Q_DECLARE_METATYPE(SessionSnapshot)
