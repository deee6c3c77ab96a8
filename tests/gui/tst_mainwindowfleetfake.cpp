// SPDX-License-Identifier: GPL-3.0-or-later
// The real window watching two scripted servers at once: one table with a Server column,
// narrowing to one server, the filter on server names, a disconnect that spans both, and one
// server failing while the other goes on refreshing; the Open Files page over the servers.
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "openfilespage.h"
#include "openfiletablemodel.h"
#include "serverlistmodel.h"
#include "serverliststore.h"
#include "serverpanel.h"
#include "sessionapi.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"
#include "watchedservers.h"

#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

// What the scripted servers were last asked to log on with, per host (the worker threads
// make the APIs).
struct SeenLogons
{
    QMutex mutex;
    QHash<QString, QString> accounts; ///< host -> "DOMAIN\\user:password"
    QHash<QString, int> logons; ///< host -> how many connections were made

    void record(const sc::ConnectionOptions &o)
    {
        QMutexLocker lock(&mutex);
        const QString host = QString::fromStdString(o.host);
        accounts.insert(host,
            QString::fromStdString(
                o.domain + "\\" + o.user + ":" + std::string(o.password.reveal())));
        ++logons[host];
    }
    QString account(const QString &host)
    {
        QMutexLocker lock(&mutex);
        return accounts.value(host);
    }
    int count(const QString &host)
    {
        QMutexLocker lock(&mutex);
        return logons.value(host);
    }
};

QString typeInto(
    ConnectDialog *dialog, const QString &domain, const QString &user, const QString &password)
{
    dialog->findChild<QLineEdit *>(QStringLiteral("domain"))->setText(domain);
    dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(user);
    dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
    return user;
}

} // namespace

class TestMainWindowFleetFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        useOwnEmptySettings(QStringLiteral("tst_mainwindowfleetfake"));
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
        // The same file ids on every server: an id means something on its own server only.
        m_filesA = std::make_shared<FakeFiles>();
        m_filesA->files = {fakeOpenFile(1, u"C:\\a\\informe.docx", u"anna"),
            fakeOpenFile(2, u"C:\\a\\plan.xlsx", u"bert")};
        m_filesB = std::make_shared<FakeFiles>();
        m_filesB->files = {fakeOpenFile(1, u"C:\\b\\notas.txt", u"dora"),
            fakeOpenFile(3, u"C:\\b\\foto.png", u"emil")};
        m_filesC = std::make_shared<FakeFiles>();
        m_filesC->files = {fakeOpenFile(1, u"C:\\c\\acta.pdf", u"anna")};
        m_seen = std::make_shared<SeenLogons>();
        m_window = makeWindow();
        // As `session-console --server fs-a --server fs-b` does.
        m_window->connectToServer(QStringLiteral("fs-a"), logon());
        m_window->watchServer(QStringLiteral("fs-b"), logon());
        m_window->showServer(nullptr);
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
    }

    void cleanup() { m_window.reset(); }

    // Three servers, the account saved without its password: one dialog asks for it, and
    // all three connect with the answer.
    void serversWithoutPasswordShareOneDialog()
    {
        startWithSavedServersAndNoPassword();
        QCOMPARE(m_window->findChildren<ConnectDialog *>().size(), 1);
        auto *dialog = m_window->findChild<ConnectDialog *>();
        QCOMPARE(dialog->user(), QStringLiteral("helpdesk"));
        QCOMPARE(dialog->domain(), QStringLiteral("EXAMPLE"));
        typeInto(dialog, QStringLiteral("EXAMPLE"), QStringLiteral("helpdesk"),
            QStringLiteral("shared secret"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 8, kTimeoutMs);
        QCOMPARE(m_window->findChildren<ConnectDialog *>().size(), 0);
        for (const QString &host :
            {QStringLiteral("fs-a"), QStringLiteral("fs-b"), QStringLiteral("fs-c")}) {
            QCOMPARE(m_seen->account(host), QStringLiteral("EXAMPLE\\helpdesk:shared secret"));
            QCOMPARE(m_seen->count(host), 1);
        }
        QCOMPARE(m_window->watchedServers()->count(), 3);
        m_window->close();
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("shared secret")),
                qPrintable(key));
    }

    // Cancelled: none is connected, and the panel says why, never "failed".
    void cancelledPasswordLeavesServersNotConnected()
    {
        startWithSavedServersAndNoPassword();
        QCOMPARE(m_window->findChildren<ConnectDialog *>().size(), 1);
        m_window->findChild<ConnectDialog *>()->reject();
        QCoreApplication::processEvents();
        QCOMPARE(m_window->findChildren<ConnectDialog *>().size(), 0);
        const QList<ServerConnection *> connections = m_window->watchedServers()->connections();
        QCOMPARE(connections.size(), 3);
        for (ServerConnection *connection : connections)
            QVERIFY(!connection->isConnected());
        auto *list = m_window->serverPanel()->findChild<QListView *>();
        QTRY_COMPARE(list->model()->rowCount(), 4); // All servers, fs-a, fs-b, fs-c
        for (int row = 1; row < 4; ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            const QString text = index.data().toString() + QLatin1Char('\n')
                + index.data(Qt::ToolTipRole).toString();
            QVERIFY2(text.contains(QStringLiteral("Not connected: no password")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("ailed")), qPrintable(text));
        }
        QVERIFY2(!MainWindowTestAccess::lastRefreshText(*m_window).contains(QStringLiteral("ailed"))
                || MainWindowTestAccess::lastRefreshText(*m_window).contains(
                    QStringLiteral("0 failed")),
            qPrintable(MainWindowTestAccess::lastRefreshText(*m_window)));
        QCOMPARE(m_seen->count(QStringLiteral("fs-a")) + m_seen->count(QStringLiteral("fs-b"))
                + m_seen->count(QStringLiteral("fs-c")),
            0);
        // The list is kept as it was.
        m_window->close();
        QCOMPARE(ServerListStore::load(QSettings()),
            (QStringList {QStringLiteral("fs-a"), QStringLiteral("fs-b"), QStringLiteral("fs-c")}));
    }

    // Connect As on fs-b sets fs-b's account alone; it is saved with the server list and
    // comes back in a new window; Use the Shared Account returns fs-b to the shared one.
    void connectAsOnOneServerOverridesItsAccountOnly()
    {
        ServerConnection *b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        QVERIFY(b);
        QCOMPARE(m_seen->count(QStringLiteral("fs-a")), 1);
        QCOMPARE(m_seen->count(QStringLiteral("fs-b")), 1);
        // The Connect As of the window, with fs-b in the server field.
        m_window->showServer(b);
        MainWindowTestAccess::action(*m_window, ConsoleActions::ConnectAsAction)->trigger();
        auto *dialog = m_window->findChild<ConnectDialog *>();
        QVERIFY(dialog);
        typeInto(dialog, QStringLiteral("EXAMPLE"), QStringLiteral("helpdesk2"),
            QStringLiteral("second secret"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(m_seen->count(QStringLiteral("fs-b")), 2, kTimeoutMs);
        QCOMPARE(m_seen->account(QStringLiteral("fs-b")),
            QStringLiteral("EXAMPLE\\helpdesk2:second secret"));
        // fs-a was not touched: same logon, not reconnected.
        QCOMPARE(m_seen->count(QStringLiteral("fs-a")), 1);
        QCOMPARE(m_seen->account(QStringLiteral("fs-a")), QStringLiteral("\\helpdesk:not-used"));
        QTRY_VERIFY2(
            toolTipOf(QStringLiteral("fs-b")).contains(QStringLiteral("as EXAMPLE\\helpdesk2")),
            qPrintable(toolTipOf(QStringLiteral("fs-b"))));
        QVERIFY2(!toolTipOf(QStringLiteral("fs-a")).contains(QStringLiteral("helpdesk")),
            qPrintable(toolTipOf(QStringLiteral("fs-a"))));
        m_window->close();
        m_window.reset();

        // A new window: fs-a asks for the shared account, fs-b for its own.
        m_seen = std::make_shared<SeenLogons>();
        m_window = makeWindow();
        QCOMPARE(m_window->restoreSavedServers(ServerListStore::load(QSettings())), 2);
        QCoreApplication::processEvents();
        const QList<ConnectDialog *> dialogs = m_window->findChildren<ConnectDialog *>();
        QCOMPARE(dialogs.size(), 2);
        for (ConnectDialog *asked : dialogs) {
            if (asked->user() == QStringLiteral("helpdesk2")) {
                QCOMPARE(asked->domain(), QStringLiteral("EXAMPLE"));
                typeInto(asked, asked->domain(), asked->user(), QStringLiteral("second secret"));
            } else {
                QCOMPARE(asked->user(), QStringLiteral("helpdesk"));
                typeInto(asked, asked->domain(), asked->user(), QStringLiteral("first secret"));
            }
            asked->accept();
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
        QCOMPARE(
            m_seen->account(QStringLiteral("fs-a")), QStringLiteral("\\helpdesk:first secret"));
        QCOMPARE(m_seen->account(QStringLiteral("fs-b")),
            QStringLiteral("EXAMPLE\\helpdesk2:second secret"));
        QTRY_VERIFY(
            toolTipOf(QStringLiteral("fs-b")).contains(QStringLiteral("as EXAMPLE\\helpdesk2")));

        // Use the Shared Account: fs-b asks for the shared one and connects with it.
        ServerPanel *panel = m_window->serverPanel();
        b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        panel->setCurrentServer(b);
        QVERIFY(panel->sharedAccountAction()->isEnabled());
        panel->sharedAccountAction()->trigger();
        QTRY_VERIFY(m_window->findChild<ConnectDialog *>());
        dialog = m_window->findChild<ConnectDialog *>();
        QCOMPARE(dialog->user(), QStringLiteral("helpdesk"));
        typeInto(dialog, dialog->domain(), dialog->user(), QStringLiteral("first secret"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(m_seen->account(QStringLiteral("fs-b")),
            QStringLiteral("\\helpdesk:first secret"), kTimeoutMs);
        QCOMPARE(m_seen->count(QStringLiteral("fs-a")), 1);
        QTRY_VERIFY(!toolTipOf(QStringLiteral("fs-b")).contains(QStringLiteral("helpdesk2")));
        QVERIFY(!panel->sharedAccountAction()->isEnabled());
        m_window->close();
        QSettings settings;
        QVERIFY(ServerListStore::loadAccounts(settings).isEmpty());
    }

    // A wrong password on one server is that server's failure: the other keeps polling, and
    // Connect As on it mends it alone.
    void wrongPasswordOnOneServerIsItsOwn()
    {
        {
            QMutexLocker lock(&m_b->mutex);
            m_b->failure = sc::SessionError::local(sc::ErrorKind::LogonFailure);
        }
        ServerConnection *a = m_window->watchedServers()->find(QStringLiteral("fs-a"));
        ServerConnection *b = m_window->watchedServers()->find(QStringLiteral("fs-b"));
        b->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(b->status().isStale(), kTimeoutMs);
        {
            QMutexLocker lock(&m_a->mutex);
            m_a->sessions.push_back(session(u"PC-FINN", u"finn", 0, 10, 1));
        }
        a->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(proxyIndexOf(QStringLiteral("finn")).isValid(), kTimeoutMs);
        QVERIFY(a->status().state == ConnectionStatus::State::Online);
        QVERIFY2(toolTipOf(QStringLiteral("fs-b")).contains(QStringLiteral("No answer since")),
            qPrintable(toolTipOf(QStringLiteral("fs-b"))));
        {
            QMutexLocker lock(&m_b->mutex);
            m_b->failure.reset();
        }
        ServerPanel *panel = m_window->serverPanel();
        panel->setCurrentServer(b);
        panel->connectAsAction()->trigger();
        auto *dialog = m_window->findChild<ConnectDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->user(), QStringLiteral("helpdesk"));
        typeInto(dialog, QString(), QStringLiteral("helpdesk"), QStringLiteral("right"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(b->status().state == ConnectionStatus::State::Online, kTimeoutMs);
        QCOMPARE(m_seen->account(QStringLiteral("fs-b")), QStringLiteral("\\helpdesk:right"));
        // Same account as the shared one: no account of its own, and fs-a untouched.
        QVERIFY(!toolTipOf(QStringLiteral("fs-b")).contains(QStringLiteral("as ")));
        QCOMPARE(m_seen->count(QStringLiteral("fs-a")), 1);
    }

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
        m_window->watchServer(QStringLiteral("fs-c"), logon());
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
        m_window->watchServer(QStringLiteral("fs-down"), logon());
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
        QVERIFY(a);
        QVERIFY(servers->remove(b));
        QCOMPARE(m_window->shownServer(), nullptr);
        QCOMPARE(users(),
            (QStringList {QStringLiteral("anna"), QStringLiteral("bert"), QStringLiteral("carl")}));
        QVERIFY(MainWindowTestAccess::view(*m_window)->isColumnHidden(SessionTableModel::Server));
        QVERIFY(
            MainWindowTestAccess::lastRefreshText(*m_window).startsWith(QStringLiteral("Updated")));
    }

    // All servers' open files in one table, with the Server column, listed only while the
    // page is shown (a server added meanwhile too).
    void openFilesOfThreeServers()
    {
        m_window->watchServer(QStringLiteral("fs-c"), logon());
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 8, kTimeoutMs);
        m_window->showOpenFilesPage(true);
        OpenFileTableModel *model = MainWindowTestAccess::filesModel(*m_window);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, kTimeoutMs);
        QCOMPARE(model->serverCount(), 3);
        QVERIFY(!MainWindowTestAccess::filesView(*m_window)->isColumnHidden(
            OpenFileTableModel::Server));
        QCOMPARE(fileIndexOf(QStringLiteral("fs-a"), 1).data().toString(),
            QStringLiteral("C:\\a\\informe.docx"));
        QCOMPARE(fileIndexOf(QStringLiteral("fs-b"), 1).data().toString(),
            QStringLiteral("C:\\b\\notas.txt"));
        QCOMPARE(fileIndexOf(QStringLiteral("fs-c"), 1).data().toString(),
            QStringLiteral("C:\\c\\acta.pdf"));
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^5 open files?(\(s\))?$)"))
                     .match(MainWindowTestAccess::countText(*m_window))
                     .hasMatch(),
            qPrintable(MainWindowTestAccess::countText(*m_window)));

        // The filter matches a server's name; narrowing to one server narrows the page too.
        MainWindowTestAccess::filesPage(*m_window)->setFilterText(QStringLiteral("FS-B"));
        QCOMPARE(MainWindowTestAccess::filesProxy(*m_window)->rowCount(), 2);
        MainWindowTestAccess::filesPage(*m_window)->setFilterText(QString());
        m_window->showServer(m_window->watchedServers()->find(QStringLiteral("fs-c")));
        QCOMPARE(MainWindowTestAccess::filesProxy(*m_window)->rowCount(), 1);
        QCOMPARE(MainWindowTestAccess::filesPage(*m_window)->fileCount(), 1);
        m_window->showServer(nullptr);
        QCOMPARE(MainWindowTestAccess::filesProxy(*m_window)->rowCount(), 5);

        // A server's removal takes its files along; one server left looks as it always did.
        ServerConnection *a = m_window->watchedServers()->find(QStringLiteral("fs-a"));
        QVERIFY(m_window->watchedServers()->remove(a));
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(m_window->watchedServers()->remove(
            m_window->watchedServers()->find(QStringLiteral("fs-c"))));
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(
            MainWindowTestAccess::filesView(*m_window)->isColumnHidden(OpenFileTableModel::Server));
        // The last server stays: the window always has a connection.
        QVERIFY(!m_window->watchedServers()->remove(
            m_window->watchedServers()->find(QStringLiteral("fs-b"))));
    }

    // fs-a and fs-c report the same accounts: each name is held once for both servers' rows.
    void serversShareTheTextsOfTheirRows()
    {
        m_window->watchServer(QStringLiteral("fs-c"), logon());
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 8, kTimeoutMs);
        SessionTableModel *model = MainWindowTestAccess::model(*m_window);
        QMap<QString, QList<QString>> users; // user -> the texts of that user's rows
        for (int row = 0; row < model->rowCount(); ++row)
            users[model->row(row).user].append(model->row(row).user);
        QCOMPARE(users.value(QStringLiteral("anna")).size(), 2);
        QCOMPARE(users.value(QStringLiteral("carl")).size(), 2);
        for (const QList<QString> &texts : std::as_const(users)) {
            for (const QString &text : texts)
                QVERIFY2(text.isSharedWith(texts.constFirst()), qPrintable(text));
        }
    }

    // Show Sessions of This User on a file of fs-c: anna's sessions on fs-c, where she holds
    // the file, not those of the anna on fs-a.
    void sessionsOfAFilesUserOnItsOwnServer()
    {
        m_window->watchServer(QStringLiteral("fs-c"), logon());
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 8, kTimeoutMs);
        m_window->showOpenFilesPage(true);
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::filesModel(*m_window)->rowCount(), 5, kTimeoutMs);
        MainWindowTestAccess::filesView(*m_window)->selectionModel()->select(
            fileIndexOf(QStringLiteral("fs-c"), 1),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        MainWindowTestAccess::showSessionsOfUserAction(*m_window)->trigger();

        QCOMPARE(MainWindowTestAccess::pages(*m_window)->currentWidget(),
            static_cast<QWidget *>(MainWindowTestAccess::page(*m_window)));
        QCOMPARE(m_window->shownServer(), m_window->watchedServers()->find(QStringLiteral("fs-c")));
        QCOMPARE(users(), QStringList {QStringLiteral("anna")});
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)
                     ->index(0, 0)
                     .data(SessionTableModel::ServerRole)
                     .toString(),
            QStringLiteral("fs-c"));
    }

    // Close Open File on rows of two servers: each id goes to its own server only, the
    // confirmation counts the files of each, and the outcome names each server.
    // With the files of several servers, the export names each file's own server.
    void openFilesExportNamesEachRowsServer()
    {
        m_window->showOpenFilesPage(true);
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::filesModel(*m_window)->rowCount(), 4, kTimeoutMs);
        OpenFilesPage *page = MainWindowTestAccess::filesPage(*m_window);
        // The paths say whose a file is: C:\a\... on fs-a, C:\b\... on fs-b.
        const auto serverOfPath = [](const QString &path) {
            return path.startsWith(QStringLiteral("C:\\a\\")) ? QStringLiteral("fs-a")
                                                              : QStringLiteral("fs-b");
        };
        const QStringList lines = QString::fromUtf8(page->exportShown(TableExport::Format::Csv))
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.constFirst(), QStringLiteral("server,id,path,user,locks,permissions"));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList fields = lines.at(i).split(QLatin1Char(','));
            QCOMPARE(fields.size(), 6);
            QCOMPARE(fields.at(0), serverOfPath(fields.at(2)));
        }
        const QJsonArray files
            = QJsonDocument::fromJson(page->exportShown(TableExport::Format::Json))
                  .object()
                  .value(QStringLiteral("files"))
                  .toArray();
        QCOMPARE(files.size(), 4);
        for (const QJsonValue &file : files) {
            QCOMPARE(file[QStringLiteral("server")].toString(),
                serverOfPath(file[QStringLiteral("path")].toString()));
        }
        // Narrowed to one server, the export is that server's, as `sessionctl files` writes it.
        m_window->showServer(m_window->watchedServers()->find(QStringLiteral("fs-b")));
        QVERIFY(page->exportShown(TableExport::Format::Csv)
                    .startsWith("id,path,user,locks,permissions\r\n"));
        m_window->showServer(nullptr);
    }

    void closeFileActsOnEachRowsOwnServer()
    {
        m_window->showOpenFilesPage(true);
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::filesModel(*m_window)->rowCount(), 4, kTimeoutMs);
        QItemSelectionModel *selection
            = MainWindowTestAccess::filesView(*m_window)->selectionModel();
        selection->select(fileIndexOf(QStringLiteral("fs-a"), 2),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(fileIndexOf(QStringLiteral("fs-b"), 1),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QMessageBox *box = MainWindowTestAccess::filesPage(*m_window)->confirmCloseSelected();
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("On fs-a: 1 file")),
            qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("On fs-b: 1 file")),
            qPrintable(box->informativeText()));
        auto *close = box->findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(close);
        close->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            MainWindowTestAccess::messageText(*m_window).contains(QStringLiteral("fs-b:")),
            kTimeoutMs);
        const QString message = MainWindowTestAccess::messageText(*m_window);
        QVERIFY2(message.contains(QStringLiteral("fs-a:")), qPrintable(message));
        {
            QMutexLocker lock(&m_filesA->mutex);
            QCOMPARE(m_filesA->closed, QList<std::uint32_t> {2});
        }
        {
            QMutexLocker lock(&m_filesB->mutex);
            QCOMPARE(m_filesB->closed, QList<std::uint32_t> {1});
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
        QVERIFY(fileIndexOf(QStringLiteral("fs-a"), 1).isValid());
        QVERIFY(fileIndexOf(QStringLiteral("fs-b"), 3).isValid());
    }

    // No server is asked for its open files while the page is hidden.
    void hiddenPageListsNoFiles()
    {
        const QList<ServerConnection *> connections = m_window->watchedServers()->connections();
        const auto refreshAll = [&connections] {
            for (ServerConnection *connection : connections) {
                QSignalSpy handled(connection, &ServerConnection::snapshotHandled);
                connection->refresh();
                QVERIFY(handled.wait(kTimeoutMs));
            }
        };
        refreshAll();
        QCOMPARE(listings(), 0);
        m_window->showOpenFilesPage(true);
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::filesModel(*m_window)->rowCount(), 4, kTimeoutMs);
        {
            QMutexLocker lockA(&m_filesA->mutex);
            QMutexLocker lockB(&m_filesB->mutex);
            QVERIFY(m_filesA->listings > 0);
            QVERIFY(m_filesB->listings > 0);
        }
        m_window->showOpenFilesPage(false);
        for (ServerConnection *connection : connections)
            QVERIFY(!connection->openFilesWatched());
        const int before = listings();
        refreshAll();
        QCOMPARE(listings(), before);
    }

private:
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto a = m_a;
        auto b = m_b;
        auto down = m_down;
        auto seen = m_seen;
        auto filesA = m_filesA;
        auto filesB = m_filesB;
        auto filesC = m_filesC;
        auto window = std::make_unique<MainWindow>(
            [=](const sc::ConnectionOptions &o) -> std::unique_ptr<sc::SessionApi> {
                seen->record(o);
                return std::make_unique<FakeFileApi>(o.host == "fs-b" ? b
                        : o.host == "fs-down"                         ? down
                                                                      : a,
                    o.host == "fs-b"       ? filesB
                        : o.host == "fs-c" ? filesC
                                           : filesA);
            });
        window->setRefreshInterval(0); // polls only when the test asks
        return window;
    }
    // As at a start with the account saved but no password: three servers to restore.
    void startWithSavedServersAndNoPassword()
    {
        m_window.reset();
        QSettings().clear();
        {
            QSettings settings;
            settings.setValue(QStringLiteral("logon/user"), QStringLiteral("helpdesk"));
            settings.setValue(QStringLiteral("logon/domain"), QStringLiteral("EXAMPLE"));
            ServerListStore::save(
                settings, {QStringLiteral("fs-a"), QStringLiteral("fs-b"), QStringLiteral("fs-c")});
        }
        m_seen = std::make_shared<SeenLogons>();
        m_window = makeWindow();
        m_window->show();
        QCOMPARE(m_window->restoreSavedServers(ServerListStore::load(QSettings())), 3);
        QCoreApplication::processEvents();
    }
    QString toolTipOf(const QString &server) const
    {
        ServerListModel *list = MainWindowTestAccess::serverList(*m_window);
        for (int row = 0; row < list->rowCount(); ++row) {
            if (list->index(row).data(ServerListModel::NameRole).toString() == server)
                return list->index(row).data(Qt::ToolTipRole).toString();
        }
        return {};
    }
    static sc::ConnectionOptions logon() { return MainWindowTestAccess::helpdeskLogon(); }
    int listings() const
    {
        int count = 0;
        for (const auto &files : {m_filesA, m_filesB, m_filesC}) {
            QMutexLocker lock(&files->mutex);
            count += files->listings;
        }
        return count;
    }
    QModelIndex fileIndexOf(const QString &server, quint32 id) const
    {
        const QAbstractItemModel *proxy = MainWindowTestAccess::filesProxy(*m_window);
        for (int r = 0; r < proxy->rowCount(); ++r) {
            const QModelIndex index = proxy->index(r, OpenFileTableModel::Path);
            if (index.data(OpenFileTableModel::ServerRole).toString() == server
                && index.data(OpenFileTableModel::IdRole).toUInt() == id)
                return index;
        }
        return {};
    }
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
        return MainWindowTestAccess::proxyIndexOf(*m_window, user);
    }
    QString serverOf(const QString &user) const
    {
        return proxyIndexOf(user).siblingAtColumn(SessionTableModel::Server).data().toString();
    }

    std::shared_ptr<FakeServer> m_a;
    std::shared_ptr<FakeServer> m_b;
    std::shared_ptr<FakeServer> m_down;
    std::shared_ptr<SeenLogons> m_seen;
    std::shared_ptr<FakeFiles> m_filesA;
    std::shared_ptr<FakeFiles> m_filesB;
    std::shared_ptr<FakeFiles> m_filesC;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowFleetFake)
#include "tst_mainwindowfleetfake.moc"
