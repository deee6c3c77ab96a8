// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serveraddress.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/// A list of file servers as administrators keep it in a text file: one server per line
/// (host, host:port, \\host, [IPv6 address]:port, as ServerAddress::parseStrict() reads
/// them), "#" starts a comment (a whole line or the rest of one), blank lines and the spaces
/// around a name do not count. The console's Import Server List… and sessionctl's
/// --servers-file both read it here, so a file means the same servers to both. QtCore only.
class ServerListFile
{
    Q_DECLARE_TR_FUNCTIONS(ServerListFile)

public:
    /// A line that names no server.
    struct BadLine
    {
        int number = 0; ///< 1-based, counting every line (comments and blank ones too)
        QString text; ///< the line without its comment and surrounding spaces

        friend bool operator==(const BadLine &, const BadLine &) = default;
    };

    /// One server of the file.
    struct Entry
    {
        ServerAddress address; ///< as written (port nullopt when none was given)
        quint16 port = ServerAddress::kDefaultPort; ///< the port it is asked on
        QString name; ///< ServerAddress::displayName() of host and port
    };

    /// What a file holds: every server, each once in the order of its first line, and the
    /// lines that name none.
    struct Contents
    {
        QList<Entry> servers;
        QList<BadLine> badLines;

        QStringList names() const;
    };

    /// Reads @p text (a file's contents, UTF-8 decoded; a byte order mark, LF or CRLF line
    /// ends are fine). A name without a port is asked on @p defaultPort. A server named twice
    /// (Windows' case-insensitive name rule, sc::namesEqual(), and the same port) is kept once.
    static Contents parse(const QString &text, quint16 defaultPort = ServerAddress::kDefaultPort);

    /// Whether @p a and @p b are the same server: the same name by sc::namesEqual() and the
    /// same port.
    static bool sameServer(const Entry &a, const Entry &b);

    /// One translated message naming every line of @p badLines with its number and text (the
    /// first few when there are many), for the file @p source; empty when there is none.
    static QString badLinesMessage(const QList<BadLine> &badLines, const QString &source);
};
