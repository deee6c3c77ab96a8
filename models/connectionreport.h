// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

/// What one poll's answer told about the connection rather than about rows, sent by the
/// worker next to each SessionSnapshot. ServerConnection folds it into its ConnectionStatus;
/// the tables never see it.
struct ConnectionReport
{
    QString serverKey; ///< "host:port"
    bool signing = false; ///< negotiated, not merely requested
    bool sealing = false;
    QString protocol; ///< e.g. "SMB3_11"; empty when unknown
    QString localAddress; ///< our address as the server sees it; marks isOwnSession
    bool levelFellBack = false; ///< "auto" had to step down to SessionSnapshot::level
    /// The answer shows that the server does not report idle time (sc::idleTimeUnreported()).
    bool idleTimeUnreported = false;
};

Q_DECLARE_METATYPE(ConnectionReport)
