// SPDX-License-Identifier: GPL-3.0-or-later
#include "idletime.h"

#include "sessionapi.h"

#include <algorithm>
#include <cstddef>

namespace sc {

bool idleTimeUnreported(
    const SessionList &sessions, std::u16string_view ownClient, std::u16string_view ownUser)
{
    if (sessions.empty() || !fieldsOf(sessions.front().level).times)
        return false;
    if (std::any_of(sessions.begin(), sessions.end(),
            [](const SessionInfo &s) { return s.idleSeconds != 0; }))
        return false;

    const auto isOurs = [&](const SessionInfo &s) {
        return !ownClient.empty() && namesEqual(stripBackslashes(s.clientName), ownClient)
            && (ownUser.empty() || namesEqual(s.userName, ownUser));
    };
    // The youngest of the candidates is the connection that asked.
    std::size_t own = sessions.size();
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (isOurs(sessions[i])
            && (own == sessions.size()
                || sessions[i].connectedSeconds < sessions[own].connectedSeconds))
            own = i;
    }
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        if (i != own && sessions[i].connectedSeconds >= kIdleEvidenceSeconds)
            return true;
    }
    return false;
}

} // namespace sc
