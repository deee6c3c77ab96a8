// SPDX-License-Identifier: GPL-3.0-or-later
// SessionTableModel with several servers: each server's rows in its own block, each answer
// changing only its block with exact signals, and the proxy following them.
#include "modelsignalspies.h"
#include "scriptedsessionpoller.h"
#include "sessiontablemodel.h"
#include "testrecords.h"
#include "twoservertable.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace {

using TestRecords::sessionInfo;

constexpr qint64 kT0 = 1'700'000'000'000;

QList<sc::SessionInfo> sessionsOfA()
{
    return {sessionInfo(u"pc1", u"alice", 100, 0, 1), sessionInfo(u"pc2", u"bob", 200, 0, 2),
        sessionInfo(u"pc3", u"carol", 300, 0, 3)};
}

QList<sc::SessionInfo> sessionsOfB()
{
    return {sessionInfo(u"pc7", u"dave", 50), sessionInfo(u"pc8", u"erin", 60),
        sessionInfo(u"pc9", u"frank", 70)};
}

// The signal's first and last row.
} // namespace

class tst_SessionTableModelServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void eachServerHasItsBlock();
    void deltaOfTheSecondServerTouchesOnlyItsRows();
    void newRowsOfTheFirstServerGoInItsBlock();
    void removingAServerRemovesItsRows();
    void serverColumnOnlyWithSeveralServers();
    void failedServerMarksOnlyItsRowsStale();
    void proxyNarrowsSortsAndFiltersAcrossServers();

private:
    QStringList users() { return m_table->serverAnd(SessionTableModel::User); }
    void fillBoth();

    std::optional<TwoServerTable<SessionTableModel>> m_table;
    ServerConnection *m_a = nullptr;
    ServerConnection *m_b = nullptr;
    SessionTableModel *m_model = nullptr;
    ScriptedSessionPoller m_pollerA;
    ScriptedSessionPoller m_pollerB;
};

void tst_SessionTableModelServers::init()
{
    m_pollerA = ScriptedSessionPoller();
    m_pollerB = ScriptedSessionPoller();
    m_table.emplace();
    m_a = m_table->a();
    m_b = m_table->b();
    m_model = m_table->model();
    m_model->setClock([] { return kT0; });
    m_table->addBoth();
}

void tst_SessionTableModelServers::cleanup()
{
    m_model = nullptr;
    m_b = nullptr;
    m_a = nullptr;
    m_table.reset();
}

void tst_SessionTableModelServers::fillBoth()
{
    m_model->applyServerSnapshot(m_a, m_pollerA.poll(kT0, sessionsOfA()));
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0, sessionsOfB()));
}

void tst_SessionTableModelServers::eachServerHasItsBlock()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    // B answers first: its block still comes second.
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0, sessionsOfB()));
    m_model->applyServerSnapshot(m_a, m_pollerA.poll(kT0, sessionsOfA()));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(0)), std::make_pair(0, 2));
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(1)), std::make_pair(0, 2));
    QCOMPARE(users(),
        (QStringList {QStringLiteral("fs-a/alice"), QStringLiteral("fs-a/bob"),
            QStringLiteral("fs-a/carol"), QStringLiteral("fs-b/dave"), QStringLiteral("fs-b/erin"),
            QStringLiteral("fs-b/frank")}));
    QCOMPARE(m_model->serverOfRow(2), m_a);
    QCOMPARE(m_model->serverOfRow(3), m_b);
    QCOMPARE(m_model->index(4, 0).data(SessionTableModel::ServerRole).toString(),
        QStringLiteral("fs-b"));
    QCOMPARE(m_model->serverRowCount(m_b), 3);
}

void tst_SessionTableModelServers::deltaOfTheSecondServerTouchesOnlyItsRows()
{
    fillBoth();
    ModelSignalSpies spies(m_model);

    // On B: erin leaves, frank opens a file, gina arrives.
    QList<sc::SessionInfo> next = sessionsOfB();
    next.removeAt(1);
    next[1].openCount = 4;
    next.append(sessionInfo(u"pc10", u"gina", 5));
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0, next));

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.layout.count(), 0);
    QCOMPARE(spies.removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(spies.removed.at(0)), std::make_pair(4, 4));
    QCOMPARE(spies.changed.count(), 1);
    const int openFiles = SessionTableModel::OpenFiles;
    QCOMPARE(spies.changedCells(0), ModelSignalSpies::cells(4, openFiles, 4, openFiles));
    QCOMPARE(spies.inserted.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted.at(0)), std::make_pair(5, 5));
    QCOMPARE(users(),
        (QStringList {QStringLiteral("fs-a/alice"), QStringLiteral("fs-a/bob"),
            QStringLiteral("fs-a/carol"), QStringLiteral("fs-b/dave"), QStringLiteral("fs-b/frank"),
            QStringLiteral("fs-b/gina")}));
    QCOMPARE(
        m_model->index(4, SessionTableModel::OpenFiles).data().toString(), QStringLiteral("4"));
}

void tst_SessionTableModelServers::newRowsOfTheFirstServerGoInItsBlock()
{
    fillBoth();
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    // On A: alice leaves, two arrive. B's rows follow A's new ones.
    QList<sc::SessionInfo> next = sessionsOfA();
    next.removeAt(0);
    next.append(sessionInfo(u"pc4", u"hal", 9));
    next.append(sessionInfo(u"pc5", u"ivy", 9));
    m_model->applyServerSnapshot(m_a, m_pollerA.poll(kT0, next));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(removed.at(0)), std::make_pair(0, 0));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(0)), std::make_pair(2, 3));
    QCOMPARE(users(),
        (QStringList {QStringLiteral("fs-a/bob"), QStringLiteral("fs-a/carol"),
            QStringLiteral("fs-a/hal"), QStringLiteral("fs-a/ivy"), QStringLiteral("fs-b/dave"),
            QStringLiteral("fs-b/erin"), QStringLiteral("fs-b/frank")}));

    // The blocks still take their own deltas afterwards.
    QList<sc::SessionInfo> nextB = sessionsOfB();
    nextB[2].openCount = 1;
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0, nextB));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 6);
}

void tst_SessionTableModelServers::removingAServerRemovesItsRows()
{
    fillBoth();
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy columns(m_model, &SessionTableModel::availableColumnsChanged);
    m_model->removeServer(m_a);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(removed.at(0)), std::make_pair(0, 2));
    QCOMPARE(m_model->serverCount(), 1);
    QCOMPARE(columns.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->serverOfRow(0), m_b);

    // The server left is a table of one server again: its next delta applies as before.
    QList<sc::SessionInfo> next = sessionsOfB();
    next.append(sessionInfo(u"pc11", u"jo", 1));
    QSignalSpy resync(m_model, &SessionTableModel::serverResyncRequested);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0, next));
    QCOMPARE(resync.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(0)), std::make_pair(3, 3));
    QCOMPARE(reset.count(), 0);
}

void tst_SessionTableModelServers::serverColumnOnlyWithSeveralServers()
{
    SessionTableModel one;
    QVERIFY(!one.columnAvailable(SessionTableModel::Server));
    one.addServer(m_a, QStringLiteral("fs-a"));
    QVERIFY(!one.columnAvailable(SessionTableModel::Server));
    QSignalSpy columns(&one, &SessionTableModel::availableColumnsChanged);
    one.addServer(m_b, QStringLiteral("fs-b"));
    QVERIFY(one.columnAvailable(SessionTableModel::Server));
    QCOMPARE(columns.count(), 1);
    QCOMPARE(one.headerData(SessionTableModel::Server, Qt::Horizontal).toString(),
        QStringLiteral("Server"));
}

void tst_SessionTableModelServers::failedServerMarksOnlyItsRowsStale()
{
    fillBoth();
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyServerSnapshot(m_a, ScriptedSessionPoller::fail(kT0 + 1000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 2);
    QVERIFY(m_model->isServerStale(m_a));
    QVERIFY(!m_model->isServerStale(m_b));
    QCOMPARE(m_model->index(1, 0).data(SessionTableModel::StaleRole).toBool(), true);
    QCOMPARE(m_model->index(3, 0).data(SessionTableModel::StaleRole).toBool(), false);
    QVERIFY(!m_model->index(3, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(m_model->index(0, SessionTableModel::Computer)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("The last refresh failed")));

    // B keeps refreshing meanwhile; A's rows stay.
    QList<sc::SessionInfo> next = sessionsOfB();
    next.append(sessionInfo(u"pc12", u"kim", 1));
    m_model->applyServerSnapshot(m_b, m_pollerB.poll(kT0 + 2000, next));
    QCOMPARE(m_model->rowCount(), 7);
    QVERIFY(m_model->isServerStale(m_a));

    // A answers again: fresh.
    m_model->applyServerSnapshot(m_a, m_pollerA.poll(kT0 + 3000, sessionsOfA()));
    QVERIFY(!m_model->isServerStale(m_a));
    QCOMPARE(m_model->index(1, 0).data(SessionTableModel::StaleRole).toBool(), false);
}

void tst_SessionTableModelServers::proxyNarrowsSortsAndFiltersAcrossServers()
{
    SessionSortFilterProxyModel *proxy = m_table->proxy();
    proxy->sort(SessionTableModel::User, Qt::DescendingOrder);
    fillBoth();
    const auto shown = [this] { return m_table->shown(SessionTableModel::User); };
    QCOMPARE(shown(),
        (QStringList {QStringLiteral("frank"), QStringLiteral("erin"), QStringLiteral("dave"),
            QStringLiteral("carol"), QStringLiteral("bob"), QStringLiteral("alice")}));

    // A's new rows go in the middle of the source; the proxy follows without a reset.
    QSignalSpy reset(proxy, &QAbstractItemModel::modelReset);
    QList<sc::SessionInfo> next = sessionsOfA();
    next.removeAt(1);
    next.append(sessionInfo(u"pc4", u"zoe", 9));
    m_model->applyServerSnapshot(m_a, m_pollerA.poll(kT0, next));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(shown(),
        (QStringList {QStringLiteral("zoe"), QStringLiteral("frank"), QStringLiteral("erin"),
            QStringLiteral("dave"), QStringLiteral("carol"), QStringLiteral("alice")}));

    // Narrowed to B, then filtered by a server's name.
    proxy->setGroupFilter(m_b);
    QCOMPARE(shown(),
        (QStringList {QStringLiteral("frank"), QStringLiteral("erin"), QStringLiteral("dave")}));
    proxy->setGroupFilter(nullptr);
    proxy->setFilterText(QStringLiteral("FS-A"));
    QCOMPARE(shown(),
        (QStringList {QStringLiteral("zoe"), QStringLiteral("carol"), QStringLiteral("alice")}));

    // Sorted by server, then by row key within one.
    proxy->setFilterText(QString());
    proxy->sort(SessionTableModel::Server, Qt::AscendingOrder);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        QCOMPARE(proxy->index(r, SessionTableModel::Server).data().toString(),
            r < 3 ? QStringLiteral("fs-a") : QStringLiteral("fs-b"));
    }
}

QTEST_MAIN(tst_SessionTableModelServers)
#include "tst_sessiontablemodelservers.moc"
