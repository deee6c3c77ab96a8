// SPDX-License-Identifier: GPL-3.0-or-later
// The server panel's model over ServerConnections to scripted servers: the four states, the
// count once a server answered, the tooltip's error and security, one dataChanged() for the
// row of the server that changed, and removal.
#include "fakesessionapi.h"
#include "serverconnection.h"
#include "serverlistmodel.h"
#include "sessionerrortext.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <array>
#include <memory>

namespace {

constexpr int kTimeoutMs = 15000;

sc::ConnectionOptions optionsFor(const char *host)
{
    sc::ConnectionOptions options;
    options.host = host;
    options.user = "helpdesk";
    return options;
}

} // namespace

class TestServerListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void connectingUntilTheFirstAnswer();
    void liveWithCountTimeAndSecurity();
    void failedBeforeAnyAnswer();
    void staleAfterAnAnswerKeepsTheCount();
    void oneServersChangeUpdatesOnlyItsRow();
    void unchangedStatusEmitsNothing();
    void reconnectForgetsTheCount();
    void pagedAnswerCountsWhenComplete();
    void removeAndDestroy();
    void roleNamesFollowTheRoles();

private:
    /// A connection to its own scripted server, polled only when the test asks.
    ServerConnection *addServer(const std::shared_ptr<FakeServer> &server);
    /// Polls @p connection (connecting first when @p host is given) and waits for the answer.
    void answer(ServerConnection *connection, const char *host = nullptr);
    /// Adds three servers, then connects them as fs01, fs02 and fs03 and waits for each answer.
    std::array<ServerConnection *, 3> addAnswered(const std::shared_ptr<FakeServer> &first,
        const std::shared_ptr<FakeServer> &second, const std::shared_ptr<FakeServer> &third);
    QVariant dataOf(ServerConnection *connection, int role) const
    {
        return m_model->index(m_model->rowOf(connection)).data(role);
    }

    std::unique_ptr<ServerListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::vector<std::unique_ptr<ServerConnection>> m_connections;
    std::vector<std::shared_ptr<FakeServer>> m_servers;
};

void TestServerListModel::init()
{
    sc::SessionApi::clearLevelCache();
    m_model = std::make_unique<ServerListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestServerListModel::cleanup()
{
    // A failed check may leave a worker waiting for a page.
    for (const auto &server : m_servers)
        server->releasePages();
    m_connections.clear();
    m_servers.clear();
    m_tester.reset();
    m_model.reset();
}

ServerConnection *TestServerListModel::addServer(const std::shared_ptr<FakeServer> &server)
{
    auto connection = std::make_unique<ServerConnection>(fakeApiFactory(server));
    connection->setInterval(0);
    ServerConnection *c = connection.get();
    m_connections.push_back(std::move(connection));
    m_servers.push_back(server);
    m_model->addConnection(c);
    return c;
}

void TestServerListModel::answer(ServerConnection *connection, const char *host)
{
    QSignalSpy handled(connection, &ServerConnection::snapshotHandled);
    if (host)
        connection->connectTo(QString::fromLatin1(host), optionsFor(host));
    else
        connection->refresh();
    QVERIFY(handled.wait(kTimeoutMs));
}

std::array<ServerConnection *, 3> TestServerListModel::addAnswered(
    const std::shared_ptr<FakeServer> &first, const std::shared_ptr<FakeServer> &second,
    const std::shared_ptr<FakeServer> &third)
{
    const std::array<ServerConnection *, 3> connections {
        addServer(first), addServer(second), addServer(third)};
    answer(connections[0], "fs01");
    answer(connections[1], "fs02");
    answer(connections[2], "fs03");
    return connections;
}

void TestServerListModel::connectingUntilTheFirstAnswer()
{
    auto server = std::make_shared<FakeServer>();
    server->sessions = {session(u"PC1", u"anna", 1, 10, 0)};
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    ServerConnection *c = addServer(server);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->connectionAt(0), c);
    QCOMPARE(m_model->rowOf(c), 0);
    QCOMPARE(m_model->connectionAt(1), nullptr);
    // Not told to connect yet: nothing answered, so Connecting, not Failed.
    QCOMPARE(
        dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Connecting));

    c->connectTo(QStringLiteral("fs01"), optionsFor("fs01"));
    // The answer cannot have arrived: it comes through the event loop.
    QCOMPARE(
        dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Connecting));
    QCOMPARE(dataOf(c, Qt::DisplayRole).toString(), QStringLiteral("fs01"));
    QCOMPARE(dataOf(c, ServerListModel::NameRole).toString(), QStringLiteral("fs01"));
    QVERIFY(!dataOf(c, ServerListModel::SessionCountRole).isValid());
    QVERIFY(!dataOf(c, ServerListModel::LastRefreshRole).isValid());
    // Nothing negotiated yet, so nothing said about security.
    const QString tip = dataOf(c, Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QLatin1String("igned")), qPrintable(tip));
    QCOMPARE(dataOf(c, ServerListModel::ConnectionRole).value<ServerConnection *>(), c);
}

void TestServerListModel::liveWithCountTimeAndSecurity()
{
    auto server = std::make_shared<FakeServer>();
    server->sessions = {session(u"PC1", u"anna", 1, 10, 0), session(u"PC2", u"bert", 0, 20, 5),
        session(u"PC3", u"carl", 2, 30, 1)};
    ServerConnection *c = addServer(server);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    answer(c, "fs01");
    QCOMPARE(dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Live));
    QCOMPARE(dataOf(c, ServerListModel::StateTextRole).toString(), QStringLiteral("Live"));
    QCOMPARE(dataOf(c, ServerListModel::SessionCountRole), QVariant(3));
    const QDateTime refreshed = dataOf(c, ServerListModel::LastRefreshRole).toDateTime();
    QVERIFY(refreshed.isValid());
    QVERIFY(refreshed.toMSecsSinceEpoch() >= before);
    QCOMPARE(refreshed.toMSecsSinceEpoch(), c->status().lastSuccessMs);
    // FakeSessionApi negotiates signing without sealing over SMB3_11.
    const QString tip = dataOf(c, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Connection: Signed, not encrypted (SMB3_11)")),
        qPrintable(tip));

    // The count follows the server's answers.
    {
        QMutexLocker lock(&server->mutex);
        server->sessions.pop_back();
    }
    answer(c);
    QCOMPARE(dataOf(c, ServerListModel::SessionCountRole), QVariant(2));
}

void TestServerListModel::failedBeforeAnyAnswer()
{
    auto server = std::make_shared<FakeServer>();
    const sc::SessionError refused = sc::SessionError::local(sc::ErrorKind::ConnectionRefused);
    server->failure = refused;
    ServerConnection *c = addServer(server);
    answer(c, "fs02:1445");
    QCOMPARE(dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Failed));
    QVERIFY(!dataOf(c, ServerListModel::SessionCountRole).isValid());
    QVERIFY(!dataOf(c, ServerListModel::LastRefreshRole).isValid());
    const QString tip = dataOf(c, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(SessionErrorText::text(refused, 0, SessionErrorText::Operation::List)),
        qPrintable(tip));
    // The server never answered: no security is claimed for it.
    QVERIFY2(!tip.contains(QLatin1String("igned")), qPrintable(tip));
}

void TestServerListModel::staleAfterAnAnswerKeepsTheCount()
{
    auto server = std::make_shared<FakeServer>();
    server->sessions = {session(u"PC1", u"anna", 1, 10, 0), session(u"PC2", u"bert", 0, 20, 5)};
    ServerConnection *c = addServer(server);
    answer(c, "fs01");
    const QVariant refreshed = dataOf(c, ServerListModel::LastRefreshRole);
    const sc::SessionError lost = sc::SessionError::local(sc::ErrorKind::ConnectionLost);
    {
        QMutexLocker lock(&server->mutex);
        server->failure = lost;
    }
    answer(c);
    QCOMPARE(dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Stale));
    // The rows shown are still the last answer's: so are the count and the time.
    QCOMPARE(dataOf(c, ServerListModel::SessionCountRole), QVariant(2));
    QCOMPARE(dataOf(c, ServerListModel::LastRefreshRole), refreshed);
    const QString tip = dataOf(c, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(SessionErrorText::text(lost, 0, SessionErrorText::Operation::List)),
        qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("Connection at the last answer: Signed, not encrypted")),
        qPrintable(tip));

    // It comes back by itself on the next answer.
    {
        QMutexLocker lock(&server->mutex);
        server->failure.reset();
    }
    answer(c);
    QCOMPARE(dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Live));
    QVERIFY(!dataOf(c, Qt::ToolTipRole)
                 .toString()
                 .contains(SessionErrorText::text(lost, 0, SessionErrorText::Operation::List)));
}

void TestServerListModel::oneServersChangeUpdatesOnlyItsRow()
{
    auto first = std::make_shared<FakeServer>();
    first->sessions = {session(u"PC1", u"anna", 1, 10, 0)};
    auto second = std::make_shared<FakeServer>();
    second->sessions = {session(u"PC2", u"bert", 1, 10, 0)};
    auto third = std::make_shared<FakeServer>();
    const auto [a, b, c] = addAnswered(first, second, third);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    {
        QMutexLocker lock(&second->mutex);
        second->sessions.push_back(session(u"PC3", u"carl", 0, 5, 0));
    }
    answer(b);
    QVERIFY(!changed.isEmpty());
    for (const QList<QVariant> &args : changed) {
        QCOMPARE(args.at(0).toModelIndex(), m_model->index(1));
        QCOMPARE(args.at(1).toModelIndex(), m_model->index(1));
    }
    QCOMPARE(dataOf(b, ServerListModel::SessionCountRole), QVariant(2));
    QCOMPARE(dataOf(a, ServerListModel::SessionCountRole), QVariant(1));
}

void TestServerListModel::unchangedStatusEmitsNothing()
{
    auto server = std::make_shared<FakeServer>();
    ServerConnection *c = addServer(server);
    answer(c, "fs01");
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    // Said by the connection whenever a poll is scheduled or starts; nothing shown changes.
    Q_EMIT c->statusChanged();
    QCOMPARE(changed.size(), 0);
}

void TestServerListModel::reconnectForgetsTheCount()
{
    auto server = std::make_shared<FakeServer>();
    server->sessions = {session(u"PC1", u"anna", 1, 10, 0)};
    ServerConnection *c = addServer(server);
    answer(c, "fs01");
    QCOMPARE(dataOf(c, ServerListModel::SessionCountRole), QVariant(1));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    c->connectTo(QStringLiteral("fs01"), optionsFor("fs01"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(
        dataOf(c, ServerListModel::StateRole).toInt(), int(ServerListModel::State::Connecting));
    QVERIFY(!dataOf(c, ServerListModel::SessionCountRole).isValid());
    QVERIFY(!dataOf(c, ServerListModel::LastRefreshRole).isValid());
    QSignalSpy handled(c, &ServerConnection::snapshotHandled);
    QVERIFY(handled.wait(kTimeoutMs));
}

void TestServerListModel::pagedAnswerCountsWhenComplete()
{
    // A server that pages as Windows does: its first page is shown at once, but the count
    // waits for the whole answer rather than showing the rows so far as the server's.
    auto server = std::make_shared<FakeServer>();
    server->sessions = {session(u"PC1", u"anna", 1, 10, 0), session(u"PC2", u"bert", 0, 20, 5),
        session(u"PC3", u"carl", 2, 30, 1)};
    server->pageSize = 1;
    server->pagesAllowed = 0;
    ServerConnection *c = addServer(server);
    QSignalSpy ready(c, &ServerConnection::snapshotReady);
    c->connectTo(QStringLiteral("fs01"), optionsFor("fs01"));
    QVERIFY(ready.wait(kTimeoutMs));
    const auto first = ready.at(0).at(0).value<SessionSnapshot>();
    QVERIFY(first.partial);
    QVERIFY(first.hasRows);
    QVERIFY(!dataOf(c, ServerListModel::SessionCountRole).isValid());
    QVERIFY(!dataOf(c, ServerListModel::LastRefreshRole).isValid());

    server->releasePages();
    QTRY_COMPARE_WITH_TIMEOUT(
        dataOf(c, ServerListModel::SessionCountRole), QVariant(3), kTimeoutMs);
    QVERIFY(dataOf(c, ServerListModel::LastRefreshRole).isValid());
}

void TestServerListModel::removeAndDestroy()
{
    auto first = std::make_shared<FakeServer>();
    auto second = std::make_shared<FakeServer>();
    auto third = std::make_shared<FakeServer>();
    const auto [a, b, c] = addAnswered(first, second, third);
    m_model->addConnection(b); // once only
    QCOMPARE(m_model->rowCount(), 3);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->removeConnection(b);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf(b), -1);
    QCOMPARE(m_model->rowOf(c), 1);
    QCOMPARE(m_model->index(1).data().toString(), QStringLiteral("fs03"));

    // A removed connection is no longer followed.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    {
        QMutexLocker lock(&second->mutex);
        second->sessions.push_back(session(u"PC3", u"carl", 0, 5, 0));
    }
    answer(b);
    QCOMPARE(changed.size(), 0);

    // One destroyed by its owner leaves the list by itself.
    removed.clear();
    m_connections.erase(m_connections.begin()); // a
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->connectionAt(0), c);
}

// The names follow the Role enum (RoleNames::add()): each role's key without "Role", as the
// model named them before.
void TestServerListModel::roleNamesFollowTheRoles()
{
    const QHash<int, QByteArray> ours {{ServerListModel::NameRole, "name"},
        {ServerListModel::StateRole, "state"}, {ServerListModel::StateTextRole, "stateText"},
        {ServerListModel::SessionCountRole, "sessionCount"},
        {ServerListModel::LastRefreshRole, "lastRefresh"},
        {ServerListModel::ConnectionRole, "connection"}, {ServerListModel::AccountRole, "account"}};
    const QHash<int, QByteArray> names = m_model->roleNames();
    for (auto it = ours.cbegin(); it != ours.cend(); ++it)
        QCOMPARE(names.value(it.key()), it.value());
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    QCOMPARE(names.size(), 6 + ours.size()); // Qt's six (display ... whatsThis) and ours
}

QTEST_GUILESS_MAIN(TestServerListModel)
#include "tst_serverlistmodel.moc"
