// SPDX-License-Identifier: GPL-3.0-or-later
// session-console's command line.
#include "consolearguments.h"
#include "testfiles.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestConsoleArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A machine without a display: no DISPLAY, no WAYLAND_DISPLAY and no offscreen platform.
    // --help and --version must still answer, rather than abort in QApplication.
    void helpAndVersionWithoutDisplay_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--server <host>");
        QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--password-file <file>");
        QTest::newRow("--version")
            << QStringLiteral("--version") << QStringLiteral("session-console " SC_PROJECT_VERSION);
    }

    void helpAndVersionWithoutDisplay()
    {
        QFETCH(QString, option);
        QFETCH(QString, expected);
        QTemporaryDir config;
        QVERIFY(config.isValid());
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(SC_CONSOLE_PATH), {option});
        QVERIFY(console.waitForFinished(30000));
        const QString out = QString::fromLocal8Bit(console.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(console.readAllStandardError());
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QVERIFY2(console.exitCode() == 0, qPrintable(err));
        QVERIFY2(out.contains(expected), qPrintable(out + err));
    }

    void noArgumentsOpensAnEmptyWindow()
    {
        ConsoleArguments args;
        QCOMPARE(args.parse({QStringLiteral("session-console")}), ConsoleArguments::Outcome::Run);
        QVERIFY(!args.hasServer());
        QVERIFY(!args.hasCredentials());
        QVERIFY(!args.interval());
        QCOMPARE(args.jobs(), CallGate::kDefaultLimit);
    }

    void jobsBoundsTheCallsInFlight()
    {
        ConsoleArguments args;
        QCOMPARE(args.parse({QStringLiteral("session-console"), QStringLiteral("--jobs"),
                     QStringLiteral("3")}),
            ConsoleArguments::Outcome::Run);
        QCOMPARE(args.jobs(), 3);
        QCOMPARE(args.parse({QStringLiteral("session-console"), QStringLiteral("--jobs"),
                     QStringLiteral("64")}),
            ConsoleArguments::Outcome::Run);
        QCOMPARE(args.jobs(), 64);
    }

    void fullLogon()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pwFile = dir.filePath(QStringLiteral("pw"));
        QVERIFY(writeTestFile(pwFile, "S3cr3t pässword\r\nsecond line is ignored\n"));

        ConsoleArguments args;
        QCOMPARE(
            args.parse({QStringLiteral("session-console"), QStringLiteral("--server"),
                QStringLiteral("\\\\files01"), QStringLiteral("--port"), QStringLiteral("4450"),
                QStringLiteral("--user"), QStringLiteral("helpdesk"), QStringLiteral("--domain"),
                QStringLiteral("CORP"), QStringLiteral("--password-file"), pwFile,
                QStringLiteral("--interval"), QStringLiteral("10")}),
            ConsoleArguments::Outcome::Run);
        QVERIFY(args.hasServer());
        QVERIFY(args.hasCredentials());
        const sc::ConnectionOptions o = args.connectionOptions();
        QCOMPARE(QString::fromStdString(o.host), QStringLiteral("files01"));
        QCOMPARE(o.port, 4450);
        QCOMPARE(QString::fromStdString(o.user), QStringLiteral("helpdesk"));
        QCOMPARE(QString::fromStdString(o.domain), QStringLiteral("CORP"));
        QCOMPARE(QString::fromUtf8(o.password.c_str()), QStringLiteral("S3cr3t pässword"));
        QVERIFY(!o.kerberos);
        QCOMPARE(args.interval(), std::optional<int>(10));
        QVERIFY(args.screenshotFile().isEmpty());
    }

    // --server may be repeated: every server is watched, in the order given, once.
    void repeatedServerWatchesEach()
    {
        ConsoleArguments args;
        QCOMPARE(
            args.parse({QStringLiteral("session-console"), QStringLiteral("--server"),
                QStringLiteral("fs01"), QStringLiteral("--server"), QStringLiteral("fs02:1445"),
                QStringLiteral("--server"), QStringLiteral("FS01")}),
            ConsoleArguments::Outcome::Run);
        QCOMPARE(
            args.servers(), (QStringList {QStringLiteral("fs01"), QStringLiteral("fs02:1445")}));
        QCOMPARE(args.server(), QStringLiteral("fs01"));
        QCOMPARE(QString::fromStdString(args.connectionOptions().host), QStringLiteral("fs01"));
    }

    void kerberosNeedsNoPassword()
    {
        ConsoleArguments args;
        QCOMPARE(args.parse({QStringLiteral("session-console"), QStringLiteral("--server"),
                     QStringLiteral("files01"), QStringLiteral("--kerberos")}),
            ConsoleArguments::Outcome::Run);
        QVERIFY(args.connectionOptions().kerberos);
        QVERIFY(args.hasCredentials());
        QCOMPARE(args.connectionOptions().port, 445);
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString s = QStringLiteral("--server");
        const QString h = QStringLiteral("h");
        QTest::newRow("port zero") << QStringList {s, h, QStringLiteral("--port"),
            QStringLiteral("0")} << QStringLiteral("Invalid port");
        QTest::newRow("port too big") << QStringList {s, h, QStringLiteral("--port"),
            QStringLiteral("65536")} << QStringLiteral("Invalid port");
        QTest::newRow("interval negative") << QStringList {s, h, QStringLiteral("--interval"),
            QStringLiteral("-1")} << QStringLiteral("Invalid interval");
        QTest::newRow("interval text") << QStringList {s, h, QStringLiteral("--interval"),
            QStringLiteral("often")} << QStringLiteral("Invalid interval");
        QTest::newRow("no jobs") << QStringList {s, h, QStringLiteral("--jobs"),
            QStringLiteral("0")}
                                 << QStringLiteral("Invalid number of servers at once: 0 (use 1 "
                                                   "to 64).");
        QTest::newRow("too many jobs") << QStringList {s, h, QStringLiteral("--jobs"),
            QStringLiteral("65")} << QStringLiteral("Invalid number of servers at once: 65");
        QTest::newRow("jobs text") << QStringList {s, h, QStringLiteral("--jobs"),
            QStringLiteral("all")} << QStringLiteral("Invalid number of servers at once: all");
        QTest::newRow("missing password file")
            << QStringList {s, h, QStringLiteral("--user"), QStringLiteral("u"),
                   QStringLiteral("--password-file"), QStringLiteral("/nonexistent/sc-password")}
            << QStringLiteral("Cannot read the password file");
        QTest::newRow("kerberos and password") << QStringList {s, h, QStringLiteral("--kerberos"),
            QStringLiteral("--password-file"), QStringLiteral("/dev/null")}
                                               << QStringLiteral("exclude each other");
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("--sever"), h} << QStringLiteral("Unknown option");
        QTest::newRow("positional") << QStringList {h} << QStringLiteral("Unexpected argument");
        QTest::newRow("screenshot without server") << QStringList {QStringLiteral("--screenshot"),
            QStringLiteral("/tmp/x.png")} << QStringLiteral("--screenshot needs --server");
    }

    void rejectsBadValues()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        ConsoleArguments args;
        arguments.prepend(QStringLiteral("session-console"));
        QCOMPARE(args.parse(arguments), ConsoleArguments::Outcome::Error);
        QVERIFY2(args.errorText().contains(error), qPrintable(args.errorText()));
    }

    void intervalZeroTurnsRefreshOff()
    {
        ConsoleArguments args;
        QCOMPARE(args.parse({QStringLiteral("session-console"), QStringLiteral("--interval"),
                     QStringLiteral("0")}),
            ConsoleArguments::Outcome::Run);
        QCOMPARE(args.interval(), std::optional<int>(0));
    }
};

QTEST_GUILESS_MAIN(TestConsoleArguments)
#include "tst_consolearguments.moc"
