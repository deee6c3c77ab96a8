// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconnection.h"

#include <algorithm>

#include <QDateTime>

ServerConnection::ServerConnection(QObject *parent)
    : ServerConnection(SessionPoller::ApiFactory(&sc::createSessionApi), parent)
{
}

ServerConnection::ServerConnection(SessionPoller::ApiFactory apiFactory, QObject *parent)
    : QObject(parent)
    , m_poller(new SessionPoller(std::move(apiFactory), this))
{
    connect(m_poller, &SessionPoller::snapshotReady, this, &ServerConnection::onSnapshot);
    connect(m_poller, &SessionPoller::disconnectFinished, this,
        &ServerConnection::onDisconnectFinished);
    connect(m_poller, &SessionPoller::openFilesReady, this, &ServerConnection::openFilesReady);
    connect(m_poller, &SessionPoller::closeFilesFinished, this,
        [this](quint64 requestId, const QList<FileCloseReport> &reports) {
            if (m_pendingCloses.remove(requestId)) // else asked on a previous connection
                Q_EMIT closeFilesFinished(reports);
        });
    connect(m_poller, &SessionPoller::pollScheduled, this, [this](int msecs) {
        m_status.nextPollMs = msecs < 0 ? -1 : QDateTime::currentMSecsSinceEpoch() + msecs;
        Q_EMIT statusChanged();
    });
    connect(m_poller, &SessionPoller::pollStarted, this, [this] {
        m_status.nextPollMs = -1;
        Q_EMIT statusChanged();
    });
    connect(m_poller, &SessionPoller::pollProgress, this, [this](int rows, quint32 total) {
        m_status.loadedRows = rows;
        m_status.loadingTotal = total;
        Q_EMIT statusChanged();
    });
}

ServerConnection::~ServerConnection() = default;

ConnectionStatus ServerConnection::status() const
{
    ConnectionStatus status = m_status;
    // Read when asked rather than kept: the poller knows, and says so on no signal of its own
    // for every change.
    status.busy = m_poller->isBusy();
    return status;
}

void ServerConnection::connectTo(const QString &server, const sc::ConnectionOptions &options)
{
    m_status = ConnectionStatus();
    m_status.state = ConnectionStatus::State::Connecting;
    m_status.server = server;
    // Answers to requests on the previous server are not reported as this one's.
    m_pendingDisconnects.clear();
    m_pendingCloses.clear();
    Q_EMIT aboutToConnect();
    m_poller->setConnection(options);
    Q_EMIT statusChanged();
}

void ServerConnection::setNoPassword(const QString &server)
{
    if (isConnected())
        return;
    m_status = ConnectionStatus();
    m_status.server = server;
    m_status.noPassword = true;
    Q_EMIT statusChanged();
}

bool ServerConnection::disconnectSessions(const QList<DisconnectTarget> &targets)
{
    const quint64 id = m_poller->disconnectSessions(targets);
    if (id == 0)
        return false;
    m_pendingDisconnects.insert(id, targets);
    return true;
}

bool ServerConnection::closeFiles(const QList<quint32> &ids)
{
    const quint64 id = m_poller->closeFiles(ids);
    if (id == 0)
        return false;
    m_pendingCloses.insert(id);
    return true;
}

void ServerConnection::onSnapshot(
    const SessionSnapshot &snapshot, const ConnectionReport &connection)
{
    // A partial answer leaves "Loading …" in place until the whole list is there.
    if (!snapshot.partial)
        m_status.loadedRows = -1;
    if (snapshot.hasRows) {
        m_status.state = ConnectionStatus::State::Online;
        m_status.lastError.reset();
        m_status.level = snapshot.level;
        m_status.levelFellBack = connection.levelFellBack;
        if (connection.idleTimeUnreported)
            m_status.idleTimeUnreported = true;
    } else {
        // The rows shown stay, marked stale; what was known about the connection stays too.
        m_status.state = ConnectionStatus::State::Offline;
        m_status.lastError = snapshot.error
            ? snapshot.error
            : std::optional<sc::SessionError>(sc::SessionError::local(sc::ErrorKind::Other));
    }
    if (snapshot.ok()) {
        m_status.answered = true;
        if (!snapshot.partial)
            m_status.lastSuccessMs = snapshot.pollTimeMs;
        m_status.signing = connection.signing;
        m_status.sealing = connection.sealing;
        m_status.protocol = connection.protocol;
    }
    Q_EMIT snapshotReady(snapshot);
    Q_EMIT statusChanged();
    Q_EMIT snapshotHandled(snapshot);
}

void ServerConnection::onDisconnectFinished(
    quint64 requestId, const QList<DisconnectResult> &results)
{
    const auto it = m_pendingDisconnects.constFind(requestId);
    if (it == m_pendingDisconnects.cend())
        return; // asked on a previous connection
    const QList<DisconnectTarget> targets = it.value();
    m_pendingDisconnects.erase(it);
    const bool refused
        = std::any_of(results.cbegin(), results.cend(), [](const DisconnectResult &r) {
              return r.error && r.error->kind() == sc::ErrorKind::AccessDenied;
          });
    const bool learnt = refused && !m_status.disconnectRefused;
    if (learnt)
        m_status.disconnectRefused = true;
    Q_EMIT disconnectFinished(targets, results);
    if (learnt)
        Q_EMIT statusChanged();
}
