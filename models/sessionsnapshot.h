// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"
#include "sessioninfo.h"
#include "sessionrow.h"
#include "tabledelta.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

/// The delta of the sessions table (see TableDelta).
using SessionDelta = TableDelta<SessionRow>;

/// The answer to one poll as the sessions table applies it, a value copied from the worker
/// thread to the GUI thread. What the answer told about the connection itself travels next to
/// it as a ConnectionReport.
struct SessionSnapshot
{
    quint64 epoch = 0; ///< counts SessionPoller::setConnection() calls; older answers are dropped
    qint64 pollTimeMs = 0; ///< when the answer arrived, ms since the epoch, UTC
    qint64 durationMs = 0; ///< how long the round trip(s) took
    /// Set when the poll failed; then @c delta is empty (no rows change) and the model keeps
    /// its rows but marks them stale.
    std::optional<sc::SessionError> error;
    bool hasRows = false; ///< false when the poll failed: @c delta must not be applied

    /// Level the server answered: which fields, and so which columns, the rows fill.
    sc::InfoLevel level = sc::InfoLevel::Level0;
    quint32 totalEntries = 0; ///< as the server reported it

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
