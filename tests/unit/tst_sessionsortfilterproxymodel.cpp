// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkedtable.h"
#include "foldednamecache.h"
#include "modelsignalspies.h"
#include "scriptedsessionpoller.h"
#include "searchtext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "testrecords.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace {

using TestRecords::sessionInfo;

constexpr qint64 kT0 = 1'700'000'000'000;

// Later polls of the same sessions: every duration has grown by the time elapsed.
QList<sc::SessionInfo> later(QList<sc::SessionInfo> infos, quint32 seconds)
{
    for (auto &i : infos) {
        i.connectedSeconds += seconds;
        i.idleSeconds += seconds;
    }
    return infos;
}

// Four sessions whose users sort as their clients do, alice (pc1) to dave (pc4).
QList<sc::SessionInfo> fourSessions()
{
    return {sessionInfo(u"pc1", u"alice", 500, 50, 1), sessionInfo(u"pc2", u"bob", 400, 40, 2),
        sessionInfo(u"pc3", u"carol", 300, 30, 3), sessionInfo(u"pc4", u"dave", 200, 20, 4)};
}

// The users of the selected rows, sorted: which sessions a refresh left selected.
QStringList selectedUsers(const QItemSelectionModel &selection)
{
    QStringList users;
    for (const QModelIndex &index : selection.selectedRows())
        users.append(index.data().toString());
    users.sort();
    return users;
}

} // namespace

Q_DECLARE_METATYPE(sc::SessionInfo)

class tst_SessionSortFilterProxyModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void sortsNumbersNumerically_data();
    void sortsNumbersNumerically();
    void equalValuesBreakTiesOnTheKey();
    void sortsTextCaseInsensitivelyBeyondThePrefix();
    void refreshDoesNotShuffleEqualRows();
    void filterNarrowsRows();
    void filterIgnoresCaseAndAccents();
    void rowsKeepNoFoldedCopy();
    void withheldRowsWaitForTheNextRefresh();
    void selectionAndCurrentSurviveRefresh();
    void selectionSurvivesLargeRefresh();
    void changedValueMovesOnlyThatRow();
    void flagsAreTheSourceFlags();
    void multiDataAnswersAsData();
    void refreshSignalsDoNotGrowWithRows();
    void changedCellsAreAnnouncedByViewRange();
    void manyChangedRangesAreAnnouncedAsOne();
    void newSessionsHonourTheFilter();
    void matchesAFreshSortAfterRandomRefreshes_data();
    void matchesAFreshSortAfterRandomRefreshes();

private:
    void apply(qint64 pollTime, const QList<sc::SessionInfo> &infos);
    QStringList column(SessionTableModel::Column c) const;
    /// The texts of every row shown, by session key.
    QHash<quint64, QStringList> shownTexts() const;
    /// Filters by @p text and answers the users the proxy shows then, in its order.
    QStringList usersMatching(const QString &text);

    std::optional<CheckedTable<SessionTableModel>> m_table;
    SessionTableModel *m_model = nullptr;
    SessionSortFilterProxyModel *m_proxy = nullptr;
    ScriptedSessionPoller m_poller;
};

void tst_SessionSortFilterProxyModel::init()
{
    m_poller = ScriptedSessionPoller();
    m_table.emplace();
    m_model = m_table->model();
    m_proxy = m_table->proxy();
    m_model->setClock([] { return kT0; });
}

void tst_SessionSortFilterProxyModel::cleanup()
{
    m_proxy = nullptr;
    m_model = nullptr;
    m_table.reset();
}

void tst_SessionSortFilterProxyModel::apply(qint64 pollTime, const QList<sc::SessionInfo> &infos)
{
    m_model->applySnapshot(m_poller.poll(pollTime, infos));
}

QStringList tst_SessionSortFilterProxyModel::column(SessionTableModel::Column c) const
{
    QStringList values;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        values.append(m_proxy->index(r, c).data().toString());
    return values;
}

QHash<quint64, QStringList> tst_SessionSortFilterProxyModel::shownTexts() const
{
    QHash<quint64, QStringList> texts;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList &row
            = texts[m_proxy->index(r, 0).data(SessionTableModel::KeyRole).toULongLong()];
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c)
            row.append(m_proxy->index(r, c).data().toString());
    }
    return texts;
}

QStringList tst_SessionSortFilterProxyModel::usersMatching(const QString &text)
{
    m_proxy->setFilterText(text);
    return column(SessionTableModel::User);
}

void tst_SessionSortFilterProxyModel::sortsNumbersNumerically_data()
{
    QTest::addColumn<QList<sc::SessionInfo>>("infos");
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("users");
    // As text "0:01:40" < "0:00:05" would not hold, but 100 s > 5 s must; and 10:00:00
    // (36000 s) must come after 9:00:00 although "1" < "9".
    const QList<sc::SessionInfo> idle
        = {sessionInfo(u"a", u"u1", 40000, 100, 0), sessionInfo(u"b", u"u2", 40000, 5, 0),
            sessionInfo(u"c", u"u3", 40000, 36000, 0), sessionInfo(u"d", u"u4", 40000, 32400, 0)};
    QTest::newRow("idle time ascending")
        << idle << int(SessionTableModel::IdleTime) << Qt::AscendingOrder
        << QStringList {"u2", "u1", "u4", "u3"};
    QTest::newRow("idle time descending")
        << idle << int(SessionTableModel::IdleTime) << Qt::DescendingOrder
        << QStringList {"u3", "u4", "u1", "u2"};
    QTest::newRow("open files ascending")
        << QList<sc::SessionInfo> {sessionInfo(u"a", u"u1", 10, 0, 100),
               sessionInfo(u"b", u"u2", 10, 0, 9), sessionInfo(u"c", u"u3", 10, 0, 1000),
               sessionInfo(u"d", u"u4", 10, 0, 20)}
        << int(SessionTableModel::OpenFiles) << Qt::AscendingOrder
        << QStringList {"u2", "u4", "u1", "u3"};
}

void tst_SessionSortFilterProxyModel::sortsNumbersNumerically()
{
    QFETCH(QList<sc::SessionInfo>, infos);
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, users);
    apply(kT0, infos);
    m_proxy->sort(sortColumn, order);
    QCOMPARE(column(SessionTableModel::User), users);
}

void tst_SessionSortFilterProxyModel::equalValuesBreakTiesOnTheKey()
{
    // All open counts equal: the order is the key's (order of first appearance), whatever
    // the source order is.
    apply(kT0,
        {sessionInfo(u"a", u"u1", 10, 0, 3), sessionInfo(u"b", u"u2", 10, 0, 3),
            sessionInfo(u"c", u"u3", 10, 0, 3)});
    m_proxy->sort(SessionTableModel::OpenFiles, Qt::AscendingOrder);
    QStringList order = column(SessionTableModel::User);
    QList<quint64> keys;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        keys.append(m_proxy->index(r, 0).data(SessionTableModel::KeyRole).toULongLong());
    QVERIFY(std::is_sorted(keys.begin(), keys.end()));
    QCOMPARE(order, (QStringList {"u1", "u2", "u3"}));
    m_proxy->sort(SessionTableModel::OpenFiles, Qt::DescendingOrder);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"u3", "u2", "u1"}));
}

void tst_SessionSortFilterProxyModel::sortsTextCaseInsensitivelyBeyondThePrefix()
{
    // The first eight letters are packed for speed; longer names must still order by the
    // rest, equal names (whatever their case) by key, and non-ASCII letters fold too.
    apply(kT0,
        {sessionInfo(u"c1", u"alexander.smyth", 10, 0, 0),
            sessionInfo(u"c2", u"ALEXANDER.SMITH", 10, 0, 0),
            sessionInfo(u"c3", u"alexandra", 10, 0, 0),
            sessionInfo(u"c4", u"alexander.smith", 10, 0, 0),
            sessionInfo(u"c5", u"J\u00dcRGEN", 10, 0, 0), sessionInfo(u"c6", u"alex", 10, 0, 0),
            sessionInfo(u"c7", u"j\u00fcrgen", 10, 0, 0), sessionInfo(u"c8", u"Bob", 10, 0, 0)});
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    QCOMPARE(column(SessionTableModel::Computer),
        (QStringList {"c6", "c2", "c4", "c1", "c3", "c8", "c5", "c7"}));
    m_proxy->sort(SessionTableModel::User, Qt::DescendingOrder);
    QCOMPARE(column(SessionTableModel::Computer),
        (QStringList {"c7", "c5", "c8", "c3", "c1", "c4", "c2", "c6"}));
}

void tst_SessionSortFilterProxyModel::refreshDoesNotShuffleEqualRows()
{
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 30; ++i)
        infos.append(sessionInfo(u"pc", u"user" + QString::number(i).toStdU16String(), 100, 0, 2));
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::OpenFiles, Qt::AscendingOrder);
    const QStringList before = column(SessionTableModel::User);
    QSignalSpy layout(m_proxy, &QAbstractItemModel::layoutChanged);
    // Several polls with jitter and unrelated changes (idle time of every third session).
    for (quint32 t = 2; t <= 10; t += 2) {
        QList<sc::SessionInfo> next = later(infos, t);
        for (int i = 0; i < next.size(); i += 3)
            next[i].idleSeconds = 0;
        apply(kT0 + t * 1000, next);
        QCOMPARE(column(SessionTableModel::User), before);
    }
    QCOMPARE(layout.count(), 0);
}

void tst_SessionSortFilterProxyModel::filterNarrowsRows()
{
    apply(kT0,
        {sessionInfo(u"ws-alice", u"alice", 10, 0, 1), sessionInfo(u"ws-bob", u"bob", 10, 0, 1),
            sessionInfo(u"10.0.0.7", u"Alicia", 10, 0, 1),
            sessionInfo(u"ws-carol", u"carol", 10, 0, 1)});
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    QSignalSpy filterChanged(m_proxy, &SessionSortFilterProxyModel::filterTextChanged);
    m_proxy->setFilterText(QStringLiteral("ALI"));
    QCOMPARE(filterChanged.count(), 1);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"alice", "Alicia"}));
    QCOMPARE(usersMatching(QStringLiteral("10.0")), (QStringList {"Alicia"}));
    QCOMPARE(usersMatching(QStringLiteral("ws-")), (QStringList {"alice", "bob", "carol"}));
    m_proxy->setFilterText(QStringLiteral("nobody"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setFilterText(QString());
    QCOMPARE(m_proxy->rowCount(), 4);

    // A session arriving later is filtered as well.
    m_proxy->setFilterText(QStringLiteral("bob"));
    apply(kT0 + 2000,
        later(
            {sessionInfo(u"ws-alice", u"alice", 10, 0, 1), sessionInfo(u"ws-bob", u"bob", 10, 0, 1),
                sessionInfo(u"10.0.0.7", u"Alicia", 10, 0, 1),
                sessionInfo(u"ws-carol", u"carol", 10, 0, 1),
                sessionInfo(u"ws-bobby", u"bobby", 0, 0, 0)},
            2));
    QCOMPARE(column(SessionTableModel::User), (QStringList {"bob", "bobby"}));
    QCOMPARE(m_proxy->sessionRow(1).client, QStringLiteral("ws-bobby"));
}

void tst_SessionSortFilterProxyModel::filterIgnoresCaseAndAccents()
{
    apply(kT0,
        {sessionInfo(u"ws-1", u"josé", 10, 0, 1), sessionInfo(u"ws-2", u"JOSE", 10, 0, 1),
            sessionInfo(u"ws-3", u"Jürgen", 10, 0, 1), sessionInfo(u"ws-4", u"straße", 10, 0, 1),
            sessionInfo(u"PC-ÇA", u"zoe", 10, 0, 1),
            sessionInfo(u"ws-6", u"jo\u0301se", 10, 0, 1)});
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    // As operators type: no accents, any case; and what they copied, accents and all.
    for (const QString &typed : {QStringLiteral("jose"), QStringLiteral("JOSÉ"),
             QStringLiteral("José"), QStringLiteral("jo\u0301se")}) {
        m_proxy->setFilterText(typed);
        QVERIFY2(m_proxy->rowCount() == 3, qPrintable(typed));
    }
    QCOMPARE(usersMatching(QStringLiteral("jurgen")), (QStringList {"Jürgen"}));
    QCOMPARE(usersMatching(QStringLiteral("STRASSE")), (QStringList {"straße"}));
    QCOMPARE(usersMatching(QStringLiteral("pc-ca")), (QStringList {"zoe"}));
    // The one definition: folding is the same for the filter and the rows.
    QCOMPARE(SearchText::fold(u"Ångström"), QStringLiteral("angstrom"));
    QCOMPARE(SearchText::fold(u"ALICE"), QStringLiteral("alice"));
}

void tst_SessionSortFilterProxyModel::rowsKeepNoFoldedCopy()
{
    // Rows hold no folded copy of their names: four texts, the numbers and flags (memory per
    // row, BENCHMARKS.md). The filter folds a name beyond ASCII once per filter instead.
    if constexpr (sizeof(void *) == 8)
        QCOMPARE(sizeof(SessionRow), size_t(136));
    FoldedNameCache cache;
    const QString jose = QStringLiteral("José");
    QVERIFY(cache.contains(jose, SearchText::fold(u"JOSE")));
    QVERIFY(!cache.contains(jose, SearchText::fold(u"x")));
    QVERIFY(cache.contains(QStringLiteral("Jürgen"), SearchText::fold(u"urg")));
    QVERIFY(cache.contains(QStringLiteral("ALICE"), SearchText::fold(u"lic")));
    QCOMPARE(cache.size(), 2); // folded once each, ASCII never
    QVERIFY(cache.contains(jose, SearchText::fold(u"jos")));
    QCOMPARE(cache.size(), 2);
    // Names no row holds any more are forgotten as others arrive.
    for (int i = 0; i < 1000; ++i)
        cache.contains(QStringLiteral("Müller%1").arg(i), SearchText::fold(u"mu"));
    QVERIFY2(cache.size() < 600, qPrintable(QString::number(cache.size())));
    QVERIFY(cache.contains(jose, SearchText::fold(u"jos")));
    // ASCII text is compared in place, exactly as its folded form would be.
    const QString texts[]
        = {QStringLiteral("ALICE"), QStringLiteral("Bob_Smith"), QStringLiteral("10.0.0.7"),
            QStringLiteral("Strasse"), QStringLiteral("K"), QStringLiteral("ws-1\\share")};
    const QString typed[] = {QStringLiteral("alice"), QStringLiteral("LIC"), QStringLiteral("_s"),
        QStringLiteral("0.0"), QStringLiteral("straße"), QStringLiteral("\u212A"),
        QStringLiteral("ı"), QStringLiteral("\\SHARE"), QStringLiteral("é")};
    for (const QString &text : texts) {
        for (const QString &filter : typed) {
            const QString folded = SearchText::fold(filter);
            QVERIFY2(SearchText::contains(text, folded)
                    == SearchText::matches(SearchText::fold(text), folded),
                qPrintable(text + QLatin1String(" / ") + filter));
        }
    }

    // User and client stay apart without a folded copy too.
    apply(kT0,
        {sessionInfo(u"10.0.0.7", u"alice", 10, 0, 1), sessionInfo(u"ws-2", u"Bob", 10, 0, 1),
            sessionInfo(u"PC-ÇA", u"zoe", 10, 0, 1)});
    m_proxy->setFilterText(QStringLiteral("e10"));
    QCOMPARE(m_proxy->rowCount(), 0);
    QCOMPARE(usersMatching(QStringLiteral("BOB")), (QStringList {"Bob"}));
    QCOMPARE(usersMatching(QStringLiteral("10.0")), (QStringList {"alice"}));
    QCOMPARE(usersMatching(QStringLiteral("pc-ca")), (QStringList {"zoe"}));
}

void tst_SessionSortFilterProxyModel::withheldRowsWaitForTheNextRefresh()
{
    const QList<sc::SessionInfo> infos = fourSessions();
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    m_proxy->setFilterText(QStringLiteral("pc"));
    int bob = -1;
    int carol = -1;
    for (int s = 0; s < m_model->rowCount(); ++s) {
        if (m_model->row(s).user == QLatin1String("bob"))
            bob = s;
        if (m_model->row(s).user == QLatin1String("carol"))
            carol = s;
    }
    QSignalSpy removed(m_proxy, &QAbstractItemModel::rowsRemoved);
    m_proxy->withholdSourceRows({bob, carol});
    QCOMPARE(column(SessionTableModel::User), (QStringList {"alice", "dave"}));
    QCOMPARE(removed.count(), 1);
    // Filtering again keeps them out until the source refreshes.
    QCOMPARE(usersMatching(QString()), (QStringList {"alice", "dave"}));

    // The next answer: carol is gone, bob is still listed and comes back.
    apply(kT0 + 2000,
        later({sessionInfo(u"pc1", u"alice", 500, 50, 1), sessionInfo(u"pc2", u"bob", 400, 40, 2),
                  sessionInfo(u"pc4", u"dave", 200, 20, 4)},
            2));
    QCOMPARE(column(SessionTableModel::User), (QStringList {"alice", "bob", "dave"}));
}

void tst_SessionSortFilterProxyModel::selectionAndCurrentSurviveRefresh()
{
    const QList<sc::SessionInfo> infos = fourSessions();
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy);
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);

    // Select carol and dave, current on carol.
    const QModelIndex carol = m_proxy->index(2, 0);
    QCOMPARE(carol.data().toString(), QStringLiteral("carol"));
    selection.select(
        QItemSelection(m_proxy->index(2, 0), m_proxy->index(3, SessionTableModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    selection.setCurrentIndex(carol, QItemSelectionModel::NoUpdate);

    // bob leaves, carol's open files change, erin arrives (sorted in front of dave? no:
    // "erin" sorts last), alice stays.
    QList<sc::SessionInfo> next = later(infos, 2);
    next.removeAt(1);
    next[1].openCount = 8;
    next.append(sessionInfo(u"pc5", u"erin", 0, 0, 0));
    apply(kT0 + 2000, next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"alice", "carol", "dave", "erin"}));
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("carol"));
    QCOMPARE(selectedUsers(selection), (QStringList {"carol", "dave"}));
    QCOMPARE(
        m_proxy->index(1, SessionTableModel::OpenFiles).data().toString(), QStringLiteral("8"));
}

void tst_SessionSortFilterProxyModel::selectionSurvivesLargeRefresh()
{
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 400; ++i) {
        infos.append(sessionInfo(u"pc", u"user" + QString::number(1000 + i).toStdU16String(), 5000,
            5000, quint32(i % 10)));
    }
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::OpenFiles, Qt::DescendingOrder);
    QItemSelectionModel selection(m_proxy);
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);
    const auto proxyRowOf = [this](const QString &user) {
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            if (m_proxy->index(r, 0).data().toString() == user)
                return r;
        }
        return -1;
    };
    // user1005 (5 files) and user1398 (8 files) selected, current on user1005.
    for (const char *user : {"user1005", "user1398"}) {
        const int r = proxyRowOf(QLatin1String(user));
        QVERIFY(r >= 0);
        selection.select(
            m_proxy->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    selection.setCurrentIndex(
        m_proxy->index(proxyRowOf(QStringLiteral("user1005")), 0), QItemSelectionModel::NoUpdate);

    // Half the sessions leave, the open counts of many change (user1005's too).
    const QList<sc::SessionInfo> next = TestRecords::nextPoll(
        infos, 2, [](int i) { return i % 2 == 0 && i != 398; }, [](int i) { return i % 5 == 0; },
        9);
    apply(kT0 + 2000, next);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_proxy->rowCount(), int(next.size()));
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("user1005"));
    QCOMPARE(selectedUsers(selection), (QStringList {"user1005", "user1398"}));
    // Still sorted: user1005 now has 9 files, so it is in the group of the first rows.
    const int row = proxyRowOf(QStringLiteral("user1005"));
    for (int r = 0; r <= row; ++r) {
        QCOMPARE(
            m_proxy->index(r, SessionTableModel::OpenFiles).data().toString(), QStringLiteral("9"));
    }
}

void tst_SessionSortFilterProxyModel::changedValueMovesOnlyThatRow()
{
    const QList<sc::SessionInfo> infos
        = {sessionInfo(u"pc1", u"a", 100, 0, 1), sessionInfo(u"pc2", u"b", 100, 0, 2),
            sessionInfo(u"pc3", u"c", 100, 0, 3), sessionInfo(u"pc4", u"d", 100, 0, 4)};
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::OpenFiles, Qt::AscendingOrder);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"a", "b", "c", "d"}));
    QList<sc::SessionInfo> next = later(infos, 2);
    next[0].openCount = 10; // a moves to the end; the others keep their order
    apply(kT0 + 2000, next);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"b", "c", "d", "a"}));
}

void tst_SessionSortFilterProxyModel::flagsAreTheSourceFlags()
{
    apply(kT0, {sessionInfo(u"pc1", u"a", 100, 0, 1), sessionInfo(u"pc2", u"b", 100, 0, 2)});
    m_proxy->sort(SessionTableModel::User, Qt::DescendingOrder);
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        for (int c = 0; c < m_proxy->columnCount(); ++c) {
            const QModelIndex index = m_proxy->index(r, c);
            QCOMPARE(m_proxy->flags(index), m_model->flags(m_proxy->mapToSource(index)));
        }
    }
    QCOMPARE(m_proxy->flags({}), Qt::NoItemFlags);
}

// Delegates ask for all roles of a cell at once: the proxy maps the cell once and the model
// looks the row up once, and the answers are those of data(), role by role.
void tst_SessionSortFilterProxyModel::multiDataAnswersAsData()
{
    apply(kT0, {sessionInfo(u"pc1", u"a", 100, 0, 1), sessionInfo(u"pc2", u"b", 200, 30, 2)});
    m_proxy->sort(SessionTableModel::User, Qt::DescendingOrder);
    const int roles[] = {Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole,
        Qt::ForegroundRole, Qt::FontRole, SessionTableModel::SortRole, SessionTableModel::KeyRole,
        SessionTableModel::OwnSessionRole, SessionTableModel::StaleRole};
    for (const QAbstractItemModel *model : {static_cast<const QAbstractItemModel *>(m_proxy),
             static_cast<const QAbstractItemModel *>(m_model)}) {
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                std::vector<QModelRoleData> data(std::begin(roles), std::end(roles));
                model->multiData(index, data);
                for (const QModelRoleData &answer : data) {
                    const QVariant expected = index.data(answer.role());
                    QCOMPARE(answer.data().metaType(), expected.metaType());
                    QCOMPARE(answer.data(), expected);
                }
            }
        }
    }
}

// A refresh reaches the view as a handful of signals however many rows it touches: the cost
// of QSortFilterProxyModel was one O(rows) pass per source signal.
void tst_SessionSortFilterProxyModel::refreshSignalsDoNotGrowWithRows()
{
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 2000; ++i) {
        infos.append(sessionInfo(u"pc" + QString::number(i).toStdU16String(),
            u"user" + QString::number(10000 + i).toStdU16String(), 5000, quint32(i % 300),
            quint32(i % 7)));
    }
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::IdleTime, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy);
    const auto rowOfUser = [this](const QString &user) {
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            if (m_proxy->index(r, SessionTableModel::User).data().toString() == user)
                return r;
        }
        return -1;
    };
    selection.select(m_proxy->index(rowOfUser(QStringLiteral("user10500")), 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);

    // 50 scattered sessions end, 50 arrive, 200 were active (their idle time restarts, so
    // they move to the top), user10500 among them.
    QList<sc::SessionInfo> next = later(infos, 3);
    next.erase(std::remove_if(next.begin(), next.end(),
                   [](const sc::SessionInfo &i) {
                       const int n = QString::fromStdU16String(i.userName).mid(4).toInt();
                       return n % 40 == 7;
                   }),
        next.end());
    for (auto &i : next) {
        if (QString::fromStdU16String(i.userName).mid(4).toInt() % 10 == 0)
            i.idleSeconds = 0;
    }
    for (int i = 0; i < 50; ++i) {
        next.append(sessionInfo(u"new" + QString::number(i).toStdU16String(),
            u"late" + QString::number(i).toStdU16String(), 1, quint32(i * 7), 0));
    }

    QSignalSpy removed(m_proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(m_proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(m_proxy, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);
    apply(kT0 + 3000, next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(2).toInt() - removed.at(0).at(1).toInt() + 1, 50);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt() - inserted.at(0).at(1).toInt() + 1, 50);
    QVERIFY2(layout.count() <= 3, qPrintable(QString::number(layout.count())));
    QVERIFY2(changed.count() <= 64, qPrintable(QString::number(changed.count())));
    QCOMPARE(m_proxy->rowCount(), int(next.size()));

    // Sorted, and the selection followed user10500 to the top group.
    qint64 previous = -1;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const qint64 idle = m_proxy->index(r, SessionTableModel::IdleTime)
                                .data(SessionTableModel::SortRole)
                                .toLongLong();
        QVERIFY(idle >= previous);
        previous = idle;
    }
    const QModelIndexList selected = selection.selectedRows(SessionTableModel::User);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).data().toString(), QStringLiteral("user10500"));
    QCOMPARE(selected.at(0)
                 .siblingAtColumn(SessionTableModel::IdleTime)
                 .data(SessionTableModel::SortRole)
                 .toLongLong(),
        0);
}

void tst_SessionSortFilterProxyModel::changedCellsAreAnnouncedByViewRange()
{
    using Cells = QList<QRect>;
    const auto cells = &ModelSignalSpies::cells;
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 10; ++i) {
        const std::u16string n = QString::number(i).toStdU16String();
        infos.append(sessionInfo(u"pc" + n, u"user" + n, 100, 10, 0));
    }
    apply(kT0, infos);
    // Descending: source row i is shown in row 9 - i.
    m_proxy->sort(SessionTableModel::User, Qt::DescendingOrder);
    ModelSignalSpies spies(m_proxy);

    QList<sc::SessionInfo> next = later(infos, 2);
    next[0].openCount = 3; // shown in row 9
    next[1].openCount = 2; // row 8
    next[5].idleSeconds = 0; // row 4
    next[6].openCount = 1; // row 3
    apply(kT0 + 2000, next);
    QCOMPARE(spies.structuralCount(), 0);
    // One signal per contiguous range of rows in view order, for the columns that changed
    // in it.
    QCOMPARE(spies.allChangedCells(),
        (Cells {cells(3, SessionTableModel::OpenFiles, 4, SessionTableModel::IdleTime),
            cells(8, SessionTableModel::OpenFiles, 9, SessionTableModel::OpenFiles)}));
    QCOMPARE(m_proxy->index(3, SessionTableModel::OpenFiles).data().toString(), u"1");
    QCOMPARE(m_proxy->index(9, SessionTableModel::OpenFiles).data().toString(), u"3");

    // One cell.
    spies.clear();
    next = later(next, 2);
    next[9].openCount = 4; // row 0
    apply(kT0 + 4000, next);
    QCOMPARE(spies.structuralCount(), 0);
    QCOMPARE(spies.allChangedCells(),
        (Cells {cells(0, SessionTableModel::OpenFiles, 0, SessionTableModel::OpenFiles)}));
}

void tst_SessionSortFilterProxyModel::manyChangedRangesAreAnnouncedAsOne()
{
    // 131 sessions, sorted as in the source. Changing every other one from the second on
    // gives 64 separate ranges up to row 127, and 65 up to row 129.
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 131; ++i) {
        const std::u16string n = QString::number(1000 + i).toStdU16String();
        infos.append(sessionInfo(u"pc" + n, u"user" + n, 100, 10, 0));
    }
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    ModelSignalSpies spies(m_proxy);

    QList<sc::SessionInfo> next = later(infos, 2);
    QList<QRect> each;
    for (int row = 1; row <= 127; row += 2) {
        next[row].openCount = 1;
        each.append(ModelSignalSpies::cells(
            row, SessionTableModel::OpenFiles, row, SessionTableModel::OpenFiles));
    }
    apply(kT0 + 2000, next);
    QCOMPARE(spies.structuralCount(), 0);
    QCOMPARE(spies.allChangedCells(), each);

    spies.clear();
    next = later(next, 2);
    for (int row = 1; row <= 129; row += 2)
        next[row].openCount = 2;
    next[129].idleSeconds = 0;
    apply(kT0 + 4000, next);
    QCOMPARE(spies.structuralCount(), 0);
    QCOMPARE(spies.allChangedCells(),
        QList<QRect> {ModelSignalSpies::cells(
            1, SessionTableModel::OpenFiles, 129, SessionTableModel::IdleTime)});
}

void tst_SessionSortFilterProxyModel::newSessionsHonourTheFilter()
{
    const QList<sc::SessionInfo> infos
        = {sessionInfo(u"pc1", u"alice", 100, 0, 1), sessionInfo(u"pc2", u"bob", 100, 0, 2)};
    apply(kT0, infos);
    m_proxy->sort(SessionTableModel::User, Qt::AscendingOrder);
    QCOMPARE(usersMatching(QStringLiteral("ALI")), (QStringList {"alice"}));
    QList<sc::SessionInfo> next = later(infos, 2);
    next.append(sessionInfo(u"pc3", u"bob2", 1, 0, 0));
    next.append(sessionInfo(u"pc4", u"aaron.alison", 1, 0, 0));
    next.append(sessionInfo(u"alias-pc", u"carol", 1, 0, 0));
    apply(kT0 + 2000, next);
    QCOMPARE(column(SessionTableModel::User), (QStringList {"aaron.alison", "alice", "carol"}));
    m_proxy->setFilterText(QString());
    QCOMPARE(column(SessionTableModel::User),
        (QStringList {"aaron.alison", "alice", "bob", "bob2", "carol"}));
}

void tst_SessionSortFilterProxyModel::matchesAFreshSortAfterRandomRefreshes_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 8; ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

// Refreshes with every kind of change, under every sort column, both orders and a filter,
// against a proxy that sorts and filters the same rows from scratch, and against the sort
// order itself.
void tst_SessionSortFilterProxyModel::matchesAFreshSortAfterRandomRefreshes()
{
    QFETCH(int, seed);
    std::mt19937 random {quint32(seed)};
    const auto below = [&random](int n) { return int(random() % quint32(n)); };
    static const std::u16string kNames[] = {u"alice", u"Alice", u"bob", u"carol.long.name.one",
        u"carol.long.name.two", u"dave", u"Émile", u"zoë"};
    static const std::u16string kTypes[] = {u"Windows 10", u"Samba 4.17", u""};
    static const std::u16string kTransports[] = {u"\\Device\\NetbiosSmb", u"tcp", u""};
    // Level 502 rows, so every column has values that can change and sort.
    const auto randomInfo = [&] {
        const std::u16string client = u"pc" + QString::number(below(50)).toStdU16String();
        sc::SessionInfo i = sessionInfo(client, kNames[below(8)], quint32(100 + below(1000)),
            quint32(below(100)), quint32(below(5)));
        i.level = sc::InfoLevel::Level502;
        i.clientType = kTypes[below(3)];
        i.transport = kTransports[below(3)];
        i.userFlags = quint32(below(4)); // guest and "no password encryption" in any mix
        return i;
    };
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 200; ++i)
        infos.append(randomInfo());
    qint64 now = kT0;
    apply(now, infos);
    QItemSelectionModel selection(m_proxy);

    for (int round = 0; round < 30; ++round) {
        if (below(4) == 0) {
            m_proxy->sort(below(SessionTableModel::ColumnCount + 1) - 1,
                below(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
        }
        if (below(5) == 0) {
            static const QString kFilters[] = {{}, QStringLiteral("a"), QStringLiteral("pc1"),
                QStringLiteral("CAROL"), QStringLiteral("é")};
            m_proxy->setFilterText(kFilters[below(5)]);
        }
        if (m_proxy->rowCount() > 0) {
            selection.select(m_proxy->index(below(m_proxy->rowCount()), 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QList<quint64> selectedKeys;
        for (const QModelIndex &index : selection.selectedRows())
            selectedKeys.append(index.data(SessionTableModel::KeyRole).toULongLong());

        now += 5000;
        QList<sc::SessionInfo> next;
        for (sc::SessionInfo i : std::as_const(infos)) {
            if (below(10) == 0)
                continue; // ended
            i.connectedSeconds += 5;
            i.idleSeconds = below(3) == 0 ? quint32(below(4)) : i.idleSeconds + 5;
            if (below(4) == 0)
                i.openCount = quint32(below(5));
            // The fields that change rarely on a real server, each in some rounds.
            switch (below(12)) {
            case 0:
                i.clientType = kTypes[below(3)];
                break;
            case 1:
                i.transport = kTransports[below(3)];
                break;
            case 2:
                i.userFlags ^= sc::kSessGuest;
                break;
            case 3:
                i.userFlags ^= sc::kSessNoEncryption;
                break;
            default:
                break;
            }
            next.append(i);
        }
        for (int n = below(30); n > 0; --n)
            next.insert(below(int(next.size()) + 1), randomInfo());
        infos = next;
        const QHash<quint64, QStringList> textsBefore = shownTexts();
        QSignalSpy changed(m_proxy, &QAbstractItemModel::dataChanged);
        apply(now, infos);

        // Every cell whose text changed in a row shown before and after is announced.
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            const quint64 key = m_proxy->index(r, 0).data(SessionTableModel::KeyRole).toULongLong();
            const auto before = textsBefore.constFind(key);
            if (before == textsBefore.cend())
                continue;
            for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
                if (m_proxy->index(r, c).data().toString() == before->at(c))
                    continue;
                const bool announced = std::any_of(
                    changed.cbegin(), changed.cend(), [r, c](const QList<QVariant> &signal) {
                        const auto topLeft = signal.at(0).value<QModelIndex>();
                        const auto bottomRight = signal.at(1).value<QModelIndex>();
                        return topLeft.row() <= r && r <= bottomRight.row() && topLeft.column() <= c
                            && c <= bottomRight.column();
                    });
                QVERIFY2(announced,
                    qPrintable(
                        QStringLiteral("round %1 row %2 column %3").arg(round).arg(r).arg(c)));
            }
        }

        SessionSortFilterProxyModel fresh;
        fresh.setFilterText(m_proxy->filterText());
        fresh.setSourceModel(m_model);
        fresh.sort(m_proxy->sortColumn(), m_proxy->sortOrder());
        QCOMPARE(m_proxy->rowCount(), fresh.rowCount());
        for (int r = 0; r < fresh.rowCount(); ++r) {
            QCOMPARE(m_proxy->index(r, 0).data(SessionTableModel::KeyRole),
                fresh.index(r, 0).data(SessionTableModel::KeyRole));
        }
        // The order itself, by the raw values (durations as seconds).
        const int column = m_proxy->sortColumn();
        for (int r = 1; column >= 0 && r < m_proxy->rowCount(); ++r) {
            const QVariant a = m_proxy->index(r - 1, column).data(SessionTableModel::SortRole);
            const QVariant b = m_proxy->index(r, column).data(SessionTableModel::SortRole);
            const int c = a.typeId() == QMetaType::QString
                ? a.toString().compare(b.toString(), Qt::CaseInsensitive)
                : (a.toLongLong() < b.toLongLong() ? -1 : (a.toLongLong() > b.toLongLong()));
            QVERIFY2(m_proxy->sortOrder() == Qt::AscendingOrder ? c <= 0 : c >= 0,
                qPrintable(QStringLiteral("round %1 row %2").arg(round).arg(r)));
        }
        // Selected sessions that are still shown are still selected.
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            const quint64 key = m_proxy->index(r, 0).data(SessionTableModel::KeyRole).toULongLong();
            if (selectedKeys.contains(key))
                QVERIFY(selection.isRowSelected(r));
        }
    }
}

QTEST_MAIN(tst_SessionSortFilterProxyModel)
#include "tst_sessionsortfilterproxymodel.moc"
