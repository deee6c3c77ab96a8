// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "sessionapi.h"
#include "sessionerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>

#include <vector>
#endif

namespace {

// As app/main.cpp names the console; sessionctl writes into the console's folder.
const QString kOrganization = QStringLiteral("SessionConsole");
const QString kConsoleApplication = QStringLiteral("session-console");
const QString kFileName = QStringLiteral("audit.jsonl");

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kForeign = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

} // namespace

void AuditRecord::setEnded(quint32 count)
{
    ok = true;
    ended = count;
    errorKind.clear();
    errorCode = 0;
    errorCodeText.clear();
    errorMessage.clear();
}

void AuditRecord::setError(const sc::SessionError &error)
{
    ok = false;
    ended = 0;
    errorKind = QString::fromLatin1(sc::errorKindId(error.kind()));
    errorCode = error.code();
    errorCodeText = QString::fromStdString(error.codeText());
    errorMessage = QString::fromStdString(error.message());
}

void AuditRecord::setFileCloseOutcome(
    sc::FileCloseOutcome outcome, const std::optional<sc::SessionError> &error)
{
    switch (outcome) {
    case sc::FileCloseOutcome::Closed:
        setEnded(1);
        break;
    case sc::FileCloseOutcome::WasNotOpen:
        setError(sc::SessionError::fromWin32(
            sc::win32::FileNotFound, "the file was no longer open; nothing was closed"));
        break;
    case sc::FileCloseOutcome::StillOpen:
        setError(sc::SessionError::local(
            sc::ErrorKind::Other, "the server accepted the close but the file is still open"));
        break;
    case sc::FileCloseOutcome::Failed:
        setError(error.value_or(sc::SessionError::local(sc::ErrorKind::Other)));
        break;
    }
}

QJsonObject AuditRecord::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QLatin1String("program"), program);
    o.insert(QLatin1String("localUser"), localUser);
    if (!sudoUser.isEmpty())
        o.insert(QLatin1String("sudoUser"), sudoUser);
    o.insert(QLatin1String("localHost"), localHost);
    o.insert(QLatin1String("server"), server);
    o.insert(QLatin1String("account"), account);
    o.insert(QLatin1String("kerberos"), kerberos);
    o.insert(QLatin1String("client"), client);
    o.insert(QLatin1String("user"), user);
    if (!action.isEmpty()) {
        o.insert(QLatin1String("action"), action);
        o.insert(QLatin1String("fileId"), qint64(fileId));
        o.insert(QLatin1String("path"), path);
    }
    o.insert(QLatin1String("result"), ok ? QStringLiteral("ok") : QStringLiteral("error"));
    if (ok) {
        o.insert(QLatin1String("ended"), qint64(ended));
    } else {
        QJsonObject e;
        e.insert(QLatin1String("kind"), errorKind);
        e.insert(QLatin1String("code"), qint64(errorCode));
        e.insert(QLatin1String("codeText"), errorCodeText);
        e.insert(QLatin1String("message"), errorMessage);
        o.insert(QLatin1String("error"), e);
    }
    return o;
}

std::optional<AuditRecord> AuditRecord::fromJson(const QJsonObject &o)
{
    AuditRecord r;
    r.time = QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    r.server = o.value(QLatin1String("server")).toString();
    if (!r.time.isValid() || r.server.isEmpty())
        return std::nullopt;
    r.program = o.value(QLatin1String("program")).toString();
    r.localUser = o.value(QLatin1String("localUser")).toString();
    r.sudoUser = o.value(QLatin1String("sudoUser")).toString();
    r.localHost = o.value(QLatin1String("localHost")).toString();
    r.account = o.value(QLatin1String("account")).toString();
    r.kerberos = o.value(QLatin1String("kerberos")).toBool();
    r.client = o.value(QLatin1String("client")).toString();
    r.user = o.value(QLatin1String("user")).toString();
    r.action = o.value(QLatin1String("action")).toString();
    r.fileId = quint32(o.value(QLatin1String("fileId")).toInteger());
    r.path = o.value(QLatin1String("path")).toString();
    r.ok = o.value(QLatin1String("result")).toString() == QLatin1String("ok");
    if (r.ok) {
        r.ended = quint32(o.value(QLatin1String("ended")).toInteger());
    } else {
        const QJsonObject e = o.value(QLatin1String("error")).toObject();
        r.errorKind = e.value(QLatin1String("kind")).toString();
        r.errorCode = quint32(e.value(QLatin1String("code")).toInteger());
        r.errorCodeText = e.value(QLatin1String("codeText")).toString();
        r.errorMessage = e.value(QLatin1String("message")).toString();
    }
    return r;
}

AuditLog::AuditLog(const QString &program, const QString &filePath)
    : m_program(program)
    , m_filePath(filePath)
    , m_localUser(localUserName())
    , m_localHost(QSysInfo::machineHostName())
{
#if defined(Q_OS_UNIX)
    // Under sudo the local account is root; the log should still say who typed the command.
    if (getuid() == 0)
        m_sudoUser = qEnvironmentVariable("SUDO_USER");
#endif
}

QString AuditLog::defaultFilePath()
{
    // AppDataLocation is "<data root>/<organisation>/<application>" (parts left out when
    // empty): replace the caller's names by the console's so both programs share one file.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString suffix;
    for (const QString &part :
        {QCoreApplication::organizationName(), QCoreApplication::applicationName()}) {
        if (!part.isEmpty())
            suffix += QLatin1Char('/') + part;
    }
    if (!suffix.isEmpty() && dir.endsWith(suffix))
        dir.chop(suffix.size());
    return dir + QLatin1Char('/') + kOrganization + QLatin1Char('/') + kConsoleApplication
        + QLatin1Char('/') + kFileName;
}

QString AuditLog::localUserName()
{
#if defined(Q_OS_UNIX)
    // The real user id's name: $USER is whatever the environment claims.
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? std::size_t(size) : 16384);
    struct passwd entry
    {
    };
    struct passwd *found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(getuid());
#else
    const QString domain = qEnvironmentVariable("USERDOMAIN");
    const QString user = qEnvironmentVariable("USERNAME");
    return domain.isEmpty() ? user : domain + QLatin1Char('\\') + user;
#endif
}

QString AuditLog::accountName(const QString &domain, const QString &user)
{
    return domain.isEmpty() ? user : domain + QLatin1Char('\\') + user;
}

AuditRecord AuditLog::newRecord() const
{
    AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.program = m_program;
    r.localUser = m_localUser;
    r.sudoUser = m_sudoUser;
    r.localHost = m_localHost;
    return r;
}

bool AuditLog::append(const AuditRecord &record, QString *error) const
{
    auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString dirPath = QFileInfo(m_filePath).absolutePath();
    if (!QFileInfo::exists(dirPath)) {
        if (!QDir().mkpath(dirPath))
            return failed(QStringLiteral("cannot create the folder %1").arg(dirPath));
        // The application's own data folder, created by us: nobody else needs to look in.
        QFile::setPermissions(
            dirPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    QFile file(m_filePath);
    // Unbuffered: the line reaches the kernel as one write(2) on an O_APPEND descriptor.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered, kOwnerOnly))
        return failed(QStringLiteral("%1: %2").arg(m_filePath, file.errorString()));
    // A file made by hand or with a laxer umask is narrowed to its owner.
    if (file.permissions() & kForeign)
        file.setPermissions(kOwnerOnly);
    const QByteArray line = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size())
        return failed(QStringLiteral("%1: %2").arg(m_filePath, file.errorString()));
    return true;
}

QList<AuditRecord> AuditLog::read(QString *error, int *skipped) const
{
    QList<AuditRecord> records;
    if (skipped)
        *skipped = 0;
    QFile file(m_filePath);
    if (!file.exists())
        return records;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_filePath, file.errorString());
        return records;
    }
    const QByteArray data = file.readAll();
    for (const QByteArray &line : data.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        const std::optional<AuditRecord> record
            = doc.isObject() ? AuditRecord::fromJson(doc.object()) : std::nullopt;
        if (record)
            records.append(*record);
        else if (skipped)
            ++*skipped;
    }
    // Appended in the order they happened; the newest is what an operator looks for first.
    std::reverse(records.begin(), records.end());
    return records;
}
