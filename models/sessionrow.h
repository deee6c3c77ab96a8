// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"

#include <QMetaType>
#include <QString>

/// One session as the console keeps it: the SessionInfo of the core, converted once into
/// QString and into instants that do not change between polls.
///
/// Durations that grow by themselves (connected time, idle time) are stored as the instant
/// they started (poll time minus the reported seconds), so an unchanged session compares
/// equal from poll to poll and the views compute "elapsed" at paint time.
///
/// Rows are shared between the poller's worker thread and the model (QString is implicitly
/// shared and its reference count is atomic), so a row is never modified after it was
/// handed over: the worker builds new rows for every poll.
struct SessionRow
{
    QString client; ///< without leading backslashes
    QString user;
    QString clientType;
    QString transport;
    quint32 openCount = 0;
    quint32 userFlags = 0;
    qint64 connectedSinceMs = 0; ///< ms since the epoch, UTC; 0 when the level has no times
    qint64 idleSinceMs = 0; ///< ms since the epoch, UTC: last activity; 0 when unknown
    /// Identity of the session, stable while it stays connected: assigned by the poller when
    /// the session first appears and carried over from poll to poll by matching client, user
    /// and connect instant (with tolerance for the instant's jitter). Never 0 for a row that
    /// came from the poller; unique within one connection to a server.
    quint64 key = 0;
    sc::InfoLevel level = sc::InfoLevel::Level0;
    bool isOwnSession = false; ///< the console's own connection to the server

    bool isGuest() const { return userFlags & sc::kSessGuest; }
    bool isUnencrypted() const { return userFlags & sc::kSessNoEncryption; }
    bool hasTimes() const { return connectedSinceMs != 0; }

    /// Seconds connected at @p nowMs (ms since the epoch), never negative.
    qint64 connectedSeconds(qint64 nowMs) const
    {
        return connectedSinceMs && nowMs > connectedSinceMs ? (nowMs - connectedSinceMs) / 1000 : 0;
    }
    /// Seconds idle at @p nowMs (ms since the epoch), never negative.
    qint64 idleSeconds(qint64 nowMs) const
    {
        return idleSinceMs && nowMs > idleSinceMs ? (nowMs - idleSinceMs) / 1000 : 0;
    }

    /// Converts one enumerated session; @p pollTimeMs is when the answer arrived.
    static SessionRow fromInfo(const sc::SessionInfo &info, qint64 pollTimeMs)
    {
        SessionRow row;
        row.client = QString::fromUtf16(info.clientName.data(), qsizetype(info.clientName.size()));
        row.user = QString::fromUtf16(info.userName.data(), qsizetype(info.userName.size()));
        row.clientType
            = QString::fromUtf16(info.clientType.data(), qsizetype(info.clientType.size()));
        row.transport = QString::fromUtf16(info.transport.data(), qsizetype(info.transport.size()));
        row.setNumbers(info, pollTimeMs);
        return row;
    }

    /// Sets the fields that are not texts from @p info, answered at @p pollTimeMs.
    void setNumbers(const sc::SessionInfo &info, qint64 pollTimeMs)
    {
        openCount = info.openCount;
        userFlags = info.userFlags;
        level = info.level;
        // Every level but 0 carries sesiX_time and sesiX_idle_time.
        if (info.level != sc::InfoLevel::Level0) {
            connectedSinceMs = pollTimeMs - qint64(info.connectedSeconds) * 1000;
            idleSinceMs = pollTimeMs - qint64(info.idleSeconds) * 1000;
        } else {
            connectedSinceMs = idleSinceMs = 0;
        }
    }

    /// Same values in every field shown (the key is identity, not a value, and is ignored).
    bool sameValues(const SessionRow &o) const
    {
        return openCount == o.openCount && userFlags == o.userFlags
            && connectedSinceMs == o.connectedSinceMs && idleSinceMs == o.idleSinceMs
            && level == o.level && isOwnSession == o.isOwnSession && client == o.client
            && user == o.user && clientType == o.clientType && transport == o.transport;
    }
};
// QString is relocatable, so the row is too: vectors of rows move with memmove.
Q_DECLARE_TYPEINFO(SessionRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(SessionRow)
