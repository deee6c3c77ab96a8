// SPDX-License-Identifier: GPL-3.0-or-later
#include "rpcworkerlauncher.h"

#include "rpcworkerprocess.h"
#include "rpcworkerprotocol.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sc {

namespace {

// Loading the program once may take a while on a busy machine; a launch is one fork.
constexpr int kReadyTimeoutMs = 20000;
constexpr int kReplyTimeoutMs = 10000;

struct Launcher
{
    int fd = -1;
    pid_t pid = 0;
    bool ready = false; ///< has said kLauncherReady
    bool refused = false; ///< did not answer as a launcher: start its workers directly
};

// Launchers live as long as the process: they end when it closes their sockets at its exit.
std::mutex &launchersMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::map<std::string, Launcher> &launchers()
{
    static auto *all = new std::map<std::string, Launcher>;
    return *all;
}

bool readable(int fd, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd entry {fd, POLLIN, 0};
        const int rc = ::poll(&entry, 1, int(std::max<long long>(0, left.count())));
        if (rc > 0)
            return true;
        if (rc == 0 || errno != EINTR)
            return false;
    }
}

void stop(Launcher &launcher)
{
    if (launcher.fd >= 0)
        ::close(launcher.fd);
    if (launcher.pid > 0) {
        ::kill(launcher.pid, SIGKILL);
        while (::waitpid(launcher.pid, nullptr, 0) < 0 && errno == EINTR) { }
    }
    launcher.fd = -1;
    launcher.pid = 0;
}

// Starts @p program as a launcher; its readiness is awaited by awaitReady().
bool spawnLauncher(const std::string &program, Launcher &launcher)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
        return false;
    std::string why;
    launcher.pid = RpcWorkerProcess::spawn(program, fds[1], true, &why);
    ::close(fds[1]);
    launcher.fd = fds[0];
    launcher.ready = false;
    if (launcher.pid > 0)
        return true;
    stop(launcher);
    return false;
}

bool awaitReady(Launcher &launcher)
{
    std::uint8_t ready = 0;
    int fd = -1;
    launcher.ready = readable(launcher.fd, kReadyTimeoutMs)
        && rpcworker::receiveLauncherMessage(launcher.fd, &ready, 1, fd, false) == 1
        && ready == rpcworker::kLauncherReady;
    if (fd >= 0)
        ::close(fd);
    if (!launcher.ready)
        stop(launcher);
    return launcher.ready;
}

// Asks @p launcher for a worker. @p broken says, when none came, whether the launcher is of no
// further use (gone, silent, or answering what it should not) rather than unable to fork.
std::optional<RpcWorkerLauncher::Worker> request(Launcher &launcher, int workerEnd, bool &broken)
{
    broken = true;
    const std::uint8_t type = rpcworker::kLaunchRequest;
    if (!rpcworker::sendLauncherMessage(launcher.fd, &type, 1, workerEnd)
        || !readable(launcher.fd, kReplyTimeoutMs))
        return std::nullopt;

    std::uint8_t reply[rpcworker::kLaunchReplySize] = {};
    int pidfd = -1;
    const ssize_t n
        = rpcworker::receiveLauncherMessage(launcher.fd, reply, sizeof reply, pidfd, false);
    std::int32_t pid = 0;
    std::memcpy(&pid, reply + 1, sizeof pid);
    if (n == ssize_t(sizeof reply) && reply[0] == rpcworker::kLaunchReply) {
        if (pid > 0 && pidfd >= 0)
            return RpcWorkerLauncher::Worker {pid_t(pid), pidfd};
        broken = pid > 0 || pidfd >= 0; // an error (-errno) comes without a pidfd
    }
    if (pidfd >= 0)
        ::close(pidfd);
    return std::nullopt;
}

} // namespace

std::optional<RpcWorkerLauncher::Worker> RpcWorkerLauncher::launch(
    const std::string &program, int workerEnd)
{
    const std::lock_guard lock(launchersMutex());
    Launcher &launcher = launchers()[program];
    // A launcher that died (killed, out of memory) is started again, once per launch.
    for (int attempt = 0; attempt < 2 && !launcher.refused; ++attempt) {
        if ((launcher.fd < 0 && !spawnLauncher(program, launcher))
            || (!launcher.ready && !awaitReady(launcher))) {
            launcher.refused = true;
            break;
        }
        bool broken = false;
        if (std::optional<Worker> worker = request(launcher, workerEnd, broken))
            return worker;
        if (!broken)
            break;
        stop(launcher);
    }
    return std::nullopt;
}

void RpcWorkerLauncher::prestart(const std::string &program)
{
    const std::lock_guard lock(launchersMutex());
    Launcher &launcher = launchers()[program];
    // A failed start is left to launch(), which tries once more before giving up on it.
    if (launcher.fd < 0 && !launcher.refused)
        spawnLauncher(program, launcher);
}

std::vector<pid_t> RpcWorkerLauncher::pidsForTesting()
{
    const std::lock_guard lock(launchersMutex());
    std::vector<pid_t> pids;
    for (const auto &[program, launcher] : launchers()) {
        if (launcher.pid > 0)
            pids.push_back(launcher.pid);
    }
    return pids;
}

} // namespace sc
