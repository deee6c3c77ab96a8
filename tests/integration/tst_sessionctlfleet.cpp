// SPDX-License-Identifier: GPL-3.0-or-later
// sessionctl over several servers against the lab fleet (lab.sh fleet-start): every reachable
// server's sessions printed beside a hung server and a closed port, the Server column, JSON's
// "server" keys and "servers" array, exit code 10, --servers-file, --jobs, find and close.

#include "labsupport.h"
#include "programrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// NT_STATUS_IO_TIMEOUT and NT_STATUS_CONNECTION_REFUSED, as the JSON reports them.
constexpr qint64 kIoTimeout = 0xC00000B5;
constexpr qint64 kConnectionRefused = 0xC0000236;
// Each call's timeout once the members are warm (initTestCase()): short enough that the hung
// server does not make the test slow.
const QString kTimeout = QStringLiteral("8");
// A member's first srvsvc call starts samba-dcerpcd and its srvsvc worker. On a loaded machine
// (the sanitizer build, other lab tests beside this one) that took longer than kTimeout.
const QString kFirstCallTimeout = QStringLiteral("60");

using Key = QPair<QString, QString>; // server, user

} // namespace

class tst_SessionCtlFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void listTableWithUnreachableServers();
    void listJsonWithUnreachableServers();
    void listCsv();
    void allAnsweredExitsZero();
    void serversFile();
    void jobsOneGivesTheSameOutput();
    void findUser();
    void findUserNowhere();
    void unknownServerName();
    // Ends jürgen's and bob's held sessions: keep them last.
    void closeOnTwoServersDeclinedOnTerminal();
    void closeTableOnTwoServers();
    void closeOnTwoServers();

private:
    ProgramRun run(const QStringList &arguments, const QStringList &extraEnvironment = {}) const;
    QStringList logon(const QString &timeout = kTimeout) const;
    QStringList memberServers() const;
    QString name(int member) const;
    /// The held sessions by server and user.
    QMap<Key, int> expectedCounts() const;
    /// By server and user, without the admin account's: sessionctl's own session of one run
    /// may still be ending while the next run lists.
    QMap<Key, int> countsOf(const QJsonArray &sessions) const;
    /// Sessions of @p server in @p sessions, the admin account's too.
    static int rowsOf(const QJsonArray &sessions, const QString &server);

    QList<Lab> m_fleet;
    QTemporaryDir m_tmp;
    std::vector<std::unique_ptr<LoadGenerator>> m_loads;
    /// member -> user -> sessions held there
    QList<QMap<QString, int>> m_held;
};

void tst_SessionCtlFleet::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    QVERIFY(m_tmp.isValid());
    QString error;
    m_fleet = Lab::fleetFromEnvironment(&error);
    QVERIFY2(!m_fleet.isEmpty(), qPrintable(error));
    // alice on members 0 and 2 only (find), bob on 3 and 4 and jürgen on 0 and 1 (close),
    // josé on 1.
    QVERIFY2(m_fleet.size() >= 5, "the fleet needs 5 members (SC_FLEET_SIZE)");
    const QString jose = QString::fromUtf8("josé");
    m_held = QList<QMap<QString, int>>(m_fleet.size());
    m_held[0][QStringLiteral("alice")] = 2;
    m_held[1][jose] = 1;
    m_held[2][QStringLiteral("alice")] = 1;
    m_held[3][QStringLiteral("bob")] = 2;
    m_held[4][QStringLiteral("bob")] = 1;
    m_held[0][QString::fromUtf8("jürgen")] = 1;
    m_held[1][QString::fromUtf8("jürgen")] = 1;
    for (int m = 0; m < m_fleet.size(); ++m) {
        for (auto it = m_held[m].cbegin(); it != m_held[m].cend(); ++it) {
            std::unique_ptr<LoadGenerator> load = m_fleet[m].hold(it.key(), it.value());
            QVERIFY2(load, qPrintable(m_fleet[m].errorString()));
            m_loads.push_back(std::move(load));
        }
    }
    for (int m = 0; m < m_fleet.size(); ++m) {
        for (auto it = m_held[m].cbegin(); it != m_held[m].cend(); ++it)
            QVERIFY(m_fleet[m].waitForSessionCount(it.key(), it.value()));
    }
    // Every member answers once, with time to spare, before the tests hold it to kTimeout.
    const ProgramRun warm
        = run(QStringList {QStringLiteral("list")} + memberServers() + logon(kFirstCallTimeout));
    QVERIFY2(warm.exitCode == 0, qPrintable(warm.describe()));
}

void tst_SessionCtlFleet::cleanupTestCase()
{
    m_loads.clear();
}

ProgramRun tst_SessionCtlFleet::run(
    const QStringList &arguments, const QStringList &extraEnvironment) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return runProgram(
        QStringLiteral(SC_SESSIONCTL_PATH), arguments, withAssignments(env, extraEnvironment));
}

QStringList tst_SessionCtlFleet::logon(const QString &timeout) const
{
    // One password file for every member: the fleet shares users and passwords.
    const Lab &first = m_fleet.first();
    return {QStringLiteral("--logon-user"), first.adminUser(), QStringLiteral("--password-file"),
        first.passwordFile(first.adminUser()), QStringLiteral("--timeout"), timeout};
}

QString tst_SessionCtlFleet::name(int member) const
{
    return QStringLiteral("%1:%2").arg(m_fleet[member].host()).arg(m_fleet[member].port());
}

QStringList tst_SessionCtlFleet::memberServers() const
{
    QStringList args;
    for (int m = 0; m < m_fleet.size(); ++m)
        args << QStringLiteral("--server") << name(m);
    return args;
}

QMap<Key, int> tst_SessionCtlFleet::expectedCounts() const
{
    QMap<Key, int> expected;
    for (int m = 0; m < m_fleet.size(); ++m) {
        for (auto it = m_held[m].cbegin(); it != m_held[m].cend(); ++it)
            expected[{name(m), it.key()}] = it.value();
    }
    return expected;
}

QMap<Key, int> tst_SessionCtlFleet::countsOf(const QJsonArray &sessions) const
{
    QMap<Key, int> counts;
    QMap<QString, int> admins;
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        const QString server = s.value(QLatin1String("server")).toString();
        const QString user = s.value(QLatin1String("user")).toString();
        if (user == m_fleet.first().adminUser())
            ++admins[server];
        else
            ++counts[{server, user}];
    }
    return counts;
}

int tst_SessionCtlFleet::rowsOf(const QJsonArray &sessions, const QString &server)
{
    int n = 0;
    for (const QJsonValue &v : sessions)
        n += v.toObject().value(QLatin1String("server")).toString() == server;
    return n;
}

void tst_SessionCtlFleet::listTableWithUnreachableServers()
{
    const Lab &first = m_fleet.first();
    const QString hung = QStringLiteral("127.0.0.1:%1").arg(first.hungPort());
    const QString closed = QStringLiteral("127.0.0.1:%1").arg(first.closedPort());
    // The hung server first: it must not hold up the others.
    const ProgramRun r = run(QStringList {QStringLiteral("list"), QStringLiteral("--server"), hung}
        + memberServers() + QStringList {QStringLiteral("--server"), closed} + logon());
    QCOMPARE(r.exitCode, 10);

    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(!lines.isEmpty(), qPrintable(r.describe()));
    QVERIFY2(lines.first().startsWith(QLatin1String("Server ")), qPrintable(r.out));
    QVERIFY2(lines.first().contains(QLatin1String(" Client ")), qPrintable(r.out));
    QMap<Key, int> counts;
    QMap<QString, int> rows;
    const QRegularExpression row(QStringLiteral("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s"));
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = row.match(line);
        if (!m.hasMatch() || !m.captured(1).startsWith(QLatin1String("127.0.0.1:"))
            || m.captured(1).endsWith(QLatin1Char(':')))
            continue;
        ++rows[m.captured(1)];
        if (m.captured(3) != first.adminUser())
            ++counts[{m.captured(1), m.captured(3)}];
    }
    // A member missing from the table failed: its message is on standard error.
    if (counts != expectedCounts())
        qWarning().noquote() << r.describe();
    QCOMPARE(counts, expectedCounts());
    for (int m = 0; m < m_fleet.size(); ++m) {
        int held = 0;
        for (int c : m_held[m])
            held += c;
        // The held sessions and the run's own: every server lists the run itself.
        const int count = rows.value(name(m));
        QVERIFY2(count > held, qPrintable(r.out));
        // A member that holds none lists only the run's own session: "1 session".
        const QString sessions
            = count == 1 ? QStringLiteral("1 session") : QStringLiteral("%1 sessions").arg(count);
        const QString summary = QStringLiteral("%1: %2. This server reports basic session details "
                                               "only (no client type, transport).")
                                    .arg(name(m), sessions);
        QVERIFY2(lines.contains(summary), qPrintable(summary + QLatin1Char('\n') + r.out));
    }
    QVERIFY2(lines.contains(hung + QStringLiteral(": failed (see the message on standard error).")),
        qPrintable(r.out));
    QVERIFY2(r.err.contains(QStringLiteral("sessionctl: %1: The server did not answer").arg(hung)),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("sessionctl: %1: The server refused").arg(closed)),
        qPrintable(r.err));
}

void tst_SessionCtlFleet::listJsonWithUnreachableServers()
{
    const Lab &first = m_fleet.first();
    const QString hung = QStringLiteral("127.0.0.1:%1").arg(first.hungPort());
    const QString closed = QStringLiteral("[::1]:%1").arg(first.closedPort());
    const ProgramRun r
        = run(QStringList {QStringLiteral("list"), QStringLiteral("--json")} + memberServers()
            + QStringList {QStringLiteral("--server"), hung, QStringLiteral("--server"), closed}
            + logon());
    QCOMPARE(r.exitCode, 10);
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(o.value(QLatin1String("requestedLevel")).toString(), QStringLiteral("auto"));

    const QJsonArray servers = o.value(QLatin1String("servers")).toArray();
    QCOMPARE(servers.size(), m_fleet.size() + 2);
    const QJsonArray sessions = o.value(QLatin1String("sessions")).toArray();
    for (int m = 0; m < m_fleet.size(); ++m) {
        const QJsonObject s = servers.at(m).toObject();
        int held = 0;
        for (int c : m_held[m])
            held += c;
        const int count = rowsOf(sessions, name(m));
        // The held sessions and this run's own (and perhaps the last run's, still ending).
        QVERIFY2(count > held, qPrintable(r.out));
        QCOMPARE(s.keys(),
            QStringList({QStringLiteral("error"), QStringLiteral("level"), QStringLiteral("ok"),
                QStringLiteral("server"), QStringLiteral("sessionCount")}));
        QCOMPARE(s.value(QLatin1String("server")).toString(), name(m));
        QCOMPARE(s.value(QLatin1String("ok")), QJsonValue(true));
        QCOMPARE(s.value(QLatin1String("level")), QJsonValue(1));
        QCOMPARE(s.value(QLatin1String("sessionCount")), QJsonValue(count));
        QCOMPARE(s.value(QLatin1String("error")), QJsonValue(QJsonValue::Null));
    }
    const auto checkFailed = [&](const QJsonObject &s, const QString &server, const char *kind,
                                 qint64 code, const char *codeText) {
        QCOMPARE(s.value(QLatin1String("server")).toString(), server);
        QCOMPARE(s.value(QLatin1String("ok")), QJsonValue(false));
        QCOMPARE(s.value(QLatin1String("level")), QJsonValue(QJsonValue::Null));
        QCOMPARE(s.value(QLatin1String("sessionCount")), QJsonValue(QJsonValue::Null));
        const QJsonObject e = s.value(QLatin1String("error")).toObject();
        QCOMPARE(e.keys(),
            QStringList({QStringLiteral("code"), QStringLiteral("codeText"), QStringLiteral("kind"),
                QStringLiteral("message")}));
        QCOMPARE(e.value(QLatin1String("kind")).toString(), QLatin1String(kind));
        QCOMPARE(e.value(QLatin1String("code")).toInteger(), code);
        QCOMPARE(e.value(QLatin1String("codeText")).toString(), QLatin1String(codeText));
        QVERIFY(!e.value(QLatin1String("message")).toString().isEmpty());
        // The message on stderr is the one in the JSON.
        QVERIFY2(r.err.contains(QStringLiteral("sessionctl: %1: %2")
                                    .arg(server, e.value(QLatin1String("message")).toString())),
            qPrintable(r.err));
    };
    checkFailed(servers.at(m_fleet.size()).toObject(), hung, "timeout", kIoTimeout,
        "NT_STATUS_IO_TIMEOUT (0xc00000b5)");
    checkFailed(servers.at(m_fleet.size() + 1).toObject(), closed, "connection-refused",
        kConnectionRefused, "NT_STATUS_CONNECTION_REFUSED (0xc0000236)");

    QCOMPARE(countsOf(sessions), expectedCounts());
    for (const QJsonValue &v : sessions) {
        const QJsonObject s = v.toObject();
        QCOMPARE(s.value(QLatin1String("level")), QJsonValue(1));
        QCOMPARE(s.value(QLatin1String("client")).toString(), QStringLiteral("127.0.0.1"));
    }
}

void tst_SessionCtlFleet::listCsv()
{
    const ProgramRun r = run(
        QStringList {QStringLiteral("list"), QStringLiteral("--csv")} + memberServers() + logon());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(),
        QStringLiteral("server,client,user,openCount,connectedSeconds,idleSeconds,userFlags,"
                       "guest,plainTextPassword"));
    QMap<Key, int> counts;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(QLatin1Char(','));
        QCOMPARE(fields.size(), 9);
        if (fields.at(2) != m_fleet.first().adminUser())
            ++counts[{fields.at(0), fields.at(2)}];
    }
    QCOMPARE(counts, expectedCounts());
}

void tst_SessionCtlFleet::allAnsweredExitsZero()
{
    const ProgramRun r = run(
        QStringList {QStringLiteral("list"), QStringLiteral("--json")} + memberServers() + logon());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const QJsonValue &s : o.value(QLatin1String("servers")).toArray())
        QCOMPARE(s.toObject().value(QLatin1String("ok")), QJsonValue(true));
}

void tst_SessionCtlFleet::serversFile()
{
    // Comments, blank lines, \\host:port and a duplicate; the rest from --server, first.
    const QString path = m_tmp.filePath(QStringLiteral("servers.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QByteArray text = "# the lab fleet\n\n";
    for (int m = 1; m < m_fleet.size(); ++m)
        text += "  \\\\" + name(m).toUtf8() + "   # member " + QByteArray::number(m) + "\n\t\n";
    text += name(0).toUtf8() + "\n";
    file.write(text);
    file.close();
    const ProgramRun r
        = run(QStringList {QStringLiteral("list"), QStringLiteral("--json"),
                  QStringLiteral("--server"), name(0), QStringLiteral("--servers-file"), path}
            + logon());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QStringList order;
    for (const QJsonValue &s : o.value(QLatin1String("servers")).toArray())
        order << s.toObject().value(QLatin1String("server")).toString();
    QStringList expected;
    for (int m = 0; m < m_fleet.size(); ++m)
        expected << name(m);
    QCOMPARE(order, expected);
    QCOMPARE(countsOf(o.value(QLatin1String("sessions")).toArray()), expectedCounts());
}

void tst_SessionCtlFleet::jobsOneGivesTheSameOutput()
{
    const QString admin = m_fleet.first().adminUser();
    const auto stable = [&admin](const QString &json) {
        // Times move on between the two runs, and the admin sessions are each run's own (one
        // of the last run may still be ending); everything else must be the same.
        QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
        QJsonArray sessions;
        for (const QJsonValue &v : o.value(QLatin1String("sessions")).toArray()) {
            QJsonObject s = v.toObject();
            if (s.value(QLatin1String("user")).toString() == admin)
                continue;
            s.remove(QLatin1String("connectedSeconds"));
            s.remove(QLatin1String("idleSeconds"));
            sessions.append(s);
        }
        o.insert(QLatin1String("sessions"), sessions);
        QJsonArray servers;
        for (const QJsonValue &v : o.value(QLatin1String("servers")).toArray()) {
            QJsonObject s = v.toObject();
            s.remove(QLatin1String("sessionCount"));
            servers.append(s);
        }
        o.insert(QLatin1String("servers"), servers);
        return o;
    };
    const QStringList args = QStringList {QStringLiteral("list"), QStringLiteral("--json")}
        + memberServers() + logon();
    const ProgramRun parallel = run(args);
    QVERIFY2(parallel.exitCode == 0, qPrintable(parallel.describe()));
    const ProgramRun serial
        = run(args + QStringList {QStringLiteral("--jobs"), QStringLiteral("1")});
    QVERIFY2(serial.exitCode == 0, qPrintable(serial.describe()));
    QCOMPARE(stable(serial.out), stable(parallel.out));
    QCOMPARE(
        countsOf(stable(serial.out).value(QLatin1String("sessions")).toArray()), expectedCounts());
}

void tst_SessionCtlFleet::findUser()
{
    const ProgramRun r = run(QStringList {QStringLiteral("find"), QStringLiteral("--json"),
                                 QStringLiteral("--session-user"), QStringLiteral("ALICE")}
        + memberServers() + logon());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray servers = o.value(QLatin1String("servers")).toArray();
    QCOMPARE(servers.size(), m_fleet.size());
    QMap<Key, int> expected;
    for (int m = 0; m < m_fleet.size(); ++m) {
        const QJsonObject s = servers.at(m).toObject();
        const int held = m_held[m].value(QStringLiteral("alice"));
        QCOMPARE(s.value(QLatin1String("server")).toString(), name(m));
        QCOMPARE(s.value(QLatin1String("ok")), QJsonValue(true));
        QCOMPARE(s.value(QLatin1String("sessionCount")), QJsonValue(held));
        QCOMPARE(s.value(QLatin1String("error")), QJsonValue(QJsonValue::Null));
        if (held > 0)
            expected[{name(m), QStringLiteral("alice")}] = held;
    }
    QCOMPARE(countsOf(o.value(QLatin1String("sessions")).toArray()), expected);

    // The table says the same, with the Server column.
    const ProgramRun table = run(QStringList {QStringLiteral("find"),
                                     QStringLiteral("--session-user"), QStringLiteral("alice")}
        + memberServers() + logon());
    QVERIFY2(table.exitCode == 0, qPrintable(table.describe()));
    QVERIFY2(table.out.startsWith(QLatin1String("Server ")), qPrintable(table.out));
    QCOMPARE(table.out.count(QRegularExpression(
                 QStringLiteral("^127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1 +alice "),
                 QRegularExpression::MultilineOption)),
        3);
}

void tst_SessionCtlFleet::findUserNowhere()
{
    const ProgramRun r = run(QStringList {QStringLiteral("find"), QStringLiteral("--session-user"),
                                 m_fleet.first().viewerUser()}
        + memberServers() + logon());
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.out.startsWith(QLatin1String("No sessions.")), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("No server has a session of user %1.")
                                .arg(m_fleet.first().viewerUser())),
        qPrintable(r.err));
}

void tst_SessionCtlFleet::unknownServerName()
{
    const ProgramRun r = run(QStringList {QStringLiteral("list"), QStringLiteral("--server"),
                                 name(0), QStringLiteral("--server"), QStringLiteral("fs01:x")}
        + logon());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("\"fs01:x\" is not a server name")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// An operator at a terminal sees what ends on each server, then answers the one question for
// all of them; "n" ends nothing anywhere.
void tst_SessionCtlFleet::closeOnTwoServersDeclinedOnTerminal()
{
    const QString jurgen = QString::fromUtf8("jürgen");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QByteArray terminal;
    const ProgramRun r = runOnTerminal(QStringLiteral(SC_SESSIONCTL_PATH),
        QStringList {QStringLiteral("close"), QStringLiteral("--session-user"), jurgen,
            QStringLiteral("--server"), name(0), QStringLiteral("--server"), name(1)}
            + logon(),
        env, {{QStringLiteral("[y/N]"), QByteArray("n\n")}}, &terminal);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("[y/N]")), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("Nothing was ended.")), qPrintable(r.describe()));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0),
        QStringLiteral("Logged on to 2 servers as %1; ending every session of user %2.")
            .arg(m_fleet.first().adminUser(), jurgen));
    for (int m = 0; m < 2; ++m) {
        const QString preview = QStringLiteral("%1: 1 session will be ended.").arg(name(m));
        QVERIFY2(lines.contains(preview), qPrintable(preview + QLatin1Char('\n') + r.out));
    }
    QVERIFY2(!r.out.contains(QLatin1String("ended 1 session")), qPrintable(r.describe()));
    for (int m = 0; m < 2; ++m) {
        for (auto it = m_held[m].cbegin(); it != m_held[m].cend(); ++it)
            QCOMPARE(m_fleet[m].sessionCount(it.key()), it.value());
    }
}

void tst_SessionCtlFleet::closeTableOnTwoServers()
{
    // The table shows the person confirming what ends where; --yes still shows it.
    const QString jurgen = QString::fromUtf8("jürgen");
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const ProgramRun r
        = run(QStringList {QStringLiteral("close"), QStringLiteral("--yes"),
                  QStringLiteral("--session-user"), jurgen, QStringLiteral("--server"), name(0),
                  QStringLiteral("--server"), name(1)}
                + logon(),
            {QStringLiteral("XDG_DATA_HOME=") + data.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0),
        QStringLiteral("Logged on to 2 servers as %1; ending every session of user %2.")
            .arg(m_fleet.first().adminUser(), jurgen));
    QVERIFY2(lines.value(1).startsWith(QLatin1String("Server ")), qPrintable(r.out));
    for (int m = 0; m < 2; ++m) {
        const QString preview = QStringLiteral("%1: 1 session will be ended.").arg(name(m));
        QVERIFY2(lines.contains(preview), qPrintable(preview + QLatin1Char('\n') + r.out));
    }
    // The result comes last, after the preview (and the idle time note, if any).
    QCOMPARE(lines.mid(lines.size() - 2),
        QStringList({QStringLiteral("%1: ended 1 session.").arg(name(0)),
            QStringLiteral("%1: ended 1 session.").arg(name(1))}));
    QVERIFY(m_fleet[0].waitForSessionCount(jurgen, 0));
    QVERIFY(m_fleet[1].waitForSessionCount(jurgen, 0));
    QCOMPARE(m_fleet[0].sessionCount(QStringLiteral("alice")), 2);
    QCOMPARE(m_fleet[1].sessionCount(QString::fromUtf8("josé")), 1);
    m_held[0].remove(jurgen);
    m_held[1].remove(jurgen);
}

void tst_SessionCtlFleet::closeOnTwoServers()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const ProgramRun r
        = run(QStringList {QStringLiteral("close"), QStringLiteral("--json"),
                  QStringLiteral("--yes"), QStringLiteral("--session-user"), QStringLiteral("bob"),
                  QStringLiteral("--server"), name(3), QStringLiteral("--server"), name(4)}
                + logon(),
            {QStringLiteral("XDG_DATA_HOME=") + data.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("ended")), QJsonValue(3));
    const QJsonArray servers = o.value(QLatin1String("servers")).toArray();
    QCOMPARE(servers.size(), 2);
    for (int k = 0; k < 2; ++k) {
        const QJsonObject s = servers.at(k).toObject();
        const int held = m_held[3 + k].value(QStringLiteral("bob"));
        QCOMPARE(s.value(QLatin1String("server")).toString(), name(3 + k));
        QCOMPARE(s.value(QLatin1String("ok")), QJsonValue(true));
        QCOMPARE(s.value(QLatin1String("sessionCount")), QJsonValue(held));
        QCOMPARE(s.value(QLatin1String("ended")), QJsonValue(held));
        QCOMPARE(s.value(QLatin1String("error")), QJsonValue(QJsonValue::Null));
    }
    // Exactly bob's sessions ended, on both servers; every other held session is still there.
    QVERIFY(m_fleet[3].waitForSessionCount(QStringLiteral("bob"), 0));
    QVERIFY(m_fleet[4].waitForSessionCount(QStringLiteral("bob"), 0));
    for (int m = 0; m < 3; ++m) {
        for (auto it = m_held[m].cbegin(); it != m_held[m].cend(); ++it)
            QCOMPARE(m_fleet[m].sessionCount(it.key()), it.value());
    }
    m_held[3].remove(QStringLiteral("bob"));
    m_held[4].remove(QStringLiteral("bob"));
    const ProgramRun again = run(
        QStringList {QStringLiteral("list"), QStringLiteral("--json")} + memberServers() + logon());
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(countsOf(QJsonDocument::fromJson(again.out.toUtf8())
                          .object()
                          .value(QLatin1String("sessions"))
                          .toArray()),
        expectedCounts());

    // One audit record per server.
    QFile log(data.filePath(QStringLiteral("SessionConsole/session-console/audit.jsonl")));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QList<QByteArray> lines = log.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two records and the final newline
    for (int k = 0; k < 2; ++k) {
        const QJsonObject record = QJsonDocument::fromJson(lines.at(k)).object();
        QCOMPARE(record.value(QLatin1String("server")).toString(), name(3 + k));
        QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(record.value(QLatin1String("ended")).toInt(-1), k == 0 ? 2 : 1);
        QCOMPARE(record.value(QLatin1String("user")).toString(), QStringLiteral("bob"));
    }
}

QTEST_GUILESS_MAIN(tst_SessionCtlFleet)
#include "tst_sessionctlfleet.moc"
