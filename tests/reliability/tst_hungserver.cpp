// SPDX-License-Identifier: GPL-3.0-or-later
// A server that stops answering: the lab's hung server (accepts TCP, never answers) for a
// connect that hangs, and the lab's own smbd process frozen with SIGSTOP for a call that
// hangs after the connection was made. Calls give up within their timeout, the GUI thread
// keeps running, and closing the window while a call hangs does not wait for it.
#include "eventloopprobe.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessionapi.h"
#include "sessionerrortext.h"
#include "sessionpoller.h"
#include "sessiontablemodel.h"
#include "testsettings.h"
#include "windowclosing.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <chrono>
#include <csignal>
#include <memory>
#include <string>

#include <sys/types.h>

namespace {

constexpr int kPollTimeoutMs = 30000;
// What a call may take beyond its timeout: scheduling, and the sanitizer build being slower.
// Less than a second on purpose: Samba's own clean-up after a timed-out call once added one.
constexpr int kSlackMs = 750;
// Margin for waiting on things that are not the subject of a check.
constexpr int kMarginMs = 5000;
// The longest the GUI thread's event loop may go without running: a wait on the network
// would stall it for a whole timeout (5 s here at least), while a loaded two-core machine
// can hold back a 10 ms timer for a few hundred ms.
constexpr qint64 kMaxEventLoopGapMs = 1000;

sc::ConnectionOptions withTimeouts(sc::ConnectionOptions options, int ms)
{
    options.connectTimeout = std::chrono::milliseconds(ms);
    options.callTimeout = std::chrono::milliseconds(ms);
    return options;
}

// Lists through @p api, which must give up with a Timeout error at @p timeoutMs: not sooner,
// and not later than kSlackMs after it (a timed-out call is not repeated, so one timeout
// bounds it). @p what names the hang in the log; @p error, if given, receives the error.
void listingGivesUpAtTimeout(sc::SessionApi &api, std::optional<sc::InfoLevel> level, int timeoutMs,
    const char *what, sc::SessionError *error = nullptr)
{
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = api.enumerate({}, level);
    const qint64 ms = elapsed.elapsed();
    qInfo("hung %s with a %d ms timeout gave up after %lld ms", what, timeoutMs, ms);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::Timeout);
    QVERIFY2(ms >= timeoutMs - 50, qPrintable(QString::number(ms)));
    QVERIFY2(ms <= timeoutMs + kSlackMs, qPrintable(QString::number(ms)));
    if (error)
        *error = result.error();
}

const char *errorOf(const SessionSnapshot &snapshot)
{
    static std::string text;
    text = snapshot.error ? snapshot.error->message() : std::string("no error");
    return text.c_str();
}

// Freezes lab processes with SIGSTOP and lets them go again (SIGCONT) when it goes away, so
// a failing check cannot leave the shared lab frozen.
class FrozenProcesses
{
public:
    FrozenProcesses() = default;
    FrozenProcesses(const FrozenProcesses &) = delete;
    FrozenProcesses &operator=(const FrozenProcesses &) = delete;
    ~FrozenProcesses() { thaw(); }

    bool freeze(qint64 pid)
    {
        if (pid <= 0 || ::kill(pid_t(pid), SIGSTOP) != 0)
            return false;
        m_pids.append(pid);
        return true;
    }
    void thaw()
    {
        for (const qint64 pid : std::as_const(m_pids))
            ::kill(pid_t(pid), SIGCONT);
        m_pids.clear();
    }
    int count() const { return int(m_pids.size()); }

private:
    QList<qint64> m_pids;
};

} // namespace

class tst_HungServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectGivesUpAtTheTimeout();
    void callGivesUpAtTheTimeoutAndReconnects();
    void pollerKeepsGuiThreadResponsive();
    void closingWindowDoesNotWaitForHungConnect();
    void closingWindowDoesNotWaitForHungCall();

private:
    /// Freezes the smbd processes serving @p user's sessions (the caller's own connection).
    bool freezeSessionsOf(const QString &user, FrozenProcesses &frozen);

    Lab m_lab;
};

void tst_HungServer::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_hungserver"));
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

bool tst_HungServer::freezeSessionsOf(const QString &user, FrozenProcesses &frozen)
{
    bool ok = false;
    const QList<LabSession> sessions = m_lab.smbstatusSessions(&ok);
    if (!ok)
        return false;
    for (const LabSession &s : sessions) {
        if (s.user.compare(user, Qt::CaseInsensitive) == 0 && !frozen.freeze(s.serverPid))
            return false;
    }
    return frozen.count() > 0;
}

void tst_HungServer::connectGivesUpAtTheTimeout()
{
    for (const int timeoutMs : {1000, 3000}) {
        sc::ConnectionOptions options = withTimeouts(m_lab.adminOptions(), timeoutMs);
        options.port = m_lab.hungPort();
        std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(options);
        sc::SessionError error;
        listingGivesUpAtTimeout(*api, std::nullopt, timeoutMs, "connect", &error);
        if (QTest::currentTestFailed())
            return;
        // The operator reads which timeout expired.
        QVERIFY(SessionErrorText::text(error, timeoutMs / 1000)
                    .contains(QString::number(timeoutMs / 1000)));
    }
}

void tst_HungServer::callGivesUpAtTheTimeoutAndReconnects()
{
    // The same timeout also bounds the connect and the first call to the real smbd, which a
    // loaded two-core machine can slow to a few seconds.
    const int timeoutMs = 5000;
    const sc::ConnectionOptions options = withTimeouts(m_lab.adminOptions(), timeoutMs);
    std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(options);
    QVERIFY(api->connect().ok());
    const auto first = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(first.ok(), first.ok() ? "" : first.error().message().c_str());

    // The connection is up; now the smbd process behind it stops answering.
    {
        FrozenProcesses frozen;
        QVERIFY2(freezeSessionsOf(m_lab.adminUser(), frozen), qPrintable(m_lab.errorString()));
        listingGivesUpAtTimeout(*api, sc::InfoLevel::Level1, timeoutMs, "call");
        if (QTest::currentTestFailed())
            return;
    }

    // The server answers again: the same SessionApi drops the spoiled connection and works.
    const auto again = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().message().c_str());
    QVERIFY(!again->sessions.empty());
}

void tst_HungServer::pollerKeepsGuiThreadResponsive()
{
    SessionPoller poller;
    SessionTableModel model;
    connect(&poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
    poller.setInterval(0);
    // 5 s: the first, normal poll of the real smbd goes through the same timeout.
    poller.setConnection(withTimeouts(m_lab.adminOptions(), 5000));
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kPollTimeoutMs);
    QVERIFY2(snapshots.last().at(0).value<SessionSnapshot>().ok(),
        errorOf(snapshots.last().at(0).value<SessionSnapshot>()));
    const int rows = model.rowCount();
    QVERIFY(rows >= 1);

    FrozenProcesses frozen;
    QVERIFY2(freezeSessionsOf(m_lab.adminUser(), frozen), qPrintable(m_lab.errorString()));
    EventLoopProbe probe;
    poller.refresh();
    QVERIFY(poller.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 2, 5000 + kMarginMs);
    const auto hung = snapshots.last().at(0).value<SessionSnapshot>();
    qInfo("poll of a frozen server: %s after %lld ms; longest event loop gap %lld ms over %d "
          "ticks",
        errorOf(hung), hung.durationMs, probe.maxGapMs(), probe.ticks());
    QVERIFY(!hung.ok());
    QCOMPARE(hung.error->kind(), sc::ErrorKind::Timeout);
    QVERIFY2(hung.durationMs <= 5000 + kSlackMs, qPrintable(QString::number(hung.durationMs)));
    QVERIFY2(probe.maxGapMs() < kMaxEventLoopGapMs, qPrintable(QString::number(probe.maxGapMs())));
    QVERIFY(probe.ticks() > 50);
    // The rows were kept and marked stale.
    QCOMPARE(model.rowCount(), rows);
    QVERIFY(model.isStale());

    frozen.thaw();
    poller.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 3, kPollTimeoutMs);
    QVERIFY2(snapshots.last().at(0).value<SessionSnapshot>().ok(),
        errorOf(snapshots.last().at(0).value<SessionSnapshot>()));
    QVERIFY(!model.isStale());
}

void tst_HungServer::closingWindowDoesNotWaitForHungConnect()
{
    auto window = std::make_unique<MainWindow>();
    window->setRefreshInterval(0);
    // A long timeout, so the connect is certainly still hanging when the window closes.
    window->connectToServer(QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.hungPort()),
        withTimeouts(m_lab.adminOptions(), 8000));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    EventLoopProbe probe;
    QTest::qWait(500);
    QVERIFY(MainWindowTestAccess::poller(*window)->isBusy());
    QPointer<QThread> worker = MainWindowTestAccess::poller(*window)->workerThread();
    QVERIFY(worker);
    QVERIFY2(probe.maxGapMs() < kMaxEventLoopGapMs, qPrintable(QString::number(probe.maxGapMs())));

    const qint64 ms = closeAndDestroy(window);
    QVERIFY(ms >= 0);
    qInfo("window closed and destroyed %lld ms into a hung connect", ms);
    // Waiting for the connect would take the whole 8 s timeout; half of it is the bound.
    QVERIFY2(ms <= 4000, qPrintable(QString::number(ms)));
    // The worker left behind ends on its own once its connect times out: no crash, no hang.
    QTRY_VERIFY_WITH_TIMEOUT(worker.isNull(), 8000 + kMarginMs);
}

void tst_HungServer::closingWindowDoesNotWaitForHungCall()
{
    auto window = std::make_unique<MainWindow>();
    QSignalSpy shown(window.get(), &MainWindow::snapshotShown);
    window->setRefreshInterval(0);
    window->connectToServer(QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port()),
        withTimeouts(m_lab.adminOptions(), 8000));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kPollTimeoutMs);
    QVERIFY2(shown.last().at(0).value<SessionSnapshot>().ok(),
        errorOf(shown.last().at(0).value<SessionSnapshot>()));

    FrozenProcesses frozen;
    QVERIFY2(freezeSessionsOf(m_lab.adminUser(), frozen), qPrintable(m_lab.errorString()));
    MainWindowTestAccess::action(*window, ConsoleActions::RefreshAction)->trigger();
    QTest::qWait(500);
    QVERIFY(MainWindowTestAccess::poller(*window)->isBusy());
    QPointer<QThread> worker = MainWindowTestAccess::poller(*window)->workerThread();
    QVERIFY(worker);

    const qint64 ms = closeAndDestroy(window);
    QVERIFY(ms >= 0);
    qInfo("window closed and destroyed %lld ms into a hung call", ms);
    // Waiting for the call would take the whole 8 s timeout; half of it is the bound.
    QVERIFY2(ms <= 4000, qPrintable(QString::number(ms)));
    frozen.thaw();
    QTRY_VERIFY_WITH_TIMEOUT(worker.isNull(), 8000 + kMarginMs);
}

QTEST_MAIN(tst_HungServer)
#include "tst_hungserver.moc"
