// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "enumerationresult.h"
#include "nameequality.h"
#include "openfileinfo.h"
#include "result.h"
#include "rpctransport.h"
#include "sessioninfo.h"

#include <chrono>
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

/// Optional filters of NetFileEnum; an empty string means "no filter".
struct OpenFileFilter
{
    /// Files whose full path begins with this (case-insensitive, "/" read as "\\").
    std::u16string pathPrefix;
    /// The user holding the file; Samba compares the Unix user name.
    std::u16string user;
};

/// Called after each page of a paged NetFileEnum, like PageProgress.
using FilePageProgress
    = std::function<void(const OpenFileList &rowsSoFar, std::uint32_t totalEntries)>;

/// What became of one file closeFiles() was asked to close, judged by enumerating again
/// rather than by the server's answer: Samba 4.21 and later answer ERROR_FILE_NOT_FOUND to a
/// close that worked.
enum class FileCloseOutcome {
    Closed, ///< open before the call, gone after it
    WasNotOpen, ///< already gone before the call: nothing was done
    StillOpen, ///< the server accepted the call but the file is still open
    Failed, ///< the server refused (see the error), or the check afterwards failed
};

struct FileCloseResult
{
    std::uint32_t id = 0;
    FileCloseOutcome outcome = FileCloseOutcome::Failed;
    std::optional<OpenFileInfo> file; ///< the file as listed before the call, if it was open
    std::optional<SessionError> error; ///< why, for Failed
};

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
    /// PreferedMaximumLength, what the backends ask a paging server to put in one reply.
    /// Windows fills each reply up to roughly this many bytes and answers ERROR_MORE_DATA for
    /// the rest, so the console can show the first rows of a big file server while the others
    /// arrive. 64 KiB is what Windows' own tools tend to ask for: a few hundred level-502 rows
    /// per round trip, a dozen DCE/RPC fragments, and no multi-megabyte allocation on the
    /// server as MAX_PREFERRED_LENGTH would cause. Samba ignores the value and never pages.
    static constexpr std::uint32_t kPreferredMaximumLength = 64 * 1024;

    SessionApi() = default;
    virtual ~SessionApi();
    // One instance is one connection (and a backend's handles): a copy would share them.
    SessionApi(const SessionApi &) = delete;
    SessionApi &operator=(const SessionApi &) = delete;

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
    /// Like getInfo(), but every session of @p user from @p client (a user may hold several
    /// from one computer), in the server's order.
    Result<SessionList> getInfoAll(
        std::u16string_view client, std::u16string_view user, std::optional<InfoLevel> level);

    /// NetSessionDel: ends every session of @p user from @p client; an empty client means all
    /// of that user's sessions, an empty user all sessions of that client (not both empty).
    /// Counts the matching sessions first, so "nothing matched" is reported as
    /// NERR_ClientNameNotFound / NERR_UserNotFound instead of Samba's ERROR_ACCESS_DENIED.
    /// Returns how many sessions were ended.
    ///
    /// When the connection breaks during the delete (Samba ends the process carrying our own
    /// pipe when our account is among those whose sessions end), reconnects and lists again:
    /// if none of the matching sessions is left but our new connection, that is a success;
    /// otherwise the broken connection is reported.
    Result<std::uint32_t> remove(std::u16string_view client, std::u16string_view user);

    /// NetFileEnum. @p level nullopt means "auto": 3, then 2 on ERROR_INVALID_LEVEL (Samba
    /// serves only 3). Pages until the server is done and filters again on this side: Samba
    /// ignores the path filter. Level 2 rows carry neither path nor user, so with a filter at
    /// level 2 the rows are chosen at level 3 and reported at level 2; a server that serves
    /// only level 2 is trusted to apply the filter itself, as Windows does. An empty answer is
    /// a success.
    Result<OpenFileEnumResult> enumerateFiles(const OpenFileFilter &filter,
        std::optional<FileInfoLevel> level, const FilePageProgress &progress = {});

    /// NetFileGetInfo at level 3 (2 if the server refuses 3). Samba does not implement
    /// NetrFileGetInfo (it answers the RPC fault "procedure number out of range"); then, with
    /// @p allowFallback, the file is looked up in a full enumeration, and without it the error
    /// is ErrorKind::NotSupported, "this server does not support looking up one file".
    /// ErrorKind::FileNotFound when no file with this id is open.
    Result<OpenFileInfo> fileInfo(std::uint32_t id, bool allowFallback = true);

    /// NetFileClose for each id, judged truthfully: the files are listed before and after, so
    /// "was not open" is said only of a file that was already gone before the call, and
    /// "closed" only of one that is gone after it. Fails as a whole only when the listing
    /// before fails (nothing was closed then).
    Result<std::vector<FileCloseResult>> closeFiles(std::span<const std::uint32_t> ids);
    /// closeFiles() for one id.
    Result<FileCloseResult> closeFile(std::uint32_t id);

    /// NetShareEnum at level 2: every share with its local path (needs administrator rights
    /// on Samba). Lets SharePathMap show files as \\server\share\relative.
    Result<ShareList> enumerateShares();

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

    struct FilePage
    {
        OpenFileList rows;
        std::uint32_t totalEntries = 0;
        std::uint32_t resumeHandle = 0;
        bool moreData = false; ///< ERROR_MORE_DATA: call again with resumeHandle
    };
    struct SharePage
    {
        ShareList shares;
        std::uint32_t totalEntries = 0;
        std::uint32_t resumeHandle = 0;
        bool moreData = false;
    };

    // The open-file calls have defaults that answer ErrorKind::NotSupported, so a backend (or
    // a test double) that serves only sessions needs none of them.

    /// One NetrFileEnum round trip; nullptr means NULL on the wire.
    virtual Result<FilePage> enumerateFilesPage(const std::u16string *basePath,
        const std::u16string *user, FileInfoLevel level, std::uint32_t resumeHandle);
    /// One NetrFileGetInfo round trip. A server without the call answers an RPC fault
    /// (nca_s_op_rng_error) or ERROR_NOT_SUPPORTED.
    virtual Result<OpenFileInfo> getFileInfo(std::uint32_t id, FileInfoLevel level);
    /// One NetrFileClose round trip; the server's status as an error if it is not success.
    virtual Result<void> closeFileOnServer(std::uint32_t id);
    /// One NetrShareEnum round trip at level 2.
    virtual Result<SharePage> enumerateSharesPage(std::uint32_t resumeHandle);

private:
    struct Names;
    Result<SessionEnumResult> enumerateAt(
        const Names &names, InfoLevel level, const PageProgress &progress);
    Result<SessionEnumResult> enumerateAuto(const Names &names, std::span<const InfoLevel> order,
        bool remember, const PageProgress &progress);
    Result<SessionEnumResult> fetchAll(
        const Names &names, InfoLevel level, const PageProgress &progress);
    struct FileNames;
    Result<OpenFileEnumResult> fetchAllFiles(const FileNames &names, FileInfoLevel level,
        bool filterOnServer, const FilePageProgress &progress);
    Result<OpenFileEnumResult> enumerateFilesAuto(
        const FileNames &names, const FilePageProgress &progress);

    /// The file level "auto" settled on for this connection.
    std::optional<FileInfoLevel> m_fileLevel;
    /// Set once the server answered NetrFileGetInfo with "no such procedure".
    bool m_fileGetInfoUnsupported = false;
    Result<std::uint32_t> verifyRemoval(const Names &names, const SessionEnumResult &before,
        std::chrono::steady_clock::time_point deleteStarted, const SessionError &deleteError);
};

/// The platform's backend: Samba's DCE/RPC client on Linux, netapi32 on Windows.
std::unique_ptr<SessionApi> createSessionApi(const ConnectionOptions &options);

/// Starts, without waiting for it, what the platform's first connection would otherwise wait
/// for: on Linux the Samba worker's launcher (RpcWorkerLauncher), which loads Samba's
/// libraries while the caller goes on building its window. Nothing on Windows. Cheap, and
/// harmless when called more than once; call it only when a connection is coming, since the
/// launcher then lives as long as this process.
void prepareSessionApi();

/// Case-insensitive "does @p path begin with @p prefix", as Windows compares paths; "/" in
/// either is read as "\\".
bool pathStartsWith(std::u16string_view path, std::u16string_view prefix);

/// "\\\\NAME" -> "NAME"; the form we compare and display.
std::u16string stripBackslashes(std::u16string_view name);
/// "NAME" or "\\\\NAME" -> "\\\\NAME"; the form NetrSessionEnum/Del expect for ClientName.
std::u16string wireClientName(std::u16string_view name);

/// UTF-8 <-> UTF-16 for the C++-only callers (sessionctl, tests); invalid input is replaced
/// with U+FFFD rather than rejected, because names come from the network.
std::u16string fromUtf8(std::string_view utf8);
std::string toUtf8(std::u16string_view utf16);

} // namespace sc
