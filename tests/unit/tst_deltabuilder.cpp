// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltabuilder.h"
#include "deltatablemodel.h"
#include "sharedtextpool.h"
#include "textpool.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <map>
#include <memory>
#include <thread>
#include <vector>

namespace {

// A second kind of row, as the open files table will have: keyed on the server's file id.
struct FileRow
{
    enum Change : quint32 { PathChange = 1u << 0, LocksChange = 1u << 1 };

    quint32 fileId = 0;
    QString path;
    quint32 locks = 0;

    quint32 changesFrom(const FileRow &before) const
    {
        return (path != before.path ? PathChange : 0u) | (locks != before.locks ? LocksChange : 0u);
    }
};

// The keyed diff of file rows by id, on top of DeltaBuilder: what a files differ would do.
class FileDiffer
{
public:
    TableDelta<FileRow> update(const QList<FileRow> &next)
    {
        const quint64 base = m_generation++;
        std::map<quint32, qsizetype> byId;
        for (qsizetype j = 0; j < next.size(); ++j)
            byId[next[j].fileId] = j;
        if (m_first) {
            m_first = false;
            auto builder = DeltaBuilder<FileRow>::replacement(base, m_generation, next.size());
            for (FileRow row : next) {
                m_pool.intern(row.path);
                builder.added(row);
            }
            return finish(builder);
        }
        DeltaBuilder<FileRow> builder(base, m_generation, next.size());
        std::vector<bool> taken(size_t(next.size()), false);
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            const auto it = byId.find(m_rows[i].fileId);
            if (it == byId.end()) {
                builder.removed(int(i));
                continue;
            }
            taken[size_t(it->second)] = true;
            FileRow row = next[it->second];
            builder.kept(row, row.changesFrom(m_rows[i]));
        }
        for (qsizetype j = 0; j < next.size(); ++j) {
            if (!taken[size_t(j)]) {
                FileRow row = next[j];
                m_pool.intern(row.path);
                builder.added(row);
            }
        }
        return finish(builder);
    }

    TextPool m_pool;

private:
    TableDelta<FileRow> finish(DeltaBuilder<FileRow> &builder)
    {
        TableDelta<FileRow> delta = builder.finish();
        m_rows = delta.rows;
        return delta;
    }

    QList<FileRow> m_rows;
    quint64 m_generation = 0;
    bool m_first = true;
};

// The open files table in miniature: DeltaTableModel does everything but the columns.
class FileTableModel : public RowTableModel<FileRow>
{
public:
    enum Column { Path, Locks, ColumnCount };

    FileTableModel()
        : RowTableModel<FileRow>(ColumnCount, nullptr)
    {
    }

    bool apply(const TableDelta<FileRow> &delta) { return applyTableDelta(delta); }

    quint32 columnsOf(quint32 changes) const override
    {
        return (changes & FileRow::PathChange ? 1u << Path : 0u)
            | (changes & FileRow::LocksChange ? 1u << Locks : 0u);
    }
    quint32 filterColumns() const override { return 1u << Path; }
    const QList<int> &valueRoles() const override
    {
        static const QList<int> roles = {Qt::DisplayRole};
        return roles;
    }

protected:
    PackedSortKey sortKeyOf(const FileRow &row, int column) const override
    {
        return column == Path ? PackedSortKey::text(row.path, row.fileId)
                              : PackedSortKey::number(row.locks, row.fileId);
    }
    QStringView sortTextOf(const FileRow &row, int column) const override
    {
        return column == Path ? QStringView(row.path) : QStringView();
    }
    bool accepts(const FileRow &row, const QString &filter) const override
    {
        return row.path.contains(filter, Qt::CaseInsensitive);
    }
    QString columnTitle(int column) const override
    {
        return column == Path ? QStringLiteral("Path") : QStringLiteral("Locks");
    }
    QVariant displayData(const FileRow &r, int column) const override
    {
        return column == Path ? QVariant(r.path) : QVariant(r.locks);
    }
};

FileRow file(quint32 id, const QString &path, quint32 locks = 0)
{
    return FileRow {id, path, locks};
}

} // namespace

class tst_DeltaBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replacementTakesEveryRow();
    void rangesMergeContiguousRuns();
    void builderWithoutChangesIsEmpty();
    void secondRowTypeDrivesTheModel();
    void poolSharesEqualTexts();
    void sharedPoolHoldsEachTextOnce();
    void sharedPoolOnSeveralThreads();
};

void tst_DeltaBuilder::replacementTakesEveryRow()
{
    auto builder = DeltaBuilder<FileRow>::replacement(4, 5, 2);
    builder.added(file(1, QStringLiteral("a")));
    builder.added(file(2, QStringLiteral("b")));
    const TableDelta<FileRow> delta = builder.finish();
    QVERIFY(delta.replace);
    QCOMPARE(delta.baseGeneration, quint64(4));
    QCOMPARE(delta.generation, quint64(5));
    QCOMPARE(delta.insertFirst, 0);
    QCOMPARE(delta.insertedCount(), 2);
    QVERIFY(delta.removed.isEmpty());
}

void tst_DeltaBuilder::rangesMergeContiguousRuns()
{
    // Old rows 0..7: 1, 2 and 5 go; 3 and 4 change (different fields), 7 changes; two new.
    DeltaBuilder<FileRow> builder(1, 2, 7);
    builder.kept(file(0, QStringLiteral("f0")), 0);
    builder.removed(1);
    builder.removed(2);
    builder.kept(file(3, QStringLiteral("f3")), FileRow::PathChange);
    builder.kept(file(4, QStringLiteral("f4")), FileRow::LocksChange);
    builder.removed(5);
    builder.kept(file(6, QStringLiteral("f6")), 0);
    builder.kept(file(7, QStringLiteral("f7")), FileRow::LocksChange);
    builder.added(file(8, QStringLiteral("f8")));
    builder.added(file(9, QStringLiteral("f9")));
    const TableDelta<FileRow> delta = builder.finish();
    QVERIFY(!delta.replace);
    QCOMPARE(delta.removed, (QList<RowRange> {{1, 2}, {5, 5}}));
    // Changed rows are numbered after the removal: 3, 4 -> 1, 2; 7 -> 4.
    QCOMPARE(delta.changed,
        (QList<ChangedRowRange> {
            {1, 2, FileRow::PathChange | FileRow::LocksChange}, {4, 4, FileRow::LocksChange}}));
    QCOMPARE(delta.insertFirst, 5);
    QCOMPARE(delta.insertedCount(), 2);
    QCOMPARE(delta.removedCount(), 3);
    QCOMPARE(delta.rows.size(), 7);
    QCOMPARE(delta.rows.at(5).fileId, 8u);
}

void tst_DeltaBuilder::builderWithoutChangesIsEmpty()
{
    DeltaBuilder<FileRow> builder(3, 4, 1);
    builder.kept(file(1, QStringLiteral("same")), 0);
    const TableDelta<FileRow> delta = builder.finish();
    QVERIFY(delta.isEmpty());
    QCOMPARE(delta.insertFirst, 1);
}

void tst_DeltaBuilder::secondRowTypeDrivesTheModel()
{
    FileTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    FileDiffer differ;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.apply(differ.update(
        {file(10, QStringLiteral("\\\\srv\\a.txt")), file(11, QStringLiteral("\\\\srv\\b.txt"), 1),
            file(12, QStringLiteral("\\\\srv\\c.txt"))})));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy about(&model, &DeltaTableModel::deltaAboutToBeApplied);
    QSignalSpy applied(&model, &DeltaTableModel::deltaApplied);
    QVERIFY(model.apply(differ.update(
        {file(10, QStringLiteral("\\\\srv\\a.txt")), file(12, QStringLiteral("\\\\srv\\c.txt"), 2),
            file(13, QStringLiteral("\\\\srv\\d.txt"))})));
    QCOMPARE(reset.count(), 1); // a refresh never resets
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    // Only the Locks column of the changed row: the model mapped the row's field flags.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, FileTableModel::Locks));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, FileTableModel::Locks));
    QCOMPARE(about.count(), 1);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(model.index(1, FileTableModel::Locks).data().toUInt(), 2u);
    QCOMPARE(
        model.index(2, FileTableModel::Path).data().toString(), QStringLiteral("\\\\srv\\d.txt"));

    // The extension points the proxy uses.
    QCOMPARE(model.sortText(2, FileTableModel::Path), QStringView(u"\\\\srv\\d.txt"));
    QVERIFY(PackedSortKey::comparePacked(
                model.sortKey(1, FileTableModel::Locks), model.sortKey(0, FileTableModel::Locks))
        > 0);
    QVERIFY(model.filterAccepts(2, QStringLiteral("D.TXT")));
    QVERIFY(!model.filterAccepts(0, QStringLiteral("d.txt")));

    // A delta for other rows is refused, and the model asks for all rows.
    QSignalSpy resync(&model, &DeltaTableModel::resyncRequested);
    TableDelta<FileRow> stale;
    stale.baseGeneration = 99;
    stale.generation = 100;
    QVERIFY(!model.apply(stale));
    QCOMPARE(resync.count(), 1);
    QCOMPARE(model.rowCount(), 3);
}

void tst_DeltaBuilder::poolSharesEqualTexts()
{
    TextPool pool;
    const QString a = pool.intern(QStringView(u"\\\\srv\\share"));
    QString b = QStringLiteral("\\\\srv\\share");
    QVERIFY(!b.isSharedWith(a));
    pool.intern(b);
    QVERIFY(b.isSharedWith(a));
    QCOMPARE(pool.size(), size_t(1));
    const QString t1 = pool.internRepeating(0, QStringView(u"tcp"));
    const QString t2 = pool.internRepeating(0, QStringView(u"tcp"));
    QVERIFY(t1.isSharedWith(t2));
    QCOMPARE(pool.size(), size_t(2));
    pool.clear();
    QCOMPARE(pool.size(), size_t(0));
}

void tst_DeltaBuilder::sharedPoolHoldsEachTextOnce()
{
    const auto shared = std::make_shared<SharedTextPool>();
    TextPool a;
    TextPool b;
    const QString held = a.intern(QStringView(u"before sharing"));
    a.share(shared);
    b.share(shared);
    QCOMPARE(shared->size(), size_t(0));

    // The same account on two servers: one payload.
    const QString fromA = a.intern(QStringView(u"maría.lópez"));
    QString fromB = QStringLiteral("maría.lópez");
    b.intern(fromB);
    QVERIFY(fromB.isSharedWith(fromA));
    QVERIFY(b.internRepeating(0, QStringView(u"maría.lópez")).isSharedWith(fromA));
    QCOMPARE(shared->size(), size_t(1));
    QCOMPARE(a.size(), size_t(1));

    // One server reconnecting does not take the texts the other's rows hold.
    a.clear();
    QCOMPARE(b.intern(QStringView(u"maría.lópez")).isSharedWith(fromA), true);

    // Pruning forgets the texts no row holds (it scans once 256 new texts came in).
    const QString kept = b.intern(QStringView(u"kept"));
    for (int i = 0; i < 300; ++i)
        a.intern(QStringLiteral("gone%1").arg(i));
    QCOMPARE(shared->size(), size_t(302));
    fromB = QString();
    b.prune();
    QCOMPARE(shared->size(), size_t(2));
    QVERIFY(b.intern(QStringView(u"kept")).isSharedWith(kept));
    QCOMPARE(held, QStringLiteral("before sharing"));
}

void tst_DeltaBuilder::sharedPoolOnSeveralThreads()
{
    // Four servers' workers interning the same 500 accounts at once, each with its own pool.
    const auto shared = std::make_shared<SharedTextPool>();
    constexpr int kThreads = 4;
    constexpr int kNames = 500;
    std::vector<std::vector<QString>> seen(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&shared, &seen, t] {
            TextPool pool;
            pool.share(shared);
            for (int round = 0; round < 20; ++round) {
                for (int n = 0; n < kNames; ++n) {
                    const QString name = QStringLiteral("user%1").arg((n + t * 7) % kNames);
                    if (round == 0)
                        seen[size_t(t)].push_back(pool.intern(name));
                    else
                        pool.intern(name);
                }
                pool.prune();
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(shared->size(), size_t(kNames));
    for (int t = 1; t < kThreads; ++t) {
        for (int n = 0; n < kNames; ++n) {
            const QString &mine = seen[size_t(t)][size_t(n)];
            const int index = (n + t * 7) % kNames;
            // Thread 0 saw "user<index>" at position index.
            QVERIFY(mine.isSharedWith(seen[0][size_t(index)]));
        }
    }
}

QTEST_MAIN(tst_DeltaBuilder)
#include "tst_deltabuilder.moc"
