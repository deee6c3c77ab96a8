// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharepathmap.h"

#include "sessionapi.h"

#include <algorithm>
#include <utility>

namespace sc {

namespace {

constexpr std::uint32_t kStypeMask = 0xFF; // STYPE_DISKTREE 0, PRINTQ 1, DEVICE 2, IPC 3
constexpr std::uint32_t kStypeDiskTree = 0;
constexpr std::uint32_t kStypeSpecial = 0x80000000u; // IPC$, ADMIN$, C$

bool isSeparator(char16_t c)
{
    return c == u'\\' || c == u'/';
}

// The share path without trailing separators ("C:\\" stays "C:"), so that a prefix match can
// insist on a separator right after it.
std::u16string_view trimmedRoot(std::u16string_view path)
{
    while (!path.empty() && isSeparator(path.back()))
        path.remove_suffix(1);
    return path;
}

} // namespace

SharePathMap::SharePathMap(ShareList shares)
    : m_shares(std::move(shares))
{
    std::erase_if(m_shares, [](const ShareInfo &s) {
        return (s.type & kStypeSpecial) != 0 || (s.type & kStypeMask) != kStypeDiskTree
            || trimmedRoot(s.path).empty();
    });
    // Longest root first; stable, so among equal roots the server's order decides.
    std::stable_sort(m_shares.begin(), m_shares.end(), [](const ShareInfo &a, const ShareInfo &b) {
        return trimmedRoot(a.path).size() > trimmedRoot(b.path).size();
    });
}

std::optional<SharePathMap::Location> SharePathMap::locate(std::u16string_view localPath) const
{
    for (const ShareInfo &share : m_shares) {
        const std::u16string_view root = trimmedRoot(share.path);
        if (!pathStartsWith(localPath, root))
            continue;
        std::u16string_view rest = localPath.substr(root.size());
        if (!rest.empty() && !isSeparator(rest.front()))
            continue; // "C:\\srv\\lab2\\x" is not in "C:\\srv\\lab"
        while (!rest.empty() && isSeparator(rest.front()))
            rest.remove_prefix(1);
        Location location {share.name, std::u16string(rest)};
        std::replace(location.relativePath.begin(), location.relativePath.end(), u'/', u'\\');
        return location;
    }
    return std::nullopt;
}

std::optional<std::u16string> SharePathMap::uncPath(
    std::u16string_view server, std::u16string_view localPath) const
{
    const std::optional<Location> location = locate(localPath);
    if (!location)
        return std::nullopt;
    std::u16string out = u"\\\\" + stripBackslashes(server) + u"\\" + location->share;
    if (!location->relativePath.empty())
        out += u"\\" + location->relativePath;
    return out;
}

} // namespace sc
