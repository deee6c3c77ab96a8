// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"
#include "connectionoptions.h"
#include "connectionreport.h"
#include "disconnectrequest.h"
#include "openfilesnapshot.h"
#include "sessionapi.h"
#include "sessionsnapshot.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class CallGate;
class SharedTextPool;
class QThread;
class QTimer;
class SessionPollWorker;

/// Polls one server's sessions on a worker thread and hands each answer to the GUI thread as
/// a SessionSnapshot value.
///
/// The worker (a QObject without parent, moved to its own QThread) owns the sc::SessionApi
/// and keeps it open between polls; after a connection failure it drops it and the next poll
/// reconnects, with the interval doubled per failure (capped at 60 s or the interval, if
/// longer). It also computes the keyed diff against the rows of the previous answer, so the
/// GUI thread only applies ranges (see SessionDelta).
///
/// Polls never overlap: the next one is scheduled (single-shot timer on the GUI thread) only
/// once the receivers of snapshotReady() have returned, so connect the model's
/// SessionTableModel::applySnapshot() to it directly (the default connection between objects
/// of the GUI thread is direct). Also connect SessionTableModel::resyncRequested() to
/// requestReplace().
///
/// No function of this class waits for the network. The destructor waits at most
/// shutdownTimeout() for a call in flight; if the call hangs longer, the worker thread is left
/// to finish on its own and cleans up after itself (see the destructor).
class SessionPoller : public QObject
{
    Q_OBJECT
public:
    /// Creates the SessionApi for a connection; called on the worker thread. Tests inject a
    /// fake here; the default is sc::createSessionApi.
    using ApiFactory
        = std::function<std::unique_ptr<sc::SessionApi>(const sc::ConnectionOptions &)>;

    explicit SessionPoller(QObject *parent = nullptr);
    explicit SessionPoller(ApiFactory factory, QObject *parent = nullptr);
    /// Returns within shutdownTimeout() (+ a few ms) of stop() even while a call hangs.
    ~SessionPoller() override;
    /// Tells the worker to stop, without waiting for it: no poll starts or reports after
    /// this, and a call in flight ends the worker's thread when it returns. The destructor
    /// (which calls it if nobody did) then waits for that thread until shutdownTimeout()
    /// after stop(). Whoever ends many pollers at once stops them all first, so that their
    /// waits overlap instead of adding up.
    void stop();

    /// The refresh intervals offered to the user, in seconds; 0 means "off" (manual refresh).
    static QList<int> intervalChoices();

    /// Connects to another server (or as another user). Drops the current connection and the
    /// rows of the previous server: the next snapshot has SessionDelta::replace set. Answers
    /// still in flight for the previous connection are discarded. Polls at once.
    void setConnection(const sc::ConnectionOptions &options);
    /// Stops polling and drops the connection (on the worker thread, without waiting).
    void closeConnection();
    bool hasConnection() const { return m_connected; }

    /// Info level for NetSessionEnum; nullopt is "auto" (richest the server serves).
    void setLevel(std::optional<sc::InfoLevel> level);
    std::optional<sc::InfoLevel> level() const { return m_level; }

    /// Seconds between the end of one poll and the start of the next; 0 turns polling off.
    void setInterval(int seconds);
    int interval() const { return m_intervalSeconds; }

    /// Records every disconnectSessions() outcome in @p log (on the worker thread, as soon as
    /// the server has answered); nullopt records nothing (the default).
    void setAuditLog(const std::optional<AuditLog> &log);

    /// Every connect and call of this poller waits for a slot of @p gate, which the pollers
    /// of the other servers share (see CallGate). Set it before the first connection.
    void setCallGate(const std::shared_ptr<CallGate> &gate);
    /// The texts of this poller's rows are kept in @p texts, which the pollers of the other
    /// servers share (see SharedTextPool). Set it before the first connection.
    void setTextPool(const std::shared_ptr<SharedTextPool> &texts);

    /// How long the destructor waits for a call in flight before leaving the worker behind.
    void setShutdownTimeout(int msecs) { m_shutdownTimeoutMs = msecs; }
    int shutdownTimeout() const { return m_shutdownTimeoutMs; }

    /// A poll or a disconnect request is with the worker.
    bool isBusy() const { return m_pollInFlight || m_disconnectsInFlight > 0; }
    /// Consecutive failed polls (0 after a success); drives the back-off.
    int failureCount() const { return m_failures; }

    /// Lists the open files too, after each poll of the sessions, on the same connection
    /// (openFilesReady()); only while a page shows them. Turning it on polls at once.
    void setOpenFilesWatched(bool watched);
    bool openFilesWatched() const { return m_filesWatched; }

    /// The worker thread (tests check that work happens there).
    QThread *workerThread() const;

public Q_SLOTS:
    /// Polls now, or right after the poll in flight has been applied.
    void refresh();
    /// Ends the sessions of each target (SessionApi::remove), in order, on the worker, then
    /// polls again at once and once more a second later (servers end sessions
    /// asynchronously). Returns an id that disconnectFinished() carries. Returns 0 (and does
    /// nothing) without a connection.
    quint64 disconnectSessions(const QList<DisconnectTarget> &targets);
    /// The next snapshot replaces all rows instead of carrying a diff (the model lost step).
    void requestReplace();
    /// The next open files answer replaces all rows (their model lost step).
    void requestFilesReplace();
    /// Closes the open files @p ids (NetFileClose) on the worker, each judged by the
    /// enumeration after the call and recorded in the audit log, then polls again at once.
    /// Returns an id that closeFilesFinished() carries; 0 (and does nothing) without a
    /// connection.
    quint64 closeFiles(const QList<quint32> &ids);

Q_SIGNALS:
    /// The answer to a poll, on the GUI thread. The next poll is scheduled when this returns.
    /// A server that pages (Windows) may first send the rows of its first pages as snapshots
    /// with SessionSnapshot::partial set (only while the model shows nothing of this
    /// connection); the poll goes on until a snapshot without it. @p connection is what the
    /// answer told about the connection (ServerConnection keeps it in its status).
    void snapshotReady(const SessionSnapshot &snapshot, const ConnectionReport &connection);
    /// A page of a paged answer arrived and more follow (at most every 100 ms): @p rowsSoFar
    /// sessions of the @p totalEntries the server reported. The poll is still running; the
    /// next snapshotReady() without SessionSnapshot::partial ends it (also on failure).
    void pollProgress(int rowsSoFar, quint32 totalEntries);
    /// A poll was sent to the worker.
    void pollStarted();
    /// The outcome of disconnectSessions(), one result per target in the same order.
    void disconnectFinished(quint64 requestId, const QList<DisconnectResult> &results);
    /// The open files, after a poll of the sessions while setOpenFilesWatched() is on.
    void openFilesReady(const OpenFilesSnapshot &snapshot);
    /// The outcome of closeFiles(), one report per id in the same order.
    void closeFilesFinished(quint64 requestId, const QList<FileCloseReport> &reports);
    void busyChanged(bool busy);
    /// The next automatic poll will start in @p msecs; -1 when none is scheduled.
    void pollScheduled(int msecs);

private:
    void init(ApiFactory factory);
    void startPoll();
    void scheduleNext();
    void onSnapshot(const SessionSnapshot &snapshot, const ConnectionReport &connection);
    void onProgress(quint64 epoch, int rowsSoFar, quint32 totalEntries);
    void onDisconnectDone(quint64 requestId, const QList<DisconnectResult> &results);
    void onFilesSnapshot(const OpenFilesSnapshot &snapshot);
    void onCloseFilesDone(quint64 requestId, const QList<FileCloseReport> &reports);
    void setBusyState(bool wasBusy);
    /// What a disconnect or close-file request runs on the worker: worker, epoch, request id
    /// and the connection the audit log names.
    using WorkerAction
        = std::function<void(SessionPollWorker *, quint64, quint64, const AuditRecord &)>;
    /// Queues @p action on the worker as one more request in flight; returns its id.
    quint64 startAction(WorkerAction action);
    /// Ends a request started by startAction(): @p announce emits its answer.
    void finishAction(const std::function<void()> &announce);

    QThread *m_thread = nullptr;
    SessionPollWorker *m_worker = nullptr; // lives in m_thread, deleted there
    QTimer *m_timer = nullptr;
    std::shared_ptr<std::atomic_bool> m_abandoned; // tells a worker left behind to stop
    std::shared_ptr<CallGate> m_gate; // woken by the destructor, so no wait for a slot holds it
    std::optional<sc::InfoLevel> m_level;
    int m_intervalSeconds = 5;
    int m_shutdownTimeoutMs = 1500;
    // Set by stop(): when the destructor gives up waiting for the worker's thread.
    std::optional<QDeadlineTimer> m_shutdownDeadline;
    int m_failures = 0;
    int m_disconnectsInFlight = 0; // disconnect and close-file requests
    bool m_filesWatched = false;
    quint64 m_epoch = 0;
    quint64 m_nextRequestId = 1;
    bool m_connected = false;
    bool m_pollInFlight = false;
    bool m_pollAgain = false; // refresh() while a poll was in flight
    bool m_followUpPoll = false; // poll again soon after a disconnect (see kFollowUpMs)
    // The server refused the logon: no automatic retry with the same password, which could
    // lock the account out; a manual refresh() or new credentials try again.
    bool m_logonRefused = false;
    AuditRecord m_auditConnection; // server and account of the current connection
};
