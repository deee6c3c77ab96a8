// SPDX-License-Identifier: GPL-3.0-or-later
// Find User's results: answers arriving one by one, a failed server, a server without the
// user, an update in place, each with the exact signals a view relies on.
#include "findusermodel.h"
#include "modelsignalspies.h"
#include "sessionrow.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

SessionRow session(quint64 key, const QString &user, const QString &client, quint32 open,
    sc::InfoLevel level = sc::InfoLevel::Level1)
{
    SessionRow row;
    row.key = key;
    row.user = user;
    row.client = client;
    row.openCount = open;
    row.level = level;
    if (level != sc::InfoLevel::Level0) {
        row.connectedSinceMs = kNow - 3'725'000; // 1:02:05
        row.idleSinceMs = kNow - 65'000; // 0:01:05
    }
    return row;
}

} // namespace

class tst_FindUserModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<FindUserModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->start(QStringLiteral("alice"),
            {QStringLiteral("fs-a"), QStringLiteral("fs-b"), QStringLiteral("fs-c")});
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void everyServerStartsAsking()
    {
        QCOMPARE(m_model->rowCount(), 3);
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(text(r, FindUserModel::User), QStringLiteral("Asking…"));
            QCOMPARE(m_model->keyOfRow(r), 0u);
        }
        QCOMPARE(text(1, FindUserModel::Server), QStringLiteral("fs-b"));
        QCOMPARE(m_model->summary(),
            QStringLiteral("alice: 0 session(s) on 0 of 3 server(s); 3 still asking"));
    }

    // Answers come one by one: each changes only its server's block.
    void answersArriveOneByOne()
    {
        Spies spies(m_model.get());
        // fs-b first: two of alice's sessions (another case, one name) among others.
        m_model->applyAnswer(QStringLiteral("fs-b"),
            {session(11, QStringLiteral("bob"), QStringLiteral("PC-1"), 1),
                session(12, QStringLiteral("ALICE"), QStringLiteral("PC-2"), 4),
                session(13, QStringLiteral("alice"), QStringLiteral("PC-3"), 0)},
            kNow);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.removed.count(), 1); // the state row
        QCOMPARE(ModelSignalSpies::rowsOf(spies.removed.at(0)), std::make_pair(1, 1));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted.at(0)), std::make_pair(1, 2));
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.summary.count(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(text(1, FindUserModel::User), QStringLiteral("ALICE"));
        QCOMPARE(text(1, FindUserModel::Client), QStringLiteral("PC-2"));
        QCOMPARE(text(1, FindUserModel::OpenFiles), QStringLiteral("4"));
        QCOMPARE(text(1, FindUserModel::ConnectedTime), QStringLiteral("1:02:05"));
        QCOMPARE(text(1, FindUserModel::IdleTime), QStringLiteral("0:01:05"));
        QCOMPARE(m_model->keyOfRow(2), 13u);
        QCOMPARE(m_model->serverOfRow(2), QStringLiteral("fs-b"));
        QCOMPARE(text(3, FindUserModel::User), QStringLiteral("Asking…"));
        QCOMPARE(m_model->summary(),
            QStringLiteral("alice: 2 session(s) on 1 of 3 server(s); 2 still asking"));

        // fs-a then: one session, level 0 reports no counters, so none are shown.
        spies.clear();
        m_model->applyAnswer(QStringLiteral("fs-a"),
            {session(
                21, QStringLiteral("alice"), QStringLiteral("PC-9"), 0, sc::InfoLevel::Level10)},
            kNow);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted.at(0)), std::make_pair(0, 0));
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(text(0, FindUserModel::OpenFiles), QString()); // level 10: no count
        QCOMPARE(text(0, FindUserModel::ConnectedTime), QStringLiteral("1:02:05"));
        QCOMPARE(m_model->summary(),
            QStringLiteral("alice: 3 session(s) on 2 of 3 server(s); 1 still asking"));
    }

    void failedServerShowsItsError()
    {
        Spies spies(m_model.get());
        m_model->applyFailure(QStringLiteral("fs-c"), QStringLiteral("The server refused."));
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
        QCOMPARE(text(2, FindUserModel::User), QStringLiteral("The server refused."));
        QCOMPARE(m_model->state(QStringLiteral("fs-c")), FindUserModel::State::Failed);
        QCOMPARE(m_model->summary(),
            QStringLiteral(
                "alice: 0 session(s) on 0 of 3 server(s); 1 server(s) failed; 2 still asking"));

        // A server that had sessions and fails: they go, nothing stale is shown as found.
        m_model->applyAnswer(QStringLiteral("fs-a"),
            {session(1, QStringLiteral("alice"), QStringLiteral("PC-1"), 1),
                session(2, QStringLiteral("alice"), QStringLiteral("PC-2"), 1)},
            kNow);
        QCOMPARE(m_model->rowCount(), 4);
        spies.clear();
        m_model->applyFailure(QStringLiteral("fs-a"), QStringLiteral("Timed out."));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.removed.at(0)), std::make_pair(0, 1));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted.at(0)), std::make_pair(0, 0));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(text(0, FindUserModel::User), QStringLiteral("Timed out."));
        QCOMPARE(m_model->summary(),
            QStringLiteral(
                "alice: 0 session(s) on 0 of 3 server(s); 2 server(s) failed; 1 still asking"));
    }

    void serverWithoutTheUserSaysNoSessions()
    {
        Spies spies(m_model.get());
        // "alicia" and "alice2" are other names; only sc::namesEqual's equality counts.
        m_model->applyAnswer(QStringLiteral("fs-a"),
            {session(1, QStringLiteral("alicia"), QStringLiteral("PC-1"), 1),
                session(2, QStringLiteral("alice2"), QStringLiteral("PC-2"), 1)},
            kNow);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
        QCOMPARE(text(0, FindUserModel::User), QStringLiteral("No sessions"));
        QCOMPARE(m_model->state(QStringLiteral("fs-a")), FindUserModel::State::Answered);

        // An answer without user names (level 0) cannot tell: it does not say "no sessions".
        m_model->applyAnswer(QStringLiteral("fs-b"),
            {session(3, QString(), QStringLiteral("PC-3"), 0, sc::InfoLevel::Level0)}, kNow);
        QCOMPARE(m_model->state(QStringLiteral("fs-b")), FindUserModel::State::NoUserNames);
        QVERIFY(text(1, FindUserModel::User).startsWith(QStringLiteral("Cannot tell")));
        QCOMPARE(m_model->summary(),
            QStringLiteral("alice: 0 session(s) on 0 of 3 server(s); 1 server(s) cannot tell; "
                           "1 still asking"));
    }

    // The next answer of a server updates its rows in place, keyed by session.
    void laterAnswerUpdatesInPlace()
    {
        const QList<SessionRow> first
            = {session(1, QStringLiteral("alice"), QStringLiteral("PC-1"), 1),
                session(2, QStringLiteral("alice"), QStringLiteral("PC-2"), 2),
                session(3, QStringLiteral("alice"), QStringLiteral("PC-3"), 3)};
        m_model->applyAnswer(QStringLiteral("fs-b"), first, kNow);
        QCOMPARE(m_model->rowCount(), 5); // fs-a, three sessions, fs-c
        const QPersistentModelIndex pc2 = m_model->index(2, FindUserModel::OpenFiles);

        Spies spies(m_model.get());
        QList<SessionRow> second = first;
        second[1].openCount = 7;
        m_model->applyAnswer(QStringLiteral("fs-b"), second, kNow);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(spies.summary.count(), 0);
        QCOMPARE(pc2.data().toString(), QStringLiteral("7"));

        // One session ends, another starts: one removal, one insertion, no reset.
        spies.clear();
        QList<SessionRow> third = {second.at(1), second.at(2),
            session(4, QStringLiteral("Alice"), QStringLiteral("PC-4"), 0)};
        m_model->applyAnswer(QStringLiteral("fs-b"), third, kNow);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.removed.at(0)), std::make_pair(1, 1));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(ModelSignalSpies::rowsOf(spies.inserted.at(0)), std::make_pair(3, 3));
        QCOMPARE(spies.changed.count(), 0);
        QVERIFY(pc2.isValid());
        QCOMPARE(pc2.row(), 1);
        QCOMPARE(m_model->keyOfRow(3), 4u);

        // Time passes: the durations of the rows shown change, in one range.
        spies.clear();
        m_model->applyAnswer(QStringLiteral("fs-b"), third, kNow + 1000);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(spies.changed.at(0).at(1).toModelIndex().row(), 3);
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.reset.count(), 0);
    }

    void serversJoinAndLeave()
    {
        Spies spies(m_model.get());
        m_model->addServer(QStringLiteral("fs-d"));
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(m_model->serverCount(), 4);
        m_model->removeServer(QStringLiteral("fs-b"));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 1);
        QCOMPARE(m_model->serverOfRow(1), QStringLiteral("fs-c"));
        QCOMPARE(spies.reset.count(), 0);
    }

private:
    // The model's signals and its summary's.
    struct Spies : ModelSignalSpies
    {
        explicit Spies(FindUserModel *model)
            : ModelSignalSpies(model)
            , summary(model, &FindUserModel::summaryChanged)
        {
        }
        void clear()
        {
            ModelSignalSpies::clear();
            summary.clear();
        }
        QSignalSpy summary;
    };

    QString text(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::unique_ptr<FindUserModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_FindUserModel)
#include "tst_findusermodel.moc"
