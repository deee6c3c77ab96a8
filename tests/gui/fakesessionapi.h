// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scripted server for the GUI tests: a SessionApi fake behind the real poller, for what the
// lab's Samba cannot show (idle times, richer levels, outages, refused deletes).

#include "sessionapi.h"

#include <QMutex>
#include <QMutexLocker>

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
    int deletes = 0;
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
    sc::Result<Page> enumeratePage(
        const std::u16string *, const std::u16string *, sc::InfoLevel level, std::uint32_t) override
    {
        QMutexLocker lock(&m_server->mutex);
        if (m_server->failure)
            return *m_server->failure;
        const auto rank = [](sc::InfoLevel l) {
            return l == sc::InfoLevel::Level502 ? 3 : l == sc::InfoLevel::Level2 ? 2 : 1;
        };
        if (level != sc::InfoLevel::Level1 && rank(level) > rank(m_server->richestLevel))
            return sc::SessionError::fromWin32(sc::win32::InvalidLevel);
        Page page;
        for (sc::SessionInfo info : m_server->sessions) {
            info.level = level;
            const sc::LevelFields f = sc::fieldsOf(level);
            if (!f.clientType)
                info.clientType.clear();
            if (!f.transport)
                info.transport.clear();
            page.rows.push_back(info);
        }
        page.totalEntries = std::uint32_t(page.rows.size());
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
