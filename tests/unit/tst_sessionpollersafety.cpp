// SPDX-License-Identifier: GPL-3.0-or-later
// SessionPoller and credentials, over a scripted backend: a refused logon is not retried on
// its own (a wrong password repeated every few seconds locks the account out), while other
// failures still are; and disconnects are recorded in the audit log it is given, also when
// they fail before reaching the server.
#include "auditlog.h"
#include "fakesessionapi.h"
#include "sessionpoller.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

namespace {

struct Script
{
    std::atomic<int> enumerations {0};
    std::atomic<int> removals {0};
    std::atomic<int> created {0};
    sc::ErrorKind failure = sc::ErrorKind::LogonFailure;
    bool fail = true;
};

class ScriptedApi : public OneSessionApi
{
public:
    explicit ScriptedApi(std::shared_ptr<Script> script)
        : OneSessionApi("scripted:445")
        , m_script(std::move(script))
    {
    }

protected:
    sc::Result<Page> enumeratePage(
        const std::u16string *, const std::u16string *, sc::InfoLevel level, std::uint32_t) override
    {
        ++m_script->enumerations;
        if (m_script->fail)
            return sc::SessionError::local(m_script->failure, "scripted");
        return oneSession(level);
    }
    sc::Result<void> deleteSessions(const std::u16string *, const std::u16string *) override
    {
        ++m_script->removals;
        return sc::SessionError::fromWin32(sc::win32::AccessDenied, "scripted");
    }

private:
    std::shared_ptr<Script> m_script;
};

SessionPoller::ApiFactory factoryFor(const std::shared_ptr<Script> &script)
{
    return [script](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
        ++script->created;
        return std::make_unique<ScriptedApi>(script);
    };
}

sc::ConnectionOptions logon()
{
    sc::ConnectionOptions o;
    o.host = "fs01";
    o.port = 1445;
    o.domain = "CORP";
    o.user = "helpdesk";
    o.password = sc::SecretString("scripted password");
    return o;
}

// A poller on a one-second schedule over a scripted server, and the snapshots it sent; the
// refused logon, its control and the retries all start from one. Started by setConnection().
struct ScheduledPoller
{
    explicit ScheduledPoller(sc::ErrorKind failure = sc::ErrorKind::LogonFailure)
    {
        script->failure = failure;
        poller.setInterval(1);
    }

    std::shared_ptr<Script> script = std::make_shared<Script>();
    SessionPoller poller {factoryFor(script)};
    QSignalSpy snapshots {&poller, &SessionPoller::snapshotReady};
};

} // namespace

class TestSessionPollerSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SessionSnapshot>();
        sc::SessionApi::clearLevelCache();
    }

    void refusedLogonIsNotRetriedAutomatically()
    {
        ScheduledPoller refused;
        QSignalSpy scheduled(&refused.poller, &SessionPoller::pollScheduled);
        refused.poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(refused.snapshots.count(), 1, 10000);
        const int afterFirst = refused.script->enumerations;
        QVERIFY(afterFirst >= 1);
        QCOMPARE(refused.snapshots.at(0).at(0).value<SessionSnapshot>().error->kind(),
            sc::ErrorKind::LogonFailure);
        // Nothing is scheduled: the banner then says to retry by hand.
        QTRY_VERIFY(!scheduled.isEmpty());
        QCOMPARE(scheduled.last().at(0).toInt(), -1);
        // Without the rule the next attempt would come after 2 s (1 s doubled once). Rather
        // than sleep for a guess at that, run a control poller on the same schedule whose
        // failure is retried, started only now: once it has retried twice, a retry of the
        // first poller, armed earlier with the same delay, would long have run.
        ScheduledPoller control(sc::ErrorKind::ConnectionRefused);
        control.poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(control.snapshots.count(), 3, 30000);
        QCOMPARE(int(refused.script->enumerations), afterFirst);
        QCOMPARE(refused.snapshots.count(), 1);

        // The operator may try again by hand; success resumes automatic refresh.
        refused.script->fail = false;
        refused.poller.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refused.snapshots.count(), 2, 10000);
        QVERIFY(refused.snapshots.last().at(0).value<SessionSnapshot>().ok());
        QTRY_COMPARE_WITH_TIMEOUT(refused.snapshots.count(), 3, 10000);
    }

    void otherFailuresAreRetried()
    {
        // The control: an unreachable server is tried again on its own.
        ScheduledPoller unreachable(sc::ErrorKind::ConnectionRefused);
        unreachable.poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(unreachable.snapshots.count(), 2, 10000);
    }

    void newCredentialsTryAgain()
    {
        ScheduledPoller refused;
        refused.poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(refused.snapshots.count(), 1, 10000);
        refused.script->fail = false;
        refused.poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(refused.snapshots.count(), 2, 10000);
        QVERIFY(refused.snapshots.last().at(0).value<SessionSnapshot>().ok());
    }

    void disconnectsAreAudited()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const AuditLog log(QStringLiteral("tst"), dir.filePath(QStringLiteral("audit.jsonl")));
        auto script = std::make_shared<Script>();
        script->fail = false;
        SessionPoller poller(factoryFor(script));
        poller.setInterval(0);
        poller.setAuditLog(log);
        QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
        QSignalSpy finished(&poller, &SessionPoller::disconnectFinished);
        poller.setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, 10000);

        poller.disconnectSessions({{QStringLiteral("10.0.0.7"), QStringLiteral("alice")},
            {QString(), QStringLiteral("bob")}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const auto results = finished.at(0).at(1).value<QList<DisconnectResult>>();
        QCOMPARE(results.size(), 2);
        for (const DisconnectResult &r : results)
            QVERIFY2(r.auditError.isEmpty(), qPrintable(r.auditError));

        const QList<AuditRecord> records = log.read();
        QCOMPARE(records.size(), 2);
        // Newest first: bob's was second.
        QCOMPARE(records[0].user, QStringLiteral("bob"));
        QCOMPARE(records[0].client, QString());
        QCOMPARE(records[1].user, QStringLiteral("alice"));
        QCOMPARE(records[1].client, QStringLiteral("10.0.0.7"));
        for (const AuditRecord &r : records) {
            QCOMPARE(r.server, QStringLiteral("fs01:1445"));
            QCOMPARE(r.account, QStringLiteral("CORP\\helpdesk"));
            QCOMPARE(r.program, QStringLiteral("tst"));
            QVERIFY(!r.ok);
        }
        QCOMPARE(records[0].errorKind, QStringLiteral("user-not-found"));
        QCOMPARE(records[1].errorKind, QStringLiteral("access-denied"));
        QCOMPARE(records[1].errorCode, 5u);
        // The poller's own check found alice; bob matched nothing, so no NetrSessionDel.
        QCOMPARE(int(script->removals), 1);

        // A log it cannot write is reported with the result, not swallowed.
        poller.setAuditLog(AuditLog(QStringLiteral("tst"),
            dir.filePath(QStringLiteral("audit.jsonl/not-a-folder/audit.jsonl"))));
        poller.disconnectSessions({{QStringLiteral("10.0.0.7"), QStringLiteral("alice")}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        const auto unrecorded = finished.at(1).at(1).value<QList<DisconnectResult>>();
        QCOMPARE(unrecorded.size(), 1);
        QVERIFY(!unrecorded[0].auditError.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionPollerSafety)
#include "tst_sessionpollersafety.moc"
