// SPDX-License-Identifier: GPL-3.0-or-later
// The real console window against the lab's smbd: what it lists, how it sorts and filters,
// and that Details and Disconnect do what they say on the server (checked with smbstatus).
#include "disconnectdialog.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessiondetailsdialog.h"
#include "sessionpoller.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

namespace {

const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");
const QString kJose = QStringLiteral("josé");
const QString kJuergen = QStringLiteral("jürgen");

constexpr int kPollTimeoutMs = 30000;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void listsTheLabSessions();
    void sortsOpenFilesNumerically();
    void sortsConnectedTimeNumerically();
    void filterNarrowsRows();
    void contextMenuOffersDetailsAndDisconnect();
    void detailsShowTheFields();
    void disconnectCancelEndsNothing();
    void disconnectConfirmEndsExactlyThatUser();
    void disconnectingOwnSessionWarnsFirst();
    void detailsSayWhenTheSessionEnded();
    void copyPutsTabSeparatedRowsOnTheClipboard();
    void marksOnlyTheConsolesOwnSession();
    void unreachableServerExplainsWhy();
    void settingsPersist();

private:
    int modelRowsOf(const QString &user) const;
    QModelIndex proxyIndexOf(const QString &user) const;
    QModelIndex proxyIndexOfOwnSession() const;
    /// The open-file counts of the sessions in the order the list shows them.
    QList<quint32> openCountsShown() const;
    void select(const QModelIndex &proxyIndex);
    bool activate();
    DisconnectDialog *openDisconnectDialog();
    void waitForSnapshots(int count);

    Lab m_lab;
    QString m_server;
    std::unique_ptr<LoadGenerator> m_alice;
    std::unique_ptr<LoadGenerator> m_bob;
    std::unique_ptr<LoadGenerator> m_jose;
    std::unique_ptr<LoadGenerator> m_juergen;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_mainwindow"));

    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_server = QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port());

    // Open counts chosen so that a text sort ("12" < "3") would order them differently.
    LoadOptions twelve;
    twelve.openFiles = 12;
    m_alice = m_lab.hold(kAlice, 1, twelve);
    QVERIFY2(m_alice, qPrintable(m_lab.errorString()));
    // alice has been connected longest: the others start later.
    QTest::qWait(3000);
    LoadOptions three;
    three.openFiles = 3;
    m_bob = m_lab.hold(kBob, 2, three);
    QVERIFY2(m_bob, qPrintable(m_lab.errorString()));
    m_jose = m_lab.hold(kJose, 1);
    QVERIFY2(m_jose, qPrintable(m_lab.errorString()));
    LoadOptions one;
    one.openFiles = 1;
    m_juergen = m_lab.hold(kJuergen, 1, one);
    QVERIFY2(m_juergen, qPrintable(m_lab.errorString()));
    QCOMPARE(m_lab.sessionCount(kBob), 2);

    m_window = std::make_unique<MainWindow>();
    m_window->setRefreshInterval(2);
    m_window->connectToServer(m_server, m_lab.adminOptions());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(modelRowsOf(kAlice) == 1 && modelRowsOf(kBob) == 2
            && modelRowsOf(kJose) == 1 && modelRowsOf(kJuergen) == 1
            && proxyIndexOfOwnSession().isValid(),
        kPollTimeoutMs);
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_juergen.reset();
    m_jose.reset();
    m_bob.reset();
    m_alice.reset();
}

void TestMainWindow::cleanup()
{
    // A failed check must not leave a filter behind for the next test.
    if (m_window)
        MainWindowTestAccess::filterField(*m_window)->clear();
}

int TestMainWindow::modelRowsOf(const QString &user) const
{
    return MainWindowTestAccess::modelRowsOf(*m_window, user);
}

QModelIndex TestMainWindow::proxyIndexOf(const QString &user) const
{
    return MainWindowTestAccess::proxyIndexOf(*m_window, user);
}

QModelIndex TestMainWindow::proxyIndexOfOwnSession() const
{
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(SessionTableModel::OwnSessionRole).toBool())
            return proxy->index(r, 0);
    }
    return {};
}

QList<quint32> TestMainWindow::openCountsShown() const
{
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    QList<quint32> counts;
    for (int r = 0; r < proxy->rowCount(); ++r)
        counts.append(proxy->sessionRow(r).openCount);
    return counts;
}

void TestMainWindow::select(const QModelIndex &proxyIndex)
{
    QVERIFY(proxyIndex.isValid());
    MainWindowTestAccess::view(*m_window)->setCurrentIndex(proxyIndex);
    QCOMPARE(MainWindowTestAccess::view(*m_window)->selectionModel()->selectedRows().size(), 1);
}

bool TestMainWindow::activate()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    MainWindowTestAccess::view(*m_window)->setFocus();
    return MainWindowTestAccess::view(*m_window)->hasFocus();
}

DisconnectDialog *TestMainWindow::openDisconnectDialog()
{
    // A dialog closed before is deleted later: wait until it is gone so we find the new one.
    if (!QTest::qWaitFor([this] { return !m_window->findChild<DisconnectDialog *>(); }, 5000))
        return nullptr;
    MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
    auto *dialog = m_window->findChild<DisconnectDialog *>();
    return dialog;
}

void TestMainWindow::waitForSnapshots(int count)
{
    QSignalSpy spy(m_window.get(), &MainWindow::snapshotShown);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= count, kPollTimeoutMs);
}

void TestMainWindow::listsTheLabSessions()
{
    // What the window shows is what smbstatus says.
    bool ok = false;
    const QList<LabSession> truth = m_lab.smbstatusSessions(&ok);
    QVERIFY2(ok, qPrintable(m_lab.errorString()));
    for (const QString &user : {kAlice, kBob, kJose, kJuergen})
        QCOMPARE(modelRowsOf(user), m_lab.sessionCount(user));
    QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), truth.size());

    const QModelIndex own = proxyIndexOfOwnSession();
    QCOMPARE(own.siblingAtColumn(SessionTableModel::User).data().toString(), m_lab.adminUser());

    const int rows = MainWindowTestAccess::model(*m_window)->rowCount();
    // "%n session(s)": the English plural form comes with the translations, so only the
    // number is checked here.
    QVERIFY2(MainWindowTestAccess::countText(*m_window).startsWith(
                 QStringLiteral("%1 session").arg(rows)),
        qPrintable(MainWindowTestAccess::countText(*m_window)));
    // Samba 4.17 refuses levels 2 and 502: the console says what that means and hides what
    // level 1 lacks.
    QCOMPARE(MainWindowTestAccess::levelText(*m_window), QStringLiteral("Basic details only"));
    QCOMPARE(MainWindowTestAccess::levelToolTip(*m_window),
        QStringLiteral("This server reports basic session details only (no %1).")
            .arg(QLocale().createSeparatedList(
                {QStringLiteral("Client type"), QStringLiteral("Transport")})));
    SessionView *view = MainWindowTestAccess::view(*m_window);
    QVERIFY(view->isColumnHidden(SessionTableModel::ClientType));
    QVERIFY(view->isColumnHidden(SessionTableModel::Transport));
    for (int c : {SessionTableModel::User, SessionTableModel::Computer,
             SessionTableModel::OpenFiles, SessionTableModel::ConnectedTime,
             SessionTableModel::IdleTime, SessionTableModel::Guest, SessionTableModel::Encryption})
        QVERIFY2(!view->isColumnHidden(c), qPrintable(QString::number(c)));
    QVERIFY2(MainWindowTestAccess::securityText(*m_window).startsWith(QStringLiteral("Signed")),
        qPrintable(MainWindowTestAccess::securityText(*m_window)));
    QVERIFY2(
        MainWindowTestAccess::lastRefreshText(*m_window).startsWith(QStringLiteral("Updated ")),
        qPrintable(MainWindowTestAccess::lastRefreshText(*m_window)));
    QVERIFY(!MainWindowTestAccess::isBannerVisible(*m_window));
    QVERIFY(MainWindowTestAccess::poller(*m_window)->interval() == 2);

    // Samba says idle 0 for every session: once alice has been connected long enough for
    // that to mean something, the console shows no idle time rather than a counting clock.
    QTRY_COMPARE_WITH_TIMEOUT(
        proxyIndexOf(kAlice).siblingAtColumn(SessionTableModel::IdleTime).data().toString(),
        QStringLiteral("—"), kPollTimeoutMs);
    QVERIFY(proxyIndexOf(kAlice)
                .siblingAtColumn(SessionTableModel::IdleTime)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("does not report idle time")));
}

void TestMainWindow::sortsOpenFilesNumerically()
{
    SessionView *view = MainWindowTestAccess::view(*m_window);
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    view->sortByColumn(SessionTableModel::OpenFiles, Qt::AscendingOrder);
    QList<quint32> counts = openCountsShown();
    QVERIFY2(std::is_sorted(counts.cbegin(), counts.cend()), qPrintable(QDebug::toString(counts)));
    // As numbers 3 < 12; as text "12" < "3".
    const int alice = proxyIndexOf(kAlice).row();
    const int bob = proxyIndexOf(kBob).row();
    QVERIFY(proxy->sessionRow(alice).openCount >= 12);
    QVERIFY(proxy->sessionRow(bob).openCount >= 3 && proxy->sessionRow(bob).openCount < 10);
    QVERIFY2(bob < alice, qPrintable(QDebug::toString(counts)));
    QCOMPARE(proxyIndexOf(kAlice).siblingAtColumn(SessionTableModel::OpenFiles).data().toString(),
        QString::number(proxy->sessionRow(alice).openCount));

    view->sortByColumn(SessionTableModel::OpenFiles, Qt::DescendingOrder);
    counts = openCountsShown();
    QVERIFY2(
        std::is_sorted(counts.crbegin(), counts.crend()), qPrintable(QDebug::toString(counts)));
    QVERIFY(proxyIndexOf(kAlice).row() < proxyIndexOf(kBob).row());
}

void TestMainWindow::sortsConnectedTimeNumerically()
{
    // Samba 4.17 reports an idle time of 0 for every session, so idle-time sorting is
    // checked against a scripted server in tst_mainwindowfake; connected times are real.
    SessionView *view = MainWindowTestAccess::view(*m_window);
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    view->sortByColumn(SessionTableModel::ConnectedTime, Qt::AscendingOrder);
    QList<qint64> connected;
    for (int r = 0; r < proxy->rowCount(); ++r)
        connected.append(proxy->index(r, SessionTableModel::ConnectedTime)
                             .data(SessionTableModel::SortRole)
                             .toLongLong());
    QVERIFY2(std::is_sorted(connected.cbegin(), connected.cend()),
        qPrintable(QDebug::toString(connected)));
    // alice connected first (initTestCase waits before the others), the console last.
    QCOMPARE(proxyIndexOf(kAlice).row(), proxy->rowCount() - 1);
    QVERIFY2(connected.constFirst() + 2 <= connected.constLast(),
        qPrintable(QDebug::toString(connected)));

    view->sortByColumn(SessionTableModel::ConnectedTime, Qt::DescendingOrder);
    QCOMPARE(proxyIndexOf(kAlice).row(), 0);
    view->sortByColumn(SessionTableModel::User, Qt::AscendingOrder);
}

void TestMainWindow::filterNarrowsRows()
{
    QLineEdit *filter = MainWindowTestAccess::filterField(*m_window);
    const int all = MainWindowTestAccess::proxy(*m_window)->rowCount();
    QTest::keyClicks(filter, kAlice);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->sessionRow(0).user, kAlice);
    QVERIFY2(MainWindowTestAccess::countText(*m_window).startsWith(
                 QStringLiteral("1 of %1 session").arg(all)),
        qPrintable(MainWindowTestAccess::countText(*m_window)));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("JOS"));
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->sessionRow(0).user, kJose);

    // As operators type: without accents, in any case.
    filter->setText(QStringLiteral("jose"));
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->sessionRow(0).user, kJose);
    filter->setText(QStringLiteral("JURGEN"));
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->sessionRow(0).user, kJuergen);
    // Esc in the field clears the filter.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), all);

    // The computer name matches too: every lab session comes from the same address.
    filter->setText(MainWindowTestAccess::model(*m_window)->row(0).client);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), all);

    filter->setText(QStringLiteral("nobody-has-this-name"));
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 0);
    filter->clear();
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), all);
    QVERIFY2(MainWindowTestAccess::countText(*m_window).startsWith(
                 QStringLiteral("%1 session").arg(all)),
        qPrintable(MainWindowTestAccess::countText(*m_window)));
}

void TestMainWindow::contextMenuOffersDetailsAndDisconnect()
{
    SessionView *view = MainWindowTestAccess::view(*m_window);
    const QModelIndex alice = proxyIndexOf(kAlice);
    QVERIFY(alice.isValid());
    view->clearSelection();
    // Right click on a row that is not selected selects it, as file managers do.
    const QPoint pos = view->visualRect(alice).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);

    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("sessionContextMenu"));
    QVERIFY(menu);
    QVERIFY(menu->testAttribute(Qt::WA_DeleteOnClose));
    QTRY_VERIFY(menu->isVisible());
    const QList<QAction *> actions = menu->actions();
    QAction *details = MainWindowTestAccess::action(*m_window, ConsoleActions::DetailsAction);
    QAction *disconnect = MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction);
    QVERIFY(actions.contains(details));
    QVERIFY(actions.contains(disconnect));
    QVERIFY(details->isEnabled());
    QVERIFY(disconnect->isEnabled());
    QCOMPARE(view->selectedSourceRows().size(), 1);
    QCOMPARE(MainWindowTestAccess::model(*m_window)
                 ->row(view->selectedSourceRows().constFirst().row())
                 .user,
        kAlice);
    menu->close();
    QTRY_VERIFY(!m_window->findChild<QMenu *>(QStringLiteral("sessionContextMenu")));
}

void TestMainWindow::detailsShowTheFields()
{
    const QModelIndex alice = proxyIndexOf(kAlice);
    select(alice);
    QVERIFY(activate());
    // Enter on the list opens the details.
    QTest::keyClick(MainWindowTestAccess::view(*m_window), Qt::Key_Return);
    QCOMPARE(MainWindowTestAccess::detailsDialogs(*m_window).size(), 1);
    SessionDetailsDialog *dialog = MainWindowTestAccess::detailsDialogs(*m_window).constFirst();
    const SessionRow row = MainWindowTestAccess::proxy(*m_window)->sessionRow(alice.row());
    QCOMPARE(dialog->valueText(SessionTableModel::User), kAlice);
    QCOMPARE(dialog->valueText(SessionTableModel::Computer), row.client);
    QCOMPARE(dialog->valueText(SessionTableModel::OpenFiles), QString::number(row.openCount));
    QVERIFY(!dialog->valueText(SessionTableModel::ConnectedTime).isEmpty());
    QVERIFY(!dialog->valueText(SessionTableModel::IdleTime).isEmpty());
    QCOMPARE(dialog->valueText(SessionTableModel::Guest), QStringLiteral("No"));
    // Level 1: no client type, no transport, and the dialog says so in the columns' words.
    QVERIFY(dialog->valueText(SessionTableModel::ClientType).isEmpty());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("level"))->text(),
        QLocale().createSeparatedList(
            {QStringLiteral("Client type"), QStringLiteral("Transport")}));
    QVERIFY(!dialog->hasEnded());
    dialog->close();
    QTRY_VERIFY(MainWindowTestAccess::detailsDialogs(*m_window).isEmpty());
}

void TestMainWindow::disconnectCancelEndsNothing()
{
    select(proxyIndexOf(kBob));
    DisconnectDialog *dialog = openDisconnectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->targets().size(), 1);
    QCOMPARE(dialog->targets().constFirst().user, kBob);
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->includesOwnSession());
    QVERIFY(dialog->ownSessionWarning()->isHidden());

    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    dialog->cancelButton()->click();
    waitForSnapshots(2);
    QCOMPARE(reported.count(), 0);
    QCOMPARE(m_lab.sessionCount(kBob), 2);
    QCOMPARE(modelRowsOf(kBob), 2);
}

void TestMainWindow::disconnectConfirmEndsExactlyThatUser()
{
    const int others = m_lab.sessionCount(kAlice) + m_lab.sessionCount(kJose)
        + m_lab.sessionCount(kJuergen) + m_lab.sessionCount(m_lab.adminUser());
    const QString client
        = MainWindowTestAccess::proxy(*m_window)->sessionRow(proxyIndexOf(kBob).row()).client;

    select(proxyIndexOf(kBob));
    DisconnectDialog *dialog = openDisconnectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kPollTimeoutMs);

    const auto results = reported.at(0).at(0).value<QList<DisconnectResult>>();
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].ok(), qPrintable(MainWindowTestAccess::messageText(*m_window)));
    QCOMPARE(results[0].target.user, kBob);
    QCOMPARE(results[0].target.client, client);
    QCOMPARE(results[0].ended, 2u);
    // "session(s)" until an English .qm supplies the plural forms.
    const QRegularExpression expected(QStringLiteral("^Ended 2 session(s|\\(s\\)) of bob on %1\\.$")
                                          .arg(QRegularExpression::escape(client)));
    QVERIFY2(expected.match(MainWindowTestAccess::messageText(*m_window)).hasMatch(),
        qPrintable(MainWindowTestAccess::messageText(*m_window)));

    QTRY_COMPARE_WITH_TIMEOUT(m_lab.sessionCount(kBob), 0, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(modelRowsOf(kBob), 0, kPollTimeoutMs);
    // Nobody else's session went.
    QCOMPARE(m_lab.sessionCount(kAlice) + m_lab.sessionCount(kJose) + m_lab.sessionCount(kJuergen)
            + m_lab.sessionCount(m_lab.adminUser()),
        others);
    QCOMPARE(modelRowsOf(kAlice), 1);
    QCOMPARE(modelRowsOf(kJose), 1);
}

void TestMainWindow::disconnectingOwnSessionWarnsFirst()
{
    const int ownBefore = m_lab.sessionCount(m_lab.adminUser());
    QVERIFY(ownBefore >= 1);
    select(proxyIndexOfOwnSession());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<DisconnectDialog *>(), 5000);
    QVERIFY(activate());
    // The Delete key on the list asks first.
    QTest::keyClick(MainWindowTestAccess::view(*m_window), Qt::Key_Delete);
    auto *dialog = m_window->findChild<DisconnectDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->includesOwnSession());
    QVERIFY(dialog->ownSessionWarning()->isVisible());
    QVERIFY2(dialog->ownSessionWarning()->text().contains(QStringLiteral("own connection")),
        qPrintable(dialog->ownSessionWarning()->text()));
    QVERIFY(dialog->cancelButton()->isDefault());
    dialog->cancelButton()->click();
    waitForSnapshots(1);
    QCOMPARE(m_lab.sessionCount(m_lab.adminUser()), ownBefore);
    QVERIFY(proxyIndexOfOwnSession().isValid());
}

void TestMainWindow::detailsSayWhenTheSessionEnded()
{
    SessionDetailsDialog *dialog
        = MainWindowTestAccess::showDetails(*m_window, proxyIndexOf(kJose));
    QVERIFY(dialog);
    QCOMPARE(dialog->valueText(SessionTableModel::User), kJose);
    QVERIFY(!dialog->hasEnded());
    // The session ends outside the console.
    m_jose->stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_lab.sessionCount(kJose), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasEnded(), kPollTimeoutMs);
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Session ended")),
        qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->valueText(SessionTableModel::User), kJose);
    QVERIFY(dialog->valueText(SessionTableModel::OpenFiles).isEmpty());
    dialog->close();
}

void TestMainWindow::copyPutsTabSeparatedRowsOnTheClipboard()
{
    select(proxyIndexOf(kAlice));
    MainWindowTestAccess::action(*m_window, ConsoleActions::CopyAction)->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // The column titles, then the row.
    QCOMPARE(lines.size(), 2);
    QHeaderView *header = MainWindowTestAccess::view(*m_window)->header();
    const QStringList titles = lines.constFirst().split(QLatin1Char('\t'));
    QCOMPARE(titles.size(), header->count() - header->hiddenSectionCount());
    // In the view's order: the first title is the first column shown.
    int firstShown = 0;
    while (header->isSectionHidden(header->logicalIndex(firstShown)))
        ++firstShown;
    QCOMPARE(titles.constFirst(),
        header->model()->headerData(header->logicalIndex(firstShown), Qt::Horizontal).toString());
    QVERIFY2(titles.contains(QStringLiteral("User")), qPrintable(text));
    const QStringList cells = lines.constLast().split(QLatin1Char('\t'));
    QCOMPARE(cells.size(), titles.size());
    QVERIFY2(cells.contains(kAlice), qPrintable(text));
}

void TestMainWindow::marksOnlyTheConsolesOwnSession()
{
    const SessionTableModel *model = MainWindowTestAccess::model(*m_window);
    const auto connectedSeconds = [model](int row) {
        return model->index(row, SessionTableModel::ConnectedTime)
            .data(SessionTableModel::SortRole)
            .toLongLong();
    };
    // The console's session is old enough that sessions made now are not taken for it.
    QTRY_VERIFY_WITH_TIMEOUT(proxyIndexOfOwnSession().isValid()
            && proxyIndexOfOwnSession()
                    .siblingAtColumn(SessionTableModel::ConnectedTime)
                    .data(SessionTableModel::SortRole)
                    .toLongLong()
                >= 8,
        kPollTimeoutMs);
    // Two more sessions of the console's account from the same computer.
    std::unique_ptr<LoadGenerator> extra = m_lab.hold(m_lab.adminUser(), 2);
    QVERIFY2(extra, qPrintable(m_lab.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(modelRowsOf(m_lab.adminUser()), 3, kPollTimeoutMs);

    int own = 0;
    qint64 ownConnected = -1;
    qint64 longestConnected = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r).user != m_lab.adminUser())
            continue;
        longestConnected = qMax(longestConnected, connectedSeconds(r));
        if (model->index(r, 0).data(SessionTableModel::OwnSessionRole).toBool()) {
            ++own;
            ownConnected = connectedSeconds(r);
        }
    }
    // Only the console's own: the one that was there before the two others.
    QCOMPARE(own, 1);
    QCOMPARE(ownConnected, longestConnected);

    extra.reset();
    QTRY_COMPARE_WITH_TIMEOUT(modelRowsOf(m_lab.adminUser()), 1, kPollTimeoutMs);
}

void TestMainWindow::unreachableServerExplainsWhy()
{
    const QString closed = QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.closedPort());
    m_window->connectToServer(closed, m_lab.adminOptions());
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kPollTimeoutMs);
    QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 0);
    QVERIFY2(MainWindowTestAccess::bannerText(*m_window).contains(closed),
        qPrintable(MainWindowTestAccess::bannerText(*m_window)));
    QVERIFY2(MainWindowTestAccess::bannerText(*m_window).startsWith(
                 QStringLiteral("Cannot list the sessions")),
        qPrintable(MainWindowTestAccess::bannerText(*m_window)));
    QVERIFY(MainWindowTestAccess::model(*m_window)->lastError().has_value());
    QCOMPARE(MainWindowTestAccess::model(*m_window)->lastError()->kind(),
        sc::ErrorKind::ConnectionRefused);
}

void TestMainWindow::settingsPersist()
{
    MainWindowTestAccess::view(*m_window)->sortByColumn(
        SessionTableModel::IdleTime, Qt::DescendingOrder);
    MainWindowTestAccess::view(*m_window)->setColumnHiddenByUser(SessionTableModel::Guest, true);
    m_window->close();
    m_window.reset();

    MainWindow again;
    QCOMPARE(again.refreshInterval(), 2);
    QCOMPARE(MainWindowTestAccess::view(again)->header()->sortIndicatorSection(),
        int(SessionTableModel::IdleTime));
    QCOMPARE(
        MainWindowTestAccess::view(again)->header()->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(MainWindowTestAccess::view(again)->isColumnHiddenByUser(SessionTableModel::Guest));
    // Only servers that answered are remembered: not the closed port tried last.
    QCOMPARE(MainWindowTestAccess::serverField(again)->count(), 1);
    QCOMPARE(MainWindowTestAccess::serverField(again)->itemText(0), m_server);
    // Who logged on is remembered, the password never.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("logon/user")).toString(), m_lab.adminUser());
    for (const QString &key : settings.allKeys()) {
        QVERIFY2(!settings.value(key).toString().contains(m_lab.password(m_lab.adminUser())),
            qPrintable(key));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
