// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiontext.h"

#include <cstdint>
#include <vector>

namespace sc {

/// The SESSION_INFO_x levels defined by MS-SRVS 2.2.4.
enum class InfoLevel : std::uint32_t {
    Level0 = 0, ///< client name only
    Level1 = 1, ///< + user, open count, times, flags
    Level2 = 2, ///< + client type
    Level10 = 10, ///< client, user, times (no flags, no open count)
    Level502 = 502, ///< + transport
};

/// All levels, in the order "auto" tries them: richest first.
inline constexpr InfoLevel kAutoLevelOrder[] = {InfoLevel::Level502, InfoLevel::Level2,
    InfoLevel::Level1, InfoLevel::Level10, InfoLevel::Level0};

/// Whether @p level is one of the InfoLevel values (the levels MS-SRVS defines for sessions).
constexpr bool isValidInfoLevel(std::uint32_t level)
{
    for (InfoLevel known : kAutoLevelOrder) {
        if (static_cast<std::uint32_t>(known) == level)
            return true;
    }
    return false;
}

/// What a level carries besides the client name, so callers can hide what the server cannot
/// fill; also the codec's description of each SESSION_INFO_x (srvsvccodec.cpp).
struct LevelFields
{
    bool userName = false;
    bool openCount = false;
    bool times = false;
    bool userFlags = false;
    bool clientType = false;
    bool transport = false;
};

constexpr LevelFields fieldsOf(InfoLevel level)
{
    switch (level) {
    case InfoLevel::Level0:
        return {};
    case InfoLevel::Level1:
        return {true, true, true, true, false, false};
    case InfoLevel::Level2:
        return {true, true, true, true, true, false};
    case InfoLevel::Level10:
        return {true, false, true, false, false, false};
    case InfoLevel::Level502:
        return {true, true, true, true, true, true};
    }
    return {};
}

/// sesiX_user_flags bits (lmshare.h).
inline constexpr std::uint32_t kSessGuest = 0x1;
inline constexpr std::uint32_t kSessNoEncryption = 0x2;

/// One row of NetSessionEnum, the union of SESSION_INFO_0/1/2/10/502.
/// Strings stay UTF-16 as they came off the wire so the Qt side can wrap them without
/// re-encoding; fields the level does not carry stay empty/zero. The texts of a decoded
/// reply share a few blocks of storage (see SessionText), so a list of 100,000 sessions costs
/// a few hundred allocations, not four per session; a copy of one SessionInfo keeps its texts
/// alive on its own, on any thread.
struct SessionInfo
{
    SessionText clientName; ///< as the server reports it, without leading "\\"
    SessionText userName;
    std::uint32_t openCount = 0; ///< files, devices and pipes opened in the session
    std::uint32_t connectedSeconds = 0; ///< sesiX_time
    std::uint32_t idleSeconds = 0; ///< sesiX_idle_time
    std::uint32_t userFlags = 0;
    SessionText clientType; ///< sesiX_cltype_name, e.g. "Windows 10 Enterprise"
    SessionText transport; ///< sesi502_transport
    InfoLevel level = InfoLevel::Level0; ///< which level filled this value

    bool isGuest() const { return userFlags & kSessGuest; }
    bool isUnencrypted() const { return userFlags & kSessNoEncryption; }

    friend bool operator==(const SessionInfo &, const SessionInfo &) = default;
};

using SessionList = std::vector<SessionInfo>;

} // namespace sc
