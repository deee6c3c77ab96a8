// SPDX-License-Identifier: GPL-3.0-or-later
// sessionctl's JSON and CSV, compared as whole documents built from known values, so that a
// swapped field, a renamed key or a lost one fails here before a script notices.
#include "sessionformatter.h"
#include "testrecords.h"

#include <QJsonDocument>
#include <QTest>

using namespace sc;

namespace {

using TestRecords::sessionInfo;

SessionEnumResult twoSessions()
{
    SessionEnumResult r;
    r.sessions = {sessionInfo(u"10.0.0.7", u"alice", 3725, 59, 3, 0),
        sessionInfo(u"pc,\"2\"", u"bob", 10, 2, 0, kSessGuest | kSessNoEncryption)};
    r.totalEntries = 9; // more than listed: the server counted before our filter
    r.level = InfoLevel::Level1;
    r.levelFellBack = true;
    return r;
}

QJsonDocument parsed(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(text));
    return doc;
}

// Both sides as compact text, so a failure shows the documents. @p expected is written with
// ' for " (moc cannot read raw string literals), and \' for a quote inside a string.
void compareJson(const QString &actual, const char *expected)
{
    const QJsonDocument want = QJsonDocument::fromJson(QByteArray(expected).replace('\'', '"'));
    QVERIFY2(!want.isNull(), "the expected document is not JSON");
    QCOMPARE(QString::fromUtf8(parsed(actual).toJson(QJsonDocument::Compact)),
        QString::fromUtf8(want.toJson(QJsonDocument::Compact)));
}

} // namespace

class TestSessionFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listJson()
    {
        const SessionFormatter f(SessionFormatter::Format::Json);
        compareJson(f.list(twoSessions(), QStringLiteral("auto")),
            "{ "
            "'level': 1, 'requestedLevel': 'auto', 'levelFellBack': true, 'totalEntries': 9, "
            "'sessions': [ "
            "{'client': '10.0.0.7', 'user': 'alice', 'openCount': 3, "
            "'connectedSeconds': 3725, 'idleSeconds': 59, 'userFlags': 0, 'guest': false, "
            "'plainTextPassword': false, 'clientType': null, 'transport': null, 'level': 1}, "
            "{'client': 'pc,\\'2\\'', 'user': 'bob', 'openCount': 0, "
            "'connectedSeconds': 10, 'idleSeconds': 2, 'userFlags': 3, 'guest': true, "
            "'plainTextPassword': true, 'clientType': null, 'transport': null, 'level': 1} "
            "]} ");
    }

    void listJsonWithoutIdleTime()
    {
        SessionFormatter f(SessionFormatter::Format::Json);
        f.setIdleTimeUnreported(true);
        compareJson(f.list(twoSessions(), QStringLiteral("1")),
            "{ "
            "'level': 1, 'requestedLevel': '1', 'levelFellBack': true, 'totalEntries': 9, "
            "'sessions': [ "
            "{'client': '10.0.0.7', 'user': 'alice', 'openCount': 3, "
            "'connectedSeconds': 3725, 'idleSeconds': null, 'userFlags': 0, 'guest': false, "
            "'plainTextPassword': false, 'clientType': null, 'transport': null, 'level': 1}, "
            "{'client': 'pc,\\'2\\'', 'user': 'bob', 'openCount': 0, "
            "'connectedSeconds': 10, 'idleSeconds': null, 'userFlags': 3, 'guest': true, "
            "'plainTextPassword': true, 'clientType': null, 'transport': null, 'level': 1} "
            "]} ");
    }

    void listCsv()
    {
        const SessionFormatter f(SessionFormatter::Format::Csv);
        QCOMPARE(f.list(twoSessions(), QStringLiteral("auto")),
            QStringLiteral("client,user,openCount,connectedSeconds,idleSeconds,userFlags,guest,"
                           "plainTextPassword\r\n"
                           "10.0.0.7,alice,3,3725,59,0,false,false\r\n"
                           "\"pc,\"\"2\"\"\",bob,0,10,2,3,true,true\r\n"));
    }

    void listCsvWithoutIdleTime()
    {
        SessionFormatter f(SessionFormatter::Format::Csv);
        f.setIdleTimeUnreported(true);
        QCOMPARE(f.list(twoSessions(), QStringLiteral("auto")),
            QStringLiteral("client,user,openCount,connectedSeconds,idleSeconds,userFlags,guest,"
                           "plainTextPassword\r\n"
                           "10.0.0.7,alice,3,3725,,0,false,false\r\n"
                           "\"pc,\"\"2\"\"\",bob,0,10,,3,true,true\r\n"));
    }

    // The table says what a level-1 answer means for the operator: a yes/no column for each
    // flag rather than a "Flags" column of dashes, and which details the server leaves out
    // rather than a level number.
    void listTable()
    {
        const QStringList lines = SessionFormatter(SessionFormatter::Format::Table)
                                      .list(twoSessions(), QStringLiteral("auto"))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines,
            QStringList({
                QStringLiteral("Client    User   Open  Connected     Idle  Guest  "
                               "Plain-text password"),
                QStringLiteral("10.0.0.7  alice     3    1:02:05  0:00:59  no     no"),
                QStringLiteral("pc,\"2\"    bob       0    0:00:10  0:00:02  yes    yes"),
                QStringLiteral("2 session(s). This server reports basic session details only "
                               "(no client type, transport)."),
            }));

        SessionEnumResult asked = twoSessions();
        asked.levelFellBack = false; // level 1 was asked for: nothing to explain
        QVERIFY(SessionFormatter(SessionFormatter::Format::Table)
                    .list(asked, QStringLiteral("1"))
                    .endsWith(QLatin1String("\n2 session(s).\n")));
    }

    void level0Csv()
    {
        SessionEnumResult r;
        SessionInfo s;
        s.clientName = u"pc1";
        r.sessions = {s};
        r.totalEntries = 1;
        const SessionFormatter f(SessionFormatter::Format::Csv);
        QCOMPARE(f.list(r, QStringLiteral("0")), QStringLiteral("client\r\npc1\r\n"));
    }

    void infoJsonWithSeveralSessions()
    {
        const SessionFormatter f(SessionFormatter::Format::Json);
        const SessionList both {sessionInfo(u"pc1", u"alice", 100, 5, 1, 0),
            sessionInfo(u"pc1", u"alice", 50, 6, 2, 0)};
        compareJson(f.info(both),
            "{ "
            "'client': 'pc1', 'user': 'alice', 'openCount': 1, 'connectedSeconds': 100, "
            "'idleSeconds': 5, 'userFlags': 0, 'guest': false, 'plainTextPassword': false, "
            "'clientType': null, 'transport': null, 'level': 1, "
            "'sessionCount': 2, "
            "'sessions': [ "
            "{'client': 'pc1', 'user': 'alice', 'openCount': 1, 'connectedSeconds': 100, "
            "'idleSeconds': 5, 'userFlags': 0, 'guest': false, 'plainTextPassword': false, "
            "'clientType': null, 'transport': null, 'level': 1}, "
            "{'client': 'pc1', 'user': 'alice', 'openCount': 2, 'connectedSeconds': 50, "
            "'idleSeconds': 6, 'userFlags': 0, 'guest': false, 'plainTextPassword': false, "
            "'clientType': null, 'transport': null, 'level': 1} "
            "]} ");
    }

    void closeResultJson()
    {
        const SessionFormatter f(SessionFormatter::Format::Json);
        compareJson(
            f.closeResult({sessionInfo(u"pc1", u"alice", 30, 1, 4, 0)}, InfoLevel::Level1, 1),
            "{'ended': 1, 'sessions': [ "
            "{'client': 'pc1', 'user': 'alice', 'openCount': 4, 'connectedSeconds': 30, "
            "'idleSeconds': 1, 'userFlags': 0, 'guest': false, 'plainTextPassword': false, "
            "'clientType': null, 'transport': null, 'level': 1}]} ");
    }

    void errorJson()
    {
        const SessionFormatter f(SessionFormatter::Format::Json);
        const SessionError denied = SessionError::fromWin32(win32::AccessDenied, "NetrSessionEnum");
        compareJson(f.error(denied, QStringLiteral("Access denied.")),
            "{'error': { "
            "'kind': 'access-denied', 'code': 5, 'codeText': 'ERROR_ACCESS_DENIED (5)', "
            "'message': 'Access denied.' "
            "} "
            "} ");
        // Tables and CSV report errors on stderr only.
        QCOMPARE(
            SessionFormatter(SessionFormatter::Format::Csv).error(denied, QString()), QString());
        QCOMPARE(
            SessionFormatter(SessionFormatter::Format::Table).error(denied, QString()), QString());
    }

    // Several servers: one at level 502, one at level 10, one with no matching session and one
    // that failed. The table and CSV share the columns both levels carry.
    void fleetOutputs()
    {
        SessionEnumResult rich;
        SessionInfo a = sessionInfo(u"10.0.0.7", u"alice", 3725, 59, 3, 0);
        a.level = InfoLevel::Level502;
        a.clientType = u"Windows 10";
        a.transport = u"\\Device\\NetbiosSmb";
        rich.sessions = {a};
        rich.level = InfoLevel::Level502;
        SessionEnumResult poor;
        SessionInfo b = sessionInfo(u"pc2", u"bob", 10, 0, 0, 0);
        b.level = InfoLevel::Level10;
        poor.sessions = {b};
        poor.level = InfoLevel::Level10;
        const SessionError refused = SessionError::fromNtStatus(0xC0000236, "refused");

        std::vector<SessionFormatter::ServerResult> servers(4);
        servers[0].server = QStringLiteral("fs01");
        servers[0].listing = &rich;
        servers[1].server = QStringLiteral("[fd00::5]:1445");
        servers[1].listing = &poor;
        servers[1].idleTimeUnreported = true;
        servers[2].server = QStringLiteral("fs03");
        servers[2].nothingMatched = true;
        servers[3].server = QStringLiteral("fs04:4450");
        servers[3].error = &refused;
        servers[3].errorText = QStringLiteral("The server refused the connection.");

        compareJson(SessionFormatter(SessionFormatter::Format::Json)
                        .fleetList(servers, QStringLiteral("auto")),
            "{ 'requestedLevel': 'auto', "
            "'servers': [ "
            "{'server': 'fs01', 'ok': true, 'level': 502, 'sessionCount': 1, 'error': null}, "
            "{'server': '[fd00::5]:1445', 'ok': true, 'level': 10, 'sessionCount': 1, "
            "'error': null}, "
            "{'server': 'fs03', 'ok': true, 'level': null, 'sessionCount': 0, 'error': null}, "
            "{'server': 'fs04:4450', 'ok': false, 'level': null, 'sessionCount': null, "
            "'error': {'kind': 'connection-refused', 'code': 3221226038, "
            "'codeText': 'NT_STATUS_CONNECTION_REFUSED (0xc0000236)', "
            "'message': 'The server refused the connection.'}} ], "
            "'sessions': [ "
            "{'server': 'fs01', 'client': '10.0.0.7', 'user': 'alice', 'openCount': 3, "
            "'connectedSeconds': 3725, 'idleSeconds': 59, 'userFlags': 0, 'guest': false, "
            "'plainTextPassword': false, 'clientType': 'Windows 10', "
            "'transport': '\\\\Device\\\\NetbiosSmb', 'level': 502}, "
            "{'server': '[fd00::5]:1445', 'client': 'pc2', 'user': 'bob', 'openCount': null, "
            "'connectedSeconds': 10, 'idleSeconds': null, 'userFlags': null, 'guest': null, "
            "'plainTextPassword': null, 'clientType': null, 'transport': null, 'level': 10} ] }");

        QCOMPARE(SessionFormatter(SessionFormatter::Format::Csv).fleetList(servers, QString()),
            QStringLiteral("server,client,user,connectedSeconds,idleSeconds\r\n"
                           "fs01,10.0.0.7,alice,3725,59\r\n"
                           "[fd00::5]:1445,pc2,bob,10,\r\n"));

        const QStringList table = SessionFormatter(SessionFormatter::Format::Table)
                                      .fleetList(servers, QString())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(table.size(), 8);
        QVERIFY2(
            table.at(0).startsWith(QLatin1String("Server          Client    User   Connected")),
            qPrintable(table.at(0)));
        QVERIFY2(table.at(2).startsWith(QLatin1String("[fd00::5]:1445  pc2       bob")),
            qPrintable(table.at(2)));
        QCOMPARE(table.at(3), QStringLiteral("fs01: 1 session(s)."));
        QCOMPARE(table.at(5), QStringLiteral("fs03: no matching session."));
        QCOMPARE(
            table.at(6), QStringLiteral("fs04:4450: failed (see the message on standard error)."));
    }
};

QTEST_GUILESS_MAIN(TestSessionFormatter)
#include "tst_sessionformatter.moc"
