// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"

#include <optional>
#include <string>
#include <string_view>

namespace sc {

/// Names a server's local file path the way operators know it, \\server\share\relative,
/// from the shares' local paths (NetShareEnum level 2).
///
/// Samba reports an open file as "C:" + the share's directory + "\" + the name, and each
/// share's path as "C:" + its directory, so the share whose path is the longest prefix of the
/// file's (compared as Windows compares paths, ending at a "\") is the one the file was opened
/// through. Two shares on one directory are ambiguous; the one listed first wins. Hidden
/// administrative shares (IPC$, ADMIN$, C$) and non-disk shares are never used.
class SharePathMap
{
public:
    struct Location
    {
        std::u16string share; ///< the share's name
        std::u16string
            relativePath; ///< below the share's root, without a leading "\"; may be empty
    };

    SharePathMap() = default;
    explicit SharePathMap(ShareList shares);

    bool isEmpty() const { return m_shares.empty(); }
    /// The share @p localPath lies in, or nullopt when no share covers it.
    std::optional<Location> locate(std::u16string_view localPath) const;
    /// "\\\\server\\share\\relative", or nullopt when no share covers @p localPath.
    std::optional<std::u16string> uncPath(
        std::u16string_view server, std::u16string_view localPath) const;

private:
    ShareList m_shares;
};

} // namespace sc
