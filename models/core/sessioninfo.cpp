// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioninfo.h"

namespace sc {

bool isValidInfoLevel(std::uint32_t level)
{
    for (InfoLevel known : kAutoLevelOrder) {
        if (static_cast<std::uint32_t>(known) == level)
            return true;
    }
    return false;
}

LevelFields fieldsOf(InfoLevel level)
{
    LevelFields f;
    switch (level) {
    case InfoLevel::Level0:
        break;
    case InfoLevel::Level1:
        f.userName = f.openCount = f.times = f.userFlags = true;
        break;
    case InfoLevel::Level2:
        f.userName = f.openCount = f.times = f.userFlags = f.clientType = true;
        break;
    case InfoLevel::Level10:
        f.userName = f.times = true;
        break;
    case InfoLevel::Level502:
        f.userName = f.openCount = f.times = f.userFlags = f.clientType = f.transport = true;
        break;
    }
    return f;
}

} // namespace sc
