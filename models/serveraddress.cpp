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
