// SPDX-License-Identifier: GPL-3.0-or-later
// Ten servers in one window against the lab fleet: seven real smbd with the right account,
// the hung server (accepts TCP, never answers), a member whose smbd is stopped and started
// again, and a member logged on to with a wrong password. The seven refresh on their schedule
// while the hung one hangs, the GUI thread never runs one long event, the stopped member
// recovers by itself, and closing the window does not wait for anything.
//
// The figures (refresh intervals, longest event, close time) are printed with qInfo; the
// checks have generous bounds, so that a loaded two-core machine does not fail them, while a
// console that serialises its servers' calls does.
#include "eventloopprobe.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "serverconnection.h"
#include "sessionpoller.h"
#include "sessiontablemodel.h"
#include "smbdoutage.h"
#include "testsettings.h"
#include "watchedservers.h"
#include "windowclosing.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QtTest>

#include <chrono>
#include <ctime>
#include <memory>

namespace {

// Each call's timeout: long enough for a member's first srvsvc call on a loaded machine
// (samba-dcerpcd starts its worker then), and the time the hung server holds its call.
constexpr int kCallTimeoutMs = 8000;
constexpr int kIntervalSeconds = 2;
constexpr int kStartTimeoutMs = 60000;
// The work of one GUI-thread event, in the thread's CPU time: a wait on the network or on a
// lock would not count here, but it shows in the wall time, bounded as tst_hungserver does
// (a loaded two-core machine can hold the thread back for a few hundred ms).
constexpr qint64 kMaxEventCpuMs = 50;
constexpr qint64 kMaxEventWallMs = 1000;
constexpr qint64 kMaxCloseMs = 2000;
// Refreshes each of the seven must have while one call to the hung server hangs
// (kCallTimeoutMs / kIntervalSeconds allows about four).
constexpr int kMinRefreshesDuringHang = 2;

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Times every event the GUI thread delivers from its event loop (the outermost ones: nested
// loops count as part of the event that runs them).
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer wall;
        wall.start();
        const qint64 cpu = threadCpuNs();
        const bool done = QApplication::notify(receiver, event);
        const qint64 cpuMs = (threadCpuNs() - cpu) / 1000000;
        const qint64 wallMs = wall.elapsed();
        --m_depth;
        if (m_measuring) {
            if (cpuMs > maxCpuMs) {
                maxCpuMs = cpuMs;
                maxCpuEvent = int(event->type());
            }
            maxWallMs = std::max(maxWallMs, wallMs);
            ++events;
        }
        return done;
    }
    void startMeasuring()
    {
        maxCpuMs = maxWallMs = 0;
        events = 0;
        m_measuring = true;
    }
    void stopMeasuring() { m_measuring = false; }

    qint64 maxCpuMs = 0;
    qint64 maxWallMs = 0;
    int maxCpuEvent = 0;
    qint64 events = 0;

private:
    int m_depth = 0;
    bool m_measuring = false;
};

TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

sc::ConnectionOptions withTimeouts(sc::ConnectionOptions options)
{
    options.connectTimeout = std::chrono::milliseconds(kCallTimeoutMs);
    options.callTimeout = std::chrono::milliseconds(kCallTimeoutMs);
    return options;
}

int rowsOf(const SessionTableModel &model, const QString &server)
{
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.index(r, 0).data(SessionTableModel::ServerRole).toString() == server ? 1 : 0;
    return n;
}

QString intervalsText(const QList<qint64> &times)
{
    QStringList parts;
    for (qsizetype i = 1; i < times.size(); ++i)
        parts.append(QString::number(times[i] - times[i - 1]));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_FleetReliability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tenServers();

private:
    QString nameOf(int member) const
    {
        return QStringLiteral("%1:%2").arg(m_fleet[member].host()).arg(m_fleet[member].port());
    }

    QList<Lab> m_fleet;
};

void tst_FleetReliability::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_fleetreliability"));
    QString error;
    m_fleet = Lab::fleetFromEnvironment(&error);
    QVERIFY2(!m_fleet.isEmpty(), qPrintable(error));
    // Seven that answer, one stopped, one with a wrong password (the tenth is member 0's
    // hung port).
    QVERIFY2(m_fleet.size() >= 9, "the fleet needs 9 members (SC_FLEET_SIZE)");
    QVERIFY(m_fleet.first().hungPort() != 0);
}

void tst_FleetReliability::tenServers()
{
    const Lab &first = m_fleet.first();
    const sc::ConnectionOptions logon = withTimeouts(first.adminOptions());
    QStringList good;
    for (int m = 0; m < 7; ++m)
        good.append(nameOf(m));
    const QString hung = QStringLiteral("%1:%2").arg(first.host()).arg(first.hungPort());
    const QString stopped = nameOf(7);
    const QString refused = nameOf(8);

    // Declared before the window, which may still signal while it is destroyed.
    // Every successful refresh per server, and every call to the hung server (start, end).
    QMap<QString, QList<qint64>> refreshes;
    QList<QPair<qint64, qint64>> hangs;
    qint64 hangStartedMs = -1;
    QElapsedTimer clock;
    clock.start();
    auto window = std::make_unique<MainWindow>();
    window->setRefreshInterval(kIntervalSeconds);
    window->connectToServer(good.first(), logon);
    for (qsizetype i = 1; i < good.size(); ++i)
        window->watchServer(good[i], logon);
    window->watchServer(stopped, logon);
    window->watchServer(hung, logon);
    // A wrong password for this server only: its connection is connected directly, as a
    // per-server logon would.
    sc::ConnectionOptions wrong = logon;
    wrong.password = sc::SecretString("not-the-password");
    ServerConnection *refusedConnection = window->watchedServers()->add(refused);
    refusedConnection->connectTo(refused, wrong);
    window->showServer(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->watchedServers()->count(), 10);

    QMap<QString, ServerConnection *> byName;
    for (ServerConnection *c : window->watchedServers()->connections()) {
        const QString name = c->status().server;
        byName.insert(name, c);
        connect(c, &ServerConnection::snapshotHandled, this,
            [&refreshes, &clock, name](const SessionSnapshot &s) {
                if (s.ok() && !s.partial)
                    refreshes[name].append(clock.elapsed());
            });
    }
    QCOMPARE(byName.size(), 10);
    SessionPoller *hungPoller = MainWindowTestAccess::poller(*byName.value(hung));
    connect(
        hungPoller, &SessionPoller::pollStarted, this, [&] { hangStartedMs = clock.elapsed(); });
    connect(hungPoller, &SessionPoller::snapshotReady, this, [&](const SessionSnapshot &s) {
        if (!s.partial && hangStartedMs >= 0)
            hangs.append({hangStartedMs, clock.elapsed()});
        hangStartedMs = -1;
    });

    // Everyone real answers once (the first srvsvc call of a member can take seconds).
    for (const QString &name : std::as_const(good))
        QTRY_VERIFY_WITH_TIMEOUT(!refreshes.value(name).isEmpty(), kStartTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshes.value(stopped).isEmpty(), kStartTimeoutMs);
    const SessionTableModel &model = *MainWindowTestAccess::model(*window);
    QVERIFY(rowsOf(model, stopped) >= 1);
    // The wrong password is refused, and not tried again on its own (account lockout).
    QTRY_COMPARE_WITH_TIMEOUT(
        byName.value(refused)->status().state, ConnectionStatus::State::Offline, kStartTimeoutMs);
    QCOMPARE(byName.value(refused)->status().lastError->kind(), sc::ErrorKind::LogonFailure);

    // One member's smbd goes away (lab.sh stop-smbd: only the processes the lab started).
    SmbdOutage outage(m_fleet[7].labDir());
    QVERIFY2(outage.stop(), qPrintable(outage.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        byName.value(stopped)->status().state, ConnectionStatus::State::Offline, kStartTimeoutMs);

    // Measured from here: two whole calls to the hung server, each hanging for its timeout.
    EventLoopProbe probe;
    timingApp()->startMeasuring();
    const qint64 measuredFromMs = clock.elapsed();
    const qsizetype hangsBefore = hangs.size();
    QTRY_VERIFY_WITH_TIMEOUT(hangs.size() >= hangsBefore + 2, 6 * kCallTimeoutMs + 60000);
    timingApp()->stopMeasuring();
    const qint64 measuredToMs = clock.elapsed();

    for (const auto &hang : std::as_const(hangs))
        qInfo("hung server: call from %lld ms to %lld ms (%lld ms)", hang.first, hang.second,
            hang.second - hang.first);
    for (const QString &name : std::as_const(good)) {
        qInfo("%s refreshed at %s ms; intervals %s ms", qPrintable(name), qPrintable([&] {
            QStringList t;
            for (qint64 ms : refreshes.value(name))
                t.append(QString::number(ms));
            return t.join(QLatin1Char(' '));
        }()),
            qPrintable(intervalsText(refreshes.value(name))));
    }
    qInfo("measured %lld ms: longest GUI-thread event %lld ms of CPU (event type %d), %lld ms "
          "of wall time, over %lld events; longest event loop gap %lld ms over %d ticks",
        measuredToMs - measuredFromMs, timingApp()->maxCpuMs, timingApp()->maxCpuEvent,
        timingApp()->maxWallMs, timingApp()->events, probe.maxGapMs(), probe.ticks());

    // While each of those calls hung, every one of the seven went on refreshing.
    for (qsizetype h = hangsBefore; h < hangs.size(); ++h) {
        const auto [from, to] = hangs[h];
        QVERIFY2(to - from >= kCallTimeoutMs - 100,
            qPrintable(QStringLiteral("the hung server answered after %1 ms").arg(to - from)));
        for (const QString &name : std::as_const(good)) {
            int during = 0;
            for (qint64 ms : refreshes.value(name))
                during += ms > from && ms < to ? 1 : 0;
            QVERIFY2(during >= kMinRefreshesDuringHang,
                qPrintable(QStringLiteral("%1 refreshed %2 times while the hung server hung "
                                          "from %3 to %4 ms")
                               .arg(name)
                               .arg(during)
                               .arg(from)
                               .arg(to)));
        }
    }
    QVERIFY2(timingApp()->maxCpuMs <= kMaxEventCpuMs,
        qPrintable(QString::number(timingApp()->maxCpuMs)));
    QVERIFY2(timingApp()->maxWallMs <= kMaxEventWallMs,
        qPrintable(QString::number(timingApp()->maxWallMs)));
    QVERIFY(probe.ticks() > 100);
    // The console's own session is recognised on each server it watches, and only that one.
    for (const QString &name : std::as_const(good)) {
        int own = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex index = model.index(r, 0);
            if (index.data(SessionTableModel::ServerRole).toString() == name
                && index.data(SessionTableModel::OwnSessionRole).toBool())
                ++own;
        }
        QVERIFY2(own == 1, qPrintable(QStringLiteral("%1: %2 own sessions").arg(name).arg(own)));
    }
    QCOMPARE(byName.value(hung)->status().lastError->kind(), sc::ErrorKind::Timeout);
    // Still refused, never retried.
    QCOMPARE(byName.value(refused)->status().state, ConnectionStatus::State::Offline);

    // The stopped smbd starts again: that server recovers on its own schedule, no click.
    QCOMPARE(byName.value(stopped)->status().state, ConnectionStatus::State::Offline);
    const qsizetype refreshesBefore = refreshes.value(stopped).size();
    QVERIFY2(outage.start(), qPrintable(outage.errorString()));
    const qint64 startedMs = clock.elapsed();
    // Its back-off (2 s doubled per failure, capped at 60 s) has grown meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(refreshes.value(stopped).size() > refreshesBefore, 90000);
    qInfo("stopped member answered again %lld ms after its smbd was started",
        refreshes.value(stopped).last() - startedMs);
    QCOMPARE(byName.value(stopped)->status().state, ConnectionStatus::State::Online);
    QVERIFY(rowsOf(model, stopped) >= 1);
    bool stale = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r, 0);
        if (index.data(SessionTableModel::ServerRole).toString() == stopped)
            stale = stale || index.data(SessionTableModel::StaleRole).toBool();
    }
    QVERIFY(!stale);

    // Closing while the hung server hangs again.
    QTRY_VERIFY_WITH_TIMEOUT(hungPoller->isBusy(), 6 * kCallTimeoutMs + 60000);
    QTest::qWait(500);
    const qint64 closeMs = closeAndDestroy(window);
    QVERIFY(closeMs >= 0);
    qInfo("window of 10 servers closed and destroyed in %lld ms", closeMs);
    QVERIFY2(closeMs <= kMaxCloseMs, qPrintable(QString::number(closeMs)));
}

int main(int argc, char **argv)
{
    TimingApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    tst_FleetReliability test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fleetreliability.moc"
