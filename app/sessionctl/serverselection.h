// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>

/// One file server a sessionctl command talks to.
struct ServerTarget
{
    /// ServerAddress::displayName(): the JSON "server", the Server column, the audit log.
    QString name;
    std::string host; ///< without brackets or backslashes
    std::uint16_t port = 445;

    bool operator==(const ServerTarget &other) const = default;
};

/// The servers of sessionctl's --server (repeatable) and --servers-file options, read with
/// ServerAddress::parseStrict() like the console's server field.
class ServerSelection
{
    Q_DECLARE_TR_FUNCTIONS(ServerSelection)

public:
    /// Every --server value, then every server of @p serversFile (one per line, "#" starts a
    /// comment, blank lines are skipped), each once in the order first given. A name without
    /// a port gets @p defaultPort. nullopt, with a translated @p error, on the first name that
    /// is not a server name, an unreadable file or no server at all.
    static std::optional<QList<ServerTarget>> read(const QStringList &serverValues,
        const QString &serversFile, std::uint16_t defaultPort, QString *error);

    /// The servers named in @p text (a servers file's contents); @p source names it in errors.
    static std::optional<QList<ServerTarget>> parseFile(
        const QString &text, const QString &source, std::uint16_t defaultPort, QString *error);

    /// One name; nullopt if it is none.
    static std::optional<ServerTarget> target(const QString &text, std::uint16_t defaultPort);
};
