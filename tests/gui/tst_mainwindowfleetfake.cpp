// SPDX-License-Identifier: GPL-3.0-or-later
// The real window watching two scripted servers at once: one table with a Server column,
// narrowing to one server, the filter on server names, a disconnect that spans both, and one
// server failing while the other goes on refreshing.
#include "disconnectdialog.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "serverliststore.h"
#include "serverpanel.h"
#include "sessionapi.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "watchedservers.h"

#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMutex>
#include <QSettings>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

class TestMainWindowFleetFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SessionConsoleTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowfleetfake"));
    }

    void init()
    {
        QSettings().clear();
        sc::SessionApi::clearLevelCache();
        m_a = std::make_shared<FakeServer>();
        m_a->sessions = {
            session(u"PC-ANNA", u"anna", 3, 400, 90),
            session(u"PC-BERT", u"bert", 1, 500, 10),
            session(u"PC-CARL", u"carl", 0, 100, 5),
        };
        m_b = std::make_shared<FakeServer>();
        m_b->sessions = {
            session(u"PC-DORA", u"dora", 2, 90, 75),
            session(u"PC-EMIL", u"emil", 4, 30, 0),
        };
        // fs-down never answers: its connection fails at once.
        m_down = std::make_shared<FakeServer>();
        m_down->failure = sc::SessionError::local(sc::ErrorKind::Other, "down");
        auto a = m_a;
        auto b = m_b;
        auto down = m_down;
        m_window = std::make_unique<MainWindow>(
            [a, b, down](const sc::ConnectionOptions &o) -> std::unique_ptr<sc::SessionApi> {
                return std::make_unique<FakeSessionApi>(o.host == "fs-b" ? b
                        : o.host == "fs-down"                            ? down
                                                                         : a);
            });
        m_window->setRefreshInterval(0); // polls only when the test asks
        // As `session-console --server fs-a --server fs-b` does.
        sc::ConnectionOptions logon;
        logon.user = "helpdesk";
        logon.password = sc::SecretString("not-used");
        m_window->connectToServer(QStringLiteral("fs-a"), logon);
        m_window->watchServer(QStringLiteral("fs-b"), logon);
        m_window->showServer(nullptr);
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
    }

    void cleanup() { m_window.reset(); }

    void bothServersInOneTable()
    {
        QCOMPARE(m_window->watchedServers()->count(), 2);
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 5);
        SessionView *view = MainWindowTestAccess::view(*m_window);
        QVERIFY(!view->isColumnHidden(SessionTableModel::Server));
        QCOMPARE(serverOf(QStringLiteral("anna")), QStringLiteral("fs-a"));
        QCOMPARE(serverOf(QStringLiteral("emil")), QStringLiteral("fs-b"));
        // "(s)" until an English .qm supplies the plural forms.
        QVERIFY(QRegularExpression(QStringLiteral(R"(^5 sessions?(\(s\))?$)"))
                    .match(MainWindowTestAccess::countText(*m_window))
                    .hasMatch());
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^2 servers?(\(s\))?: 2 online, 0 failed$)"))
                     .match(MainWindowTestAccess::lastRefreshText(*m_window))
                     .hasMatch(),
            qPrintable(MainWindowTestAccess::lastRefreshText(*m_window)));
    }

    // Export and copy name each row's own server.
    void exportAndCopyNameEachRowsServer()
    {
        const QJsonArray sessions = QJsonDocument::fromJson(
            MainWindowTestAccess::page(*m_window)->exportShown(TableExport::Format::Json))
                                        .object()
                                        .value(QStringLiteral("sessions"))
                                        .toArray();
        QCOMPARE(sessions.size(), 5);
        for (const QJsonValue &session : sessions) {
            const QString user = session[QStringLiteral("user")].toString();
            QCOMPARE(session[QStringLiteral("server")].toString(), serverOf(user));
        }
        MainWindowTestAccess::view(*m_window)->selectionModel()->select(
            proxyIndexOf(QStringLiteral("dora")),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        MainWindowTestAccess::page(*m_window)->copySelection();
        // The Server column comes first with several servers.
        const QStringList lines
            = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.constFirst().startsWith(QStringLiteral("Server\t")),
            qPrintable(lines.constFirst()));
        QVERIFY2(
            lines.constLast().startsWith(QStringLiteral("fs-b\t")), qPrintable(lines.constLast()));
    }

    void narrowsToOneServer()
    {
        ServerConnection *b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        QVERIFY(b);
        m_window->showServer(b);
        QCOMPARE(users(), (QStringList {QStringLiteral("dora"), QStringLiteral("emil")}));
        QVERIFY(QRegularExpression(QStringLiteral(R"(^2 sessions?(\(s\))?$)"))
                    .match(MainWindowTestAccess::countText(*m_window))
                    .hasMatch());
        // The status bar speaks of fs-b alone again.
        QVERIFY(MainWindowTestAccess::securityText(*m_window).startsWith(
            QStringLiteral("Signed, not encrypted")));
        m_window->showServer(nullptr);
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 5);
    }

    // The server panel lists the watched servers and narrows the table both ways; Remove
    // stops watching a server, and the list the window saves is what the panel shows.
    void serverPanelFollowsTheWatchedServers()
    {
        ServerPanel *panel = m_window->serverPanel();
        QVERIFY(panel);
        auto *list = panel->findChild<QListView *>();
        QVERIFY(list);
        QTRY_COMPARE(list->model()->rowCount(), 3); // All servers, fs-a, fs-b
        QVERIFY(list->model()->index(1, 0).data().toString().contains(QStringLiteral("fs-a")));
        QVERIFY(list->model()->index(2, 0).data().toString().contains(QStringLiteral("fs-b")));

        ServerConnection *a = m_window->watchedServers()->find(QStringLiteral("fs-a"));
        ServerConnection *b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        list->setCurrentIndex(list->model()->index(2, 0));
        QCOMPARE(m_window->shownServer(), b);
        QCOMPARE(users(), (QStringList {QStringLiteral("dora"), QStringLiteral("emil")}));
        m_window->showServer(a);
        QCOMPARE(panel->currentServer(), a);
        QCOMPARE(list->currentIndex().row(), 1);
        list->setCurrentIndex(list->model()->index(0, 0));
        QCOMPARE(m_window->shownServer(), nullptr);
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 5);

        panel->setCurrentServer(b);
        panel->requestRemoveCurrentServer();
        QCOMPARE(m_window->watchedServers()->count(), 1);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl")}));
        m_window->close();
        QCOMPARE(ServerListStore::load(QSettings()), QStringList {QStringLiteral("fs-a")});
    }

    // A server added while all are shown: "Connecting to fs-c…" ends when it answers.
    void connectingEndsWhenAnAddedServerAnswers()
    {
        sc::ConnectionOptions logon;
        logon.user = "helpdesk";
        logon.password = sc::SecretString("not-used");
        m_window->watchServer(QStringLiteral("fs-c"), logon);
        QVERIFY2(MainWindowTestAccess::messageText(*m_window).contains(QStringLiteral("fs-c")),
            qPrintable(MainWindowTestAccess::messageText(*m_window)));
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 8, kTimeoutMs);
        QTRY_COMPARE(MainWindowTestAccess::messageText(*m_window), QString());
    }

    // Servers that never report idle time (Samba says 0 for every session): "—", not a
    // counter, also while another server has not answered at all.
    void idleTimeStaysUnreportedWhileAServerFails()
    {
        for (const auto &server : {m_a, m_b}) {
            QMutexLocker lock(&server->mutex);
            for (sc::SessionInfo &s : server->sessions)
                s.idleSeconds = 0;
        }
        const QList<ServerConnection *> connections = m_window->watchedServers()->connections();
        for (ServerConnection *connection : connections)
            connection->refresh();
        const auto idleOf = [this](const QString &user) {
            return proxyIndexOf(user)
                .siblingAtColumn(SessionTableModel::IdleTime)
                .data()
                .toString();
        };
        QTRY_COMPARE(idleOf(QStringLiteral("anna")), QStringLiteral("—"));
        sc::ConnectionOptions logon;
        logon.user = "helpdesk";
        logon.password = sc::SecretString("not-used");
        m_window->watchServer(QStringLiteral("fs-down"), logon);
        ServerConnection *down = m_window->watchedServers()->find(QStringLiteral("fs-down"));
        QVERIFY(down);
        QTRY_VERIFY(down->status().isStale() || down->status().lastError.has_value());
        QCOMPARE(idleOf(QStringLiteral("anna")), QStringLiteral("—"));
        QCOMPARE(idleOf(QStringLiteral("emil")), QStringLiteral("—"));
    }

    void filterMatchesTheServerName()
    {
        MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("FS-B"));
        QCOMPARE(users(), (QStringList {QStringLiteral("dora"), QStringLiteral("emil")}));
        MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("anna"));
        QCOMPARE(users(), (QStringList {QStringLiteral("anna")}));
    }

    void disconnectSpansBothServers()
    {
        QItemSelectionModel *selection = MainWindowTestAccess::view(*m_window)->selectionModel();
        selection->clearSelection();
        for (const QString &user :
            {QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("emil")})
            selection->select(
                proxyIndexOf(user), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
        auto *dialog = m_window->findChild<DisconnectDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->sessionCount(QStringLiteral("fs-a")), 2u);
        QCOMPARE(dialog->sessionCount(QStringLiteral("fs-b")), 1u);
        const QString impact = dialog->impactLabel()->text();
        QVERIFY2(impact.contains(QRegularExpression(QStringLiteral(R"(On fs-a: 2 session)")))
                && impact.contains(QRegularExpression(QStringLiteral(R"(On fs-b: 1 session)"))),
            qPrintable(impact));

        QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
        dialog->disconnectButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 2, kTimeoutMs);
        // Each server was asked for its own sessions only.
        {
            QMutexLocker lock(&m_a->mutex);
            QCOMPARE(m_a->deletes, 2);
            QCOMPARE(int(m_a->sessions.size()), 1);
        }
        {
            QMutexLocker lock(&m_b->mutex);
            QCOMPARE(m_b->deletes, 1);
            QCOMPARE(int(m_b->sessions.size()), 1);
            QVERIFY(m_b->sessions.front().userName == u"dora");
        }
        const QString message = MainWindowTestAccess::messageText(*m_window);
        QVERIFY2(message.contains(QStringLiteral("fs-a: Ended 1 session"))
                && message.contains(
                    QRegularExpression(QStringLiteral(R"(fs-b: Ended 1 session(\(s\))? of emil)"))),
            qPrintable(message));
        QTRY_COMPARE_WITH_TIMEOUT(
            users(), (QStringList {QStringLiteral("carl"), QStringLiteral("dora")}), kTimeoutMs);
    }

    void oneServerFailsWhileTheOtherRefreshes()
    {
        {
            QMutexLocker lock(&m_a->mutex);
            m_a->failure = sc::SessionError::local(sc::ErrorKind::ConnectionRefused);
        }
        {
            QMutexLocker lock(&m_b->mutex);
            m_b->sessions.push_back(session(u"PC-FINN", u"finn", 0, 10, 1));
        }
        MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(proxyIndexOf(QStringLiteral("finn")).isValid(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            proxyIndexOf(QStringLiteral("anna")).data(SessionTableModel::StaleRole).toBool(),
            kTimeoutMs);
        // fs-a's rows stay, marked stale; fs-b's are fresh.
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 6);
        QVERIFY(!proxyIndexOf(QStringLiteral("dora")).data(SessionTableModel::StaleRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            QRegularExpression(QStringLiteral(R"(^2 servers?(\(s\))?: 1 online, 1 failed$)"))
                .match(MainWindowTestAccess::lastRefreshText(*m_window))
                .hasMatch(),
            kTimeoutMs);
        QVERIFY(MainWindowTestAccess::isBannerVisible(*m_window));
        QVERIFY2(MainWindowTestAccess::bannerText(*m_window).contains(QStringLiteral("fs-a")),
            qPrintable(MainWindowTestAccess::bannerText(*m_window)));

        // fs-b goes on refreshing on its own.
        {
            QMutexLocker lock(&m_b->mutex);
            m_b->sessions.erase(m_b->sessions.begin());
        }
        ServerConnection *b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        b->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!proxyIndexOf(QStringLiteral("dora")).isValid(), kTimeoutMs);
        QVERIFY(proxyIndexOf(QStringLiteral("anna")).isValid());
    }

    // The server panel's Remove: the server's rows leave, and one server looks as before.
    void removingAServerLeavesTheOther()
    {
        WatchedServers *servers = m_window->watchedServers();
        ServerConnection *a = servers->find(QStringLiteral("fs-a"));
        ServerConnection *b = servers->find(QStringLiteral("fs-b"));
        m_window->showServer(b);
        QVERIFY(!servers->remove(a)); // pinned: the Open Files page lists it
        QVERIFY(servers->remove(b));
        QCOMPARE(m_window->shownServer(), nullptr);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl")}));
        QVERIFY(MainWindowTestAccess::view(*m_window)->isColumnHidden(SessionTableModel::Server));
        QVERIFY(
            MainWindowTestAccess::lastRefreshText(*m_window).startsWith(QStringLiteral("Updated")));
    }

private:
    QStringList users() const
    {
        QStringList list;
        for (int r = 0; r < MainWindowTestAccess::proxy(*m_window)->rowCount(); ++r)
            list.append(MainWindowTestAccess::proxy(*m_window)->sessionRow(r).user);
        list.sort();
        return list;
    }
    QModelIndex proxyIndexOf(const QString &user) const
    {
        for (int r = 0; r < MainWindowTestAccess::proxy(*m_window)->rowCount(); ++r) {
            if (MainWindowTestAccess::proxy(*m_window)->sessionRow(r).user == user)
                return MainWindowTestAccess::proxy(*m_window)->index(r, 0);
        }
        return {};
    }
    QString serverOf(const QString &user) const
    {
        return proxyIndexOf(user).siblingAtColumn(SessionTableModel::Server).data().toString();
    }

    std::shared_ptr<FakeServer> m_a;
    std::shared_ptr<FakeServer> m_b;
    std::shared_ptr<FakeServer> m_down;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowFleetFake)
#include "tst_mainwindowfleetfake.moc"
