// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverselection.h"

#include "nameequality.h"
#include "serveraddress.h"
#include "serverlistfile.h"

#include <algorithm>

#include <QFile>

namespace {

// A list of servers, not a data file: anything larger is a wrong file given by mistake.
constexpr qint64 kMaxServersFileSize = 1024 * 1024;

void appendOnce(QList<ServerTarget> &list, const ServerTarget &target)
{
    // The same server twice would be asked twice, and a close would report it twice. "FS01"
    // and "fs01" are one server, by the rule the servers file follows too.
    const QString host = QString::fromStdString(target.host);
    const bool known = std::any_of(list.cbegin(), list.cend(), [&](const ServerTarget &t) {
        return t.port == target.port && sc::namesEqual(QString::fromStdString(t.host), host);
    });
    if (!known)
        list.append(target);
}

} // namespace

std::optional<ServerTarget> ServerSelection::target(const QString &text, std::uint16_t defaultPort)
{
    const std::optional<ServerAddress> address = ServerAddress::parseStrict(text);
    if (!address)
        return std::nullopt;
    ServerTarget t;
    t.host = address->host.toStdString();
    t.port = address->port.value_or(defaultPort);
    t.name = ServerAddress::displayName(address->host, t.port);
    return t;
}

std::optional<QList<ServerTarget>> ServerSelection::parseFile(
    const QString &text, const QString &source, std::uint16_t defaultPort, QString *error)
{
    const ServerListFile::Contents contents = ServerListFile::parse(text, defaultPort);
    // A script asks every server it names or none: a server left out without failing would
    // look like a server without sessions.
    if (!contents.badLines.isEmpty()) {
        *error = ServerListFile::badLinesMessage(contents.badLines, source);
        return std::nullopt;
    }
    QList<ServerTarget> list;
    for (const ServerListFile::Entry &entry : contents.servers) {
        ServerTarget t;
        t.host = entry.address.host.toStdString();
        t.port = entry.port;
        t.name = entry.name;
        appendOnce(list, t);
    }
    return list;
}

std::optional<QList<ServerTarget>> ServerSelection::read(const QStringList &serverValues,
    const QString &serversFile, std::uint16_t defaultPort, QString *error)
{
    QList<ServerTarget> list;
    for (const QString &value : serverValues) {
        const std::optional<ServerTarget> t = target(value, defaultPort);
        if (!t) {
            //: Keep "--server" untranslated. %1 is what was given.
            *error = tr("--server \"%1\" is not a server name (use host, host:port, \\\\host or "
                        "[IPv6 address]:port).")
                         .arg(value);
            return std::nullopt;
        }
        appendOnce(list, *t);
    }
    if (!serversFile.isEmpty()) {
        QFile file(serversFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = tr("Cannot read the servers file \"%1\": %2")
                         .arg(serversFile, file.errorString());
            return std::nullopt;
        }
        if (file.size() > kMaxServersFileSize) {
            *error = tr("The servers file \"%1\" is too large.").arg(serversFile);
            return std::nullopt;
        }
        const std::optional<QList<ServerTarget>> fromFile
            = parseFile(QString::fromUtf8(file.readAll()), serversFile, defaultPort, error);
        if (!fromFile)
            return std::nullopt;
        for (const ServerTarget &t : *fromFile)
            appendOnce(list, t);
        if (fromFile->isEmpty() && serverValues.isEmpty()) {
            *error = tr("The servers file \"%1\" names no server.").arg(serversFile);
            return std::nullopt;
        }
    }
    if (list.isEmpty()) {
        //: Keep the option names untranslated.
        *error = tr("--server (or --servers-file) is required.");
        return std::nullopt;
    }
    return list;
}
