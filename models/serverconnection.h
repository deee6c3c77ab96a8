// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "connectionstatus.h"
#include "disconnectrequest.h"
#include "sessionpoller.h"
#include "sessionsnapshot.h"

#include <QHash>
#include <QObject>
#include <QSet>

class MainWindowTestAccess;

/// Everything that happens for one server: its poller (and through it the worker thread
/// and the SessionApi), its ConnectionStatus, and the disconnect requests still open on it.
///
/// A window shows one ServerConnection per server it watches; the pages that show the
/// server's tables are fed by snapshotReady() (sessions) and openFilesReady() (open files)
/// and send their requests back through it, and the status bar and banner only read
/// status(). No state of a connection is kept anywhere else, so a second server is a second
/// object.
///
/// Each answer is handled in one go on the GUI thread: status() is updated first, then
/// snapshotReady() lets the tables apply their rows, then statusChanged() lets the widgets
/// show the new state with the tables already current, and snapshotHandled() says it is all
/// on screen. The poller schedules the next poll only after that (see SessionPoller), so
/// connect to these signals directly.
class ServerConnection : public QObject
{
    Q_OBJECT
public:
    /// Polls through SessionApis that @p apiFactory makes (the platform's by default; tests
    /// script a server with their own).
    explicit ServerConnection(QObject *parent = nullptr);
    explicit ServerConnection(SessionPoller::ApiFactory apiFactory, QObject *parent = nullptr);
    ~ServerConnection() override;
    /// Stops polling without waiting for a call in flight (SessionPoller::stop()); the
    /// destructor waits for it, at most the poller's shutdown timeout after this.
    void stopPolling() { m_poller->stop(); }

    /// Connects to @p options (host, port, account and password), shown as @p server. Drops
    /// the previous server's rows (aboutToConnect()) and its open disconnect requests, and
    /// polls at once. The password stays with the poller's worker; wipe your copy.
    void connectTo(const QString &server, const sc::ConnectionOptions &options);
    /// Names @p server without connecting to it: the operator gave no password for its
    /// account (status() says Unconnected, with noPassword). Does nothing once connected:
    /// a connection keeps polling with the password its worker has.
    void setNoPassword(const QString &server);
    /// A server was chosen (the console polls it or tries to).
    bool isConnected() const { return m_poller->hasConnection(); }
    /// The current state, with @c busy as of now.
    ConnectionStatus status() const;

    /// Seconds between automatic polls; 0 turns them off.
    void setInterval(int seconds) { m_poller->setInterval(seconds); }
    int interval() const { return m_poller->interval(); }
    /// Records every disconnect of this connection in @p log (see SessionPoller::setAuditLog).
    void setAuditLog(const std::optional<AuditLog> &log) { m_poller->setAuditLog(log); }

    /// Connects and calls wait for a slot of @p gate, shared with the other servers.
    void setCallGate(const std::shared_ptr<CallGate> &gate) { m_poller->setCallGate(gate); }
    /// The rows' texts are kept in @p texts, shared with the other servers.
    void setTextPool(const std::shared_ptr<SharedTextPool> &texts) { m_poller->setTextPool(texts); }

    /// Polls now (or right after the poll in flight).
    void refresh() { m_poller->refresh(); }
    /// The next answer replaces every row (a table lost step).
    void requestReplace() { m_poller->requestReplace(); }
    /// Ends the sessions of @p targets; disconnectFinished() reports the outcome unless
    /// another server was chosen meanwhile. Returns false without a connection.
    bool disconnectSessions(const QList<DisconnectTarget> &targets);

    /// Lists the open files as well, while a page shows them (see
    /// SessionPoller::setOpenFilesWatched()); openFilesReady() brings them.
    void setOpenFilesWatched(bool watched) { m_poller->setOpenFilesWatched(watched); }
    bool openFilesWatched() const { return m_poller->openFilesWatched(); }
    /// The next open files answer replaces every row (their table lost step).
    void requestFilesReplace() { m_poller->requestFilesReplace(); }
    /// Closes the open files @p ids; closeFilesFinished() reports the outcome unless another
    /// server was chosen meanwhile. Returns false without a connection.
    bool closeFiles(const QList<quint32> &ids);

Q_SIGNALS:
    /// Another server was chosen: tables drop the rows of the previous one now, so they do
    /// not linger under the new name if it fails to answer.
    void aboutToConnect();
    /// An answer to a poll, after status() took its connection state in. Apply the rows.
    void snapshotReady(const SessionSnapshot &snapshot);
    /// status() changed (also only its loading progress or next poll).
    void statusChanged();
    /// After snapshotReady() and statusChanged(): every table and widget shows @p snapshot.
    void snapshotHandled(const SessionSnapshot &snapshot);
    /// The outcome of disconnectSessions(), one result per target in the same order.
    void disconnectFinished(
        const QList<DisconnectTarget> &targets, const QList<DisconnectResult> &results);

    /// The open files, while setOpenFilesWatched() is on: apply the rows.
    void openFilesReady(const OpenFilesSnapshot &snapshot);
    /// The outcome of closeFiles(), one report per id in the same order.
    void closeFilesFinished(const QList<FileCloseReport> &reports);

private:
    void onSnapshot(const SessionSnapshot &snapshot, const ConnectionReport &connection);
    void onDisconnectFinished(quint64 requestId, const QList<DisconnectResult> &results);

    friend class MainWindowTestAccess;

    SessionPoller *m_poller = nullptr;
    ConnectionStatus m_status;
    QHash<quint64, QList<DisconnectTarget>> m_pendingDisconnects;
    QSet<quint64> m_pendingCloses;
};
