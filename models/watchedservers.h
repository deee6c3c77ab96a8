// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"
#include "callgate.h"
#include "sessionpoller.h"
#include "sharedtextpool.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class ServerConnection;
class SessionTableModel;

/// The servers a window watches: one ServerConnection per server, each polling on its own
/// schedule, and the one sessions table they all feed (each server its own block of rows).
///
/// The logon is not kept here: LogonController hands each connection the shared account, or
/// the server's own one (Connect As on that server). What this class shares itself are the
/// settings every connection gets (refresh interval, audit log) and the gate that bounds the
/// network calls in flight across all of them. A window that never adds a second server has
/// exactly one connection, so the console of one server is unchanged.
///
/// GUI thread only, like the connections and the model.
class WatchedServers : public QObject
{
    Q_OBJECT
public:
    /// Polls through SessionApis that @p apiFactory makes (the platform's when empty).
    explicit WatchedServers(SessionPoller::ApiFactory apiFactory, QObject *parent = nullptr);
    ~WatchedServers() override;

    /// Creates the connection for @p server (not connected yet: ServerConnection::connectTo()
    /// does that), or returns the one watching it already. An unconnected connection (the
    /// first window's) is reused rather than joined by another.
    ServerConnection *add(const QString &server);
    /// Stops watching @p connection: its rows leave the tables, then it is deleted. Returns
    /// false, and keeps it, for the last connection (a window always has one, which the next
    /// server named takes) or one not watched.
    bool remove(ServerConnection *connection);
    /// The connection watching @p server (as ServerConnection::status().server names it), or
    /// nullptr.
    ServerConnection *find(const QString &server) const;
    QList<ServerConnection *> connections() const { return m_connections; }
    int count() const { return int(m_connections.size()); }

    /// What a view of the servers does to follow them: @p watch for every connection there is
    /// and, while @p context lives, for every one added later; @p forget, if set, before one
    /// is removed.
    void follow(QObject *context, const std::function<void(ServerConnection *)> &watch,
        const std::function<void(ServerConnection *)> &forget = {});

    /// The table every connection feeds, from now on (its rows of each server in a block).
    void setSessionModel(SessionTableModel *model);
    SessionTableModel *sessionModel() const;

    /// For every connection, now and later: seconds between polls (0: none) and the audit log.
    void setInterval(int seconds);
    int interval() const { return m_interval; }
    void setAuditLog(const std::optional<AuditLog> &log);

    /// The gate every connection's connects and calls go through: at most
    /// CallGate::kDefaultLimit network calls in flight across all servers at once.
    const std::shared_ptr<CallGate> &callGate() const { return m_gate; }
    /// At most @p limit network calls in flight from now on (session-console --jobs). A call
    /// in flight ends in the slot it started with.
    void setCallLimit(int limit);

Q_SIGNALS:
    /// @p connection joined (its rows start with its first answer).
    void added(ServerConnection *connection);
    /// @p connection is about to be removed and deleted: drop every pointer to it.
    void aboutToRemove(ServerConnection *connection);
    void removed();

private:
    ServerConnection *create();
    void feed(ServerConnection *connection);
    bool idleTimeUnreported() const;

    SessionPoller::ApiFactory m_apiFactory;
    QList<ServerConnection *> m_connections;
    QPointer<SessionTableModel> m_model;
    int m_interval = 30;
    std::optional<AuditLog> m_auditLog;
    // Many servers polled at once would otherwise open as many connections and threads' worth
    // of calls together; the slots bound the load on the console's machine and network.
    std::shared_ptr<CallGate> m_gate = std::make_shared<CallGate>();
    /// The servers' rows share their texts: one copy of an account name seen on every server.
    std::shared_ptr<SharedTextPool> m_texts = std::make_shared<SharedTextPool>();
};
