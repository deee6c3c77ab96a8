// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfileinfo.h"

namespace sc {

bool isValidFileInfoLevel(std::uint32_t level)
{
    for (FileInfoLevel known : kFileAutoLevelOrder) {
        if (static_cast<std::uint32_t>(known) == level)
            return true;
    }
    return false;
}

} // namespace sc
