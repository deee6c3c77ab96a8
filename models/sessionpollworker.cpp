// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpollworker.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace {

// After these the connection's state is unknown (a reply may still be on its way), so the
// next poll starts over with a new connection instead of reusing this one.
bool breaksConnection(sc::ErrorKind kind)
{
    switch (kind) {
    case sc::ErrorKind::Timeout:
    case sc::ErrorKind::ConnectionLost:
    case sc::ErrorKind::ConnectionRefused:
    case sc::ErrorKind::Unreachable:
    case sc::ErrorKind::HostNotFound:
    case sc::ErrorKind::MalformedReply:
    case sc::ErrorKind::ProtocolError:
        return true;
    default:
        return false;
    }
}

// Samba reports an IPv4 client of a dual-stack socket as "::ffff:a.b.c.d" in some versions
// and IPv6 addresses with brackets in others; compare the bare address.
QString bareAddress(QString address)
{
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (address.startsWith(QLatin1String("::ffff:"), Qt::CaseInsensitive)
        && address.contains(QLatin1Char('.')))
        address = address.mid(7);
    return address;
}

// "DOMAIN\\user" and "user@REALM" as the server lists them: "user".
QString bareUser(const std::string &user)
{
    QString u = QString::fromStdString(user);
    const qsizetype slash = u.lastIndexOf(QLatin1Char('\\'));
    if (slash >= 0)
        u = u.mid(slash + 1);
    const qsizetype at = u.indexOf(QLatin1Char('@'));
    if (at >= 0)
        u.truncate(at);
    return u;
}

} // namespace

SessionPollWorker::SessionPollWorker(
    ApiFactory factory, std::shared_ptr<std::atomic_bool> abandoned)
    : m_factory(std::move(factory))
    , m_abandoned(std::move(abandoned))
{
}

SessionPollWorker::~SessionPollWorker() = default;

void SessionPollWorker::setConnection(quint64 epoch, const sc::ConnectionOptions &options)
{
    m_epoch = epoch;
    m_options = options;
    m_api.reset();
    m_differ.reset();
}

void SessionPollWorker::closeConnection(quint64 epoch)
{
    m_epoch = epoch;
    m_options.reset();
    m_api.reset();
    m_differ.reset();
}

void SessionPollWorker::requestReplace()
{
    m_differ.reset();
}

void SessionPollWorker::setAuditLog(const std::optional<AuditLog> &log)
{
    m_auditLog = log;
}

void SessionPollWorker::audit(DisconnectResult &result, const AuditRecord &connection) const
{
    if (!m_auditLog)
        return;
    AuditRecord record = m_auditLog->newRecord();
    record.server = connection.server;
    record.account = connection.account;
    record.kerberos = connection.kerberos;
    record.client = result.target.client;
    record.user = result.target.user;
    if (result.error)
        record.setError(*result.error);
    else
        record.setEnded(result.ended);
    QString error;
    if (!m_auditLog->append(record, &error))
        result.auditError = error;
}

void SessionPollWorker::releaseRetired()
{
    m_differ.releaseRetired();
}

sc::SessionApi *SessionPollWorker::api(std::optional<sc::SessionError> *error)
{
    if (!m_options) {
        *error = sc::SessionError::local(sc::ErrorKind::InvalidParameter, "no connection");
        return nullptr;
    }
    if (!m_api) {
        m_api = m_factory ? m_factory(*m_options) : nullptr;
        if (!m_api) {
            *error = sc::SessionError::local(
                sc::ErrorKind::NotSupported, "no session backend on this platform");
            return nullptr;
        }
    }
    return m_api.get();
}

void SessionPollWorker::dropApiIfBroken(const sc::SessionError &error)
{
    if (breaksConnection(error.kind()))
        m_api.reset();
}

void SessionPollWorker::poll(quint64 epoch, std::optional<sc::InfoLevel> level)
{
    SessionSnapshot snapshot;
    snapshot.epoch = epoch;
    if (m_abandoned->load())
        return;
    QElapsedTimer elapsed;
    elapsed.start();

    std::optional<sc::SessionError> error;
    sc::SessionApi *sessions = epoch == m_epoch ? api(&error) : nullptr;
    if (epoch != m_epoch)
        error = sc::SessionError::local(sc::ErrorKind::Other, "connection changed");
    if (!sessions) {
        snapshot.error = error;
        snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
        emit snapshotReady(snapshot);
        return;
    }

    snapshot.serverKey = QString::fromStdString(sessions->serverKey());
    sc::Result<sc::SessionEnumResult> result = sessions->enumerate({}, level);
    // The instants of this answer are relative to when it arrived.
    snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.durationMs = elapsed.elapsed();
    if (m_abandoned->load())
        return;
    if (!result) {
        snapshot.error = result.error();
        dropApiIfBroken(result.error());
        emit snapshotReady(snapshot);
        return;
    }

    const sc::ConnectionSecurity security = sessions->security();
    snapshot.signing = security.signing;
    snapshot.sealing = security.sealing;
    snapshot.protocol = QString::fromStdString(security.protocol);
    snapshot.localAddress = QString::fromStdString(sessions->localAddress());
    snapshot.level = result->level;
    snapshot.levelFellBack = result->levelFellBack;
    snapshot.totalEntries = result->totalEntries;

    const QString ownAddress = bareAddress(snapshot.localAddress);
    const QString ownUser = bareUser(m_options->user);
    SessionDiffer::OwnSessionTest isOwn;
    if (!ownAddress.isEmpty() && !ownUser.isEmpty()) {
        // Address and account are all the server tells us; a second console of the same
        // operator on the same machine is marked as well, which is what the mark warns about.
        isOwn = [&ownAddress, &ownUser](const SessionRow &row) {
            return row.user.compare(ownUser, Qt::CaseInsensitive) == 0
                && bareAddress(row.client).compare(ownAddress, Qt::CaseInsensitive) == 0;
        };
    }
    // Converted while diffed: a session seen before reuses its row's texts.
    snapshot.delta = m_differ.update(result->sessions, snapshot.pollTimeMs, isOwn);
    snapshot.hasRows = true;
    emit snapshotReady(snapshot);
}

void SessionPollWorker::disconnectSessions(quint64 epoch, quint64 requestId,
    const QList<DisconnectTarget> &targets, const AuditRecord &connection)
{
    QList<DisconnectResult> results;
    results.reserve(targets.size());
    for (const DisconnectTarget &target : targets) {
        DisconnectResult result;
        result.target = target;
        std::optional<sc::SessionError> error;
        sc::SessionApi *sessions = epoch == m_epoch ? api(&error) : nullptr;
        if (m_abandoned->load())
            return;
        if (!sessions) {
            result.error = error
                ? error
                : sc::SessionError::local(sc::ErrorKind::Other, "connection changed");
        } else {
            const sc::Result<std::uint32_t> ended
                = sessions->remove(target.client.toStdU16String(), target.user.toStdU16String());
            if (ended) {
                result.ended = *ended;
            } else {
                result.error = ended.error();
                dropApiIfBroken(ended.error());
            }
        }
        // Recorded as soon as the outcome is known, whatever becomes of the GUI afterwards.
        audit(result, connection);
        results.append(std::move(result));
    }
    emit disconnectFinished(requestId, results);
}
