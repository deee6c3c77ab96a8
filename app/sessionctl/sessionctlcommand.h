// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "serverselection.h"
#include "sessionapi.h"
#include "sessionerrortext.h"
#include "sessionformatter.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

/// The sessionctl command line: parses the arguments, obtains the password, talks to the
/// server through sc::SessionApi and prints the answer. run() returns the process exit code.
class SessionCtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(SessionCtlCommand)

public:
    /// Documented in --help; scripts depend on them, so never renumber.
    enum ExitCode {
        ExitOk = 0,
        ExitFailure = 1, ///< anything else, also a declined confirmation
        ExitUsage = 2,
        ExitAuthentication = 3, ///< logon failure, no credentials
        ExitAccessDenied = 4,
        ExitNotFound = 5, ///< no matching session, client or user
        ExitUnreachable = 6, ///< refused, unreachable, host not found, timeout, connection lost
        ExitUnsupportedLevel = 7,
        ExitProtocol = 8, ///< protocol error, malformed reply
        /// Kerberos: expired ticket, server given by address, unknown server principal,
        /// clock skew, realm unreachable (no ticket at all is ExitAuthentication)
        ExitKerberos = 9,
        /// Several servers were given and at least one of them failed; what the others
        /// answered is printed all the same.
        ExitSomeServersFailed = 10,
    };

    SessionCtlCommand();

    int run(const QStringList &arguments);

    static int exitCodeFor(sc::ErrorKind kind);

private:
    enum class Verb { List, Find, Info, Close, Files, CloseFile };

    /// nullopt to go on; otherwise the program ends with that exit code (--help, errors).
    std::optional<int> parse(const QStringList &arguments);
    int obtainPassword();
    int runList(sc::SessionApi &api);
    int runInfo(sc::SessionApi &api);
    int runClose(sc::SessionApi &api);
    /// "Logged on to fs01 as admin; ending every session of user alice.", before asking.
    QString closeTarget() const;
    /// Asks on the terminal whether to end the sessions; false (and says so) unless yes.
    bool confirmClose();
    /// list/close over several servers, and find (fleetcommand.cpp).
    int runFleet();
    bool isFleet() const;
    /// An error's message as sessionctl prints it, with advice for the operation.
    QString errorText(const sc::SessionError &error) const;
    bool idleTimeUnreported(const sc::SessionApi &api, const sc::SessionList &sessions) const;
    /// Appends the outcome of a close to the audit log (warns on stderr if it cannot).
    void audit(const sc::SessionError *error, std::uint32_t ended);
    /// `files` and `close-file` (openfilecommand.cpp).
    int runOpenFiles(sc::SessionApi &api);

    int usageError(const QString &message);
    int fail(const sc::SessionError &error);
    QString helpEpilogue() const;

    QTextStream m_out;
    QTextStream m_err;

    Verb m_verb = Verb::List;
    sc::ConnectionOptions m_options; ///< host and port: the first of m_servers
    QList<ServerTarget> m_servers;
    int m_jobs = 8; ///< servers asked at once
    std::optional<sc::InfoLevel> m_level; ///< nullopt: auto
    QString m_levelText = QStringLiteral("auto");
    QString m_client;
    QString m_username;
    QString m_passwordFile;
    SessionFormatter::Format m_format = SessionFormatter::Format::Table;
    bool m_yes = false;
    std::optional<sc::FileInfoLevel> m_fileLevel; ///< files: nullopt is auto
    QString m_path; ///< files --path, close-file --path
    QList<std::uint32_t> m_fileIds; ///< close-file --id
    int m_timeoutSeconds = 10;
    /// What is being done, so an error's advice fits it (listing needs fewer rights).
    SessionErrorText::Operation m_operation = SessionErrorText::Operation::Any;
};
