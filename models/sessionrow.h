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
struct SessionRow
{
    QString client; ///< without leading backslashes
    QString user;
    QString clientType;
    QString transport;
    quint32 openCount = 0;
    quint32 userFlags = 0;
    qint64 connectedSinceMs = 0; ///< ms since the epoch, UTC
    qint64 idleSinceMs = 0; ///< ms since the epoch, UTC: last activity
    sc::InfoLevel level = sc::InfoLevel::Level0;
    bool isOwnSession = false; ///< the console's own connection to the server

    bool isGuest() const { return userFlags & sc::kSessGuest; }
    bool isUnencrypted() const { return userFlags & sc::kSessNoEncryption; }
};
Q_DECLARE_METATYPE(SessionRow)
