// SPDX-License-Identifier: GPL-3.0-or-later
// sessionctl speaks the language of the system locale (LC_ALL, LC_MESSAGES, LANG): its help,
// Qt's own command line texts, usage errors and the error of a refused connection. The
// locales need not be generated on the machine: Qt reads the names from the environment.
#include "programrun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Run = ProgramRun;

/// A loopback port nothing listens on: bound by us, then released.
quint16 closedLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace

class TestSessionCtlLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_data();
    void help();
    void usageError_data();
    void usageError();
    void refusedConnection_data();
    void refusedConnection();
    void lcAllWinsOverLang();

private:
    static Run run(const QStringList &arguments, const QStringList &environment);
};

Run TestSessionCtlLanguage::run(const QStringList &arguments, const QStringList &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "SESSIONCTL_PASSWORD"})
        env.remove(QLatin1String(name));
    return runProgram(
        QStringLiteral(SC_SESSIONCTL_PATH), arguments, withAssignments(env, environment));
}

void TestSessionCtlLanguage::help_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("english"); // none of these may remain
    const QStringList english {QStringLiteral("Usage:"), QStringLiteral("Options:"),
        QStringLiteral("Commands:"), QStringLiteral("Exit codes:"), QStringLiteral("Examples:"),
        QStringLiteral("Displays"), QStringLiteral("Password:"), QStringLiteral("the server"),
        QStringLiteral("\n  command ")};
    QTest::newRow("de") << QStringLiteral("de_DE.UTF-8")
                        << QStringList {QStringLiteral("Aufruf:"), QStringLiteral("Optionen:"),
                               QStringLiteral("Befehle:"), QStringLiteral("Exitcodes:"),
                               QStringLiteral("Zeigt diese Hilfe an."),
                               QStringLiteral("Zeigt Versionsinformation an."),
                               QStringLiteral("Informationsebene"),
                               QStringLiteral("--server <Server>"), QStringLiteral("Beispiele:"),
                               QStringLiteral("Argumente:\n  Befehl ")}
                        << english;
    QTest::newRow("es") << QStringLiteral("es_ES.UTF-8")
                        << QStringList {QStringLiteral("Uso:"), QStringLiteral("Opciones:"),
                               QStringLiteral("Comandos:"), QStringLiteral("Códigos de salida:"),
                               QStringLiteral("Muestra esta ayuda."),
                               QStringLiteral("Muestra la información de versión."),
                               QStringLiteral("Nivel de información"),
                               QStringLiteral("--server <servidor>"), QStringLiteral("Ejemplos:"),
                               QStringLiteral("Argumentos:\n  comando ")}
                        << english;
    QTest::newRow("C") << QStringLiteral("C.UTF-8")
                       << QStringList {QStringLiteral("Usage:"), QStringLiteral("Exit codes:"),
                              QStringLiteral("Displays this help.")}
                       << QStringList {QStringLiteral("Aufruf:"), QStringLiteral("Uso:")};
}

void TestSessionCtlLanguage::help()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, english);
    const Run r = run({QStringLiteral("--help")}, {QStringLiteral("LANG=") + lang});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    for (const QString &text : expected)
        QVERIFY2(r.out.contains(text), qPrintable(text + QLatin1Char('\n') + r.describe()));
    for (const QString &text : english)
        QVERIFY2(!r.out.contains(text), qPrintable(text + QLatin1Char('\n') + r.describe()));
    // Option names, API names and the example commands stay as they are.
    for (const char *kept : {"--password-file", "SESSIONCTL_PASSWORD", "NetSessionEnum",
             "sessionctl close --server fs01 --logon-user admin --session-user alice --yes"})
        QVERIFY2(r.out.contains(QLatin1String(kept)), kept);
}

void TestSessionCtlLanguage::usageError_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de missing server")
        << QStringLiteral("de_DE.UTF-8") << QStringList {QStringLiteral("list")}
        << QStringLiteral("sessionctl: --server ist erforderlich.\nWeitere Informationen "
                          "erhalten Sie mit „sessionctl --help“.\n");
    QTest::newRow("es missing server")
        << QStringLiteral("es_ES.UTF-8") << QStringList {QStringLiteral("list")}
        << QStringLiteral("sessionctl: --server es obligatorio.\nPruebe «sessionctl --help» "
                          "para obtener más información.\n");
    // Qt's own parser error, from qtbase_<lang>.
    QTest::newRow("de unknown option")
        << QStringLiteral("de_DE.UTF-8") << QStringList {QStringLiteral("--bogus")}
        << QStringLiteral("sessionctl: Unbekannte Option 'bogus'.\nWeitere Informationen "
                          "erhalten Sie mit „sessionctl --help“.\n");
    QTest::newRow("es unknown option")
        << QStringLiteral("es_ES.UTF-8") << QStringList {QStringLiteral("--bogus")}
        << QStringLiteral("sessionctl: Opción desconocida «bogus».\nPruebe «sessionctl --help» "
                          "para obtener más información.\n");
    // The refusal to end sessions without a terminal to confirm on.
    const QStringList close {QStringLiteral("close"), QStringLiteral("--server"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--logon-user"), QStringLiteral("admin"),
        QStringLiteral("--session-user"), QStringLiteral("alice")};
    QTest::newRow("de close without terminal")
        << QStringLiteral("de_DE.UTF-8") << close
        << QStringLiteral("sessionctl: close fragt nach einer Bestätigung, aber es gibt kein "
                          "Terminal für die Rückfrage; geben Sie --yes an, um die Sitzungen ohne "
                          "Rückfrage zu schließen.\nWeitere Informationen erhalten Sie mit "
                          "„sessionctl --help“.\n");
    QTest::newRow("es close without terminal")
        << QStringLiteral("es_ES.UTF-8") << close
        << QStringLiteral("sessionctl: close pide confirmación, pero no hay ningún terminal en "
                          "el que preguntar; añada --yes para cerrar las sesiones sin "
                          "preguntar.\nPruebe «sessionctl --help» para obtener más "
                          "información.\n");
}

void TestSessionCtlLanguage::usageError()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run r = run(arguments, {QStringLiteral("LANG=") + lang});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, expected);
    QVERIFY(r.out.isEmpty());
}

void TestSessionCtlLanguage::refusedConnection_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de") << QStringLiteral("de_DE.UTF-8")
                        << QStringLiteral("Der Server hat die Verbindung abgelehnt: An diesem "
                                          "Port lauscht nichts.");
    QTest::newRow("es") << QStringLiteral("es_ES.UTF-8")
                        << QStringLiteral("El servidor rechazó la conexión: nada escucha en ese "
                                          "puerto.");
    QTest::newRow("C") << QStringLiteral("C.UTF-8")
                       << QStringLiteral("The server refused the connection: nothing listens on "
                                         "that port.");
}

void TestSessionCtlLanguage::refusedConnection()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const quint16 port = closedLoopbackPort();
    QVERIFY(port != 0);
    const Run r
        = run({QStringLiteral("list"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QString::number(port), QStringLiteral("--logon-user"),
                  QStringLiteral("nobody"), QStringLiteral("--timeout"), QStringLiteral("5")},
            {QStringLiteral("LANG=") + lang, QStringLiteral("SESSIONCTL_PASSWORD=not-used")});
    QCOMPARE(r.exitCode, 6); // unreachable
    QVERIFY2(r.err.contains(expected), qPrintable(r.describe()));
}

void TestSessionCtlLanguage::lcAllWinsOverLang()
{
    Run r = run({QStringLiteral("list")},
        {QStringLiteral("LANG=de_DE.UTF-8"), QStringLiteral("LC_ALL=es_ES.UTF-8")});
    QVERIFY2(r.err.startsWith(QLatin1String("sessionctl: --server es obligatorio.")),
        qPrintable(r.describe()));
    r = run({QStringLiteral("list")},
        {QStringLiteral("LANG=es_ES.UTF-8"), QStringLiteral("LC_MESSAGES=de_DE.UTF-8")});
    QVERIFY2(r.err.startsWith(QLatin1String("sessionctl: --server ist erforderlich.")),
        qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestSessionCtlLanguage)
#include "tst_sessionctllanguage.moc"
