// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>

/// Every conversion between the server's elapsed seconds and the console's instants, in one
/// place.
///
/// The server reports "connected for" and "idle for" as whole seconds, counted on its own clock
/// when it sent the answer. The console keeps instants instead (ms since the epoch, UTC:
/// SessionRow::connectedSinceMs), so an unchanged session compares equal from poll to poll and
/// the views compute "elapsed" at paint time. That conversion has four steps, all here:
///  1. clampElapsed(): Samba's wrap for sessions younger than a second;
///  2. aged(): a paged answer's later pages arrive seconds after the first, so each page's
///     seconds are aged to one instant (SessionPollWorker::alignPages());
///  3. sinceMs(): seconds at the poll time to an instant;
///  4. the tolerance snap: rounding makes the instant jitter by up to a second between polls,
///     so a matched session keeps its previous instants while within tolerance
///     (sameConnectInstant(), keepJitteredInstants()).
/// Sorting turns an instant back into an order of durations with durationSortKey().
namespace sc::SessionTime {

/// Two connect instants this close are the same session's (rounding to whole seconds on the
/// server's clock and ours).
inline constexpr std::int64_t kConnectToleranceMs = 2000;
/// Idle instants jitter the same way; a real activity moves the instant by more.
inline constexpr std::int64_t kIdleToleranceMs = 1500;

/// Samba computes sesiX_time as "now - start" in whole seconds with the start rounded up, so a
/// session younger than a second comes back as (uint32_t)-1. No session is 68 years old:
/// anything with the top bit set is such a wrap and means "just now".
constexpr std::uint32_t clampElapsed(std::uint32_t seconds)
{
    return seconds >= 0x80000000u ? 0 : seconds;
}

/// Whole seconds between a page's arrival at @p pageAtMs and @p nowMs (rounded), by which its
/// elapsed times must grow to be as at @p nowMs.
constexpr std::int64_t ageSeconds(std::int64_t pageAtMs, std::int64_t nowMs)
{
    return (nowMs - pageAtMs + 500) / 1000;
}

/// @p seconds aged by @p age seconds, saturating below the wrap clampElapsed() catches.
constexpr std::uint32_t aged(std::uint32_t seconds, std::int64_t age)
{
    return std::uint32_t(std::min<std::int64_t>(std::int64_t(seconds) + age, 0x7fffffff));
}

/// The instant @p elapsedSeconds before @p pollTimeMs.
constexpr std::int64_t sinceMs(std::int64_t pollTimeMs, std::uint32_t elapsedSeconds)
{
    return pollTimeMs - std::int64_t(elapsedSeconds) * 1000;
}

/// Whether connect instants @p distanceMs apart can be one session's.
constexpr bool sameConnectInstant(std::int64_t distanceMs)
{
    return distanceMs <= kConnectToleranceMs;
}

/// The tolerance snap for a session matched from poll to poll: @p row keeps @p previous's
/// connect instant (the match was within tolerance) and its idle instant while that is within
/// tolerance: the difference is the server's rounding, not a new instant. Row is any type with
/// connectedSinceMs and idleSinceMs.
template<typename Row>
void keepJitteredInstants(Row &row, const Row &previous)
{
    row.connectedSinceMs = previous.connectedSinceMs;
    if (std::abs(row.idleSinceMs - previous.idleSinceMs) <= kIdleToleranceMs)
        row.idleSinceMs = previous.idleSinceMs;
}

/// An instant as an unsigned sort key that orders the durations since it: negated, so the
/// earlier instant (the longer duration) sorts after the later one, and the sign bit flipped,
/// so signed order becomes unsigned order.
constexpr std::uint64_t durationSortKey(std::int64_t sinceMs)
{
    return std::uint64_t(-sinceMs) ^ (std::uint64_t(1) << 63);
}

} // namespace sc::SessionTime
