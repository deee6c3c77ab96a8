// SPDX-License-Identifier: GPL-3.0-or-later
// sessionconsole-rpcworker: one Samba connection, served to the process that started it over
// the socket pair on descriptor 3 (see rpcworkerprotocol.h). Samba's client is not
// thread-safe within a process, so each connection gets a process of its own; this one is
// single-threaded and does one request at a time. Not meant to be started by hand.
//
// Started with --launcher it serves no connection itself: it forks one worker per request of
// the console, which saves each worker loading and relocating Samba's libraries.

#include "rpcworkerprotocol.h"
#include "sambaglue.h"
#include "secretstring.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <string>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using sc::rpcworker::Bytes;
using sc::rpcworker::MessageType;

constexpr int kFd = sc::rpcworker::kWorkerFd;

// Exit codes, for whoever looks at a worker's end in a debugger; the parent only sees the
// socket close.
enum Exit {
    Done = 0,
    BadArguments = 2,
    ParentGone = 3,
    BadRequest = 4,
    WriteFailed = 5,
    LauncherFailed = 6,
};

// Calls @p transfer(done), a recv() or send() of what is left after @p done bytes, until all
// @p size bytes have gone through; false at end of file or on an error.
template<typename Transfer>
bool transferAll(std::size_t size, Transfer &&transfer)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = transfer(done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

bool readExactly(std::uint8_t *out, std::size_t size)
{
    return transferAll(
        size, [&](std::size_t done) { return ::recv(kFd, out + done, size - done, 0); });
}

bool writeAll(const Bytes &frame)
{
    return transferAll(frame.size(), [&](std::size_t done) {
        return ::send(kFd, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
    });
}

// One request's payload; false at end of file or on a frame we will not read.
bool readRequest(Bytes &payload, bool &malformed)
{
    std::uint8_t header[sc::rpcworker::kHeaderSize];
    malformed = false;
    if (!readExactly(header, sizeof header))
        return false;
    const std::optional<std::uint32_t> size = sc::rpcworker::payloadSize(header);
    if (!size) {
        malformed = true;
        return false;
    }
    payload.resize(*size);
    if (!readExactly(payload.data(), payload.size())) {
        malformed = true;
        return false;
    }
    return true;
}

// Serves the one connection of this worker until the console closes its end.
int serveConnection()
{
    // A server that drops the connection while Samba writes to it must not end us.
    ::signal(SIGPIPE, SIG_IGN);

    sc_samba_conn *connection = nullptr;
    int exitCode = Done;
    Bytes payload;
    bool malformed = false;
    while (readRequest(payload, malformed)) {
        Bytes reply;
        const std::optional<MessageType> type = sc::rpcworker::messageType(payload);
        if (type == MessageType::Connect) {
            std::optional<sc_samba_params> params = sc::rpcworker::decodeConnect(payload);
            sc_samba_error error {};
            sc_samba_security security {};
            int result = -1;
            if (!params) {
                malformed = true;
            } else if (connection != nullptr) {
                // One connection per worker: a second one would need a second process anyway.
                error.ntstatus = SC_NT_STATUS_INVALID_PARAMETER;
                std::strcpy(error.detail, "already connected");
            } else {
                result = sc_samba_connect(&*params, &connection, &error);
                if (result == 0)
                    sc_samba_get_security(connection, &security);
            }
            // The password was read in place; Samba has what it needs (its NT hash).
            sc::secureZero(payload.data(), payload.size());
            if (malformed)
                break;
            reply = sc::rpcworker::encodeConnectReply(result, security, error);
        } else if (type == MessageType::Call) {
            const std::optional<sc::rpcworker::CallRequest> call
                = sc::rpcworker::decodeCall(payload);
            if (!call) {
                malformed = true;
                break;
            }
            const std::uint8_t *stub = nullptr;
            std::size_t size = 0;
            sc_samba_error error {};
            if (sc_samba_call(connection, call->opnum, call->stub, call->size, &stub, &size, &error)
                == 0) {
                reply = sc::rpcworker::encodeCallReply(stub, size, nullptr);
            } else {
                reply = sc::rpcworker::encodeCallReply(nullptr, 0, &error);
            }
        } else if (type == MessageType::IsConnected && payload.size() == 1) {
            reply = sc::rpcworker::encodeIsConnectedReply(
                connection != nullptr && sc_samba_is_connected(connection) != 0);
        } else {
            malformed = true;
            break;
        }
        if (!writeAll(reply)) {
            exitCode = WriteFailed;
            break;
        }
    }
    if (malformed)
        exitCode = BadRequest;
    // Wipes Samba's copy of the credentials too.
    sc_samba_close(connection);
    return exitCode;
}

// Asks to die with @p parent, even if it is killed, then makes sure it had not already gone
// before we asked: no orphaned connections.
bool dieWithParent(pid_t parent)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    return ::getppid() == parent;
}

// Sends the launcher's one-byte @p type, then @p value unless it is kLauncherReady, with @p fd
// attached when it is not -1.
bool sendToConsole(std::uint8_t type, std::int32_t value, int fd)
{
    std::uint8_t message[sc::rpcworker::kLaunchReplySize] = {type};
    std::memcpy(message + 1, &value, sizeof value);
    return sc::rpcworker::sendLauncherMessage(
        kFd, message, type == sc::rpcworker::kLauncherReady ? 1 : sizeof message, fd);
}

// One launch request: the new worker's end of its socket pair, or -1 once the console has
// gone or sent something else.
int receiveWorkerEnd()
{
    std::uint8_t type = 0;
    int fd = -1;
    const ssize_t n = sc::rpcworker::receiveLauncherMessage(kFd, &type, 1, fd, true);
    if (n == 1 && type == sc::rpcworker::kLaunchRequest && fd >= 0)
        return fd;
    if (fd >= 0)
        ::close(fd);
    return -1;
}

// The launcher: forks a worker for each request until the console closes its end. Its
// workers die with it (they ask to), and it reaps them itself; the console watches and kills
// each through the pidfd it is sent, so it needs no zombie of its own.
int runLauncher()
{
    // SIGCHLD arrives through a descriptor, so that no handler can reap a worker before its
    // pidfd is open.
    sigset_t childSignals;
    sigemptyset(&childSignals);
    sigaddset(&childSignals, SIGCHLD);
    sigset_t previous;
    ::sigprocmask(SIG_BLOCK, &childSignals, &previous);
    const int children = ::signalfd(-1, &childSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    if (children < 0 || !sendToConsole(sc::rpcworker::kLauncherReady, 0, -1))
        return LauncherFailed;
    const pid_t launcher = ::getpid();

    for (;;) {
        pollfd ready[2] = {{kFd, POLLIN, 0}, {children, POLLIN, 0}};
        if (::poll(ready, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return LauncherFailed;
        }
        if (ready[1].revents & POLLIN) {
            signalfd_siginfo info;
            while (::read(children, &info, sizeof info) > 0) { }
            while (::waitpid(-1, nullptr, WNOHANG) > 0) { }
        }
        if (!(ready[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const int workerEnd = receiveWorkerEnd();
        if (workerEnd < 0)
            return Done; // the console has gone, or sent what we do not read
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::sigprocmask(SIG_SETMASK, &previous, nullptr);
            ::close(children);
            // Replaces the launcher's socket: the worker must not hold the console's launcher.
            if (::dup2(workerEnd, kFd) != kFd)
                ::_exit(BadArguments);
            ::close(workerEnd);
            if (!dieWithParent(launcher))
                ::_exit(ParentGone);
            std::exit(serveConnection());
        }
        ::close(workerEnd);
        if (pid < 0) {
            if (!sendToConsole(sc::rpcworker::kLaunchReply, -errno, -1))
                return WriteFailed;
            continue;
        }
        // The worker cannot have been reaped yet: SIGCHLD waits in the descriptor.
        const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
        if (pidfd < 0) {
            const int error = errno;
            ::kill(pid, SIGKILL);
            if (!sendToConsole(sc::rpcworker::kLaunchReply, -error, -1))
                return WriteFailed;
            continue;
        }
        const bool sent = sendToConsole(sc::rpcworker::kLaunchReply, pid, pidfd);
        ::close(pidfd);
        if (!sent) {
            ::kill(pid, SIGKILL);
            return WriteFailed;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    // "--parent PID" for a worker, "--launcher --parent PID" for the launcher.
    const bool launcher = argc == 4 && std::strcmp(argv[1], "--launcher") == 0;
    if ((argc != 3 && !launcher) || std::strcmp(argv[argc - 2], "--parent") != 0)
        return BadArguments;
    struct stat status;
    if (::fstat(kFd, &status) != 0 || !S_ISSOCK(status.st_mode))
        return BadArguments;
    char *end = nullptr;
    const long parent = std::strtol(argv[argc - 1], &end, 10);
    if (parent <= 0 || *end != '\0')
        return BadArguments;
    if (launcher) {
        // The launcher does not ask to die with the thread that started it, which may end
        // long before the console does; it ends when the console closes its socket.
        return ::getppid() == pid_t(parent) ? runLauncher() : ParentGone;
    }
    return dieWithParent(pid_t(parent)) ? serveConnection() : ParentGone;
}
