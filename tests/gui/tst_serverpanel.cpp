// SPDX-License-Identifier: GPL-3.0-or-later
// The server panel over ServerConnections to scripted servers: "All servers" and one entry
// per server with its icon, count and time; the selection names its connection; Add Server…
// checks the name; Delete asks to remove the selected server; Import Server List… imports
// the good lines and names the bad ones.
#include "fakesessionapi.h"
#include "languagemanager.h"
#include "serverconnection.h"
#include "serverlistmodel.h"
#include "serverpanel.h"
#include "serverpanelmodel.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

class TestServerPanel : public QObject
{
    Q_OBJECT
    LanguageManager m_language;

private Q_SLOTS:
    // The English catalogue holds the plural forms ("1 session", "2 sessions").
    void initTestCase() { m_language.setLanguage(QStringLiteral("en")); }
    void init();
    void cleanup();
    void allServersThenEntries();
    void selectionNamesTheConnection();
    void addValidatesTheName();
    void deleteAsksToRemoveTheSelectedServer();
    void removedSelectionFallsBackToAllServers();
    void importTakesTheGoodLinesAndNamesTheBadOnes();

private:
    ServerConnection *addServer(const char *host, const std::shared_ptr<FakeServer> &server);
    QModelIndex panelIndex(int row) const { return m_panel->m_model->index(row, 0); }
    QInputDialog *addDialog() const { return m_panel->findChild<QInputDialog *>(); }

    std::unique_ptr<ServerListModel> m_servers;
    std::unique_ptr<ServerPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::vector<std::unique_ptr<ServerConnection>> m_connections;
    std::shared_ptr<FakeServer> m_first;
    std::shared_ptr<FakeServer> m_second;
    ServerConnection *m_a = nullptr;
    ServerConnection *m_b = nullptr;
};

ServerConnection *TestServerPanel::addServer(
    const char *host, const std::shared_ptr<FakeServer> &server)
{
    auto connection = std::make_unique<ServerConnection>(fakeApiFactory(server));
    connection->setInterval(0);
    ServerConnection *c = connection.get();
    m_connections.push_back(std::move(connection));
    m_servers->addConnection(c);
    QSignalSpy handled(c, &ServerConnection::snapshotHandled);
    sc::ConnectionOptions options;
    options.host = host;
    options.user = "helpdesk";
    c->connectTo(QString::fromLatin1(host), options);
    [&] { QVERIFY(handled.wait(kTimeoutMs)); }();
    return c;
}

void TestServerPanel::init()
{
    sc::SessionApi::clearLevelCache();
    m_servers = std::make_unique<ServerListModel>();
    m_panel = std::make_unique<ServerPanel>(m_servers.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_panel->m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_first = std::make_shared<FakeServer>();
    m_first->sessions = {session(u"PC1", u"anna", 1, 10, 0), session(u"PC2", u"bert", 0, 20, 5)};
    m_second = std::make_shared<FakeServer>();
    m_second->failure = sc::SessionError::local(sc::ErrorKind::ConnectionRefused);
    m_a = addServer("fs01", m_first);
    m_b = addServer("fs02:1445", m_second);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestServerPanel::cleanup()
{
    m_tester.reset();
    m_panel.reset();
    m_connections.clear();
    m_servers.reset();
}

void TestServerPanel::allServersThenEntries()
{
    QCOMPARE(m_panel->m_model->rowCount(), 3);
    QCOMPARE(panelIndex(0).data().toString(), QStringLiteral("All servers"));
    QVERIFY(!panelIndex(0).data(Qt::DecorationRole).value<QIcon>().isNull());

    const QString first = panelIndex(1).data().toString();
    const QString time
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_a->status().lastSuccessMs).time(),
            QStringLiteral("HH:mm:ss"));
    QCOMPARE(first, QStringLiteral("fs01\n2 sessions · ") + time);
    QCOMPARE(panelIndex(2).data().toString(), QStringLiteral("fs02:1445\nFailed"));
    // Each state its own icon.
    const QIcon live = panelIndex(1).data(Qt::DecorationRole).value<QIcon>();
    const QIcon failed = panelIndex(2).data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!live.isNull());
    QVERIFY(!failed.isNull());
    QVERIFY(live.cacheKey() != failed.cacheKey());
    // The tooltip is the list model's, with the reason.
    QVERIFY(panelIndex(2).data(Qt::ToolTipRole).toString().contains(QLatin1String("fs02:1445")));
    QCOMPARE(panelIndex(2).data(Qt::ToolTipRole), m_servers->index(1).data(Qt::ToolTipRole));

    // A server's refresh reaches its entry, and only its entry.
    QSignalSpy changed(m_panel->m_model, &QAbstractItemModel::dataChanged);
    {
        QMutexLocker lock(&m_first->mutex);
        m_first->sessions.pop_back();
    }
    QSignalSpy handled(m_a, &ServerConnection::snapshotHandled);
    m_a->refresh();
    QVERIFY(handled.wait(kTimeoutMs));
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : changed) {
        QCOMPARE(args.at(0).toModelIndex().row(), 1);
        QCOMPARE(args.at(1).toModelIndex().row(), 1);
    }
    QVERIFY(panelIndex(1).data().toString().startsWith(QStringLiteral("fs01\n1 session · ")));
}

void TestServerPanel::selectionNamesTheConnection()
{
    QCOMPARE(m_panel->currentServer(), nullptr);
    QVERIFY(!m_panel->removeServerAction()->isEnabled());
    QSignalSpy current(m_panel.get(), &ServerPanel::currentServerChanged);
    QListView *view = m_panel->m_view;
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(0).value<ServerConnection *>(), m_a);
    QCOMPARE(m_panel->currentServer(), m_a);
    QVERIFY(m_panel->removeServerAction()->isEnabled());

    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {}, view->visualRect(panelIndex(2)).center());
    QCOMPARE(current.size(), 2);
    QCOMPARE(current.at(1).at(0).value<ServerConnection *>(), m_b);

    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {}, view->visualRect(panelIndex(0)).center());
    QCOMPARE(current.size(), 3);
    QCOMPARE(current.at(2).at(0).value<ServerConnection *>(), nullptr);
    QVERIFY(!m_panel->removeServerAction()->isEnabled());

    m_panel->setCurrentServer(m_b);
    QCOMPARE(current.size(), 4);
    QCOMPARE(current.at(3).at(0).value<ServerConnection *>(), m_b);
    // Selecting what is selected is no change.
    m_panel->setCurrentServer(m_b);
    QCOMPARE(current.size(), 4);
}

void TestServerPanel::addValidatesTheName()
{
    QSignalSpy added(m_panel.get(), &ServerPanel::addServerRequested);
    QLabel *message = m_panel->m_message;

    const auto addThroughDialog = [this](const QString &text) {
        m_panel->addServerAction()->trigger();
        QInputDialog *dialog = addDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->setTextValue(text);
        dialog->accept();
        // WA_DeleteOnClose: gone by the next test.
        QTRY_VERIFY(!addDialog());
    };

    addThroughDialog(QStringLiteral("\\\\fs01\\data"));
    QCOMPARE(added.size(), 0);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
        QStringLiteral("\"\\\\fs01\\data\" is not a server name (use host, host:port, "
                       "\\\\host or [IPv6 address]:port)."));

    addThroughDialog(QStringLiteral("fs03:99999"));
    QCOMPARE(added.size(), 0);
    QVERIFY(message->text().contains(QLatin1String("\"fs03:99999\" is not a server name")));

    // Already watched, in another spelling: it is selected instead.
    addThroughDialog(QStringLiteral("\\\\FS02:1445"));
    QCOMPARE(added.size(), 0);
    QCOMPARE(message->text(), QStringLiteral("fs02:1445 is already in the list."));
    QCOMPARE(m_panel->currentServer(), m_b);

    addThroughDialog(QStringLiteral("  \\\\fs03:445 "));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("fs03"));
    QVERIFY(message->isHidden());

    addThroughDialog(QStringLiteral("[fe80::1]:4450"));
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.at(1).at(0).toString(), QStringLiteral("[fe80::1]:4450"));
}

void TestServerPanel::deleteAsksToRemoveTheSelectedServer()
{
    QSignalSpy remove(m_panel.get(), &ServerPanel::removeServerRequested);
    QListView *view = m_panel->m_view;
    view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    // "All servers" is not removable.
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(remove.size(), 0);

    m_panel->setCurrentServer(m_b);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(remove.size(), 1);
    QCOMPARE(remove.at(0).at(0).value<ServerConnection *>(), m_b);
    // The panel only asks: the row stays until its owner removes the connection.
    QCOMPARE(m_servers->rowCount(), 2);

    m_panel->setCurrentServer(m_a);
    m_panel->removeServerAction()->trigger();
    QCOMPARE(remove.size(), 2);
    QCOMPARE(remove.at(1).at(0).value<ServerConnection *>(), m_a);
}

void TestServerPanel::removedSelectionFallsBackToAllServers()
{
    ServerConnection *c = addServer("fs03", std::make_shared<FakeServer>());
    m_panel->setCurrentServer(m_b);
    QSignalSpy current(m_panel.get(), &ServerPanel::currentServerChanged);
    // Another server leaving changes nothing.
    m_servers->removeConnection(m_a);
    QCOMPARE(current.size(), 0);
    QCOMPARE(m_panel->currentServer(), m_b);
    QCOMPARE(m_panel->m_view->currentIndex().row(), 1);

    // The selected one leaving selects "All servers", not the server that moved up (the
    // selection model's own choice), whose sessions the operator did not ask for.
    m_servers->removeConnection(m_b);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(0).value<ServerConnection *>(), nullptr);
    QCOMPARE(m_panel->m_view->currentIndex().row(), ServerPanelModel::kAllServersRow);
    QCOMPARE(m_panel->m_model->rowCount(), 2);
    QCOMPARE(m_servers->connectionAt(0), c);
}

void TestServerPanel::importTakesTheGoodLinesAndNamesTheBadOnes()
{
    const TemporaryTestFile servers(QStringLiteral("servers.txt"),
        "# second floor\r\n"
        "fs10   # new\r\n"
        "FS01\r\n" // watched already
        "\r\n"
        "fs 11\r\n"
        "\\\\servidor-a\xc3\xb1o\r\n"
        "FS10\r\n" // twice in the file
        "fs12:0\r\n");
    QVERIFY(servers.isValid());

    QSignalSpy imported(m_panel.get(), &ServerPanel::serversImported);
    QVERIFY(m_panel->importServerList(servers.path()));
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.at(0).at(0).toStringList(),
        QStringList({QStringLiteral("fs10"), QString::fromUtf8("servidor-año")}));
    QLabel *message = m_panel->m_message;
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
        QStringLiteral("2 lines of the server list name no server (use host, host:port, "
                       "\\\\host or [IPv6 address]:port):\n"
                       "servers.txt, line 5: \"fs 11\"\n"
                       "servers.txt, line 8: \"fs12:0\""));

    imported.clear();
    QVERIFY(!m_panel->importServerList(servers.siblingPath(QStringLiteral("missing.txt"))));
    QCOMPARE(imported.size(), 0);
    QVERIFY(
        message->text().startsWith(QLatin1String("Cannot read the server list \"missing.txt\"")));
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
