// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scripted server for the GUI tests: a SessionApi fake behind the real poller, for what the
// lab's Samba cannot show (idle times, richer levels, outages, refused deletes).

#include "sessionapi.h"
#include "testrecords.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
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

/// A SessionApi factory for a poller or a server connection: every connection it makes
/// answers from @p server.
inline auto fakeApiFactory(std::shared_ptr<FakeServer> server)
{
    return [server](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
        return std::make_unique<FakeSessionApi>(server);
    };
}

inline sc::SessionInfo session(const char16_t *client, const char16_t *user, std::uint32_t open,
    std::uint32_t connected, std::uint32_t idle, std::uint32_t flags = 0)
{
    // The level stays unset: the scripted server stamps the one it answers with.
    sc::SessionInfo s = TestRecords::sessionInfo(
        client, user, connected, idle, open, flags, sc::InfoLevel::Level0);
    s.clientType = u"Windows 10 Enterprise";
    s.transport = u"\\Device\\NetbiosSmb";
    return s;
}

/// What a scripted server answers about its open files; shared by the test and the API.
struct FakeFiles
{
    QMutex mutex;
    sc::OpenFileList files;
    std::optional<sc::SessionError> failure; ///< NetrFileEnum's answer instead of the files
    bool onlyLevel2 = false; ///< level 3 answers ERROR_INVALID_LEVEL
    int apisCreated = 0; ///< for a test's factory to count the SessionApis it made
    int listings = 0; ///< NetrFileEnum calls answered
    QList<std::uint32_t> closed; ///< the ids NetrFileClose was called with
    QSet<const sc::SessionApi *> listedBy; ///< the SessionApis that answered NetrFileEnum
    QSet<QThread *> listedOn; ///< the threads they answered on
};

/// An open file as Samba reports it at level 3, read-only.
inline sc::OpenFileInfo fakeOpenFile(std::uint32_t id, std::u16string path, std::u16string user)
{
    return TestRecords::openFileInfo(id, path, user);
}

/// A scripted server that also lists (NetrFileEnum) and closes (NetrFileClose) open files.
/// NetrShareEnum is left at its default (not supported): paths stay local.
class FakeFileApi : public FakeSessionApi
{
public:
    FakeFileApi(std::shared_ptr<FakeServer> server, std::shared_ptr<FakeFiles> files)
        : FakeSessionApi(std::move(server))
        , m_files(std::move(files))
    {
    }

protected:
    sc::Result<FilePage> enumerateFilesPage(const std::u16string *, const std::u16string *,
        sc::FileInfoLevel level, std::uint32_t) override
    {
        QMutexLocker lock(&m_files->mutex);
        ++m_files->listings;
        m_files->listedBy.insert(this);
        m_files->listedOn.insert(QThread::currentThread());
        if (m_files->failure)
            return *m_files->failure;
        if (m_files->onlyLevel2 && level != sc::FileInfoLevel::Level2)
            return sc::SessionError::fromWin32(sc::win32::InvalidLevel);
        FilePage page;
        for (const sc::OpenFileInfo &file : m_files->files) {
            // Level 2 is the id alone.
            sc::OpenFileInfo f = level == sc::FileInfoLevel::Level2 ? sc::OpenFileInfo {} : file;
            f.id = file.id;
            f.level = level;
            page.rows.push_back(f);
        }
        page.totalEntries = std::uint32_t(page.rows.size());
        return page;
    }
    sc::Result<void> closeFileOnServer(std::uint32_t id) override
    {
        QMutexLocker lock(&m_files->mutex);
        m_files->closed.append(id);
        std::erase_if(m_files->files, [id](const sc::OpenFileInfo &f) { return f.id == id; });
        return {};
    }

private:
    std::shared_ptr<FakeFiles> m_files;
};

/// A server that answers every listing with one session, alice from 10.0.0.7, and refuses to
/// end sessions: for tests about connecting and polling rather than about rows. Derive and
/// override what the test watches; oneSession() is the answer.
class OneSessionApi : public sc::SessionApi
{
public:
    /// @p key: serverKey(), which the level cache (SessionApi::clearLevelCache()) goes by.
    explicit OneSessionApi(std::string key = "one-session:445")
        : m_key(std::move(key))
    {
    }
    sc::Result<void> connect() override { return {}; }
    sc::ConnectionSecurity security() const override { return {true, false, "SMB3"}; }
    std::string localAddress() const override { return "127.0.0.1"; }
    std::string serverKey() const override { return m_key; }

protected:
    sc::Result<Page> enumeratePage(
        const std::u16string *, const std::u16string *, sc::InfoLevel level, std::uint32_t) override
    {
        return oneSession(level);
    }
    sc::Result<void> deleteSessions(const std::u16string *, const std::u16string *) override
    {
        return sc::SessionError::fromWin32(sc::win32::AccessDenied);
    }
    static Page oneSession(sc::InfoLevel level)
    {
        Page page;
        sc::SessionInfo info;
        info.level = level;
        info.clientName = u"10.0.0.7";
        info.userName = u"alice";
        page.rows.push_back(info);
        page.totalEntries = 1;
        return page;
    }

private:
    std::string m_key;
};
