// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rpcworkerprotocol.h"

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace sc {

/// One sessionconsole-rpcworker child process and our end of its socket pair (Linux).
///
/// Samba's client keeps process-wide state that is not thread-safe, so within one process
/// every connect and call must take turns; a server that never answers would hold up every
/// other connection until its timeout. Each connection therefore lives in a worker of its own.
///
/// The owner enforces every deadline itself: a worker that does not answer in time, dies, or
/// answers anything but a well-formed frame is killed and reaped at once and is of no further
/// use. Not thread-safe: one owner thread at a time.
class RpcWorkerProcess
{
public:
    enum class Outcome {
        Ok,
        NotSent, ///< the worker was gone before it had our request (it cannot have acted on it)
        Ended, ///< the worker ended after it had our request, without an answer
        Malformed, ///< the answer was not a well-formed frame
        TimedOut, ///< no answer before the deadline
    };

    /// Starts a worker: forked by the program's launcher (RpcWorkerLauncher), else started
    /// directly; nullptr with @p why filled in when that is impossible.
    static std::unique_ptr<RpcWorkerProcess> start(std::string *why);
    /// Starts @p program as our child with @p childEnd as its descriptor kWorkerFd: a worker,
    /// or with @p launcher a launcher. Returns its pid, or 0 with @p why filled in.
    static pid_t spawn(const std::string &program, int childEnd, bool launcher, std::string *why);
    /// Where the worker program is: $SC_RPCWORKER_PATH (tests), else next to the running
    /// program, else the installed libexec directory. Empty when none of them exists.
    static std::string programPath();

    /// Ends the worker: it sees our end close and exits on its own; killed if it takes long.
    ~RpcWorkerProcess();
    RpcWorkerProcess(const RpcWorkerProcess &) = delete;
    RpcWorkerProcess &operator=(const RpcWorkerProcess &) = delete;

    /// Sends one frame and waits for one reply frame until @p timeout has passed. Anything but
    /// Ok kills the worker; @p detail then says what happened. @p replyPayload gets the reply
    /// without its header.
    Outcome exchange(const rpcworker::Bytes &frame, std::chrono::milliseconds timeout,
        rpcworker::Bytes &replyPayload, std::string &detail);

    /// 0 once the worker has ended.
    pid_t pid() const { return m_pid; }

    /// Runs right after a request has been handed to the worker, before its answer is read.
    /// Tests use it to kill the worker in the middle of a call.
    void setRequestSentHookForTesting(std::function<void()> hook)
    {
        m_requestSent = std::move(hook);
    }

private:
    /// @p pidfd: the worker is the launcher's child, watched through it (owned); -1 when the
    /// worker is ours.
    RpcWorkerProcess(int fd, pid_t pid, int pidfd);
    /// SIGKILL, then wait until the worker has ended, whatever state it was in; a worker of
    /// ours is reaped, one of the launcher is reaped by the launcher. No zombie is left behind.
    void kill();
    void end();

    int m_fd = -1;
    pid_t m_pid = 0;
    int m_pidfd = -1;
    std::function<void()> m_requestSent;
};

} // namespace sc
