// SPDX-License-Identifier: GPL-3.0-or-later
#include "testrecords.h"

namespace TestRecords {

sc::SessionInfo sessionInfo(const std::u16string &client, const std::u16string &user,
    std::uint32_t connectedSeconds, std::uint32_t idleSeconds, std::uint32_t openCount,
    std::uint32_t flags, sc::InfoLevel level)
{
    sc::SessionInfo i;
    i.clientName = client;
    i.userName = user;
    i.connectedSeconds = connectedSeconds;
    i.idleSeconds = idleSeconds;
    i.openCount = openCount;
    i.userFlags = flags;
    i.level = level;
    return i;
}

sc::OpenFileInfo openFileInfo(std::uint32_t id, const std::u16string &path,
    const std::u16string &user, std::uint32_t locks, std::uint32_t permissions)
{
    sc::OpenFileInfo f;
    f.id = id;
    f.path = path;
    f.userName = user;
    f.lockCount = locks;
    f.permissions = permissions;
    f.level = sc::FileInfoLevel::Level3;
    return f;
}

} // namespace TestRecords
