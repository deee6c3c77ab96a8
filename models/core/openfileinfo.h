// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiontext.h"

#include <cstdint>
#include <vector>

namespace sc {

/// The FILE_INFO_x levels of NetrFileEnum / NetrFileGetInfo (MS-SRVS 2.2.4.6, 2.2.4.7).
enum class FileInfoLevel : std::uint32_t {
    Level2 = 2, ///< file id only
    Level3 = 3, ///< + permissions, lock count, path, user name
};

/// "auto" tries 3, then 2 (Samba serves only 3, some servers only 2).
inline constexpr FileInfoLevel kFileAutoLevelOrder[]
    = {FileInfoLevel::Level3, FileInfoLevel::Level2};

bool isValidFileInfoLevel(std::uint32_t level);

/// fi3_permissions bits (lmaccess.h PERM_FILE_*). Samba reports only READ and WRITE.
inline constexpr std::uint32_t kPermFileRead = 0x1;
inline constexpr std::uint32_t kPermFileWrite = 0x2;
inline constexpr std::uint32_t kPermFileCreate = 0x4;

/// One open file as NetFileEnum reports it, the union of FILE_INFO_2 and FILE_INFO_3.
///
/// FILE_INFO_3 names the user, not the session or the client computer that holds the file, so
/// nothing here says which session it belongs to. Texts stay UTF-16 as they came off the wire
/// and share storage like SessionInfo's; those of an enumeration refer to the reply stub
/// itself (see SharedBytes) and keep all of it alive, so a holder that keeps a few files of a
/// large list for long should copy their texts. Fields the level does not carry stay
/// empty/zero.
struct OpenFileInfo
{
    std::uint32_t id = 0; ///< fi2_id/fi3_id; Samba builds it as (pid << 16) | file id
    std::uint32_t permissions = 0; ///< kPermFile* bits
    std::uint32_t lockCount = 0; ///< fi3_num_locks
    SessionText path; ///< fi3_path_name, the server's local path ("C:\\srv\\lab\\a.txt" on Samba)
    SessionText userName; ///< fi3_username (the Unix user name on Samba)
    FileInfoLevel level = FileInfoLevel::Level2; ///< which level filled this value

    bool canRead() const { return permissions & kPermFileRead; }
    bool canWrite() const { return permissions & kPermFileWrite; }
    bool canCreate() const { return permissions & kPermFileCreate; }

    friend bool operator==(const OpenFileInfo &, const OpenFileInfo &) = default;
};

using OpenFileList = std::vector<OpenFileInfo>;

/// One share with the local directory it exports (SHARE_INFO_2), to name files as
/// \\server\share\relative instead of by the server's local path.
struct ShareInfo
{
    std::u16string name; ///< shi2_netname
    std::uint32_t type = 0; ///< shi2_type (STYPE_*)
    std::u16string remark;
    std::u16string path; ///< shi2_path, e.g. "C:\\srv\\lab"; empty for IPC$ and printers
    std::uint32_t currentUses = 0;

    friend bool operator==(const ShareInfo &, const ShareInfo &) = default;
};

using ShareList = std::vector<ShareInfo>;

} // namespace sc
