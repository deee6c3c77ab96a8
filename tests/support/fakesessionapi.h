// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scripted server for the GUI tests: a SessionApi fake behind the real poller, for what the
// lab's Samba cannot show (idle times, richer levels, outages, refused deletes).

#include "sessionapi.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <memory>
#include <optional>

/// What the scripted server answers; shared by the test (GUI thread) and the API (worker).
struct FakeServer
{
    QMutex mutex;
    sc::SessionList sessions;
    sc::InfoLevel richestLevel = sc::InfoLevel::Level1;
    std::optional<sc::SessionError> failure; ///< every call fails with this while set
    std::optional<sc::SessionError> deleteFailure;
    /// NetSessionDel succeeds, but the sessions stay listed (as while smbd's processes end).
    bool deleteKeepsSessions = false;
    int deletes = 0;

    /// Rows per page, answered as Windows does (ERROR_MORE_DATA, a resume handle, and as the
    /// total the entries left from the resume position); 0 answers everything at once and
    /// ignores the resume handle, as Samba does.
    int pageSize = 0;
    /// Pages after the first that may still be served; a request for another one waits until
    /// the test raises it (releasePages()). -1: no limit.
    int pagesAllowed = -1;
    int pageDelayMs = 0; ///< a slow link: each page after the first takes this long
    int pagesServed = 0; ///< pages answered so far, the first ones included
    /// When set (ms since the epoch), connected and idle seconds grow from this instant on, as
    /// a real server counts them; otherwise every answer carries the seconds as scripted.
    qint64 clockStartMs = 0;
    QWaitCondition pagesChanged; ///< with @c mutex: pagesAllowed or pagesServed changed

    /// Lets the held requests go on and serves every page from now on.
    void releasePages()
    {
        QMutexLocker lock(&mutex);
        pagesAllowed = -1;
        pagesChanged.wakeAll();
    }
    /// Waits until @p count pages have been served in all; false after @p msecs without.
    bool waitForPagesServed(int count, int msecs)
    {
        QMutexLocker lock(&mutex);
        QDeadlineTimer deadline(msecs);
        while (pagesServed < count) {
            if (!pagesChanged.wait(&mutex, deadline))
                return pagesServed >= count;
        }
        return true;
    }
};

class FakeSessionApi : public sc::SessionApi
{
public:
    explicit FakeSessionApi(std::shared_ptr<FakeServer> server)
        : m_server(std::move(server))
    {
    }

    sc::Result<void> connect() override
    {
        QMutexLocker lock(&m_server->mutex);
        if (m_server->failure)
            return *m_server->failure;
        return {};
    }
    sc::ConnectionSecurity security() const override { return {true, false, "SMB3_11"}; }
    std::string localAddress() const override { return "10.9.9.9"; }
    std::string serverKey() const override { return "fake-server:445"; }

protected:
    sc::Result<Page> enumeratePage(const std::u16string *, const std::u16string *,
        sc::InfoLevel level, std::uint32_t resumeHandle) override
    {
        if (resumeHandle != 0) {
            int delayMs = 0;
            {
                QMutexLocker lock(&m_server->mutex);
                delayMs = m_server->pageDelayMs;
            }
            if (delayMs > 0)
                QThread::msleep(delayMs);
        }
        QMutexLocker lock(&m_server->mutex);
        if (m_server->failure)
            return *m_server->failure;
        const auto rank = [](sc::InfoLevel l) {
            return l == sc::InfoLevel::Level502 ? 3 : l == sc::InfoLevel::Level2 ? 2 : 1;
        };
        if (level != sc::InfoLevel::Level1 && rank(level) > rank(m_server->richestLevel))
            return sc::SessionError::fromWin32(sc::win32::InvalidLevel);
        const bool paging = m_server->pageSize > 0;
        if (paging && resumeHandle != 0) {
            while (m_server->pagesAllowed == 0)
                m_server->pagesChanged.wait(&m_server->mutex);
            if (m_server->pagesAllowed > 0)
                --m_server->pagesAllowed;
        }
        // The resume handle is the index of the next row, as good as Windows' opaque one.
        const std::size_t total = m_server->sessions.size();
        const std::size_t first = paging ? std::min<std::size_t>(resumeHandle, total) : 0;
        const std::size_t end
            = paging ? std::min(total, first + std::size_t(m_server->pageSize)) : total;
        const std::uint32_t elapsed = m_server->clockStartMs > 0
            ? std::uint32_t((QDateTime::currentMSecsSinceEpoch() - m_server->clockStartMs) / 1000)
            : 0;
        Page page;
        for (std::size_t i = first; i < end; ++i) {
            sc::SessionInfo info = m_server->sessions[i];
            info.connectedSeconds += elapsed;
            info.idleSeconds += elapsed;
            info.level = level;
            const sc::LevelFields f = sc::fieldsOf(level);
            if (!f.clientType)
                info.clientType.clear();
            if (!f.transport)
                info.transport.clear();
            page.rows.push_back(info);
        }
        page.totalEntries = std::uint32_t(total - first);
        page.moreData = end < total;
        page.resumeHandle = std::uint32_t(end);
        ++m_server->pagesServed;
        m_server->pagesChanged.wakeAll();
        return page;
    }

    sc::Result<void> deleteSessions(
        const std::u16string *client, const std::u16string *user) override
    {
        QMutexLocker lock(&m_server->mutex);
        if (m_server->failure)
            return *m_server->failure;
        if (m_server->deleteFailure)
            return *m_server->deleteFailure;
        ++m_server->deletes;
        if (m_server->deleteKeepsSessions)
            return {};
        std::erase_if(m_server->sessions, [&](const sc::SessionInfo &s) {
            return (!client || sc::namesEqual(s.clientName, sc::stripBackslashes(*client)))
                && (!user || sc::namesEqual(s.userName, *user));
        });
        return {};
    }

private:
    std::shared_ptr<FakeServer> m_server;
};

inline sc::SessionInfo session(const char16_t *client, const char16_t *user, std::uint32_t open,
    std::uint32_t connected, std::uint32_t idle, std::uint32_t flags = 0)
{
    sc::SessionInfo s;
    s.clientName = client;
    s.userName = user;
    s.openCount = open;
    s.connectedSeconds = connected;
    s.idleSeconds = idle;
    s.userFlags = flags;
    s.clientType = u"Windows 10 Enterprise";
    s.transport = u"\\Device\\NetbiosSmb";
    return s;
}
