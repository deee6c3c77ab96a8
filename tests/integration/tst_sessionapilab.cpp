// SPDX-License-Identifier: GPL-3.0-or-later
// SessionApi (the Samba backend) end to end against the lab's real smbd: exact session lists
// at every level Samba serves, the level fallback, getInfo, remove, and how each failure
// (logon, rights, closed port, hung server) is reported.

#include "heldlabsessions.h"
#include "labsupport.h"
#include "sessionapi.h"
#include "sessionerrortext.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

QString qs(const std::u16string &s)
{
    return QString::fromStdU16String(s);
}

std::u16string u16(const QString &s)
{
    return s.toStdU16String();
}

QMap<QString, int> countByUser(const sc::SessionList &sessions)
{
    QMap<QString, int> counts;
    for (const sc::SessionInfo &s : sessions)
        ++counts[qs(s.userName)];
    return counts;
}

QMap<QString, int> countByUser(const QList<LabSession> &sessions)
{
    QMap<QString, int> counts;
    for (const LabSession &s : sessions)
        ++counts[s.user];
    return counts;
}

std::u16string clientOf(const sc::SessionList &sessions, const QString &user)
{
    for (const sc::SessionInfo &s : sessions) {
        if (qs(s.userName) == user)
            return s.clientName;
    }
    return {};
}

QString describe(const sc::SessionError &e)
{
    return QStringLiteral("%1: %2").arg(
        QLatin1String(sc::errorKindId(e.kind())), SessionErrorText::text(e));
}

// QVERIFY2 evaluates its message even when the check passes, so it must not touch error()
// of a successful result.
template<typename T>
QByteArray why(const sc::Result<T> &r)
{
    return r.ok() ? QByteArray("ok") : describe(r.error()).toUtf8();
}

} // namespace

class tst_SessionApiLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void enumerateExactSessions_data();
    void enumerateExactSessions();
    void freshSessionsHavePlausibleTimes();
    void enumerateLevel0();
    void autoFallsBackToLevel1();
    void unsupportedLevels_data();
    void unsupportedLevels();
    void getInfoFindsSession();
    void getInfoUnknownUser();
    void removeUnknownUserEndsNothing();
    // Ends alice's held sessions: keep it after every test that counts them.
    void removeEndsOnlyThatUser();

    void wrongPassword();
    void nonAdminIsDenied();
    void closedPortIsRefused();
    void hungServerTimesOut();

private:
    std::unique_ptr<sc::SessionApi> adminApi() const;

    Lab m_lab;
    QString m_bob;
    HeldLabSessions m_held;
};

void tst_SessionApiLab::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_bob = m_lab.plainUser(QStringLiteral("bob"));
    QVERIFY2(!m_bob.isEmpty(), qPrintable(m_lab.plainUsers().join(QLatin1Char(' '))));
    QVERIFY2(m_held.hold(m_lab), qPrintable(m_held.errorString()));
}

void tst_SessionApiLab::init()
{
    // Every test opens exactly one admin connection; the one of the previous test must be
    // gone first or the expected lists would be off by one.
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));
    sc::SessionApi::clearLevelCache();
}

void tst_SessionApiLab::cleanupTestCase()
{
    m_held.release();
}

std::unique_ptr<sc::SessionApi> tst_SessionApiLab::adminApi() const
{
    return sc::createSessionApi(m_lab.adminOptions());
}

void tst_SessionApiLab::enumerateExactSessions_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("expectedLevel");
    QTest::addColumn<bool>("expectFallback");
    QTest::newRow("level 1") << 1 << 1 << false;
    QTest::newRow("auto") << -1 << 1 << true;
}

void tst_SessionApiLab::enumerateExactSessions()
{
    QFETCH(int, level);
    QFETCH(int, expectedLevel);
    QFETCH(bool, expectFallback);

    const auto api = adminApi();
    QVERIFY(api);
    const std::optional<sc::InfoLevel> requested
        = level < 0 ? std::nullopt : std::optional(static_cast<sc::InfoLevel>(level));
    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, requested);
    QVERIFY2(result.ok(), why(result).constData());

    QCOMPARE(static_cast<int>(result->level), expectedLevel);
    QCOMPARE(result->levelFellBack, expectFallback);
    QCOMPARE(countByUser(result->sessions), m_held.expectedCounts());
    QCOMPARE(result->totalEntries, std::uint32_t(result->sessions.size()));
    // The same picture as smbstatus, the server's own view.
    QCOMPARE(countByUser(result->sessions), countByUser(m_lab.smbstatusSessions()));

    for (const sc::SessionInfo &s : result->sessions) {
        QCOMPARE(static_cast<int>(s.level), expectedLevel);
        QVERIFY(!s.clientName.empty());
        QVERIFY2(s.clientName.front() != u'\\', qPrintable(qs(s.clientName)));
        QVERIFY(!s.isGuest());
    }
}

void tst_SessionApiLab::freshSessionsHavePlausibleTimes()
{
    // Every session in the lab is minutes old at most, our own one less than a second. Samba
    // 4.17 has been seen to answer sesi1_time = 0xFFFFFFFF (minus one second) for a session
    // younger than about a second; a caller must never see that as 136 years. Several fresh
    // connections, because each one hits that window only some of the time.
    for (int attempt = 0; attempt < 10; ++attempt) {
        const auto api = adminApi();
        const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, sc::InfoLevel::Level1);
        QVERIFY2(result.ok(), why(result).constData());
        for (const sc::SessionInfo &s : result->sessions) {
            const QByteArray what = QStringLiteral("%1: connected %2 s, idle %3 s")
                                        .arg(qs(s.userName))
                                        .arg(s.connectedSeconds)
                                        .arg(s.idleSeconds)
                                        .toUtf8();
            QVERIFY2(s.connectedSeconds < 3600, what.constData());
            QVERIFY2(s.idleSeconds <= s.connectedSeconds + 1, what.constData());
        }
    }
}

void tst_SessionApiLab::enumerateLevel0()
{
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, sc::InfoLevel::Level0);
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(result->level, sc::InfoLevel::Level0);
    QVERIFY(!result->levelFellBack);

    int expectedTotal = 0;
    for (int n : m_held.expectedCounts())
        expectedTotal += n;
    QCOMPARE(int(result->sessions.size()), expectedTotal);
    for (const sc::SessionInfo &s : result->sessions) {
        QVERIFY(!s.clientName.empty());
        QVERIFY(s.userName.empty()); // level 0 carries the client name only
        QCOMPARE(s.level, sc::InfoLevel::Level0);
    }
}

void tst_SessionApiLab::autoFallsBackToLevel1()
{
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> first = api->enumerate({}, std::nullopt);
    QVERIFY2(first.ok(), why(first).constData());
    QCOMPARE(first->level, sc::InfoLevel::Level1);
    QVERIFY(first->levelFellBack);

    // Remembered per server: the second call goes straight to level 1 and still says it is
    // a fallback, so the UI can keep explaining the missing columns.
    const sc::Result<sc::SessionEnumResult> second = api->enumerate({}, std::nullopt);
    QVERIFY2(second.ok(), why(second).constData());
    QCOMPARE(second->level, sc::InfoLevel::Level1);
    QCOMPARE(countByUser(second->sessions), m_held.expectedCounts());
}

void tst_SessionApiLab::unsupportedLevels_data()
{
    QTest::addColumn<int>("level");
    QTest::newRow("2") << 2;
    QTest::newRow("10") << 10;
    QTest::newRow("502") << 502;
}

void tst_SessionApiLab::unsupportedLevels()
{
    QFETCH(int, level);
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> result
        = api->enumerate({}, static_cast<sc::InfoLevel>(level));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::InvalidLevel);
    QCOMPARE(result.error().codeSpace(), sc::CodeSpace::Win32);
    QCOMPARE(result.error().code(), sc::win32::InvalidLevel);
    QVERIFY2(SessionErrorText::text(result.error()).contains(QLatin1String("auto")),
        qPrintable(SessionErrorText::text(result.error())));
}

void tst_SessionApiLab::getInfoFindsSession()
{
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> all = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(all.ok(), why(all).constData());
    const std::u16string aliceClient = clientOf(all->sessions, m_held.alice());
    const std::u16string joseClient = clientOf(all->sessions, m_held.jose());
    QVERIFY(!aliceClient.empty());
    QVERIFY(!joseClient.empty());

    // Both name forms of the client are accepted, and user names compare case-insensitively.
    for (const std::u16string &client : {aliceClient, u"\\\\" + aliceClient}) {
        const sc::Result<sc::SessionInfo> info
            = api->getInfo(client, u16(m_held.alice().toUpper()), std::nullopt);
        QVERIFY2(info.ok(), why(info).constData());
        QCOMPARE(qs(info->userName), m_held.alice());
        QCOMPARE(info->clientName, aliceClient);
        QCOMPARE(info->level, sc::InfoLevel::Level1);
    }

    // A non-ASCII user name survives the round trip in both directions.
    const sc::Result<sc::SessionInfo> jose
        = api->getInfo(joseClient, u16(m_held.jose()), sc::InfoLevel::Level1);
    QVERIFY2(jose.ok(), why(jose).constData());
    QCOMPARE(qs(jose->userName), m_held.jose());
}

void tst_SessionApiLab::getInfoUnknownUser()
{
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> all = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(all.ok(), why(all).constData());
    QVERIFY(!all->sessions.empty());
    const std::u16string client = all->sessions.front().clientName;

    const sc::Result<sc::SessionInfo> info = api->getInfo(client, u16(m_bob), std::nullopt);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().kind(), sc::ErrorKind::ClientNameNotFound);
}

void tst_SessionApiLab::removeUnknownUserEndsNothing()
{
    const auto api = adminApi();
    const sc::Result<std::uint32_t> removed = api->remove({}, u16(m_bob));
    QVERIFY(!removed.ok());
    // Samba itself would say "access denied" here; the API counts first and says why.
    QCOMPARE(removed.error().kind(), sc::ErrorKind::UserNotFound);
    QCOMPARE(countByUser(m_lab.smbstatusSessions()), m_held.expectedCounts());
}

void tst_SessionApiLab::removeEndsOnlyThatUser()
{
    const auto api = adminApi();
    const sc::Result<sc::SessionEnumResult> all = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(all.ok(), why(all).constData());
    const std::u16string aliceClient = clientOf(all->sessions, m_held.alice());
    QVERIFY(!aliceClient.empty());

    const sc::Result<std::uint32_t> removed = api->remove(aliceClient, u16(m_held.alice()));
    QVERIFY2(removed.ok(), why(removed).constData());
    QCOMPARE(removed.value(), 3u);

    QVERIFY(m_lab.waitForSessionCount(m_held.alice(), 0));
    QVERIFY(m_lab.waitForSessionCount(m_held.jose(), 2));
    QMap<QString, int> expected = m_held.expectedCounts();
    expected.remove(m_held.alice());
    QCOMPARE(countByUser(m_lab.smbstatusSessions()), expected);

    // And our own connection survived the delete: it still lists.
    const sc::Result<sc::SessionEnumResult> after = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY2(after.ok(), why(after).constData());
    QCOMPARE(countByUser(after->sessions), expected);
}

void tst_SessionApiLab::wrongPassword()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.password = sc::SecretString("not-" + std::string(options.password.reveal()));
    const auto api = sc::createSessionApi(options);
    const sc::Result<void> connected = api->connect();
    QVERIFY(!connected.ok());
    QCOMPARE(connected.error().kind(), sc::ErrorKind::LogonFailure);

    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, std::nullopt);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::LogonFailure);
    QVERIFY(SessionErrorText::text(result.error()).contains(QLatin1String("password")));
}

void tst_SessionApiLab::nonAdminIsDenied()
{
    const auto api = sc::createSessionApi(m_lab.optionsFor(m_held.alice()));
    const sc::Result<void> connected = api->connect();
    QVERIFY2(connected.ok(), why(connected).constData());

    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, sc::InfoLevel::Level1);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::AccessDenied);
    QCOMPARE(result.error().code(), sc::win32::AccessDenied);
    QVERIFY(SessionErrorText::text(result.error()).contains(QLatin1String("administrator")));
    QVERIFY(SessionErrorText::text(result.error()).contains(QLatin1String("ERROR_ACCESS_DENIED")));

    const sc::Result<std::uint32_t> removed = api->remove({}, u16(m_held.jose()));
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind(), sc::ErrorKind::AccessDenied);
    QVERIFY(m_lab.waitForSessionCount(m_held.jose(), 2));
}

void tst_SessionApiLab::closedPortIsRefused()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.closedPort();
    const auto api = sc::createSessionApi(options);
    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, std::nullopt);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::ConnectionRefused);
}

void tst_SessionApiLab::hungServerTimesOut()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.hungPort();
    options.connectTimeout = 2s;
    options.callTimeout = 2s;
    const auto api = sc::createSessionApi(options);

    QElapsedTimer timer;
    timer.start();
    const sc::Result<sc::SessionEnumResult> result = api->enumerate({}, std::nullopt);
    const qint64 elapsedMs = timer.elapsed();
    qInfo("hung server: enumerate gave up after %lld ms (timeout 2000 ms)", elapsedMs);

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), sc::ErrorKind::Timeout);
    // Samba's own default would block for 60 s; the bound is generous for a loaded machine.
    QVERIFY2(elapsedMs < 10000, qPrintable(QString::number(elapsedMs)));
    QVERIFY2(elapsedMs >= 1500, qPrintable(QString::number(elapsedMs)));
}

QTEST_GUILESS_MAIN(tst_SessionApiLab)
#include "tst_sessionapilab.moc"
