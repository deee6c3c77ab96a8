// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

ServerAddress ServerAddress::parse(const QString &text)
{
    QString s = text.trimmed();
    while (s.startsWith(QLatin1Char('\\')) || s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    ServerAddress address;
    auto takePort = [&](qsizetype colon) {
        bool ok = false;
        const uint port = s.mid(colon + 1).toUInt(&ok);
        if (ok && port > 0 && port <= 65535)
            address.port = quint16(port);
    };
    if (s.startsWith(QLatin1Char('['))) {
        const qsizetype end = s.indexOf(QLatin1Char(']'));
        if (end > 0) {
            address.host = s.mid(1, end - 1);
            if (s.size() > end + 1 && s.at(end + 1) == QLatin1Char(':'))
                takePort(end + 1);
            return address;
        }
    }
    // More than one colon without brackets: an IPv6 address without port.
    if (s.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = s.indexOf(QLatin1Char(':'));
        takePort(colon);
        address.host = s.left(colon);
    } else {
        address.host = s;
    }
    return address;
}

QString ServerAddress::displayName(const QString &host, quint16 port)
{
    const QString h
        = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return port == kDefaultPort ? h : h + QLatin1Char(':') + QString::number(port);
}

std::optional<ServerAddress> ServerAddress::parseStrict(const QString &text)
{
    QString s = text.trimmed();
    while (s.startsWith(QLatin1Char('\\')) || s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    // Whatever parse() would drop silently makes the text something else than a server name.
    qsizetype portColon = -1;
    if (s.startsWith(QLatin1Char('['))) {
        const qsizetype end = s.indexOf(QLatin1Char(']'));
        if (end < 0)
            return std::nullopt;
        if (s.size() > end + 1) {
            if (s.at(end + 1) != QLatin1Char(':'))
                return std::nullopt;
            portColon = end + 1;
        }
    } else if (s.count(QLatin1Char(':')) == 1) {
        portColon = s.indexOf(QLatin1Char(':'));
    }
    ServerAddress address = parse(s);
    if (portColon >= 0 && !address.port)
        return std::nullopt;
    // A bare port keeps parse()'s leniency out: "fs01:+445" or "fs01: 445" is no port.
    if (portColon >= 0) {
        const QStringView digits = QStringView(s).mid(portColon + 1);
        for (const QChar c : digits) {
            if (!c.isDigit())
                return std::nullopt;
        }
    }
    if (address.host.isEmpty())
        return std::nullopt;
    for (const QChar c : std::as_const(address.host)) {
        if (c.isSpace() || c == QLatin1Char('\\') || c == QLatin1Char('/') || c == QLatin1Char('[')
            || c == QLatin1Char(']'))
            return std::nullopt;
    }
    return address;
}
