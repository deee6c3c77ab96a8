// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocesses.h"

#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr char kRunSecondPhase = 'E';

bool sendAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        // MSG_NOSIGNAL: a peer that died must not end us with SIGPIPE.
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

/// A message: its length (4 bytes, big-endian), then its bytes.
bool sendMessage(int fd, const QByteArray &message)
{
    char header[4];
    qToBigEndian(static_cast<std::uint32_t>(message.size()), header);
    return sendAll(fd, header, sizeof header)
        && sendAll(fd, message.constData(), std::size_t(message.size()));
}

/// Whether @p buffer holds a whole message; if so, moves it to @p message.
bool takeMessage(QByteArray &buffer, QByteArray *message)
{
    if (buffer.size() < 4)
        return false;
    const std::uint32_t size = qFromBigEndian<std::uint32_t>(buffer.constData());
    if (std::size_t(buffer.size()) - 4 < size)
        return false;
    *message = buffer.mid(4, qsizetype(size));
    buffer.clear();
    return true;
}

} // namespace

ServerProcesses::ServerProcesses(std::size_t count, int jobs, bool secondPhase, Work work)
    : m_count(count)
    , m_jobs(std::max(jobs, 1))
    , m_secondPhase(secondPhase)
    , m_work(std::move(work))
    , m_children(count)
{
}

ServerProcesses::~ServerProcesses()
{
    for (std::size_t i = 0; i < m_count; ++i)
        endChild(i);
}

void ServerProcesses::endChild(std::size_t index)
{
    Child &child = m_children[index];
    if (child.fd >= 0) {
        ::close(child.fd);
        child.fd = -1;
    }
    if (child.pid > 0) {
        // A child that waits for its next phase ends when the socket closes; one still working
        // has nothing left to say that anyone would read.
        int status = 0;
        if (::waitpid(child.pid, &status, WNOHANG) == 0) {
            ::kill(child.pid, SIGKILL);
            while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) { }
        }
        child.pid = -1;
    }
}

bool ServerProcesses::startChild(std::size_t index)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return false;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (pid == 0) {
        // The child: only its own socket; the other children's ends are not its business.
        ::close(fds[0]);
        for (const Child &other : m_children) {
            if (other.fd >= 0)
                ::close(other.fd);
        }
        const int fd = fds[1];
        bool ok = sendMessage(fd, m_work(index, 1));
        if (ok && m_secondPhase) {
            char command = 0;
            ssize_t n;
            while ((n = ::read(fd, &command, 1)) < 0 && errno == EINTR) { }
            if (n == 1 && command == kRunSecondPhase)
                ok = sendMessage(fd, m_work(index, 2));
        }
        // _exit: the parent's Qt objects, atexit handlers and stdio buffers are the parent's.
        ::_exit(ok ? 0 : 1);
    }
    ::close(fds[1]);
    m_children[index].pid = pid;
    m_children[index].fd = fds[0];
    m_children[index].received.clear();
    return true;
}

std::vector<QByteArray> ServerProcesses::collect(
    const std::vector<std::size_t> &indices, bool start)
{
    std::vector<QByteArray> results(m_count);
    std::size_t next = 0;
    std::vector<std::size_t> running;
    while (next < indices.size() || !running.empty()) {
        while (next < indices.size() && running.size() < std::size_t(m_jobs)) {
            const std::size_t i = indices[next++];
            const bool started = start
                ? startChild(i)
                : m_children[i].fd >= 0 && sendAll(m_children[i].fd, &kRunSecondPhase, 1);
            if (started)
                running.push_back(i);
            else
                endChild(i);
        }
        if (running.empty())
            continue;
        std::vector<pollfd> fds;
        for (std::size_t i : running)
            fds.push_back({m_children[i].fd, POLLIN, 0});
        if (::poll(fds.data(), nfds_t(fds.size()), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        std::vector<std::size_t> still;
        for (std::size_t k = 0; k < running.size(); ++k) {
            const std::size_t i = running[k];
            if (fds[k].revents == 0) {
                still.push_back(i);
                continue;
            }
            char buffer[65536];
            const ssize_t n = ::read(m_children[i].fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                still.push_back(i);
                continue;
            }
            if (n <= 0) {
                endChild(i); // ended without a (whole) result
                continue;
            }
            m_children[i].received.append(buffer, n);
            if (takeMessage(m_children[i].received, &results[i])) {
                if (!m_secondPhase || !start)
                    endChild(i);
                continue;
            }
            still.push_back(i);
        }
        running = std::move(still);
    }
    return results;
}

std::vector<QByteArray> ServerProcesses::runFirstPhase()
{
    std::vector<std::size_t> all(m_count);
    for (std::size_t i = 0; i < m_count; ++i)
        all[i] = i;
    return collect(all, true);
}

std::vector<QByteArray> ServerProcesses::runSecondPhase(const std::vector<bool> &which)
{
    std::vector<std::size_t> asked;
    for (std::size_t i = 0; i < m_count; ++i) {
        if (i < which.size() && which[i])
            asked.push_back(i);
        else
            endChild(i);
    }
    return collect(asked, false);
}
