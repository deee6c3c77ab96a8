// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"
#include "sessioninfo.h"

#include <QList>

#include <cstdint>
#include <functional>
#include <string>

/// Decoded records as the model tests write them: only what a test varies is an argument,
/// the rest is what a level-1 session or level-3 open file carries from a quiet server.
namespace TestRecords {

sc::SessionInfo sessionInfo(const std::u16string &client, const std::u16string &user,
    std::uint32_t connectedSeconds, std::uint32_t idleSeconds = 0, std::uint32_t openCount = 0,
    std::uint32_t flags = 0, sc::InfoLevel level = sc::InfoLevel::Level1);

sc::OpenFileInfo openFileInfo(std::uint32_t id, const std::u16string &path,
    const std::u16string &user, std::uint32_t locks = 0,
    std::uint32_t permissions = sc::kPermFileRead);

/// The server's next answer after @p infos, @p seconds later, for the tests of large
/// refreshes: the sessions @p leaves picks (by index) are gone, all others are @p seconds
/// older, and those of them @p changes picks hold @p openCount files now.
QList<sc::SessionInfo> nextPoll(const QList<sc::SessionInfo> &infos, std::uint32_t seconds,
    const std::function<bool(int)> &leaves, const std::function<bool(int)> &changes,
    std::uint32_t openCount);

} // namespace TestRecords
