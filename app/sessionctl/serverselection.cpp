// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverselection.h"

#include "serveraddress.h"

#include <QFile>

namespace {

// A list of servers, not a data file: anything larger is a wrong file given by mistake.
constexpr qint64 kMaxServersFileSize = 1024 * 1024;

void appendOnce(QList<ServerTarget> &list, const ServerTarget &target)
{
    // The same server twice would be asked twice, and a close would report it twice.
    if (!list.contains(target))
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
    QList<ServerTarget> list;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (const qsizetype hash = line.indexOf(QLatin1Char('#')); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const std::optional<ServerTarget> t = target(line, defaultPort);
        if (!t) {
            //: %1 is a file name, %2 a line number, %3 the text on that line.
            *error = tr("%1, line %2: \"%3\" is not a server name (use host, host:port, "
                        "\\\\host or [IPv6 address]:port).")
                         .arg(source)
                         .arg(i + 1)
                         .arg(line);
            return std::nullopt;
        }
        appendOnce(list, *t);
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
