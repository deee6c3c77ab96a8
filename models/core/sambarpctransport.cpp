// SPDX-License-Identifier: GPL-3.0-or-later
#include "sambarpctransport.h"

#include "kerberoscache.h"
#include "sambaglue.h"

#include <limits>
#include <optional>
#include <utility>

namespace sc {

namespace {

SessionError toSessionError(const sc_samba_error &error)
{
    if (error.fault_code != 0) {
        return SessionError::fromRpcFault(error.fault_code, error.detail);
    }
    return SessionError::fromNtStatus(error.ntstatus, error.detail);
}

// Failures that can come from the logon itself, as opposed to reaching the server.
bool isLogonStage(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::LogonFailure:
    case ErrorKind::NoCredentials:
    case ErrorKind::AccessDenied:
    case ErrorKind::InvalidParameter:
    case ErrorKind::KerberosClockSkew:
    case ErrorKind::KerberosUnknownServer:
    case ErrorKind::Other:
        return true;
    default:
        return false;
    }
}

std::uint32_t toMilliseconds(std::chrono::milliseconds value)
{
    if (value.count() <= 0) {
        return 1;
    }
    if (value.count() > std::numeric_limits<std::uint32_t>::max()) {
        return std::numeric_limits<std::uint32_t>::max();
    }
    return static_cast<std::uint32_t>(value.count());
}

} // namespace

void SambaRpcTransport::ConnectionDeleter::operator()(sc_samba_conn *connection) const noexcept
{
    sc_samba_close(connection);
}

SambaRpcTransport::SambaRpcTransport(ConnectionOptions options)
    : m_options(std::move(options))
{
}

SambaRpcTransport::~SambaRpcTransport() = default;

Result<void> SambaRpcTransport::connect()
{
    if (m_connection) {
        return {};
    }
    const std::string host = normalizedHost(m_options.host);
    if (host.empty()) {
        return SessionError::local(ErrorKind::InvalidComputer, "no server name given");
    }
    if (m_options.port == 0) {
        return SessionError::local(ErrorKind::InvalidParameter, "port 0");
    }

    // What the operator can fix without asking the network: the address instead of the
    // name, no ticket, an expired one. Samba would report all of these vaguely.
    if (m_options.kerberos) {
        if (std::optional<SessionError> problem = KerberosCache::checkBeforeConnect(host))
            return *problem;
    }

    sc_samba_params params {};
    params.host = host.c_str();
    params.port = m_options.port;
    params.domain = m_options.domain.c_str();
    params.user = m_options.user.c_str();
    // Straight from the SecretString: no copy of the password to wipe on our side. Samba
    // keeps its own copy, which the glue wipes when the connection is freed.
    params.password = m_options.kerberos ? nullptr : m_options.password.c_str();
    params.kerberos = m_options.kerberos ? 1 : 0;
    params.require_signing = m_options.requireSigning ? 1 : 0;
    params.require_sealing = m_options.requireSealing ? 1 : 0;
    params.connect_timeout_ms = toMilliseconds(m_options.connectTimeout);
    params.call_timeout_ms = toMilliseconds(m_options.callTimeout);

    sc_samba_conn *raw = nullptr;
    sc_samba_error error {};
    if (sc_samba_connect(&params, &raw, &error) != 0) {
        SessionError failure = toSessionError(error);
        // Samba reduces every Kerberos failure to one or two status codes; asking the KDC
        // ourselves tells the operator which one it was. Never for failures that happen
        // before any logon (name, route, port, time-out): those are already precise.
        if (m_options.kerberos && isLogonStage(failure.kind())) {
            if (std::optional<SessionError> why = KerberosCache::diagnoseFailure(host))
                return *why;
        }
        return failure;
    }
    m_connection.reset(raw);
    ++m_connectCount;

    sc_samba_security security {};
    sc_samba_get_security(m_connection.get(), &security);
    m_security.signing = security.signing != 0;
    m_security.sealing = security.smb_encryption != 0 || security.rpc_privacy != 0;
    m_security.protocol = security.protocol;
    m_localAddress = security.local_address;
    if (m_options.requireSealing && !m_security.sealing) {
        // Samba should have refused already; never hand out an unsealed pipe when asked.
        disconnect();
        return SessionError::local(
            ErrorKind::NotSupported, "the server did not agree to encrypt the connection");
    }
    return {};
}

void SambaRpcTransport::disconnect()
{
    m_connection.reset();
    m_security = {};
    m_localAddress.clear();
}

bool SambaRpcTransport::isConnected() const
{
    return m_connection && sc_samba_is_connected(m_connection.get()) != 0;
}

ConnectionSecurity SambaRpcTransport::security() const
{
    return m_security;
}

std::string SambaRpcTransport::localAddress() const
{
    return m_localAddress;
}

Result<SharedBytes> SambaRpcTransport::call(std::uint16_t opnum, const ByteBuffer &request)
{
    const bool reused = static_cast<bool>(m_connection);
    if (!reused) {
        if (Result<void> connected = connect(); !connected) {
            return connected.error();
        }
    }
    Result<SharedBytes> reply = callOnce(opnum, request);
    // Only a connection that was already open can have broken "since the last call"; one
    // we just opened failing again would fail the same way. A timed-out call is not
    // repeated: the server may have carried it out.
    if (!reply && reused && reply.error().kind() == ErrorKind::ConnectionLost) {
        disconnect();
        if (Result<void> connected = connect(); !connected) {
            return connected.error();
        }
        reply = callOnce(opnum, request);
    }
    return reply;
}

Result<SharedBytes> SambaRpcTransport::callOnce(std::uint16_t opnum, const ByteBuffer &request)
{
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    sc_samba_error error {};
    if (sc_samba_call(
            m_connection.get(), opnum, request.data(), request.size(), &data, &size, &error)
        != 0) {
        SessionError failure = toSessionError(error);
        if (error.connection_broken != 0) {
            disconnect();
        }
        return failure;
    }
    return SharedBytes(data, size);
}

} // namespace sc
