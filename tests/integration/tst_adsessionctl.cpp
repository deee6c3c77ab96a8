// SPDX-License-Identifier: GPL-3.0-or-later
// sessionctl against the AD lab's real domain controller: Kerberos list, info and close with
// no password anywhere, each Kerberos failure with its own message and exit code (and no
// silent NTLM fallback), NTLM with domain accounts, the rights of the three kinds of account,
// and a Kerberos logon that leaves no secret anywhere but the ticket cache.

#include "adlabsupport.h"
#include "programrun.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A loopback port nothing listens on right now (bound, read, released).
quint16 closedPort()
{
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    quint16 port = 0;
    if (bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0
        && getsockname(s, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    close(s);
    return port;
}

using Run = ProgramRun;

// sessionctl's exit codes (README, sessionctlcommand.h).
constexpr int kExitAuthentication = 3;
constexpr int kExitAccessDenied = 4;
constexpr int kExitKerberos = 9;

} // namespace

class tst_AdSessionCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void kerberosListShowsDomainUsersAsTheServerReportsThem();
    void kerberosInfo();
    void kerberosFiles();
    void kerberosFailures_data();
    void kerberosFailures();
    void ntlmWithDomainAccounts_data();
    void ntlmWithDomainAccounts();
    void viewerListsButMayNotEnd();
    void plainUserIsToldWhichRightIsMissing();
    void kerberosLogonLeavesNoSecretBehind();
    // Ends jörg's sessions: last of the tests that count them.
    void kerberosClose();

private:
    Run run(const QStringList &arguments, const QProcessEnvironment &env) const;
    Run runKerberos(const QStringList &arguments, const QString &cache) const;
    QStringList usersListed(const Run &r) const;
    QString cacheFor(const QString &user, const QString &lifetime = {});

    AdLab m_lab;
    QTemporaryDir m_tmp;
    QString m_helpdeskCache;
    QString m_maria;
    QString m_jorg;
    std::unique_ptr<LoadGenerator> m_mariaLoad;
    std::unique_ptr<LoadGenerator> m_jorgLoad;
};

void tst_AdSessionCtl::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    QVERIFY(m_tmp.isValid());
    m_lab = AdLab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_maria = m_lab.plainUser(QString::fromUtf8("maría"));
    m_jorg = m_lab.plainUser(QString::fromUtf8("jörg"));
    QVERIFY(!m_maria.isEmpty() && !m_jorg.isEmpty());
    m_helpdeskCache = cacheFor(m_lab.helpdeskUser());
    QVERIFY(!m_helpdeskCache.isEmpty());

    // Some sessions over Kerberos, some over NTLM as DOMAIN\user.
    // maría's Kerberos sessions hold two files each, for the open-file calls over Kerberos.
    m_mariaLoad
        = m_lab.hold(m_maria, 2, true, {QStringLiteral("--open-files"), QStringLiteral("2")});
    QVERIFY2(m_mariaLoad, qPrintable(m_lab.errorString()));
    m_jorgLoad = m_lab.hold(m_jorg, 2, false);
    QVERIFY2(m_jorgLoad, qPrintable(m_lab.errorString()));
}

void tst_AdSessionCtl::cleanupTestCase()
{
    m_mariaLoad.reset();
    m_jorgLoad.reset();
}

QString tst_AdSessionCtl::cacheFor(const QString &user, const QString &lifetime)
{
    static int serial = 0;
    const QString cache = m_tmp.filePath(QStringLiteral("cc.%1").arg(++serial));
    if (!m_lab.kinit(user, cache, lifetime)) {
        qWarning("%s", qPrintable(m_lab.errorString()));
        return {};
    }
    return cache;
}

Run tst_AdSessionCtl::run(const QStringList &arguments, const QProcessEnvironment &env) const
{
    return runProgram(QStringLiteral(SC_SESSIONCTL_PATH), arguments, env, 120000);
}

Run tst_AdSessionCtl::runKerberos(const QStringList &arguments, const QString &cache) const
{
    return run(arguments + QStringList {QStringLiteral("--kerberos")}, m_lab.environment(cache));
}

QStringList tst_AdSessionCtl::usersListed(const Run &r) const
{
    QStringList users;
    const QJsonArray sessions = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("sessions"))
                                    .toArray();
    for (const QJsonValue &s : sessions)
        users << s.toObject().value(QStringLiteral("user")).toString();
    return users;
}

void tst_AdSessionCtl::kerberosListShowsDomainUsersAsTheServerReportsThem()
{
    const Run r = runKerberos({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn(),
                                  QStringLiteral("--json")},
        m_helpdeskCache);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList users = usersListed(r);
    const QString domain = m_lab.domain() + QLatin1Char('\\');
    // Samba on a DC reports DOMAIN\user; shown exactly so, Kerberos and NTLM sessions alike.
    QCOMPARE(users.count(domain + m_maria), 2);
    QCOMPARE(users.count(domain + m_jorg), 2);
    // Our own session, logged on with helpdesk's ticket.
    QCOMPARE(users.count(domain + m_lab.helpdeskUser()), 1);
    // No password went anywhere: none was given, and none is printed.
    QVERIFY(!r.out.contains(m_lab.password(m_lab.helpdeskUser())));
}

void tst_AdSessionCtl::kerberosInfo()
{
    const QString user = m_lab.domain() + QLatin1Char('\\') + m_maria;
    const Run r = runKerberos({QStringLiteral("info"), QStringLiteral("--server"), m_lab.fqdn(),
                                  QStringLiteral("--client"), m_lab.address(),
                                  QStringLiteral("--username"), user, QStringLiteral("--json")},
        m_helpdeskCache);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject session = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(session.value(QStringLiteral("user")).toString(), user);
    QCOMPARE(session.value(QStringLiteral("client")).toString(), m_lab.address());
}

void tst_AdSessionCtl::kerberosFiles()
{
    const Run r = runKerberos({QStringLiteral("files"), QStringLiteral("--server"), m_lab.fqdn(),
                                  QStringLiteral("--json")},
        m_helpdeskCache);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray files
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("files")).toArray();
    int marias = 0;
    for (const QJsonValue &f : files) {
        if (f.toObject().value(QStringLiteral("user")).toString().endsWith(m_maria))
            ++marias;
    }
    // Two sessions with two open files each; the server names the user (no session).
    QVERIFY2(marias == 4, qPrintable(r.describe()));
}

void tst_AdSessionCtl::kerberosFailures_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("cacheKind");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("advice");

    QTest::newRow("no ticket") << "fqdn"
                               << "none" << kExitAuthentication << "no-credentials"
                               << "Run kinit";
    QTest::newRow("expired ticket") << "fqdn"
                                    << "expired" << kExitKerberos << "kerberos-ticket-expired"
                                    << "Run kinit";
    QTest::newRow("server by address") << "address"
                                       << "valid" << kExitKerberos << "kerberos-needs-server-name"
                                       << "full DNS name";
    QTest::newRow("unknown service principal")
        << "alias"
        << "valid" << kExitKerberos << "kerberos-unknown-server"
        << "own full DNS name";
    QTest::newRow("clock skew") << "fqdn"
                                << "skewed" << kExitKerberos << "kerberos-clock-skew"
                                << "Correct the date, time";
    QTest::newRow("realm unreachable")
        << "fqdn"
        << "unreachable" << kExitKerberos << "kerberos-realm-unreachable"
        << "Kerberos configuration";
}

void tst_AdSessionCtl::kerberosFailures()
{
    QFETCH(QString, server);
    QFETCH(QString, cacheKind);
    QFETCH(int, exitCode);
    QFETCH(QString, kind);
    QFETCH(QString, advice);

    const QString host = server == QLatin1String("address") ? m_lab.address()
        : server == QLatin1String("alias")                  ? m_lab.alias()
                                                            : m_lab.fqdn();
    QString cache;
    QProcessEnvironment env;
    if (cacheKind == QLatin1String("none")) {
        env = m_lab.environment(m_tmp.filePath(QStringLiteral("no-such-cache")));
    } else if (cacheKind == QLatin1String("expired")) {
        cache = cacheFor(m_maria, QStringLiteral("2s"));
        QVERIFY(!cache.isEmpty());
        // Wait for the ticket's end, as any operator's ticket ends.
        QTest::qWait(3000);
        env = m_lab.environment(cache);
    } else {
        // A fresh ticket of its own: no service ticket for the server in it yet.
        cache = cacheFor(m_maria);
        QVERIFY(!cache.isEmpty());
        env = m_lab.environment(cache);
        if (cacheKind == QLatin1String("skewed")) {
            // This process's clock runs two hours ahead of the domain's.
            env.insert(QStringLiteral("LD_PRELOAD"),
                env.value(QStringLiteral("LD_PRELOAD")) + QLatin1Char(' ')
                    + QStringLiteral(SC_FAKETIME_LIBRARY));
            env.insert(QStringLiteral("FAKETIME"), QStringLiteral("+2h"));
        } else if (cacheKind == QLatin1String("unreachable")) {
            // The realm's KDC moved to a port nothing listens on.
            const quint16 closed = closedPort();
            QVERIFY(closed != 0);
            QFile in(m_lab.krb5Config());
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray conf = in.readAll();
            const QByteArray kdc = "kdc = " + m_lab.address().toUtf8();
            QVERIFY(conf.contains(kdc + '\n'));
            conf.replace(kdc + '\n', kdc + ':' + QByteArray::number(closed) + '\n');
            const QString path = m_tmp.filePath(QStringLiteral("krb5-unreachable.conf"));
            QVERIFY(writeTestFile(path, conf));
            env.insert(QStringLiteral("KRB5_CONFIG"), path);
        }
    }

    const Run r = run({QStringLiteral("list"), QStringLiteral("--server"), host,
                          QStringLiteral("--kerberos"), QStringLiteral("--json")},
        env);
    // Never a list: a Kerberos failure does not silently become an NTLM logon.
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    const QJsonObject error = QJsonDocument::fromJson(r.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), kind);
    // A Kerberos code is the library's (negative) one; the others are 0 or NTSTATUS/Win32.
    if (error.value(QStringLiteral("codeText")).toString().startsWith(QLatin1String("KRB5")))
        QVERIFY(error.value(QStringLiteral("code")).toInteger() < 0);
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(advice),
        qPrintable(r.describe()));
    QVERIFY(r.err.contains(advice));
}

void tst_AdSessionCtl::ntlmWithDomainAccounts_data()
{
    QTest::addColumn<bool>("upn");
    QTest::newRow("DOMAIN\\user") << false;
    QTest::newRow("user@realm") << true;
}

void tst_AdSessionCtl::ntlmWithDomainAccounts()
{
    QFETCH(bool, upn);
    const QString user = upn ? m_lab.helpdeskUser() + QLatin1Char('@') + m_lab.realm().toLower()
                             : m_lab.domain() + QLatin1Char('\\') + m_lab.helpdeskUser();
    // No ticket at all: this must be NTLM with the password.
    const Run r = run({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn(),
                          QStringLiteral("--user"), user, QStringLiteral("--password-file"),
                          m_lab.passwordFile(m_lab.helpdeskUser()), QStringLiteral("--json")},
        m_lab.environment(m_tmp.filePath(QStringLiteral("no-such-cache"))));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(usersListed(r).count(m_lab.domain() + QLatin1Char('\\') + m_maria), 2);
}

void tst_AdSessionCtl::viewerListsButMayNotEnd()
{
    const QString cache = cacheFor(m_lab.viewerUser());
    QVERIFY(!cache.isEmpty());
    const Run listed = runKerberos({QStringLiteral("list"), QStringLiteral("--server"),
                                       m_lab.fqdn(), QStringLiteral("--json")},
        cache);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    QCOMPARE(usersListed(listed).count(m_lab.domain() + QLatin1Char('\\') + m_maria), 2);

    const Run closed
        = runKerberos({QStringLiteral("close"), QStringLiteral("--server"), m_lab.fqdn(),
                          QStringLiteral("--username"),
                          m_lab.domain() + QLatin1Char('\\') + m_maria, QStringLiteral("--yes")},
            cache);
    QVERIFY2(closed.exitCode == kExitAccessDenied, qPrintable(closed.describe()));
    // The message names the right that is missing.
    QVERIFY2(closed.err.contains(QLatin1String("Domain Admins")), qPrintable(closed.describe()));
    // And nothing was ended.
    const Run after = runKerberos({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn(),
                                      QStringLiteral("--json")},
        m_helpdeskCache);
    QCOMPARE(usersListed(after).count(m_lab.domain() + QLatin1Char('\\') + m_maria), 2);
}

void tst_AdSessionCtl::plainUserIsToldWhichRightIsMissing()
{
    const QString cache = cacheFor(m_jorg);
    QVERIFY(!cache.isEmpty());
    const Run r
        = runKerberos({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn()}, cache);
    QVERIFY2(r.exitCode == kExitAccessDenied, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("BUILTIN\\Administrators")), qPrintable(r.describe()));
}

void tst_AdSessionCtl::kerberosLogonLeavesNoSecretBehind()
{
    // The ticket cache is the only secret store: a Kerberos run writes no settings, no file
    // with a ticket, and prints nothing secret. Watched: its own config and data homes, the
    // temporary directory, and everything it prints.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString cache = cacheFor(m_lab.helpdeskUser());
    QVERIFY(!cache.isEmpty());
    const auto tmpFiles = [] {
        QStringList files;
        QDirIterator it(QDir::tempPath(), QDir::Files | QDir::Hidden);
        while (it.hasNext())
            files << it.next();
        return files;
    };
    const QStringList tmpBefore = tmpFiles();
    QProcessEnvironment env = m_lab.environment(cache);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("TMPDIR"), home.filePath(QStringLiteral("tmp")));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("tmp"))));
    const Run r = run({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn(),
                          QStringLiteral("--kerberos"), QStringLiteral("--json")},
        env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    QStringList written;
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        written << it.next();
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char(' '))));
    QStringList newTmp = tmpFiles();
    for (const QString &f : tmpBefore)
        newTmp.removeAll(f);
    for (const QString &f : std::as_const(newTmp))
        QVERIFY2(!QFileInfo(f).fileName().startsWith(QLatin1String("krb5cc")), qPrintable(f));
    // The cache holds a service ticket for the server now: that is where it belongs.
    QFile ccache(cache);
    QVERIFY(ccache.open(QIODevice::ReadOnly));
    QVERIFY(ccache.readAll().contains("cifs"));
    // Nothing of the cache or the password in the output.
    const QByteArray password = m_lab.password(m_lab.helpdeskUser()).toUtf8();
    QVERIFY(!password.isEmpty());
    QVERIFY(!r.out.toUtf8().contains(password) && !r.err.toUtf8().contains(password));
    QVERIFY(!r.out.contains(QLatin1String("krbtgt")) && !r.err.contains(QLatin1String("krbtgt")));
}

void tst_AdSessionCtl::kerberosClose()
{
    const QString user = m_lab.domain() + QLatin1Char('\\') + m_jorg;
    const Run r = runKerberos({QStringLiteral("close"), QStringLiteral("--server"), m_lab.fqdn(),
                                  QStringLiteral("--username"), user, QStringLiteral("--yes")},
        m_helpdeskCache);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const Run after = runKerberos({QStringLiteral("list"), QStringLiteral("--server"), m_lab.fqdn(),
                                      QStringLiteral("--json")},
        m_helpdeskCache);
    QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
    QCOMPARE(usersListed(after).count(user), 0);
    QCOMPARE(usersListed(after).count(m_lab.domain() + QLatin1Char('\\') + m_maria), 2);
}

QTEST_GUILESS_MAIN(tst_AdSessionCtl)
#include "tst_adsessionctl.moc"
