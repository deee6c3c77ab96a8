// SPDX-License-Identifier: GPL-3.0-or-later
// Proves the lab is what the integration, GUI and benchmark tests assume: real sessions that
// smbstatus counts, users with non-ASCII names, an administrator who may list and end sessions
// while plain users may not, a hung port and a closed port.

#include "labsupport.h"
#include "testfiles.h"

#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

class TestLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void environmentDescribesUsers();
    void holdsExactlyTheSessionsItOpens();
    void nonAsciiUsersConnect_data();
    void nonAsciiUsersConnect();
    void openFilesAreCounted();
    void wrongPasswordIsRefused();
    void adminMayListAndEndSessions();
    void plainUserMayNotList();
    void viewerMayListButNotEnd();
    void hungPortAcceptsAndNeverAnswers();
    void closedPortRefuses();

private:
    QList<LabSession> sessionsOf(const QString &user);
    QString rpcclient(const QString &user, const QString &command, int *exitCode);

    Lab m_lab;
};

void TestLab::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

void TestLab::environmentDescribesUsers()
{
    QCOMPARE(m_lab.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_lab.adminUser(), QStringLiteral("labadmin"));
    const QStringList expected {QStringLiteral("alice"), QStringLiteral("bob"),
        QStringLiteral("josé"), QStringLiteral("jürgen")};
    QCOMPARE(m_lab.plainUsers(), expected);
    QSet<QString> passwords;
    for (const QString &u : expected + QStringList {m_lab.adminUser()}) {
        const QString pw = m_lab.password(u);
        QVERIFY2(!pw.isEmpty(), qPrintable(u));
        passwords.insert(pw);
        const auto options = m_lab.optionsFor(u);
        QCOMPARE(QString::fromStdString(options.user), u);
        QCOMPARE(options.port, m_lab.port());
        QCOMPARE(QString::fromUtf8(options.password.c_str()), pw);
    }
    QCOMPARE(passwords.size(), expected.size() + 1);
    QVERIFY(m_lab.hungPort() != m_lab.port());
    QVERIFY(m_lab.closedPort() != m_lab.port());
    QVERIFY(m_lab.closedPort() != m_lab.hungPort());
}

QList<LabSession> TestLab::sessionsOf(const QString &user)
{
    bool ok = false;
    QList<LabSession> result;
    const QList<LabSession> all = m_lab.smbstatusSessions(&ok);
    if (!ok)
        qWarning("%s", qPrintable(m_lab.errorString()));
    for (const LabSession &s : all) {
        if (s.user == user)
            result.append(s);
    }
    return result;
}

void TestLab::holdsExactlyTheSessionsItOpens()
{
    const QString alice = QStringLiteral("alice");
    QVERIFY2(m_lab.waitForSessionCount(alice, 0), qPrintable(m_lab.errorString()));

    auto gen = m_lab.hold(alice, 3);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    QCOMPARE(gen->sessionCount(), 3);
    QCOMPARE(gen->user(), alice);
    QVERIFY(gen->pid() > 0);
    QVERIFY2(m_lab.waitForSessionCount(alice, 3), qPrintable(m_lab.errorString()));

    const QList<LabSession> sessions = sessionsOf(alice);
    QCOMPARE(sessions.size(), 3);
    QSet<qint64> pids;
    QSet<QString> ids;
    for (const LabSession &s : sessions) {
        QCOMPARE(s.client, QStringLiteral("127.0.0.1"));
        QCOMPARE(s.openFiles, 0);
        pids.insert(s.serverPid);
        ids.insert(s.sessionId);
    }
    // One TCP connection per session means one smbd process per session.
    QCOMPARE(pids.size(), 3);
    QCOMPARE(ids.size(), 3);

    gen->stop();
    QVERIFY2(m_lab.waitForSessionCount(alice, 0), qPrintable(m_lab.errorString()));
}

void TestLab::nonAsciiUsersConnect_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("josé") << QStringLiteral("jos\u00e9");
    QTest::newRow("jürgen") << QStringLiteral("j\u00fcrgen");
}

void TestLab::nonAsciiUsersConnect()
{
    QFETCH(QString, user);
    auto gen = m_lab.hold(user, 2);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    // smbstatus must report the very same (UTF-8) name back.
    QVERIFY2(m_lab.waitForSessionCount(user, 2), qPrintable(m_lab.errorString()));
    gen.reset();
    QVERIFY2(m_lab.waitForSessionCount(user, 0), qPrintable(m_lab.errorString()));
}

void TestLab::openFilesAreCounted()
{
    const QString bob = QStringLiteral("bob");
    LoadOptions load;
    load.openFiles = 3;
    auto gen = m_lab.hold(bob, 2, load);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    QVERIFY2(m_lab.waitForSessionCount(bob, 2), qPrintable(m_lab.errorString()));
    const QList<LabSession> sessions = sessionsOf(bob);
    QCOMPARE(sessions.size(), 2);
    for (const LabSession &s : sessions)
        QCOMPARE(s.openFiles, 3);
    gen->stop();
    QVERIFY2(m_lab.waitForSessionCount(bob, 0), qPrintable(m_lab.errorString()));
}

void TestLab::wrongPasswordIsRefused()
{
    const TemporaryTestFile wrongPassword(QStringLiteral("wrong"), "not-the-password");
    QVERIFY(wrongPassword.isValid());

    QProcess p;
    p.start(Lab::loadGeneratorPath(),
        {QStringLiteral("--host"), m_lab.host(), QStringLiteral("--port"),
            QString::number(m_lab.port()), QStringLiteral("--share"), m_lab.share(),
            QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-file"),
            wrongPassword.path(), QStringLiteral("--count"), QStringLiteral("2")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(!p.readAllStandardOutput().contains("READY"));
    QVERIFY(p.readAllStandardError().contains("session 1 of 2"));
    QVERIFY2(
        m_lab.waitForSessionCount(QStringLiteral("alice"), 0), qPrintable(m_lab.errorString()));
}

QString TestLab::rpcclient(const QString &user, const QString &command, int *exitCode)
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("rpcclient"));
    if (exe.isEmpty()) {
        *exitCode = -1;
        return QStringLiteral("rpcclient not found (package smbclient)");
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(exe,
        {QStringLiteral("-p"), QString::number(m_lab.port()), QStringLiteral("-U"),
            user + QLatin1Char('%') + m_lab.password(user), QStringLiteral("-c"), command,
            m_lab.host()});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        *exitCode = -1;
        return QStringLiteral("rpcclient timed out");
    }
    *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAll());
}

void TestLab::adminMayListAndEndSessions()
{
    const QString alice = QStringLiteral("alice");
    auto gen = m_lab.hold(alice, 2);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    QVERIFY2(m_lab.waitForSessionCount(alice, 2), qPrintable(m_lab.errorString()));

    int rc = 0;
    QString out = rpcclient(m_lab.adminUser(), QStringLiteral("netsessenum 1"), &rc);
    QVERIFY2(rc == 0, qPrintable(out));
    // Alice's two plus rpcclient's own.
    QVERIFY2(out.contains(QStringLiteral("Received 3 entries")), qPrintable(out));

    out = rpcclient(
        m_lab.adminUser(), QStringLiteral("netsessdel %1 %2").arg(m_lab.host(), alice), &rc);
    QVERIFY2(rc == 0 && !out.contains(QStringLiteral("WERR_")), qPrintable(out));
    // The load generator still runs, but the server ended its sessions.
    QVERIFY2(m_lab.waitForSessionCount(alice, 0), qPrintable(m_lab.errorString()));
}

void TestLab::plainUserMayNotList()
{
    int rc = 0;
    QString out = rpcclient(QStringLiteral("alice"), QStringLiteral("netsessenum 1"), &rc);
    QVERIFY2(out.contains(QStringLiteral("WERR_ACCESS_DENIED")), qPrintable(out));
    auto gen = m_lab.hold(QStringLiteral("bob"), 1);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    out = rpcclient(
        QStringLiteral("alice"), QStringLiteral("netsessdel %1 bob").arg(m_lab.host()), &rc);
    QVERIFY2(out.contains(QStringLiteral("WERR_ACCESS_DENIED")), qPrintable(out));
    QCOMPARE(sessionsOf(QStringLiteral("bob")).size(), 1);
}

void TestLab::viewerMayListButNotEnd()
{
    const QString viewer = m_lab.viewerUser();
    QVERIFY2(!viewer.isEmpty(), "lab.env has no LAB_VIEWER_USER");
    auto gen = m_lab.hold(QStringLiteral("bob"), 1);
    QVERIFY2(gen, qPrintable(m_lab.errorString()));
    int rc = 0;
    QString out = rpcclient(viewer, QStringLiteral("netsessenum 1"), &rc);
    // Bob's session plus rpcclient's own.
    QVERIFY2(rc == 0 && out.contains(QStringLiteral("Received 2 entries")), qPrintable(out));
    out = rpcclient(viewer, QStringLiteral("netsessdel %1 bob").arg(m_lab.host()), &rc);
    QVERIFY2(out.contains(QStringLiteral("WERR_ACCESS_DENIED")), qPrintable(out));
    QCOMPARE(sessionsOf(QStringLiteral("bob")).size(), 1);
}

namespace {
struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}
} // namespace

void TestLab::hungPortAcceptsAndNeverAnswers()
{
    Fd s {::socket(AF_INET, SOCK_STREAM, 0)};
    QVERIFY(s.fd >= 0);
    const sockaddr_in a = loopback(m_lab.hungPort());
    QCOMPARE(::connect(s.fd, reinterpret_cast<const sockaddr *>(&a), sizeof a), 0);
    const char hello[] = "hello";
    QCOMPARE(::send(s.fd, hello, sizeof hello, 0), ssize_t(sizeof hello));
    pollfd pfd {s.fd, POLLIN, 0};
    // Neither data nor a hang-up within a second: it holds the connection and stays silent.
    QCOMPARE(::poll(&pfd, 1, 1000), 0);
}

void TestLab::closedPortRefuses()
{
    Fd s {::socket(AF_INET, SOCK_STREAM, 0)};
    QVERIFY(s.fd >= 0);
    const sockaddr_in a = loopback(m_lab.closedPort());
    QCOMPARE(::connect(s.fd, reinterpret_cast<const sockaddr *>(&a), sizeof a), -1);
    QCOMPARE(errno, ECONNREFUSED);
}

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
