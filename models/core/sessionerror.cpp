// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionerror.h"

#include <array>
#include <cstdio>
#include <utility>

namespace sc {

namespace {

struct CodeEntry
{
    std::uint32_t code;
    const char *name;
    ErrorKind kind;
};

// Win32 and NERR codes (winerror.h, lmerr.h) that the session functions and the RPC runtime
// return. Anything not listed classifies as Other and prints as a bare number.
constexpr std::array kWin32 {
    CodeEntry {win32::Success, "NERR_Success", ErrorKind::Other},
    CodeEntry {win32::FileNotFound, "ERROR_FILE_NOT_FOUND", ErrorKind::FileNotFound},
    CodeEntry {win32::AccessDenied, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied},
    CodeEntry {win32::NotEnoughMemory, "ERROR_NOT_ENOUGH_MEMORY", ErrorKind::Other},
    CodeEntry {50, "ERROR_NOT_SUPPORTED", ErrorKind::NotSupported},
    CodeEntry {53, "ERROR_BAD_NETPATH", ErrorKind::HostNotFound},
    CodeEntry {58, "ERROR_BAD_NET_RESP", ErrorKind::ProtocolError},
    CodeEntry {59, "ERROR_UNEXP_NET_ERR", ErrorKind::ConnectionLost},
    CodeEntry {64, "ERROR_NETNAME_DELETED", ErrorKind::ConnectionLost},
    CodeEntry {65, "ERROR_NETWORK_ACCESS_DENIED", ErrorKind::AccessDenied},
    // The IPC$ share is missing: the Server service is not running.
    CodeEntry {67, "ERROR_BAD_NET_NAME", ErrorKind::ServerNotStarted},
    CodeEntry {86, "ERROR_INVALID_PASSWORD", ErrorKind::LogonFailure},
    CodeEntry {win32::InvalidParameter, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidParameter},
    CodeEntry {121, "ERROR_SEM_TIMEOUT", ErrorKind::Timeout},
    // What NetSessionEnum answers for a syntactically bad server name.
    CodeEntry {123, "ERROR_INVALID_NAME", ErrorKind::InvalidComputer},
    CodeEntry {win32::InvalidLevel, "ERROR_INVALID_LEVEL", ErrorKind::InvalidLevel},
    CodeEntry {win32::MoreData, "ERROR_MORE_DATA", ErrorKind::Other},
    CodeEntry {1219, "ERROR_SESSION_CREDENTIAL_CONFLICT", ErrorKind::Other},
    CodeEntry {1222, "ERROR_NO_NETWORK", ErrorKind::Unreachable},
    CodeEntry {1225, "ERROR_CONNECTION_REFUSED", ErrorKind::ConnectionRefused},
    CodeEntry {1231, "ERROR_NETWORK_UNREACHABLE", ErrorKind::Unreachable},
    CodeEntry {1232, "ERROR_HOST_UNREACHABLE", ErrorKind::Unreachable},
    CodeEntry {1236, "ERROR_CONNECTION_ABORTED", ErrorKind::ConnectionLost},
    CodeEntry {1244, "ERROR_NOT_AUTHENTICATED", ErrorKind::LogonFailure},
    CodeEntry {1311, "ERROR_NO_LOGON_SERVERS", ErrorKind::LogonFailure},
    CodeEntry {win32::LogonFailure, "ERROR_LOGON_FAILURE", ErrorKind::LogonFailure},
    CodeEntry {1327, "ERROR_ACCOUNT_RESTRICTION", ErrorKind::LogonFailure},
    CodeEntry {1328, "ERROR_INVALID_LOGON_HOURS", ErrorKind::LogonFailure},
    CodeEntry {1329, "ERROR_INVALID_WORKSTATION", ErrorKind::LogonFailure},
    CodeEntry {1330, "ERROR_PASSWORD_EXPIRED", ErrorKind::LogonFailure},
    CodeEntry {1331, "ERROR_ACCOUNT_DISABLED", ErrorKind::LogonFailure},
    CodeEntry {1396, "ERROR_WRONG_TARGET_NAME", ErrorKind::KerberosUnknownServer},
    CodeEntry {1398, "ERROR_TIME_SKEW", ErrorKind::KerberosClockSkew},
    CodeEntry {1460, "ERROR_TIMEOUT", ErrorKind::Timeout},
    CodeEntry {1717, "RPC_S_UNKNOWN_IF", ErrorKind::ServerNotStarted},
    CodeEntry {1722, "RPC_S_SERVER_UNAVAILABLE", ErrorKind::Unreachable},
    CodeEntry {1726, "RPC_S_CALL_FAILED", ErrorKind::ConnectionLost},
    CodeEntry {1727, "RPC_S_CALL_FAILED_DNE", ErrorKind::ProtocolError},
    CodeEntry {1753, "EPT_S_NOT_REGISTERED", ErrorKind::ServerNotStarted},
    CodeEntry {1783, "RPC_X_BAD_STUB_DATA", ErrorKind::ProtocolError},
    CodeEntry {1818, "RPC_S_CALL_CANCELLED", ErrorKind::Timeout},
    CodeEntry {1907, "ERROR_PASSWORD_MUST_CHANGE", ErrorKind::LogonFailure},
    CodeEntry {1909, "ERROR_ACCOUNT_LOCKED_OUT", ErrorKind::LogonFailure},
    CodeEntry {2102, "NERR_NetNotStarted", ErrorKind::ServerNotStarted},
    CodeEntry {win32::NerrServerNotStarted, "NERR_ServerNotStarted", ErrorKind::ServerNotStarted},
    CodeEntry {2123, "NERR_BufTooSmall", ErrorKind::Other},
    CodeEntry {2138, "NERR_WkstaNotStarted", ErrorKind::ServerNotStarted},
    CodeEntry {win32::NerrUserNotFound, "NERR_UserNotFound", ErrorKind::UserNotFound},
    CodeEntry {
        win32::NerrClientNameNotFound, "NERR_ClientNameNotFound", ErrorKind::ClientNameNotFound},
    CodeEntry {win32::NerrInvalidComputer, "NERR_InvalidComputer", ErrorKind::InvalidComputer},
};

// NTSTATUS values the SMB/RPC transport produces (Samba's ntstatus_gen.h, MS-ERREF 2.3).
constexpr std::array kNtStatus {
    CodeEntry {0x00000000, "NT_STATUS_OK", ErrorKind::Other},
    CodeEntry {0xC0000001, "NT_STATUS_UNSUCCESSFUL", ErrorKind::Other},
    CodeEntry {0xC0000008, "NT_STATUS_INVALID_HANDLE", ErrorKind::ConnectionLost},
    CodeEntry {0xC000000D, "NT_STATUS_INVALID_PARAMETER", ErrorKind::InvalidParameter},
    CodeEntry {0xC0000011, "NT_STATUS_END_OF_FILE", ErrorKind::ConnectionLost},
    CodeEntry {0xC0000017, "NT_STATUS_NO_MEMORY", ErrorKind::Other},
    CodeEntry {0xC0000022, "NT_STATUS_ACCESS_DENIED", ErrorKind::AccessDenied},
    // Opening \PIPE\srvsvc failed: no Server service behind it.
    CodeEntry {0xC0000034, "NT_STATUS_OBJECT_NAME_NOT_FOUND", ErrorKind::ServerNotStarted},
    CodeEntry {0xC000005E, "NT_STATUS_NO_LOGON_SERVERS", ErrorKind::LogonFailure},
    CodeEntry {0xC000005F, "NT_STATUS_NO_SUCH_LOGON_SESSION", ErrorKind::NoCredentials},
    CodeEntry {0xC0000062, "NT_STATUS_INVALID_ACCOUNT_NAME", ErrorKind::LogonFailure},
    CodeEntry {0xC0000064, "NT_STATUS_NO_SUCH_USER", ErrorKind::LogonFailure},
    CodeEntry {0xC000006A, "NT_STATUS_WRONG_PASSWORD", ErrorKind::LogonFailure},
    CodeEntry {0xC000006D, "NT_STATUS_LOGON_FAILURE", ErrorKind::LogonFailure},
    CodeEntry {0xC000006E, "NT_STATUS_ACCOUNT_RESTRICTION", ErrorKind::LogonFailure},
    CodeEntry {0xC000006F, "NT_STATUS_INVALID_LOGON_HOURS", ErrorKind::LogonFailure},
    CodeEntry {0xC0000070, "NT_STATUS_INVALID_WORKSTATION", ErrorKind::LogonFailure},
    CodeEntry {0xC0000071, "NT_STATUS_PASSWORD_EXPIRED", ErrorKind::LogonFailure},
    CodeEntry {0xC0000072, "NT_STATUS_ACCOUNT_DISABLED", ErrorKind::LogonFailure},
    CodeEntry {0xC00000AC, "NT_STATUS_PIPE_NOT_AVAILABLE", ErrorKind::ServerNotStarted},
    CodeEntry {0xC00000B0, "NT_STATUS_PIPE_DISCONNECTED", ErrorKind::ConnectionLost},
    CodeEntry {0xC00000B1, "NT_STATUS_PIPE_CLOSING", ErrorKind::ConnectionLost},
    CodeEntry {0xC00000B5, "NT_STATUS_IO_TIMEOUT", ErrorKind::Timeout},
    CodeEntry {0xC00000BB, "NT_STATUS_NOT_SUPPORTED", ErrorKind::NotSupported},
    // What Windows reports for a server name it cannot find; the Samba transport uses it
    // when name resolution fails (Samba itself would say OBJECT_NAME_NOT_FOUND).
    CodeEntry {0xC00000BE, "NT_STATUS_BAD_NETWORK_PATH", ErrorKind::HostNotFound},
    CodeEntry {0xC00000C3, "NT_STATUS_INVALID_NETWORK_RESPONSE", ErrorKind::ProtocolError},
    CodeEntry {0xC00000C4, "NT_STATUS_UNEXPECTED_NETWORK_ERROR", ErrorKind::ConnectionLost},
    CodeEntry {0xC00000C9, "NT_STATUS_NETWORK_NAME_DELETED", ErrorKind::ConnectionLost},
    CodeEntry {0xC00000CA, "NT_STATUS_NETWORK_ACCESS_DENIED", ErrorKind::AccessDenied},
    // The IPC$ share is missing: the Server service is not running.
    CodeEntry {0xC00000CC, "NT_STATUS_BAD_NETWORK_NAME", ErrorKind::ServerNotStarted},
    CodeEntry {0xC00000CE, "NT_STATUS_TOO_MANY_SESSIONS", ErrorKind::Other},
    CodeEntry {0xC00000E5, "NT_STATUS_INTERNAL_ERROR", ErrorKind::Other},
    CodeEntry {0xC0000122, "NT_STATUS_INVALID_COMPUTER_NAME", ErrorKind::InvalidComputer},
    CodeEntry {0xC0000133, "NT_STATUS_TIME_DIFFERENCE_AT_DC", ErrorKind::KerberosClockSkew},
    CodeEntry {0xC000013B, "NT_STATUS_LOCAL_DISCONNECT", ErrorKind::ConnectionLost},
    CodeEntry {0xC000013C, "NT_STATUS_REMOTE_DISCONNECT", ErrorKind::ConnectionLost},
    CodeEntry {0xC0000148, "NT_STATUS_INVALID_LEVEL", ErrorKind::InvalidLevel},
    CodeEntry {0xC000014B, "NT_STATUS_PIPE_BROKEN", ErrorKind::ConnectionLost},
    CodeEntry {0xC000015B, "NT_STATUS_LOGON_TYPE_NOT_GRANTED", ErrorKind::LogonFailure},
    CodeEntry {0xC0000193, "NT_STATUS_ACCOUNT_EXPIRED", ErrorKind::LogonFailure},
    CodeEntry {0xC0000203, "NT_STATUS_USER_SESSION_DELETED", ErrorKind::ConnectionLost},
    CodeEntry {0xC0000205, "NT_STATUS_INSUFF_SERVER_RESOURCES", ErrorKind::Other},
    CodeEntry {0xC000020C, "NT_STATUS_CONNECTION_DISCONNECTED", ErrorKind::ConnectionLost},
    CodeEntry {0xC000020D, "NT_STATUS_CONNECTION_RESET", ErrorKind::ConnectionLost},
    CodeEntry {0xC0000224, "NT_STATUS_PASSWORD_MUST_CHANGE", ErrorKind::LogonFailure},
    CodeEntry {0xC0000234, "NT_STATUS_ACCOUNT_LOCKED_OUT", ErrorKind::LogonFailure},
    CodeEntry {0xC0000236, "NT_STATUS_CONNECTION_REFUSED", ErrorKind::ConnectionRefused},
    CodeEntry {0xC000023C, "NT_STATUS_NETWORK_UNREACHABLE", ErrorKind::Unreachable},
    CodeEntry {0xC000023D, "NT_STATUS_HOST_UNREACHABLE", ErrorKind::Unreachable},
    // ICMP port unreachable: nothing listens there, like a refused TCP connect.
    CodeEntry {0xC000023F, "NT_STATUS_PORT_UNREACHABLE", ErrorKind::ConnectionRefused},
    CodeEntry {0xC0000241, "NT_STATUS_CONNECTION_ABORTED", ErrorKind::ConnectionLost},
    CodeEntry {0xC00002EF, "NT_STATUS_NO_TGT_REPLY", ErrorKind::NoCredentials},
    CodeEntry {0xC00002F2, "NT_STATUS_WRONG_CREDENTIAL_HANDLE", ErrorKind::NoCredentials},
    CodeEntry {0xC0000320, "NT_STATUS_PKINIT_FAILURE", ErrorKind::NoCredentials},
    CodeEntry {0xC0000322, "NT_STATUS_NO_KERB_KEY", ErrorKind::NoCredentials},
    CodeEntry {0xC0000350, "NT_STATUS_HOST_DOWN", ErrorKind::Unreachable},
    CodeEntry {0xC000035C, "NT_STATUS_NETWORK_SESSION_EXPIRED", ErrorKind::ConnectionLost},
    CodeEntry {0xC0000388, "NT_STATUS_DOWNGRADE_DETECTED", ErrorKind::ProtocolError},
    CodeEntry {0xC000040E, "NT_STATUS_KDC_CERT_EXPIRED", ErrorKind::NoCredentials},
    CodeEntry {0xC0000413, "NT_STATUS_AUTHENTICATION_FIREWALL_FAILED", ErrorKind::LogonFailure},
    CodeEntry {0xC0020012, "NT_STATUS_RPC_UNKNOWN_IF", ErrorKind::ServerNotStarted},
    CodeEntry {0xC0020017, "NT_STATUS_RPC_SERVER_UNAVAILABLE", ErrorKind::Unreachable},
    CodeEntry {0xC002001B, "NT_STATUS_RPC_CALL_FAILED", ErrorKind::ConnectionLost},
    CodeEntry {0xC002001D, "NT_STATUS_RPC_PROTOCOL_ERROR", ErrorKind::ProtocolError},
    CodeEntry {0xC002002E, "NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE", ErrorKind::ProtocolError},
    CodeEntry {0xC0020050, "NT_STATUS_RPC_CALL_CANCELLED", ErrorKind::Timeout},
    CodeEntry {0xC0020057, "NT_STATUS_RPC_SEC_PKG_ERROR", ErrorKind::LogonFailure},
    CodeEntry {0xC003000C, "NT_STATUS_RPC_BAD_STUB_DATA", ErrorKind::ProtocolError},
};

// DCE/RPC fault codes (C706 appendix E, MS-RPCE 2.2.2.6). A fault is the server refusing
// the call itself, so apart from access denied it means we and the server disagree.
constexpr std::array kRpcFault {
    CodeEntry {0x00000005, "rpc_s_access_denied", ErrorKind::AccessDenied},
    CodeEntry {0x000006BA, "rpc_s_server_unavailable", ErrorKind::Unreachable},
    CodeEntry {0x000006D8, "rpc_s_cannot_support", ErrorKind::NotSupported},
    CodeEntry {0x000006D9, "rpc_s_out_of_resources", ErrorKind::Other},
    CodeEntry {0x000006F7, "rpc_x_bad_stub_data", ErrorKind::ProtocolError},
    CodeEntry {0x1C000006, "nca_s_fault_invalid_tag", ErrorKind::ProtocolError},
    CodeEntry {0x1C000007, "nca_s_fault_invalid_bound", ErrorKind::ProtocolError},
    CodeEntry {0x1C00000D, "nca_s_fault_cancel", ErrorKind::Timeout},
    CodeEntry {0x1C000012, "nca_s_fault_unspec", ErrorKind::ProtocolError},
    CodeEntry {0x1C00001A, "nca_s_fault_context_mismatch", ErrorKind::ProtocolError},
    CodeEntry {0x1C00001B, "nca_s_fault_remote_no_memory", ErrorKind::Other},
    CodeEntry {0x1C00001D, "nca_s_unsupported_authn_level", ErrorKind::NotSupported},
    CodeEntry {0x1C010001, "nca_s_comm_failure", ErrorKind::ConnectionLost},
    CodeEntry {0x1C010002, "nca_s_op_rng_error", ErrorKind::ProtocolError},
    CodeEntry {0x1C010003, "nca_s_unk_if", ErrorKind::ServerNotStarted},
    CodeEntry {0x1C01000B, "nca_s_proto_error", ErrorKind::ProtocolError},
    CodeEntry {0x1C010013, "nca_s_out_args_too_big", ErrorKind::ProtocolError},
    CodeEntry {0x1C010014, "nca_s_server_too_busy", ErrorKind::Other},
    CodeEntry {0x1C010017, "nca_s_unsupported_type", ErrorKind::ProtocolError},
};

// Kerberos errors (MIT krb5.h and Heimdal share these com_err values) that tell an operator
// what to fix. Stored as the bit pattern of the negative krb5_error_code.
constexpr std::uint32_t krb(std::int32_t code)
{
    return static_cast<std::uint32_t>(code);
}
constexpr std::array kKerberos {
    CodeEntry {krb(-1765328378), "KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN", ErrorKind::LogonFailure},
    CodeEntry {
        krb(-1765328377), "KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN", ErrorKind::KerberosUnknownServer},
    CodeEntry {krb(-1765328352), "KRB5KRB_AP_ERR_TKT_EXPIRED", ErrorKind::KerberosTicketExpired},
    CodeEntry {krb(-1765328347), "KRB5KRB_AP_ERR_SKEW", ErrorKind::KerberosClockSkew},
    CodeEntry {krb(-1765328243), "KRB5_CC_NOTFOUND", ErrorKind::NoCredentials},
    CodeEntry {krb(-1765328230), "KRB5_REALM_UNKNOWN", ErrorKind::KerberosRealmUnreachable},
    CodeEntry {krb(-1765328228), "KRB5_KDC_UNREACH", ErrorKind::KerberosRealmUnreachable},
    CodeEntry {krb(-1765328189), "KRB5_FCC_NOFILE", ErrorKind::NoCredentials},
    CodeEntry {krb(-1765328164), "KRB5_REALM_CANT_RESOLVE", ErrorKind::KerberosRealmUnreachable},
};

template<std::size_t N>
const CodeEntry *find(const std::array<CodeEntry, N> &table, std::uint32_t code)
{
    for (const CodeEntry &entry : table) {
        if (entry.code == code) {
            return &entry;
        }
    }
    return nullptr;
}

std::string hex(std::uint32_t code)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", code);
    return text;
}

} // namespace

SessionError::SessionError(ErrorKind kind, CodeSpace space, std::uint32_t code, std::string detail)
    : m_kind(kind)
    , m_space(space)
    , m_code(code)
    , m_detail(std::move(detail))
{
}

SessionError SessionError::fromWin32(std::uint32_t code, std::string detail)
{
    const CodeEntry *entry = find(kWin32, code);
    return {entry != nullptr ? entry->kind : ErrorKind::Other, CodeSpace::Win32, code,
        std::move(detail)};
}

SessionError SessionError::fromNtStatus(std::uint32_t status, std::string detail)
{
    const CodeEntry *entry = find(kNtStatus, status);
    ErrorKind kind = entry != nullptr ? entry->kind : ErrorKind::Other;
    // Facility RPC (0xC002xxxx) and RPC NDR (0xC003xxxx) statuses we do not list are
    // still disagreements at the RPC level.
    if (entry == nullptr
        && ((status & 0xFFFF0000u) == 0xC0020000u || (status & 0xFFFF0000u) == 0xC0030000u)) {
        kind = ErrorKind::ProtocolError;
    }
    return {kind, CodeSpace::NtStatus, status, std::move(detail)};
}

SessionError SessionError::fromRpcFault(std::uint32_t fault, std::string detail)
{
    const CodeEntry *entry = find(kRpcFault, fault);
    return {entry != nullptr ? entry->kind : ErrorKind::ProtocolError, CodeSpace::RpcFault, fault,
        std::move(detail)};
}

SessionError SessionError::fromKerberos(std::int32_t code, ErrorKind fallback, std::string detail)
{
    const CodeEntry *entry = find(kKerberos, krb(code));
    return {entry != nullptr ? entry->kind : fallback, CodeSpace::Kerberos, krb(code),
        std::move(detail)};
}

SessionError SessionError::local(ErrorKind kind, std::string detail)
{
    return {kind, CodeSpace::None, 0, std::move(detail)};
}

std::string SessionError::codeText() const
{
    switch (m_space) {
    case CodeSpace::None:
        return {};
    case CodeSpace::Win32:
        if (const CodeEntry *entry = find(kWin32, m_code)) {
            return std::string(entry->name) + " (" + std::to_string(m_code) + ')';
        }
        return "Win32 error " + std::to_string(m_code);
    case CodeSpace::NtStatus:
        if (const CodeEntry *entry = find(kNtStatus, m_code)) {
            return std::string(entry->name) + " (" + hex(m_code) + ')';
        }
        return "NTSTATUS " + hex(m_code);
    case CodeSpace::RpcFault:
        if (const CodeEntry *entry = find(kRpcFault, m_code)) {
            return std::string(entry->name) + " (" + hex(m_code) + ')';
        }
        return "DCE/RPC fault " + hex(m_code);
    case CodeSpace::Kerberos:
        // Printed signed, as kinit, klist and the Kerberos documentation show them.
        if (const CodeEntry *entry = find(kKerberos, m_code)) {
            return std::string(entry->name) + " ("
                + std::to_string(static_cast<std::int32_t>(m_code)) + ')';
        }
        return "Kerberos error " + std::to_string(static_cast<std::int32_t>(m_code));
    }
    return {};
}

std::string SessionError::message() const
{
    switch (m_kind) {
    case ErrorKind::AccessDenied:
        return "Access denied: listing and ending sessions needs administrator rights on the "
               "server (on a Samba server, ending sessions that do not exist is also answered "
               "with access denied).";
    case ErrorKind::InvalidParameter:
        return "The server rejected a parameter of the request as invalid.";
    case ErrorKind::InvalidLevel:
        return "The server does not provide session information at this level of detail.";
    case ErrorKind::UserNotFound:
        return "The server has no session for this user name.";
    case ErrorKind::ClientNameNotFound:
        return "The server has no session from this client computer.";
    case ErrorKind::InvalidComputer:
        return "The server name is not valid.";
    case ErrorKind::ServerNotStarted:
        return "The Server service is not running on that computer, so it cannot report or "
               "end sessions.";
    case ErrorKind::SessionNotFound:
        return "No session matches this client and user; it may have ended already.";
    case ErrorKind::LogonFailure:
        return "The server did not accept the logon: check the user name, password and domain, "
               "and that the account is enabled and not locked out or expired.";
    case ErrorKind::NoCredentials:
        return "Kerberos logon was requested but there is no Kerberos ticket; run kinit "
               "or log on with a password.";
    case ErrorKind::KerberosTicketExpired:
        return "The Kerberos ticket has expired; run kinit again or log on with a password.";
    case ErrorKind::KerberosNeedsServerName:
        return "Kerberos needs the server's name, not its address; give its full DNS name.";
    case ErrorKind::KerberosUnknownServer:
        return "The domain has no Kerberos service principal (cifs/NAME) for this server name; "
               "use the server's own full DNS name.";
    case ErrorKind::KerberosClockSkew:
        return "The clocks of this computer and the domain differ too much for Kerberos; "
               "correct the time.";
    case ErrorKind::KerberosRealmUnreachable:
        return "No domain controller (KDC) of the Kerberos realm could be reached; check the "
               "network and the Kerberos configuration.";
    case ErrorKind::HostNotFound:
        return "The server name could not be resolved to an address.";
    case ErrorKind::Unreachable:
        return "The server cannot be reached over the network.";
    case ErrorKind::ConnectionRefused:
        return "The server refused the connection: nothing accepts SMB connections on that "
               "port.";
    case ErrorKind::Timeout:
        return "The server did not answer in time.";
    case ErrorKind::ConnectionLost:
        return "The connection to the server was lost.";
    case ErrorKind::MalformedReply:
        return "The server sent a reply that could not be decoded.";
    case ErrorKind::ProtocolError:
        return "The server rejected the request at the protocol level.";
    case ErrorKind::NotSupported:
        return "This operation is not supported here.";
    case ErrorKind::FileNotFound:
        return "No file with this id is open on the server; it may have been closed already.";
    case ErrorKind::WorkerUnavailable:
        return "The program could not start its worker process for server connections "
               "(sessionconsole-rpcworker); the installation may be incomplete.";
    case ErrorKind::Other:
        break;
    }
    return "The operation failed with an unexpected error.";
}

bool isCredentialProblem(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::NoCredentials:
    case ErrorKind::KerberosTicketExpired:
    case ErrorKind::KerberosNeedsServerName:
    case ErrorKind::KerberosUnknownServer:
    case ErrorKind::KerberosClockSkew:
    case ErrorKind::KerberosRealmUnreachable:
        return true;
    default:
        return false;
    }
}

const char *errorKindId(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied:
        return "access-denied";
    case ErrorKind::InvalidParameter:
        return "invalid-parameter";
    case ErrorKind::InvalidLevel:
        return "invalid-level";
    case ErrorKind::UserNotFound:
        return "user-not-found";
    case ErrorKind::ClientNameNotFound:
        return "client-name-not-found";
    case ErrorKind::InvalidComputer:
        return "invalid-computer";
    case ErrorKind::ServerNotStarted:
        return "server-not-started";
    case ErrorKind::SessionNotFound:
        return "session-not-found";
    case ErrorKind::LogonFailure:
        return "logon-failure";
    case ErrorKind::NoCredentials:
        return "no-credentials";
    case ErrorKind::HostNotFound:
        return "host-not-found";
    case ErrorKind::Unreachable:
        return "unreachable";
    case ErrorKind::ConnectionRefused:
        return "connection-refused";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::ConnectionLost:
        return "connection-lost";
    case ErrorKind::MalformedReply:
        return "malformed-reply";
    case ErrorKind::ProtocolError:
        return "protocol-error";
    case ErrorKind::NotSupported:
        return "not-supported";
    case ErrorKind::FileNotFound:
        return "file-not-found";
    case ErrorKind::KerberosTicketExpired:
        return "kerberos-ticket-expired";
    case ErrorKind::KerberosNeedsServerName:
        return "kerberos-needs-server-name";
    case ErrorKind::KerberosUnknownServer:
        return "kerberos-unknown-server";
    case ErrorKind::KerberosClockSkew:
        return "kerberos-clock-skew";
    case ErrorKind::KerberosRealmUnreachable:
        return "kerberos-realm-unreachable";
    case ErrorKind::WorkerUnavailable:
        return "worker-unavailable";
    case ErrorKind::Other:
        break;
    }
    return "other";
}

} // namespace sc
