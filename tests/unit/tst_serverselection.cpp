// SPDX-License-Identifier: GPL-3.0-or-later
// The server names sessionctl accepts (--server, --servers-file): the console's spellings,
// exact hosts and ports, and a clear refusal of everything else.

#include "serveraddress.h"
#include "serverselection.h"
#include "testfiles.h"

#include <QTest>

class tst_ServerSelection : public QObject
{
    Q_OBJECT

private slots:
    void validNames_data();
    void validNames();
    void invalidNames_data();
    void invalidNames();
    void defaultPortOnlyWithoutPort();
    void repeatedServersOnce();
    void sameServerInAnotherCaseOnce();
    void serversFile();
    void serversFileErrors();
    void nothingGiven();
};

void tst_ServerSelection::validNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("name");
    QTest::newRow("host") << "fs01"
                          << "fs01" << 445 << "fs01";
    QTest::newRow("host:port") << "fs01:1445"
                               << "fs01" << 1445 << "fs01:1445";
    QTest::newRow("host:445") << "fs01:445"
                              << "fs01" << 445 << "fs01";
    QTest::newRow("address:port") << "127.0.0.1:4468"
                                  << "127.0.0.1" << 4468 << "127.0.0.1:4468";
    QTest::newRow("unc") << "\\\\fs01"
                         << "fs01" << 445 << "fs01";
    QTest::newRow("unc with port") << "\\\\fs01:1445"
                                   << "fs01" << 1445 << "fs01:1445";
    QTest::newRow("blanks") << "  fs01.corp.example  "
                            << "fs01.corp.example" << 445 << "fs01.corp.example";
    QTest::newRow("v6 with port") << "[::1]:1445"
                                  << "::1" << 1445 << "[::1]:1445";
    QTest::newRow("v6 in brackets") << "[fe80::1]"
                                    << "fe80::1" << 445 << "[fe80::1]";
    QTest::newRow("bare v6") << "fe80::1"
                             << "fe80::1" << 445 << "[fe80::1]";
}

void tst_ServerSelection::validNames()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, name);
    const std::optional<ServerTarget> t = ServerSelection::target(text, 445);
    QVERIFY2(t, qPrintable(text));
    QCOMPARE(QString::fromStdString(t->host), host);
    QCOMPARE(int(t->port), port);
    QCOMPARE(t->name, name);
}

void tst_ServerSelection::invalidNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("only backslashes") << "\\\\";
    QTest::newRow("port zero") << "fs01:0";
    QTest::newRow("port too large") << "fs01:65536";
    QTest::newRow("port not a number") << "fs01:smb";
    QTest::newRow("port with sign") << "fs01:+445";
    QTest::newRow("empty port") << "fs01:";
    QTest::newRow("no host") << ":445";
    QTest::newRow("unclosed bracket") << "[::1:445";
    QTest::newRow("junk after bracket") << "[::1]445";
    QTest::newRow("bad v6 port") << "[::1]:x";
    QTest::newRow("share path") << "\\\\fs01\\data";
    QTest::newRow("url path") << "fs01/data";
    QTest::newRow("space inside") << "fs 01";
}

void tst_ServerSelection::invalidNames()
{
    QFETCH(QString, text);
    QVERIFY2(!ServerAddress::parseStrict(text), qPrintable(text));
    QString error;
    QVERIFY(!ServerSelection::read({text}, QString(), 445, &error));
    QVERIFY2(error.contains(QLatin1String("--server")), qPrintable(error));
}

void tst_ServerSelection::defaultPortOnlyWithoutPort()
{
    QString error;
    const std::optional<QList<ServerTarget>> list = ServerSelection::read(
        {QStringLiteral("fs01"), QStringLiteral("fs02:2445")}, QString(), 1445, &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("fs01:1445"));
    QCOMPARE(list->at(0).port, 1445);
    QCOMPARE(list->at(1).name, QStringLiteral("fs02:2445"));
    QCOMPARE(list->at(1).port, 2445);
}

void tst_ServerSelection::repeatedServersOnce()
{
    QString error;
    const std::optional<QList<ServerTarget>> list
        = ServerSelection::read({QStringLiteral("fs02"), QStringLiteral("\\\\fs01"),
                                    QStringLiteral("fs02:445"), QStringLiteral("fs01")},
            QString(), 445, &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("fs02"));
    QCOMPARE(list->at(1).name, QStringLiteral("fs01"));
}

void tst_ServerSelection::sameServerInAnotherCaseOnce()
{
    // Windows' rule for names: FS01 is fs01, in --server and in the file alike, and the
    // first spelling is the one printed.
    const TemporaryTestFile servers(
        QStringLiteral("servers.txt"), "FS01\nfs02\nFS02:445\nservidor-a\xc3\xb1o\n");
    QVERIFY(servers.isValid());
    QString error;
    const std::optional<QList<ServerTarget>> list = ServerSelection::read(
        {QStringLiteral("fs01"), QString::fromUtf8("SERVIDOR-AÑO")}, servers.path(), 445, &error);
    QVERIFY2(list, qPrintable(error));
    QStringList names;
    for (const ServerTarget &t : *list)
        names << t.name;
    QCOMPARE(names,
        QStringList(
            {QStringLiteral("fs01"), QString::fromUtf8("SERVIDOR-AÑO"), QStringLiteral("fs02")}));
}

void tst_ServerSelection::serversFile()
{
    const TemporaryTestFile servers(QStringLiteral("servers.txt"),
        "# file servers of the second floor\n"
        "\n"
        "fs01\n"
        "  \\\\fs02:1445   # the old one\r\n"
        "\t\n"
        "[::1]:4450\n"
        "fs01\n"
        "#fs09\n");
    QVERIFY(servers.isValid());
    QString error;
    const std::optional<QList<ServerTarget>> list
        = ServerSelection::read({QStringLiteral("fs00")}, servers.path(), 445, &error);
    QVERIFY2(list, qPrintable(error));
    QStringList names;
    for (const ServerTarget &t : *list)
        names << t.name;
    QCOMPARE(names,
        QStringList({QStringLiteral("fs00"), QStringLiteral("fs01"), QStringLiteral("fs02:1445"),
            QStringLiteral("[::1]:4450")}));
    QCOMPARE(QString::fromStdString(list->at(3).host), QStringLiteral("::1"));
}

void tst_ServerSelection::serversFileErrors()
{
    QString error;
    // The line number counts every line, comments and blank ones too.
    QVERIFY(!ServerSelection::parseFile(QStringLiteral("# servers\n\nfs01\nfs02:99999\n"),
        QStringLiteral("list.txt"), 445, &error));
    QVERIFY2(error.contains(QLatin1String("list.txt, line 4")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("fs02:99999")), qPrintable(error));
    // Every bad line is named at once, so one run shows what to fix.
    QVERIFY(!ServerSelection::parseFile(
        QStringLiteral("fs 01\nfs02\n\\\\fs03\\data\n"), QStringLiteral("list.txt"), 445, &error));
    QVERIFY2(error.contains(QLatin1String("list.txt, line 1: \"fs 01\"")), qPrintable(error));
    QVERIFY2(
        error.contains(QLatin1String("list.txt, line 3: \"\\\\fs03\\data\"")), qPrintable(error));

    QVERIFY(!ServerSelection::read({}, QStringLiteral("/nonexistent/servers.txt"), 445, &error));
    QVERIFY2(error.contains(QLatin1String("/nonexistent/servers.txt")), qPrintable(error));

    const TemporaryTestFile empty(QStringLiteral("empty.txt"), "# nothing here yet\n\n");
    QVERIFY(empty.isValid());
    QVERIFY(!ServerSelection::read({}, empty.path(), 445, &error));
    QVERIFY2(error.contains(QLatin1String("names no server")), qPrintable(error));
}

void tst_ServerSelection::nothingGiven()
{
    QString error;
    QVERIFY(!ServerSelection::read({}, QString(), 445, &error));
    QVERIFY2(error.contains(QLatin1String("--server")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ServerSelection)
#include "tst_serverselection.moc"
