// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"
#include "sessioninfo.h"

#include <QMetaType>
#include <QString>

#include <optional>

/// Where the console stands with one server, as a value: what the status bar, the banner and
/// the actions show. ServerConnection keeps it; the widgets that show it take a copy and
/// never ask the poller themselves.
///
/// Everything here describes the connection, never a table: the rows a poll brought travel
/// separately (SessionSnapshot::delta) to the models that show them; what an answer told
/// about the connection comes with it as a ConnectionReport, which ServerConnection folds in.
struct ConnectionStatus
{
    enum class State {
        Unconnected, ///< no server chosen yet
        Connecting, ///< a server was chosen and has not answered yet
        Online, ///< the last poll was answered
        Offline, ///< the last poll failed; lastError says why, the rows shown are stale
    };

    State state = State::Unconnected;
    /// The server as its name is shown (ServerAddress::displayName()).
    QString server;
    /// Unconnected because the operator gave no password for the server's account (cancelled
    /// the logon dialog): nothing failed, nothing was tried.
    bool noPassword = false;
    /// Why the last poll failed; set exactly while @c state is Offline.
    std::optional<sc::SessionError> lastError;
    /// The server answered since the connection was made (also with the first page of a paged
    /// answer): until then nothing is known about its level or security.
    bool answered = false;

    /// The console's own connection, as negotiated at the last successful poll.
    bool signing = false;
    bool sealing = false;
    QString protocol; ///< e.g. "SMB3_11"; empty when unknown

    /// The NetSessionEnum level the server last answered, and whether "auto" had to step
    /// down to it. Meaningful once @c answered.
    sc::InfoLevel level = sc::InfoLevel::Level0;
    bool levelFellBack = false;

    qint64 lastSuccessMs = 0; ///< when the last complete answer arrived; 0: none yet
    qint64 nextPollMs = -1; ///< wall clock of the next automatic poll; -1: none scheduled
    /// While the pages of a paged answer arrive: sessions received so far (-1: not loading)
    /// of the @c loadingTotal the server reported.
    int loadedRows = -1;
    quint32 loadingTotal = 0;
    /// A poll or a disconnect request is with the worker right now.
    bool busy = false;
    /// The server refused to end sessions for this account (access denied): it lacks the
    /// right, so asking again cannot work until the console connects with another account.
    bool disconnectRefused = false;
    /// An answer showed that the server does not report idle time (Samba always says 0);
    /// remembered for the connection, so one answer in which nobody is old enough yet does
    /// not bring a counting clock back.
    bool idleTimeUnreported = false;

    bool isConnecting() const { return state == State::Connecting; }
    /// The rows shown are those of an earlier answer.
    bool isStale() const { return state == State::Offline; }
    bool isLoading() const { return loadedRows >= 0; }
};

Q_DECLARE_METATYPE(ConnectionStatus)
