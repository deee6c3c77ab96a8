// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionapi.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

/// Renders sessions for sessionctl: a human table (only the columns the information level
/// carries, durations as H:MM:SS), JSON (stable keys, null where the level carries nothing)
/// or CSV (RFC 4180, raw numbers).
class SessionFormatter
{
    Q_DECLARE_TR_FUNCTIONS(SessionFormatter)

public:
    enum class Format { Table, Json, Csv };

    explicit SessionFormatter(Format format)
        : m_format(format)
    {
    }
    Format format() const { return m_format; }

    /// The server does not report idle time (sc::idleTimeUnreported): show a dash in the
    /// table, null in JSON and an empty field in CSV instead of its zeros.
    void setIdleTimeUnreported(bool unreported) { m_idleTimeUnreported = unreported; }

    /// `list`: the sessions and the level that was used (and whether "auto" stepped down).
    QString list(const sc::SessionEnumResult &result, const QString &requestedLevel) const;
    /// `info`: the sessions of one user from one client (usually one; all of them if several).
    QString info(const sc::SessionList &sessions) const;
    /// `close`, before asking: what is about to end. Always a human table, whatever format()
    /// says, because it is shown to the person who confirms.
    QString closePreview(const sc::SessionList &sessions, sc::InfoLevel level) const;
    /// `close`, afterwards: how many sessions ended (and, for JSON/CSV, which were listed).
    QString closeResult(
        const sc::SessionList &listed, sc::InfoLevel level, std::uint32_t ended) const;
    /// An error for JSON output ({"error": {...}}); empty for the other formats, which
    /// report errors on stderr only.
    QString error(const sc::SessionError &error, const QString &text) const;

    /// One server's part in a command over several servers.
    struct ServerResult
    {
        QString server; ///< as ServerAddress::displayName() spells it
        /// What the server answered (close: the matching sessions); nullptr if it failed.
        const sc::SessionEnumResult *listing = nullptr;
        /// The server answered that no session matches the user/client (listing is nullptr).
        bool nothingMatched = false;
        bool idleTimeUnreported = false;
        const sc::SessionError *error = nullptr; ///< set when it failed
        QString errorText; ///< the translated message of error
        std::optional<std::uint32_t> ended; ///< close: how many sessions ended there
    };
    /// `list` and `find` over several servers: a Server column (CSV "server", a "server" key
    /// on every JSON session) and, in JSON, a "servers" array with each server's outcome.
    QString fleetList(
        const std::vector<ServerResult> &servers, const QString &requestedLevel) const;
    /// `close` over several servers, before asking: the matching sessions of every server and
    /// how many end on each. Always a human table, like closePreview().
    QString fleetClosePreview(const std::vector<ServerResult> &servers) const;
    /// `close` over several servers, afterwards: what ended on each.
    QString fleetCloseResult(const std::vector<ServerResult> &servers) const;

    /// 3725 -> "1:02:05".
    static QString duration(std::uint32_t seconds);
    static QJsonObject toJson(const sc::SessionInfo &session, bool idleTimeUnreported);
    static QJsonArray toJson(const sc::SessionList &sessions, bool idleTimeUnreported);
    /// @p document as every sessionctl command prints its JSON (the open-file ones too), so
    /// that scripts meet one layout whatever the command.
    static QString jsonText(const QJsonObject &document);
    /// The line under a table whose Idle column shows dashes.
    static QString idleTimeNote();
    /// What a server that "auto" had to step down for leaves out, in the operator's words;
    /// empty when @p level reports everything.
    static QString missingDetailsNote(sc::InfoLevel level);

    /// {"kind", "code", "codeText", "message"}, the error object of the JSON output.
    static QJsonObject errorJson(const sc::SessionError &error, const QString &text);

private:
    /// Table or CSV rows, possibly from several servers.
    struct Rows
    {
        std::vector<const sc::SessionInfo *> sessions;
        bool withServer = false; ///< a Server column first
        QStringList servers; ///< one per row, with the Server column
        std::vector<bool> idleTimeUnreported; ///< one per row; empty: m_idleTimeUnreported
        sc::LevelFields fields; ///< the columns
    };
    Rows rowsOf(const sc::SessionList &sessions, sc::InfoLevel level) const;
    /// The sessions of every server that answered, in the order of @p servers.
    static Rows rowsOf(const std::vector<ServerResult> &servers);
    bool idleUnreportedAt(const Rows &rows, std::size_t row) const;
    /// idleTimeNote() and its line break if a row of @p rows shows the dash; otherwise empty.
    QString idleTimeNoteUnder(const Rows &rows) const;
    QString table(const sc::SessionList &sessions, sc::InfoLevel level) const;
    QString table(const Rows &rows) const;
    QString csv(const sc::SessionList &sessions, sc::InfoLevel level) const;
    QString csv(const Rows &rows) const;
    static QJsonObject serverJson(const ServerResult &server, bool withEnded);
    /// {"servers", "sessions"} of a command over several servers: each server's outcome, and
    /// the sessions of all of them, each with the "server" it is on.
    static QJsonObject fleetJson(const std::vector<ServerResult> &servers, bool withEnded);
    /// A server's line in the summary of a command over several servers, worded alike in
    /// every command: nothing matched there, or it failed.
    static QString noMatchLine(const QString &server);
    static QString failedLine(const QString &server);
    QString infoBlock(const sc::SessionInfo &session) const;

    Format m_format;
    bool m_idleTimeUnreported = false;
};
