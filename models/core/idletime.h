// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"

#include <string_view>

namespace sc {

/// How long a session must have existed before an idle time of 0 says something.
inline constexpr std::uint32_t kIdleEvidenceSeconds = 5;

/// Whether an answer shows that the server does not report idle time at all (Samba always
/// sends 0): every session says idle 0, while at least one session other than our own has
/// been connected for kIdleEvidenceSeconds or more, so it would have had time to be idle.
///
/// Our own session is the youngest one from @p ownClient (our address as the server sees it)
/// of @p ownUser (our logon account; empty when unknown, e.g. with Kerberos, matches any
/// user); only that one is left out, since it is busy answering this very request. An empty
/// answer, or one whose level carries no times, shows nothing: false.
bool idleTimeUnreported(
    const SessionList &sessions, std::u16string_view ownClient, std::u16string_view ownUser);

} // namespace sc
