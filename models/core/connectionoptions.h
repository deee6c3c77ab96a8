// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstring.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace sc {

/// How to reach a server's \PIPE\srvsvc. Copied into the worker thread that owns the
/// connection; the password travels inside SecretString only.
struct ConnectionOptions
{
    std::string host; ///< DNS name or address; "\\host" accepted
    std::uint16_t port = 445;
    std::string domain; ///< empty: the server's own domain / workgroup
    std::string user; ///< empty with kerberos=false: anonymous (servers refuse it for srvsvc)
    SecretString password;
    bool kerberos = false; ///< use the caller's ticket cache instead of a password
    bool requireSigning = true; ///< refuse an unsigned SMB connection
    bool requireSealing = false; ///< also encrypt (SMB3 encryption / DCE/RPC privacy)
    std::chrono::milliseconds connectTimeout {10000};
    std::chrono::milliseconds callTimeout {10000};
};

/// "\\\\host" and "host" both give "host".
std::string normalizedHost(std::string_view host);

} // namespace sc
