// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sc {
class SessionError;
enum class FileCloseOutcome;
} // namespace sc

/// One NetSessionDel or NetFileClose as the audit log keeps it: who asked, on which server
/// with which account, whose sessions or which file, and what came of it. There is
/// deliberately no field that could hold a password.
struct AuditRecord
{
    QDateTime time; ///< UTC, millisecond precision
    QString program; ///< "session-console" or "sessionctl"
    QString localUser; ///< the operator's account on this machine
    QString sudoUser; ///< who ran it through sudo, if anyone
    QString localHost; ///< this machine's name
    QString server; ///< "host", or "host:port" when the port is not 445
    QString account; ///< "DOMAIN\\user" or "user" used on the server; empty with Kerberos
    bool kerberos = false; ///< logged on with a Kerberos ticket instead of a password
    QString client; ///< NetSessionDel's client; empty: every client of the user
    QString user; ///< NetSessionDel's user; empty: every user of the client. For a file: its user
    /// Empty for NetSessionDel; kActionCloseFile for NetFileClose, with the fields below.
    QString action;
    quint32 fileId = 0;
    QString path; ///< the file's path as the server reported it
    bool ok = false;
    quint32 ended = 0; ///< sessions the server ended (when ok)
    QString errorKind; ///< sc::errorKindId(), e.g. "access-denied" (when not ok)
    quint32 errorCode = 0;
    QString errorCodeText; ///< e.g. "ERROR_ACCESS_DENIED"
    QString errorMessage; ///< plain English, as the core words it

    static inline const QString kActionCloseFile = QStringLiteral("close-file");

    void setEnded(quint32 count);
    void setError(const sc::SessionError &error);
    /// What came of a NetFileClose, as setEnded() or setError(); @p error is the server's
    /// answer for FileCloseOutcome::Failed. The console and sessionctl both record this way.
    void setFileCloseOutcome(
        sc::FileCloseOutcome outcome, const std::optional<sc::SessionError> &error);

    QJsonObject toJson() const;
    /// nullopt when @p object lacks the time or the server.
    static std::optional<AuditRecord> fromJson(const QJsonObject &object);
};

/// The local audit log of disconnects: JSON lines, one AuditRecord per line, in a file only
/// its owner may read (0600). The console and sessionctl append to the same file.
///
/// Each append() opens the file in append mode, writes one whole line with a single write
/// and closes it again, so the two programs (and the console's worker thread) can append
/// concurrently without interleaving. QtCore only: sessionctl links nothing else.
class AuditLog
{
public:
    /// Records as @p program to @p filePath. Who the operator is is read here, once.
    explicit AuditLog(const QString &program, const QString &filePath = defaultFilePath());

    /// The console's QStandardPaths::AppDataLocation + "/audit.jsonl", also when sessionctl
    /// asks (Linux: ~/.local/share/SessionConsole/session-console/audit.jsonl).
    static QString defaultFilePath();
    /// The operator's local account name (the real user id's, not $USER).
    static QString localUserName();
    /// "DOMAIN\\user", or "user" without a domain.
    static QString accountName(const QString &domain, const QString &user);

    QString filePath() const { return m_filePath; }
    QString program() const { return m_program; }

    /// A record with the time (now), program and the operator's identity filled in.
    AuditRecord newRecord() const;
    /// Appends one line; creates the file (0600) and its folder (0700) if needed. Returns
    /// false and sets @p error when it could not.
    bool append(const AuditRecord &record, QString *error = nullptr) const;
    /// Every record, newest first. A missing file is an empty log, not an error. Lines that
    /// do not parse are skipped and counted in @p skipped.
    QList<AuditRecord> read(QString *error = nullptr, int *skipped = nullptr) const;

private:
    QString m_program;
    QString m_filePath;
    QString m_localUser;
    QString m_sudoUser;
    QString m_localHost;
};
