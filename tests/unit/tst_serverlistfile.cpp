// SPDX-License-Identifier: GPL-3.0-or-later
// The server list file as the console's Import Server List… and sessionctl's --servers-file
// read it: comments, blank lines, spaces, CRLF, a byte order mark, UTF-8 names, duplicates by
// Windows' name rule, and every bad line reported with its number while the good ones stay.
#include "languagemanager.h"
#include "serverlistfile.h"

#include <QTest>

class TestServerListFile : public QObject
{
    Q_OBJECT
    LanguageManager m_language;

private Q_SLOTS:
    // The English catalogue holds the plural forms ("1 line", "2 lines").
    void initTestCase() { m_language.setLanguage(QStringLiteral("en")); }
    void commentsBlanksAndSpaces();
    void crlfAndByteOrderMark();
    void utf8Names();
    void duplicatesByWindowsNameRule();
    void badLinesWithNumbersAndNothingLost();
    void badLinesMessage();
    void manyBadLinesAreCut();
    void defaultPort();
};

void TestServerListFile::commentsBlanksAndSpaces()
{
    const ServerListFile::Contents c
        = ServerListFile::parse(QStringLiteral("# file servers of the second floor\n"
                                               "\n"
                                               "fs01\n"
                                               "  \\\\fs02:1445   # the old one\n"
                                               "\t\n"
                                               "   # indented comment\n"
                                               "[::1]:4450\n"
                                               "fs03#no space before the comment\n"
                                               "#fs09\n"));
    QCOMPARE(c.names(),
        QStringList({QStringLiteral("fs01"), QStringLiteral("fs02:1445"),
            QStringLiteral("[::1]:4450"), QStringLiteral("fs03")}));
    QVERIFY(c.badLines.isEmpty());
    QCOMPARE(c.servers.at(1).address.host, QStringLiteral("fs02"));
    QCOMPARE(c.servers.at(1).port, quint16(1445));
    QCOMPARE(c.servers.at(2).address.host, QStringLiteral("::1"));
    QCOMPARE(c.servers.at(0).address.port, std::nullopt);
    QCOMPARE(c.servers.at(0).port, quint16(445));
}

void TestServerListFile::crlfAndByteOrderMark()
{
    const ServerListFile::Contents c
        = ServerListFile::parse(QString::fromUtf8("\xEF\xBB\xBF"
                                                  "fs01\r\n# comment\r\nfs02 \r\n\r\nfs 03\r\n"));
    QCOMPARE(c.names(), QStringList({QStringLiteral("fs01"), QStringLiteral("fs02")}));
    QCOMPARE(c.badLines, QList<ServerListFile::BadLine>({{5, QStringLiteral("fs 03")}}));
}

void TestServerListFile::utf8Names()
{
    const ServerListFile::Contents c
        = ServerListFile::parse(QString::fromUtf8("servidor-año\nDATEISERVER-GRÖSSE:1445\n"));
    QCOMPARE(c.names(),
        QStringList(
            {QString::fromUtf8("servidor-año"), QString::fromUtf8("DATEISERVER-GRÖSSE:1445")}));
}

void TestServerListFile::duplicatesByWindowsNameRule()
{
    const ServerListFile::Contents c = ServerListFile::parse(
        QString::fromUtf8("fs01\nFS01\n\\\\Fs01:445\nfs01:1445\nservidor-año\nSERVIDOR-AÑO\n"
                          "straße\nSTRASSE\n"));
    // fs01:445 is fs01; another port is another server. ß has no one-letter capital, so
    // "STRASSE" is another name (as Windows sees it).
    QCOMPARE(c.names(),
        QStringList(
            {QStringLiteral("fs01"), QStringLiteral("fs01:1445"), QString::fromUtf8("servidor-año"),
                QString::fromUtf8("straße"), QStringLiteral("STRASSE")}));
    // The first spelling is kept.
    QVERIFY(ServerListFile::sameServer(
        c.servers.at(0), ServerListFile::parse(QStringLiteral("FS01")).servers.at(0)));
}

void TestServerListFile::badLinesWithNumbersAndNothingLost()
{
    const ServerListFile::Contents c = ServerListFile::parse(
        QStringLiteral("# servers\n\nfs01\nfs02:99999\n\\\\fs03\\data  # a share\nfs04\n[::1\n"
                       "fs05\n"));
    QCOMPARE(c.names(),
        QStringList({QStringLiteral("fs01"), QStringLiteral("fs04"), QStringLiteral("fs05")}));
    QCOMPARE(c.badLines,
        QList<ServerListFile::BadLine>({{4, QStringLiteral("fs02:99999")},
            {5, QStringLiteral("\\\\fs03\\data")}, {7, QStringLiteral("[::1")}}));
}

void TestServerListFile::badLinesMessage()
{
    QCOMPARE(ServerListFile::badLinesMessage({}, QStringLiteral("list.txt")), QString());
    const QString message = ServerListFile::badLinesMessage(
        {{4, QStringLiteral("fs02:99999")}, {7, QStringLiteral("[::1")}},
        QStringLiteral("list.txt"));
    QCOMPARE(message,
        QStringLiteral("2 lines of the server list name no server (use host, host:port, "
                       "\\\\host or [IPv6 address]:port):\n"
                       "list.txt, line 4: \"fs02:99999\"\n"
                       "list.txt, line 7: \"[::1\""));
}

void TestServerListFile::manyBadLinesAreCut()
{
    QString text;
    for (int i = 1; i <= 13; ++i)
        text += QStringLiteral("bad name %1\n").arg(i);
    const ServerListFile::Contents c = ServerListFile::parse(text);
    QCOMPARE(c.badLines.size(), 13);
    const QString message = ServerListFile::badLinesMessage(c.badLines, QStringLiteral("x.txt"));
    QVERIFY2(message.startsWith(QLatin1String("13 lines")), qPrintable(message));
    QVERIFY2(
        message.contains(QLatin1String("x.txt, line 10: \"bad name 10\"")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("line 11")), qPrintable(message));
    QVERIFY2(message.endsWith(QString::fromUtf8("… and 3 more lines.")), qPrintable(message));
}

void TestServerListFile::defaultPort()
{
    // sessionctl's --port applies to names without one; "host:445" names port 445 itself.
    const ServerListFile::Contents c
        = ServerListFile::parse(QStringLiteral("fs01\nfs01:4450\nfs01:445\n"), 4450);
    QCOMPARE(c.names(), QStringList({QStringLiteral("fs01:4450"), QStringLiteral("fs01")}));
}

QTEST_GUILESS_MAIN(TestServerListFile)
#include "tst_serverlistfile.moc"
