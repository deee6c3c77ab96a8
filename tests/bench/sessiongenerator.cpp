// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiongenerator.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace {

constexpr std::array<const char16_t *, 16> kFirstNames
    = {u"jose", u"josé", u"maría", u"lucía", u"jürgen", u"jörg", u"ana", u"miguel", u"sören",
        u"begoña", u"klaus", u"inés", u"günther", u"carmen", u"max", u"aitor"};
constexpr std::array<const char16_t *, 16> kLastNames
    = {u"garcía", u"müller", u"peña", u"schäfer", u"fernández", u"weiß", u"lópez", u"groß",
        u"martín", u"köhler", u"núñez", u"bauer", u"ibáñez", u"schmidt", u"sánchez", u"hoffmann"};
constexpr std::array<const char16_t *, 8> kDepartments
    = {u"FIN", u"HR", u"VENTAS", u"EINKAUF", u"IT", u"LAGER", u"RRHH", u"CONTAB"};
constexpr std::array<const char16_t *, 6> kClientTypes
    = {u"Windows 10 Enterprise 19045", u"Windows 11 Enterprise 22631",
        u"Windows Server 2019 Standard 17763", u"Mac OS X", u"Samba 4.17.12-Debian", u"Unix"};
constexpr std::array<const char16_t *, 4> kTransports
    = {u"\\Device\\NetbiosSmb", u"\\Device\\NetBT_Tcpip_{8E3F2B6A-4C1D-4E7A-9B2C-5D6E7F8A9B0C}",
        u"\\Device\\NetBT_Tcpip_{1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D}", u"\\Device\\NetBT_Tcp6"};

std::u16string decimal(std::uint32_t value)
{
    const std::string s = std::to_string(value);
    return std::u16string(s.begin(), s.end());
}

std::u16string padded(std::uint32_t value, std::size_t width)
{
    std::u16string s = decimal(value);
    if (s.size() < width)
        s.insert(0, width - s.size(), u'0');
    return s;
}

std::u16string hex(std::uint32_t value)
{
    static constexpr char16_t kDigits[] = u"0123456789abcdef";
    std::u16string s;
    do {
        s.insert(s.begin(), kDigits[value & 0xf]);
        value >>= 4;
    } while (value);
    return s;
}

} // namespace

SessionGenerator::SessionGenerator(std::uint64_t seed)
    : m_rng(seed)
{
}

std::uint32_t SessionGenerator::below(std::uint32_t bound)
{
    return std::uniform_int_distribution<std::uint32_t>(0, bound - 1)(m_rng);
}

std::u16string SessionGenerator::clientName()
{
    const std::uint32_t kind = below(100);
    ++m_serial;
    if (kind < 55) {
        return u"10." + decimal(below(256)) + u"." + decimal(below(256)) + u"."
            + decimal(1 + below(254));
    }
    if (kind < 70)
        return u"fd12:3456:789a:" + hex(below(0x10000)) + u"::" + hex(below(0x10000));
    return u"WS-" + std::u16string(kDepartments[below(kDepartments.size())]) + u"-"
        + padded(m_serial % 100000, 5);
}

std::u16string SessionGenerator::userName()
{
    const std::uint32_t kind = below(100);
    if (kind < 3)
        return u"svc_backup" + decimal(below(10));
    const std::u16string first = kFirstNames[below(kFirstNames.size())];
    const std::u16string last = kLastNames[below(kLastNames.size())];
    if (kind < 60)
        return first + u"." + last;
    return first.substr(0, 1) + last + decimal(below(100));
}

sc::SessionInfo SessionGenerator::next(sc::InfoLevel level)
{
    const sc::LevelFields fields = sc::fieldsOf(level);
    sc::SessionInfo s;
    s.level = level;
    s.clientName = m_singleClient.empty() ? clientName() : m_singleClient;
    if (fields.userName)
        s.userName = m_singleUser.empty() ? userName() : m_singleUser;
    if (fields.openCount)
        s.openCount = below(100) < 30 ? 0 : below(40);
    if (fields.times) {
        s.connectedSeconds = below(8 * 3600);
        s.idleSeconds = below(s.connectedSeconds + 1);
    }
    if (fields.userFlags) {
        const std::uint32_t f = below(100);
        s.userFlags = f < 2 ? sc::kSessGuest : (f < 5 ? sc::kSessNoEncryption : 0);
    }
    if (fields.clientType)
        s.clientType = kClientTypes[below(kClientTypes.size())];
    if (fields.transport)
        s.transport = kTransports[below(kTransports.size())];
    return s;
}

sc::SessionList SessionGenerator::make(std::size_t count, sc::InfoLevel level)
{
    sc::SessionList list;
    list.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        list.push_back(next(level));
    return list;
}

void SessionGenerator::advance(sc::SessionList &sessions, std::uint32_t seconds,
    double removeFraction, double addFraction, double activeFraction, sc::InfoLevel level)
{
    const std::size_t count = sessions.size();
    const auto removeCount = std::size_t(double(count) * removeFraction + 0.5);
    const auto addCount = std::size_t(double(count) * addFraction + 0.5);
    const auto activeCount = std::size_t(double(count) * activeFraction + 0.5);

    // Pick distinct victims by a partial shuffle of the indexes, then keep server order.
    std::vector<std::uint32_t> order(count);
    for (std::size_t i = 0; i < count; ++i)
        order[i] = std::uint32_t(i);
    const std::size_t picks = std::min(count, removeCount + activeCount);
    for (std::size_t i = 0; i < picks; ++i)
        std::swap(order[i], order[i + below(std::uint32_t(count - i))]);
    std::vector<char> fate(count, 0); // 1 removed, 2 active
    for (std::size_t i = 0; i < picks; ++i)
        fate[order[i]] = i < removeCount ? 1 : 2;

    const bool times = sc::fieldsOf(level).times;
    const bool opens = sc::fieldsOf(level).openCount;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (fate[i] == 1)
            continue;
        sc::SessionInfo &s = sessions[i];
        if (times) {
            s.connectedSeconds += seconds;
            s.idleSeconds = fate[i] == 2 ? below(seconds) : s.idleSeconds + seconds;
        }
        if (fate[i] == 2 && opens && below(2) == 0)
            s.openCount = s.openCount == 0 ? 1 : s.openCount + (below(2) ? 1 : -1);
        if (kept != i)
            sessions[kept] = std::move(s);
        ++kept;
    }
    sessions.resize(kept);
    for (std::size_t i = 0; i < addCount; ++i) {
        sc::SessionInfo s = next(level);
        if (times) {
            s.connectedSeconds = below(seconds);
            s.idleSeconds = below(s.connectedSeconds + 1);
        }
        sessions.push_back(std::move(s));
    }
}
