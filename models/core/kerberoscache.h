// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"

#include <chrono>
#include <optional>
#include <string>

namespace sc {

/// What the operator's Kerberos credentials cache holds: who the ticket is for and until when.
struct KerberosTicketInfo
{
    enum class State {
        Valid, ///< a ticket-granting ticket that has not expired
        Expired, ///< the ticket-granting ticket has expired
        NoTicket, ///< no cache, an empty one, or no ticket-granting ticket in it
        Unavailable, ///< this build or platform cannot read a cache
    };
    State state = State::NoTicket;
    std::string principal; ///< "helpdesk@LAB.TEST"; empty without a cache
    std::chrono::system_clock::time_point expires; ///< end of the ticket-granting ticket
    std::string cacheName; ///< "FILE:/tmp/krb5cc_1000", as KRB5CCNAME would name it
    std::string detail; ///< English, why there is no ticket; never a secret
};

/// Reads the default Kerberos credentials cache (KRB5CCNAME or the system default) and
/// explains Kerberos logon failures. Only ever reads the cache: tickets stay where kinit
/// and the desktop logon put them, and no secret passes through this class.
///
/// Thread-safe (every call has its own library context). readDefault() and
/// checkBeforeConnect() read a local file only; diagnoseFailure() talks to the KDC, so call
/// it off the GUI thread.
class KerberosCache
{
public:
    static KerberosTicketInfo readDefault();

    /// The failures that need no network, in the order an operator fixes them: no ticket, an
    /// expired one, a server given as an address (the ticket is for its name). nullopt: go
    /// ahead.
    static std::optional<SessionError> checkBeforeConnect(const std::string &host);

    /// After a Kerberos logon to @p host failed: asks the KDC for a ticket for cifs/<host>,
    /// as the logon did, and classifies its answer (unknown service principal, clock skew,
    /// KDC unreachable, expired ticket). nullopt: Kerberos itself works, the failure was
    /// something else. The ticket obtained is not stored in the cache.
    static std::optional<SessionError> diagnoseFailure(const std::string &host);

    /// The user part of a principal: "helpdesk" for "helpdesk@LAB.TEST".
    static std::string userOf(const std::string &principal)
    {
        // A '@' escaped with a backslash belongs to the name (enterprise principals).
        for (std::size_t i = 0; i < principal.size(); ++i) {
            if (principal[i] == '\\')
                ++i;
            else if (principal[i] == '@')
                return principal.substr(0, i);
        }
        return principal;
    }
};

} // namespace sc
