// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionapi.h"

#include "pagedenumeration.h"
#include "sessiontime.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <span>

namespace sc {

namespace {

// NetSessionGetInfo serves 0, 1, 2 and 10; "auto" tries them richest first.
constexpr InfoLevel kGetInfoLevelOrder[]
    = {InfoLevel::Level2, InfoLevel::Level1, InfoLevel::Level10, InfoLevel::Level0};

// The auto level that worked, per server ("host:port"). Process-wide because the console
// opens a new SessionApi per connection attempt, and asking a Samba server for 502 and 2
// every time would double the round trips of every poll.
struct LevelCache
{
    std::mutex mutex;
    std::map<std::string, InfoLevel> levels;
};

LevelCache &levelCache()
{
    static LevelCache cache;
    return cache;
}

std::optional<InfoLevel> cachedLevel(const std::string &key)
{
    LevelCache &cache = levelCache();
    std::lock_guard lock(cache.mutex);
    auto it = cache.levels.find(key);
    if (it == cache.levels.end())
        return std::nullopt;
    return it->second;
}

void rememberLevel(const std::string &key, InfoLevel level)
{
    LevelCache &cache = levelCache();
    std::lock_guard lock(cache.mutex);
    cache.levels[key] = level;
}

void forgetLevel(const std::string &key)
{
    LevelCache &cache = levelCache();
    std::lock_guard lock(cache.mutex);
    cache.levels.erase(key);
}

std::size_t autoRank(InfoLevel level)
{
    const auto it = std::find(std::begin(kAutoLevelOrder), std::end(kAutoLevelOrder), level);
    return static_cast<std::size_t>(it - std::begin(kAutoLevelOrder));
}

void appendUtf16(std::u16string &out, char32_t cp)
{
    if (cp < 0x10000) {
        out.push_back(static_cast<char16_t>(cp));
    } else {
        cp -= 0x10000;
        out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::uint32_t saturate(std::size_t n)
{
    return static_cast<std::uint32_t>(
        std::min<std::size_t>(n, std::numeric_limits<std::uint32_t>::max()));
}

// Level 0 rows carry the client name only: what a level-0 answer filtered by user shows.
SessionList projectToLevel0(const SessionList &rows)
{
    SessionList out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out[i].clientName = rows[i].clientName;
        out[i].level = InfoLevel::Level0;
    }
    return out;
}

} // namespace

// The filter in the three forms we need: for comparing, and for the wire.
struct SessionApi::Names
{
    std::u16string client; ///< without backslashes; empty = no filter
    std::u16string user;
    std::u16string wireClient; ///< "\\\\NAME", or empty

    Names(std::u16string_view clientName, std::u16string_view userName)
        : client(stripBackslashes(clientName))
        , user(userName)
        , wireClient(wireClientName(client))
    {
    }

    const std::u16string *wireClientPtr() const { return client.empty() ? nullptr : &wireClient; }
    const std::u16string *wireUserPtr() const { return user.empty() ? nullptr : &user; }
    bool empty() const { return client.empty() && user.empty(); }

    bool matches(const SessionInfo &row) const
    {
        if (!client.empty() && !namesEqual(row.clientName, client))
            return false;
        if (!user.empty() && !namesEqual(row.userName, user))
            return false;
        return true;
    }

    // What Windows answers when a filter matches no session: the client is checked first.
    SessionError notFound() const
    {
        if (client.empty())
            return SessionError::fromWin32(
                win32::NerrUserNotFound, "no session of user " + toUtf8(user));
        std::string detail = "no session from client " + toUtf8(client);
        if (!user.empty())
            detail += " of user " + toUtf8(user);
        return SessionError::fromWin32(win32::NerrClientNameNotFound, detail);
    }
};

SessionApi::~SessionApi() = default;

void SessionApi::clearLevelCache()
{
    LevelCache &cache = levelCache();
    std::lock_guard lock(cache.mutex);
    cache.levels.clear();
}

Result<SessionEnumResult> SessionApi::enumerate(
    const SessionFilter &filter, std::optional<InfoLevel> level, const PageProgress &progress)
{
    const Names names(filter.client, filter.user);
    if (!level)
        return enumerateAuto(names, kAutoLevelOrder, true, progress);
    return enumerateAt(names, *level, progress);
}

Result<SessionInfo> SessionApi::getInfo(
    std::u16string_view client, std::u16string_view user, std::optional<InfoLevel> level)
{
    Result<SessionList> all = getInfoAll(client, user, level);
    if (!all)
        return all.error();
    // Several sessions of the same user from the same client are possible, and Windows then
    // answers the first.
    return all->front();
}

Result<SessionList> SessionApi::getInfoAll(
    std::u16string_view client, std::u16string_view user, std::optional<InfoLevel> level)
{
    const Names names(client, user);
    if (names.client.empty() || names.user.empty())
        return SessionError::local(
            ErrorKind::InvalidParameter, "NetSessionGetInfo needs both a client and a user name");
    if (level == InfoLevel::Level502)
        return SessionError::fromWin32(
            win32::InvalidLevel, "NetSessionGetInfo does not serve level 502");

    // The auto order of getInfo is a suffix of enumerate's, so what enumerate learnt about
    // this server still applies; but a success here says nothing about 502, so it is not
    // remembered.
    Result<SessionEnumResult> found = level ? enumerateAt(names, *level, {})
                                            : enumerateAuto(names, kGetInfoLevelOrder, false, {});
    if (!found)
        return found.error();
    // enumerateAt() already turned "no row" into the not-found error.
    return std::move(found->sessions);
}

Result<std::uint32_t> SessionApi::remove(std::u16string_view client, std::u16string_view user)
{
    const Names names(client, user);
    if (names.empty())
        return SessionError::local(
            ErrorKind::InvalidParameter, "NetSessionDel needs a client or a user name");

    // Samba answers a delete that matched nothing with ERROR_ACCESS_DENIED, which would send
    // the operator looking for a permissions problem; counting first gives the real reason
    // and the number to report. A session may still end between the two calls, in which case
    // the server's own answer to the delete is passed on.
    Result<SessionEnumResult> matching = enumerateAuto(names, kAutoLevelOrder, true, {});
    if (!matching)
        return matching.error();
    const std::uint32_t count = saturate(matching->sessions.size());

    const auto deleteStarted = std::chrono::steady_clock::now();
    Result<void> deleted = deleteSessions(names.wireClientPtr(), names.wireUserPtr());
    if (deleted)
        return count;
    if (deleted.error().kind() != ErrorKind::ConnectionLost)
        return deleted.error();

    // Samba ends a session by ending the smbd process that carries it. When one of the
    // matching sessions is our own (the logon account's sessions from this computer), the
    // pipe the delete travels on dies with it and the answer never comes, although the delete
    // worked. Ask the server again, on a new connection, what is left.
    return verifyRemoval(names, *matching, deleteStarted, deleted.error());
}

Result<std::uint32_t> SessionApi::verifyRemoval(const Names &names, const SessionEnumResult &before,
    std::chrono::steady_clock::time_point deleteStarted, const SessionError &deleteError)
{
    // A reconnect may fail on the first try while the server is still tearing the killed
    // process down.
    Result<void> reconnected = connect();
    if (!reconnected)
        reconnected = connect();
    if (!reconnected)
        return deleteError;
    Result<SessionEnumResult> after = enumerateAt(names, before.level, {});
    if (!after) {
        const ErrorKind kind = after.error().kind();
        if (kind == ErrorKind::UserNotFound || kind == ErrorKind::ClientNameNotFound)
            return saturate(before.sessions.size()); // nothing of theirs is left
        return deleteError;
    }
    // Our new connection is itself a matching session when our account is among those whose
    // sessions were ended: one session from our own address, no older than the delete, is
    // left out. Any other matching session outlived the delete, however young (whole seconds
    // on the wire, so one more of slack).
    const auto since = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::steady_clock::now() - deleteStarted);
    const std::uint32_t newerThan = static_cast<std::uint32_t>(since.count()) + 1;
    const std::u16string ownAddress = fromUtf8(localAddress());
    std::size_t survivors = after->sessions.size();
    if (!ownAddress.empty() && fieldsOf(after->level).times
        && std::any_of(after->sessions.begin(), after->sessions.end(), [&](const SessionInfo &s) {
               return namesEqual(s.clientName, ownAddress) && s.connectedSeconds <= newerThan;
           }))
        --survivors;
    if (survivors > 0)
        return deleteError;
    return saturate(before.sessions.size());
}

Result<SessionEnumResult> SessionApi::enumerateAt(
    const Names &names, InfoLevel level, const PageProgress &progress)
{
    if (!isValidInfoLevel(static_cast<std::uint32_t>(level)))
        return SessionError::fromWin32(win32::InvalidLevel, "unknown information level");
    if (level != InfoLevel::Level0 || names.user.empty())
        return fetchAll(names, level, progress);

    // Level 0 rows carry no user name, so a user filter cannot be checked on them, and Samba
    // does not apply it on its side. Fetch at the richest level the server serves that has
    // user names, filter there, and report the matching rows reduced to level 0: the answer
    // Windows gives for a level-0 enumeration filtered by user.
    PageProgress projected;
    if (progress) {
        projected = [&progress](const SessionList &rows, std::uint32_t total) {
            progress(projectToLevel0(rows), total);
        };
    }
    Result<SessionEnumResult> rich = enumerateAuto(names, kAutoLevelOrder, true, projected);
    if (!rich)
        return rich.error();
    SessionEnumResult out;
    out.sessions = projectToLevel0(rich->sessions);
    out.totalEntries = rich->totalEntries;
    out.level = InfoLevel::Level0;
    return out;
}

Result<SessionEnumResult> SessionApi::enumerateAuto(const Names &names,
    std::span<const InfoLevel> order, bool remember, const PageProgress &progress)
{
    const std::string key = serverKey();
    std::optional<InfoLevel> assumed = cachedLevel(key);
    std::set<InfoLevel> tried;
    std::optional<SessionError> refused;

    for (std::size_t i = 0; i < order.size(); ++i) {
        const InfoLevel level = order[i];
        // Levels richer than the remembered one were refused before.
        if (assumed && autoRank(level) < autoRank(*assumed))
            continue;
        // A user filter cannot be applied to level 0 rows (see enumerateAt()).
        if (!names.user.empty() && !fieldsOf(level).userName)
            continue;
        if (!tried.insert(level).second)
            continue;

        Result<SessionEnumResult> result = fetchAll(names, level, progress);
        if (result) {
            if (remember)
                rememberLevel(key, level);
            result->levelFellBack = level != kAutoLevelOrder[0];
            return result;
        }
        if (result.error().kind() != ErrorKind::InvalidLevel)
            return result.error();
        refused = result.error();
        if (assumed) {
            // The server behind this address changed (or was upgraded): start over.
            forgetLevel(key);
            assumed.reset();
            i = static_cast<std::size_t>(-1);
        }
    }
    if (refused)
        return *refused;
    return SessionError::local(ErrorKind::InvalidLevel,
        "the server serves only information level 0, which carries no "
        "user names, so sessions cannot be selected by user");
}

Result<SessionEnumResult> SessionApi::fetchAll(
    const Names &names, InfoLevel level, const PageProgress &progress)
{
    SessionEnumResult out;
    out.level = level;
    Result<void> paged = PagedEnumeration::collect(
        "sessions",
        [&](std::uint32_t resumeHandle) {
            return enumeratePage(names.wireClientPtr(), names.wireUserPtr(), level, resumeHandle);
        },
        [&](SessionInfo &row) {
            // Shares the units: no copy per row when there is nothing to strip.
            std::size_t slashes = 0;
            while (slashes < row.clientName.size() && row.clientName[slashes] == u'\\')
                ++slashes;
            if (slashes != 0)
                row.clientName = row.clientName.mid(slashes);
            row.level = level;
            row.connectedSeconds = SessionTime::clampElapsed(row.connectedSeconds);
            row.idleSeconds = SessionTime::clampElapsed(row.idleSeconds);
            // Filter again: Samba ignores ClientName and UserName.
            return names.matches(row);
        },
        progress, out.sessions, out.totalEntries);
    if (!paged)
        return paged.error();

    if (out.sessions.empty() && !names.empty())
        return names.notFound();
    return out;
}

std::u16string stripBackslashes(std::u16string_view name)
{
    const std::size_t first = name.find_first_not_of(u'\\');
    if (first == std::u16string_view::npos)
        return {};
    return std::u16string(name.substr(first));
}

std::u16string wireClientName(std::u16string_view name)
{
    std::u16string bare = stripBackslashes(name);
    if (bare.empty())
        return bare;
    return u"\\\\" + bare;
}

bool pathStartsWith(std::u16string_view path, std::u16string_view prefix)
{
    if (prefix.size() > path.size())
        return false;
    auto fold = [](char16_t c) { return c == u'/' ? u'\\' : upcaseUnit(c); };
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (fold(path[i]) != fold(prefix[i]))
            return false;
    }
    return true;
}

namespace {

// The well-formed lead bytes of Unicode's table 3-7: how many bytes follow, and the range of
// the first of them. Narrowing that range rejects overlong forms, surrogates and code points
// above U+10FFFF; every later byte is 80..BF.
struct Utf8Lead
{
    std::uint8_t first;
    std::uint8_t last;
    int trail;
    std::uint8_t low;
    std::uint8_t high;
};

constexpr Utf8Lead kUtf8Leads[] = {
    {0xC2, 0xDF, 1, 0x80, 0xBF},
    {0xE0, 0xE0, 2, 0xA0, 0xBF},
    {0xE1, 0xEC, 2, 0x80, 0xBF},
    {0xED, 0xED, 2, 0x80, 0x9F},
    {0xEE, 0xEF, 2, 0x80, 0xBF},
    {0xF0, 0xF0, 3, 0x90, 0xBF},
    {0xF1, 0xF3, 3, 0x80, 0xBF},
    {0xF4, 0xF4, 3, 0x80, 0x8F},
};

} // namespace

std::u16string fromUtf8(std::string_view utf8)
{
    std::u16string out;
    out.reserve(utf8.size());
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    while (i < n) {
        const auto lead = static_cast<std::uint8_t>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++i;
            continue;
        }
        const Utf8Lead *form = std::find_if(std::begin(kUtf8Leads), std::end(kUtf8Leads),
            [lead](const Utf8Lead &f) { return lead >= f.first && lead <= f.last; });
        if (form == std::end(kUtf8Leads)) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        const int trail = form->trail;
        // A lead of n trail bytes starts with n + 1 one bits and a zero; the rest is value.
        char32_t cp = lead & (0x7F >> (trail + 1));
        std::uint8_t low = form->low;
        std::uint8_t high = form->high;
        ++i;
        bool valid = true;
        for (int k = 0; k < trail; ++k) {
            if (i >= n) {
                valid = false;
                break;
            }
            const auto byte = static_cast<std::uint8_t>(utf8[i]);
            if (byte < low || byte > high) {
                valid = false;
                break;
            }
            low = 0x80;
            high = 0xBF;
            cp = (cp << 6) | (byte & 0x3F);
            ++i;
        }
        // One U+FFFD per maximal ill-formed subsequence; the offending byte starts anew.
        if (valid)
            appendUtf16(out, cp);
        else
            out.push_back(0xFFFD);
    }
    return out;
}

std::string toUtf8(std::u16string_view utf16)
{
    std::string out;
    out.reserve(utf16.size());
    const std::size_t n = utf16.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char16_t unit = utf16[i];
        char32_t cp = unit;
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            if (unit <= 0xDBFF && i + 1 < n && utf16[i + 1] >= 0xDC00 && utf16[i + 1] <= 0xDFFF) {
                cp = 0x10000 + ((char32_t(unit) - 0xD800) << 10)
                    + (char32_t(utf16[i + 1]) - 0xDC00);
                ++i;
            } else {
                cp = 0xFFFD;
            }
        }
        appendUtf8(out, cp);
    }
    return out;
}

} // namespace sc
