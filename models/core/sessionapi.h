// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "nameequality.h"
#include "result.h"
#include "rpctransport.h"
#include "sessioninfo.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sc {

/// Optional filters of NetSessionEnum; an empty string means "no filter".
struct SessionFilter
{
    std::u16string client; ///< "NAME" or "\\NAME"
    std::u16string user;
};

/// Called after each page of a paged enumeration (servers that honour
/// PreferedMaximumLength, such as Windows), so a UI can show the first page at once.
using PageProgress = std::function<void(const SessionList &rowsSoFar, std::uint32_t totalEntries)>;

/// NetSessionEnum, NetSessionGetInfo and NetSessionDel with Win32 semantics, whatever the
/// backend. Everything that must behave the same against every server lives here, not in
/// the backends: name normalisation, level "auto" with fallback, paging, and filtering
/// again on this side (Samba ignores the ClientName/UserName filters of NetrSessionEnum).
///
/// One instance is one server connection, kept open between calls. Not thread-safe: use it
/// from one thread at a time (the console's poller owns it on its worker thread).
class SessionApi
{
public:
    virtual ~SessionApi();

    /// NetSessionEnum. @p level nullopt means "auto": 502, then 2, 1, 10, 0 on
    /// ERROR_INVALID_LEVEL, remembering per server which level worked.
    ///
    /// As on Windows, a filter that matches no session is an error: NERR_UserNotFound when
    /// only a user was given, NERR_ClientNameNotFound otherwise. Level 0 rows carry no user
    /// name, so a user filter at level 0 is applied at the richest level the server serves
    /// with user names and the matching rows are reported at level 0; "auto" with a user
    /// filter never steps down to level 0 (ErrorKind::InvalidLevel if nothing else is served).
    Result<SessionEnumResult> enumerate(const SessionFilter &filter, std::optional<InfoLevel> level,
        const PageProgress &progress = {});

    /// NetSessionGetInfo: both names are required. Levels 0, 1, 2 and 10 (502 is refused with
    /// ERROR_INVALID_LEVEL as Windows does); nullopt tries 2, 1, 10, 0.
    Result<SessionInfo> getInfo(
        std::u16string_view client, std::u16string_view user, std::optional<InfoLevel> level);

    /// NetSessionDel: ends every session of @p user from @p client; an empty client means all
    /// of that user's sessions, an empty user all sessions of that client (not both empty).
    /// Counts the matching sessions first, so "nothing matched" is reported as
    /// NERR_ClientNameNotFound / NERR_UserNotFound instead of Samba's ERROR_ACCESS_DENIED.
    /// Returns how many sessions were ended.
    Result<std::uint32_t> remove(std::u16string_view client, std::u16string_view user);

    /// Opens the connection now, to report logon errors early.
    virtual Result<void> connect() = 0;
    virtual ConnectionSecurity security() const = 0;
    /// Our own address as the server sees it, to recognise our own session; may be empty.
    virtual std::string localAddress() const = 0;
    /// "host:port", the key under which the working auto level is remembered.
    virtual std::string serverKey() const = 0;

    /// Forgets the levels remembered for every server (tests).
    static void clearLevelCache();

protected:
    struct Page
    {
        SessionList rows;
        std::uint32_t totalEntries = 0;
        std::uint32_t resumeHandle = 0;
        bool moreData = false; ///< ERROR_MORE_DATA: call again with resumeHandle
    };

    /// One NetrSessionEnum round trip. Names are already in wire form ("\\NAME" for the
    /// client); nullptr means NULL on the wire.
    virtual Result<Page> enumeratePage(const std::u16string *client, const std::u16string *user,
        InfoLevel level, std::uint32_t resumeHandle)
        = 0;
    /// One NetrSessionDel round trip.
    virtual Result<void> deleteSessions(const std::u16string *client, const std::u16string *user)
        = 0;

private:
    struct Names;
    Result<SessionEnumResult> enumerateAt(
        const Names &names, InfoLevel level, const PageProgress &progress);
    Result<SessionEnumResult> enumerateAuto(const Names &names, std::span<const InfoLevel> order,
        bool remember, const PageProgress &progress);
    Result<SessionEnumResult> fetchAll(
        const Names &names, InfoLevel level, const PageProgress &progress);
};

/// The platform's backend: Samba's DCE/RPC client on Linux, netapi32 on Windows.
std::unique_ptr<SessionApi> createSessionApi(const ConnectionOptions &options);

/// "\\\\NAME" -> "NAME"; the form we compare and display.
std::u16string stripBackslashes(std::u16string_view name);
/// "NAME" or "\\\\NAME" -> "\\\\NAME"; the form NetrSessionEnum/Del expect for ClientName.
std::u16string wireClientName(std::u16string_view name);

/// UTF-8 <-> UTF-16 for the C++-only callers (sessionctl, tests); invalid input is replaced
/// with U+FFFD rather than rejected, because names come from the network.
std::u16string fromUtf8(std::string_view utf8);
std::string toUtf8(std::u16string_view utf16);

} // namespace sc
