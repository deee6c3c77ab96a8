// SPDX-License-Identifier: GPL-3.0-or-later
// Many servers polled at once: the connections of one WatchedServers share a gate of
// CallGate::kDefaultLimit (8) network calls in flight. Twelve scripted servers whose calls
// block until the test lets them go: exactly eight are in a call at a time, the others start
// as slots free, a server waiting for a slot is not reported as failed, and removing a server
// that waits for a slot does not wait for the gate.
#include "callgate.h"
#include "fakesessionapi.h"
#include "serverconnection.h"
#include "sessionapi.h"
#include "watchedservers.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace {

constexpr int kServers = 12;
constexpr int kTimeoutMs = 15000;

// Counts the calls in the scripted servers and holds each until the test releases it.
struct Floor
{
    std::mutex mutex;
    std::condition_variable changed;
    int inCall = 0;
    int peak = 0;
    int started = 0;
    int finished = 0;
    int permits = 0; // calls that may return
    QStringList startedHosts;

    void release(int calls)
    {
        {
            const std::lock_guard lock(mutex);
            permits += calls;
        }
        changed.notify_all();
    }
    template<typename F>
    auto read(F f)
    {
        const std::lock_guard lock(mutex);
        return f();
    }
};

class BlockingApi : public OneSessionApi
{
public:
    BlockingApi(std::shared_ptr<Floor> floor, QString host)
        : OneSessionApi("blocking:445")
        , m_floor(std::move(floor))
        , m_host(std::move(host))
    {
    }

protected:
    sc::Result<Page> enumeratePage(
        const std::u16string *, const std::u16string *, sc::InfoLevel level, std::uint32_t) override
    {
        {
            std::unique_lock lock(m_floor->mutex);
            ++m_floor->inCall;
            ++m_floor->started;
            m_floor->startedHosts.append(m_host);
            m_floor->peak = std::max(m_floor->peak, m_floor->inCall);
            m_floor->changed.wait(lock, [this] { return m_floor->permits > 0; });
            --m_floor->permits;
            --m_floor->inCall;
            ++m_floor->finished;
        }
        return oneSession(level);
    }
    sc::Result<void> deleteSessions(const std::u16string *, const std::u16string *) override
    {
        return {};
    }

private:
    std::shared_ptr<Floor> m_floor;
    QString m_host;
};

} // namespace

class tst_FleetCallGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void atMostEightCallsInFlight();
    void removingAWaitingServerDoesNotWaitForTheGate();
    void aLimitOfThreeHoldsThree();

private:
    void watchTwelve();

    std::shared_ptr<Floor> m_floor;
    std::unique_ptr<WatchedServers> m_servers;
};

void tst_FleetCallGate::init()
{
    sc::SessionApi::clearLevelCache();
    m_floor = std::make_shared<Floor>();
    auto floor = m_floor;
    m_servers = std::make_unique<WatchedServers>([floor](const sc::ConnectionOptions &o) {
        return std::make_unique<BlockingApi>(floor, QString::fromStdString(o.host));
    });
    m_servers->setInterval(0); // one poll each, when connected
}

void tst_FleetCallGate::cleanup()
{
    // Every call returns, so no worker is left behind.
    m_floor->release(1000);
    m_servers.reset();
}

void tst_FleetCallGate::watchTwelve()
{
    for (int i = 0; i < kServers; ++i) {
        const QString name = QStringLiteral("fs-%1").arg(i);
        sc::ConnectionOptions options;
        options.host = name.toStdString();
        options.user = "helpdesk";
        m_servers->add(name)->connectTo(name, options);
    }
    QCOMPARE(m_servers->count(), kServers);
}

void tst_FleetCallGate::atMostEightCallsInFlight()
{
    QCOMPARE(m_servers->callGate()->limit(), CallGate::kDefaultLimit);
    QCOMPARE(CallGate::kDefaultLimit, 8);
    QList<std::shared_ptr<QSignalSpy>> answers;
    watchTwelve();
    for (ServerConnection *c : m_servers->connections())
        answers.append(std::make_shared<QSignalSpy>(c, &ServerConnection::snapshotReady));

    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->inCall; }), 8, kTimeoutMs);
    // Time for a ninth call to start if anything let it (a wrong gate would show 12 here).
    QTest::qWait(300);
    QCOMPARE(m_floor->read([&] { return m_floor->started; }), 8);
    QCOMPARE(m_floor->read([&] { return m_floor->peak; }), 8);
    QCOMPARE(m_servers->callGate()->inFlight(), 8);
    // The four that wait for a slot are still connecting: no answer, so nothing failed.
    int busy = 0;
    for (int i = 0; i < kServers; ++i) {
        QCOMPARE(answers[i]->count(), 0);
        const ConnectionStatus status = m_servers->connections().at(i)->status();
        QCOMPARE(status.state, ConnectionStatus::State::Connecting);
        QVERIFY(!status.lastError);
        busy += status.busy ? 1 : 0;
    }
    QCOMPARE(busy, kServers);

    // Three calls end: three of the waiting servers take their slots, still no more than 8.
    m_floor->release(3);
    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->started; }), 11, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->inCall; }), 8, kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(m_floor->read([&] { return m_floor->started; }), 11);
    int answered = 0;
    for (const auto &spy : std::as_const(answers))
        answered += int(spy->count());
    QCOMPARE(answered, 3);

    // The rest go through; the peak never passed the limit.
    m_floor->release(kServers - 3);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_floor->read([&] { return m_floor->finished; }), kServers, kTimeoutMs);
    for (int i = 0; i < kServers; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(answers[i]->count(), 1, kTimeoutMs);
        const auto snapshot = answers[i]->last().at(0).value<SessionSnapshot>();
        QVERIFY(snapshot.ok());
        QCOMPARE(m_servers->connections().at(i)->status().state, ConnectionStatus::State::Online);
    }
    QCOMPARE(m_floor->read([&] { return m_floor->peak; }), 8);
    QTRY_COMPARE_WITH_TIMEOUT(m_servers->callGate()->inFlight(), 0, kTimeoutMs);
}

void tst_FleetCallGate::removingAWaitingServerDoesNotWaitForTheGate()
{
    watchTwelve();
    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->inCall; }), 8, kTimeoutMs);
    QTest::qWait(300);
    const QStringList inCall = m_floor->read([&] { return m_floor->startedHosts; });
    QCOMPARE(inCall.size(), 8);
    // The four whose calls have not started wait for a slot. Removing one (as closing the
    // window does with each) stops its worker at once; were it left waiting, the poller would
    // wait its whole shutdownTimeout() (1.5 s) and then leave the worker behind.
    int removed = 0;
    qint64 slowest = 0;
    for (ServerConnection *c : m_servers->connections()) {
        if (inCall.contains(c->status().server))
            continue;
        QVERIFY(c->status().busy);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(m_servers->remove(c));
        slowest = std::max(slowest, elapsed.elapsed());
        ++removed;
    }
    qInfo("removed %d servers waiting for a slot, the slowest in %lld ms", removed, slowest);
    QCOMPARE(removed, kServers - 8);
    QVERIFY2(slowest < 1000, qPrintable(QString::number(slowest)));

    // Their workers are gone: the slots that free up find nobody waiting.
    m_floor->release(8);
    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->finished; }), 8, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_servers->callGate()->inFlight(), 0, kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(m_floor->read([&] { return m_floor->started; }), 8);
}

// session-console --jobs 3: the servers already watched take the new limit too.
void tst_FleetCallGate::aLimitOfThreeHoldsThree()
{
    QList<ServerConnection *> connections;
    for (int i = 0; i < kServers; ++i) {
        // Named, not connected (as servers waiting for their password are).
        connections.append(m_servers->add(QStringLiteral("fs-%1").arg(i)));
        connections.last()->setNoPassword(QStringLiteral("fs-%1").arg(i));
    }
    QCOMPARE(m_servers->count(), kServers);
    m_servers->setCallLimit(3);
    QCOMPARE(m_servers->callGate()->limit(), 3);
    for (int i = 0; i < kServers; ++i) {
        const QString name = QStringLiteral("fs-%1").arg(i);
        sc::ConnectionOptions options;
        options.host = name.toStdString();
        options.user = "helpdesk";
        connections.at(i)->connectTo(name, options);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_floor->read([&] { return m_floor->inCall; }), 3, kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(m_floor->read([&] { return m_floor->started; }), 3);
    QCOMPARE(m_servers->callGate()->inFlight(), 3);
    m_floor->release(kServers);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_floor->read([&] { return m_floor->finished; }), kServers, kTimeoutMs);
    QCOMPARE(m_floor->read([&] { return m_floor->peak; }), 3);
}

QTEST_MAIN(tst_FleetCallGate)
#include "tst_fleetcallgate.moc"
