// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolearguments.h"

#include "languagemanager.h"

#include <QCommandLineParser>
#include <QFile>

bool ConsoleArguments::asksOnlyForInformation(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        const QLatin1String a(argv[i]);
        if (a == QLatin1String("--"))
            return false;
        if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("-?")
            || a == QLatin1String("-v") || a == QLatin1String("--version"))
            return true;
    }
    return false;
}

ConsoleArguments::Outcome ConsoleArguments::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("See, inspect and end the sessions of an SMB file server."));
    // Not addHelpOption(): Qt's Spanish catalogue lacks its text.
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")}, tr("Displays this help."));
    parser.addOption(helpOption);
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        tr("Connect to <host> at start. Repeat it to watch several servers in one table. "
           "Without it, the servers watched when the console was last closed are watched "
           "again."),
        //: Value name in --help: a server name or address
        tr("host"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        tr("SMB port of the server (default 445)."),
        //: Value name in --help: a TCP port number
        tr("port"));
    const QCommandLineOption userOption(QStringLiteral("user"), tr("Log on as <user>."),
        //: Value name in --help: an account name
        tr("user"));
    const QCommandLineOption domainOption(QStringLiteral("domain"),
        tr("Domain of the account (default: the server's)."),
        //: Value name in --help: a domain name
        tr("domain"));
    const QCommandLineOption passwordFileOption(QStringLiteral("password-file"),
        tr("Read the password from the first line of <file> (never pass it on the "
           "command line, where other users can see it)."),
        //: Value name in --help: a file name
        tr("file"));
    const QCommandLineOption kerberosOption(
        QStringLiteral("kerberos"), tr("Log on with your Kerberos ticket."));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        tr("Refresh every <seconds> (0 turns automatic refresh off)."),
        //: Value name in --help: a number of seconds
        tr("seconds"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        tr("Use this language for this run: %1 (default: the choice in the View menu, else "
           "the system's).")
            .arg(LanguageManager::availableLanguages().join(QLatin1String(", "))),
        //: Value name in --help: a language code such as "de"
        tr("code"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        //: Keep "sessions" and "files": they are the values of the option
        tr("Start on the Sessions page (sessions, the default) or the Open Files page (files)."),
        //: Value name in --help: which page to show
        tr("page"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
        tr("Ask at most <n> servers at once (default: %1, at most %2).")
            .arg(CallGate::kDefaultLimit)
            .arg(CallGate::kMaxLimit),
        //: Value name in --help: a number
        tr("n"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window and quit."), QStringLiteral("file"));
    // For the documentation script only.
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({serverOption, portOption, userOption, domainOption, passwordFileOption,
        kerberosOption, intervalOption, languageOption, pageOption, jobsOption, screenshotOption});

    const QCommandLineOption encryptOption(QStringLiteral("encrypt"),
        tr("Require an encrypted connection (SMB 3 encryption); the connection is always "
           "signed."));
    parser.addOption(encryptOption);

    if (!parser.parse(arguments)) {
        m_error = parser.errorText();
        return Outcome::Error;
    }
    if (parser.isSet(helpOption)) {
        parser.showHelp(0); // exits
        return Outcome::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        parser.showVersion(); // exits
        return Outcome::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return Outcome::Error;
    }

    for (const QString &value : parser.values(serverOption)) {
        const QString server = value.trimmed();
        if (!server.isEmpty() && !m_servers.contains(server, Qt::CaseInsensitive))
            m_servers.append(server);
    }
    m_server = m_servers.value(0);
    m_options.host = sc::normalizedHost(m_server.toStdString());
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            m_error = tr("Invalid port: %1").arg(parser.value(portOption));
            return Outcome::Error;
        }
        m_options.port = static_cast<std::uint16_t>(port);
    }
    if (parser.isSet(intervalOption)) {
        bool ok = false;
        const int seconds = parser.value(intervalOption).toInt(&ok);
        if (!ok || seconds < 0 || seconds > 24 * 3600) {
            m_error = tr("Invalid interval: %1").arg(parser.value(intervalOption));
            return Outcome::Error;
        }
        m_interval = seconds;
    }
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        const int jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 1 || jobs > CallGate::kMaxLimit) {
            m_error = tr("Invalid number of servers at once: %1 (use 1 to %2).")
                          .arg(parser.value(jobsOption))
                          .arg(CallGate::kMaxLimit);
            return Outcome::Error;
        }
        m_jobs = jobs;
    }
    m_options.user = parser.value(userOption).toStdString();
    m_options.domain = parser.value(domainOption).toStdString();
    m_options.kerberos = parser.isSet(kerberosOption);
    m_options.requireSealing = parser.isSet(encryptOption);
    if (m_options.kerberos && parser.isSet(passwordFileOption)) {
        m_error = tr("--kerberos and --password-file exclude each other.");
        return Outcome::Error;
    }
    if (parser.isSet(passwordFileOption)) {
        QFile file(parser.value(passwordFileOption));
        // Unbuffered: a buffered QFile keeps a copy of the file in a buffer it frees unwiped.
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            m_error = tr("Cannot read the password file %1: %2")
                          .arg(file.fileName(), file.errorString());
            return Outcome::Error;
        }
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        m_options.password = sc::SecretString(std::string(line.constData(), line.size()));
        sc::secureZero(line.data(), line.size());
    }
    m_hasCredentials = m_options.kerberos || !m_options.user.empty();
    m_language = parser.value(languageOption).trimmed().toLower();
    if (!m_language.isEmpty() && !LanguageManager::availableLanguages().contains(m_language)) {
        m_error
            = tr("Unknown language %1: use one of %2.")
                  .arg(m_language, LanguageManager::availableLanguages().join(QLatin1String(", ")));
        return Outcome::Error;
    }
    const QString page = parser.value(pageOption).trimmed().toLower();
    if (page == QLatin1String("files")) {
        m_openFilesPage = true;
    } else if (!page.isEmpty() && page != QLatin1String("sessions")) {
        //: Keep "sessions" and "files"
        m_error = tr("Unknown page %1: use sessions or files.").arg(page);
        return Outcome::Error;
    }
    m_screenshot = parser.value(screenshotOption);
    if (!m_screenshot.isEmpty() && m_server.isEmpty()) {
        m_error = tr("--screenshot needs --server.");
        return Outcome::Error;
    }
    return Outcome::Run;
}
