// SPDX-License-Identifier: GPL-3.0-or-later
#include "rpcworkerprocess.h"

#include "rpcworkerlauncher.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

extern char **environ;

namespace sc {

namespace {

constexpr const char *kProgramName = "sessionconsole-rpcworker";
// A worker that has seen our end close needs a moment to free its connection and exit.
constexpr std::chrono::milliseconds kExitGrace {500};

using Clock = std::chrono::steady_clock;

// Milliseconds left until @p deadline, for poll(): 0 once it has passed.
int remainingMs(Clock::time_point deadline)
{
    const auto left
        = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
        return 0;
    return left.count() > INT_MAX ? INT_MAX : int(left.count());
}

// Waits until @p fd is ready for @p events; false when the deadline passed first.
bool waitFor(int fd, short events, Clock::time_point deadline)
{
    for (;;) {
        pollfd entry {fd, events, 0};
        const int rc = ::poll(&entry, 1, remainingMs(deadline));
        if (rc > 0)
            return true;
        if (rc == 0)
            return false;
        if (errno != EINTR)
            return true; // let the read or write report the error
    }
}

bool executable(const std::string &path)
{
    return !path.empty() && ::access(path.c_str(), X_OK) == 0;
}

std::string directoryOfRunningProgram()
{
    char buffer[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0)
        return {};
    std::string path(buffer, std::size_t(length));
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

} // namespace

std::string RpcWorkerProcess::programPath()
{
    if (const char *overridden = std::getenv("SC_RPCWORKER_PATH"); overridden && *overridden)
        return executable(overridden) ? std::string(overridden) : std::string();
    const std::string here = directoryOfRunningProgram();
    if (!here.empty()) {
        if (std::string beside = here + '/' + kProgramName; executable(beside))
            return beside;
        // Installed: bin/ and libexec/ side by side under whatever prefix the package chose.
        if (std::string installed = here + "/" SC_RPCWORKER_FROM_BINDIR "/" + kProgramName;
            executable(installed))
            return installed;
    }
    if (std::string installed = std::string(SC_RPCWORKER_LIBEXECDIR "/") + kProgramName;
        executable(installed))
        return installed;
    return {};
}

std::unique_ptr<RpcWorkerProcess> RpcWorkerProcess::start(std::string *why)
{
    const std::string program = programPath();
    if (program.empty()) {
        *why = std::string("cannot find ") + kProgramName;
        return nullptr;
    }
    int fds[2];
    // Close-on-exec for both ends: a worker started by another thread at the same moment must
    // not inherit them. The worker's end reaches its own process through the launcher, or the
    // dup2 of spawn().
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        *why = std::string("socketpair: ") + std::strerror(errno);
        return nullptr;
    }
    if (const std::optional<RpcWorkerLauncher::Worker> forked
        = RpcWorkerLauncher::launch(program, fds[1])) {
        ::close(fds[1]);
        return std::unique_ptr<RpcWorkerProcess>(
            new RpcWorkerProcess(fds[0], forked->pid, forked->pidfd));
    }
    const pid_t pid = spawn(program, fds[1], false, why);
    ::close(fds[1]);
    if (pid == 0) {
        ::close(fds[0]);
        return nullptr;
    }
    return std::unique_ptr<RpcWorkerProcess>(new RpcWorkerProcess(fds[0], pid, -1));
}

pid_t RpcWorkerProcess::spawn(
    const std::string &program, int childEnd, bool launcher, std::string *why)
{
    int ownEnd = -1;
    if (childEnd == rpcworker::kWorkerFd) {
        // dup2() onto itself would keep close-on-exec set.
        ownEnd = ::fcntl(childEnd, F_DUPFD_CLOEXEC, rpcworker::kWorkerFd + 1);
        if (ownEnd < 0) {
            *why = std::string("fcntl: ") + std::strerror(errno);
            return 0;
        }
        childEnd = ownEnd;
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childEnd, rpcworker::kWorkerFd);
    posix_spawnattr_init(&attributes);
    // Our threads may block signals; the worker starts with none blocked.
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);

    // The worker checks that we are still its parent after it has asked to die with us.
    const std::string parent = std::to_string(::getpid());
    std::vector<char *> argv {const_cast<char *>(program.c_str())};
    if (launcher)
        argv.push_back(const_cast<char *>("--launcher"));
    argv.insert(
        argv.end(), {const_cast<char *>("--parent"), const_cast<char *>(parent.c_str()), nullptr});
    pid_t pid = 0;
    const int rc
        = ::posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (ownEnd >= 0)
        ::close(ownEnd);
    if (rc != 0) {
        *why = program + ": " + std::strerror(rc);
        return 0;
    }
    return pid;
}

RpcWorkerProcess::RpcWorkerProcess(int fd, pid_t pid, int pidfd)
    : m_fd(fd)
    , m_pid(pid)
    , m_pidfd(pidfd)
{
}

RpcWorkerProcess::~RpcWorkerProcess()
{
    end();
}

void RpcWorkerProcess::end()
{
    if (m_fd >= 0) {
        // The worker reads end-of-file, closes its Samba connection and exits; its end of the
        // socket closes with it.
        ::shutdown(m_fd, SHUT_WR);
        const Clock::time_point deadline = Clock::now() + kExitGrace;
        char byte;
        while (waitFor(m_fd, POLLIN, deadline)) {
            const ssize_t n = ::recv(m_fd, &byte, 1, 0);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
                break;
        }
    }
    kill();
}

void RpcWorkerProcess::kill()
{
    if (m_pidfd >= 0) {
        // The launcher's child: the pidfd names it even once the launcher has reaped it and
        // its pid is someone else's.
        ::syscall(SYS_pidfd_send_signal, m_pidfd, SIGKILL, nullptr, 0);
        waitFor(m_pidfd, POLLIN, Clock::time_point::max());
        ::close(m_pidfd);
        m_pidfd = -1;
        m_pid = 0;
    } else if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) { }
        m_pid = 0;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RpcWorkerProcess::Outcome RpcWorkerProcess::exchange(const rpcworker::Bytes &frame,
    std::chrono::milliseconds timeout, rpcworker::Bytes &replyPayload, std::string &detail)
{
    replyPayload.clear();
    if (m_fd < 0) {
        detail = "the Samba worker has ended";
        return Outcome::NotSent;
    }
    const Clock::time_point deadline = Clock::now() + timeout;
    auto fail = [&](Outcome outcome, std::string why) {
        detail = std::move(why);
        kill();
        return outcome;
    };

    std::size_t sent = 0;
    while (sent < frame.size()) {
        if (!waitFor(m_fd, POLLOUT, deadline))
            return fail(Outcome::TimedOut, "the Samba worker did not take the request in time");
        // MSG_NOSIGNAL: a worker that died must not take us with it through SIGPIPE.
        const ssize_t n
            = ::send(m_fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            // Part of a request is no request: the worker reads whole frames only.
            return fail(Outcome::NotSent,
                std::string("the Samba worker has ended (") + std::strerror(errno) + ")");
        }
        sent += std::size_t(n);
    }
    if (m_requestSent)
        m_requestSent();

    // Reads exactly @p size bytes; received says how many arrived when it fails.
    std::size_t received = 0;
    auto readExactly = [&](std::uint8_t *out, std::size_t size) -> std::optional<Outcome> {
        received = 0;
        while (received < size) {
            if (!waitFor(m_fd, POLLIN, deadline))
                return Outcome::TimedOut;
            const ssize_t n = ::recv(m_fd, out + received, size - received, MSG_DONTWAIT);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (n <= 0)
                return Outcome::Ended;
            received += std::size_t(n);
        }
        return std::nullopt;
    };
    auto timedOut = [&]() {
        return fail(Outcome::TimedOut,
            "the Samba worker did not answer within " + std::to_string(timeout.count()) + " ms");
    };

    std::uint8_t header[rpcworker::kHeaderSize];
    if (std::optional<Outcome> failed = readExactly(header, sizeof header)) {
        if (*failed == Outcome::TimedOut)
            return timedOut();
        if (received == 0)
            return fail(Outcome::Ended, "the Samba worker ended without answering");
        return fail(Outcome::Malformed, "the Samba worker sent a truncated frame header");
    }
    const std::optional<std::uint32_t> size = rpcworker::payloadSize(header);
    if (!size)
        return fail(Outcome::Malformed, "the Samba worker announced a frame of an invalid size");
    replyPayload.resize(*size);
    if (std::optional<Outcome> failed = readExactly(replyPayload.data(), replyPayload.size())) {
        replyPayload.clear();
        if (*failed == Outcome::TimedOut)
            return timedOut();
        return fail(Outcome::Malformed,
            "the Samba worker sent " + std::to_string(received) + " of " + std::to_string(*size)
                + " announced bytes");
    }
    return Outcome::Ok;
}

} // namespace sc
