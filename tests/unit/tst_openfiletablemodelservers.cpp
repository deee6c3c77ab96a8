// SPDX-License-Identifier: GPL-3.0-or-later
// OpenFileTableModel with several servers: each server's open files in their own block, keyed
// on the file id within it, each answer changing only its block with exact signals, a removed
// server taking only its files, and the proxy sorting once per answer.
#include "modelsignalspies.h"
#include "openfilediffer.h"
#include "openfiletablemodel.h"
#include "testrecords.h"
#include "twoservertable.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace {

using TestRecords::openFileInfo;

// The same ids on both servers: a file id means something on its own server only.
sc::OpenFileList filesOfA()
{
    return {openFileInfo(1, u"C:\\a\\one.txt", u"alice"),
        openFileInfo(2, u"C:\\a\\two.txt", u"bob"), openFileInfo(3, u"C:\\a\\three.txt", u"carol")};
}

sc::OpenFileList filesOfB()
{
    return {
        openFileInfo(1, u"C:\\b\\uno.txt", u"dave"), openFileInfo(2, u"C:\\b\\dos.txt", u"erin")};
}

OpenFilesSnapshot snapshotOf(OpenFileDiffer &differ, const sc::OpenFileList &files)
{
    OpenFilesSnapshot s;
    s.hasRows = true;
    s.delta = differ.update(files);
    return s;
}

} // namespace

class tst_OpenFileTableModelServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void eachServerHasItsBlockAndTheServerColumn();
    void lockChangeOnOneServerIsOneDataChangedInItsBlock();
    void closedAndNewFilesOfTheFirstServerStayInItsBlock();
    void removingAServerRemovesOnlyItsFiles();
    void proxySortsOncePerAnswerAndFiltersByServer();

private:
    QStringList paths() { return m_table->serverAnd(OpenFileTableModel::Path); }
    void fillBoth();

    std::optional<TwoServerTable<OpenFileTableModel>> m_table;
    ServerConnection *m_a = nullptr;
    ServerConnection *m_b = nullptr;
    OpenFileTableModel *m_model = nullptr;
    OpenFileDiffer m_differA;
    OpenFileDiffer m_differB;
};

void tst_OpenFileTableModelServers::init()
{
    m_differA = OpenFileDiffer();
    m_differB = OpenFileDiffer();
    m_table.emplace();
    m_a = m_table->a();
    m_b = m_table->b();
    m_model = m_table->model();
}

void tst_OpenFileTableModelServers::cleanup()
{
    m_model = nullptr;
    m_b = nullptr;
    m_a = nullptr;
    m_table.reset();
}

void tst_OpenFileTableModelServers::fillBoth()
{
    m_table->addBoth();
    m_model->applyServerSnapshot(m_a, snapshotOf(m_differA, filesOfA()));
    m_model->applyServerSnapshot(m_b, snapshotOf(m_differB, filesOfB()));
}

void tst_OpenFileTableModelServers::eachServerHasItsBlockAndTheServerColumn()
{
    QSignalSpy columns(m_model, &OpenFileTableModel::availableColumnsChanged);
    m_model->addServer(m_a, QStringLiteral("fs-a"));
    QVERIFY(!m_model->columnAvailable(OpenFileTableModel::Server));
    QCOMPARE(columns.count(), 0);
    m_model->addServer(m_b, QStringLiteral("fs-b"));
    QVERIFY(m_model->columnAvailable(OpenFileTableModel::Server));
    QCOMPARE(columns.count(), 1);
    QCOMPARE(m_model->headerData(OpenFileTableModel::Server, Qt::Horizontal).toString(),
        QStringLiteral("Server"));

    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->applyServerSnapshot(m_a, snapshotOf(m_differA, filesOfA()));
    m_model->applyServerSnapshot(m_b, snapshotOf(m_differB, filesOfB()));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(0)), std::make_pair(0, 2));
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(1)), std::make_pair(3, 4));
    QCOMPARE(paths(),
        (QStringList {QStringLiteral("fs-a/C:\\a\\one.txt"), QStringLiteral("fs-a/C:\\a\\two.txt"),
            QStringLiteral("fs-a/C:\\a\\three.txt"), QStringLiteral("fs-b/C:\\b\\uno.txt"),
            QStringLiteral("fs-b/C:\\b\\dos.txt")}));
    QCOMPARE(m_model->serverOfRow(3), m_b);
    QCOMPARE(
        m_model->index(3, OpenFileTableModel::Path).data(OpenFileTableModel::IdRole).toUInt(), 1u);
    QCOMPARE(
        m_model->index(3, OpenFileTableModel::Path).data(OpenFileTableModel::ServerRole).toString(),
        QStringLiteral("fs-b"));
    QCOMPARE(m_model->serverRowCount(m_a), 3);
    QCOMPARE(m_model->serverRowCount(m_b), 2);
}

void tst_OpenFileTableModelServers::lockChangeOnOneServerIsOneDataChangedInItsBlock()
{
    fillBoth();
    ModelSignalSpies spies(m_model);

    // B's file 1 (same id as A's first file) gets a lock: only B's row changes, in place.
    sc::OpenFileList next = filesOfB();
    next[0].lockCount = 4;
    m_model->applyServerSnapshot(m_b, snapshotOf(m_differB, next));

    QCOMPARE(spies.structuralCount(), 0);
    QCOMPARE(spies.changed.count(), 1);
    const int locks = OpenFileTableModel::Locks;
    QCOMPARE(spies.changedCells(0), ModelSignalSpies::cells(3, locks, 3, locks));
    QCOMPARE(m_model->index(3, OpenFileTableModel::Locks).data().toString(), QStringLiteral("4"));
    QCOMPARE(m_model->index(0, OpenFileTableModel::Locks).data().toString(), QStringLiteral("0"));
}

void tst_OpenFileTableModelServers::closedAndNewFilesOfTheFirstServerStayInItsBlock()
{
    fillBoth();
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);

    sc::OpenFileList next = filesOfA();
    next.erase(next.begin() + 1); // bob's two.txt closed
    next.push_back(openFileInfo(9, u"C:\\a\\nine.txt", u"zoe"));
    next.push_back(openFileInfo(8, u"C:\\a\\eight.txt", u"zoe"));
    m_model->applyServerSnapshot(m_a, snapshotOf(m_differA, next));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(removed.at(0)), std::make_pair(1, 1));
    QCOMPARE(inserted.count(), 1);
    // In A's block, in front of B's rows.
    QCOMPARE(ModelSignalSpies::rowsOf(inserted.at(0)), std::make_pair(2, 3));
    QCOMPARE(paths(),
        (QStringList {QStringLiteral("fs-a/C:\\a\\one.txt"),
            QStringLiteral("fs-a/C:\\a\\three.txt"), QStringLiteral("fs-a/C:\\a\\nine.txt"),
            QStringLiteral("fs-a/C:\\a\\eight.txt"), QStringLiteral("fs-b/C:\\b\\uno.txt"),
            QStringLiteral("fs-b/C:\\b\\dos.txt")}));
}

void tst_OpenFileTableModelServers::removingAServerRemovesOnlyItsFiles()
{
    fillBoth();
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy columns(m_model, &OpenFileTableModel::availableColumnsChanged);
    m_model->removeServer(m_a);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(removed.at(0)), std::make_pair(0, 2));
    QCOMPARE(columns.count(), 1);
    QVERIFY(!m_model->columnAvailable(OpenFileTableModel::Server));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->serverOfRow(0), m_b);

    // The one server left goes on as the table of one server: its next delta applies.
    sc::OpenFileList next = filesOfB();
    next.pop_back();
    m_model->applyServerSnapshot(m_b, snapshotOf(m_differB, next));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, OpenFileTableModel::Path).data().toString(),
        QStringLiteral("C:\\b\\uno.txt"));
}

void tst_OpenFileTableModelServers::proxySortsOncePerAnswerAndFiltersByServer()
{
    SessionSortFilterProxyModel *proxy = m_table->proxy();
    proxy->sort(OpenFileTableModel::User, Qt::DescendingOrder);
    fillBoth();
    const auto shown = [this] { return m_table->shown(OpenFileTableModel::User); };
    QCOMPARE(shown(), (QStringList {"erin", "dave", "carol", "bob", "alice"}));

    // One answer of A with a closed and two new files: one refresh bracket, so the proxy
    // updates (and sorts) once, without a reset.
    QSignalSpy about(m_model, &DeltaTableModel::deltaAboutToBeApplied);
    QSignalSpy applied(m_model, &DeltaTableModel::deltaApplied);
    QSignalSpy proxyReset(proxy, &QAbstractItemModel::modelReset);
    sc::OpenFileList next = filesOfA();
    next.erase(next.begin());
    next.push_back(openFileInfo(7, u"C:\\a\\z.txt", u"zoe"));
    next.push_back(openFileInfo(8, u"C:\\a\\y.txt", u"amy"));
    m_model->applyServerSnapshot(m_a, snapshotOf(m_differA, next));
    QCOMPARE(about.count(), 1);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(shown(), (QStringList {"zoe", "erin", "dave", "carol", "bob", "amy"}));

    // Narrowed to B, then filtered by a server's name, then sorted by server.
    proxy->setGroupFilter(m_b);
    QCOMPARE(shown(), (QStringList {"erin", "dave"}));
    proxy->setGroupFilter(nullptr);
    proxy->setFilterText(QStringLiteral("FS-B"));
    QCOMPARE(shown(), (QStringList {"erin", "dave"}));
    proxy->setFilterText(QString());
    proxy->sort(OpenFileTableModel::Server, Qt::AscendingOrder);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        QCOMPARE(proxy->index(r, OpenFileTableModel::Server).data().toString(),
            r < 4 ? QStringLiteral("fs-a") : QStringLiteral("fs-b"));
    }
}

QTEST_MAIN(tst_OpenFileTableModelServers)
#include "tst_openfiletablemodelservers.moc"
