// SPDX-License-Identifier: GPL-3.0-or-later
// The details dialog follows its row through model changes and says when the session ended.
#include "sessiondetailsdialog.h"
#include "sessiontablemodel.h"

#include <QLabel>
#include <QPushButton>
#include <QtTest>

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // a fixed wall clock, ms since the epoch

SessionRow makeRow(quint64 key, const QString &user, const QString &client, quint32 openCount,
    qint64 connectedSeconds, qint64 idleSeconds)
{
    SessionRow row;
    row.key = key;
    row.user = user;
    row.client = client;
    row.openCount = openCount;
    row.connectedSinceMs = kNow - connectedSeconds * 1000;
    row.idleSinceMs = kNow - idleSeconds * 1000;
    row.level = sc::InfoLevel::Level1;
    return row;
}

SessionSnapshot replaceWith(const QList<SessionRow> &rows)
{
    SessionSnapshot s;
    s.epoch = 1;
    s.pollTimeMs = kNow;
    s.hasRows = true;
    s.level = sc::InfoLevel::Level1;
    s.delta.replace = true;
    s.delta.generation = 1;
    s.delta.rows = rows;
    s.delta.insertFirst = int(rows.size());
    return s;
}

/// The poll after replaceWith() of two rows: the first has gone, @p second is what is left.
SessionSnapshot firstRowGone(const SessionRow &second)
{
    SessionSnapshot s;
    s.epoch = 1;
    s.pollTimeMs = kNow;
    s.hasRows = true;
    s.level = sc::InfoLevel::Level1;
    s.delta.baseGeneration = 1;
    s.delta.generation = 2;
    s.delta.removed = {{0, 0}};
    s.delta.rows = {second};
    s.delta.insertFirst = 1;
    return s;
}

} // namespace

class TestSessionDetailsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<SessionTableModel>();
        m_model->setClock([this] { return m_now; });
        m_now = kNow;
        m_model->applySnapshot(replaceWith(
            {makeRow(11, QStringLiteral("alice"), QStringLiteral("10.0.0.5"), 3, 3725, 65),
                makeRow(12, QStringLiteral("josé"), QStringLiteral("10.0.0.7"), 12, 40, 9)}));
        QCOMPARE(m_model->rowCount(), 2);
    }
    void cleanup() { m_model.reset(); }

    void showsTheFieldsOfTheLevel()
    {
        SessionDetailsDialog dialog(m_model->index(1, SessionTableModel::IdleTime));
        QCOMPARE(dialog.valueText(SessionTableModel::User), QStringLiteral("josé"));
        QCOMPARE(dialog.valueText(SessionTableModel::Computer), QStringLiteral("10.0.0.7"));
        QCOMPARE(dialog.valueText(SessionTableModel::OpenFiles), QStringLiteral("12"));
        QCOMPARE(dialog.valueText(SessionTableModel::ConnectedTime), QStringLiteral("0:00:40"));
        QCOMPARE(dialog.valueText(SessionTableModel::IdleTime), QStringLiteral("0:00:09"));
        QCOMPARE(dialog.valueText(SessionTableModel::Guest), QStringLiteral("No"));
        // Level 1 has no client type and no transport: not shown rather than empty.
        QCOMPARE(dialog.valueText(SessionTableModel::ClientType), QString());
        QCOMPARE(dialog.valueText(SessionTableModel::Transport), QString());
        QVERIFY(!dialog.hasEnded());
        QVERIFY(dialog.disconnectButton()->isEnabled());
    }

    void durationsTick()
    {
        SessionDetailsDialog dialog(m_model->index(0, 0));
        QCOMPARE(dialog.valueText(SessionTableModel::ConnectedTime), QStringLiteral("1:02:05"));
        m_now += 5000;
        m_model->tick();
        QCOMPARE(dialog.valueText(SessionTableModel::ConnectedTime), QStringLiteral("1:02:10"));
        QCOMPARE(dialog.valueText(SessionTableModel::IdleTime), QStringLiteral("0:01:10"));
    }

    void followsItsRowThroughChanges()
    {
        SessionDetailsDialog dialog(m_model->index(1, 0));
        // alice (row 0) goes, josé moves up to row 0 and opens two more files.
        SessionSnapshot next = firstRowGone(
            makeRow(12, QStringLiteral("josé"), QStringLiteral("10.0.0.7"), 14, 40, 0));
        next.delta.changed = {{0, 0, SessionRow::OpenCountChange | SessionRow::IdleSinceChange}};
        m_model->applySnapshot(next);
        QCOMPARE(m_model->rowCount(), 1);

        QVERIFY(!dialog.hasEnded());
        QCOMPARE(dialog.index().row(), 0);
        QCOMPARE(dialog.valueText(SessionTableModel::User), QStringLiteral("josé"));
        QCOMPARE(dialog.valueText(SessionTableModel::OpenFiles), QStringLiteral("14"));
        QCOMPARE(dialog.valueText(SessionTableModel::IdleTime), QStringLiteral("0:00:00"));
    }

    void saysSessionEndedWhenTheRowGoes()
    {
        SessionDetailsDialog dialog(m_model->index(0, 0));
        dialog.show();
        QVERIFY(dialog.statusLabel()->isHidden());
        QCOMPARE(dialog.valueText(SessionTableModel::OpenFiles), QStringLiteral("3"));

        m_model->applySnapshot(firstRowGone(
            makeRow(12, QStringLiteral("josé"), QStringLiteral("10.0.0.7"), 12, 40, 9)));

        QVERIFY(dialog.hasEnded());
        QVERIFY(dialog.statusLabel()->isVisible());
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("Session ended")),
            qPrintable(dialog.statusLabel()->text()));
        // Who it was stays; the values that were true then are gone.
        QCOMPARE(dialog.valueText(SessionTableModel::User), QStringLiteral("alice"));
        QCOMPARE(dialog.valueText(SessionTableModel::Computer), QStringLiteral("10.0.0.5"));
        QCOMPARE(dialog.valueText(SessionTableModel::OpenFiles), QString());
        QCOMPARE(dialog.valueText(SessionTableModel::ConnectedTime), QString());
        QVERIFY(!dialog.disconnectButton()->isEnabled());
        // A tick after the end must not bring anything back.
        m_model->tick();
        QVERIFY(dialog.hasEnded());
        QCOMPARE(dialog.valueText(SessionTableModel::OpenFiles), QString());
    }

    void endsWhenTheModelIsCleared()
    {
        SessionDetailsDialog dialog(m_model->index(1, 0));
        m_model->clear();
        QVERIFY(dialog.hasEnded());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Session ended")));
    }

    void saysWhenValuesAreStale()
    {
        SessionDetailsDialog dialog(m_model->index(0, 0));
        SessionSnapshot failed;
        failed.epoch = 1;
        failed.pollTimeMs = kNow + 2000;
        failed.error = sc::SessionError::local(sc::ErrorKind::ConnectionLost);
        m_model->applySnapshot(failed);
        QVERIFY(m_model->isStale());
        QVERIFY(!dialog.hasEnded());
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("last known")),
            qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(dialog.valueText(SessionTableModel::User), QStringLiteral("alice"));
    }

    void disconnectButtonEmitsTheRow()
    {
        SessionDetailsDialog dialog(m_model->index(1, 0));
        QSignalSpy spy(&dialog, &SessionDetailsDialog::disconnectRequested);
        dialog.disconnectButton()->click();
        QCOMPARE(spy.count(), 1);
        const auto index = spy.at(0).at(0).value<QPersistentModelIndex>();
        QCOMPARE(index.data(SessionTableModel::KeyRole).toULongLong(), quint64(12));
    }

private:
    std::unique_ptr<SessionTableModel> m_model;
    qint64 m_now = kNow;
};

QTEST_MAIN(TestSessionDetailsDialog)
#include "tst_sessiondetailsdialog.moc"
