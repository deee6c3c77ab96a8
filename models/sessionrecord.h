// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"

#include <QJsonObject>
#include <QString>

/// One session as scripts read it: the JSON object and the CSV line of `sessionctl list
/// --json/--csv`, also written by the console's File > Export. One place for the keys, the
/// nulls and the quoting, so a file from either program reads the same.
class SessionRecord
{
public:
    /// CSV lines end as RFC 4180 says, also on Linux.
    static constexpr QLatin1String kCsvLineEnd {"\r\n"};

    /// {client, user, openCount, connectedSeconds, idleSeconds, userFlags, guest,
    /// plainTextPassword, clientType, transport, level}: every key always present, null for
    /// what the session's level does not carry, and idleSeconds null when the server does not
    /// report idle time (@p idleTimeUnreported).
    static QJsonObject toJson(const sc::SessionInfo &session, bool idleTimeUnreported);

    /// The CSV header line (with its line end) of sessions whose level carries @p fields:
    /// the JSON keys of those fields, untranslated; "server" first with @p withServer.
    static QString csvHeader(const sc::LevelFields &fields, bool withServer);
    /// One CSV line (with its line end) under csvHeader(@p fields, @p server != nullptr):
    /// raw numbers, "true"/"false", an empty idleSeconds when the server does not report it.
    static QString csvLine(const sc::SessionInfo &session, const sc::LevelFields &fields,
        bool idleTimeUnreported, const QString *server = nullptr);

    /// What every one of two levels carries: sessions answered at different levels share one
    /// header, which can only name the fields all of them reported.
    static sc::LevelFields commonFields(const sc::LevelFields &a, const sc::LevelFields &b);
};
