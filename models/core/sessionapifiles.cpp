// SPDX-License-Identifier: GPL-3.0-or-later
// The open-file and share half of SessionApi (NetFileEnum, NetFileGetInfo, NetFileClose,
// NetShareEnum): the behaviour every backend must share, as sessionapi.cpp is for sessions.
#include "sessionapi.h"

#include "pagedenumeration.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace sc {

namespace {

// Samba's NetrFileClose only asks the smbd process holding the file to close it and answers
// at once, so the file can still be listed for a moment. Before calling a file "still open",
// the listing is repeated after these pauses (2.5 s in all).
constexpr std::chrono::milliseconds kCloseSettleDelays[] = {std::chrono::milliseconds(50),
    std::chrono::milliseconds(150), std::chrono::milliseconds(300), std::chrono::milliseconds(700),
    std::chrono::milliseconds(1300)};

constexpr std::uint32_t kFaultProcedureOutOfRange = 0x1C010002; // nca_s_op_rng_error
constexpr std::uint32_t kErrorNotSupported = 50; // ERROR_NOT_SUPPORTED
constexpr std::uint32_t kRpcProcedureOutOfRange = 1745; // RPC_S_PROCNUM_OUT_OF_RANGE (netapi32)

// Samba answers NetrFileGetInfo with the fault "procedure number out of range" (netapi32 hands
// it on as RPC_S_PROCNUM_OUT_OF_RANGE); a server that knows the call but not the request would
// say ERROR_NOT_SUPPORTED.
bool isNoSuchProcedure(const SessionError &error)
{
    if (error.codeSpace() == CodeSpace::RpcFault)
        return error.code() == kFaultProcedureOutOfRange;
    return error.codeSpace() == CodeSpace::Win32
        && (error.code() == kErrorNotSupported || error.code() == kRpcProcedureOutOfRange);
}

OpenFileInfo projectToLevel2(const OpenFileInfo &row)
{
    OpenFileInfo out;
    out.id = row.id;
    out.level = FileInfoLevel::Level2;
    return out;
}

std::u16string slashesToBackslashes(std::u16string_view path)
{
    std::u16string out(path);
    std::replace(out.begin(), out.end(), u'/', u'\\');
    return out;
}

SessionError fileNotFound(std::uint32_t id)
{
    return SessionError::fromWin32(
        win32::FileNotFound, "no open file with id " + std::to_string(id));
}

} // namespace

// The filter in the forms we need: for comparing, and for the wire.
struct SessionApi::FileNames
{
    std::u16string pathPrefix;
    std::u16string user;

    FileNames(std::u16string_view path, std::u16string_view userName)
        : pathPrefix(slashesToBackslashes(path))
        , user(userName)
    {
    }

    bool empty() const { return pathPrefix.empty() && user.empty(); }
    const std::u16string *wirePath() const { return pathPrefix.empty() ? nullptr : &pathPrefix; }
    const std::u16string *wireUser() const { return user.empty() ? nullptr : &user; }

    bool matches(const OpenFileInfo &row) const
    {
        if (!pathPrefix.empty() && !pathStartsWith(row.path, pathPrefix))
            return false;
        if (!user.empty() && !namesEqual(row.userName, user))
            return false;
        return true;
    }
};

Result<OpenFileEnumResult> SessionApi::enumerateFiles(const OpenFileFilter &filter,
    std::optional<FileInfoLevel> level, const FilePageProgress &progress)
{
    const FileNames names(filter.pathPrefix, filter.user);
    if (!level)
        return enumerateFilesAuto(names, progress);
    if (!isValidFileInfoLevel(static_cast<std::uint32_t>(*level)))
        return SessionError::fromWin32(win32::InvalidLevel, "unknown file information level");
    if (*level == FileInfoLevel::Level3 || names.empty())
        return fetchAllFiles(names, *level, false, progress);

    // Level 2 with a filter: choose the rows where paths and users are known, report them at
    // level 2; only a server without level 3 is left to filter on its own.
    FilePageProgress projected;
    if (progress) {
        projected = [&progress](const OpenFileList &rows, std::uint32_t total) {
            OpenFileList out;
            out.reserve(rows.size());
            for (const OpenFileInfo &row : rows)
                out.push_back(projectToLevel2(row));
            progress(out, total);
        };
    }
    Result<OpenFileEnumResult> rich = fetchAllFiles(names, FileInfoLevel::Level3, false, projected);
    if (!rich) {
        if (rich.error().kind() != ErrorKind::InvalidLevel)
            return rich.error();
        return fetchAllFiles(names, FileInfoLevel::Level2, true, progress);
    }
    for (OpenFileInfo &row : rich->files)
        row = projectToLevel2(row);
    rich->level = FileInfoLevel::Level2;
    return rich;
}

Result<OpenFileEnumResult> SessionApi::enumerateFilesAuto(
    const FileNames &names, const FilePageProgress &progress)
{
    std::optional<SessionError> refused;
    for (FileInfoLevel level : kFileAutoLevelOrder) {
        // A level richer than the one this connection settled on was refused before.
        if (m_fileLevel
            && static_cast<std::uint32_t>(level) > static_cast<std::uint32_t>(*m_fileLevel))
            continue;
        // Level 2 rows cannot be filtered here: the server has to do it.
        Result<OpenFileEnumResult> result
            = fetchAllFiles(names, level, level == FileInfoLevel::Level2, progress);
        if (result) {
            m_fileLevel = level;
            result->levelFellBack = level != kFileAutoLevelOrder[0];
            return result;
        }
        if (result.error().kind() != ErrorKind::InvalidLevel)
            return result.error();
        refused = result.error();
    }
    if (m_fileLevel) {
        // The server changed its mind (or was replaced): start again from the top once.
        m_fileLevel.reset();
        return enumerateFilesAuto(names, progress);
    }
    return *refused;
}

Result<OpenFileEnumResult> SessionApi::fetchAllFiles(const FileNames &names, FileInfoLevel level,
    bool filterOnServer, const FilePageProgress &progress)
{
    OpenFileEnumResult out;
    out.level = level;
    Result<void> paged = PagedEnumeration::collect(
        "open files",
        [&](std::uint32_t resumeHandle) {
            return enumerateFilesPage(names.wirePath(), names.wireUser(), level, resumeHandle);
        },
        [&](OpenFileInfo &row) {
            row.level = level;
            // Filter again: Samba ignores BasePath. Level 2 rows have nothing to compare.
            return filterOnServer || names.matches(row);
        },
        progress, out.files, out.totalEntries);
    if (!paged)
        return paged.error();
    return out;
}

Result<OpenFileInfo> SessionApi::fileInfo(std::uint32_t id, bool allowFallback)
{
    if (!m_fileGetInfoUnsupported) {
        Result<OpenFileInfo> direct = getFileInfo(id, FileInfoLevel::Level3);
        if (!direct && direct.error().kind() == ErrorKind::InvalidLevel)
            direct = getFileInfo(id, FileInfoLevel::Level2);
        if (direct || !isNoSuchProcedure(direct.error()))
            return direct;
        m_fileGetInfoUnsupported = true;
    }
    if (!allowFallback)
        return SessionError(ErrorKind::NotSupported, CodeSpace::RpcFault, kFaultProcedureOutOfRange,
            "this server does not support looking up one file (NetrFileGetInfo)");
    Result<OpenFileEnumResult> all = enumerateFiles({}, std::nullopt);
    if (!all)
        return all.error();
    for (const OpenFileInfo &file : all->files) {
        if (file.id == id)
            return file;
    }
    return fileNotFound(id);
}

Result<std::vector<FileCloseResult>> SessionApi::closeFiles(std::span<const std::uint32_t> ids)
{
    // The server's answer alone cannot be trusted (Samba 4.21 answers ERROR_FILE_NOT_FOUND to
    // a close that worked), so what was open before and what is open after decide.
    Result<OpenFileEnumResult> before = enumerateFiles({}, std::nullopt);
    if (!before)
        return before.error();

    std::vector<FileCloseResult> results;
    results.reserve(ids.size());
    bool anyCalled = false;
    for (std::uint32_t id : ids) {
        FileCloseResult &r = results.emplace_back();
        r.id = id;
        const auto it = std::find_if(before->files.begin(), before->files.end(),
            [id](const OpenFileInfo &f) { return f.id == id; });
        if (it == before->files.end()) {
            r.outcome = FileCloseOutcome::WasNotOpen;
            continue;
        }
        r.file = *it;
        Result<void> closed = closeFileOnServer(id);
        anyCalled = true;
        if (!closed && closed.error().kind() != ErrorKind::FileNotFound) {
            // A refusal (access denied) changed nothing; the check below confirms a close
            // that was carried out although the call failed (a timeout, say).
            r.error = closed.error();
        }
        r.outcome = FileCloseOutcome::Failed; // until the listing below says otherwise
    }
    if (!anyCalled)
        return results;

    // The ids the server accepted to close (or answered "not found" for), which the listing
    // must show gone.
    std::set<std::uint32_t> expectedGone;
    for (const FileCloseResult &r : results) {
        if (r.outcome != FileCloseOutcome::WasNotOpen && !r.error)
            expectedGone.insert(r.id);
    }
    Result<OpenFileEnumResult> after = enumerateFiles({}, std::nullopt);
    std::set<std::uint32_t> stillOpen;
    for (std::size_t pause = 0;; ++pause) {
        stillOpen.clear();
        if (after) {
            for (const OpenFileInfo &f : after->files)
                stillOpen.insert(f.id);
        }
        const bool settled = !after
            || std::none_of(expectedGone.begin(), expectedGone.end(),
                [&stillOpen](std::uint32_t id) { return stillOpen.contains(id); });
        if (settled || pause == std::size(kCloseSettleDelays))
            break;
        std::this_thread::sleep_for(kCloseSettleDelays[pause]);
        after = enumerateFiles({}, std::nullopt);
    }
    for (FileCloseResult &r : results) {
        if (r.outcome == FileCloseOutcome::WasNotOpen)
            continue;
        if (!after) {
            if (!r.error)
                r.error = after.error();
            continue;
        }
        if (!stillOpen.contains(r.id)) {
            r.outcome = FileCloseOutcome::Closed;
            r.error.reset();
        } else if (!r.error) {
            r.outcome = FileCloseOutcome::StillOpen;
        }
    }
    return results;
}

Result<FileCloseResult> SessionApi::closeFile(std::uint32_t id)
{
    Result<std::vector<FileCloseResult>> results = closeFiles(std::span(&id, 1));
    if (!results)
        return results.error();
    return results->front();
}

Result<ShareList> SessionApi::enumerateShares()
{
    ShareList out;
    Result<void> paged = PagedEnumeration::follow(
        "shares", [this](std::uint32_t resumeHandle) { return enumerateSharesPage(resumeHandle); },
        [&out](SharePage page, std::size_t) {
            out.insert(out.end(), std::make_move_iterator(page.shares.begin()),
                std::make_move_iterator(page.shares.end()));
        });
    if (!paged)
        return paged.error();
    return out;
}

Result<SessionApi::FilePage> SessionApi::enumerateFilesPage(
    const std::u16string *, const std::u16string *, FileInfoLevel, std::uint32_t)
{
    return SessionError::local(ErrorKind::NotSupported, "this backend cannot list open files");
}

Result<OpenFileInfo> SessionApi::getFileInfo(std::uint32_t, FileInfoLevel)
{
    return SessionError::local(ErrorKind::NotSupported, "this backend cannot look up open files");
}

Result<void> SessionApi::closeFileOnServer(std::uint32_t)
{
    return SessionError::local(ErrorKind::NotSupported, "this backend cannot close open files");
}

Result<SessionApi::SharePage> SessionApi::enumerateSharesPage(std::uint32_t)
{
    return SessionError::local(ErrorKind::NotSupported, "this backend cannot list shares");
}

} // namespace sc
