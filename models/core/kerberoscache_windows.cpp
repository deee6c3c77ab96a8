// SPDX-License-Identifier: GPL-3.0-or-later
// KerberosCache on Windows: the logon session's tickets live in the LSA, where netapi32 uses
// them directly, so there is no cache file to read and nothing to diagnose beforehand.
#include "kerberoscache.h"

namespace sc {

KerberosTicketInfo KerberosCache::readDefault()
{
    KerberosTicketInfo info;
    info.state = KerberosTicketInfo::State::Unavailable;
    info.detail = "Windows keeps the tickets of the logon session itself";
    return info;
}

std::optional<SessionError> KerberosCache::checkBeforeConnect(const std::string &)
{
    return std::nullopt;
}

std::optional<SessionError> KerberosCache::diagnoseFailure(const std::string &)
{
    return std::nullopt;
}

} // namespace sc
