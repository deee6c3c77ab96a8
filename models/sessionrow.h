// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"
#include "sessiontime.h"

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
    /// The fields a refresh can change, as flags (like libksysguard's Process::Change): the
    /// differ reports them per row, the model maps them to its columns.
    enum Change : quint32 {
        NoChange = 0,
        UserChange = 1u << 0,
        ClientChange = 1u << 1,
        ClientTypeChange = 1u << 2,
        OpenCountChange = 1u << 3,
        ConnectedSinceChange = 1u << 4,
        IdleSinceChange = 1u << 5,
        GuestChange = 1u << 6, ///< isGuest()
        UnencryptedChange = 1u << 7, ///< isUnencrypted()
        TransportChange = 1u << 8,
        OwnSessionChange = 1u << 9,
        LevelChange = 1u << 10, ///< which fields the server fills: everything may look different
    };

    /// Whether a session is the console's own connection, as far as the server's answer says.
    enum class Ownership : quint8 {
        NotOwn,
        Own,
        /// The console's account has several sessions from this computer, and the answer
        /// does not tell which one is the console's: it is one of them.
        OneOfOwn,
    };

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
    bool isOwnSession = false; ///< the console's own connection to the server (or one of them)
    /// isOwnSession, but the console's one among several of its account (Ownership::OneOfOwn).
    bool ownSessionShared = false;

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
            connectedSinceMs = sc::SessionTime::sinceMs(pollTimeMs, info.connectedSeconds);
            idleSinceMs = sc::SessionTime::sinceMs(pollTimeMs, info.idleSeconds);
        } else {
            connectedSinceMs = idleSinceMs = 0;
        }
    }

    /// The fields in which this row differs from @p before (a union of Change flags). Other
    /// bits of userFlags than guest and encryption are not shown and not reported.
    quint32 changesFrom(const SessionRow &before) const
    {
        quint32 changes = level != before.level ? LevelChange : NoChange;
        changes |= user != before.user ? UserChange : NoChange;
        changes
            |= isOwnSession != before.isOwnSession || ownSessionShared != before.ownSessionShared
            ? OwnSessionChange
            : NoChange;
        changes |= client != before.client ? ClientChange : NoChange;
        changes |= clientType != before.clientType ? ClientTypeChange : NoChange;
        changes |= openCount != before.openCount ? OpenCountChange : NoChange;
        changes |= connectedSinceMs != before.connectedSinceMs ? ConnectedSinceChange : NoChange;
        changes |= idleSinceMs != before.idleSinceMs ? IdleSinceChange : NoChange;
        changes |= isGuest() != before.isGuest() ? GuestChange : NoChange;
        changes |= transport != before.transport ? TransportChange : NoChange;
        return changes | (isUnencrypted() != before.isUnencrypted() ? UnencryptedChange : NoChange);
    }

    /// Same values in every field shown (the key is identity, not a value, and is ignored).
    bool sameValues(const SessionRow &o) const
    {
        return openCount == o.openCount && userFlags == o.userFlags
            && connectedSinceMs == o.connectedSinceMs && idleSinceMs == o.idleSinceMs
            && level == o.level && isOwnSession == o.isOwnSession
            && ownSessionShared == o.ownSessionShared && client == o.client && user == o.user
            && clientType == o.clientType && transport == o.transport;
    }
};
// QString is relocatable, so the row is too: vectors of rows move with memmove.
Q_DECLARE_TYPEINFO(SessionRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(SessionRow)
