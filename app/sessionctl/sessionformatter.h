// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionapi.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

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

    /// 3725 -> "1:02:05".
    static QString duration(std::uint32_t seconds);
    static QJsonObject toJson(const sc::SessionInfo &session, bool idleTimeUnreported);
    /// The line under a table whose Idle column shows dashes.
    static QString idleTimeNote();

private:
    QString table(const sc::SessionList &sessions, sc::InfoLevel level) const;
    QString csv(const sc::SessionList &sessions, sc::InfoLevel level) const;
    QString infoBlock(const sc::SessionInfo &session) const;

    Format m_format;
    bool m_idleTimeUnreported = false;
};
