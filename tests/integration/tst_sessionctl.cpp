// SPDX-License-Identifier: GPL-3.0-or-later
// The installed-style sessionctl binary against the lab: output formats, the exact session
// lists, close with and without confirmation, and the exit code and message of every error.

#include "heldlabsessions.h"
#include "labsupport.h"
#include "programrun.h"
#include "testfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ProgramRun;

QMap<QString, int> countByUser(const QList<LabSession> &sessions)
{
    QMap<QString, int> counts;
    for (const LabSession &s : sessions)
        ++counts[s.user];
    return counts;
}

} // namespace

class tst_SessionCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void noPasswordSource();
    void oldOptionSpellingsWarn();

    void listTable();
    void listJson();
    void listCsv();
    void listLevel0Json();
    void listWithEnvironmentPassword();
    void noWorkerProcess();
    void info();
    void infoJson();
    void infoUnknownUser();
    void closeWithoutTerminalRefuses();
    void passwordPromptOnTerminal();
    void closeDeclinedOnTerminal();
    void closeUnknownUser();
    // Ends alice's held sessions: keep it after every test that counts them.
    void closeOneUser();
    // Ends the held admin sessions and ours with them.
    void closeOwnAccount();

    void wrongPassword();
    void nonAdminIsDenied();
    void closedPort();
    void hungServer();
    void unsupportedLevel();

private:
    Run run(const QStringList &arguments, const QStringList &extraEnvironment = {}) const;
    /// Runs sessionctl with a pseudo terminal as stdin: waits for each prompt on stderr and
    /// types the answer. @p terminalOutput receives what the terminal showed (its echo).
    Run runOnTerminal(const QStringList &arguments, const QList<QPair<QString, QByteArray>> &dialog,
        QByteArray *terminalOutput) const;
    QStringList connection(const QString &user) const;
    QStringList adminConnection() const { return connection(m_lab.adminUser()); }
    void verifyNoPasswordLeaked(const Run &r) const;
    /// The sessions `list --json` printed.
    static QJsonArray sessionsListed(const Run &r);
    /// Waits until the held sessions are old enough that an idle time of 0 on all of them
    /// shows the server does not report idle time (sc::kIdleEvidenceSeconds).
    void waitUntilHeldLongEnough() const;

    Lab m_lab;
    QString m_bob;
    HeldLabSessions m_held;
    QString m_client; ///< the client name the server reports for the held sessions
    QTemporaryDir m_tmp;
};

void tst_SessionCtl::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    QVERIFY(m_tmp.isValid());
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_bob = m_lab.plainUser(QStringLiteral("bob"));
    QVERIFY(!m_bob.isEmpty());
    QVERIFY2(m_held.hold(m_lab), qPrintable(m_held.errorString()));

    for (const LabSession &s : m_lab.smbstatusSessions()) {
        if (s.user == m_held.alice())
            m_client = s.client;
    }
    QVERIFY(!m_client.isEmpty());
}

void tst_SessionCtl::init()
{
    // Each sessionctl run is one admin session; the previous one must have ended so that the
    // lists below contain exactly one.
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));
}

void tst_SessionCtl::cleanupTestCase()
{
    m_held.release();
}

Run tst_SessionCtl::run(const QStringList &arguments, const QStringList &extraEnvironment) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return runProgram(
        QStringLiteral(SC_SESSIONCTL_PATH), arguments, withAssignments(env, extraEnvironment));
}

Run tst_SessionCtl::runOnTerminal(const QStringList &arguments,
    const QList<QPair<QString, QByteArray>> &dialog, QByteArray *terminalOutput) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QList<TerminalStep> steps;
    for (const auto &[prompt, answer] : dialog)
        steps.append({prompt, answer});
    return ::runOnTerminal(
        QStringLiteral(SC_SESSIONCTL_PATH), arguments, env, steps, terminalOutput);
}

QStringList tst_SessionCtl::connection(const QString &user) const
{
    return {QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
        QString::number(m_lab.port()), QStringLiteral("--logon-user"), user,
        QStringLiteral("--password-file"), m_lab.passwordFile(user)};
}

void tst_SessionCtl::waitUntilHeldLongEnough() const
{
    // Samba reports connected times in whole seconds, rounded: one second more of margin.
    QTRY_VERIFY_WITH_TIMEOUT(m_held.heldMs() >= 6000, 30000);
}

QJsonArray tst_SessionCtl::sessionsListed(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8())
        .object()
        .value(QLatin1String("sessions"))
        .toArray();
}

void tst_SessionCtl::verifyNoPasswordLeaked(const Run &r) const
{
    const QString password = m_lab.password(m_lab.adminUser());
    QVERIFY(!password.isEmpty());
    QVERIFY(!r.out.contains(password));
    QVERIFY(!r.err.contains(password));
}

void tst_SessionCtl::help()
{
    const Run r = run({QStringLiteral("--help")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList expected {
        QStringLiteral("--server"),
        QStringLiteral("--port"),
        QStringLiteral("--logon-user"),
        QStringLiteral("--domain"),
        QStringLiteral("--kerberos"),
        QStringLiteral("--level"),
        QStringLiteral("--client"),
        QStringLiteral("--session-user"),
        QStringLiteral("--json"),
        QStringLiteral("--csv"),
        QStringLiteral("--timeout"),
        QStringLiteral("--password-file"),
        QStringLiteral("--yes"),
        QStringLiteral("--help"),
        QStringLiteral("--version"),
        QStringLiteral("SESSIONCTL_PASSWORD"),
        QStringLiteral("list"),
        QStringLiteral("info"),
        QStringLiteral("close"),
        QStringLiteral("Exit codes"),
        QStringLiteral("Examples"),
    };
    for (const QString &word : expected)
        QVERIFY2(r.out.contains(word), qPrintable(word));
    // Every documented exit code has its own line.
    for (int code = 0; code <= 8; ++code) {
        const QRegularExpression line(
            QStringLiteral("^\\s+%1\\s+\\S").arg(code), QRegularExpression::MultilineOption);
        QVERIFY2(line.match(r.out).hasMatch(), qPrintable(QString::number(code)));
    }
    QVERIFY(!r.out.contains(QLatin1String("--password ")));
    // The old, easily swapped spellings are no longer offered as options.
    QVERIFY2(!r.out.contains(QLatin1String("-U, --user")), qPrintable(r.out));
    QVERIFY2(!r.out.contains(QLatin1String("-u, --username")), qPrintable(r.out));
}

void tst_SessionCtl::version()
{
    const Run r = run({QStringLiteral("--version")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.trimmed(), QStringLiteral("sessionctl " SC_PROJECT_VERSION));
}

void tst_SessionCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withConnection");
    QTest::addColumn<QString>("message");
    const auto l = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *w : words)
            list << QString::fromUtf8(w);
        return list;
    };
    QTest::newRow("no command") << QStringList() << true << QStringLiteral("command");
    QTest::newRow("unknown command") << l({"frobnicate"}) << true << QStringLiteral("frobnicate");
    QTest::newRow("unknown option")
        << l({"list", "--password", "x"}) << true << QStringLiteral("password");
    QTest::newRow("no server") << l({"list", "--logon-user", "x"}) << false
                               << QStringLiteral("--server");
    QTest::newRow("no user") << l({"list", "--server", "127.0.0.1"}) << false
                             << QStringLiteral("--logon-user");
    QTest::newRow("info without user")
        << l({"info", "--client", "x"}) << true << QStringLiteral("--session-user");
    QTest::newRow("close without filter")
        << l({"close", "--yes"}) << true << QStringLiteral("--client");
    QTest::newRow("json and csv") << l({"list", "--json", "--csv"}) << true
                                  << QStringLiteral("--csv");
    QTest::newRow("bad level") << l({"list", "--level", "3"}) << true << QStringLiteral("--level");
    QTest::newRow("bad port") << l({"list", "--server", "127.0.0.1", "--logon-user", "x", "--port",
        "70000"}) << false << QStringLiteral("--port");
    QTest::newRow("bad timeout") << l({"list", "--timeout", "0"}) << true
                                 << QStringLiteral("--timeout");
    QTest::newRow("missing password file") << l({"list", "--server", "127.0.0.1", "--logon-user",
        "x", "--password-file", "/nonexistent/pw"})
                                           << false << QStringLiteral("/nonexistent/pw");
}

void tst_SessionCtl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withConnection);
    QFETCH(QString, message);
    const Run r = run(withConnection ? arguments + adminConnection() : arguments);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("--help")), qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
}

void tst_SessionCtl::noPasswordSource()
{
    // No --password-file, no SESSIONCTL_PASSWORD and no terminal to ask on.
    const Run r = run(
        {QStringLiteral("list"), QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
            QString::number(m_lab.port()), QStringLiteral("--logon-user"), m_lab.adminUser()});
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("SESSIONCTL_PASSWORD")), qPrintable(r.describe()));
}

void tst_SessionCtl::oldOptionSpellingsWarn()
{
    // --user and --username still work, each with a warning that names the new option.
    const Run r = run({QStringLiteral("info"), QStringLiteral("--server"), m_lab.host(),
        QStringLiteral("--port"), QString::number(m_lab.port()), QStringLiteral("--user"),
        m_lab.adminUser(), QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser()),
        QStringLiteral("--client"), m_client, QStringLiteral("-u"), m_held.alice()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String(
                 "warning: --user is an old spelling of --logon-user (the account to log on "
                 "with), easily confused; use --logon-user.")),
        qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String(
                 "warning: --username is an old spelling of --session-user (the user whose "
                 "sessions are meant), easily confused; use --session-user.")),
        qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^User:\\s+alice$"), QRegularExpression::MultilineOption)),
        qPrintable(r.describe()));

    // Both spellings of one option at once is ambiguous: refused before connecting.
    const Run both = run(QStringList {QStringLiteral("list"), QStringLiteral("--username"),
                             m_held.alice(), QStringLiteral("--session-user"), m_held.jose()}
        + adminConnection());
    QVERIFY2(both.exitCode == 2, qPrintable(both.describe()));
    QVERIFY2(both.err.contains(
                 QLatin1String("Give --session-user only once (--username is its old spelling).")),
        qPrintable(both.describe()));
}

void tst_SessionCtl::listTable()
{
    waitUntilHeldLongEnough();
    const Run r = run(QStringList {QStringLiteral("list")} + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    verifyNoPasswordLeaked(r);

    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(r.describe()));
    const QStringList header = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(header.value(0), QStringLiteral("Client"));
    QCOMPARE(header.value(1), QStringLiteral("User"));
    QVERIFY(lines.first().contains(QLatin1String("Connected")));
    QVERIFY(lines.first().contains(QLatin1String("Idle")));
    // Level 1 has no client type or transport: those columns are left out, not left empty.
    QVERIFY(!lines.first().contains(QLatin1String("Client type")));
    QVERIFY(!lines.first().contains(QLatin1String("Transport")));

    QMap<QString, int> counts;
    QStringList users;
    const QRegularExpression duration(QStringLiteral("^\\d+:\\d\\d:\\d\\d$"));
    for (const QString &line : lines.mid(1, lines.size() - 3)) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(cells.size() >= 6, qPrintable(line));
        QCOMPARE(cells.at(0), m_client);
        ++counts[cells.at(1)];
        users << cells.at(1);
        QVERIFY2(duration.match(cells.at(3)).hasMatch(), qPrintable(line));
        // Samba reports idle 0 for every session, although the held ones have been there
        // for seconds: that is "not reported", shown as a dash, not as a real 0:00:00.
        QCOMPARE(cells.at(4), QStringLiteral("\u2014"));
    }
    QCOMPARE(counts, m_held.expectedCounts());
    // Sorted by user (then client), whatever order the server answered in.
    QCOMPARE(users,
        QStringList({m_held.alice(), m_held.alice(), m_held.alice(), m_held.jose(), m_held.jose(),
            m_lab.adminUser()}));
    QCOMPARE(lines.at(lines.size() - 2),
        QStringLiteral("6 sessions. This server reports basic session details only (no "
                       "client type, transport)."));
    QCOMPARE(lines.last(),
        QStringLiteral("\u2014: this server does not report idle time (it says 0 for every "
                       "session)."));
}

void tst_SessionCtl::listJson()
{
    waitUntilHeldLongEnough();
    const Run r
        = run(QStringList {QStringLiteral("list"), QStringLiteral("--json")} + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    verifyNoPasswordLeaked(r);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject top = doc.object();
    QCOMPARE(top.value(QLatin1String("level")).toInt(-1), 1);
    QCOMPARE(top.value(QLatin1String("requestedLevel")).toString(), QStringLiteral("auto"));
    QCOMPARE(top.value(QLatin1String("levelFellBack")).toBool(false), true);

    QMap<QString, int> counts;
    QStringList users;
    const QJsonArray sessions = top.value(QLatin1String("sessions")).toArray();
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        QCOMPARE(s.value(QLatin1String("client")).toString(), m_client);
        ++counts[s.value(QLatin1String("user")).toString()];
        users << s.value(QLatin1String("user")).toString();
        QCOMPARE(s.value(QLatin1String("level")).toInt(-1), 1);
        QVERIFY(s.value(QLatin1String("openCount")).isDouble());
        QVERIFY(s.value(QLatin1String("connectedSeconds")).isDouble());
        // Samba does not report idle time: null, not a made-up 0.
        QVERIFY(s.contains(QLatin1String("idleSeconds")));
        QVERIFY(s.value(QLatin1String("idleSeconds")).isNull());
        QVERIFY(s.value(QLatin1String("userFlags")).isDouble());
        QCOMPARE(s.value(QLatin1String("guest")).toBool(true), false);
        QVERIFY(s.value(QLatin1String("plainTextPassword")).isBool());
        QVERIFY(!s.contains(QLatin1String("unencrypted")));
        // Not carried by level 1: present, but null.
        QVERIFY(s.contains(QLatin1String("clientType")));
        QVERIFY(s.value(QLatin1String("clientType")).isNull());
        QVERIFY(s.value(QLatin1String("transport")).isNull());
    }
    QCOMPARE(counts, m_held.expectedCounts());
    QCOMPARE(users,
        QStringList({m_held.alice(), m_held.alice(), m_held.alice(), m_held.jose(), m_held.jose(),
            m_lab.adminUser()}));
    // smbstatus agrees, apart from sessionctl's own session, which ended with the process.
    QMap<QString, int> held = m_held.expectedCounts();
    held.remove(m_lab.adminUser());
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));
    QCOMPARE(countByUser(m_lab.smbstatusSessions()), held);
}

void tst_SessionCtl::listCsv()
{
    waitUntilHeldLongEnough();
    const Run r
        = run(QStringList {QStringLiteral("list"), QStringLiteral("--csv")} + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0),
        QStringLiteral("client,user,openCount,connectedSeconds,idleSeconds,userFlags,guest,"
                       "plainTextPassword"));
    QMap<QString, int> counts;
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.split(QLatin1Char(','));
        QCOMPARE(cells.size(), 8);
        QCOMPARE(cells.at(0), m_client);
        ++counts[cells.at(1)];
        QCOMPARE(cells.at(4), QString()); // idle time not reported: CSV's null
    }
    QCOMPARE(counts, m_held.expectedCounts());
}

void tst_SessionCtl::listLevel0Json()
{
    const Run r = run(QStringList {QStringLiteral("list"), QStringLiteral("--json"),
                          QStringLiteral("--level"), QStringLiteral("0")}
        + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject top = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(top.value(QLatin1String("level")).toInt(-1), 0);
    QCOMPARE(top.value(QLatin1String("levelFellBack")).toBool(true), false);
    const QJsonArray sessions = top.value(QLatin1String("sessions")).toArray();
    QCOMPARE(sessions.size(), 6);
    for (const QJsonValue &v : sessions) {
        QCOMPARE(v.toObject().value(QLatin1String("client")).toString(), m_client);
        QVERIFY(v.toObject().value(QLatin1String("user")).isNull());
    }
}

void tst_SessionCtl::listWithEnvironmentPassword()
{
    const Run r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--server"),
                          m_lab.host(), QStringLiteral("--port"), QString::number(m_lab.port()),
                          QStringLiteral("--logon-user"), m_lab.adminUser()},
        {QStringLiteral("SESSIONCTL_PASSWORD=") + m_lab.password(m_lab.adminUser())});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    verifyNoPasswordLeaked(r);
    QCOMPARE(sessionsListed(r).size(), 6);
}

void tst_SessionCtl::info()
{
    const Run r = run(QStringList {QStringLiteral("info"), QStringLiteral("--client"), m_client,
                          QStringLiteral("--session-user"), m_held.alice()}
        + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^User:\\s+alice$"), QRegularExpression::MultilineOption)),
        qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^Client:\\s+") + QRegularExpression::escape(m_client) + '$',
                 QRegularExpression::MultilineOption)),
        qPrintable(r.describe()));
    // The details of level 1, said as what they are; no level number.
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^Guest:\\s+no$"), QRegularExpression::MultilineOption)),
        qPrintable(r.describe()));
    QVERIFY2(
        !r.out.contains(QLatin1String("level"), Qt::CaseInsensitive), qPrintable(r.describe()));
    // alice holds three sessions from this client: all three are shown, and said so.
    QVERIFY2(r.out.startsWith(QStringLiteral("alice has 3 sessions from %1:\n").arg(m_client)),
        qPrintable(r.describe()));
    QCOMPARE(r.out.count(QRegularExpression(
                 QStringLiteral("^User:\\s+alice$"), QRegularExpression::MultilineOption)),
        3);
    QVERIFY2(r.out.contains(QLatin1String("Session 3 of 3")), qPrintable(r.describe()));
    QVERIFY2(!r.out.contains(QLatin1String("Unencrypted")), qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^Plain-text password:\\s+no$"),
                 QRegularExpression::MultilineOption)),
        qPrintable(r.describe()));
}

void tst_SessionCtl::infoJson()
{
    const Run r = run(
        QStringList {QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--client"),
            QLatin1String("\\\\") + m_client, QStringLiteral("--session-user"), m_held.jose()}
        + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(s.value(QLatin1String("user")).toString(), m_held.jose());
    QCOMPARE(s.value(QLatin1String("client")).toString(), m_client);
    QCOMPARE(s.value(QLatin1String("level")).toInt(-1), 1);
    // josé holds two sessions from this client: both are there.
    QCOMPARE(s.value(QLatin1String("sessionCount")).toInt(-1), 2);
    const QJsonArray all = s.value(QLatin1String("sessions")).toArray();
    QCOMPARE(all.size(), 2);
    for (const QJsonValue &v : all)
        QCOMPARE(v.toObject().value(QLatin1String("user")).toString(), m_held.jose());
}

void tst_SessionCtl::infoUnknownUser()
{
    const Run r = run(QStringList {QStringLiteral("info"), QStringLiteral("--client"), m_client,
                          QStringLiteral("--session-user"), m_bob}
        + adminConnection());
    QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("No session")), qPrintable(r.describe()));
}

void tst_SessionCtl::closeWithoutTerminalRefuses()
{
    const Run r
        = run(QStringList {QStringLiteral("close"), QStringLiteral("--session-user"), m_held.jose()}
            + adminConnection());
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("--yes")), qPrintable(r.describe()));
    QCOMPARE(countByUser(m_lab.smbstatusSessions()).value(m_held.jose()), 2);
    QCOMPARE(countByUser(m_lab.smbstatusSessions()).value(m_held.alice()), 3);
}

void tst_SessionCtl::passwordPromptOnTerminal()
{
    const QByteArray password = m_lab.password(m_lab.adminUser()).toUtf8();
    QByteArray terminal;
    const Run r = runOnTerminal(
        {QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--server"), m_lab.host(),
            QStringLiteral("--port"), QString::number(m_lab.port()), QStringLiteral("--logon-user"),
            m_lab.adminUser()},
        {{QStringLiteral("Password for"), password + '\n'}}, &terminal);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    verifyNoPasswordLeaked(r);
    // Typed without echo: the terminal shows the line break but not the password.
    QVERIFY2(!terminal.contains(password), terminal.constData());
    QCOMPARE(sessionsListed(r).size(), 6);
}

void tst_SessionCtl::closeDeclinedOnTerminal()
{
    QByteArray terminal;
    const Run r = runOnTerminal(
        QStringList {QStringLiteral("close"), QStringLiteral("--session-user"), m_held.jose()}
            + adminConnection(),
        {{QStringLiteral("[y/N]"), QByteArray("n\n")}}, &terminal);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.out.startsWith(QStringLiteral("Logged on to %1 as %2; ending every session of "
                                             "user %3.\nThese 2 sessions will be ended:")
                                  .arg(m_lab.host(), m_lab.adminUser(), m_held.jose())),
        qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("Nothing was ended.")), qPrintable(r.describe()));
    QVERIFY(!r.out.contains(QLatin1String("Ended")));
    QCOMPARE(countByUser(m_lab.smbstatusSessions()).value(m_held.jose()), 2);
}

void tst_SessionCtl::closeUnknownUser()
{
    const Run r = run(QStringList {QStringLiteral("close"), QStringLiteral("--yes"),
                          QStringLiteral("--session-user"), m_bob}
        + adminConnection());
    QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("No session of this user")), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("NERR_UserNotFound")), qPrintable(r.describe()));
    QCOMPARE(countByUser(m_lab.smbstatusSessions()).value(m_held.jose()), 2);
    QCOMPARE(countByUser(m_lab.smbstatusSessions()).value(m_held.alice()), 3);
}

void tst_SessionCtl::closeOneUser()
{
    const Run r = run(
        QStringList {QStringLiteral("close"), QStringLiteral("--yes"), QStringLiteral("--client"),
            m_client, QStringLiteral("--session-user"), m_held.alice()}
        + adminConnection());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(
        r.out.contains(QLatin1String("These 3 sessions will be ended:")), qPrintable(r.describe()));
    QVERIFY2(
        r.out.trimmed().endsWith(QLatin1String("Ended 3 sessions.")), qPrintable(r.describe()));

    QVERIFY(m_lab.waitForSessionCount(m_held.alice(), 0));
    QVERIFY(m_lab.waitForSessionCount(m_held.jose(), 2));
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));
    QMap<QString, int> expected;
    expected[m_held.jose()] = 2;
    QCOMPARE(countByUser(m_lab.smbstatusSessions()), expected);
}

void tst_SessionCtl::closeOwnAccount()
{
    // Samba ends a session by ending its smbd process; ending our own account's sessions
    // ends the one carrying sessionctl's pipe too, so the delete's answer never comes. It
    // worked all the same, and sessionctl must say so (and the audit log too).
    std::unique_ptr<LoadGenerator> admins = m_lab.hold(m_lab.adminUser(), 2);
    QVERIFY2(admins, qPrintable(m_lab.errorString()));
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 2));
    QTemporaryDir data;
    QVERIFY(data.isValid());

    const Run r = run(QStringList {QStringLiteral("close"), QStringLiteral("--yes"),
                          QStringLiteral("--session-user"), m_lab.adminUser()}
            + adminConnection(),
        {QStringLiteral("XDG_DATA_HOME=") + data.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // The two held sessions and sessionctl's own.
    QVERIFY2(
        r.out.contains(QLatin1String("These 3 sessions will be ended:")), qPrintable(r.describe()));
    QVERIFY2(
        r.out.trimmed().endsWith(QLatin1String("Ended 3 sessions.")), qPrintable(r.describe()));
    QVERIFY2(!r.err.contains(QLatin1String("broke")), qPrintable(r.describe()));
    admins.reset();
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));

    QFile log(data.filePath(QStringLiteral("SessionConsole/session-console/audit.jsonl")));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QList<QByteArray> lines = log.readAll().split('\n');
    QCOMPARE(lines.size(), 2); // one record and the final newline
    const QJsonObject record = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(record.value(QLatin1String("ended")).toInt(-1), 3);
    QVERIFY2(!record.contains(QLatin1String("error")), lines.first().constData());
}

void tst_SessionCtl::wrongPassword()
{
    const QString file = m_tmp.filePath(QStringLiteral("wrong.pw"));
    QVERIFY(writeTestFile(file, "not-the-password\n"));
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const Run r = run({QStringLiteral("list"), QStringLiteral("--server"), m_lab.host(),
        QStringLiteral("--port"), QString::number(m_lab.port()), QStringLiteral("--logon-user"),
        m_lab.adminUser(), QStringLiteral("--password-file"), file});
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY2(
        r.err.contains(QLatin1String("wrong user name or password")), qPrintable(r.describe()));
    QVERIFY(!r.err.contains(QLatin1String("not-the-password")));
}

void tst_SessionCtl::nonAdminIsDenied()
{
    const Run r = run(QStringList {QStringLiteral("list")} + connection(m_held.alice()));
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("Access denied: listing sessions needs administrator "
                                          "rights on the server")),
        qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("ERROR_ACCESS_DENIED, 5")), qPrintable(r.describe()));
    // Advice about ending sessions does not apply to a list.
    QVERIFY2(!r.err.contains(QLatin1String("ending")), qPrintable(r.describe()));
    QVERIFY2(!r.err.contains(QLatin1String("matched no session")), qPrintable(r.describe()));

    // --json also reports the error on stdout, machine-readably.
    const Run j = run(QStringList {QStringLiteral("list"), QStringLiteral("--json")}
        + connection(m_held.alice()));
    QVERIFY2(j.exitCode == 4, qPrintable(j.describe()));
    const QJsonObject e
        = QJsonDocument::fromJson(j.out.toUtf8()).object().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("code")).toInt(), 5);
    QVERIFY(!e.value(QLatin1String("kind")).toString().isEmpty());
}

void tst_SessionCtl::noWorkerProcess()
{
    // sessionctl runs Samba in its own process, and in one forked process per server when
    // there are several: it neither looks for the console's worker program nor needs it.
    const QStringList noWorker {
        QStringLiteral("SC_RPCWORKER_PATH=/nonexistent/sessionconsole-rpcworker")};
    const Run one = run(QStringList {QStringLiteral("list")} + adminConnection(), noWorker);
    QVERIFY2(one.exitCode == 0, qPrintable(one.describe()));
    QVERIFY2(one.out.contains(m_held.alice()), qPrintable(one.describe()));

    const QString host = m_lab.host();
    const Run several
        = run({QStringLiteral("find"), QStringLiteral("--session-user"), m_held.alice(),
                  QStringLiteral("--server"), host + u':' + QString::number(m_lab.port()),
                  QStringLiteral("--server"), host + u':' + QString::number(m_lab.closedPort()),
                  QStringLiteral("--logon-user"), m_lab.adminUser(),
                  QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser())},
            noWorker);
    // The closed port fails as it always does; the lab answers with alice's sessions.
    QVERIFY2(several.exitCode == 10, qPrintable(several.describe()));
    QVERIFY2(several.out.contains(m_held.alice()), qPrintable(several.describe()));
    QVERIFY2(several.err.contains(QLatin1String("refused")), qPrintable(several.describe()));
    QVERIFY2(!several.err.contains(QLatin1String("worker")), qPrintable(several.describe()));
}

void tst_SessionCtl::closedPort()
{
    const Run r = run(
        {QStringLiteral("list"), QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
            QString::number(m_lab.closedPort()), QStringLiteral("--logon-user"), m_lab.adminUser(),
            QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser())});
    QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("refused")), qPrintable(r.describe()));
}

void tst_SessionCtl::hungServer()
{
    const Run r = run({QStringLiteral("list"), QStringLiteral("--timeout"), QStringLiteral("2"),
        QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
        QString::number(m_lab.hungPort()), QStringLiteral("--logon-user"), m_lab.adminUser(),
        QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser())});
    qInfo("hung server: sessionctl exited after %lld ms (--timeout 2)", r.elapsedMs);
    QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
    QVERIFY2(
        r.err.contains(QLatin1String("did not answer within 2 seconds")), qPrintable(r.describe()));
    // Samba alone would wait 60 s; generous bound for a loaded machine.
    QVERIFY2(r.elapsedMs < 10000, qPrintable(r.describe()));
}

void tst_SessionCtl::unsupportedLevel()
{
    const Run r
        = run(QStringList {QStringLiteral("list"), QStringLiteral("--level"), QStringLiteral("2")}
            + adminConnection());
    QVERIFY2(r.exitCode == 7, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("information level")), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("124")), qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(tst_SessionCtl)
#include "tst_sessionctl.moc"
