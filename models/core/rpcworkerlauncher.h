// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace sc {

/// The launchers of sessionconsole-rpcworker in this process (Linux), one per worker program.
///
/// Every worker started with exec loads and relocates Samba's ~100 libraries again, which costs
/// tens of milliseconds of CPU per connection; a console watching twenty servers paid over a
/// second at its start. A launcher is the worker program started once with "--launcher": it
/// forks each new worker with all of that already done (rpcworkerprotocol.h). Its workers are
/// its children, not ours: it reaps them, and we watch and kill each through a pidfd.
///
/// A program that does not answer as a launcher (a stand-in worker in the tests, a launcher that
/// keeps failing) is not asked again; its workers are then started directly. Thread-safe.
class RpcWorkerLauncher
{
public:
    struct Worker
    {
        pid_t pid = 0;
        int pidfd = -1; ///< ours to close
    };

    /// Has the launcher of @p program fork a worker that serves @p workerEnd (which the caller
    /// still closes); none when there is no launcher for @p program.
    static std::optional<Worker> launch(const std::string &program, int workerEnd);

    /// Starts the launcher of @p program now and returns without waiting for it to be ready,
    /// so that it loads Samba while this process does other work; the first launch() then
    /// finds it loaded (or waits for the rest). Nothing when it is already started or refused.
    static void prestart(const std::string &program);

    /// The running launchers, for tests that account for this process's children.
    static std::vector<pid_t> pidsForTesting();
};

} // namespace sc
