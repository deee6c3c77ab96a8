// SPDX-License-Identifier: GPL-3.0-or-later
#include "labsupport.h"
#include "procfs.h"
#include "sessionpoller.h"
#include "sessiontablemodel.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace {

// Measures how long the GUI thread's event loop goes without running a 10 ms timer: any
// wait on the network in the GUI thread shows up as a long gap.
class EventLoopProbe
{
public:
    EventLoopProbe()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_maxGap = std::max(m_maxGap, m_clock.restart());
            ++m_ticks;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return m_maxGap; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

// What the poller sees of a server, scripted: a few rows, optional delay per call, optional
// failures. Counts calls running at the same time to prove that polls never overlap.
struct FakeState
{
    std::atomic_int running {0};
    std::atomic_int maxRunning {0};
    std::atomic_int enumerations {0};
    std::atomic_int created {0};
    std::atomic_int delayMs {0};
    std::atomic_bool fail {false};
    std::atomic<qint64> lastEnumerationEndMs {0};
};

class FakeSessionApi : public sc::SessionApi
{
public:
    explicit FakeSessionApi(std::shared_ptr<FakeState> state)
        : m_state(std::move(state))
    {
    }

    sc::Result<void> connect() override { return {}; }
    sc::ConnectionSecurity security() const override { return {true, false, "SMB3_11"}; }
    std::string localAddress() const override { return "127.0.0.1"; }
    std::string serverKey() const override { return "fake:445"; }

protected:
    sc::Result<Page> enumeratePage(
        const std::u16string *, const std::u16string *, sc::InfoLevel level, std::uint32_t) override
    {
        const int now = ++m_state->running;
        int seen = m_state->maxRunning.load();
        while (now > seen && !m_state->maxRunning.compare_exchange_weak(seen, now)) { }
        QThread::msleep(ulong(m_state->delayMs.load()));
        ++m_state->enumerations;
        m_state->lastEnumerationEndMs = QDateTime::currentMSecsSinceEpoch();
        --m_state->running;
        if (m_state->fail)
            return sc::SessionError::local(sc::ErrorKind::ConnectionLost, "scripted");
        Page page;
        for (const char16_t *user : {u"alice", u"admin"}) {
            sc::SessionInfo i;
            i.clientName = u"127.0.0.1";
            i.userName = user;
            i.connectedSeconds = 60;
            i.level = level;
            page.rows.push_back(i);
        }
        page.totalEntries = std::uint32_t(page.rows.size());
        return page;
    }
    sc::Result<void> deleteSessions(const std::u16string *, const std::u16string *) override
    {
        return {};
    }

private:
    std::shared_ptr<FakeState> m_state;
};

SessionPoller::ApiFactory fakeFactory(std::shared_ptr<FakeState> state)
{
    return [state](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
        ++state->created;
        return std::make_unique<FakeSessionApi>(state);
    };
}

sc::ConnectionOptions fakeOptions()
{
    sc::ConnectionOptions o;
    o.host = "fake";
    o.user = "LAB\\admin";
    return o;
}

// A poller of the scripted server that only polls when asked (interval 0) or every
// @p intervalSeconds, a model showing its snapshots, and the snapshots it reported.
struct FakePolling
{
    explicit FakePolling(int intervalSeconds)
    {
        poller.setInterval(intervalSeconds);
        QObject::connect(
            &poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    }

    std::shared_ptr<FakeState> state = std::make_shared<FakeState>();
    SessionPoller poller {fakeFactory(state)};
    SessionTableModel model;
    QSignalSpy snapshots {&poller, &SessionPoller::snapshotReady};
};

int rowsOf(const SessionTableModel &model, const QString &user)
{
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.row(r).user.compare(user, Qt::CaseInsensitive) == 0;
    return n;
}

} // namespace

class tst_SessionPoller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    // Against the lab's smbd.
    void sessionsAppearAndDisappear();
    void hungServerReportsTimeoutWhileGuiRuns();
    void destroyingDuringHungCallReturnsQuickly();
    void disconnectEndsUsersSessionsAndRepolls();
    void connectionRunsInAWorkerProcess();

    // With a scripted SessionApi, for what a real server cannot be made to do on cue.
    void pollsNeverOverlap();
    void nextPollWaitsForTheModel();
    void brokenConnectionBacksOff();
    void newConnectionReplacesRows();

private:
    Lab m_lab;
};

void tst_SessionPoller::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    sc::SessionApi::clearLevelCache();
}

void tst_SessionPoller::sessionsAppearAndDisappear()
{
    const QString user = m_lab.plainUsers().value(0);
    QVERIFY(!user.isEmpty());
    SessionPoller poller;
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    connect(&poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    connect(&model, &SessionTableModel::resyncRequested, &poller, &SessionPoller::requestReplace);
    QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    int inFlight = 0;
    int maxInFlight = 0;
    connect(&poller, &SessionPoller::pollStarted,
        [&] { maxInFlight = std::max(maxInFlight, ++inFlight); });
    connect(&poller, &SessionPoller::snapshotReady, [&] { --inFlight; });

    poller.setInterval(2);
    poller.setConnection(m_lab.adminOptions());
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 1, 20000);
    const auto first = snapshots.at(0).at(0).value<SessionSnapshot>();
    QVERIFY2(first.ok(), first.error ? first.error->message().c_str() : "");
    QVERIFY(first.delta.replace);
    QCOMPARE(rowsOf(model, user), 0);
    // Our own connection is listed and marked.
    int own = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.row(r).isOwnSession) {
            ++own;
            QCOMPARE(model.row(r).user.compare(m_lab.adminUser(), Qt::CaseInsensitive), 0);
        }
    }
    QCOMPARE(own, 1);

    auto load = m_lab.hold(user, 3);
    QVERIFY2(load, qPrintable(m_lab.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(model, user), 3, 20000);
    QVERIFY(!model.isStale());
    QVERIFY(model.columnAvailable(SessionTableModel::User));
    QVERIFY(model.columnAvailable(SessionTableModel::IdleTime));

    load->stop();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(model, user), 0, 20000);
    QCOMPARE(resets.count(), 1); // only the first answer; refreshes are diffs
    QCOMPARE(maxInFlight, 1);
}

void tst_SessionPoller::hungServerReportsTimeoutWhileGuiRuns()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.hungPort();
    options.connectTimeout = std::chrono::milliseconds(2000);
    options.callTimeout = std::chrono::milliseconds(2000);
    SessionPoller poller;
    poller.setInterval(0);
    QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
    EventLoopProbe probe;
    QElapsedTimer elapsed;
    elapsed.start();
    poller.setConnection(options);
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() == 1, 15000);
    const auto answer = snapshots.at(0).at(0).value<SessionSnapshot>();
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error->kind(), sc::ErrorKind::Timeout);
    QVERIFY(!answer.hasRows);
    qInfo("timeout reported after %lld ms; longest event loop gap %lld ms over %d ticks",
        elapsed.elapsed(), probe.maxGapMs(), probe.ticks());
    // A GUI thread that waited on the hung server would stall for the whole 2 s timeout; a
    // loaded two-core machine may hold back a 10 ms timer for a few hundred ms. Half the
    // timeout tells the two apart.
    QVERIFY2(probe.maxGapMs() < 1000, qPrintable(QString::number(probe.maxGapMs())));
    QVERIFY(probe.ticks() > 50); // the probe really ran while we waited
}

void tst_SessionPoller::destroyingDuringHungCallReturnsQuickly()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.hungPort();
    // Long, so that "returns before the call times out" leaves room for a loaded machine.
    options.connectTimeout = std::chrono::milliseconds(10000);
    options.callTimeout = std::chrono::milliseconds(10000);
    auto poller = std::make_unique<SessionPoller>();
    poller->setInterval(0);
    QSignalSpy started(poller.get(), &SessionPoller::pollStarted);
    poller->setConnection(options);
    QCOMPARE(started.count(), 1);
    // Let the worker get into the connect that will hang.
    QTest::qWait(300);
    QVERIFY(poller->isBusy());
    QPointer<QThread> thread = poller->workerThread();
    QElapsedTimer elapsed;
    elapsed.start();
    poller.reset();
    const qint64 ms = elapsed.elapsed();
    qInfo("destructor returned after %lld ms", ms);
    QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    // The thread left behind finishes when its call times out and deletes itself.
    QTRY_VERIFY_WITH_TIMEOUT(thread.isNull(), 30000);
}

void tst_SessionPoller::disconnectEndsUsersSessionsAndRepolls()
{
    const QString user = m_lab.plainUsers().value(1);
    QVERIFY(!user.isEmpty());
    auto load = m_lab.hold(user, 2);
    QVERIFY2(load, qPrintable(m_lab.errorString()));

    SessionPoller poller;
    SessionTableModel model;
    connect(&poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    poller.setInterval(0); // only polls we cause
    QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
    QSignalSpy started(&poller, &SessionPoller::pollStarted);
    QSignalSpy finished(&poller, &SessionPoller::disconnectFinished);
    poller.setConnection(m_lab.adminOptions());
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() == 1, 20000);
    QCOMPARE(rowsOf(model, user), 2);

    const quint64 id = poller.disconnectSessions({DisconnectTarget {QString(), user}});
    QVERIFY(id != 0);
    QVERIFY(poller.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    const auto results = finished.at(0).at(1).value<QList<DisconnectResult>>();
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].ok(), results[0].error ? results[0].error->message().c_str() : "");
    QCOMPARE(results[0].ended, 2u);
    QCOMPARE(results[0].target.user, user);
    // The re-poll starts by itself, without an interval; smbd processes end their sessions
    // asynchronously, so the follow-up poll a second later may be the one that shows it.
    QCOMPARE(started.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(model, user), 0, 10000);
    QVERIFY(snapshots.count() <= 3);
    QVERIFY(m_lab.waitForSessionCount(user, 0));
}

void tst_SessionPoller::connectionRunsInAWorkerProcess()
{
    // The console's connections run Samba in a worker process each, found through
    // SC_RPCWORKER_PATH: here a script that notes each start of the program, then becomes
    // this build's worker. The program starts once, as the launcher, which forks the worker.
    const QByteArray worker = qgetenv("SC_RPCWORKER_PATH");
    QVERIFY2(!worker.isEmpty(), "SC_RPCWORKER_PATH names no worker");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString started = dir.filePath(QStringLiteral("started"));
    const QString wrapper = dir.filePath(QStringLiteral("rpcworker.sh"));
    QVERIFY(writeTestFile(wrapper,
        "#!/bin/sh\necho $$ $1 >> '" + QFile::encodeName(started) + "'\nexec '" + worker
            + "' \"$@\"\n"));
    QVERIFY(QFile::setPermissions(
        wrapper, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    qputenv("SC_RPCWORKER_PATH", QFile::encodeName(wrapper));
    const auto restore = qScopeGuard([&] { qputenv("SC_RPCWORKER_PATH", worker); });

    qint64 launcher = 0;
    {
        SessionPoller poller;
        QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
        poller.setConnection(m_lab.adminOptions());
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 1, 20000);
        const auto first = snapshots.at(0).at(0).value<SessionSnapshot>();
        QVERIFY2(first.ok(), first.error ? first.error->message().c_str() : "");

        QFile log(started);
        QVERIFY2(log.open(QIODevice::ReadOnly), "the poller started no worker");
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1); // one start of the program
        const QList<QByteArray> words = lines.first().split(' ');
        QCOMPARE(words.value(1), QByteArray("--launcher"));
        launcher = words.first().toLongLong();
        QCOMPARE(Procfs::parent(launcher), qint64(::getpid()));
        // One connection, one worker: the launcher's only child.
        QCOMPARE(Procfs::children(launcher).size(), 1);
    }
    // The poller's end ends its worker; the launcher stays for the next connection.
    QTRY_COMPARE(Procfs::children(launcher).size(), 0);
    QVERIFY(Procfs::state(launcher) != 0);
}

void tst_SessionPoller::pollsNeverOverlap()
{
    FakePolling fake(0);
    fake.state->delayMs = 200;
    fake.poller.setConnection(fakeOptions());
    // Hammer it while the first poll is running: refreshes coalesce into one more poll and the
    // disconnect request queues behind the poll on the same worker.
    for (int i = 0; i < 20; ++i)
        fake.poller.refresh();
    fake.poller.disconnectSessions(
        {DisconnectTarget {QStringLiteral("127.0.0.1"), QStringLiteral("alice")}});
    QTRY_VERIFY_WITH_TIMEOUT(fake.snapshots.count() >= 4, 10000);
    QTest::qWait(500);
    QCOMPARE(fake.state->maxRunning.load(), 1);
    // setConnection's poll, one for the 20 refreshes, one right after the disconnect and its
    // follow-up a second later; nothing else with the interval off.
    QCOMPARE(fake.snapshots.count(), 4);
    QCOMPARE(fake.state->enumerations.load(), 4 + 1); // remove() counts the matching sessions first
}

void tst_SessionPoller::nextPollWaitsForTheModel()
{
    auto state = std::make_shared<FakeState>();
    SessionPoller poller(fakeFactory(state));
    poller.setInterval(2);
    qint64 firstAppliedAtMs = 0;
    int applied = 0;
    // A slow receiver: the next poll must start only after it has returned, plus the interval.
    connect(&poller, &SessionPoller::snapshotReady, this, [&] {
        QThread::msleep(300);
        if (++applied == 1)
            firstAppliedAtMs = QDateTime::currentMSecsSinceEpoch();
    });
    qint64 secondStartMs = 0;
    int appliedAtSecondStart = -1;
    int started = 0;
    connect(&poller, &SessionPoller::pollStarted, this, [&] {
        if (++started == 2) {
            secondStartMs = QDateTime::currentMSecsSinceEpoch();
            appliedAtSecondStart = applied;
        }
    });
    poller.setConnection(fakeOptions());
    QTRY_VERIFY_WITH_TIMEOUT(started >= 2, 10000);
    QCOMPARE(appliedAtSecondStart, 1);
    QVERIFY2(secondStartMs - firstAppliedAtMs >= 1900,
        qPrintable(QString::number(secondStartMs - firstAppliedAtMs)));
}

void tst_SessionPoller::brokenConnectionBacksOff()
{
    FakePolling fake(2);
    fake.state->fail = true;
    QSignalSpy scheduled(&fake.poller, &SessionPoller::pollScheduled);
    fake.poller.setConnection(fakeOptions());
    QList<int> delays;
    for (int i = 1; i <= 6; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(fake.snapshots.count() == i, 5000);
        QVERIFY(!fake.snapshots.last().at(0).value<SessionSnapshot>().ok());
        delays.append(scheduled.last().at(0).toInt());
        // Each failure dropped the connection: the next poll builds a new one.
        QCOMPARE(fake.state->created.load(), i);
        if (i < 6)
            fake.poller.refresh(); // do not wait for the back-off itself
    }
    QCOMPARE(delays, (QList<int> {4000, 8000, 16000, 32000, 60000, 60000}));
    QCOMPARE(fake.poller.failureCount(), 6);
    QVERIFY(fake.model.isStale());

    fake.state->fail = false;
    fake.poller.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(fake.snapshots.count() == 7, 5000);
    QVERIFY(fake.snapshots.last().at(0).value<SessionSnapshot>().ok());
    QCOMPARE(fake.poller.failureCount(), 0);
    QCOMPARE(scheduled.last().at(0).toInt(), 2000);
    QVERIFY(!fake.model.isStale());
    QCOMPARE(fake.model.rowCount(), 2);
}

void tst_SessionPoller::newConnectionReplacesRows()
{
    FakePolling fake(0);
    fake.state->delayMs = 300;
    QSignalSpy resets(&fake.model, &QAbstractItemModel::modelReset);
    fake.poller.setConnection(fakeOptions());
    // Switch while the first answer is still on its way: it is dropped, not shown.
    QTest::qWait(100);
    fake.poller.setConnection(fakeOptions());
    QTRY_VERIFY_WITH_TIMEOUT(fake.snapshots.count() == 1, 5000);
    QTest::qWait(500);
    QCOMPARE(fake.snapshots.count(), 1);
    QCOMPARE(fake.snapshots.at(0).at(0).value<SessionSnapshot>().epoch, quint64(2));
    QVERIFY(fake.snapshots.at(0).at(0).value<SessionSnapshot>().delta.replace);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(fake.model.rowCount(), 2);
    // The own session: same address and account as our connection.
    QCOMPARE(rowsOf(fake.model, QStringLiteral("admin")), 1);
    QVERIFY(fake.model.row(1).isOwnSession);
    QVERIFY(!fake.model.row(0).isOwnSession);
    // The security of the connection travels next to the snapshot the model applied.
    const auto connection = fake.snapshots.at(0).at(1).value<ConnectionReport>();
    QVERIFY(connection.signing);
    QCOMPARE(connection.protocol, QStringLiteral("SMB3_11"));
}

QTEST_MAIN(tst_SessionPoller)
#include "tst_sessionpoller.moc"
