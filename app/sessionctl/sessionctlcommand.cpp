// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionctlcommand.h"

#include "auditlog.h"
#include "callgate.h"
#include "fleetcommand.h"
#include "idletime.h"
#include "listingorder.h"
#include "openfilecommand.h"
#include "serveraddress.h"
#include "sessionerrortext.h"
#include "terminal.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>

#include <cstdlib>
#include <cstring>

namespace {

constexpr int kMaxTimeoutSeconds = 3600;
constexpr qint64 kMaxPasswordFileSize = 64 * 1024;
// Each job is a process with a connection of its own; more only compete for the same cores.
constexpr int kMaxJobs = CallGate::kMaxLimit;

std::u16string u16(const QString &s)
{
    return s.toStdU16String();
}

} // namespace

SessionCtlCommand::SessionCtlCommand()
    : m_out(stdout)
    , m_err(stderr)
{
    // Samba runs in this process: one server is asked here, several each in a forked
    // process of their own (ServerProcesses), so no connection waits for another's and a
    // worker process per connection would only add its start.
    m_options.sambaIsolation = sc::SambaIsolation::InProcess;
}

int SessionCtlCommand::exitCodeFor(sc::ErrorKind kind)
{
    using sc::ErrorKind;
    switch (kind) {
    case ErrorKind::LogonFailure:
    case ErrorKind::NoCredentials:
        return ExitAuthentication;
    case ErrorKind::AccessDenied:
        return ExitAccessDenied;
    case ErrorKind::UserNotFound:
    case ErrorKind::ClientNameNotFound:
    case ErrorKind::SessionNotFound:
    case ErrorKind::FileNotFound:
        return ExitNotFound;
    case ErrorKind::HostNotFound:
    case ErrorKind::Unreachable:
    case ErrorKind::ConnectionRefused:
    case ErrorKind::Timeout:
    case ErrorKind::ConnectionLost:
        return ExitUnreachable;
    case ErrorKind::InvalidLevel:
        return ExitUnsupportedLevel;
    case ErrorKind::KerberosTicketExpired:
    case ErrorKind::KerberosNeedsServerName:
    case ErrorKind::KerberosUnknownServer:
    case ErrorKind::KerberosClockSkew:
    case ErrorKind::KerberosRealmUnreachable:
        return ExitKerberos;
    case ErrorKind::MalformedReply:
    case ErrorKind::ProtocolError:
        return ExitProtocol;
    case ErrorKind::InvalidParameter:
    case ErrorKind::InvalidComputer:
    case ErrorKind::ServerNotStarted:
    case ErrorKind::NotSupported:
    case ErrorKind::WorkerUnavailable:
    case ErrorKind::Other:
        break;
    }
    return ExitFailure;
}

int SessionCtlCommand::run(const QStringList &arguments)
{
    if (const std::optional<int> stop = parse(arguments))
        return *stop;
    if (const int rc = obtainPassword(); rc != ExitOk)
        return rc;
    if (isFleet())
        return runFleet();

    const std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(m_options);
    // The API keeps its own copy for as long as the connection needs it; ours has done its job.
    m_options.password.wipe();
    if (!api) {
        const sc::SessionError error = sc::SessionError::local(
            sc::ErrorKind::NotSupported, "no session backend on this platform");
        if (m_verb == Verb::Close || m_verb == Verb::CloseFile)
            audit(&error, 0);
        return fail(error);
    }
    // Connecting first reports a wrong password or an unreachable server as such, before any
    // command-specific work.
    if (const sc::Result<void> connected = api->connect(); !connected) {
        if (m_verb == Verb::Close || m_verb == Verb::CloseFile)
            audit(&connected.error(), 0);
        return fail(connected.error());
    }

    switch (m_verb) {
    case Verb::List:
        return runList(*api);
    case Verb::Find: // isFleet()
        break;
    case Verb::Info:
        return runInfo(*api);
    case Verb::Close:
        return runClose(*api);
    case Verb::Files:
    case Verb::CloseFile:
        return runOpenFiles(*api);
    }
    return ExitFailure;
}

std::optional<int> SessionCtlCommand::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Lists, inspects and ends the sessions of an SMB file server (Windows or Samba): the "
           "network management functions NetSessionEnum, NetSessionGetInfo and NetSessionDel.\n"
           "\n"
           "Commands:\n"
           "  list   List the sessions (optionally only those of --client and/or\n"
           "         --session-user), sorted by user, then client.\n"
           "  find   List the sessions of --session-user on every server given.\n"
           "  info   Show the sessions of --session-user from --client.\n"
           "  close  End the sessions of --client and/or --session-user. Shows them, the\n"
           "         account used and whose sessions end, and asks for confirmation on the\n"
           "         terminal unless --yes is given.\n"
           "list, find and close take several servers (--server more than once, or\n"
           "--servers-file) and ask them in parallel.")
        + QLatin1Char('\n') + OpenFileCommand::commandsHelp());
    // Not addHelpOption(): Qt's Spanish catalogue lacks its text, and its --help-all (Qt's
    // own options) means nothing for sessionctl.
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")}, tr("Displays this help."));
    p.addOption(helpOption);
    const QCommandLineOption versionOption = p.addVersionOption();

    const QCommandLineOption server({QStringLiteral("s"), QStringLiteral("server")},
        tr("The file server: host, host:port, \\\\host or [IPv6 address]:port. Repeat it for "
           "several servers (list, find, close)."),
        //: Value name in --help: a server name or address
        tr("host"));
    const QCommandLineOption serversFile(QStringLiteral("servers-file"),
        tr("Read servers from this file, one per line as for --server; \"#\" starts a "
           "comment."),
        //: Value name in --help: a file name
        tr("file"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
        tr("Ask this many servers at once (default: 8)."),
        //: Value name in --help: a number
        tr("n"), QStringLiteral("8"));
    const QCommandLineOption port({QStringLiteral("p"), QStringLiteral("port")},
        tr("SMB port of the servers given without one (default: 445)."),
        //: Value name in --help: a port number
        tr("n"), QStringLiteral("445"));
    // The account we log on with and the user whose sessions are meant were once --user and
    // --username: one letter apart, and swapping them in a close ends the wrong sessions.
    // The new names say which is which; the old ones still work, hidden, with a warning.
    const QCommandLineOption logonUser(QStringLiteral("logon-user"),
        tr("Account to log on to the server with; DOMAIN\\user is accepted. Needs administrator "
           "rights on the server. (Not the user whose sessions are meant: see "
           "--session-user.)"),
        //: Value name in --help: an account name
        tr("account"));
    QCommandLineOption oldLogonUser(
        {QStringLiteral("U"), QStringLiteral("user")}, QString(), tr("account"));
    oldLogonUser.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption domain({QStringLiteral("W"), QStringLiteral("domain")},
        tr("Domain or workgroup of --logon-user (default: the "
           "server's own)."),
        //: Value name in --help: a domain or workgroup name
        tr("domain"));
    const QCommandLineOption kerberos({QStringLiteral("k"), QStringLiteral("kerberos")},
        tr("Log on with the Kerberos ticket in your ticket cache "
           "(kinit) instead of a password."));
    const QCommandLineOption level({QStringLiteral("l"), QStringLiteral("level")},
        tr("Information level: 0, 1, 2, 10, 502 or auto (default: "
           "auto, the richest level the server provides)."),
        //: Value name in --help: an information level
        tr("level"), QStringLiteral("auto"));
    const QCommandLineOption client({QStringLiteral("c"), QStringLiteral("client")},
        tr("The client computer a session comes from, as the "
           "server reports it (often an address)."),
        //: Value name in --help: a computer name or address
        tr("name"));
    const QCommandLineOption sessionUser(QStringLiteral("session-user"),
        tr("The user whose sessions are listed, shown or ended (not the account you log on "
           "with: see --logon-user)."),
        //: Value name in --help: a user name
        tr("name", "user name"));
    QCommandLineOption oldSessionUser(
        {QStringLiteral("u"), QStringLiteral("username")}, QString(), tr("name", "user name"));
    oldSessionUser.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of a table."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Print CSV instead of a table."));
    const QCommandLineOption timeout({QStringLiteral("t"), QStringLiteral("timeout")},
        tr("Give up connecting, and each call, after this many "
           "seconds (default: 10)."),
        //: Value name in --help: a number of seconds
        tr("seconds"), QStringLiteral("10"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        tr("Read the password from the first line of this "
           "file."),
        //: Value name in --help: a file name
        tr("file"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
        tr("close: end the sessions without asking."));
    const QCommandLineOption encrypt(QStringLiteral("encrypt"),
        tr("Require an encrypted connection (SMB 3 encryption); fail rather than talk to the "
           "server unencrypted. The connection is always signed."));
    p.addOptions({server, serversFile, jobs, port, logonUser, oldLogonUser, domain, kerberos, level,
        client, sessionUser, oldSessionUser, json, csv, timeout, passwordFile, yes, encrypt});
    const QCommandLineOption path(QStringLiteral("path"),
        OpenFileCommand::tr("files: only files whose path begins with this; close-file: the full "
                            "path of the files to close, as `files` shows it."),
        //: Value name in --help: a file path on the server
        OpenFileCommand::tr("path"));
    const QCommandLineOption fileId(QStringLiteral("id"),
        OpenFileCommand::tr("close-file: the id of an open file, as `files` shows it "
                            "(repeatable)."),
        //: Value name in --help: a file id number
        OpenFileCommand::tr("id"));
    p.addOptions({path, fileId});
    //: Keep the command names list, find, info, close, files and close-file untranslated.
    p.addPositionalArgument(
        //: Name of the positional argument in --help ("sessionctl [options] command").
        tr("command"), tr("list, find, info, close, files or close-file."),
        QStringLiteral("list|find|info|close|files|close-file"));

    if (!p.parse(arguments))
        return usageError(p.errorText());
    if (p.isSet(helpOption)) {
        m_out << p.helpText() << helpEpilogue();
        return ExitOk;
    }
    if (p.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ')
              << QCoreApplication::applicationVersion() << QLatin1Char('\n');
        return ExitOk;
    }

    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty()) {
        return usageError(
            tr("No command given: use list, find, info, close, files or close-file."));
    }
    if (positional.size() > 1) {
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(1)));
    }
    const QString verb = positional.first();
    if (verb == QLatin1String("list"))
        m_verb = Verb::List;
    else if (verb == QLatin1String("find"))
        m_verb = Verb::Find;
    else if (verb == QLatin1String("info"))
        m_verb = Verb::Info;
    else if (verb == QLatin1String("close"))
        m_verb = Verb::Close;
    else if (verb == QLatin1String("files"))
        m_verb = Verb::Files;
    else if (verb == QLatin1String("close-file"))
        m_verb = Verb::CloseFile;
    else
        return usageError(
            tr("Unknown command \"%1\": use list, find, info, close, files or close-file.")
                .arg(verb));

    bool ok = false;
    const uint portNumber = p.value(port).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535)
        return usageError(tr("--port needs a number from 1 to 65535."));

    if (!p.isSet(server) && !p.isSet(serversFile))
        return usageError(tr("--server is required."));
    QString serverError;
    const std::optional<QList<ServerTarget>> servers = ServerSelection::read(p.values(server),
        p.value(serversFile), static_cast<std::uint16_t>(portNumber), &serverError);
    if (!servers)
        return usageError(serverError);
    m_servers = *servers;
    m_options.host = m_servers.constFirst().host;
    m_options.port = m_servers.constFirst().port;
    const bool severalVerb = m_verb == Verb::List || m_verb == Verb::Find || m_verb == Verb::Close;
    if (m_servers.size() > 1 && !severalVerb) {
        //: Keep the command names and --server untranslated.
        return usageError(tr("info, files and close-file take one server; list, find and close "
                             "take several."));
    }
    m_jobs = p.value(jobs).toInt(&ok);
    if (!ok || m_jobs < 1 || m_jobs > kMaxJobs)
        return usageError(tr("--jobs needs a number from 1 to %1.").arg(kMaxJobs));

    m_timeoutSeconds = p.value(timeout).toInt(&ok);
    if (!ok || m_timeoutSeconds < 1 || m_timeoutSeconds > kMaxTimeoutSeconds) {
        return usageError(
            tr("--timeout needs a whole number of seconds from 1 to %1.").arg(kMaxTimeoutSeconds));
    }
    m_options.connectTimeout = std::chrono::seconds(m_timeoutSeconds);
    m_options.callTimeout = std::chrono::seconds(m_timeoutSeconds);

    m_levelText = p.value(level).trimmed().toLower();
    const bool fileVerb = m_verb == Verb::Files || m_verb == Verb::CloseFile;
    if (fileVerb) {
        if (!OpenFileCommand::parseLevel(m_levelText, m_fileLevel))
            return usageError(OpenFileCommand::tr("files: --level must be 2, 3 or auto."));
    } else if (m_levelText == QLatin1String("auto")) {
        m_level.reset();
    } else {
        const uint n = m_levelText.toUInt(&ok);
        if (!ok || !sc::isValidInfoLevel(n))
            return usageError(tr("--level must be 0, 1, 2, 10, 502 or auto."));
        m_level = static_cast<sc::InfoLevel>(n);
    }

    // The old spellings still work, but say what they mean now.
    const auto pick = [&](const QCommandLineOption &current, const QCommandLineOption &old,
                          QString *value) -> std::optional<int> {
        const QString newName = QLatin1String("--") + current.names().constLast();
        const QString oldName = QLatin1String("--") + old.names().constLast();
        if (p.isSet(current) && p.isSet(old)) {
            //: %1 is the current option name, %2 its old spelling.
            return usageError(
                tr("Give %1 only once (%2 is its old spelling).").arg(newName, oldName));
        }
        if (p.isSet(old)) {
            //: %1 is the old option name, %2 the current one, %3 what it means.
            m_err << QStringLiteral("sessionctl: ")
                  << tr("warning: %1 is an old spelling of %2 (%3), easily confused; use %2.")
                         .arg(oldName, newName,
                             &current == &logonUser ? tr("the account to log on with")
                                                    : tr("the user whose sessions are meant"))
                  << Qt::endl;
            *value = p.value(old);
        } else {
            *value = p.value(current);
        }
        return std::nullopt;
    };
    QString account;
    if (const std::optional<int> stop = pick(logonUser, oldLogonUser, &account))
        return stop;
    QString sessionUserName;
    if (const std::optional<int> stop = pick(sessionUser, oldSessionUser, &sessionUserName))
        return stop;

    m_options.kerberos = p.isSet(kerberos);
    QString domainName = p.value(domain);
    if (const qsizetype slash = account.indexOf(QLatin1Char('\\')); slash >= 0) {
        if (p.isSet(domain))
            return usageError(
                tr("Give the domain either in --logon-user DOMAIN\\user or in --domain."));
        domainName = account.left(slash);
        account = account.mid(slash + 1);
    }
    if (account.isEmpty() && !m_options.kerberos)
        return usageError(tr("Give --logon-user (with a password) or --kerberos."));
    m_options.user = account.toStdString();
    m_options.domain = domainName.toStdString();
    m_passwordFile = p.value(passwordFile);
    if (m_options.kerberos && p.isSet(passwordFile))
        return usageError(tr("--password-file and --kerberos exclude each other."));

    if (p.isSet(json) && p.isSet(csv))
        return usageError(tr("--json and --csv exclude each other."));
    m_format = p.isSet(json) ? SessionFormatter::Format::Json
        : p.isSet(csv)       ? SessionFormatter::Format::Csv
                             : SessionFormatter::Format::Table;

    m_client = p.value(client).trimmed();
    m_username = sessionUserName.trimmed();
    m_yes = p.isSet(yes);
    m_options.requireSealing = p.isSet(encrypt);

    m_path = p.value(path).trimmed();
    for (const QString &text : p.values(fileId)) {
        const std::optional<std::uint32_t> id = OpenFileCommand::parseId(text);
        if (!id)
            return usageError(
                OpenFileCommand::tr("--id needs a file id, a number as `files` shows it."));
        m_fileIds.append(*id);
    }
    if (!fileVerb && (p.isSet(path) || p.isSet(fileId)))
        return usageError(OpenFileCommand::tr("--path and --id go with files and close-file."));
    if (m_verb == Verb::CloseFile) {
        if (m_fileIds.isEmpty() == m_path.isEmpty())
            return usageError(OpenFileCommand::tr("close-file needs either --id or --path."));
        if (!m_yes && !Terminal::isInteractive()) {
            return usageError(OpenFileCommand::tr("close-file asks for confirmation, but there "
                                                  "is no terminal to ask on; add --yes to close "
                                                  "the files without asking."));
        }
    }

    if (m_verb == Verb::Info && (m_client.isEmpty() || m_username.isEmpty()))
        return usageError(tr("info needs both --client and --session-user."));
    if (m_verb == Verb::Find && m_username.isEmpty())
        return usageError(tr("find needs --session-user."));
    if (m_verb == Verb::Close) {
        if (m_client.isEmpty() && m_username.isEmpty())
            return usageError(tr("close needs --client and/or --session-user."));
        // Checked before connecting: a script without --yes must not end anything, and
        // should learn that without waiting for the server.
        if (!m_yes && !Terminal::isInteractive()) {
            return usageError(tr("close asks for confirmation, but there is no terminal to "
                                 "ask on; add --yes to end the sessions without asking."));
        }
    }
    return std::nullopt;
}

QString SessionCtlCommand::helpEpilogue() const
{
    return QLatin1Char('\n')
        //: Keep option names, SESSIONCTL_PASSWORD and the example commands untranslated.
        + tr("Password:\n"
             "  There is deliberately no option that takes the password itself, because other\n"
             "  users can read command lines. sessionctl takes it from, in this order:\n"
             "  1. --password-file FILE (the first line of FILE),\n"
             "  2. the environment variable SESSIONCTL_PASSWORD,\n"
             "  3. a prompt without echo, when standard input is a terminal.\n"
             "  With --kerberos no password is needed. The password is never printed.\n"
             "\n"
             "Exit codes:\n"
             "  0  success\n"
             "  1  any other error, or the confirmation of close was declined\n"
             "  2  usage error (bad or missing option; close without --yes and no terminal)\n"
             "  3  authentication failed: wrong user name or password, no credentials\n"
             "  4  access denied: the account lacks administrator rights on the server\n"
             "  5  not found: no matching session, client or user (find, close: on no server)\n"
             "  6  server unreachable: connection refused, no route, unknown host, timeout,\n"
             "     connection lost\n"
             "  7  the server does not provide the requested information level\n"
             "  8  protocol error or unreadable reply from the server\n"
             "  9  Kerberos: expired ticket, server given by address, no service principal\n"
             "     for that name, clock skew, or no KDC of the realm answers\n"
             " 10  several servers were given and at least one failed (each one's message is on\n"
             "     standard error, and in the \"servers\" array with --json); the others'\n"
             "     sessions are printed all the same\n"
             "\n"
             "Examples:\n"
             "  sessionctl list --server fs01 --logon-user 'CORP\\admin'\n"
             "  sessionctl list --server fs01 --logon-user admin --password-file ~/.fs01.pw "
             "--json\n"
             "  sessionctl info --server fs01 --kerberos --client 10.0.0.7 --session-user alice\n"
             "  sessionctl close --server fs01 --logon-user admin --session-user alice --yes\n"
             "  sessionctl find --server fs01 --server fs02:1445 --logon-user admin "
             "--session-user alice\n"
             "  sessionctl list --servers-file servers.txt --logon-user admin --json\n"
             "\n"
             "--user (-U) and --username (-u) are the old spellings of --logon-user and\n"
             "--session-user; they still work, with a warning.\n")
        + QLatin1Char('\n');
}

int SessionCtlCommand::obtainPassword()
{
    if (m_options.kerberos)
        return ExitOk;

    if (!m_passwordFile.isEmpty()) {
        QFile file(m_passwordFile);
        // Unbuffered: a buffered QFile keeps a copy of the file in a buffer it frees unwiped.
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            return usageError(tr("Cannot read the password file \"%1\": %2")
                                  .arg(m_passwordFile, file.errorString()));
        }
        if (file.size() > kMaxPasswordFileSize)
            return usageError(tr("The password file \"%1\" is too large.").arg(m_passwordFile));
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
            m_err << tr("sessionctl: warning: the password file \"%1\" can be read by other "
                        "users.")
                         .arg(m_passwordFile)
                  << Qt::endl;
        }
        QByteArray data = file.readAll();
        qsizetype end = data.indexOf('\n');
        if (end < 0)
            end = data.size();
        if (end > 0 && data.at(end - 1) == '\r')
            --end;
        m_options.password = sc::SecretString(std::string(data.constData(), std::size_t(end)));
        sc::secureZero(data.data(), std::size_t(data.size()));
        return ExitOk;
    }

    if (char *env = std::getenv("SESSIONCTL_PASSWORD")) {
        m_options.password = sc::SecretString(std::string(env));
        // Overwriting the variable in place also removes it from /proc/<pid>/environ.
        sc::secureZero(env, std::strlen(env));
        return ExitOk;
    }

    if (Terminal::isInteractive()) {
        m_err.flush();
        const QString who = m_options.domain.empty()
            ? QString::fromStdString(m_options.user)
            : QString::fromStdString(m_options.domain + '\\' + m_options.user);
        //: %1 is the account, %2 the server. Shown on the terminal; the input is not echoed.
        QStringList names;
        for (const ServerTarget &target : std::as_const(m_servers))
            names.append(target.name);
        std::optional<sc::SecretString> secret = Terminal::readSecret(
            tr("Password for %1 on %2: ").arg(who, names.join(QLatin1String(", "))));
        if (secret) {
            m_options.password = std::move(*secret);
            return ExitOk;
        }
    }

    const QString text = tr("No password: give --password-file FILE, set SESSIONCTL_PASSWORD, "
                            "or run sessionctl on a terminal to be asked.");
    m_err << QStringLiteral("sessionctl: ") << text << Qt::endl;
    return ExitAuthentication;
}

int SessionCtlCommand::runList(sc::SessionApi &api)
{
    m_operation = SessionErrorText::Operation::List;
    const sc::SessionFilter filter {u16(m_client), u16(m_username)};
    sc::Result<sc::SessionEnumResult> result = api.enumerate(filter, m_level);
    if (!result)
        return fail(result.error());
    sortForListing(result->sessions);
    SessionFormatter formatter(m_format);
    formatter.setIdleTimeUnreported(idleTimeUnreported(api, result->sessions));
    m_out << formatter.list(*result, m_levelText);
    return ExitOk;
}

int SessionCtlCommand::runInfo(sc::SessionApi &api)
{
    m_operation = SessionErrorText::Operation::List;
    sc::Result<sc::SessionList> result = api.getInfoAll(u16(m_client), u16(m_username), m_level);
    if (!result)
        return fail(result.error());
    sortForListing(*result);
    SessionFormatter formatter(m_format);
    formatter.setIdleTimeUnreported(idleTimeUnreported(api, *result));
    m_out << formatter.info(*result);
    return ExitOk;
}

bool SessionCtlCommand::idleTimeUnreported(
    const sc::SessionApi &api, const sc::SessionList &sessions) const
{
    // With Kerberos the account is not known here; any user from our address may be ours.
    return sc::idleTimeUnreported(sessions, sc::fromUtf8(api.localAddress()),
        m_options.kerberos ? std::u16string() : sc::fromUtf8(m_options.user));
}

int SessionCtlCommand::runClose(sc::SessionApi &api)
{
    m_operation = SessionErrorText::Operation::End;
    // enumerate() already answers "nothing matched" with NERR_UserNotFound or
    // NERR_ClientNameNotFound, as NetSessionDel would, and applies a user filter even at
    // level 0.
    const sc::SessionFilter filter {u16(m_client), u16(m_username)};
    sc::Result<sc::SessionEnumResult> listed = api.enumerate(filter, m_level);
    if (!listed) {
        audit(&listed.error(), 0);
        return fail(listed.error());
    }
    sortForListing(listed->sessions);
    const sc::SessionList &matching = listed->sessions;
    if (matching.empty()) {
        // Defensive: a backend that returns an empty match instead of an error must still
        // not lead to a NetrSessionDel, which Samba would answer with "access denied".
        const sc::SessionError error = sc::SessionError::fromWin32(
            m_username.isEmpty() ? sc::win32::NerrClientNameNotFound : sc::win32::NerrUserNotFound,
            "no session matched; nothing was ended");
        audit(&error, 0);
        return fail(error);
    }

    SessionFormatter formatter(m_format);
    formatter.setIdleTimeUnreported(idleTimeUnreported(api, matching));
    // The preview is for the person confirming; with --json/--csv stdout belongs to scripts.
    QTextStream &preview = m_format == SessionFormatter::Format::Table ? m_out : m_err;
    if (!m_yes || m_format == SessionFormatter::Format::Table)
        preview << closeTarget() << formatter.closePreview(matching, listed->level);

    if (!m_yes && !confirmClose())
        return ExitFailure;

    const sc::Result<std::uint32_t> ended = api.remove(u16(m_client), u16(m_username));
    audit(ended ? nullptr : &ended.error(), ended ? *ended : 0);
    if (!ended)
        return fail(ended.error());
    m_out << formatter.closeResult(matching, listed->level, *ended);
    return ExitOk;
}

bool SessionCtlCommand::confirmClose()
{
    m_out.flush();
    m_err.flush();
    //: Confirmation question; the answer is checked against "y" and "yes" (both the
    //: English and the translated words of the next two strings).
    const std::optional<QString> answer = Terminal::readLine(tr("End these sessions? [y/N] "));
    const QString a = answer.value_or(QString()).trimmed().toLower();
    //: Short "yes" answer to a y/N question.
    const QString shortYes = tr("y");
    //: Long "yes" answer to a y/N question.
    const QString longYes = tr("yes");
    if (a != QLatin1String("y") && a != QLatin1String("yes") && a != shortYes && a != longYes) {
        m_err << tr("Nothing was ended.") << Qt::endl;
        return false;
    }
    return true;
}

bool SessionCtlCommand::isFleet() const
{
    // One server keeps the output it always had; find always names the server.
    return m_verb == Verb::Find
        || (m_servers.size() > 1 && (m_verb == Verb::List || m_verb == Verb::Close));
}

int SessionCtlCommand::runFleet()
{
    m_operation = m_verb == Verb::Close ? SessionErrorText::Operation::End
                                        : SessionErrorText::Operation::List;
    FleetCommand::Options options;
    options.action = m_verb == Verb::Close ? FleetCommand::Action::Close
        : m_verb == Verb::Find             ? FleetCommand::Action::Find
                                           : FleetCommand::Action::List;
    options.level = m_level;
    options.levelText = m_levelText;
    options.client = m_client;
    options.username = m_username;
    options.format = m_format;
    options.yes = m_yes;
    options.jobs = m_jobs;
    options.closeTarget = closeTarget();
    AuditRecord prototype = AuditLog(QStringLiteral("sessionctl")).newRecord();
    prototype.kerberos = m_options.kerberos;
    if (!m_options.kerberos) {
        prototype.account = AuditLog::accountName(
            QString::fromStdString(m_options.domain), QString::fromStdString(m_options.user));
    }
    FleetCommand command(
        options, m_servers, m_options, m_out, m_err, prototype,
        [this](const sc::SessionError &error) { return errorText(error); },
        [this]() { return confirmClose(); });
    // The fleet's connections have their own copies of the password.
    m_options.password.wipe();
    return command.run();
}

QString SessionCtlCommand::closeTarget() const
{
    // Said in words before anything ends: which account acts, and whose sessions go.
    const QString server = QString::fromStdString(m_options.host);
    const QString account = m_options.kerberos
        ? tr("your Kerberos ticket")
        : QString::fromStdString(
            m_options.domain.empty() ? m_options.user : m_options.domain + '\\' + m_options.user);
    QString whose;
    if (m_client.isEmpty()) {
        //: %1 is the user whose sessions end.
        whose = tr("every session of user %1").arg(m_username);
    } else if (m_username.isEmpty()) {
        //: %1 is a client computer.
        whose = tr("every session from client %1").arg(m_client);
    } else {
        //: %1 is the user whose sessions end, %2 a client computer.
        whose = tr("every session of user %1 from client %2").arg(m_username, m_client);
    }
    if (m_servers.size() > 1) {
        //: %n is a number of servers, %1 the logon account (or "your Kerberos ticket"), %2
        //: e.g. "every session of user alice".
        return tr("Logged on to %n server(s) as %1; ending %2.", nullptr,
                   static_cast<int>(m_servers.size()))
                   .arg(account, whose)
            + QLatin1Char('\n');
    }
    //: %1 is the logon account (or "your Kerberos ticket"), %2 the server, %3 e.g. "every
    //: session of user alice".
    return tr("Logged on to %2 as %1; ending %3.").arg(account, server, whose) + QLatin1Char('\n');
}

int SessionCtlCommand::runOpenFiles(sc::SessionApi &api)
{
    OpenFileCommand::Options options;
    options.level = m_fileLevel;
    options.path = m_path;
    options.username = m_username;
    options.ids = m_fileIds;
    options.yes = m_yes;
    options.format = m_format;
    AuditRecord prototype = AuditLog(QStringLiteral("sessionctl")).newRecord();
    prototype.server
        = ServerAddress::displayName(QString::fromStdString(m_options.host), m_options.port);
    prototype.kerberos = m_options.kerberos;
    if (!m_options.kerberos) {
        prototype.account = AuditLog::accountName(
            QString::fromStdString(m_options.domain), QString::fromStdString(m_options.user));
    }
    OpenFileCommand command(options, m_out, m_err, prototype,
        [this](const sc::SessionError &error) { return fail(error); });
    return m_verb == Verb::Files ? command.runFiles(api) : command.runCloseFile(api);
}

void SessionCtlCommand::audit(const sc::SessionError *error, std::uint32_t ended)
{
    const AuditLog log(QStringLiteral("sessionctl"));
    AuditRecord record = log.newRecord();
    record.server
        = ServerAddress::displayName(QString::fromStdString(m_options.host), m_options.port);
    record.kerberos = m_options.kerberos;
    if (!m_options.kerberos) {
        record.account = AuditLog::accountName(
            QString::fromStdString(m_options.domain), QString::fromStdString(m_options.user));
    }
    record.client = m_client;
    record.user = m_username;
    if (m_verb == Verb::CloseFile) {
        record.action = AuditRecord::kActionCloseFile;
        record.fileId = m_fileIds.isEmpty() ? 0 : m_fileIds.first();
        record.path = m_path;
    }
    if (error)
        record.setError(*error);
    else
        record.setEnded(ended);
    QString why;
    if (!log.append(record, &why)) {
        //: %1 names the file and the reason
        m_err << tr("sessionctl: warning: the audit log did not record this: %1").arg(why)
              << Qt::endl;
    }
}

int SessionCtlCommand::usageError(const QString &message)
{
    m_err << QStringLiteral("sessionctl: ") << message
          << QLatin1Char('\n')
          //: Keep "sessionctl --help" untranslated.
          << tr("Try \"sessionctl --help\" for more information.") << Qt::endl;
    return ExitUsage;
}

QString SessionCtlCommand::errorText(const sc::SessionError &error) const
{
    QString text = SessionErrorText::text(error, m_timeoutSeconds, m_operation);
    if (error.kind() == sc::ErrorKind::Timeout) {
        //: Keep "--timeout" untranslated.
        text += QLatin1Char(' ') + tr("--timeout allows more time.");
    }
    return text;
}

int SessionCtlCommand::fail(const sc::SessionError &error)
{
    const QString text = errorText(error);
    const QString server = QString::fromStdString(m_options.host)
        + (m_options.port == 445 ? QString() : QLatin1Char(':') + QString::number(m_options.port));
    m_err << QStringLiteral("sessionctl: ") << server << QStringLiteral(": ") << text << Qt::endl;
    m_out << SessionFormatter(m_format).error(error, text);
    return exitCodeFor(error.kind());
}
