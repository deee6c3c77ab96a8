// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "openfilerecord.h"
#include "openfilerow.h"
#include "openfiletablemodel.h"
#include "sessionrecord.h"
#include "sessionrow.h"
#include "sessiontablemodel.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <string_view>

namespace {

sc::SessionText text(const QString &s)
{
    return sc::SessionText(
        std::u16string_view(reinterpret_cast<const char16_t *>(s.utf16()), std::size_t(s.size())));
}

std::uint32_t seconds(qint64 value)
{
    return static_cast<std::uint32_t>(
        std::clamp<qint64>(value, 0, std::numeric_limits<std::uint32_t>::max()));
}

// The row as the core reported it, with the durations counted up to now as the table shows
// them: the record functions work on the core's values, as sessionctl's do.
sc::SessionInfo infoOf(const SessionRow &row, qint64 nowMs)
{
    sc::SessionInfo info;
    info.clientName = text(row.client);
    info.userName = text(row.user);
    info.clientType = text(row.clientType);
    info.transport = text(row.transport);
    info.openCount = row.openCount;
    info.userFlags = row.userFlags;
    info.level = row.level;
    info.connectedSeconds = seconds(row.connectedSeconds(nowMs));
    info.idleSeconds = seconds(row.idleSeconds(nowMs));
    return info;
}

sc::OpenFileInfo infoOf(const OpenFileRow &row)
{
    sc::OpenFileInfo info;
    info.id = row.id;
    info.permissions = row.permissions;
    info.lockCount = row.lockCount;
    info.path = text(row.localPath);
    info.userName = text(row.user);
    info.level = row.level;
    return info;
}

template<typename Row>
QList<Row> rowsOf(const QAbstractItemModel &model, int role)
{
    QList<Row> rows;
    const int count = model.rowCount();
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append(model.index(i, 0).data(role).template value<Row>());
    return rows;
}

QByteArray document(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray TableExport::sessions(const QAbstractItemModel &model, const QString &server,
    bool idleTimeUnreported, Format format, qint64 nowMs)
{
    const QList<SessionRow> rows = rowsOf<SessionRow>(model, SessionTableModel::RowRole);
    // Each row's own server, when the table holds several (empty for a table of one).
    QStringList servers;
    servers.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const QString own = model.index(i, 0).data(SessionTableModel::ServerRole).toString();
        servers.append(own.isEmpty() ? server : own);
    }
    // One server answers at one level; should rows of two levels meet (the level changed
    // between polls), the CSV header names what all of them carry.
    sc::InfoLevel level = rows.isEmpty() ? sc::InfoLevel::Level0 : rows.front().level;
    sc::LevelFields fields = sc::fieldsOf(level);
    for (const SessionRow &row : rows)
        fields = SessionRecord::commonFields(fields, sc::fieldsOf(row.level));

    if (format == Format::Csv) {
        QString out = SessionRecord::csvHeader(fields, true);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            out += SessionRecord::csvLine(
                infoOf(rows.at(i), nowMs), fields, idleTimeUnreported, &servers.at(i));
        }
        return out.toUtf8();
    }
    QJsonArray sessions;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject o = SessionRecord::toJson(infoOf(rows.at(i), nowMs), idleTimeUnreported);
        o.insert(QLatin1String("server"), servers.at(i));
        sessions.append(o);
    }
    QJsonObject o;
    o.insert(QLatin1String("server"), server);
    o.insert(QLatin1String("level"), static_cast<int>(level));
    o.insert(QLatin1String("sessions"), sessions);
    return document(o);
}

QByteArray TableExport::openFiles(
    const QAbstractItemModel &model, const QString &server, Format format)
{
    const QList<OpenFileRow> rows = rowsOf<OpenFileRow>(model, OpenFileTableModel::RowRole);
    // The files of several servers (no one server named): each row says whose it is, as the
    // session export does; the files of one server are written as `sessionctl files` does.
    QStringList servers;
    if (server.isEmpty()) {
        servers.reserve(rows.size());
        for (int i = 0; i < rows.size(); ++i)
            servers.append(model.index(i, 0).data(OpenFileTableModel::ServerRole).toString());
    }
    const bool withServer = !servers.isEmpty();
    if (format == Format::Csv) {
        QString out = OpenFileRecord::csvHeader(withServer);
        for (qsizetype i = 0; i < rows.size(); ++i)
            out += OpenFileRecord::csvLine(
                infoOf(rows.at(i)), withServer ? &servers.at(i) : nullptr);
        return out.toUtf8();
    }
    QJsonArray files;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject o = OpenFileRecord::toJson(infoOf(rows.at(i)));
        if (withServer)
            o.insert(QLatin1String("server"), servers.at(i));
        files.append(o);
    }
    QJsonObject o;
    o.insert(QLatin1String("server"), server);
    o.insert(QLatin1String("level"),
        static_cast<int>(rows.isEmpty() ? sc::FileInfoLevel::Level3 : rows.front().level));
    o.insert(QLatin1String("files"), files);
    return document(o);
}
