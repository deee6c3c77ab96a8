// SPDX-License-Identifier: GPL-3.0-or-later
// A disconnect the server refuses: the lab's "labviewer" may list sessions
// (BUILTIN\Administrators) but not end them (not in Domain Admins). Every row stays as it was,
// on the server and in the console, and the console says why.
#include "disconnectdialog.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessionerrortext.h"
#include "sessionpoller.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

namespace {

constexpr int kPollTimeoutMs = 30000;

// What the user sees of every row, with its identity.
QStringList rowsAsText(const SessionTableModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        const SessionRow &row = model.row(r);
        rows.append(QStringLiteral("%1|%2|%3|%4|%5")
                        .arg(row.key)
                        .arg(row.client, row.user)
                        .arg(row.openCount)
                        .arg(row.connectedSinceMs));
    }
    return rows;
}

int rowsOf(const SessionTableModel &model, const QString &user)
{
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.row(r).user == user ? 1 : 0;
    return n;
}

} // namespace

class tst_RefusedDisconnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pollerReportsRefusalAndKeepsRows();
    void windowSaysWhyAndKeepsRows();

private:
    Lab m_lab;
    QString m_viewer;
};

void tst_RefusedDisconnect::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_refuseddisconnect"));
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_viewer = m_lab.viewerUser();
    QVERIFY2(!m_viewer.isEmpty(), "lab.env has no LAB_VIEWER_USER");
}

void tst_RefusedDisconnect::pollerReportsRefusalAndKeepsRows()
{
    const QString alice = m_lab.plainUsers().value(0);
    auto load = m_lab.hold(alice, 2);
    QVERIFY2(load, qPrintable(m_lab.errorString()));

    SessionPoller poller;
    SessionTableModel model;
    connect(&poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    QSignalSpy snapshots(&poller, &SessionPoller::snapshotReady);
    QSignalSpy finished(&poller, &SessionPoller::disconnectFinished);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    poller.setInterval(0);
    poller.setConnection(m_lab.optionsFor(m_viewer));
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kPollTimeoutMs);
    // Listing works for this user...
    QVERIFY(snapshots.last().at(0).value<SessionSnapshot>().ok());
    QCOMPARE(rowsOf(model, alice), 2);
    const QStringList rowsBefore = rowsAsText(model);
    bool ok = false;
    const QStringList serverBefore = m_lab.smbstatusSessionSet(&ok);
    QVERIFY2(ok, qPrintable(m_lab.errorString()));

    // ... ending sessions does not.
    const quint64 id = poller.disconnectSessions({DisconnectTarget {QString(), alice}});
    QVERIFY(id != 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kPollTimeoutMs);
    const auto results = finished.at(0).at(1).value<QList<DisconnectResult>>();
    QCOMPARE(results.size(), 1);
    QVERIFY(!results[0].ok());
    QCOMPARE(results[0].error->kind(), sc::ErrorKind::AccessDenied);
    QCOMPARE(results[0].ended, 0u);
    qInfo("refused: %s", qPrintable(SessionErrorText::text(*results[0].error)));

    // The poll that follows a disconnect shows the same rows, unchanged.
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 2, kPollTimeoutMs);
    QVERIFY(snapshots.last().at(0).value<SessionSnapshot>().ok());
    QCOMPARE(rowsAsText(model), rowsBefore);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_lab.smbstatusSessionSet(&ok), serverBefore);
    QCOMPARE(m_lab.sessionCount(alice), 2);
}

void tst_RefusedDisconnect::windowSaysWhyAndKeepsRows()
{
    const QString bob = m_lab.plainUsers().value(1);
    auto load = m_lab.hold(bob, 2);
    QVERIFY2(load, qPrintable(m_lab.errorString()));

    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::snapshotShown);
    QSignalSpy reported(&window, &MainWindow::disconnectReported);
    window.setRefreshInterval(0);
    window.connectToServer(
        QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port()), m_lab.optionsFor(m_viewer));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(
        rowsOf(*MainWindowTestAccess::model(window), bob) == 2, kPollTimeoutMs);
    const QStringList rowsBefore = rowsAsText(*MainWindowTestAccess::model(window));
    bool ok = false;
    const QStringList serverBefore = m_lab.smbstatusSessionSet(&ok);
    QVERIFY2(ok, qPrintable(m_lab.errorString()));

    // Select both of bob's rows, as an operator would, and confirm the disconnect.
    QItemSelectionModel *selection = MainWindowTestAccess::view(window)->selectionModel();
    selection->clearSelection();
    for (int r = 0; r < MainWindowTestAccess::proxy(window)->rowCount(); ++r) {
        if (MainWindowTestAccess::proxy(window)->sessionRow(r).user == bob)
            selection->select(MainWindowTestAccess::proxy(window)->index(r, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(selection->selectedRows().size(), 2);
    DisconnectDialog *dialog = MainWindowTestAccess::confirmDisconnectSelected(window);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->targets().isEmpty());
    for (const auto &t : dialog->targets())
        QCOMPARE(t.user, bob);
    const int shownBefore = int(shown.count());
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kPollTimeoutMs);

    const auto results = reported.at(0).at(0).value<QList<DisconnectResult>>();
    QVERIFY(!results.isEmpty());
    for (const DisconnectResult &r : results) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error->kind(), sc::ErrorKind::AccessDenied);
    }
    // The status bar says which sessions stayed and why, in the operator's words.
    const QString why = SessionErrorText::text(*results[0].error);
    QVERIFY2(MainWindowTestAccess::messageText(window).contains(why),
        qPrintable(MainWindowTestAccess::messageText(window)));
    QVERIFY2(MainWindowTestAccess::messageText(window).contains(bob),
        qPrintable(MainWindowTestAccess::messageText(window)));
    qInfo("status bar: %s", qPrintable(MainWindowTestAccess::messageText(window)));

    // After the re-poll every row is as it was, the selection too.
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() > shownBefore, kPollTimeoutMs);
    QCOMPARE(rowsAsText(*MainWindowTestAccess::model(window)), rowsBefore);
    QCOMPARE(selection->selectedRows().size(), 2);
    QCOMPARE(m_lab.smbstatusSessionSet(&ok), serverBefore);
    QCOMPARE(m_lab.sessionCount(bob), 2);

    // Learnt from the refusal: Disconnect is off for this server, and says why.
    QAction *disconnect = MainWindowTestAccess::action(window, ConsoleActions::DisconnectAction);
    QVERIFY(!disconnect->isEnabled());
    QVERIFY2(disconnect->toolTip().contains(QStringLiteral("refused to end sessions")),
        qPrintable(disconnect->toolTip()));
}

QTEST_MAIN(tst_RefusedDisconnect)
#include "tst_refuseddisconnect.moc"
