// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "sharedbytes.h"

#include <cstdint>
#include <string>

namespace sc {

/// How a connection is protected, as negotiated (not merely as asked for).
struct ConnectionSecurity
{
    bool signing = false;
    bool sealing = false;
    std::string protocol; ///< e.g. "SMB3_11"; empty when unknown
};

/// A bound \PIPE\srvsvc that carries opaque NDR stub data. The codec stays transport-free
/// and the transport stays codec-free, so each can be tested and fuzzed alone.
class RpcTransport
{
public:
    RpcTransport() = default;
    virtual ~RpcTransport() = default;
    // One instance is one connection: a copy would share it.
    RpcTransport(const RpcTransport &) = delete;
    RpcTransport &operator=(const RpcTransport &) = delete;

    /// Sends one request and returns the reply stub. Connects on first use and reconnects
    /// once if the kept-open connection has broken since the last call. The stub is shared and
    /// immutable so that decoded texts can refer to it instead of copying it.
    virtual Result<SharedBytes> call(std::uint16_t opnum, const ByteBuffer &request) = 0;
    /// Opens the connection now (useful to report logon errors before the first poll).
    virtual Result<void> connect() = 0;
    virtual void disconnect() = 0;
    virtual bool isConnected() const = 0;
    virtual ConnectionSecurity security() const = 0;
    /// Local address of the SMB connection as the server sees it ("127.0.0.1"); empty if unknown.
    /// Lets the console find its own session in the list.
    virtual std::string localAddress() const = 0;
};

} // namespace sc
