// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

/// One open file as scripts read it: the JSON object and the CSV line of `sessionctl files
/// --json/--csv`, also written by the console's File > Export (see SessionRecord).
class OpenFileRecord
{
public:
    /// {"id", "path", "user", "locks", "permissions"}; level 2 carries only the id, and the
    /// rest is null.
    static QJsonObject toJson(const sc::OpenFileInfo &file);
    /// ["read", "write", "create"] as far as the bits say.
    static QStringList permissionIds(std::uint32_t permissions);

    /// "id,path,user,locks,permissions" with its line end; "server," first @p withServer (the
    /// files of several servers in one table).
    static QString csvHeader(bool withServer = false);
    /// One CSV line (with its line end) under csvHeader(@p server != nullptr): the permissions
    /// separated by spaces, empty fields for what level 2 does not carry.
    static QString csvLine(const sc::OpenFileInfo &file, const QString *server = nullptr);
};
