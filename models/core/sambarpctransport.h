// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "rpctransport.h"

#include <memory>

struct sc_samba_conn;

namespace sc {

/// RpcTransport over Samba's DCE/RPC client (Linux): \PIPE\srvsvc on SMB2/3, NTLM or
/// Kerberos, signing required by default.
///
/// The connection stays open between calls (one RPC per call). If the kept connection has
/// broken since the last call (server restarted, idle disconnect, our own session ended),
/// call() reconnects once and sends the request again; a call that timed out is not
/// repeated. Not thread-safe: one owner thread per instance. Instances on different
/// threads work, but Samba's process-wide state makes their Samba calls take turns.
class SambaRpcTransport : public RpcTransport
{
public:
    explicit SambaRpcTransport(ConnectionOptions options);
    ~SambaRpcTransport() override;
    SambaRpcTransport(const SambaRpcTransport &) = delete;
    SambaRpcTransport &operator=(const SambaRpcTransport &) = delete;

    Result<SharedBytes> call(std::uint16_t opnum, const ByteBuffer &request) override;
    Result<void> connect() override;
    void disconnect() override;
    bool isConnected() const override;
    /// Signing is reported when we required it (Samba has no getter for the negotiated
    /// state) or when encryption implies it; protocol is the negotiated dialect ("SMB3_11"), or
    /// empty if unknown.
    ConnectionSecurity security() const override;
    std::string localAddress() const override;

    /// Connections established so far, including reconnects (diagnostics and tests).
    int connectCount() const { return m_connectCount; }

private:
    struct ConnectionDeleter
    {
        void operator()(sc_samba_conn *connection) const noexcept;
    };

    Result<SharedBytes> callOnce(std::uint16_t opnum, const ByteBuffer &request);

    ConnectionOptions m_options;
    std::unique_ptr<sc_samba_conn, ConnectionDeleter> m_connection;
    ConnectionSecurity m_security;
    std::string m_localAddress;
    int m_connectCount = 0;
};

} // namespace sc
