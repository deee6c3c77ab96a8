// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetcommand.h"

#include "idletime.h"
#include "listingorder.h"
#include "nameequality.h"
#include "parallelrun.h"
#ifdef Q_OS_UNIX
#include "serverprocesses.h"
#endif
#include "sessionctlcommand.h"
#include "sessiontext.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <utility>

namespace {

std::u16string u16(const QString &s)
{
    return s.toStdU16String();
}

bool isNothingMatched(const sc::SessionError &error)
{
    // enumerate() answers a filter that matches nothing as NetSessionEnum does.
    return error.kind() == sc::ErrorKind::UserNotFound
        || error.kind() == sc::ErrorKind::ClientNameNotFound;
}

} // namespace

FleetCommand::FleetCommand(Options options, QList<ServerTarget> servers,
    sc::ConnectionOptions connection, QTextStream &out, QTextStream &err,
    AuditRecord auditPrototype, ErrorText errorText, Confirm confirm)
    : m_options(std::move(options))
    , m_servers(std::move(servers))
    , m_connection(std::move(connection))
    , m_out(out)
    , m_err(err)
    , m_auditPrototype(std::move(auditPrototype))
    , m_errorText(std::move(errorText))
    , m_confirm(std::move(confirm))
    , m_runs(static_cast<std::size_t>(m_servers.size()))
{
}

FleetCommand::~FleetCommand()
{
#ifdef Q_OS_UNIX
    m_processes.reset();
#endif
    // Every connection's copy of the password goes with it; ours too.
    m_connection.password.wipe();
}

void FleetCommand::connectAndList(std::size_t index)
{
    const ServerTarget &target = m_servers.at(static_cast<qsizetype>(index));
    ServerRun &run = m_runs[index];
    sc::ConnectionOptions options = m_connection;
    options.host = target.host;
    options.port = target.port;
    run.api = sc::createSessionApi(options);
    options.password.wipe();
    if (!run.api) {
        run.error = sc::SessionError::local(
            sc::ErrorKind::NotSupported, "no session backend on this platform");
        return;
    }
    if (const sc::Result<void> connected = run.api->connect(); !connected) {
        run.error = connected.error();
        return;
    }
    const sc::SessionFilter filter {u16(m_options.client), u16(m_options.username)};
    sc::Result<sc::SessionEnumResult> listed = run.api->enumerate(filter, m_options.level);
    if (!listed) {
        // For find and close a server without such a session is an answer, not a failure.
        if (m_options.action != Action::List && isNothingMatched(listed.error()))
            run.nothingMatched = true;
        else
            run.error = listed.error();
        return;
    }
    if (m_options.action == Action::Find && sc::fieldsOf(listed->level).userName) {
        // Samba ignores NetSessionEnum's user filter: ask for it, and check it here as well.
        std::erase_if(listed->sessions, [this](const sc::SessionInfo &s) {
            return !sc::namesEqual(s.userName, u16(m_options.username));
        });
    }
    sortForListing(listed->sessions);
    run.idleTimeUnreported
        = sc::idleTimeUnreported(listed->sessions, sc::fromUtf8(run.api->localAddress()),
            m_connection.kerberos ? std::u16string() : sc::fromUtf8(m_connection.user));
    run.listing = std::move(*listed);
}

void FleetCommand::endSessions(std::size_t index)
{
    ServerRun &run = m_runs[index];
    if (run.error || !run.listing || run.listing->sessions.empty())
        return;
    const sc::Result<std::uint32_t> ended
        = run.api->remove(u16(m_options.client), u16(m_options.username));
    if (ended)
        run.ended = *ended;
    else
        run.error = ended.error();
}

QByteArray FleetCommand::serialize(const ServerRun &run)
{
    // Between a child and its parent, the same binary: no versioning needed.
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    const auto text = [](const sc::SessionText &t) {
        return QString::fromUtf16(t.data(), static_cast<qsizetype>(t.size()));
    };
    out << bool(run.error);
    if (run.error) {
        out << static_cast<qint32>(run.error->kind()) << static_cast<qint32>(run.error->codeSpace())
            << run.error->code() << QByteArray::fromStdString(run.error->detail());
    }
    out << bool(run.listing);
    if (run.listing) {
        out << run.listing->totalEntries << static_cast<quint32>(run.listing->level)
            << run.listing->levelFellBack << quint64(run.listing->sessions.size());
        for (const sc::SessionInfo &s : run.listing->sessions) {
            out << text(s.clientName) << text(s.userName) << s.openCount << s.connectedSeconds
                << s.idleSeconds << s.userFlags << text(s.clientType) << text(s.transport)
                << static_cast<quint32>(s.level);
        }
    }
    out << run.nothingMatched << run.idleTimeUnreported << bool(run.ended) << run.ended.value_or(0);
    return data;
}

bool FleetCommand::deserialize(const QByteArray &data, ServerRun &run)
{
    QDataStream in(data);
    const auto text = [&in]() {
        QString t;
        in >> t;
        return sc::SessionText(std::u16string_view(
            reinterpret_cast<const char16_t *>(t.utf16()), static_cast<std::size_t>(t.size())));
    };
    bool hasError = false;
    in >> hasError;
    run.error.reset();
    if (hasError) {
        qint32 kind = 0;
        qint32 space = 0;
        quint32 code = 0;
        QByteArray detail;
        in >> kind >> space >> code >> detail;
        run.error = sc::SessionError(static_cast<sc::ErrorKind>(kind),
            static_cast<sc::CodeSpace>(space), code, detail.toStdString());
    }
    bool hasListing = false;
    in >> hasListing;
    run.listing.reset();
    if (hasListing) {
        sc::SessionEnumResult listing;
        quint32 level = 0;
        quint64 count = 0;
        in >> listing.totalEntries >> level >> listing.levelFellBack >> count;
        listing.level = static_cast<sc::InfoLevel>(level);
        for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
            sc::SessionInfo s;
            s.clientName = text();
            s.userName = text();
            in >> s.openCount >> s.connectedSeconds >> s.idleSeconds >> s.userFlags;
            s.clientType = text();
            s.transport = text();
            quint32 sessionLevel = 0;
            in >> sessionLevel;
            s.level = static_cast<sc::InfoLevel>(sessionLevel);
            listing.sessions.push_back(std::move(s));
        }
        run.listing = std::move(listing);
    }
    bool hasEnded = false;
    quint32 ended = 0;
    in >> run.nothingMatched >> run.idleTimeUnreported >> hasEnded >> ended;
    run.ended = hasEnded ? std::optional<std::uint32_t>(ended) : std::nullopt;
    return in.status() == QDataStream::Ok;
}

void FleetCommand::runPhase(int phase, const std::vector<bool> &which)
{
#ifdef Q_OS_UNIX
    if (!m_processes) {
        // Nothing buffered may be written twice, by a child too.
        m_out.flush();
        m_err.flush();
        m_processes = std::make_unique<ServerProcesses>(m_runs.size(), m_options.jobs,
            m_options.action == Action::Close, [this](std::size_t i, int childPhase) {
                if (childPhase == 1)
                    connectAndList(i);
                else
                    endSessions(i);
                return serialize(m_runs[i]);
            });
    }
    const std::vector<QByteArray> replies
        = phase == 1 ? m_processes->runFirstPhase() : m_processes->runSecondPhase(which);
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!which.empty() && !which[i])
            continue;
        if (replies[i].isEmpty() || !deserialize(replies[i], m_runs[i])) {
            m_runs[i].error = sc::SessionError::local(
                sc::ErrorKind::Other, "the process asking this server ended without an answer");
        }
    }
#else
    runInParallel(m_runs.size(), m_options.jobs, [this, phase, &which](std::size_t i) {
        if (!which.empty() && !which[i])
            return;
        if (phase == 1)
            connectAndList(i);
        else
            endSessions(i);
    });
#endif
}

std::vector<SessionFormatter::ServerResult> FleetCommand::results() const
{
    std::vector<SessionFormatter::ServerResult> list;
    list.reserve(m_runs.size());
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const ServerRun &run = m_runs[i];
        SessionFormatter::ServerResult r;
        r.server = m_servers.at(static_cast<qsizetype>(i)).name;
        // A close that failed after listing still shows what it meant to end.
        r.listing = run.listing ? &*run.listing : nullptr;
        r.nothingMatched = run.nothingMatched;
        r.idleTimeUnreported = run.idleTimeUnreported;
        r.error = run.error ? &*run.error : nullptr;
        r.errorText = m_errorTexts[i];
        r.ended = run.ended;
        list.push_back(std::move(r));
    }
    return list;
}

void FleetCommand::reportErrors()
{
    m_errorTexts.assign(m_runs.size(), QString());
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!m_runs[i].error)
            continue;
        m_errorTexts[i] = m_errorText(*m_runs[i].error);
        m_err << QStringLiteral("sessionctl: ") << m_servers.at(static_cast<qsizetype>(i)).name
              << QStringLiteral(": ") << m_errorTexts[i] << Qt::endl;
    }
}

int FleetCommand::exitCode() const
{
    const bool anyFailed
        = std::any_of(m_runs.begin(), m_runs.end(), [](const ServerRun &r) { return r.error; });
    return anyFailed ? SessionCtlCommand::ExitSomeServersFailed : SessionCtlCommand::ExitOk;
}

int FleetCommand::run()
{
    runPhase(1);
    if (m_options.action == Action::Close)
        return runClose();

    reportErrors();
    SessionFormatter formatter(m_options.format);
    m_out << formatter.fleetList(results(), m_options.levelText);
    const int rc = exitCode();
    if (rc != SessionCtlCommand::ExitOk || m_options.action != Action::Find)
        return rc;
    const bool found = std::any_of(m_runs.begin(), m_runs.end(),
        [](const ServerRun &r) { return r.listing && !r.listing->sessions.empty(); });
    if (found)
        return rc;
    //: %1 is a user name. Every server answered; none has a session of that user.
    m_err << QStringLiteral("sessionctl: ")
          << tr("No server has a session of user %1.").arg(m_options.username) << Qt::endl;
    return SessionCtlCommand::ExitNotFound;
}

int FleetCommand::runClose()
{
    const bool anyMatch = std::any_of(m_runs.begin(), m_runs.end(),
        [](const ServerRun &r) { return r.listing && !r.listing->sessions.empty(); });
    if (!anyMatch) {
        reportErrors();
        for (std::size_t i = 0; i < m_runs.size(); ++i)
            audit(i);
        m_out << SessionFormatter(m_options.format).fleetCloseResult(results());
        const int rc = exitCode();
        if (rc != SessionCtlCommand::ExitOk)
            return rc;
        m_err << QStringLiteral("sessionctl: ")
              << tr("No server has a matching session; nothing was ended.") << Qt::endl;
        return SessionCtlCommand::ExitNotFound;
    }

    // Errors first, so the operator knows which servers the confirmation does not cover.
    reportErrors();
    SessionFormatter formatter(m_options.format);
    // The preview is for the person confirming; with --json/--csv stdout belongs to scripts.
    const bool table = m_options.format == SessionFormatter::Format::Table;
    QTextStream &preview = table ? m_out : m_err;
    if (!m_options.yes || table)
        preview << m_options.closeTarget << formatter.fleetClosePreview(results());
    if (!m_options.yes && !m_confirm())
        return SessionCtlCommand::ExitFailure;

    std::vector<bool> toEnd(m_runs.size());
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const ServerRun &run = m_runs[i];
        toEnd[i] = !run.error && run.listing && !run.listing->sessions.empty();
    }
    runPhase(2, toEnd);
    // Errors of the second round, for the servers that failed only now.
    std::vector<QString> before = m_errorTexts;
    m_errorTexts.assign(m_runs.size(), QString());
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!m_runs[i].error)
            continue;
        if (!before[i].isEmpty()) {
            m_errorTexts[i] = before[i];
            continue;
        }
        m_errorTexts[i] = m_errorText(*m_runs[i].error);
        m_err << QStringLiteral("sessionctl: ") << m_servers.at(static_cast<qsizetype>(i)).name
              << QStringLiteral(": ") << m_errorTexts[i] << Qt::endl;
    }
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        audit(i);
    m_out << formatter.fleetCloseResult(results());
    return exitCode();
}

void FleetCommand::audit(std::size_t index)
{
    const ServerRun &run = m_runs[index];
    AuditRecord record = m_auditPrototype;
    record.server = m_servers.at(static_cast<qsizetype>(index)).name;
    record.client = m_options.client;
    record.user = m_options.username;
    if (run.error) {
        record.setError(*run.error);
    } else if (run.ended) {
        record.setEnded(*run.ended);
    } else {
        // Nothing matched there, so nothing was asked to end: recorded as a single server's
        // close records it, as the "not found" NetSessionDel would have answered.
        record.setError(sc::SessionError::fromWin32(m_options.username.isEmpty()
                ? sc::win32::NerrClientNameNotFound
                : sc::win32::NerrUserNotFound,
            "no session matched; nothing was ended"));
    }
    const AuditLog log(QStringLiteral("sessionctl"));
    QString why;
    if (!log.append(record, &why)) {
        //: %1 is a server, %2 names the file and the reason.
        m_err << tr("sessionctl: warning: the audit log did not record the close on %1: %2")
                     .arg(record.server, why)
              << Qt::endl;
    }
}
