// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchedservers.h"

#include "nameequality.h"
#include "serverconnection.h"
#include "sessiontablemodel.h"

#include <algorithm>
#include <utility>

WatchedServers::WatchedServers(SessionPoller::ApiFactory apiFactory, QObject *parent)
    : QObject(parent)
    , m_apiFactory(
          apiFactory ? std::move(apiFactory) : SessionPoller::ApiFactory(&sc::createSessionApi))
{
}

WatchedServers::~WatchedServers()
{
    // Every poller is told to stop before the first is deleted: each deletion waits for its
    // worker (up to the shutdown timeout for a hung server), and those waits then overlap.
    for (ServerConnection *connection : std::as_const(m_connections))
        connection->stopPolling();
    qDeleteAll(std::exchange(m_connections, {}));
}

void WatchedServers::setCallLimit(int limit)
{
    if (limit == m_gate->limit())
        return;
    // A new gate rather than a resized one: a worker holds on to the old one (shared) until
    // it takes its next slot, so a slot never outlives its gate.
    m_gate = std::make_shared<CallGate>(limit);
    for (ServerConnection *connection : std::as_const(m_connections))
        connection->setCallGate(m_gate);
}

ServerConnection *WatchedServers::create()
{
    auto *connection = new ServerConnection(m_apiFactory, this);
    connection->setCallGate(m_gate);
    connection->setTextPool(m_texts);
    if (m_connections.isEmpty())
        m_interval = connection->interval();
    else
        connection->setInterval(m_interval);
    if (m_auditLog)
        connection->setAuditLog(m_auditLog);
    m_connections.append(connection);
    feed(connection);
    Q_EMIT added(connection);
    return connection;
}

ServerConnection *WatchedServers::add(const QString &server)
{
    if (ServerConnection *existing = find(server))
        return existing;
    // The first window's connection has no server yet: it takes the first one named.
    // One that names a server already (no password was given for it) stays that server's.
    for (ServerConnection *connection : std::as_const(m_connections)) {
        if (!connection->isConnected() && connection->status().server.isEmpty())
            return connection;
    }
    return create();
}

ServerConnection *WatchedServers::find(const QString &server) const
{
    if (server.isEmpty())
        return nullptr;
    for (ServerConnection *connection : m_connections) {
        // Windows compares server names as it compares user names.
        if (sc::namesEqual(connection->status().server, server))
            return connection;
    }
    return nullptr;
}

bool WatchedServers::remove(ServerConnection *connection)
{
    if (!m_connections.contains(connection) || m_connections.size() < 2)
        return false;
    Q_EMIT aboutToRemove(connection);
    if (m_model)
        m_model->removeServer(connection);
    m_connections.removeOne(connection);
    // Deleting the connection stops its poller and waits for its worker thread; an answer
    // still queued for it is dropped with it.
    delete connection;
    Q_EMIT removed();
    return true;
}

void WatchedServers::follow(QObject *context, const std::function<void(ServerConnection *)> &watch,
    const std::function<void(ServerConnection *)> &forget)
{
    for (ServerConnection *connection : std::as_const(m_connections))
        watch(connection);
    connect(this, &WatchedServers::added, context, watch);
    if (forget)
        connect(this, &WatchedServers::aboutToRemove, context, forget);
}

void WatchedServers::setSessionModel(SessionTableModel *model)
{
    m_model = model;
    for (ServerConnection *connection : std::as_const(m_connections))
        feed(connection);
}

SessionTableModel *WatchedServers::sessionModel() const
{
    return m_model;
}

// Everything one server does to the table: its rows go to its own block.
void WatchedServers::feed(ServerConnection *connection)
{
    if (!m_model)
        return;
    SessionTableModel *model = m_model;
    model->addServer(connection, connection->status().server);
    connect(connection, &ServerConnection::aboutToConnect, model, [this, model, connection] {
        // Rows of the previous server must not linger under the new name if it fails to
        // answer.
        model->clearServer(connection);
        model->setServerName(connection, connection->status().server);
        model->setIdleTimeUnreported(idleTimeUnreported());
    });
    connect(connection, &ServerConnection::snapshotReady, model,
        [this, model, connection](const SessionSnapshot &snapshot) {
            model->setIdleTimeUnreported(idleTimeUnreported());
            model->applyServerSnapshot(connection, snapshot);
        });
    connect(model, &SessionTableModel::serverResyncRequested, connection,
        [connection](ServerConnection *server) {
            if (server == connection)
                connection->requestReplace();
        });
}

// The Idle column is one column: it shows a dash only when no server reports idle time.
bool WatchedServers::idleTimeUnreported() const
{
    // Only servers that answered have rows, and said anything about idle time: one that is
    // connecting or never answered must not bring a counter back to the others' rows.
    bool answered = false;
    for (const ServerConnection *c : m_connections) {
        const ConnectionStatus status = c->status();
        if (!status.answered)
            continue;
        if (!status.idleTimeUnreported)
            return false;
        answered = true;
    }
    return answered;
}

void WatchedServers::setInterval(int seconds)
{
    m_interval = seconds;
    for (ServerConnection *connection : std::as_const(m_connections))
        connection->setInterval(seconds);
}

void WatchedServers::setAuditLog(const std::optional<AuditLog> &log)
{
    m_auditLog = log;
    for (ServerConnection *connection : std::as_const(m_connections))
        connection->setAuditLog(log);
}
