// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstring.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace sc {

/// Where the Samba client of a connection runs (Linux; Windows' netapi32 has no such choice).
/// The program decides, by what else it does with its connections: see SambaRpcTransport.
enum class SambaIsolation {
    /// In a sessionconsole-rpcworker process of its own (the default): connections on
    /// different threads run side by side, and a server that never answers holds up only
    /// its own connection. Costs a process start per connect.
    WorkerProcess,
    /// In this process, through the Samba glue: no extra process, but every connection in
    /// the process takes turns for Samba's lock, so a hung server holds up the others. For a
    /// process with one connection at a time (each server sessionctl asks gets a forked
    /// process of its own).
    InProcess,
};

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
    SambaIsolation sambaIsolation = SambaIsolation::WorkerProcess;
};

/// "\\\\host" and "host" both give "host".
std::string normalizedHost(std::string_view host);

} // namespace sc
