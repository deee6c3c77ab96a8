// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsignalspies.h"
#include "scriptedsessionpoller.h"
#include "sessiontablemodel.h"
#include "testrecords.h"

#include <QAbstractItemModelTester>
#include <QMetaEnum>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

namespace {

using TestRecords::sessionInfo;

constexpr qint64 kT0 = 1'700'000'000'000;

QList<sc::SessionInfo> threeSessions(qint64 secondsLater = 0)
{
    const quint32 s = quint32(secondsLater);
    return {sessionInfo(u"pc1", u"alice", 100 + s, 10 + s, 1),
        sessionInfo(u"pc2", u"bob", 200 + s, 20 + s, 2),
        sessionInfo(u"pc3", u"carol", 300 + s, 30 + s, 3)};
}

} // namespace

class tst_SessionTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void firstSnapshotResets();
    void refreshEmitsRangesNotReset();
    void jitterEmitsNothing();
    void scatteredRemovalsKeepContent();
    void largeRefreshIsOneLayoutChange();
    void sameClientAndUserStayDistinctRows();
    void displayAndSortValues();
    void durationsUseTheLocalesDigits();
    void durationsFollowTheClockWithoutSignals();
    void headerData();
    void columnsFollowTheLevel();
    void failedPollMarksStale();
    void mismatchedGenerationAsksForResync();
    void lostAnswerOfTheSameSizeAsksForResync();
    void replaceResets();
    void keyLookup();
    void everyRoleHasAName();
    void changedFieldsMapToColumns();
    void everyFieldChangeAnnouncesItsCell_data();
    void everyFieldChangeAnnouncesItsCell();
    void retranslateAnnouncesTexts();

private:
    std::unique_ptr<SessionTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    ScriptedSessionPoller m_server;
    qint64 m_now = kT0;
};

void tst_SessionTableModel::init()
{
    m_server = ScriptedSessionPoller();
    m_now = kT0;
    m_model = std::make_unique<SessionTableModel>();
    m_model->setClock([this] { return m_now; });
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void tst_SessionTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_SessionTableModel::firstSnapshotResets()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy applied(m_model.get(), &SessionTableModel::snapshotApplied);
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(SessionTableModel::ColumnCount));
    QCOMPARE(m_model->index(1, SessionTableModel::User).data().toString(), QStringLiteral("bob"));
    QCOMPARE(m_model->generation(), m_server.differ().generation());
}

void tst_SessionTableModel::refreshEmitsRangesNotReset()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    const quint64 aliceKey = m_model->row(0).key;
    const quint64 carolKey = m_model->row(2).key;

    ModelSignalSpies spies(m_model.get());

    // Two seconds later: bob is gone, carol opened two more files, dave arrived.
    QList<sc::SessionInfo> next = threeSessions(2);
    next.removeAt(1);
    next[1].openCount = 5;
    next.prepend(sessionInfo(u"pc4", u"dave", 1));
    m_now = kT0 + 2000;
    m_model->applySnapshot(m_server.poll(kT0 + 2000, next));

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.layout.count(), 0);
    QCOMPARE(spies.removed.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(spies.removed[0]), std::make_pair(1, 1));
    QCOMPARE(spies.inserted.count(), 1);
    QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted[0]), std::make_pair(2, 2));
    QCOMPARE(spies.changed.count(), 1);
    const int openFiles = SessionTableModel::OpenFiles;
    QCOMPARE(spies.changedCells(0), ModelSignalSpies::cells(1, openFiles, 1, openFiles));
    const auto roles = spies.changed[0][2].value<QList<int>>();
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(SessionTableModel::SortRole));

    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->row(0).key, aliceKey);
    QCOMPARE(m_model->row(1).key, carolKey);
    QCOMPARE(
        m_model->index(1, SessionTableModel::OpenFiles).data().toString(), QStringLiteral("5"));
    QCOMPARE(m_model->index(2, SessionTableModel::User).data().toString(), QStringLiteral("dave"));
}

void tst_SessionTableModel::jitterEmitsNothing()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    ModelSignalSpies spies(m_model.get());
    QSignalSpy applied(m_model.get(), &SessionTableModel::snapshotApplied);
    // 2.6 s later the server says 2 or 3 s more depending on its clock's phase.
    QList<sc::SessionInfo> next = threeSessions(2);
    next[1].connectedSeconds += 1;
    next[2].idleSeconds += 1;
    m_model->applySnapshot(m_server.poll(kT0 + 2600, next));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.changed.count(), 0);
}

void tst_SessionTableModel::scatteredRemovalsKeepContent()
{
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 200; ++i)
        infos.append(sessionInfo(u"pc" + std::u16string(1, char16_t(u'A' + i % 26)),
            u"user" + QString::number(i).toStdU16String(), 1000 + i));
    m_model->applySnapshot(m_server.poll(kT0, infos));

    // Drop every third and every seventh session, change every fifth, add a few.
    QList<sc::SessionInfo> next = TestRecords::nextPoll(
        infos, 2, [](int i) { return i % 3 == 0 || i % 7 == 0; }, [](int i) { return i % 5 == 0; },
        9);
    for (int i = 0; i < 5; ++i)
        next.append(sessionInfo(u"new", u"n" + QString::number(i).toStdU16String(), 0));

    ModelSignalSpies spies(m_model.get());
    const SessionSnapshot s = m_server.poll(kT0 + 2000, next);
    // Range by range, however many there are.
    m_model->setBulkThreshold(std::numeric_limits<int>::max());
    m_model->applySnapshot(s);
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), s.delta.removed.size());
    QVERIFY(spies.removed.count() > 10);
    QCOMPARE(spies.inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), int(next.size()));
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QCOMPARE(m_model->row(r).key, s.delta.rows[r].key);
        QCOMPARE(
            m_model->index(r, SessionTableModel::User).data().toString(), s.delta.rows[r].user);
    }
    // Survivors kept their relative order.
    QCOMPARE(m_model->index(0, SessionTableModel::User).data().toString(), QStringLiteral("user1"));
    QCOMPARE(m_model->index(1, SessionTableModel::User).data().toString(), QStringLiteral("user2"));
    QCOMPARE(m_model->index(2, SessionTableModel::User).data().toString(), QStringLiteral("user4"));
}

void tst_SessionTableModel::largeRefreshIsOneLayoutChange()
{
    QList<sc::SessionInfo> infos;
    for (int i = 0; i < 300; ++i)
        infos.append(sessionInfo(u"pc", u"user" + QString::number(i).toStdU16String(), 1000, 1000));
    m_model->applySnapshot(m_server.poll(kT0, infos));
    const QPersistentModelIndex survivor = m_model->index(250, SessionTableModel::OpenFiles);
    const QPersistentModelIndex leaver = m_model->index(99, SessionTableModel::User);
    const quint64 survivorKey = m_model->row(250).key;

    // Every 3rd session leaves, every 4th changes: far more ranges than the threshold.
    QList<sc::SessionInfo> next = TestRecords::nextPoll(
        infos, 2, [](int i) { return i % 3 == 0; }, [](int i) { return i % 4 == 0; }, 4);
    next.append(sessionInfo(u"new", u"newcomer", 0, 0));
    const SessionSnapshot s = m_server.poll(kT0 + 2000, next);
    QVERIFY(s.delta.removed.size() + s.delta.changed.size() > m_model->bulkThreshold());

    QSignalSpy layoutAbout(m_model.get(), &QAbstractItemModel::layoutAboutToBeChanged);
    ModelSignalSpies spies(m_model.get());
    m_model->applySnapshot(s);
    QCOMPARE(layoutAbout.count(), 1);
    QCOMPARE(spies.layout.count(), 1);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.changed.count(), 0);
    QCOMPARE(spies.reset.count(), 0);

    QCOMPARE(m_model->rowCount(), int(next.size()));
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->row(r).key, s.delta.rows[r].key);
    // 250 had 84 removed rows above it (0, 3, ..., 249).
    QVERIFY(survivor.isValid());
    QCOMPARE(survivor.row(), 250 - 84);
    QCOMPARE(survivor.column(), int(SessionTableModel::OpenFiles));
    QCOMPARE(m_model->row(survivor.row()).key, survivorKey);
    QVERIFY(!leaver.isValid());
    QCOMPARE(
        m_model->index(m_model->rowCount() - 1, 0).data().toString(), QStringLiteral("newcomer"));
}

void tst_SessionTableModel::sameClientAndUserStayDistinctRows()
{
    m_model->applySnapshot(m_server.poll(
        kT0, {sessionInfo(u"pc1", u"alice", 100, 5, 1), sessionInfo(u"pc1", u"alice", 50, 5, 7)}));
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->row(0).key != m_model->row(1).key);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // The older session ends; the younger stays, unchanged.
    m_model->applySnapshot(m_server.poll(kT0 + 2000, {sessionInfo(u"pc1", u"alice", 52, 7, 7)}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed[0][1].toInt(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->row(0).openCount, 7u);
}

void tst_SessionTableModel::displayAndSortValues()
{
    m_model->applySnapshot(m_server.poll(kT0,
        {sessionInfo(u"pc1", u"alice", 3725, 59, 1234, sc::kSessGuest | sc::kSessNoEncryption)}));
    const auto cell = [this](SessionTableModel::Column c, int role = Qt::DisplayRole) {
        return m_model->index(0, c).data(role);
    };
    QCOMPARE(cell(SessionTableModel::ConnectedTime).toString(), QStringLiteral("1:02:05"));
    QCOMPARE(cell(SessionTableModel::IdleTime).toString(), QStringLiteral("0:00:59"));
    QCOMPARE(cell(SessionTableModel::OpenFiles).toString(), QLocale().toString(1234));
    QCOMPARE(cell(SessionTableModel::Guest).toString(), QStringLiteral("Yes"));
    // SESS_NOENCRYPTION is about the password at logon, never "encryption" of the session.
    QCOMPARE(cell(SessionTableModel::Encryption).toString(), QStringLiteral("Yes"));
    QCOMPARE(m_model->headerData(SessionTableModel::Encryption, Qt::Horizontal).toString(),
        QStringLiteral("Plain-text password"));
    QVERIFY(!m_model->headerData(SessionTableModel::Encryption, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .startsWith(QLatin1String("\"None\"")));
    QCOMPARE(cell(SessionTableModel::Computer).toString(), QStringLiteral("pc1"));

    QCOMPARE(
        cell(SessionTableModel::OpenFiles, SessionTableModel::SortRole).typeId(), QMetaType::UInt);
    QCOMPARE(cell(SessionTableModel::OpenFiles, SessionTableModel::SortRole).toUInt(), 1234u);
    QCOMPARE(
        cell(SessionTableModel::ConnectedTime, SessionTableModel::SortRole).toLongLong(), 3725);
    QCOMPARE(cell(SessionTableModel::IdleTime, SessionTableModel::SortRole).toLongLong(), 59);
    QCOMPARE(cell(SessionTableModel::Guest, SessionTableModel::SortRole).toBool(), true);
    QVERIFY(cell(SessionTableModel::User, SessionTableModel::KeyRole).toULongLong() != 0);
    QCOMPARE(cell(SessionTableModel::User, SessionTableModel::RowRole).value<SessionRow>().user,
        QStringLiteral("alice"));
    QCOMPARE(cell(SessionTableModel::User, SessionTableModel::OwnSessionRole).toBool(), false);
    // No tooltip is an invalid value, not an empty text.
    QVERIFY(!cell(SessionTableModel::Transport, Qt::ToolTipRole).isValid());
    QVERIFY(!cell(SessionTableModel::Encryption, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(cell(SessionTableModel::ConnectedTime, Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Connected since")));

    QCOMPARE(SessionTableModel::formatDuration(0), QStringLiteral("0:00:00"));
    QCOMPARE(SessionTableModel::formatDuration(100 * 3600 + 61), QStringLiteral("100:01:01"));
}

// The durations are written with the locale's digits and no group separator, in the
// translation's order: the same text as QLocale::toString() would give, for every locale.
void tst_SessionTableModel::durationsUseTheLocalesDigits()
{
    const QLocale before;
    for (const char *name : {"en_US", "de_DE", "fr_FR", "hi_IN", "ar_EG", "fa_IR"}) {
        QLocale locale(QLatin1StringView {name});
        QLocale::setDefault(locale);
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        const QChar zero = locale.zeroDigit().at(0);
        for (const qint64 seconds :
            {0LL, 59LL, 61LL, 3599LL, 3600LL, 36'061LL, 4'442'706LL, 1'234'567'890LL}) {
            const QString expected
                = QStringLiteral("%1:%2:%3")
                      .arg(locale.toString(seconds / 3600))
                      .arg(locale.toString(seconds / 60 % 60).rightJustified(2, zero))
                      .arg(locale.toString(seconds % 60).rightJustified(2, zero));
            QCOMPARE(SessionTableModel::formatDuration(seconds), expected);
        }
    }
    QLocale::setDefault(before);
    QCOMPARE(
        SessionTableModel::formatDuration(1234 * 3600 + 5 * 60 + 6), QStringLiteral("1234:05:06"));
}

void tst_SessionTableModel::durationsFollowTheClockWithoutSignals()
{
    m_model->applySnapshot(m_server.poll(kT0, {sessionInfo(u"pc1", u"alice", 10, 5)}));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy ticked(m_model.get(), &SessionTableModel::ticked);
    m_now = kT0 + 61'000;
    QCOMPARE(m_model->index(0, SessionTableModel::ConnectedTime).data().toString(),
        QStringLiteral("0:00:10"));
    m_model->tick();
    QCOMPARE(ticked.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->now(), kT0 + 61'000);
    QCOMPARE(m_model->index(0, SessionTableModel::ConnectedTime).data().toString(),
        QStringLiteral("0:01:11"));
    QCOMPARE(m_model->index(0, SessionTableModel::IdleTime).data().toString(),
        QStringLiteral("0:01:06"));
}

void tst_SessionTableModel::headerData()
{
    for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
        QVERIFY2(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty(),
            qPrintable(QString::number(c)));
    }
    QCOMPARE(m_model->headerData(SessionTableModel::IdleTime, Qt::Horizontal).toString(),
        QStringLiteral("Idle"));
    QVERIFY(!m_model->headerData(SessionTableModel::ColumnCount, Qt::Horizontal).isValid());
}

void tst_SessionTableModel::columnsFollowTheLevel()
{
    // Before any answer every column may be shown.
    QVERIFY(m_model->columnAvailable(SessionTableModel::Transport));
    QSignalSpy columns(m_model.get(), &SessionTableModel::availableColumnsChanged);
    m_model->applySnapshot(m_server.poll(kT0, threeSessions(), sc::InfoLevel::Level1));
    QCOMPARE(columns.count(), 1);
    QVERIFY(m_model->columnAvailable(SessionTableModel::User));
    QVERIFY(m_model->columnAvailable(SessionTableModel::OpenFiles));
    QVERIFY(m_model->columnAvailable(SessionTableModel::Guest));
    QVERIFY(!m_model->columnAvailable(SessionTableModel::ClientType));
    QVERIFY(!m_model->columnAvailable(SessionTableModel::Transport));
    m_model->applySnapshot(m_server.poll(kT0 + 2000, threeSessions(2), sc::InfoLevel::Level1));
    QCOMPARE(columns.count(), 1);

    QList<sc::SessionInfo> level10 = threeSessions(4);
    for (auto &i : level10) {
        i.level = sc::InfoLevel::Level10;
        i.openCount = 0;
    }
    m_model->applySnapshot(m_server.poll(kT0 + 4000, level10, sc::InfoLevel::Level10));
    QCOMPARE(columns.count(), 2);
    QCOMPARE(m_model->level(), sc::InfoLevel::Level10);
    QVERIFY(!m_model->columnAvailable(SessionTableModel::OpenFiles));
    QVERIFY(m_model->columnAvailable(SessionTableModel::IdleTime));
}

void tst_SessionTableModel::failedPollMarksStale()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QSignalSpy stale(m_model.get(), &SessionTableModel::staleChanged);
    ModelSignalSpies spies(m_model.get());
    m_model->applySnapshot(m_server.fail(kT0 + 2000, sc::ErrorKind::Timeout));
    QVERIFY(m_model->isStale());
    QCOMPARE(stale.count(), 1);
    QCOMPARE(stale[0][0].toBool(), true);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.changed.count(), 1); // one signal for every row, only the stale roles
    QVERIFY(spies.changed[0][2].value<QList<int>>().contains(SessionTableModel::StaleRole));
    QVERIFY(m_model->lastError().has_value());
    QCOMPARE(m_model->lastError()->kind(), sc::ErrorKind::Timeout);
    QCOMPARE(m_model->index(0, 0).data(SessionTableModel::StaleRole).toBool(), true);
    QVERIFY(m_model->index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(
        m_model->index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("outdated")));

    // The server answers again: fresh, and the rows are matched as before.
    m_model->applySnapshot(m_server.poll(kT0 + 6000, threeSessions(6)));
    QVERIFY(!m_model->isStale());
    QCOMPARE(stale.count(), 2);
    QCOMPARE(spies.removed.count(), 0);
    QVERIFY(!m_model->index(0, 0).data(Qt::ForegroundRole).isValid());
}

void tst_SessionTableModel::mismatchedGenerationAsksForResync()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    // A delta the model never saw the base of (one poll's answer was lost).
    (void)m_server.poll(kT0 + 2000, threeSessions(2).mid(0, 2));
    const SessionSnapshot skipped = m_server.poll(kT0 + 4000, threeSessions(4).mid(0, 1));
    QSignalSpy resync(m_model.get(), &SessionTableModel::resyncRequested);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->applySnapshot(skipped);
    QCOMPARE(resync.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_model->rowCount(), 3);

    m_server.differ().reset();
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->applySnapshot(m_server.poll(kT0 + 6000, threeSessions(6).mid(0, 1)));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
}

// A lost answer that swapped one session for another leaves the row count as it was, so
// only the generation tells that the next delta does not fit the rows shown.
void tst_SessionTableModel::lostAnswerOfTheSameSizeAsksForResync()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QList<sc::SessionInfo> swapped = threeSessions(2);
    swapped[2] = sessionInfo(u"pc9", u"dave", 5, 5, 0);
    (void)m_server.poll(kT0 + 2000, swapped); // lost on the way
    QList<sc::SessionInfo> next = swapped;
    next[2].openCount = 4;
    const SessionSnapshot late = m_server.poll(kT0 + 4000, next);
    QCOMPARE(late.delta.removedCount(), 0);
    QCOMPARE(late.delta.insertFirst, 3);

    QSignalSpy resync(m_model.get(), &SessionTableModel::resyncRequested);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applySnapshot(late);
    QCOMPARE(resync.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->index(2, SessionTableModel::User).data().toString(), QStringLiteral("carol"));
}

void tst_SessionTableModel::replaceResets()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_SessionTableModel::keyLookup()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    const quint64 key = m_model->row(2).key;
    const auto rowOfKey = [this](quint64 k) {
        const QModelIndexList found = m_model->match(m_model->index(0, 0),
            SessionTableModel::KeyRole, QVariant::fromValue(k), 1, Qt::MatchExactly);
        return found.isEmpty() ? -1 : found.first().row();
    };
    QCOMPARE(rowOfKey(key), 2);
    QCOMPARE(rowOfKey(0), -1);
}

// Every role has a name, those every table answers and the model's own: the key without
// "Role".
void tst_SessionTableModel::everyRoleHasAName()
{
    const QHash<int, QByteArray> names = m_model->roleNames();
    int roles = 0;
    for (const QMetaEnum e : {QMetaEnum::fromType<DeltaTableModel::TableRole>(),
             QMetaEnum::fromType<SessionTableModel::Role>()}) {
        for (int i = 0; i < e.keyCount(); ++i, ++roles)
            QVERIFY2(names.contains(e.value(i)), e.key(i));
    }
    QCOMPARE(roles, 6);
    QCOMPARE(names.size(), 6 + roles); // Qt's six (display ... whatsThis) and ours
    QCOMPARE(names.value(SessionTableModel::OwnSessionRole), QByteArray("ownSession"));
    QCOMPARE(names.value(SessionTableModel::RowRole), QByteArray("row"));
}

// The differ reports SessionRow's changed fields; these are the columns that show them.
void tst_SessionTableModel::changedFieldsMapToColumns()
{
    using M = SessionTableModel;
    using R = SessionRow;
    const struct
    {
        quint32 changes;
        quint32 columns;
    } expected[] = {
        {R::NoChange, 0},
        {R::UserChange, 1u << M::User},
        {R::OwnSessionChange, 1u << M::User},
        {R::ClientChange, 1u << M::Computer},
        {R::ClientTypeChange, 1u << M::ClientType},
        {R::OpenCountChange | R::GuestChange, 1u << M::OpenFiles | 1u << M::Guest},
        {R::ConnectedSinceChange, 1u << M::ConnectedTime},
        {R::IdleSinceChange, 1u << M::IdleTime},
        {R::TransportChange, 1u << M::Transport},
        {R::UnencryptedChange, 1u << M::Encryption},
        {R::LevelChange | R::UserChange, (1u << M::ColumnCount) - 1},
    };
    for (const auto &[changes, columns] : expected)
        QCOMPARE(m_model->columnsOf(changes), columns);

    // And a refresh announces exactly those cells.
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QList<sc::SessionInfo> next = threeSessions(5);
    next[1].openCount = 9;
    m_model->applySnapshot(m_server.poll(kT0 + 5000, next));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(1, SessionTableModel::OpenFiles));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(1, SessionTableModel::OpenFiles));
}

void tst_SessionTableModel::everyFieldChangeAnnouncesItsCell_data()
{
    using M = SessionTableModel;
    QTest::addColumn<int>("field");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("lastColumn");
    QTest::newRow("client type") << 0 << int(M::ClientType) << int(M::ClientType);
    QTest::newRow("transport") << 1 << int(M::Transport) << int(M::Transport);
    QTest::newRow("guest flag") << 2 << int(M::Guest) << int(M::Guest);
    QTest::newRow("password flag") << 3 << int(M::Encryption) << int(M::Encryption);
    QTest::newRow("open files") << 4 << int(M::OpenFiles) << int(M::OpenFiles);
    QTest::newRow("new activity") << 5 << int(M::IdleTime) << int(M::IdleTime);
    // Two fields of one row: one signal over the columns between them.
    QTest::newRow("open files and guest") << 6 << int(M::OpenFiles) << int(M::Guest);
}

// One field of one level-502 session changes between two polls: the differ reports it and
// exactly that cell is announced, with its new value, whatever the column. (The differ's own
// tests compare two of its code paths, which share the field comparison; this one does not.)
void tst_SessionTableModel::everyFieldChangeAnnouncesItsCell()
{
    QFETCH(int, field);
    QFETCH(int, column);
    QFETCH(int, lastColumn);
    const auto sessions = [](quint32 later) {
        QList<sc::SessionInfo> list = {
            sessionInfo(u"pc1", u"alice", 100 + later, 10 + later, 1, 0, sc::InfoLevel::Level502),
            sessionInfo(u"pc2", u"bob", 200 + later, 20 + later, 2, 0, sc::InfoLevel::Level502),
            sessionInfo(u"pc3", u"carol", 300 + later, 30 + later, 3, 0, sc::InfoLevel::Level502)};
        for (sc::SessionInfo &i : list) {
            i.clientType = u"Windows 10";
            i.transport = u"tcp";
        }
        return list;
    };
    m_model->applySnapshot(m_server.poll(kT0, sessions(0), sc::InfoLevel::Level502));
    const QVariant before = m_model->index(1, column).data(SessionTableModel::SortRole);

    QList<sc::SessionInfo> next = sessions(5);
    sc::SessionInfo &bob = next[1];
    switch (field) {
    case 0:
        bob.clientType = u"Samba 4.17";
        break;
    case 1:
        bob.transport = u"\\Device\\NetbiosSmb";
        break;
    case 2:
        bob.userFlags ^= sc::kSessGuest;
        break;
    case 3:
        bob.userFlags ^= sc::kSessNoEncryption;
        break;
    case 4:
        bob.openCount = 7;
        break;
    case 5:
        bob.idleSeconds = 0;
        break;
    case 6:
        bob.openCount = 7;
        bob.userFlags ^= sc::kSessGuest;
        break;
    }
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applySnapshot(m_server.poll(kT0 + 5000, next, sc::InfoLevel::Level502));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(1, column));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(1, lastColumn));
    QVERIFY(m_model->index(1, column).data(SessionTableModel::SortRole) != before);
}

// Connected to LanguageManager::languageChanged by the application: headers and cells are
// announced again, in one signal each.
void tst_SessionTableModel::retranslateAnnouncesTexts()
{
    m_model->applySnapshot(m_server.poll(kT0, threeSessions()));
    QSignalSpy headers(m_model.get(), &QAbstractItemModel::headerDataChanged);
    QSignalSpy cells(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->retranslate();
    QCOMPARE(headers.count(), 1);
    QCOMPARE(headers.at(0).at(1).toInt(), 0);
    QCOMPARE(headers.at(0).at(2).toInt(), SessionTableModel::ColumnCount - 1);
    QCOMPARE(cells.count(), 1);
    QCOMPARE(cells.at(0).at(0).toModelIndex(), m_model->index(0, 0));
    QCOMPARE(
        cells.at(0).at(1).toModelIndex(), m_model->index(2, SessionTableModel::ColumnCount - 1));
    QCOMPARE(
        cells.at(0).at(2).value<QList<int>>(), (QList<int> {Qt::DisplayRole, Qt::ToolTipRole}));

    // A language change alone no longer reaches the model: the signal is the one way in.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(headers.count(), 1);
}

QTEST_MAIN(tst_SessionTableModel)
#include "tst_sessiontablemodel.moc"
