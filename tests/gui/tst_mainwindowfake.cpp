// SPDX-License-Identifier: GPL-3.0-or-later
// The real window over a scripted server (a SessionApi fake behind the real poller), for what
// the lab's Samba cannot show: idle times, richer levels, a connection that breaks and comes
// back, a server that refuses NetSessionDel.
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "fakeserverwindow.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessionapi.h"
#include "sessiondetailsdialog.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

QStringList itemTexts(const QComboBox *box)
{
    QStringList list;
    for (int i = 0; i < box->count(); ++i)
        list.append(box->itemText(i));
    return list;
}

} // namespace

class TestMainWindowFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        useOwnEmptySettings(QStringLiteral("tst_mainwindowfake"));
        m_server = std::make_shared<FakeServer>();
        // Idle 9 h, 10 h, 5 s and 75 s: as text "10:00:00" sorts before "9:00:00".
        m_server->sessions = {
            session(u"PC-ANNA", u"anna", 3, 40000, 9 * 3600),
            session(u"PC-BERT", u"bert", 12, 50000, 10 * 3600, sc::kSessNoEncryption),
            session(u"PC-CARL", u"carl", 0, 100, 5),
            session(u"10.9.9.9", u"helpdesk", 1, 30, 0),
            session(u"PC-DORA", u"dora", 2, 90, 75),
        };
        m_window = FakeServerWindow::open(FakeServerWindow::sessionsOf(m_server));
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
    }

    void cleanup()
    {
        // A failed check may leave the worker waiting for a page.
        m_server->releasePages();
        m_window.reset();
    }

    void sortsIdleTimeNumerically()
    {
        MainWindowTestAccess::view(*m_window)->sortByColumn(
            SessionTableModel::IdleTime, Qt::AscendingOrder);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("helpdesk"), QStringLiteral("carl"),
                QStringLiteral("dora"), QStringLiteral("anna"), QStringLiteral("bert")}));
        QCOMPARE(
            cell(QStringLiteral("bert"), SessionTableModel::IdleTime), QStringLiteral("10:00:00"));
        MainWindowTestAccess::view(*m_window)->sortByColumn(
            SessionTableModel::IdleTime, Qt::DescendingOrder);
        QCOMPARE(users().constFirst(), QStringLiteral("bert"));
        QCOMPARE(users().constLast(), QStringLiteral("helpdesk"));
    }

    void sortsOpenFilesNumerically()
    {
        MainWindowTestAccess::view(*m_window)->sortByColumn(
            SessionTableModel::OpenFiles, Qt::AscendingOrder);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("carl"), QStringLiteral("helpdesk"),
                QStringLiteral("dora"), QStringLiteral("anna"), QStringLiteral("bert")}));
    }

    void marksOwnSessionAndUnencrypted()
    {
        // The console logs on as helpdesk from 10.9.9.9 (the fake's local address).
        int own = 0;
        for (int r = 0; r < MainWindowTestAccess::model(*m_window)->rowCount(); ++r) {
            if (MainWindowTestAccess::model(*m_window)
                    ->index(r, 0)
                    .data(SessionTableModel::OwnSessionRole)
                    .toBool()) {
                ++own;
                QCOMPARE(MainWindowTestAccess::model(*m_window)->row(r).user,
                    QStringLiteral("helpdesk"));
                // Our SVG icon, loaded from the resources.
                const auto icon = MainWindowTestAccess::model(*m_window)
                                      ->index(r, SessionTableModel::User)
                                      .data(Qt::DecorationRole)
                                      .value<QIcon>();
                QVERIFY(!icon.isNull());
                QVERIFY(!icon.pixmap(16).isNull());
            }
        }
        QCOMPARE(own, 1);
        const QModelIndex bert = proxyIndexOf(QStringLiteral("bert"));
        QCOMPARE(bert.siblingAtColumn(SessionTableModel::Encryption).data().toString(),
            QStringLiteral("Yes")); // "Plain-text password: Yes"
        QVERIFY(!bert.siblingAtColumn(SessionTableModel::Encryption)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .pixmap(16)
                     .isNull());
    }

    void columnsFollowTheLevel()
    {
        SessionView *view = MainWindowTestAccess::view(*m_window);
        QVERIFY(view->isColumnHidden(SessionTableModel::ClientType));
        QVERIFY(view->isColumnHidden(SessionTableModel::Transport));
        QCOMPARE(MainWindowTestAccess::levelText(*m_window), QStringLiteral("Basic details only"));
        QCOMPARE(MainWindowTestAccess::levelToolTip(*m_window),
            QStringLiteral("This server reports basic session details only (no %1).")
                .arg(QLocale().createSeparatedList(
                    {QStringLiteral("Client type"), QStringLiteral("Transport")})));
        QVERIFY(MainWindowTestAccess::securityText(*m_window).startsWith(
            QStringLiteral("Signed, not encrypted")));

        // Another server that serves level 502.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->richestLevel = sc::InfoLevel::Level502;
        }
        sc::SessionApi::clearLevelCache();
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server:1445"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->isColumnHidden(SessionTableModel::ClientType), kTimeoutMs);
        // Every detail is there: nothing to say.
        QCOMPARE(MainWindowTestAccess::levelText(*m_window), QString());
        QVERIFY(!view->isColumnHidden(SessionTableModel::Transport));
        QCOMPARE(cell(QStringLiteral("anna"), SessionTableModel::Transport),
            QStringLiteral("\\Device\\NetbiosSmb"));
    }

    void lostConnectionKeepsStaleRowsAndRecovers()
    {
        const int rows = MainWindowTestAccess::model(*m_window)->rowCount();
        QVERIFY(!MainWindowTestAccess::isBannerVisible(*m_window));
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure = sc::SessionError::local(sc::ErrorKind::ConnectionLost);
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QVERIFY2(MainWindowTestAccess::bannerText(*m_window).startsWith(
                     QStringLiteral("Connection to fake-server lost")),
            qPrintable(MainWindowTestAccess::bannerText(*m_window)));
        // The last rows stay, marked as stale.
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), rows);
        QVERIFY(MainWindowTestAccess::model(*m_window)->isStale());
        QVERIFY(MainWindowTestAccess::proxy(*m_window)
                    ->index(0, 0)
                    .data(SessionTableModel::StaleRole)
                    .toBool());
        QCOMPARE(MainWindowTestAccess::securityText(*m_window), QStringLiteral("Not connected"));
        QVERIFY(!MainWindowTestAccess::messageText(*m_window).isEmpty());

        // A details dialog says the values are the last known ones.
        SessionDetailsDialog *details
            = MainWindowTestAccess::showDetails(*m_window, proxyIndexOf(QStringLiteral("anna")));
        QVERIFY(details);
        QVERIFY2(details->statusLabel()->text().contains(QStringLiteral("last known")),
            qPrintable(details->statusLabel()->text()));

        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure.reset();
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QVERIFY(!MainWindowTestAccess::model(*m_window)->isStale());
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), rows);
        QVERIFY(MainWindowTestAccess::messageText(*m_window).isEmpty());
        QVERIFY(MainWindowTestAccess::securityText(*m_window).startsWith(QStringLiteral("Signed")));
        QVERIFY(!details->hasEnded());
        QVERIFY(details->statusLabel()->text().isEmpty());
    }

    void recoversByItselfWithAutoRefresh()
    {
        m_window->setRefreshInterval(2);
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure = sc::SessionError::local(sc::ErrorKind::Timeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            MainWindowTestAccess::bannerText(*m_window).contains(QStringLiteral("Next attempt at")),
            kTimeoutMs);
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure.reset();
        }
        // Back-off after one failure: 4 s; nobody presses Refresh.
        QTRY_VERIFY_WITH_TIMEOUT(!MainWindowTestAccess::isBannerVisible(*m_window), 3 * kTimeoutMs);
        QVERIFY(!MainWindowTestAccess::model(*m_window)->isStale());
    }

    void refusedDisconnectKeepsRowsAndSaysWhy()
    {
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->deleteFailure = sc::SessionError::fromWin32(sc::win32::AccessDenied);
        }
        QVERIFY(disconnectThroughDialog(QStringLiteral("dora")));
        QVERIFY2(MainWindowTestAccess::messageText(*m_window).startsWith(
                     QStringLiteral("Could not disconnect dora on PC-DORA: ")),
            qPrintable(MainWindowTestAccess::messageText(*m_window)));
        QVERIFY2(MainWindowTestAccess::messageText(*m_window).contains(QStringLiteral("5")),
            qPrintable(MainWindowTestAccess::messageText(*m_window)));
        QTest::qWait(200);
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 5);
        QVERIFY(proxyIndexOf(QStringLiteral("dora")).isValid());
        QCOMPARE(m_server->deletes, 0);

        // The console has learnt that this account may not end sessions here.
        QAction *disconnect
            = MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction);
        MainWindowTestAccess::view(*m_window)->setCurrentIndex(
            proxyIndexOf(QStringLiteral("anna")));
        QVERIFY(MainWindowTestAccess::page(*m_window)->hasSelection());
        QVERIFY(!disconnect->isEnabled());
        QVERIFY2(disconnect->toolTip().startsWith(QStringLiteral("The server refused")),
            qPrintable(disconnect->toolTip()));

        // Another logon may have the right: it is offered again.
        sc::ConnectionOptions logon;
        logon.user = "administrator";
        logon.password = sc::SecretString("x");
        m_window->connectToServer(QStringLiteral("fake-server"), logon);
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
        MainWindowTestAccess::view(*m_window)->setCurrentIndex(
            proxyIndexOf(QStringLiteral("anna")));
        QVERIFY(disconnect->isEnabled());
        QVERIFY2(disconnect->toolTip().startsWith(QStringLiteral("Disconnect")),
            qPrintable(disconnect->toolTip()));
    }

    void disconnectOfSeveralRowsNamesEach()
    {
        QItemSelectionModel *selection = MainWindowTestAccess::view(*m_window)->selectionModel();
        selection->clearSelection();
        for (const QString &user : {QStringLiteral("anna"), QStringLiteral("carl")})
            selection->select(
                proxyIndexOf(user), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
        auto *dialog = m_window->findChild<DisconnectDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->targets().size(), 2);
        QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
        dialog->disconnectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kTimeoutMs);
        // "session(s)" until an English .qm supplies the plural forms.
        const QRegularExpression expected(QStringLiteral(
            R"(^Ended 1 session(\(s\))? of anna on PC-ANNA\. Ended 1 session(\(s\))? of carl on PC-CARL\.$)"));
        QVERIFY2(expected.match(MainWindowTestAccess::messageText(*m_window)).hasMatch(),
            qPrintable(MainWindowTestAccess::messageText(*m_window)));
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 3, kTimeoutMs);
        QVERIFY(!proxyIndexOf(QStringLiteral("anna")).isValid());
        QVERIFY(!proxyIndexOf(QStringLiteral("carl")).isValid());
    }

    void connectAsAsksAndReconnects()
    {
        // A server without a known account: the console asks first.
        m_window.reset();
        QSettings().clear();
        auto server = m_server;
        m_window = std::make_unique<MainWindow>(
            [server](const sc::ConnectionOptions &options) -> std::unique_ptr<sc::SessionApi> {
                // The logon the operator typed reaches the backend.
                if (options.user != "helpdesk" || options.password.reveal() != "typed secret"
                    || options.domain != "CORP")
                    return nullptr;
                return std::make_unique<FakeSessionApi>(server);
            });
        m_window->show();
        m_window->connectToServer(QStringLiteral("fake-server"));
        auto *dialog = m_window->findChild<ConnectDialog *>();
        QVERIFY(dialog);
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 0);
        dialog->findChild<QLineEdit *>(QStringLiteral("domain"))->setText(QStringLiteral("CORP"));
        dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("helpdesk"));
        dialog->findChild<QLineEdit *>(QStringLiteral("password"))
            ->setText(QStringLiteral("typed secret"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
        m_window->close();
        QSettings settings;
        QCOMPARE(
            settings.value(QStringLiteral("logon/user")).toString(), QStringLiteral("helpdesk"));
        QCOMPARE(settings.value(QStringLiteral("logon/domain")).toString(), QStringLiteral("CORP"));

        // Next start: the saved user comes back, its password does not, so it is asked for.
        MainWindow again([](const sc::ConnectionOptions &) { return nullptr; });
        again.connectToServer(QStringLiteral("fake-server"));
        auto *asked = again.findChild<ConnectDialog *>();
        QVERIFY(asked);
        QCOMPARE(asked->user(), QStringLiteral("helpdesk"));
        QCOMPARE(asked->domain(), QStringLiteral("CORP"));
        QVERIFY(asked->password().isEmpty());
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("typed secret")),
                qPrintable(key));
    }

    void showsLoadingProgressWhileAServerPages()
    {
        // Grouped thousands, from QLocale rather than from the translation.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        {
            QMutexLocker lock(&m_server->mutex);
            const sc::SessionInfo model = m_server->sessions.front();
            m_server->sessions.clear();
            for (int i = 0; i < 1500; ++i) {
                sc::SessionInfo s = model;
                s.clientName = QStringLiteral("PC-%1").arg(i).toStdU16String();
                s.userName = QStringLiteral("user%1").arg(i).toStdU16String();
                m_server->sessions.push_back(s);
            }
            m_server->pageSize = 1000;
            m_server->pagesAllowed = 0;
        }
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server:1445"));

        // The first page is listed while the server holds the second.
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 1000, kTimeoutMs);
        // "session(s)" until an English .qm supplies the plural forms.
        const QRegularExpression loading(
            QStringLiteral(R"(^Loading 1,000 of 1,500 session(s|\(s\))…$)"));
        QVERIFY2(loading.match(MainWindowTestAccess::lastRefreshText(*m_window)).hasMatch(),
            qPrintable(MainWindowTestAccess::lastRefreshText(*m_window)));
        QVERIFY(MainWindowTestAccess::messageText(*m_window).isEmpty());
        QVERIFY(!MainWindowTestAccess::isBannerVisible(*m_window));
        QCOMPARE(MainWindowTestAccess::levelText(*m_window), QStringLiteral("Basic details only"));

        m_server->releasePages();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 1500, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            MainWindowTestAccess::lastRefreshText(*m_window).startsWith(QStringLiteral("Updated ")),
            kTimeoutMs);
        QVERIFY(
            !MainWindowTestAccess::lastRefreshText(*m_window).contains(QStringLiteral("Loading")));

        // A later poll of the same server: the list stays whole, the status bar tells.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->pagesAllowed = 0;
            m_server->pagesServed = 0;
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            loading.match(MainWindowTestAccess::lastRefreshText(*m_window)).hasMatch(), kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 1500);
        m_server->releasePages();
        QTRY_VERIFY_WITH_TIMEOUT(
            MainWindowTestAccess::lastRefreshText(*m_window).startsWith(QStringLiteral("Updated ")),
            kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 1500);
    }

    void retranslatesWithoutLosingState()
    {
        MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("an"));
        const QString count = MainWindowTestAccess::countText(*m_window);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(m_window.get(), &change);
        QCOMPARE(MainWindowTestAccess::countText(*m_window), count);
        QCOMPARE(MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->text(),
            QStringLiteral("&Refresh"));
        QCOMPARE(MainWindowTestAccess::filterField(*m_window)->text(), QStringLiteral("an"));
    }

    void enterInTheServerFieldAsksOnce()
    {
        // The typed name matches a history entry that is not the current one: Enter emits
        // returnPressed() and activated().
        QComboBox *field = MainWindowTestAccess::serverField(*m_window);
        field->addItem(QStringLiteral("other-server"));
        field->setEditText(QStringLiteral("other-server"));
        QTest::keyClick(field->lineEdit(), Qt::Key_Return);
        QTRY_VERIFY(m_window->findChild<ConnectDialog *>());
        QCoreApplication::processEvents();
        QCOMPARE(m_window->findChildren<ConnectDialog *>().size(), 1);
    }

    void bannerAndRefreshStayWithTheFailedServer()
    {
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure = sc::SessionError::local(sc::ErrorKind::LogonFailure);
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QPushButton *connectAs = MainWindowTestAccess::bannerConnectAsButton(*m_window);
        QVERIFY(connectAs->isVisible());
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure.reset();
        }

        // The operator starts typing another name, then answers the banner.
        QComboBox *field = MainWindowTestAccess::serverField(*m_window);
        field->setEditText(QStringLiteral("new-server"));
        connectAs->click();
        auto *dialog = m_window->findChild<ConnectDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("helpdesk"));
        dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("x"));
        QSignalSpy shown(m_window.get(), &MainWindow::snapshotShown);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::connection(*m_window)->status().server,
            QStringLiteral("fake-server"));
        QVERIFY(!MainWindowTestAccess::isBannerVisible(*m_window));

        // F5 refreshes the server shown, and the field says which.
        field->setEditText(QStringLiteral("new-server"));
        shown.clear();
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QCOMPARE(field->currentText(), QStringLiteral("fake-server"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::connection(*m_window)->status().server,
            QStringLiteral("fake-server"));
    }

    void marksOnlyTheConsolesOwnSessionOfItsAccount()
    {
        // Two more sessions of the console's account from its computer, from long ago, and
        // the one that began when the console connected.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions.push_back(session(u"10.9.9.9", u"helpdesk", 0, 5000, 5000));
            m_server->sessions.push_back(session(u"10.9.9.9", u"HELPDESK", 4, 9000, 10));
            m_server->sessions.push_back(session(u"10.9.9.9", u"helpdesk", 0, 0, 0));
        }
        QSignalSpy shown(m_window.get(), &MainWindow::snapshotShown);
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        QList<SessionRow> own = ownRows();
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.constFirst().connectedSeconds(QDateTime::currentMSecsSinceEpoch()), 0);
        QVERIFY(!own.constFirst().ownSessionShared);

        // Without the one that began with the console's connection, the answer cannot tell:
        // every candidate says it is one of them.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions.pop_back();
        }
        shown.clear();
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        own = ownRows();
        QCOMPARE(own.size(), 3);
        const QModelIndex first = ownIndexes().constFirst();
        QVERIFY2(first.siblingAtColumn(SessionTableModel::User)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(QStringLiteral("One of these sessions")),
            qPrintable(first.data(Qt::ToolTipRole).toString()));
    }

    void emptyFirstWindowSaysHowToStart()
    {
        MainWindow first([](const sc::ConnectionOptions &) { return nullptr; });
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        SessionView *view = MainWindowTestAccess::view(first);
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY2(view->placeholderText().contains(QStringLiteral("press Connect")),
            qPrintable(view->placeholderText()));
        // The hint is painted: the empty list is not one plain colour.
        QTRY_VERIFY(colourCount(view->viewport()->grab().toImage()) > 1);

        // Once a server is chosen the hint goes (the rows, or the banner, say what is known).
        QVERIFY(
            colourCount(MainWindowTestAccess::view(*m_window)->viewport()->grab().toImage()) > 1);
        MainWindowTestAccess::connectAsHelpdesk(first, QStringLiteral("nowhere"));
        QVERIFY(view->placeholderText().isEmpty());
        QTRY_COMPARE(colourCount(view->viewport()->grab().toImage()), 1);
    }

    void statusBarErrorsShowWholeAndGoWhenResolved()
    {
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure = sc::SessionError::local(sc::ErrorKind::ConnectionRefused);
        }
        QVERIFY(disconnectThroughDialog(QStringLiteral("dora")));
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QLabel *message = MainWindowTestAccess::messageLabel(*m_window);
        QVERIFY2(message->text().startsWith(QStringLiteral("Could not disconnect dora")),
            qPrintable(message->text()));
        // At the window's default size, the whole text is on screen.
        QTRY_VERIFY2(showsWholeText(message), qPrintable(message->text()));

        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure.reset();
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QCOMPARE(message->text(), QString());
    }

    void historyKeepsOnlyServersThatAnswered()
    {
        QComboBox *field = MainWindowTestAccess::serverField(*m_window);
        const auto items = [field] { return itemTexts(field); };
        QCOMPARE(items(), QStringList {QStringLiteral("fake-server")});
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure = sc::SessionError::local(sc::ErrorKind::HostNotFound);
        }
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("no-such-host.invalid"));
        QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
        QCOMPARE(items(), QStringList {QStringLiteral("fake-server")});
        // The name stays in the field, to be corrected.
        QCOMPARE(field->currentText(), QStringLiteral("no-such-host.invalid"));

        {
            QMutexLocker lock(&m_server->mutex);
            m_server->failure.reset();
        }
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server:1445"));
        QTRY_COMPARE_WITH_TIMEOUT(items(),
            (QStringList {QStringLiteral("fake-server:1445"), QStringLiteral("fake-server")}),
            kTimeoutMs);
        QCOMPARE(field->currentText(), QStringLiteral("fake-server:1445"));
    }

    // Entries of servers retired, or saved before only answering servers were kept: Delete in
    // the drop-down forgets the highlighted one, for good, and keeps what is typed.
    void deleteForgetsAServerOfTheHistory()
    {
        QComboBox *field = MainWindowTestAccess::serverField(*m_window);
        const auto items = [field] { return itemTexts(field); };
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server:1445"));
        QTRY_COMPARE_WITH_TIMEOUT(items(),
            (QStringList {QStringLiteral("fake-server:1445"), QStringLiteral("fake-server")}),
            kTimeoutMs);

        field->showPopup();
        QTRY_VERIFY(field->view()->isVisible());
        field->view()->setCurrentIndex(field->model()->index(1, 0));
        QTest::keyClick(field->view(), Qt::Key_Delete);
        QCOMPARE(items(), QStringList {QStringLiteral("fake-server:1445")});
        QCOMPARE(field->currentText(), QStringLiteral("fake-server:1445"));
        QCOMPARE(QSettings().value(QStringLiteral("servers/history")).toStringList(),
            QStringList {QStringLiteral("fake-server:1445")});

        // The last one too; the list closes.
        field->view()->setCurrentIndex(field->model()->index(0, 0));
        QTest::keyClick(field->view(), Qt::Key_Delete);
        QCOMPARE(items(), QStringList());
        QTRY_VERIFY(!field->view()->isVisible());
        QCOMPARE(
            QSettings().value(QStringLiteral("servers/history")).toStringList(), QStringList());
    }

    void confirmedDisconnectRemovesRowsAtOnce()
    {
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->deleteKeepsSessions = true;
        }
        // What the list shows the moment the status bar says the sessions ended.
        bool doraShown = true;
        int shownRows = -1;
        connect(m_window.get(), &MainWindow::disconnectReported, this, [&] {
            doraShown = proxyIndexOf(QStringLiteral("dora")).isValid();
            shownRows = MainWindowTestAccess::proxy(*m_window)->rowCount();
        });
        QVERIFY(disconnectThroughDialog(QStringLiteral("dora")));
        QVERIFY(!doraShown);
        QCOMPARE(shownRows, 4);
        QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 5);
        // The server still lists the session: its next answer brings the row back.
        QTRY_VERIFY_WITH_TIMEOUT(proxyIndexOf(QStringLiteral("dora")).isValid(), kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 5);
    }

    void idleTimeOfAServerThatNeverReportsIt()
    {
        // As Samba: idle 0 for everyone, while others have been connected for minutes.
        {
            QMutexLocker lock(&m_server->mutex);
            for (sc::SessionInfo &s : m_server->sessions)
                s.idleSeconds = 0;
        }
        QSignalSpy shown(m_window.get(), &MainWindow::snapshotShown);
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        const QModelIndex anna
            = proxyIndexOf(QStringLiteral("anna")).siblingAtColumn(SessionTableModel::IdleTime);
        QCOMPARE(anna.data().toString(), QStringLiteral("—"));
        QVERIFY2(anna.data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("does not report idle time")),
            qPrintable(anna.data(Qt::ToolTipRole).toString()));
        // Nothing counts, sorts or is copied as if it were an idle time.
        QVERIFY(!anna.data(SessionTableModel::SortRole).isValid());
        MainWindowTestAccess::view(*m_window)->sortByColumn(
            SessionTableModel::IdleTime, Qt::AscendingOrder);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl"),
                QStringLiteral("helpdesk"), QStringLiteral("dora")}));
        SessionDetailsDialog *details
            = MainWindowTestAccess::showDetails(*m_window, proxyIndexOf(QStringLiteral("anna")));
        QCOMPARE(details->valueText(SessionTableModel::IdleTime), QStringLiteral("—"));
        details->close();
        MainWindowTestAccess::view(*m_window)->setCurrentIndex(
            proxyIndexOf(QStringLiteral("anna")));
        MainWindowTestAccess::action(*m_window, ConsoleActions::CopyAction)->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().contains(QStringLiteral("\t—")),
            qPrintable(QGuiApplication::clipboard()->text()));
        // Copy starts with the column titles.
        QVERIFY2(
            QGuiApplication::clipboard()->text().startsWith(QStringLiteral("User\tComputer\t")),
            qPrintable(QGuiApplication::clipboard()->text()));

        // The finding is remembered for the server: one answer with an idle time does not
        // bring a clock back that the server never kept.
        {
            QMutexLocker lock(&m_server->mutex);
            m_server->sessions[0].idleSeconds = 50;
        }
        shown.clear();
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
        QCOMPARE(cell(QStringLiteral("anna"), SessionTableModel::IdleTime), QStringLiteral("—"));

        // Another connection finds out again.
        MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("anna"), SessionTableModel::IdleTime),
            QStringLiteral("0:00:50"), kTimeoutMs);
    }

private:
    QModelIndexList ownIndexes() const
    {
        QModelIndexList own;
        const SessionTableModel *model = MainWindowTestAccess::model(*m_window);
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(SessionTableModel::OwnSessionRole).toBool())
                own.append(model->index(r, 0));
        }
        return own;
    }
    QList<SessionRow> ownRows() const
    {
        QList<SessionRow> rows;
        for (const QModelIndex &index : ownIndexes())
            rows.append(MainWindowTestAccess::model(*m_window)->row(index.row()));
        return rows;
    }
    static int colourCount(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        }
        return colours.size();
    }
    static bool showsWholeText(const QLabel *label)
    {
        if (label->wordWrap())
            return label->heightForWidth(label->width()) <= label->height();
        return label->fontMetrics().horizontalAdvance(label->text())
            <= label->contentsRect().width();
    }
    QStringList users() const
    {
        QStringList list;
        for (int r = 0; r < MainWindowTestAccess::proxy(*m_window)->rowCount(); ++r)
            list.append(MainWindowTestAccess::proxy(*m_window)->sessionRow(r).user);
        return list;
    }
    QModelIndex proxyIndexOf(const QString &user) const
    {
        return MainWindowTestAccess::proxyIndexOf(*m_window, user);
    }
    QString cell(const QString &user, int column) const
    {
        return proxyIndexOf(user).siblingAtColumn(column).data().toString();
    }
    /// Selects @p user's row and confirms Disconnect in its dialog; false if no dialog opened
    /// or the window reported no outcome in time.
    bool disconnectThroughDialog(const QString &user)
    {
        MainWindowTestAccess::view(*m_window)->setCurrentIndex(proxyIndexOf(user));
        MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
        auto *dialog = m_window->findChild<DisconnectDialog *>();
        if (!dialog)
            return false;
        QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
        dialog->disconnectButton()->click();
        return QTest::qWaitFor([&reported] { return reported.count() == 1; }, kTimeoutMs);
    }

    std::shared_ptr<FakeServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowFake)
#include "tst_mainwindowfake.moc"
