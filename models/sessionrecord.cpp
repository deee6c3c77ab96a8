// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrecord.h"

#include "outputtext.h"

#include <QJsonValue>
#include <QStringList>

namespace {

template<typename Text>
QString qs(const Text &s)
{
    return OutputText::fromUtf16(s);
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

QJsonObject SessionRecord::toJson(const sc::SessionInfo &s, bool idleTimeUnreported)
{
    // Every key is always present so scripts can rely on the shape; null marks what the
    // level does not carry, which differs from a real zero or empty string.
    const sc::LevelFields f = sc::fieldsOf(s.level);
    const QJsonValue null(QJsonValue::Null);
    QJsonObject o;
    o.insert(QLatin1String("client"), qs(s.clientName));
    o.insert(QLatin1String("user"), f.userName ? QJsonValue(qs(s.userName)) : null);
    o.insert(QLatin1String("openCount"),
        f.openCount ? QJsonValue(static_cast<qint64>(s.openCount)) : null);
    o.insert(QLatin1String("connectedSeconds"),
        f.times ? QJsonValue(static_cast<qint64>(s.connectedSeconds)) : null);
    o.insert(QLatin1String("idleSeconds"),
        f.times && !idleTimeUnreported ? QJsonValue(static_cast<qint64>(s.idleSeconds)) : null);
    o.insert(QLatin1String("userFlags"),
        f.userFlags ? QJsonValue(static_cast<qint64>(s.userFlags)) : null);
    o.insert(QLatin1String("guest"), f.userFlags ? QJsonValue(s.isGuest()) : null);
    // SESS_NOENCRYPTION: the password went over the wire in plain text at logon. It says
    // nothing about encryption of the session, so the key does not say "encrypted".
    o.insert(
        QLatin1String("plainTextPassword"), f.userFlags ? QJsonValue(s.isUnencrypted()) : null);
    o.insert(QLatin1String("clientType"), f.clientType ? QJsonValue(qs(s.clientType)) : null);
    o.insert(QLatin1String("transport"), f.transport ? QJsonValue(qs(s.transport)) : null);
    o.insert(QLatin1String("level"), static_cast<int>(s.level));
    return o;
}

QString SessionRecord::csvHeader(const sc::LevelFields &f, bool withServer)
{
    // Header names are the JSON keys, untranslated: CSV is for scripts and spreadsheets that
    // must not break when the operator's language changes.
    QStringList header;
    if (withServer)
        header << QStringLiteral("server");
    header << QStringLiteral("client");
    if (f.userName)
        header << QStringLiteral("user");
    if (f.openCount)
        header << QStringLiteral("openCount");
    if (f.times)
        header << QStringLiteral("connectedSeconds") << QStringLiteral("idleSeconds");
    if (f.userFlags) {
        header << QStringLiteral("userFlags") << QStringLiteral("guest")
               << QStringLiteral("plainTextPassword");
    }
    if (f.clientType)
        header << QStringLiteral("clientType");
    if (f.transport)
        header << QStringLiteral("transport");
    return header.join(QLatin1Char(',')) + kCsvLineEnd;
}

QString SessionRecord::csvLine(const sc::SessionInfo &s, const sc::LevelFields &f,
    bool idleTimeUnreported, const QString *server)
{
    using OutputText::csvField;
    QStringList row;
    if (server)
        row << csvField(*server);
    row << csvField(qs(s.clientName));
    if (f.userName)
        row << csvField(qs(s.userName));
    if (f.openCount)
        row << QString::number(s.openCount);
    if (f.times) {
        // An empty field is CSV's null: the server does not report idle time.
        row << QString::number(s.connectedSeconds)
            << (idleTimeUnreported ? QString() : QString::number(s.idleSeconds));
    }
    if (f.userFlags)
        row << QString::number(s.userFlags) << boolText(s.isGuest()) << boolText(s.isUnencrypted());
    if (f.clientType)
        row << csvField(qs(s.clientType));
    if (f.transport)
        row << csvField(qs(s.transport));
    return row.join(QLatin1Char(',')) + kCsvLineEnd;
}

sc::LevelFields SessionRecord::commonFields(const sc::LevelFields &a, const sc::LevelFields &b)
{
    return {a.userName && b.userName, a.openCount && b.openCount, a.times && b.times,
        a.userFlags && b.userFlags, a.clientType && b.clientType, a.transport && b.transport};
}
