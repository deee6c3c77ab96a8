// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionformatter.h"

#include "outputtext.h"
#include "sessionrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

namespace {

using OutputText::printable;

template<typename Text>
QString qs(const Text &s)
{
    return OutputText::fromUtf16(s);
}

enum class Column {
    Server,
    Client,
    User,
    OpenCount,
    Connected,
    Idle,
    Flags,
    ClientType,
    Transport
};

std::vector<Column> columnsOf(const sc::LevelFields &f, bool withServer)
{
    std::vector<Column> columns;
    if (withServer)
        columns.push_back(Column::Server);
    columns.push_back(Column::Client);
    if (f.userName)
        columns.push_back(Column::User);
    if (f.openCount)
        columns.push_back(Column::OpenCount);
    if (f.times) {
        columns.push_back(Column::Connected);
        columns.push_back(Column::Idle);
    }
    if (f.userFlags)
        columns.push_back(Column::Flags);
    if (f.clientType)
        columns.push_back(Column::ClientType);
    if (f.transport)
        columns.push_back(Column::Transport);
    return columns;
}

// Shown for a value the server does not report.
const QString kNoValue = QStringLiteral("\u2014");

bool isNumeric(Column c)
{
    return c == Column::OpenCount || c == Column::Connected || c == Column::Idle;
}

int levelNumber(sc::InfoLevel level)
{
    return static_cast<int>(level);
}

} // namespace

QString SessionFormatter::duration(std::uint32_t seconds)
{
    // By hand rather than with QString::arg(): two per row, and the arg() chain was half of
    // the time a 1,000-row table took.
    char16_t text[16];
    char16_t *end = text + std::size(text);
    char16_t *p = end;
    const auto twoDigits = [&p](std::uint32_t n) {
        *--p = char16_t(u'0' + n % 10);
        *--p = char16_t(u'0' + n / 10);
    };
    twoDigits(seconds % 60);
    *--p = u':';
    twoDigits(seconds / 60 % 60);
    *--p = u':';
    std::uint32_t h = seconds / 3600;
    do {
        *--p = char16_t(u'0' + h % 10);
        h /= 10;
    } while (h != 0);
    return QString(reinterpret_cast<const QChar *>(p), end - p);
}

QJsonObject SessionFormatter::toJson(const sc::SessionInfo &s, bool idleTimeUnreported)
{
    return SessionRecord::toJson(s, idleTimeUnreported);
}

QJsonArray SessionFormatter::toJson(const sc::SessionList &sessions, bool idleTimeUnreported)
{
    QJsonArray array;
    for (const sc::SessionInfo &s : sessions)
        array.append(toJson(s, idleTimeUnreported));
    return array;
}

QString SessionFormatter::jsonText(const QJsonObject &document)
{
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

SessionFormatter::Rows SessionFormatter::rowsOf(
    const sc::SessionList &sessions, sc::InfoLevel level) const
{
    Rows rows;
    rows.fields = sc::fieldsOf(level);
    rows.sessions.reserve(sessions.size());
    for (const sc::SessionInfo &s : sessions)
        rows.sessions.push_back(&s);
    return rows;
}

bool SessionFormatter::idleUnreportedAt(const Rows &rows, std::size_t row) const
{
    return rows.idleTimeUnreported.empty() ? m_idleTimeUnreported : rows.idleTimeUnreported[row];
}

QString SessionFormatter::table(const sc::SessionList &sessions, sc::InfoLevel level) const
{
    return table(rowsOf(sessions, level));
}

QString SessionFormatter::table(const Rows &rows) const
{
    const std::vector<Column> columns = columnsOf(rows.fields, rows.withServer);

    QStringList header;
    for (Column c : columns) {
        switch (c) {
        case Column::Server:
            //: Table header: the file server a session is on.
            header << tr("Server");
            break;
        case Column::Client:
            //: Table header: the computer the session comes from.
            header << tr("Client");
            break;
        case Column::User:
            header << tr("User");
            break;
        case Column::OpenCount:
            //: Table header: number of files, devices and pipes the session has open.
            header << tr("Open");
            break;
        case Column::Connected:
            //: Table header: how long the session has existed (H:MM:SS).
            header << tr("Connected");
            break;
        case Column::Idle:
            //: Table header: time since the session's last activity (H:MM:SS).
            header << tr("Idle");
            break;
        case Column::Flags:
            // Two yes/no columns, as the console shows them: a column of "flags" was mostly
            // dashes and said nothing to an operator.
            //: Table header: whether the session is logged on as the guest account.
            header << tr("Guest");
            //: Table header (SESS_NOENCRYPTION): whether the password was sent in plain text
            //: at logon. Not about encryption of the session; avoid a negation.
            header << tr("Plain-text password");
            break;
        case Column::ClientType:
            //: Table header: the client's operating system or SMB client software.
            header << tr("Client type");
            break;
        case Column::Transport:
            //: Table header: the network transport of the session.
            header << tr("Transport");
            break;
        }
    }
    // One flat list of cells, row after row: a QStringList per row cost an allocation each.
    const std::size_t columnCount = static_cast<std::size_t>(header.size());
    QList<QString> cells;
    cells.reserve(static_cast<qsizetype>((rows.sessions.size() + 1) * columnCount));
    for (const QString &title : std::as_const(header))
        cells.append(title);

    const QLocale locale;
    const QString yes = tr("yes");
    const QString no = tr("no");
    for (std::size_t row = 0; row < rows.sessions.size(); ++row) {
        const sc::SessionInfo &s = *rows.sessions[row];
        for (Column c : columns) {
            switch (c) {
            case Column::Server:
                cells.append(printable(rows.servers.at(static_cast<qsizetype>(row))));
                break;
            case Column::Client:
                cells.append(printable(qs(s.clientName)));
                break;
            case Column::User:
                cells.append(printable(qs(s.userName)));
                break;
            case Column::OpenCount:
                // Grouped as the language writes numbers ("1.234" in German); CSV and JSON
                // stay raw for scripts.
                cells.append(locale.toString(s.openCount));
                break;
            case Column::Connected:
                cells.append(duration(s.connectedSeconds));
                break;
            case Column::Idle:
                cells.append(idleUnreportedAt(rows, row) ? kNoValue : duration(s.idleSeconds));
                break;
            case Column::Flags:
                cells.append(s.isGuest() ? yes : no);
                cells.append(s.isUnencrypted() ? yes : no);
                break;
            case Column::ClientType:
                cells.append(printable(qs(s.clientType)));
                break;
            case Column::Transport:
                cells.append(printable(qs(s.transport)));
                break;
            }
        }
    }

    // The flags column prints as two cells, so cells and columns are counted apart.
    std::vector<bool> numeric;
    numeric.reserve(columnCount);
    for (Column c : columns) {
        numeric.push_back(isNumeric(c));
        if (c == Column::Flags)
            numeric.push_back(false);
    }

    return OutputText::alignedColumns(cells, numeric);
}

QString SessionFormatter::csv(const sc::SessionList &sessions, sc::InfoLevel level) const
{
    return csv(rowsOf(sessions, level));
}

QString SessionFormatter::csv(const Rows &rows) const
{
    QString out = SessionRecord::csvHeader(rows.fields, rows.withServer);
    for (std::size_t i = 0; i < rows.sessions.size(); ++i) {
        out += SessionRecord::csvLine(*rows.sessions[i], rows.fields, idleUnreportedAt(rows, i),
            rows.withServer ? &rows.servers.at(static_cast<qsizetype>(i)) : nullptr);
    }
    return out;
}

QString SessionFormatter::list(
    const sc::SessionEnumResult &result, const QString &requestedLevel) const
{
    const int count = static_cast<int>(result.sessions.size());
    switch (m_format) {
    case Format::Json: {
        QJsonObject o;
        o.insert(QLatin1String("level"), levelNumber(result.level));
        o.insert(QLatin1String("requestedLevel"), requestedLevel);
        o.insert(QLatin1String("levelFellBack"), result.levelFellBack);
        o.insert(QLatin1String("totalEntries"), static_cast<qint64>(result.totalEntries));
        o.insert(QLatin1String("sessions"), toJson(result.sessions, m_idleTimeUnreported));
        return jsonText(o);
    }
    case Format::Csv:
        return csv(result.sessions, result.level);
    case Format::Table:
        break;
    }

    QString out;
    if (count == 0)
        out += tr("No sessions.") + QLatin1Char('\n');
    else
        out += table(result.sessions, result.level);
    out += tr("%n session(s).", nullptr, count);
    if (result.levelFellBack)
        out += QLatin1Char(' ') + missingDetailsNote(result.level);
    out += QLatin1Char('\n');
    if (m_idleTimeUnreported && count > 0)
        out += idleTimeNote() + QLatin1Char('\n');
    return out;
}

QString SessionFormatter::missingDetailsNote(sc::InfoLevel level)
{
    // Said in the operator's terms rather than as a level number: which details are missing.
    const sc::LevelFields f = sc::fieldsOf(level);
    QStringList missing;
    if (!f.userName)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("user names");
    if (!f.openCount)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("open file counts");
    if (!f.times)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("connection and idle times");
    if (!f.userFlags)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("guest and plain-text password flags");
    if (!f.clientType)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("client type");
    if (!f.transport)
        //: Part of "no %1": a detail the server leaves out.
        missing << tr("transport");
    if (missing.isEmpty())
        return {};
    //: %1 lists details, e.g. "client type, transport".
    return tr("This server reports basic session details only (no %1).")
        .arg(missing.join(QLatin1String(", ")));
}

QString SessionFormatter::idleTimeNote()
{
    //: %1 is the dash shown in the Idle column.
    return tr("%1: this server does not report idle time (it says 0 for every session).")
        .arg(kNoValue);
}

QString SessionFormatter::idleTimeNoteUnder(const Rows &rows) const
{
    // Only a table with a dash in it needs the note; servers that report idle time have none.
    for (std::size_t row = 0; row < rows.sessions.size(); ++row) {
        if (idleUnreportedAt(rows, row))
            return idleTimeNote() + QLatin1Char('\n');
    }
    return {};
}

QString SessionFormatter::info(const sc::SessionList &sessions) const
{
    if (sessions.empty())
        return {};
    const sc::SessionInfo &first = sessions.front();
    switch (m_format) {
    case Format::Json: {
        // The first session's keys at the top, as before there could be several; then all.
        QJsonObject o = toJson(first, m_idleTimeUnreported);
        o.insert(QLatin1String("sessionCount"), static_cast<qint64>(sessions.size()));
        o.insert(QLatin1String("sessions"), toJson(sessions, m_idleTimeUnreported));
        return jsonText(o);
    }
    case Format::Csv:
        return csv(sessions, first.level);
    case Format::Table:
        break;
    }

    QString out;
    if (sessions.size() > 1) {
        //: %1 is a user name, %2 a client computer.
        out += tr("%1 has %n sessions from %2:", nullptr, static_cast<int>(sessions.size()))
                   .arg(printable(qs(first.userName)), printable(qs(first.clientName)))
            + QLatin1Char('\n');
    }
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (sessions.size() > 1) {
            //: Heading of one session in a list of several: "Session 2 of 3".
            out += QLatin1Char('\n') + tr("Session %1 of %2").arg(i + 1).arg(sessions.size())
                + QLatin1Char('\n');
        }
        out += infoBlock(sessions[i]);
    }
    return out;
}

QString SessionFormatter::infoBlock(const sc::SessionInfo &s) const
{
    const sc::LevelFields f = sc::fieldsOf(s.level);
    QList<QPair<QString, QString>> lines;
    lines.append({tr("Client:"), printable(qs(s.clientName))});
    if (f.userName)
        lines.append({tr("User:"), printable(qs(s.userName))});
    if (f.openCount) {
        //: Files, devices and pipes the session has open.
        lines.append({tr("Open files:"), QLocale().toString(s.openCount)});
    }
    if (f.times) {
        lines.append({tr("Connected for:"), duration(s.connectedSeconds)});
        lines.append({tr("Idle for:"),
            m_idleTimeUnreported ? kNoValue
                    + QLatin1Char(' ')
                    //: After a dash in place of the idle time.
                    + tr("(this server does not report idle time)")
                                 : duration(s.idleSeconds)});
    }
    if (f.userFlags) {
        lines.append({tr("Guest:"), s.isGuest() ? tr("yes") : tr("no")});
        //: SESS_NOENCRYPTION: whether the password was sent in plain text at logon (not about
        //: encryption of the session). Phrase it without a negation: the answer is yes/no.
        lines.append({tr("Plain-text password:"), s.isUnencrypted() ? tr("yes") : tr("no")});
    }
    if (f.clientType)
        lines.append({tr("Client type:"), printable(qs(s.clientType))});
    if (f.transport)
        lines.append({tr("Transport:"), printable(qs(s.transport))});

    qsizetype width = 0;
    for (const auto &line : lines)
        width = std::max(width, line.first.size());
    QString out;
    for (const auto &line : lines)
        out += line.first.leftJustified(width + 1) + line.second + QLatin1Char('\n');
    return out;
}

QString SessionFormatter::closePreview(const sc::SessionList &sessions, sc::InfoLevel level) const
{
    QString out
        = tr("These %n session(s) will be ended:", nullptr, static_cast<int>(sessions.size()))
        + QLatin1Char('\n') + table(sessions, level);
    if (m_idleTimeUnreported)
        out += idleTimeNote() + QLatin1Char('\n');
    return out;
}

QString SessionFormatter::closeResult(
    const sc::SessionList &listed, sc::InfoLevel level, std::uint32_t ended) const
{
    switch (m_format) {
    case Format::Json: {
        QJsonObject o;
        o.insert(QLatin1String("ended"), static_cast<qint64>(ended));
        o.insert(QLatin1String("sessions"), toJson(listed, false));
        return jsonText(o);
    }
    case Format::Csv:
        return csv(listed, level);
    case Format::Table:
        break;
    }
    return tr("Ended %n session(s).", nullptr, static_cast<int>(ended)) + QLatin1Char('\n');
}

QString SessionFormatter::error(const sc::SessionError &error, const QString &text) const
{
    if (m_format != Format::Json)
        return {};
    QJsonObject o;
    o.insert(QLatin1String("error"), errorJson(error, text));
    return jsonText(o);
}

QJsonObject SessionFormatter::errorJson(const sc::SessionError &error, const QString &text)
{
    QJsonObject e;
    e.insert(QLatin1String("kind"), QLatin1String(sc::errorKindId(error.kind())));
    // Kerberos codes are negative, as kinit and the Kerberos documentation print them.
    e.insert(QLatin1String("code"),
        error.codeSpace() == sc::CodeSpace::Kerberos
            ? static_cast<qint64>(static_cast<std::int32_t>(error.code()))
            : static_cast<qint64>(error.code()));
    e.insert(QLatin1String("codeText"), QString::fromStdString(error.codeText()));
    e.insert(QLatin1String("message"), text);
    return e;
}

SessionFormatter::Rows SessionFormatter::rowsOf(const std::vector<ServerResult> &servers)
{
    Rows rows;
    bool first = true;
    for (const ServerResult &server : servers) {
        if (!server.listing)
            continue;
        const sc::LevelFields f = sc::fieldsOf(server.listing->level);
        rows.fields = first ? f : SessionRecord::commonFields(rows.fields, f);
        first = false;
        for (const sc::SessionInfo &s : server.listing->sessions) {
            rows.sessions.push_back(&s);
            rows.servers.append(server.server);
            rows.idleTimeUnreported.push_back(server.idleTimeUnreported);
        }
    }
    rows.withServer = true;
    return rows;
}

QJsonObject SessionFormatter::serverJson(const ServerResult &server, bool withEnded)
{
    const QJsonValue null(QJsonValue::Null);
    QJsonObject o;
    o.insert(QLatin1String("server"), server.server);
    o.insert(QLatin1String("ok"), server.error == nullptr);
    o.insert(QLatin1String("level"),
        server.listing ? QJsonValue(levelNumber(server.listing->level)) : null);
    o.insert(QLatin1String("sessionCount"),
        server.listing ? QJsonValue(static_cast<qint64>(server.listing->sessions.size()))
            : server.nothingMatched ? QJsonValue(0)
                                    : null);
    if (withEnded) {
        o.insert(QLatin1String("ended"),
            server.ended ? QJsonValue(static_cast<qint64>(*server.ended)) : null);
    }
    o.insert(QLatin1String("error"),
        server.error ? QJsonValue(errorJson(*server.error, server.errorText)) : null);
    return o;
}

QJsonObject SessionFormatter::fleetJson(const std::vector<ServerResult> &servers, bool withEnded)
{
    QJsonArray list;
    QJsonArray sessions;
    for (const ServerResult &server : servers) {
        list.append(serverJson(server, withEnded));
        if (!server.listing)
            continue;
        for (const sc::SessionInfo &s : server.listing->sessions) {
            QJsonObject o = toJson(s, server.idleTimeUnreported);
            o.insert(QLatin1String("server"), server.server);
            sessions.append(o);
        }
    }
    QJsonObject o;
    o.insert(QLatin1String("servers"), list);
    o.insert(QLatin1String("sessions"), sessions);
    return o;
}

QString SessionFormatter::noMatchLine(const QString &server)
{
    //: %1 is a server.
    return tr("%1: no matching session.").arg(printable(server));
}

QString SessionFormatter::failedLine(const QString &server)
{
    //: %1 is a server; its error message is on standard error.
    return tr("%1: failed (see the message on standard error).").arg(printable(server));
}

QString SessionFormatter::fleetList(
    const std::vector<ServerResult> &servers, const QString &requestedLevel) const
{
    const Rows rows = rowsOf(servers);
    switch (m_format) {
    case Format::Json: {
        QJsonObject o = fleetJson(servers, false);
        o.insert(QLatin1String("requestedLevel"), requestedLevel);
        return jsonText(o);
    }
    case Format::Csv:
        return csv(rows);
    case Format::Table:
        break;
    }

    QString out = rows.sessions.empty() ? tr("No sessions.") + QLatin1Char('\n') : table(rows);
    for (const ServerResult &server : servers) {
        if (server.listing) {
            const int count = static_cast<int>(server.listing->sessions.size());
            //: %1 is a server.
            out += tr("%1: %n session(s).", nullptr, count).arg(printable(server.server));
            if (server.listing->levelFellBack)
                out += QLatin1Char(' ') + missingDetailsNote(server.listing->level);
        } else if (server.nothingMatched) {
            out += noMatchLine(server.server);
        } else {
            out += failedLine(server.server);
        }
        out += QLatin1Char('\n');
    }
    return out + idleTimeNoteUnder(rows);
}

QString SessionFormatter::fleetClosePreview(const std::vector<ServerResult> &servers) const
{
    const Rows rows = rowsOf(servers);
    QString out = rows.sessions.empty() ? QString() : table(rows);
    for (const ServerResult &server : servers) {
        if (!server.listing && !server.nothingMatched)
            continue;
        const int count = server.listing ? static_cast<int>(server.listing->sessions.size()) : 0;
        out += count == 0
            ? noMatchLine(server.server)
            //: %1 is a server.
            : tr("%1: %n session(s) will be ended.", nullptr, count).arg(printable(server.server));
        out += QLatin1Char('\n');
    }
    return out + idleTimeNoteUnder(rows);
}

QString SessionFormatter::fleetCloseResult(const std::vector<ServerResult> &servers) const
{
    switch (m_format) {
    case Format::Json: {
        qint64 ended = 0;
        for (const ServerResult &server : servers)
            ended += server.ended.value_or(0);
        QJsonObject o = fleetJson(servers, true);
        o.insert(QLatin1String("ended"), ended);
        return jsonText(o);
    }
    case Format::Csv:
        return csv(rowsOf(servers));
    case Format::Table:
        break;
    }
    QString out;
    for (const ServerResult &server : servers) {
        if (server.ended) {
            //: %1 is a server.
            out += tr("%1: ended %n session(s).", nullptr, static_cast<int>(*server.ended))
                       .arg(printable(server.server));
        } else if (server.error) {
            out += failedLine(server.server);
        } else {
            out += noMatchLine(server.server);
        }
        out += QLatin1Char('\n');
    }
    return out;
}
