// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"
#include "connectionoptions.h"
#include "serverselection.h"
#include "sessionapi.h"
#include "sessionformatter.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTextStream>

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

/// sessionctl's `list` and `close` over several servers, and `find`: every server is asked
/// in parallel, each with a SessionApi of its own (in a process of its own on Unix, see
/// ServerProcesses), and what each answered is printed even when others fail.
class FleetCommand
{
    Q_DECLARE_TR_FUNCTIONS(FleetCommand)

public:
    enum class Action { List, Find, Close };

    struct Options
    {
        Action action = Action::List;
        std::optional<sc::InfoLevel> level; ///< nullopt: auto
        QString levelText;
        QString client;
        QString username;
        SessionFormatter::Format format = SessionFormatter::Format::Table;
        bool yes = false;
        int jobs = 8; ///< servers asked at once
        /// close: "Logged on to 3 servers as admin; ending …", shown before asking.
        QString closeTarget;
    };
    /// The message of an error, as sessionctl words it for the operation.
    using ErrorText = std::function<QString(const sc::SessionError &)>;
    /// Asks the operator to confirm a close; false when declined (and says so).
    using Confirm = std::function<bool()>;

    /// @p connection is used for every server, with each target's host and port.
    FleetCommand(Options options, QList<ServerTarget> servers, sc::ConnectionOptions connection,
        QTextStream &out, QTextStream &err, AuditRecord auditPrototype, ErrorText errorText,
        Confirm confirm);
    ~FleetCommand();
    FleetCommand(const FleetCommand &) = delete;
    FleetCommand &operator=(const FleetCommand &) = delete;

    /// The process exit code (SessionCtlCommand::ExitCode).
    int run();

private:
    /// What happened on one server; written by its worker thread only.
    struct ServerRun
    {
        std::unique_ptr<sc::SessionApi> api;
        std::optional<sc::SessionError> error;
        std::optional<sc::SessionEnumResult> listing;
        /// The server answered "no such user/client": no session, and no level either.
        bool nothingMatched = false;
        bool idleTimeUnreported = false;
        std::optional<std::uint32_t> ended;
    };

    void connectAndList(std::size_t index);
    void endSessions(std::size_t index);
    /// Runs @p phase (1: connectAndList, 2: endSessions) on the servers with @p which set (all
    /// when empty), in parallel: in child processes on Unix (see ServerProcesses), on threads
    /// elsewhere.
    void runPhase(int phase, const std::vector<bool> &which = {});
    static QByteArray serialize(const ServerRun &run);
    static bool deserialize(const QByteArray &data, ServerRun &run);
    std::vector<SessionFormatter::ServerResult> results() const;
    /// Each failed server's message on stderr, in the order the servers were given.
    void reportErrors();
    void audit(std::size_t index);
    int exitCode() const;
    int runClose();

    Options m_options;
    QList<ServerTarget> m_servers;
    sc::ConnectionOptions m_connection;
    QTextStream &m_out;
    QTextStream &m_err;
    AuditRecord m_auditPrototype;
    ErrorText m_errorText;
    Confirm m_confirm;
    std::vector<ServerRun> m_runs;
    std::vector<QString> m_errorTexts;
#ifdef Q_OS_UNIX
    std::unique_ptr<class ServerProcesses> m_processes;
#endif
};
