// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace sc {

/// What went wrong, independent of the code space it came from. The Qt layer translates
/// by kind (the core has no translations); sessionctl maps kinds to exit codes.
enum class ErrorKind {
    AccessDenied, ///< ERROR_ACCESS_DENIED / NT_STATUS_ACCESS_DENIED: needs administrator rights
    InvalidParameter, ///< ERROR_INVALID_PARAMETER 87, also our own argument checks
    InvalidLevel, ///< ERROR_INVALID_LEVEL 124: the server does not serve this info level
    UserNotFound, ///< NERR_UserNotFound 2221
    ClientNameNotFound, ///< NERR_ClientNameNotFound 2312
    InvalidComputer, ///< NERR_InvalidComputer 2351
    ServerNotStarted, ///< NERR_ServerNotStarted 2114, or no srvsvc pipe
    SessionNotFound, ///< getInfo matched no session (client side)
    LogonFailure, ///< wrong user name or password, disabled or expired account
    NoCredentials, ///< Kerberos asked for but no ticket in the credentials cache
    HostNotFound, ///< name resolution failed
    Unreachable, ///< no route to host / network
    ConnectionRefused, ///< nothing listens on that port
    Timeout, ///< connect or call exceeded its timeout
    ConnectionLost, ///< the connection broke during a call
    MalformedReply, ///< the reply failed our NDR bounds checks
    ProtocolError, ///< RPC fault or other protocol-level failure
    NotSupported, ///< the backend cannot do this (e.g. Kerberos on a build without it)
    FileNotFound, ///< ERROR_FILE_NOT_FOUND 2: no open file has this id
    KerberosTicketExpired, ///< the ticket-granting ticket in the cache has expired
    KerberosNeedsServerName, ///< Kerberos with the server given as an address, not its name
    KerberosUnknownServer, ///< the KDC knows no cifs/<server> principal (SPN) for that name
    KerberosClockSkew, ///< our clock and the KDC's or server's differ too much
    KerberosRealmUnreachable, ///< no KDC of the realm answers (or the realm is unknown)
    WorkerUnavailable, ///< our own Samba worker process (sessionconsole-rpcworker) did not start
    Other, ///< any code we do not classify; code() tells which
};

/// Where code() comes from, so it can be printed the way administrators look it up.
enum class CodeSpace {
    None, ///< produced locally, no server code
    Win32, ///< Win32 / NERR / WERROR value
    NtStatus, ///< NTSTATUS
    RpcFault, ///< DCE/RPC fault code
    Kerberos, ///< krb5_error_code (com_err value, negative, stored as its bit pattern)
};

/// Win32 and NERR codes the session functions return (winerror.h, lmerr.h).
namespace win32 {
inline constexpr std::uint32_t Success = 0;
inline constexpr std::uint32_t FileNotFound = 2;
inline constexpr std::uint32_t AccessDenied = 5;
inline constexpr std::uint32_t NotEnoughMemory = 8;
inline constexpr std::uint32_t BadNetPath = 53; ///< server name not found (like HostNotFound)
inline constexpr std::uint32_t InvalidParameter = 87;
inline constexpr std::uint32_t InvalidLevel = 124;
inline constexpr std::uint32_t MoreData = 234;
inline constexpr std::uint32_t LogonFailure = 1326;
inline constexpr std::uint32_t NerrServerNotStarted = 2114;
inline constexpr std::uint32_t NerrUserNotFound = 2221;
inline constexpr std::uint32_t NerrClientNameNotFound = 2312;
inline constexpr std::uint32_t NerrInvalidComputer = 2351;
} // namespace win32

/// A typed error with the server's code and a plain English message.
class SessionError
{
public:
    SessionError() = default;
    SessionError(ErrorKind kind, CodeSpace space, std::uint32_t code, std::string detail = {});

    /// Classifies a Win32/NERR status returned by NetrSessionEnum/NetrSessionDel.
    static SessionError fromWin32(std::uint32_t code, std::string detail = {});
    /// Classifies an NTSTATUS from the SMB/RPC transport.
    static SessionError fromNtStatus(std::uint32_t status, std::string detail = {});
    /// Classifies a DCE/RPC fault code (the server refused the call itself).
    static SessionError fromRpcFault(std::uint32_t fault, std::string detail = {});
    /// Classifies a Kerberos library error (krb5_error_code) met while getting a service
    /// ticket; @p fallback is the kind for codes we do not single out.
    static SessionError fromKerberos(
        std::int32_t code, ErrorKind fallback, std::string detail = {});
    /// An error produced on this side (argument checks, decoder, timeouts).
    static SessionError local(ErrorKind kind, std::string detail = {});

    ErrorKind kind() const { return m_kind; }
    CodeSpace codeSpace() const { return m_space; }
    std::uint32_t code() const { return m_code; }
    /// Technical context (e.g. which field of a reply was malformed). Never contains secrets.
    const std::string &detail() const { return m_detail; }

    /// "ERROR_ACCESS_DENIED (5)", "NT_STATUS_LOGON_FAILURE (0xc000006d)", or "" for local errors.
    std::string codeText() const;
    /// One plain English sentence for logs and the C++-only tools; UIs translate by kind().
    std::string message() const;

    friend bool operator==(const SessionError &, const SessionError &) = default;

private:
    ErrorKind m_kind = ErrorKind::Other;
    CodeSpace m_space = CodeSpace::None;
    std::uint32_t m_code = 0;
    std::string m_detail;
};

/// True for the Kerberos failures and missing credentials that another logon (Connect As:
/// a new ticket, the server's name, or a password) can fix.
bool isCredentialProblem(ErrorKind kind);

/// Stable identifier of a kind, e.g. "access-denied" (used in --json output).
const char *errorKindId(ErrorKind kind);

} // namespace sc
