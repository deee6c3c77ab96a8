// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilerecord.h"

#include "outputtext.h"
#include "sessionrecord.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {

template<typename Text>
QString qs(const Text &s)
{
    return OutputText::fromUtf16(s);
}

} // namespace

QStringList OpenFileRecord::permissionIds(std::uint32_t permissions)
{
    QStringList out;
    if (permissions & sc::kPermFileRead)
        out << QStringLiteral("read");
    if (permissions & sc::kPermFileWrite)
        out << QStringLiteral("write");
    if (permissions & sc::kPermFileCreate)
        out << QStringLiteral("create");
    return out;
}

QJsonObject OpenFileRecord::toJson(const sc::OpenFileInfo &file)
{
    // Level 2 carries only the id: null, not an empty path or zero locks the server never said.
    const bool rich = file.level == sc::FileInfoLevel::Level3;
    const QJsonValue null(QJsonValue::Null);
    QJsonObject o;
    o.insert(QLatin1String("id"), static_cast<qint64>(file.id));
    o.insert(QLatin1String("path"), rich ? QJsonValue(qs(file.path)) : null);
    o.insert(QLatin1String("user"), rich ? QJsonValue(qs(file.userName)) : null);
    o.insert(QLatin1String("locks"), rich ? QJsonValue(static_cast<qint64>(file.lockCount)) : null);
    o.insert(QLatin1String("permissions"),
        rich ? QJsonValue(QJsonArray::fromStringList(permissionIds(file.permissions))) : null);
    return o;
}

QString OpenFileRecord::csvHeader(bool withServer)
{
    return (withServer ? QStringLiteral("server,") : QString())
        + QStringLiteral("id,path,user,locks,permissions") + SessionRecord::kCsvLineEnd;
}

QString OpenFileRecord::csvLine(const sc::OpenFileInfo &f, const QString *server)
{
    using OutputText::csvField;
    const bool rich = f.level == sc::FileInfoLevel::Level3;
    return (server ? csvField(*server) + QLatin1Char(',') : QString()) + QString::number(f.id)
        + QLatin1Char(',') + (rich ? csvField(qs(f.path)) : QString()) + QLatin1Char(',')
        + (rich ? csvField(qs(f.userName)) : QString()) + QLatin1Char(',')
        + (rich ? QString::number(f.lockCount) : QString()) + QLatin1Char(',')
        + (rich ? permissionIds(f.permissions).join(QLatin1Char(' ')) : QString())
        + SessionRecord::kCsvLineEnd;
}
