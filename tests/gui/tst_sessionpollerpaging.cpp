// SPDX-License-Identifier: GPL-3.0-or-later
// SessionPoller and the table model over a scripted server that pages as Windows does
// (ERROR_MORE_DATA and a resume handle): the first page of a new connection reaches the model
// at once and the rest arrives as insertions; later polls show no partial list, only
// progress. The server holds its answer after the first page until the test lets it go on.
#include "fakesessionapi.h"
#include "sessiondiffer.h"
#include "sessionpoller.h"
#include "sessiontablemodel.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

constexpr int kTimeoutMs = 15000;

sc::SessionList sessions(int count)
{
    sc::SessionList list;
    for (int i = 0; i < count; ++i) {
        const std::u16string n = QString::number(i).toStdU16String();
        list.push_back(session((u"PC-" + n).c_str(), (u"user" + n).c_str(), std::uint32_t(i % 7),
            std::uint32_t(1000 + 10 * i), std::uint32_t(5 * i)));
    }
    return list;
}

// The smallest row count the model showed, checked at every structural change.
class RowCountWatch : public QObject
{
public:
    explicit RowCountWatch(SessionTableModel *model)
        : m_model(model)
        , m_minimum(model->rowCount())
    {
        const auto check = [this] { m_minimum = std::min(m_minimum, m_model->rowCount()); };
        connect(model, &QAbstractItemModel::rowsRemoved, this, check);
        connect(model, &QAbstractItemModel::modelReset, this, check);
        connect(model, &QAbstractItemModel::layoutChanged, this, check);
    }
    int minimum() const { return m_minimum; }

private:
    SessionTableModel *m_model;
    int m_minimum;
};

} // namespace

class TestSessionPollerPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        sc::SessionApi::clearLevelCache();
        m_server = std::make_shared<FakeServer>();
        auto server = m_server;
        m_poller = std::make_unique<SessionPoller>(
            [server](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
                return std::make_unique<FakeSessionApi>(server);
            });
        m_poller->setInterval(0); // polls only when the test asks
        m_model = std::make_unique<SessionTableModel>();
        connect(m_poller.get(), &SessionPoller::snapshotReady, m_model.get(),
            &SessionTableModel::applySnapshot);
        connect(m_model.get(), &SessionTableModel::resyncRequested, m_poller.get(),
            &SessionPoller::requestReplace);
    }

    void cleanup()
    {
        // A failed check may leave the worker waiting for a page.
        m_server->releasePages();
        m_poller.reset();
        m_model.reset();
    }

    void firstPageAtOnceThenInsertions()
    {
        serveHoldingAfterPageOne(10, 3);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy snapshots(m_poller.get(), &SessionPoller::snapshotReady);
        QSignalSpy progress(m_poller.get(), &SessionPoller::pollProgress);
        m_poller->setConnection(logon());

        // Page 1 is in the model while the server still holds page 2.
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 3, kTimeoutMs);
        {
            QMutexLocker lock(&m_server->mutex);
            QCOMPARE(m_server->pagesServed, 1);
        }
        QVERIFY(m_poller->isBusy());
        QCOMPARE(resets.count(), 1);
        QCOMPARE(snapshots.count(), 1);
        const auto first = snapshots.at(0).at(0).value<SessionSnapshot>();
        QVERIFY(first.partial);
        QVERIFY(first.ok());
        QVERIFY(first.delta.replace);
        QCOMPARE(first.totalEntries, 10u);
        QCOMPARE(first.level, sc::InfoLevel::Level1);
        QVERIFY(snapshots.at(0).at(1).value<ConnectionReport>().levelFellBack);
        QCOMPARE(progress.count(), 1);
        QCOMPARE(progress.at(0).at(0).toInt(), 3);
        QCOMPARE(progress.at(0).at(1).value<quint32>(), 10u);
        QVERIFY(!m_model->isStale());
        QList<quint64> keys;
        QStringList users;
        for (int r = 0; r < 3; ++r) {
            keys.append(m_model->row(r).key);
            users.append(m_model->row(r).user);
        }
        QCOMPARE(users,
            (QStringList {
                QStringLiteral("user0"), QStringLiteral("user1"), QStringLiteral("user2")}));

        m_server->releasePages();
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(m_model->rowCount(), 10);
        const auto last = snapshots.constLast().at(0).value<SessionSnapshot>();
        QVERIFY(!last.partial);
        QVERIFY(!last.delta.replace);
        QCOMPARE(last.totalEntries, 10u);
        // No row of page 1 went away and came back: the rest was inserted after them.
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 1);
        int insertedRows = 0;
        for (const QList<QVariant> &signal : std::as_const(inserted))
            insertedRows += signal.at(2).toInt() - signal.at(1).toInt() + 1;
        QCOMPARE(insertedRows, 7);
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(m_model->row(r).key, keys.at(r));
            QCOMPARE(m_model->row(r).user, users.at(r));
        }
        QCOMPARE(m_model->row(9).user, QStringLiteral("user9"));
    }

    void slowPagesOnlyAddRows()
    {
        // Pages every 100 ms: partial lists may follow the first one; whatever their number,
        // each only adds rows.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions = sessions(40);
            m_server->pageSize = 4;
            m_server->pageDelayMs = 100;
        }
        RowCountWatch watch(m_model.get());
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy snapshots(m_poller.get(), &SessionPoller::snapshotReady);
        m_poller->setConnection(logon());
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(m_model->rowCount(), 40);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 1);
        QVERIFY(snapshots.count() >= 2);
        qsizetype rows = 0;
        for (qsizetype i = 0; i < snapshots.count(); ++i) {
            const auto snapshot = snapshots.at(i).at(0).value<SessionSnapshot>();
            QCOMPARE(snapshot.partial, i + 1 < snapshots.count());
            QCOMPARE(snapshot.delta.replace, i == 0);
            QVERIFY(snapshot.delta.removed.isEmpty());
            QVERIFY(snapshot.delta.rows.size() > rows);
            rows = snapshot.delta.rows.size();
        }
        QCOMPARE(rows, 40);
    }

    void restOfTheListTakingLongerThanTheToleranceKeepsPageOne()
    {
        // Connected and idle times grow as on a real server. The rows of page 1 are counted
        // when page 1 came, the rest later: compared at one instant, page 1 would seem to
        // have connected earlier than the rows shown of it by the time the rest took.
        serveHoldingAfterPageOne(6, 2);
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->clockStartMs = QDateTime::currentMSecsSinceEpoch();
        }
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_poller->setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 2, kTimeoutMs);
        const quint64 key = m_model->row(0).key;
        // Longer than sc::SessionTime::kConnectToleranceMs, as over a slow link.
        QTest::qWait(int(sc::SessionTime::kConnectToleranceMs) + 1000);
        m_server->releasePages();
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(m_model->rowCount(), 6);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(m_model->row(0).key, key);
    }

    void laterPollShowsProgressNotAPartialList()
    {
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions = sessions(10);
        }
        m_poller->setConnection(logon());
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(m_model->rowCount(), 10);

        // Now the server pages, holds after page 1, and has two sessions more.
        serveHoldingAfterPageOne(12, 3);
        RowCountWatch watch(m_model.get());
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy snapshots(m_poller.get(), &SessionPoller::snapshotReady);
        QSignalSpy progress(m_poller.get(), &SessionPoller::pollProgress);
        m_poller->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, kTimeoutMs);
        QCOMPARE(progress.at(0).at(0).toInt(), 3);
        QCOMPARE(progress.at(0).at(1).value<quint32>(), 12u);
        QVERIFY(m_server->waitForPagesServed(1, kTimeoutMs));
        // Whatever may still be queued for the GUI thread has arrived by now.
        QCoreApplication::processEvents();
        QCOMPARE(snapshots.count(), 0);
        QCOMPARE(m_model->rowCount(), 10);
        QVERIFY(m_poller->isBusy());

        m_server->releasePages();
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(snapshots.count(), 1);
        QVERIFY(!snapshots.at(0).at(0).value<SessionSnapshot>().partial);
        QCOMPARE(m_model->rowCount(), 12);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(watch.minimum(), 10);
    }

    void replaceOfShownRowsWaitsForTheWholeList()
    {
        // The model lost step and asks for all rows again: it still shows the old ones, so a
        // partial list would look like sessions ending.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions = sessions(9);
        }
        m_poller->setConnection(logon());
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->pageSize = 4;
            m_server->pagesAllowed = 0;
            m_server->pagesServed = 0;
        }
        RowCountWatch watch(m_model.get());
        QSignalSpy snapshots(m_poller.get(), &SessionPoller::snapshotReady);
        QSignalSpy progress(m_poller.get(), &SessionPoller::pollProgress);
        m_poller->requestReplace();
        m_poller->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, kTimeoutMs);
        QCoreApplication::processEvents();
        QCOMPARE(snapshots.count(), 0);
        QCOMPARE(m_model->rowCount(), 9);
        m_server->releasePages();
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCOMPARE(snapshots.count(), 1);
        const auto snapshot = snapshots.at(0).at(0).value<SessionSnapshot>();
        QVERIFY(!snapshot.partial);
        QVERIFY(snapshot.delta.replace);
        QCOMPARE(m_model->rowCount(), 9);
        QCOMPARE(watch.minimum(), 9);
    }

    void answerOfAnOldConnectionNeverReachesTheModel()
    {
        serveHoldingAfterPageOne(8, 3);
        QSignalSpy snapshots(m_poller.get(), &SessionPoller::snapshotReady);
        m_poller->setConnection(logon());
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 3, kTimeoutMs);
        // Another server while the first still holds its pages: nothing more of the first.
        m_poller->closeConnection();
        m_model->clear();
        m_server->releasePages();
        QVERIFY(m_server->waitForPagesServed(3, kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!m_poller->isBusy(), kTimeoutMs);
        QCoreApplication::processEvents();
        QCOMPARE(snapshots.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
    }

private:
    static sc::ConnectionOptions logon()
    {
        sc::ConnectionOptions options;
        options.host = "fake-server";
        options.user = "helpdesk";
        options.password = sc::SecretString("not-used");
        return options;
    }

    /// The server lists @p count sessions, @p pageSize a page, and holds every page after the
    /// first until the test lets it go on; pagesServed counts from here.
    void serveHoldingAfterPageOne(int count, int pageSize)
    {
        QMutexLocker lock(&m_server->mutex);
        m_server->sessions = sessions(count);
        m_server->pageSize = pageSize;
        m_server->pagesAllowed = 0;
        m_server->pagesServed = 0;
    }

    std::shared_ptr<FakeServer> m_server;
    std::unique_ptr<SessionPoller> m_poller;
    std::unique_ptr<SessionTableModel> m_model;
};

QTEST_GUILESS_MAIN(TestSessionPollerPaging)
#include "tst_sessionpollerpaging.moc"
