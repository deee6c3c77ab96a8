// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"

#include <cstdint>
#include <random>

/// Realistic, reproducible session lists for the benchmarks: client addresses and workstation
/// names, Spanish and German user names with accents, the client types and transports a
/// Windows file server reports, and a poll-to-poll evolution (time passes, sessions end and
/// start, some are active).
class SessionGenerator
{
public:
    explicit SessionGenerator(std::uint64_t seed = 20240611);

    /// A new session as a server reports it at @p level (fields the level lacks stay empty).
    sc::SessionInfo next(sc::InfoLevel level);
    sc::SessionList make(std::size_t count, sc::InfoLevel level);

    /// Every session from now on comes from one client and one user (as from a load
    /// generator, or a service account on an application server): the diff's worst case.
    void setSingleIdentity(std::u16string client, std::u16string user)
    {
        m_singleClient = std::move(client);
        m_singleUser = std::move(user);
    }

    /// The list one poll later: @p seconds pass, about @p removeFraction of the sessions end
    /// (at random positions), @p addFraction new ones are appended, and @p activeFraction of
    /// the remaining ones did something (idle time back near zero, open count changed).
    void advance(sc::SessionList &sessions, std::uint32_t seconds, double removeFraction,
        double addFraction, double activeFraction, sc::InfoLevel level);

private:
    std::u16string clientName();
    std::u16string userName();
    std::uint32_t below(std::uint32_t bound);

    std::mt19937_64 m_rng;
    std::uint32_t m_serial = 0;
    std::u16string m_singleClient;
    std::u16string m_singleUser;
};
