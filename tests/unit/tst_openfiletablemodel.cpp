// SPDX-License-Identifier: GPL-3.0-or-later
// OpenFileTableModel and the sort/filter proxy over it: no reset on a refresh, one
// dataChanged for an in-place change, no layout change when nothing moves, the filter on path
// and user, the user restriction of the drill-down, the tie-break on the file id.
#include "checkedtable.h"
#include "modelsignalspies.h"
#include "openfilediffer.h"
#include "openfiletablemodel.h"
#include "sessionsortfilterproxymodel.h"
#include "testrecords.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <optional>

namespace {

using TestRecords::openFileInfo;

sc::OpenFileList fourFiles()
{
    return {openFileInfo(40, u"C:\\lab\\d.txt", u"alice", 1),
        openFileInfo(10, u"C:\\lab\\b.txt", u"bob", 1),
        openFileInfo(30, u"C:\\lab\\c.txt", u"alice", 1, sc::kPermFileRead | sc::kPermFileWrite),
        openFileInfo(20, u"C:\\lab\\a.txt", u"josé", 0, sc::kPermFileWrite)};
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, column).data().toString();
    return out;
}

} // namespace

class tst_OpenFileTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void columnsAndTexts();
    void lockChangeIsOneDataChangedWithoutLayoutChange();
    void closedAndNewFilesAreRangesNotReset();
    void failedPollMarksStaleAndKeepsRows();
    void sortTiesBreakOnFileId();
    void filterMatchesPathAndUser();
    void userRestrictionShowsOneUsersFiles();

private:
    void apply(const sc::OpenFileList &files);

    OpenFileDiffer m_differ;
    std::optional<CheckedTable<OpenFileTableModel>> m_table;
    OpenFileTableModel *m_model = nullptr;
    SessionSortFilterProxyModel *m_proxy = nullptr;
};

void tst_OpenFileTableModel::init()
{
    m_differ = OpenFileDiffer();
    m_table.emplace();
    m_model = m_table->model();
    m_proxy = m_table->proxy();
}

void tst_OpenFileTableModel::cleanup()
{
    m_proxy = nullptr;
    m_model = nullptr;
    m_table.reset();
}

void tst_OpenFileTableModel::apply(const sc::OpenFileList &files)
{
    OpenFilesSnapshot snapshot;
    snapshot.hasRows = true;
    snapshot.delta = m_differ.update(files);
    m_model->applySnapshot(snapshot);
}

void tst_OpenFileTableModel::columnsAndTexts()
{
    apply(fourFiles());
    QCOMPARE(m_model->columnCount(), int(OpenFileTableModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(column(*m_model, OpenFileTableModel::Access),
        (QStringList {"Read", "Read", "Read+Write", "Write"}));
    QCOMPARE(column(*m_model, OpenFileTableModel::FileId), (QStringList {"40", "10", "30", "20"}));
    QCOMPARE(
        m_model->index(3, OpenFileTableModel::User).data().toString(), QString::fromUtf8("josé"));
    QCOMPARE(
        m_model->index(0, OpenFileTableModel::Path).data(OpenFileTableModel::IdRole).toUInt(), 40u);
    QCOMPARE(m_model->headerData(OpenFileTableModel::Locks, Qt::Horizontal).toString(),
        QStringLiteral("Locks"));
}

void tst_OpenFileTableModel::lockChangeIsOneDataChangedWithoutLayoutChange()
{
    apply(fourFiles());
    m_proxy->sort(OpenFileTableModel::Path);
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20", "10", "30", "40"}));

    ModelSignalSpies spies(m_model);
    QSignalSpy proxyReset(m_proxy, &QAbstractItemModel::modelReset);
    QSignalSpy proxyLayout(m_proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy proxyChanged(m_proxy, &QAbstractItemModel::dataChanged);

    sc::OpenFileList next = fourFiles();
    next[1].lockCount = 5; // bob's b.txt, model row 1
    apply(next);

    QCOMPARE(spies.structuralCount(), 0);
    QCOMPARE(spies.changed.count(), 1);
    const int locks = OpenFileTableModel::Locks;
    QCOMPARE(spies.changedCells(0), ModelSignalSpies::cells(1, locks, 1, locks));
    // The proxy sorts by path, which did not change: nothing moves.
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(proxyLayout.count(), 0);
    QCOMPARE(proxyChanged.count(), 1);
    QCOMPARE(m_proxy->index(1, OpenFileTableModel::Locks).data().toString(), QStringLiteral("5"));
}

void tst_OpenFileTableModel::closedAndNewFilesAreRangesNotReset()
{
    apply(fourFiles());
    m_proxy->sort(OpenFileTableModel::Path);
    const QPersistentModelIndex kept = m_proxy->index(3, OpenFileTableModel::Path); // d.txt
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);

    sc::OpenFileList next = fourFiles();
    next.erase(next.begin() + 1); // b.txt closed
    next.push_back(openFileInfo(50, u"C:\\lab\\e.txt", u"jürgen"));
    apply(next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20", "30", "40", "50"}));
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(OpenFileTableModel::IdRole).toUInt(), 40u);
}

void tst_OpenFileTableModel::failedPollMarksStaleAndKeepsRows()
{
    apply(fourFiles());
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    OpenFilesSnapshot failed;
    failed.error = sc::SessionError::fromWin32(sc::win32::AccessDenied, "denied");
    m_model->applySnapshot(failed);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(m_model->isStale());
    QCOMPARE(m_model->lastError()->kind(), sc::ErrorKind::AccessDenied);
    apply(fourFiles());
    QVERIFY(!m_model->isStale());
}

void tst_OpenFileTableModel::sortTiesBreakOnFileId()
{
    apply(fourFiles());
    m_proxy->sort(OpenFileTableModel::Locks);
    // Locks 0, then the three with 1 lock by file id.
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20", "10", "30", "40"}));
    m_proxy->sort(OpenFileTableModel::User, Qt::DescendingOrder);
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20", "10", "40", "30"}));
}

void tst_OpenFileTableModel::filterMatchesPathAndUser()
{
    apply(fourFiles());
    m_proxy->sort(OpenFileTableModel::FileId);
    m_proxy->setFilterText(QStringLiteral("ALICE"));
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"30", "40"}));
    m_proxy->setFilterText(QStringLiteral("a.TXT"));
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20"}));
    // As operators type: without accents and case, like the Sessions page.
    m_proxy->setFilterText(QStringLiteral("JOSE"));
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20"}));
    m_proxy->setFilterText(QStringLiteral("a.TXT"));
    // A new file that matches enters; one that does not stays out.
    sc::OpenFileList next = fourFiles();
    next.push_back(openFileInfo(60, u"C:\\lab\\x\\a.txt", u"bob"));
    next.push_back(openFileInfo(70, u"C:\\lab\\z.txt", u"bob"));
    apply(next);
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"20", "60"}));
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 6);
}

void tst_OpenFileTableModel::userRestrictionShowsOneUsersFiles()
{
    apply(fourFiles());
    m_proxy->sort(OpenFileTableModel::FileId);
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);
    m_model->setUserFilter(QStringLiteral("ALICE")); // names compare as Windows does
    m_proxy->refilter();
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"30", "40"}));
    // Also without filter text, new files of others stay out.
    sc::OpenFileList next = fourFiles();
    next.push_back(openFileInfo(80, u"C:\\lab\\f.txt", u"bob"));
    next.push_back(openFileInfo(90, u"C:\\lab\\g.txt", u"alice"));
    apply(next);
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"30", "40", "90"}));
    // With a text on top, both must match.
    m_proxy->setFilterText(QStringLiteral("g.txt"));
    QCOMPARE(column(*m_proxy, OpenFileTableModel::FileId), (QStringList {"90"}));
    m_proxy->setFilterText(QString());
    m_model->setUserFilter(QString());
    m_proxy->refilter();
    QCOMPARE(m_proxy->rowCount(), 6);
    QCOMPARE(reset.count(), 0);
}

QTEST_MAIN(tst_OpenFileTableModel)
#include "tst_openfiletablemodel.moc"
