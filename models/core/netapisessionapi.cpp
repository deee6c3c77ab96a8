// SPDX-License-Identifier: GPL-3.0-or-later
#include "netapisessionapi.h"

#include <windows.h>

#include <lm.h>
#include <winnetwk.h>

#include <memory>
#include <utility>
#include <vector>

namespace sc {

static_assert(sizeof(wchar_t) == sizeof(char16_t), "Windows' wchar_t is UTF-16");

// GetInfo goes through SessionApi::getInfo (an enumeration with both filters) rather than
// NetSessionGetInfo: that keeps the level fallback, the not-found answers and the case
// folding identical on both platforms, costs the same single round trip against Windows
// (which filters server-side), and works against Samba servers, which do not filter.

namespace {

struct NetApiBufferDeleter
{
    void operator()(void *buffer) const { NetApiBufferFree(buffer); }
};
using NetApiBuffer = std::unique_ptr<void, NetApiBufferDeleter>;

std::wstring toWide(std::u16string_view s)
{
    return std::wstring(s.begin(), s.end());
}

std::u16string fromWide(const wchar_t *s)
{
    if (!s)
        return {};
    return std::u16string(reinterpret_cast<const char16_t *>(s));
}

// The zero-terminated mutable copy netapi32's LMSTR parameters want, or null.
struct WideArg
{
    explicit WideArg(const std::u16string *s)
    {
        if (s) {
            value = toWide(*s);
            present = true;
        }
    }
    LMSTR get() { return present ? value.data() : nullptr; }

    std::wstring value;
    bool present = false;
};

// netapi32 reports transport failures as plain Win32 or RPC codes, which fromWin32 does
// not know as network conditions.
SessionError netApiError(DWORD code, const char *call)
{
    auto network = [&](ErrorKind kind) { return SessionError(kind, CodeSpace::Win32, code, call); };
    switch (code) {
    case ERROR_BAD_NETPATH:
    case ERROR_NETWORK_UNREACHABLE:
    case ERROR_HOST_UNREACHABLE:
    case RPC_S_SERVER_UNAVAILABLE:
        return network(ErrorKind::Unreachable);
    case ERROR_CONNECTION_REFUSED:
        return network(ErrorKind::ConnectionRefused);
    case ERROR_NETNAME_DELETED:
    case ERROR_UNEXP_NET_ERR:
    case RPC_S_CALL_FAILED:
        return network(ErrorKind::ConnectionLost);
    case ERROR_SEM_TIMEOUT:
    case ERROR_TIMEOUT:
        return network(ErrorKind::Timeout);
    case ERROR_BAD_NET_NAME:
        return network(ErrorKind::ServerNotStarted);
    case ERROR_SESSION_CREDENTIAL_CONFLICT:
    case ERROR_ACCOUNT_DISABLED:
    case ERROR_ACCOUNT_EXPIRED:
    case ERROR_PASSWORD_EXPIRED:
    case ERROR_ACCOUNT_RESTRICTION:
        return network(ErrorKind::LogonFailure);
    case RPC_S_PROCNUM_OUT_OF_RANGE:
    case RPC_S_UNKNOWN_IF:
        return network(ErrorKind::ProtocolError);
    default:
        return SessionError::fromWin32(code, call);
    }
}

SessionInfo convert(const SESSION_INFO_0 &info)
{
    SessionInfo row;
    row.clientName = fromWide(info.sesi0_cname);
    row.level = InfoLevel::Level0;
    return row;
}

SessionInfo convert(const SESSION_INFO_1 &info)
{
    SessionInfo row;
    row.clientName = fromWide(info.sesi1_cname);
    row.userName = fromWide(info.sesi1_username);
    row.openCount = info.sesi1_num_opens;
    row.connectedSeconds = info.sesi1_time;
    row.idleSeconds = info.sesi1_idle_time;
    row.userFlags = info.sesi1_user_flags;
    row.level = InfoLevel::Level1;
    return row;
}

SessionInfo convert(const SESSION_INFO_2 &info)
{
    SessionInfo row;
    row.clientName = fromWide(info.sesi2_cname);
    row.userName = fromWide(info.sesi2_username);
    row.openCount = info.sesi2_num_opens;
    row.connectedSeconds = info.sesi2_time;
    row.idleSeconds = info.sesi2_idle_time;
    row.userFlags = info.sesi2_user_flags;
    row.clientType = fromWide(info.sesi2_cltype_name);
    row.level = InfoLevel::Level2;
    return row;
}

SessionInfo convert(const SESSION_INFO_10 &info)
{
    SessionInfo row;
    row.clientName = fromWide(info.sesi10_cname);
    row.userName = fromWide(info.sesi10_username);
    row.connectedSeconds = info.sesi10_time;
    row.idleSeconds = info.sesi10_idle_time;
    row.level = InfoLevel::Level10;
    return row;
}

SessionInfo convert(const SESSION_INFO_502 &info)
{
    SessionInfo row;
    row.clientName = fromWide(info.sesi502_cname);
    row.userName = fromWide(info.sesi502_username);
    row.openCount = info.sesi502_num_opens;
    row.connectedSeconds = info.sesi502_time;
    row.idleSeconds = info.sesi502_idle_time;
    row.userFlags = info.sesi502_user_flags;
    row.clientType = fromWide(info.sesi502_cltype_name);
    row.transport = fromWide(info.sesi502_transport);
    row.level = InfoLevel::Level502;
    return row;
}

std::string bracketed(const std::string &host)
{
    if (host.find(':') != std::string::npos)
        return "[" + host + "]";
    return host;
}

OpenFileInfo convert(const FILE_INFO_2 &in)
{
    OpenFileInfo out;
    out.id = in.fi2_id;
    out.level = FileInfoLevel::Level2;
    return out;
}

OpenFileInfo convert(const FILE_INFO_3 &in)
{
    OpenFileInfo out;
    out.id = in.fi3_id;
    out.permissions = in.fi3_permissions;
    out.lockCount = in.fi3_num_locks;
    out.path = fromWide(in.fi3_pathname);
    out.userName = fromWide(in.fi3_username);
    out.level = FileInfoLevel::Level3;
    return out;
}

// The @p count entries of type Info in a Net*Enum buffer, converted by convert().
template<typename Info>
auto convertAll(const void *buffer, DWORD count)
{
    std::vector<decltype(convert(std::declval<const Info &>()))> rows;
    if (!buffer)
        return rows;
    rows.reserve(count);
    const auto *entries = static_cast<const Info *>(buffer);
    for (DWORD i = 0; i < count; ++i)
        rows.push_back(convert(entries[i]));
    return rows;
}

// Where a Net*Enum answer of @p status leaves the paging, as SessionApi's pages say it.
template<typename Page>
void setPaging(Page &page, DWORD total, std::uint32_t resume, NET_API_STATUS status)
{
    page.totalEntries = total;
    page.resumeHandle = resume;
    page.moreData = status == ERROR_MORE_DATA;
}

} // namespace

NetApiSessionApi::NetApiSessionApi(ConnectionOptions options)
    : m_options(std::move(options))
    , m_host(normalizedHost(m_options.host))
{
    const std::wstring host = toWide(fromUtf8(m_host));
    m_server = L"\\\\" + host;
    m_ipcShare = m_server + L"\\IPC$";
}

NetApiSessionApi::~NetApiSessionApi()
{
    // Not forced: if another program of this logon session uses the same connection,
    // Windows keeps it for that program instead of cutting it off.
    if (m_ipcConnected)
        WNetCancelConnection2W(m_ipcShare.c_str(), 0, FALSE);
}

Result<void> NetApiSessionApi::ensureCredentials()
{
    if (m_options.port != 445)
        return SessionError::local(ErrorKind::NotSupported, "netapi32 always connects to port 445");
    if (m_options.requireSealing)
        return SessionError::local(ErrorKind::NotSupported,
            "netapi32 cannot require encryption; the server or Group "
            "Policy must enforce it");
    // Kerberos on Windows is the logged-on user's own ticket, which netapi32 uses anyway.
    if (m_ipcConnected || m_options.user.empty() || m_options.kerberos)
        return {};

    std::string account = m_options.user;
    if (!m_options.domain.empty() && account.find('\\') == std::string::npos
        && account.find('@') == std::string::npos)
        account = m_options.domain + "\\" + account;
    const std::wstring wideAccount = toWide(fromUtf8(account));
    std::wstring password = toWide(fromUtf8(m_options.password.reveal()));

    NETRESOURCEW resource {};
    resource.dwType = RESOURCETYPE_ANY;
    resource.lpRemoteName = m_ipcShare.data();
    const DWORD status
        = WNetAddConnection2W(&resource, password.c_str(), wideAccount.c_str(), CONNECT_TEMPORARY);
    secureZero(password.data(), password.size() * sizeof(wchar_t));
    if (status != NO_ERROR)
        return netApiError(status, "WNetAddConnection2W");
    m_ipcConnected = true;
    return {};
}

Result<void> NetApiSessionApi::connect()
{
    return ensureCredentials();
}

ConnectionSecurity NetApiSessionApi::security() const
{
    // The redirector negotiates signing and the dialect without telling netapi32's callers.
    return {};
}

std::string NetApiSessionApi::localAddress() const
{
    return {};
}

std::string NetApiSessionApi::serverKey() const
{
    return bracketed(m_host) + ":445";
}

Result<SessionApi::Page> NetApiSessionApi::enumeratePage(const std::u16string *client,
    const std::u16string *user, InfoLevel level, std::uint32_t resumeHandle)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();

    WideArg clientArg(client);
    WideArg userArg(user);
    LPBYTE raw = nullptr;
    DWORD read = 0;
    DWORD total = 0;
    DWORD resume = resumeHandle;
    const NET_API_STATUS status = NetSessionEnum(m_server.data(), clientArg.get(), userArg.get(),
        static_cast<DWORD>(level), &raw, kPreferredMaximumLength, &read, &total, &resume);
    // The buffer must be freed on ERROR_MORE_DATA too.
    const NetApiBuffer buffer(raw);
    if (status != NERR_Success && status != ERROR_MORE_DATA)
        return netApiError(status, "NetSessionEnum");

    Page page;
    switch (level) {
    case InfoLevel::Level0:
        page.rows = convertAll<SESSION_INFO_0>(buffer.get(), read);
        break;
    case InfoLevel::Level1:
        page.rows = convertAll<SESSION_INFO_1>(buffer.get(), read);
        break;
    case InfoLevel::Level2:
        page.rows = convertAll<SESSION_INFO_2>(buffer.get(), read);
        break;
    case InfoLevel::Level10:
        page.rows = convertAll<SESSION_INFO_10>(buffer.get(), read);
        break;
    case InfoLevel::Level502:
        page.rows = convertAll<SESSION_INFO_502>(buffer.get(), read);
        break;
    }
    setPaging(page, total, resume, status);
    return page;
}

Result<void> NetApiSessionApi::deleteSessions(
    const std::u16string *client, const std::u16string *user)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();

    WideArg clientArg(client);
    WideArg userArg(user);
    const NET_API_STATUS status = NetSessionDel(m_server.data(), clientArg.get(), userArg.get());
    if (status != NERR_Success)
        return netApiError(status, "NetSessionDel");
    return {};
}

Result<SessionApi::FilePage> NetApiSessionApi::enumerateFilesPage(const std::u16string *basePath,
    const std::u16string *user, FileInfoLevel level, std::uint32_t resumeHandle)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();

    WideArg pathArg(basePath);
    WideArg userArg(user);
    LPBYTE raw = nullptr;
    DWORD read = 0;
    DWORD total = 0;
    // NetFileEnum's resume handle is pointer-sized; the wire carries 32 bits.
    DWORD_PTR resume = resumeHandle;
    const NET_API_STATUS status = NetFileEnum(m_server.data(), pathArg.get(), userArg.get(),
        static_cast<DWORD>(level), &raw, kPreferredMaximumLength, &read, &total, &resume);
    const NetApiBuffer buffer(raw);
    if (status != NERR_Success && status != ERROR_MORE_DATA)
        return netApiError(status, "NetFileEnum");

    FilePage page;
    page.rows = level == FileInfoLevel::Level2 ? convertAll<FILE_INFO_2>(buffer.get(), read)
                                               : convertAll<FILE_INFO_3>(buffer.get(), read);
    setPaging(page, total, static_cast<std::uint32_t>(resume), status);
    return page;
}

Result<OpenFileInfo> NetApiSessionApi::getFileInfo(std::uint32_t id, FileInfoLevel level)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();
    LPBYTE raw = nullptr;
    const NET_API_STATUS status
        = NetFileGetInfo(m_server.data(), id, static_cast<DWORD>(level), &raw);
    const NetApiBuffer buffer(raw);
    if (status != NERR_Success)
        return netApiError(status, "NetFileGetInfo");
    if (!buffer)
        return SessionError::local(ErrorKind::ProtocolError, "NetFileGetInfo returned no data");
    if (level == FileInfoLevel::Level2)
        return convert(*static_cast<const FILE_INFO_2 *>(buffer.get()));
    return convert(*static_cast<const FILE_INFO_3 *>(buffer.get()));
}

Result<void> NetApiSessionApi::closeFileOnServer(std::uint32_t id)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();
    const NET_API_STATUS status = NetFileClose(m_server.data(), id);
    if (status != NERR_Success)
        return netApiError(status, "NetFileClose");
    return {};
}

Result<SessionApi::SharePage> NetApiSessionApi::enumerateSharesPage(std::uint32_t resumeHandle)
{
    if (Result<void> ready = ensureCredentials(); !ready)
        return ready.error();
    LPBYTE raw = nullptr;
    DWORD read = 0;
    DWORD total = 0;
    DWORD resume = resumeHandle;
    const NET_API_STATUS status
        = NetShareEnum(m_server.data(), 2, &raw, kPreferredMaximumLength, &read, &total, &resume);
    const NetApiBuffer buffer(raw);
    if (status != NERR_Success && status != ERROR_MORE_DATA)
        return netApiError(status, "NetShareEnum");
    SharePage page;
    page.shares.reserve(read);
    const auto *entries = static_cast<const SHARE_INFO_2 *>(buffer.get());
    for (DWORD i = 0; i < read; ++i) {
        ShareInfo share;
        share.name = fromWide(entries[i].shi2_netname);
        share.type = entries[i].shi2_type;
        share.remark = fromWide(entries[i].shi2_remark);
        share.path = fromWide(entries[i].shi2_path);
        share.currentUses = entries[i].shi2_current_uses;
        page.shares.push_back(std::move(share));
    }
    setPaging(page, total, resume, status);
    return page;
}

} // namespace sc
