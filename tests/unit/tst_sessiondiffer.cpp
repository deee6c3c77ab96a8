// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"
#include "sessiontablemodel.h"

#include <QTest>

namespace {

constexpr qint64 kT0 = 1'700'000'000'000; // a fixed poll time, ms since the epoch

constexpr quint32 kIdleSinceConnect = ~0u;

// By default a session has done nothing since it connected, so polls a few seconds apart
// describe the same session; tests that want activity pass the idle time.
sc::SessionInfo info(const std::u16string &client, const std::u16string &user,
    quint32 connectedSeconds, quint32 idleSeconds = kIdleSinceConnect, quint32 openCount = 0)
{
    sc::SessionInfo i;
    i.clientName = client;
    i.userName = user;
    i.connectedSeconds = connectedSeconds;
    i.idleSeconds = idleSeconds == kIdleSinceConnect ? connectedSeconds : idleSeconds;
    i.openCount = openCount;
    i.level = sc::InfoLevel::Level1;
    return i;
}

QList<SessionRow> rowsAt(qint64 pollTime, const QList<sc::SessionInfo> &infos)
{
    QList<SessionRow> rows;
    for (const auto &i : infos)
        rows.append(SessionRow::fromInfo(i, pollTime));
    return rows;
}

quint32 bit(SessionTableModel::Column c)
{
    return 1u << c;
}

} // namespace

class tst_SessionDiffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstUpdateReplacesAndAssignsKeys();
    void jitterDoesNotChangeRows();
    void removedAddedChanged();
    void sameClientAndUserStayDistinct();
    void sameClientAndUserOneEnds();
    void rangesAreContiguousRuns();
    void namesMatchCaseInsensitively();
    void levelZeroRowsMatchByName();
    void resetReplacesAgain();
    void newActivityMovesIdleInstant();
    void manySessionsOfOneUserKeepTheirKeys();
};

void tst_SessionDiffer::firstUpdateReplacesAndAssignsKeys()
{
    SessionDiffer differ;
    const SessionDelta d
        = differ.update(rowsAt(kT0, {info(u"pc1", u"alice", 100), info(u"pc2", u"bob", 50)}));
    QVERIFY(d.replace);
    QCOMPARE(d.rows.size(), 2);
    QVERIFY(d.rows[0].key != 0);
    QVERIFY(d.rows[1].key != 0);
    QVERIFY(d.rows[0].key != d.rows[1].key);
    QCOMPARE(d.rows[0].connectedSinceMs, kT0 - 100'000);
    QCOMPARE(d.generation, d.baseGeneration + 1);
}

void tst_SessionDiffer::jitterDoesNotChangeRows()
{
    SessionDiffer differ;
    const SessionDelta first = differ.update(
        rowsAt(kT0, {info(u"pc1", u"alice", 100, 30), info(u"pc2", u"bob", 50, 5)}));
    // 5.3 s later the server's whole seconds round the other way: 105 instead of 105.3,
    // and for bob 56 (one second more than elapsed, a different clock phase).
    const SessionDelta second = differ.update(
        rowsAt(kT0 + 5'300, {info(u"pc1", u"alice", 105, 35), info(u"pc2", u"bob", 56, 11)}));
    QVERIFY(!second.replace);
    QVERIFY2(second.isEmpty(), "jittering instants must not count as changes");
    QCOMPARE(second.baseGeneration, first.generation);
    QCOMPARE(second.rows.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(second.rows[i].key, first.rows[i].key);
        QCOMPARE(second.rows[i].connectedSinceMs, first.rows[i].connectedSinceMs);
        QCOMPARE(second.rows[i].idleSinceMs, first.rows[i].idleSinceMs);
        QVERIFY(second.rows[i].sameValues(first.rows[i]));
    }
}

void tst_SessionDiffer::removedAddedChanged()
{
    SessionDiffer differ;
    const SessionDelta first = differ.update(rowsAt(kT0,
        {info(u"pc1", u"alice", 100), info(u"pc2", u"bob", 100), info(u"pc3", u"carol", 100)}));
    // bob leaves, carol opens a file, dave arrives (listed first by the server).
    const SessionDelta d = differ.update(rowsAt(kT0 + 2000,
        {info(u"pc4", u"dave", 1), info(u"pc1", u"alice", 102),
            info(u"pc3", u"carol", 102, 102, 1)}));
    QCOMPARE(d.removed, (QList<SessionRowRange> {{1, 1}}));
    QCOMPARE(d.insertFirst, 2);
    QCOMPARE(d.rows.size(), 3);
    QCOMPARE(d.rows[0].user, u"alice");
    QCOMPARE(d.rows[1].user, u"carol");
    QCOMPARE(d.rows[2].user, u"dave");
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[1].key, first.rows[2].key);
    QVERIFY(d.rows[2].key != first.rows[0].key && d.rows[2].key != first.rows[1].key
        && d.rows[2].key != first.rows[2].key);
    QCOMPARE(d.changed.size(), 1);
    QCOMPARE(d.changed[0].first, 1);
    QCOMPARE(d.changed[0].last, 1);
    QCOMPARE(d.changed[0].columns, bit(SessionTableModel::OpenFiles));
}

void tst_SessionDiffer::sameClientAndUserStayDistinct()
{
    SessionDiffer differ;
    // Two sessions of alice from pc1, connected 10 s apart.
    const SessionDelta first = differ.update(
        rowsAt(kT0, {info(u"pc1", u"alice", 100, 100, 1), info(u"pc1", u"alice", 90, 90, 2)}));
    QCOMPARE(first.rows.size(), 2);
    QVERIFY(first.rows[0].key != first.rows[1].key);
    // Listed in the other order next time, with jitter.
    const SessionDelta d = differ.update(rowsAt(
        kT0 + 3000, {info(u"pc1", u"alice", 94, 94, 2), info(u"pc1", u"alice", 102, 102, 1)}));
    QVERIFY(d.isEmpty());
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[0].openCount, 1u);
    QCOMPARE(d.rows[1].key, first.rows[1].key);
    QCOMPARE(d.rows[1].openCount, 2u);
}

void tst_SessionDiffer::sameClientAndUserOneEnds()
{
    SessionDiffer differ;
    const SessionDelta first = differ.update(rowsAt(kT0,
        {info(u"pc1", u"alice", 100), info(u"pc1", u"alice", 90), info(u"pc1", u"alice", 80)}));
    // The middle one (connected 90 s before kT0) ends; a new one starts.
    const SessionDelta d = differ.update(rowsAt(kT0 + 2000,
        {info(u"pc1", u"alice", 1), info(u"pc1", u"alice", 82), info(u"pc1", u"alice", 102)}));
    QCOMPARE(d.removed, (QList<SessionRowRange> {{1, 1}}));
    QCOMPARE(d.insertFirst, 2);
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[1].key, first.rows[2].key);
    QCOMPARE(d.rows[2].connectedSinceMs, kT0 + 1000);
    QVERIFY(d.changed.isEmpty());
}

void tst_SessionDiffer::rangesAreContiguousRuns()
{
    SessionDiffer differ;
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 10; ++i)
        infos.append(info(u"pc", u"user" + std::u16string(1, char16_t(u'0' + i)), 100, 50));
    differ.update(rowsAt(kT0, infos));
    // Remove 2, 3 and 6; change 4, 5 and 7 (one run once 6 is gone) and 9.
    QList<sc::SessionInfo> next;
    for (int i = 0; i < 10; ++i) {
        if (i == 2 || i == 3 || i == 6)
            continue;
        sc::SessionInfo n = infos[i];
        n.connectedSeconds += 2;
        n.idleSeconds += 2;
        if (i == 4)
            n.openCount = 3;
        if (i == 5)
            n.openCount = 1;
        if (i == 7)
            n.userFlags = sc::kSessGuest;
        if (i == 9)
            n.idleSeconds = 0;
        next.append(n);
    }
    const SessionDelta d = differ.update(rowsAt(kT0 + 2000, next));
    QCOMPARE(d.removed, (QList<SessionRowRange> {{2, 3}, {6, 6}}));
    // After removal: 0 1 4 5 7 8 9, so 4, 5, 7 are rows 2..4 and 9 is row 6.
    QCOMPARE(d.changed.size(), 2);
    QCOMPARE(d.changed[0],
        (SessionChangedRange {
            2, 4, bit(SessionTableModel::OpenFiles) | bit(SessionTableModel::Guest)}));
    QCOMPARE(d.changed[1], (SessionChangedRange {6, 6, bit(SessionTableModel::IdleTime)}));
    QCOMPARE(d.insertFirst, 7);
    QCOMPARE(d.removedCount(), 3);
}

void tst_SessionDiffer::namesMatchCaseInsensitively()
{
    SessionDiffer differ;
    const SessionDelta first = differ.update(rowsAt(kT0, {info(u"PC1", u"Alice", 100)}));
    const SessionDelta d = differ.update(rowsAt(kT0 + 2000, {info(u"pc1", u"ALICE", 102)}));
    QVERIFY(d.removed.isEmpty());
    QCOMPARE(d.insertFirst, 1);
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.changed.size(), 1);
    QCOMPARE(d.changed[0].columns, bit(SessionTableModel::User) | bit(SessionTableModel::Computer));
}

void tst_SessionDiffer::levelZeroRowsMatchByName()
{
    SessionDiffer differ;
    sc::SessionInfo a;
    a.clientName = u"pc1";
    a.level = sc::InfoLevel::Level0;
    sc::SessionInfo b = a;
    b.clientName = u"pc2";
    const SessionDelta first = differ.update(rowsAt(kT0, {a, b}));
    QCOMPARE(first.rows[0].connectedSinceMs, 0);
    const SessionDelta d = differ.update(rowsAt(kT0 + 60'000, {b, a}));
    QVERIFY(d.isEmpty());
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[0].client, u"pc1");
}

void tst_SessionDiffer::resetReplacesAgain()
{
    SessionDiffer differ;
    const SessionDelta first = differ.update(rowsAt(kT0, {info(u"pc1", u"alice", 100)}));
    differ.reset();
    const SessionDelta d = differ.update(rowsAt(kT0 + 2000, {info(u"pc1", u"alice", 102)}));
    QVERIFY(d.replace);
    QCOMPARE(d.rows.size(), 1);
    QVERIFY(d.generation > first.generation);
}

void tst_SessionDiffer::newActivityMovesIdleInstant()
{
    SessionDiffer differ;
    differ.update(rowsAt(kT0, {info(u"pc1", u"alice", 100, 60)}));
    const SessionDelta d = differ.update(rowsAt(kT0 + 5000, {info(u"pc1", u"alice", 105, 0)}));
    QCOMPARE(d.changed.size(), 1);
    QCOMPARE(d.changed[0].columns, bit(SessionTableModel::IdleTime));
    QCOMPARE(d.rows[0].idleSinceMs, kT0 + 5000);
}

QTEST_GUILESS_MAIN(tst_SessionDiffer)
#include "tst_sessiondiffer.moc"

void tst_SessionDiffer::manySessionsOfOneUserKeepTheirKeys()
{
    // A load generator, or a terminal server, gives thousands of sessions one client and user,
    // connected a second apart. Each must keep its own key across polls, even when the next
    // poll's instants jitter and some sessions end in between.
    constexpr int count = 5000;
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < count; ++i)
        infos.append(info(u"10.0.0.9", u"svc", quint32(count + 10 - i)));
    SessionDiffer differ;
    const SessionDelta first = differ.update(rowsAt(kT0, infos));

    // 3.4 s later: every elapsed time reads 3 s more (0.4 s jitter); every 100th session ended.
    QList<sc::SessionInfo> later;
    for (int i = 0; i < count; ++i) {
        if (i % 100 != 0)
            later.append(info(u"10.0.0.9", u"svc", quint32(count + 10 - i + 3)));
    }
    const SessionDelta second = differ.update(rowsAt(kT0 + 3'400, later));
    QVERIFY(!second.replace);
    QCOMPARE(second.insertFirst, int(second.rows.size())); // nothing new
    QVERIFY(second.changed.isEmpty());
    QCOMPARE(second.removed.size(), qsizetype(count / 100));
    for (qsizetype n = 0; n < second.removed.size(); ++n) {
        QCOMPARE(second.removed.at(n).first, int(n * 100));
        QCOMPARE(second.removed.at(n).last, int(n * 100));
    }
    for (qsizetype i = 0, j = 0; i < first.rows.size(); ++i) {
        if (i % 100 == 0)
            continue;
        QCOMPARE(second.rows.at(j++).key, first.rows.at(i).key);
    }

    // Sessions connected in the same second cannot be told apart; ending some of them must
    // still remove exactly that many rows and change none.
    QList<sc::SessionInfo> burst(count, info(u"10.0.0.9", u"svc", 60));
    SessionDiffer same;
    same.update(rowsAt(kT0, burst));
    const SessionDelta fewer = same.update(rowsAt(kT0 + 1'000, burst.mid(0, count - 7)));
    int removed = 0;
    for (const SessionRowRange &r : fewer.removed)
        removed += r.last - r.first + 1;
    QCOMPARE(removed, 7);
    QVERIFY(fewer.changed.isEmpty());
    QCOMPARE(fewer.insertFirst, int(fewer.rows.size()));
}
