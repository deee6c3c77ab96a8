// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpoller.h"

#include "callgate.h"
#include "serveraddress.h"
#include "sessionpollworker.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

constexpr int kBackoffCapMs = 60000;
// Samba ends the sessions of NetrSessionDel by telling their smbd processes to exit, so the
// poll right after the call may still list some; one more poll shortly after shows the end.
constexpr int kFollowUpMs = 1000;

void registerMetaTypes()
{
    qRegisterMetaType<SessionRow>();
    qRegisterMetaType<SessionSnapshot>();
    qRegisterMetaType<ConnectionReport>();
    qRegisterMetaType<DisconnectTarget>();
    qRegisterMetaType<DisconnectResult>();
    qRegisterMetaType<QList<DisconnectTarget>>();
    qRegisterMetaType<QList<DisconnectResult>>();
    qRegisterMetaType<OpenFilesSnapshot>();
    qRegisterMetaType<FileCloseReport>();
    qRegisterMetaType<QList<FileCloseReport>>();
    qRegisterMetaType<QList<quint32>>();
}

} // namespace

SessionPoller::SessionPoller(QObject *parent)
    : SessionPoller(ApiFactory(&sc::createSessionApi), parent)
{
}

SessionPoller::SessionPoller(ApiFactory factory, QObject *parent)
    : QObject(parent)
{
    init(std::move(factory));
}

void SessionPoller::init(ApiFactory factory)
{
    registerMetaTypes();
    m_abandoned = std::make_shared<std::atomic_bool>(false);

    // No parent: a QThread destroyed while running aborts the process, and the destructor
    // may have to leave a hung thread behind (see ~SessionPoller).
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("SessionPoller"));
    m_worker = new SessionPollWorker(std::move(factory), m_abandoned);
    m_worker->moveToThread(m_thread);
    // QThread deletes deferred objects of its own right after finished(), so the worker and
    // its SessionApi are destroyed on the worker thread, where the connection lives.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SessionPollWorker::snapshotReady, this, &SessionPoller::onSnapshot);
    connect(m_worker, &SessionPollWorker::pollProgress, this, &SessionPoller::onProgress);
    connect(
        m_worker, &SessionPollWorker::disconnectFinished, this, &SessionPoller::onDisconnectDone);
    connect(m_worker, &SessionPollWorker::openFilesReady, this, &SessionPoller::onFilesSnapshot);
    connect(
        m_worker, &SessionPollWorker::closeFilesFinished, this, &SessionPoller::onCloseFilesDone);
    m_thread->start();

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SessionPoller::startPoll);
}

void SessionPoller::stop()
{
    if (m_shutdownDeadline)
        return;
    m_shutdownDeadline = QDeadlineTimer(m_shutdownTimeoutMs);
    m_abandoned->store(true);
    // A worker waiting for a slot of the gate gives up now rather than when a slot frees.
    if (m_gate)
        m_gate->wake();
    m_timer->stop();
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->quit();
}

SessionPoller::~SessionPoller()
{
    stop();
    if (m_thread->wait(*m_shutdownDeadline)) {
        delete m_thread;
        return;
    }
    // A call hangs in the backend, and the Samba client cannot be interrupted from another
    // thread. Waiting for its timeout would freeze the GUI, and deleting a running QThread
    // aborts the process, so the thread is left behind on purpose: when the call returns,
    // the worker sees m_abandoned, its event loop sees quit(), the worker and its SessionApi
    // are deleted on that thread (finished -> deleteLater above) and the QThread object
    // deletes itself if an event loop still runs; at process exit the OS reclaims it.
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // It may have finished between wait() and connect(), in which case nobody would.
    if (thread->isFinished()) {
        thread->wait();
        delete thread;
    }
}

QList<int> SessionPoller::intervalChoices()
{
    return {0, 2, 5, 10, 30, 60};
}

QThread *SessionPoller::workerThread() const
{
    return m_thread;
}

void SessionPoller::setConnection(const sc::ConnectionOptions &options)
{
    ++m_epoch;
    m_connected = true;
    m_failures = 0;
    m_logonRefused = false;
    // Who and where, without the password, for the audit records of this connection.
    m_auditConnection = AuditRecord();
    m_auditConnection.server
        = ServerAddress::displayName(QString::fromStdString(options.host), options.port);
    m_auditConnection.kerberos = options.kerberos;
    if (!options.kerberos)
        m_auditConnection.account = AuditLog::accountName(
            QString::fromStdString(options.domain), QString::fromStdString(options.user));
    m_timer->stop();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, epoch = m_epoch, options] { worker->setConnection(epoch, options); },
        Qt::QueuedConnection);
    refresh();
}

void SessionPoller::closeConnection()
{
    ++m_epoch;
    m_connected = false;
    m_failures = 0;
    m_logonRefused = false;
    m_pollAgain = false;
    m_followUpPoll = false;
    m_timer->stop();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, epoch = m_epoch] { worker->closeConnection(epoch); },
        Qt::QueuedConnection);
    Q_EMIT pollScheduled(-1);
}

void SessionPoller::setLevel(std::optional<sc::InfoLevel> level)
{
    if (level == m_level)
        return;
    m_level = level;
    if (m_connected)
        refresh();
}

void SessionPoller::setInterval(int seconds)
{
    seconds = std::max(0, seconds);
    if (seconds == m_intervalSeconds)
        return;
    m_intervalSeconds = seconds;
    if (m_connected && !m_pollInFlight)
        scheduleNext();
}

void SessionPoller::refresh()
{
    if (!m_connected)
        return;
    if (m_pollInFlight) {
        m_pollAgain = true;
        return;
    }
    startPoll();
}

void SessionPoller::startPoll()
{
    if (!m_connected || m_pollInFlight)
        return;
    const bool wasBusy = isBusy();
    m_timer->stop();
    m_pollInFlight = true;
    m_pollAgain = false;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, epoch = m_epoch, level = m_level] { worker->poll(epoch, level); },
        Qt::QueuedConnection);
    if (m_filesWatched) {
        // Right after the sessions, on the same connection; the worker handles one call at
        // a time, so the next poll never overlaps this one either.
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, epoch = m_epoch] { worker->pollFiles(epoch); },
            Qt::QueuedConnection);
    }
    Q_EMIT pollStarted();
    setBusyState(wasBusy);
}

void SessionPoller::scheduleNext()
{
    m_timer->stop();
    qint64 delay = -1;
    if (m_connected && m_intervalSeconds > 0 && !m_logonRefused) {
        const qint64 base = qint64(m_intervalSeconds) * 1000;
        delay = base;
        if (m_failures > 0) {
            const int doublings = std::min(m_failures, 16);
            delay = std::min(base << doublings, std::max<qint64>(base, kBackoffCapMs));
        }
    }
    if (m_followUpPoll && m_connected) {
        m_followUpPoll = false;
        delay = delay < 0 ? kFollowUpMs : std::min<qint64>(delay, kFollowUpMs);
    }
    if (delay < 0) {
        Q_EMIT pollScheduled(-1);
        return;
    }
    m_timer->start(int(delay));
    Q_EMIT pollScheduled(int(delay));
}

void SessionPoller::onSnapshot(const SessionSnapshot &snapshot, const ConnectionReport &connection)
{
    if (snapshot.partial) {
        // The poll goes on: nothing to schedule, and the rows before it stay with the worker
        // until the whole answer has been applied.
        if (snapshot.epoch == m_epoch && m_connected && m_pollInFlight)
            Q_EMIT snapshotReady(snapshot, connection);
        return;
    }
    const bool wasBusy = isBusy();
    m_pollInFlight = false;
    if (snapshot.epoch == m_epoch && m_connected) {
        m_failures = snapshot.ok() ? 0 : m_failures + 1;
        m_logonRefused = snapshot.error
            && (snapshot.error->kind() == sc::ErrorKind::LogonFailure
                || snapshot.error->kind() == sc::ErrorKind::NoCredentials);
        // Receivers (the model) apply it before this returns; only then is the next poll
        // scheduled, so polls never overlap and never pile up behind a slow GUI.
        Q_EMIT snapshotReady(snapshot, connection);
    }
    // The model has switched to the new rows; the worker frees the old ones (100k rows take
    // milliseconds to free, which the GUI thread should not spend).
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->releaseRetired(); }, Qt::QueuedConnection);
    setBusyState(wasBusy);
    if (m_pollAgain) {
        m_pollAgain = false;
        startPoll();
        return;
    }
    scheduleNext();
}

void SessionPoller::onProgress(quint64 epoch, int rowsSoFar, quint32 totalEntries)
{
    if (epoch == m_epoch && m_connected && m_pollInFlight)
        Q_EMIT pollProgress(rowsSoFar, totalEntries);
}

quint64 SessionPoller::disconnectSessions(const QList<DisconnectTarget> &targets)
{
    if (!m_connected || targets.isEmpty())
        return 0;
    return startAction([targets](SessionPollWorker *worker, quint64 epoch, quint64 id,
                           const AuditRecord &connection) {
        worker->disconnectSessions(epoch, id, targets, connection);
    });
}

quint64 SessionPoller::startAction(WorkerAction action)
{
    const bool wasBusy = isBusy();
    const quint64 id = m_nextRequestId++;
    ++m_disconnectsInFlight;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, epoch = m_epoch, id, connection = m_auditConnection,
            action = std::move(action)] { action(worker, epoch, id, connection); },
        Qt::QueuedConnection);
    setBusyState(wasBusy);
    return id;
}

void SessionPoller::finishAction(const std::function<void()> &announce)
{
    const bool wasBusy = isBusy();
    --m_disconnectsInFlight;
    announce();
    setBusyState(wasBusy);
}

void SessionPoller::onDisconnectDone(quint64 requestId, const QList<DisconnectResult> &results)
{
    finishAction([&] { Q_EMIT disconnectFinished(requestId, results); });
    // Show the effect at once rather than at the next interval, and once more a moment later.
    m_followUpPoll = true;
    refresh();
}

void SessionPoller::setAuditLog(const std::optional<AuditLog> &log)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, log] { worker->setAuditLog(log); }, Qt::QueuedConnection);
}

void SessionPoller::setTextPool(const std::shared_ptr<SharedTextPool> &texts)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, texts] { worker->setTextPool(texts); }, Qt::QueuedConnection);
}

void SessionPoller::setCallGate(const std::shared_ptr<CallGate> &gate)
{
    m_gate = gate;
    // Queued like the polls, so it is in place before the next one runs.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, gate] { worker->setCallGate(gate); }, Qt::QueuedConnection);
}

void SessionPoller::requestReplace()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->requestReplace(); }, Qt::QueuedConnection);
}

void SessionPoller::setBusyState(bool wasBusy)
{
    if (isBusy() != wasBusy)
        Q_EMIT busyChanged(isBusy());
}

void SessionPoller::setOpenFilesWatched(bool watched)
{
    if (watched == m_filesWatched)
        return;
    m_filesWatched = watched;
    if (watched && m_connected)
        refresh();
}

void SessionPoller::requestFilesReplace()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->requestFilesReplace(); }, Qt::QueuedConnection);
}

void SessionPoller::onFilesSnapshot(const OpenFilesSnapshot &snapshot)
{
    if (snapshot.epoch == m_epoch && m_connected)
        Q_EMIT openFilesReady(snapshot);
}

quint64 SessionPoller::closeFiles(const QList<quint32> &ids)
{
    if (!m_connected || ids.isEmpty())
        return 0;
    return startAction(
        [ids](SessionPollWorker *worker, quint64 epoch, quint64 id, const AuditRecord &connection) {
            worker->closeFiles(epoch, id, ids, connection);
        });
}

void SessionPoller::onCloseFilesDone(quint64 requestId, const QList<FileCloseReport> &reports)
{
    finishAction([&] { Q_EMIT closeFilesFinished(requestId, reports); });
    refresh();
}
