// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>
#include <functional>
#include <vector>

/// Asks several servers truly in parallel: each server's work runs in a child process of its
/// own (fork(), Unix only). Within one process the Samba client library serialises every
/// connect and call behind a single lock, so threads bought nothing, and a hung server held
/// that lock until its timeout, long enough for every other server's connection to time out.
///
/// A child does a first phase of work and sends the result back; when asked to, it then does
/// a second phase on the same connection (close: end the sessions once the operator agreed).
/// The children inherit the parent's memory, so nothing but the results crosses the pipe; no
/// thread may run when start() forks.
class ServerProcesses
{
public:
    /// In the child: the work of @p phase (1 or 2) on server @p index; its result.
    using Work = std::function<QByteArray(std::size_t index, int phase)>;

    /// @p secondPhase: children wait after the first phase for runSecondPhase().
    ServerProcesses(std::size_t count, int jobs, bool secondPhase, Work work);
    /// Ends the children still waiting (they see the pipe close) and reaps them all.
    ~ServerProcesses();
    ServerProcesses(const ServerProcesses &) = delete;
    ServerProcesses &operator=(const ServerProcesses &) = delete;

    /// Phase 1 on every server, at most jobs at once. Each server's result; empty when its
    /// child could not be started or ended without one.
    std::vector<QByteArray> runFirstPhase();
    /// Phase 2 on the servers with @p which set, at most jobs at once; the others' children
    /// end. Results as for runFirstPhase() (empty for the servers not asked).
    std::vector<QByteArray> runSecondPhase(const std::vector<bool> &which);

private:
    struct Child
    {
        int pid = -1;
        int fd = -1; ///< our end of the socket pair
        QByteArray received;
    };

    bool startChild(std::size_t index);
    /// Sends @p command to the children of @p indices as slots free up, collects replies.
    std::vector<QByteArray> collect(const std::vector<std::size_t> &indices, bool start);
    void endChild(std::size_t index);

    std::size_t m_count;
    int m_jobs;
    bool m_secondPhase;
    Work m_work;
    std::vector<Child> m_children;
};
