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

QList<sc::SessionInfo> nextPoll(const QList<sc::SessionInfo> &infos, std::uint32_t seconds,
    const std::function<bool(int)> &leaves, const std::function<bool(int)> &changes,
    std::uint32_t openCount)
{
    QList<sc::SessionInfo> next;
    for (int i = 0; i < infos.size(); ++i) {
        if (leaves(i))
            continue;
        sc::SessionInfo n = infos[i];
        n.connectedSeconds += seconds;
        n.idleSeconds += seconds;
        if (changes(i))
            n.openCount = openCount;
        next.append(n);
    }
    return next;
}

} // namespace TestRecords
