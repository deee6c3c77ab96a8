// SPDX-License-Identifier: GPL-3.0-or-later
// The keyed diff of open files: matched by id, path and user; only access and locks change in
// place; a reused id is another file; ranges as DeltaBuilder makes them.
#include "openfilediffer.h"
#include "testrecords.h"

#include <QtTest>

namespace {

using TestRecords::openFileInfo;

QStringList idsOf(const QList<OpenFileRow> &rows)
{
    QStringList ids;
    for (const OpenFileRow &r : rows)
        ids << QString::number(r.id);
    return ids;
}

} // namespace

class tst_OpenFileDiffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstUpdateReplacesAndNamesPaths();
    void unchangedPollIsEmptyAndSharesTexts();
    void lockAndAccessChangesAreInPlace();
    void closedAndNewFiles();
    void reusedIdIsAnotherFile();
    void resetReplacesAgain();
};

void tst_OpenFileDiffer::firstUpdateReplacesAndNamesPaths()
{
    OpenFileDiffer differ;
    const sc::OpenFileList files {openFileInfo(7, u"C:\\srv\\lab\\a.txt", u"alice"),
        openFileInfo(3, u"C:\\elsewhere\\b.txt", u"josé")};
    const auto namer = [](QStringView local) -> QString {
        if (local.startsWith(u"C:\\srv\\lab\\"))
            return QStringLiteral("\\\\srv\\lab\\") + local.mid(11).toString();
        return QString();
    };
    const OpenFileDelta delta = differ.update(files, namer);
    QVERIFY(delta.replace);
    QCOMPARE(delta.baseGeneration, 0u);
    QCOMPARE(delta.generation, 1u);
    QCOMPARE(idsOf(delta.rows), (QStringList {"7", "3"}));
    QCOMPARE(delta.rows[0].path, QStringLiteral("\\\\srv\\lab\\a.txt"));
    QCOMPARE(delta.rows[0].localPath, QStringLiteral("C:\\srv\\lab\\a.txt"));
    // No share covers it: the local path is shown.
    QCOMPARE(delta.rows[1].path, QStringLiteral("C:\\elsewhere\\b.txt"));
    QCOMPARE(delta.rows[1].user, QString::fromUtf8("josé"));
    QCOMPARE(delta.rows[1].key(), 3u);
}

void tst_OpenFileDiffer::unchangedPollIsEmptyAndSharesTexts()
{
    OpenFileDiffer differ;
    const sc::OpenFileList files {
        openFileInfo(1, u"C:\\a", u"alice"), openFileInfo(2, u"C:\\b", u"alice")};
    const OpenFileDelta first = differ.update(files);
    // Both rows of one user share the user's text.
    QVERIFY(first.rows[0].user.isSharedWith(first.rows[1].user));
    const OpenFileDelta second = differ.update(files);
    QVERIFY(second.isEmpty());
    QCOMPARE(second.baseGeneration, 1u);
    QCOMPARE(second.generation, 2u);
    QVERIFY(second.rows[0].path.isSharedWith(first.rows[0].path));
    QVERIFY(second.rows[1].localPath.isSharedWith(first.rows[1].localPath));
}

void tst_OpenFileDiffer::lockAndAccessChangesAreInPlace()
{
    OpenFileDiffer differ;
    differ.update({openFileInfo(1, u"C:\\a", u"alice"), openFileInfo(2, u"C:\\b", u"bob"),
        openFileInfo(3, u"C:\\c", u"bob")});
    const OpenFileDelta delta = differ.update({openFileInfo(1, u"C:\\a", u"alice", 2),
        openFileInfo(2, u"C:\\b", u"bob", 0, sc::kPermFileRead | sc::kPermFileWrite),
        openFileInfo(3, u"C:\\c", u"bob")});
    QVERIFY(!delta.replace);
    QVERIFY(delta.removed.isEmpty());
    QCOMPARE(delta.insertedCount(), 0);
    QCOMPARE(delta.changed.size(), 1);
    QCOMPARE(delta.changed[0],
        (ChangedRowRange {0, 1, OpenFileRow::LocksChange | OpenFileRow::AccessChange}));
    QCOMPARE(delta.rows[0].lockCount, 2u);
    QVERIFY(delta.rows[1].canWrite());
}

void tst_OpenFileDiffer::closedAndNewFiles()
{
    OpenFileDiffer differ;
    differ.update({openFileInfo(1, u"C:\\a", u"alice"), openFileInfo(2, u"C:\\b", u"alice"),
        openFileInfo(3, u"C:\\c", u"alice"), openFileInfo(4, u"C:\\d", u"alice")});
    // 2 and 3 closed, 9 opened; the server lists the new one first.
    const OpenFileDelta delta = differ.update({openFileInfo(9, u"C:\\n", u"jürgen"),
        openFileInfo(4, u"C:\\d", u"alice"), openFileInfo(1, u"C:\\a", u"alice")});
    QCOMPARE(delta.removed, (QList<RowRange> {{1, 2}}));
    QVERIFY(delta.changed.isEmpty());
    // Survivors keep the model's order; the new file is appended.
    QCOMPARE(idsOf(delta.rows), (QStringList {"1", "4", "9"}));
    QCOMPARE(delta.insertFirst, 2);
}

void tst_OpenFileDiffer::reusedIdIsAnotherFile()
{
    OpenFileDiffer differ;
    differ.update(
        {openFileInfo(5, u"C:\\old.txt", u"alice"), openFileInfo(6, u"C:\\x.txt", u"bob")});
    const OpenFileDelta delta = differ.update(
        {openFileInfo(5, u"C:\\new.txt", u"alice"), openFileInfo(6, u"C:\\x.txt", u"josé")});
    // Neither the path nor the user of a row ever changes in place.
    QCOMPARE(delta.removed, (QList<RowRange> {{0, 1}}));
    QVERIFY(delta.changed.isEmpty());
    QCOMPARE(delta.insertFirst, 0);
    QCOMPARE(delta.rows.size(), 2);
    QCOMPARE(delta.rows[0].localPath, QStringLiteral("C:\\new.txt"));
    QCOMPARE(delta.rows[1].user, QString::fromUtf8("josé"));
}

void tst_OpenFileDiffer::resetReplacesAgain()
{
    OpenFileDiffer differ;
    differ.update({openFileInfo(1, u"C:\\a", u"alice")});
    differ.reset();
    const OpenFileDelta delta = differ.update({openFileInfo(1, u"C:\\a", u"alice")});
    QVERIFY(delta.replace);
    QCOMPARE(delta.rows.size(), 1);
}

QTEST_GUILESS_MAIN(tst_OpenFileDiffer)
#include "tst_openfilediffer.moc"
