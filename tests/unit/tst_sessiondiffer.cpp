// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"
#include "sessionrowsource.h"

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

sc::SessionList toList(const QList<sc::SessionInfo> &infos)
{
    return sc::SessionList(infos.begin(), infos.end());
}

// A server's sessions poll after poll: some end, some start, some are active, names come
// back in another case, client types change, several sessions share client and user.
class Churn
{
public:
    QList<sc::SessionInfo> sessions;

    explicit Churn(quint32 seed)
        : m_state(seed)
    {
    }

    quint32 below(quint32 bound)
    {
        m_state = m_state * 1664525u + 1013904223u;
        return (m_state >> 8) % bound;
    }

    sc::SessionInfo make()
    {
        static const char16_t *const users[] = {u"alice", u"Bob", u"josé", u"jürgen", u"svc"};
        static const char16_t *const types[] = {u"Windows 10", u"Samba 4.17", u""};
        static const char16_t *const transports[] = {u"\\Device\\NetbiosSmb", u"tcp"};
        const std::string n = std::to_string(below(60));
        sc::SessionInfo i = info(u"10.0.0." + std::u16string(n.begin(), n.end()), users[below(5)],
            100 + below(5000), below(100), below(4));
        i.level = sc::InfoLevel::Level502;
        i.clientType = types[below(3)];
        i.transport = transports[below(2)];
        i.userFlags = below(4);
        return i;
    }

    void advance(quint32 seconds)
    {
        QList<sc::SessionInfo> next;
        for (sc::SessionInfo i : sessions) {
            const quint32 fate = below(100);
            if (fate < 5)
                continue; // ended
            i.connectedSeconds += seconds;
            i.idleSeconds = fate < 20 ? below(seconds + 1) : i.idleSeconds + seconds;
            if (fate >= 20 && fate < 25)
                i.openCount = below(6);
            if (fate == 25)
                i.userName = i.userName == u"alice" ? u"ALICE" : i.userName; // another case
            if (fate == 26)
                i.clientType = u"Windows 11";
            next.append(i);
        }
        for (quint32 n = below(12); n > 0; --n)
            next.insert(below(quint32(next.size()) + 1), make());
        sessions = next;
    }

private:
    quint32 m_state;
};

SessionRow::Ownership isOwn(const SessionRow &row)
{
    return row.client == QLatin1String("10.0.0.7") && row.user == QLatin1String("alice")
        ? SessionRow::Ownership::Own
        : SessionRow::Ownership::NotOwn;
}

QList<SessionRow> rowsAt(qint64 pollTime, const QList<sc::SessionInfo> &infos)
{
    QList<SessionRow> rows;
    for (const auto &i : infos)
        rows.append(SessionRow::fromInfo(i, pollTime));
    return rows;
}

// The delta of @p differ from its rows to @p infos converted at @p pollTime first.
SessionDelta pollRows(SessionDiffer &differ, qint64 pollTime, const QList<sc::SessionInfo> &infos)
{
    return updateFromRows(differ, rowsAt(pollTime, infos));
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
    void sessionListGivesTheSameDeltasAsRows();
    void rowsShareEqualTexts();
    void poolForgetsEndedSessions();
};

void tst_SessionDiffer::firstUpdateReplacesAndAssignsKeys()
{
    SessionDiffer differ;
    const SessionDelta d = updateFromRows(
        differ, rowsAt(kT0, {info(u"pc1", u"alice", 100), info(u"pc2", u"bob", 50)}));
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
    const SessionDelta first = updateFromRows(
        differ, rowsAt(kT0, {info(u"pc1", u"alice", 100, 30), info(u"pc2", u"bob", 50, 5)}));
    // 5.3 s later the server's whole seconds round the other way: 105 instead of 105.3,
    // and for bob 56 (one second more than elapsed, a different clock phase).
    const SessionDelta second = pollRows(
        differ, kT0 + 5'300, {info(u"pc1", u"alice", 105, 35), info(u"pc2", u"bob", 56, 11)});
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
    const SessionDelta first = pollRows(differ, kT0,
        {info(u"pc1", u"alice", 100), info(u"pc2", u"bob", 100), info(u"pc3", u"carol", 100)});
    // bob leaves, carol opens a file, dave arrives (listed first by the server).
    const SessionDelta d = pollRows(differ, kT0 + 2000,
        {info(u"pc4", u"dave", 1), info(u"pc1", u"alice", 102),
            info(u"pc3", u"carol", 102, 102, 1)});
    QCOMPARE(d.removed, (QList<RowRange> {{1, 1}}));
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
    QCOMPARE(d.changed[0].changes, quint32(SessionRow::OpenCountChange));
}

void tst_SessionDiffer::sameClientAndUserStayDistinct()
{
    SessionDiffer differ;
    // Two sessions of alice from pc1, connected 10 s apart.
    const SessionDelta first = pollRows(
        differ, kT0, {info(u"pc1", u"alice", 100, 100, 1), info(u"pc1", u"alice", 90, 90, 2)});
    QCOMPARE(first.rows.size(), 2);
    QVERIFY(first.rows[0].key != first.rows[1].key);
    // Listed in the other order next time, with jitter.
    const SessionDelta d = pollRows(differ, kT0 + 3000,
        {info(u"pc1", u"alice", 94, 94, 2), info(u"pc1", u"alice", 102, 102, 1)});
    QVERIFY(d.isEmpty());
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[0].openCount, 1u);
    QCOMPARE(d.rows[1].key, first.rows[1].key);
    QCOMPARE(d.rows[1].openCount, 2u);
}

void tst_SessionDiffer::sameClientAndUserOneEnds()
{
    SessionDiffer differ;
    const SessionDelta first = pollRows(differ, kT0,
        {info(u"pc1", u"alice", 100), info(u"pc1", u"alice", 90), info(u"pc1", u"alice", 80)});
    // The middle one (connected 90 s before kT0) ends; a new one starts.
    const SessionDelta d = pollRows(differ, kT0 + 2000,
        {info(u"pc1", u"alice", 1), info(u"pc1", u"alice", 82), info(u"pc1", u"alice", 102)});
    QCOMPARE(d.removed, (QList<RowRange> {{1, 1}}));
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
    pollRows(differ, kT0, infos);
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
    const SessionDelta d = pollRows(differ, kT0 + 2000, next);
    QCOMPARE(d.removed, (QList<RowRange> {{2, 3}, {6, 6}}));
    // After removal: 0 1 4 5 7 8 9, so 4, 5, 7 are rows 2..4 and 9 is row 6.
    QCOMPARE(d.changed.size(), 2);
    QCOMPARE(d.changed[0],
        (ChangedRowRange {2, 4, SessionRow::OpenCountChange | SessionRow::GuestChange}));
    QCOMPARE(d.changed[1], (ChangedRowRange {6, 6, SessionRow::IdleSinceChange}));
    QCOMPARE(d.insertFirst, 7);
    QCOMPARE(d.removedCount(), 3);
}

void tst_SessionDiffer::namesMatchCaseInsensitively()
{
    SessionDiffer differ;
    const SessionDelta first = pollRows(differ, kT0, {info(u"PC1", u"Alice", 100)});
    const SessionDelta d = pollRows(differ, kT0 + 2000, {info(u"pc1", u"ALICE", 102)});
    QVERIFY(d.removed.isEmpty());
    QCOMPARE(d.insertFirst, 1);
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.changed.size(), 1);
    QCOMPARE(d.changed[0].changes, SessionRow::UserChange | SessionRow::ClientChange);

    // The same rule (sc::namesEqual) for every script: Greek final sigma, Cyrillic.
    const SessionDelta e = pollRows(
        differ, kT0 + 4000, {info(u"pc1", u"ALICE", 104), info(u"ΟΔΥΣΣΕΥΣ", u"дмитрий", 50)});
    const SessionDelta f = pollRows(
        differ, kT0 + 6000, {info(u"pc1", u"ALICE", 106), info(u"οδυσσευς", u"ДМИТРИЙ", 52)});
    QVERIFY(f.removed.isEmpty());
    QCOMPARE(f.insertFirst, 2);
    QCOMPARE(f.rows[1].key, e.rows[1].key);
}

void tst_SessionDiffer::levelZeroRowsMatchByName()
{
    SessionDiffer differ;
    sc::SessionInfo a;
    a.clientName = u"pc1";
    a.level = sc::InfoLevel::Level0;
    sc::SessionInfo b = a;
    b.clientName = u"pc2";
    const SessionDelta first = pollRows(differ, kT0, {a, b});
    QCOMPARE(first.rows[0].connectedSinceMs, 0);
    const SessionDelta d = pollRows(differ, kT0 + 60'000, {b, a});
    QVERIFY(d.isEmpty());
    QCOMPARE(d.rows[0].key, first.rows[0].key);
    QCOMPARE(d.rows[0].client, u"pc1");
}

void tst_SessionDiffer::resetReplacesAgain()
{
    SessionDiffer differ;
    const SessionDelta first = pollRows(differ, kT0, {info(u"pc1", u"alice", 100)});
    differ.reset();
    const SessionDelta d = pollRows(differ, kT0 + 2000, {info(u"pc1", u"alice", 102)});
    QVERIFY(d.replace);
    QCOMPARE(d.rows.size(), 1);
    QVERIFY(d.generation > first.generation);
}

void tst_SessionDiffer::newActivityMovesIdleInstant()
{
    SessionDiffer differ;
    pollRows(differ, kT0, {info(u"pc1", u"alice", 100, 60)});
    const SessionDelta d = pollRows(differ, kT0 + 5000, {info(u"pc1", u"alice", 105, 0)});
    QCOMPARE(d.changed.size(), 1);
    QCOMPARE(d.changed[0].changes, quint32(SessionRow::IdleSinceChange));
    QCOMPARE(d.rows[0].idleSinceMs, kT0 + 5000);
}

void tst_SessionDiffer::sessionListGivesTheSameDeltasAsRows()
{
    // update(SessionList) converts while it diffs; it must give exactly the deltas that
    // converting first and diffing the rows gives, poll after poll.
    Churn churn(7);
    for (int n = 0; n < 300; ++n)
        churn.sessions.append(churn.make());
    SessionDiffer fromRows;
    SessionDiffer fromList;
    qint64 now = kT0;
    int changed = 0, added = 0, removed = 0;
    for (int poll = 0; poll < 40; ++poll) {
        QList<SessionRow> rows = rowsAt(now, churn.sessions);
        for (SessionRow &row : rows)
            row.isOwnSession = isOwn(row) == SessionRow::Ownership::Own;
        const SessionDelta a = updateFromRows(fromRows, rows);
        const SessionDelta b = fromList.update(toList(churn.sessions), now, isOwn);
        QCOMPARE(b.replace, a.replace);
        QCOMPARE(b.generation, a.generation);
        QCOMPARE(b.removed, a.removed);
        QCOMPARE(b.changed, a.changed);
        QCOMPARE(b.insertFirst, a.insertFirst);
        QCOMPARE(b.rows.size(), a.rows.size());
        for (qsizetype r = 0; r < a.rows.size(); ++r) {
            QCOMPARE(b.rows[r].key, a.rows[r].key);
            QVERIFY2(b.rows[r].sameValues(a.rows[r]), qPrintable(a.rows[r].user));
        }
        changed += int(a.changed.size());
        added += a.insertedCount();
        removed += a.removedCount();
        fromRows.releaseRetired();
        fromList.releaseRetired();
        now += 5'000 + (poll % 3) * 300; // jitter against whole seconds
        churn.advance(5);
    }
    // The comparison covered every kind of change.
    QVERIFY(changed > 40);
    QVERIFY(added > 40);
    QVERIFY(removed > 40);
}

void tst_SessionDiffer::rowsShareEqualTexts()
{
    const QList<sc::SessionInfo> first
        = {info(u"pc1", u"alice", 100), info(u"pc2", u"alice", 90), info(u"pc3", u"bob", 80)};
    auto withType = [](QList<sc::SessionInfo> list) {
        for (sc::SessionInfo &i : list) {
            i.level = sc::InfoLevel::Level502;
            i.clientType = u"Windows 10 Enterprise";
            i.transport = u"\\Device\\NetbiosSmb";
        }
        return list;
    };
    for (bool fromList : {false, true}) {
        SessionDiffer differ;
        const QList<sc::SessionInfo> infos = withType(first);
        const SessionDelta d
            = fromList ? differ.update(toList(infos), kT0) : pollRows(differ, kT0, infos);
        QVERIFY(d.rows[0].user.isSharedWith(d.rows[1].user));
        QVERIFY(!d.rows[0].user.isSharedWith(d.rows[2].user));
        QVERIFY(d.rows[0].clientType.isSharedWith(d.rows[2].clientType));
        QVERIFY(d.rows[0].transport.isSharedWith(d.rows[1].transport));
        QCOMPARE(d.rows[1].client, QStringLiteral("pc2"));

        // A poll later the same sessions plus a new one of alice: the kept rows hold the very
        // same texts, the new one shares alice's.
        QList<sc::SessionInfo> later = withType(first);
        later.append(withType({info(u"pc4", u"alice", 1)}));
        for (sc::SessionInfo &i : later)
            i.connectedSeconds += 5;
        const SessionDelta e = fromList ? differ.update(toList(later), kT0 + 5'000)
                                        : pollRows(differ, kT0 + 5'000, later);
        QVERIFY(!e.replace);
        QCOMPARE(e.insertedCount(), 1);
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(e.rows[r].key, d.rows[r].key);
            QVERIFY(e.rows[r].client.isSharedWith(d.rows[r].client));
            QVERIFY(e.rows[r].user.isSharedWith(d.rows[r].user));
            QVERIFY(e.rows[r].clientType.isSharedWith(d.rows[r].clientType));
        }
        QVERIFY(e.rows[3].user.isSharedWith(d.rows[0].user));
        QVERIFY(e.rows[3].transport.isSharedWith(d.rows[0].transport));
    }
}

void tst_SessionDiffer::poolForgetsEndedSessions()
{
    // Sessions come and go; the pool must not keep the texts of every user ever seen.
    constexpr int perPoll = 2000;
    SessionDiffer differ;
    qsizetype most = 0;
    for (int poll = 0; poll < 12; ++poll) {
        QList<sc::SessionInfo> infos;
        for (int n = 0; n < perPoll; ++n) {
            const std::string user = "user" + std::to_string(poll) + "-" + std::to_string(n);
            infos.append(info(u"pc", std::u16string(user.begin(), user.end()), 100));
        }
        differ.update(toList(infos), kT0 + poll * 5'000);
        differ.releaseRetired();
        most = std::max(most, qsizetype(differ.m_pool.size()));
    }
    QVERIFY(qsizetype(differ.m_pool.size()) >= perPoll); // the current users are there
    // The current and the retired poll's users, plus the slack before a pruning scan.
    QVERIFY2(most <= 2 * perPoll + perPoll / 4, qPrintable(QString::number(most)));
    differ.reset();
    QCOMPARE(qsizetype(differ.m_pool.size()), qsizetype(0));
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
    const SessionDelta first = pollRows(differ, kT0, infos);

    // 3.4 s later: every elapsed time reads 3 s more (0.4 s jitter); every 100th session ended.
    QList<sc::SessionInfo> later;
    for (int i = 0; i < count; ++i) {
        if (i % 100 != 0)
            later.append(info(u"10.0.0.9", u"svc", quint32(count + 10 - i + 3)));
    }
    const SessionDelta second = pollRows(differ, kT0 + 3'400, later);
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
    pollRows(same, kT0, burst);
    const SessionDelta fewer = pollRows(same, kT0 + 1'000, burst.mid(0, count - 7));
    int removed = 0;
    for (const RowRange &r : fewer.removed)
        removed += r.last - r.first + 1;
    QCOMPARE(removed, 7);
    QVERIFY(fewer.changed.isEmpty());
    QCOMPARE(fewer.insertFirst, int(fewer.rows.size()));
}
