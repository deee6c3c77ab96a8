// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"
#include "sharedbytes.h"

#include <cstdint>
#include <cstdlib>

namespace fuzz {

/// Stops the run, so that libFuzzer keeps the input, unless @p ok.
inline void check(bool ok)
{
    if (!ok)
        std::abort();
}

/// What every target asks of a decoder: input it refuses is a MalformedReply and nothing
/// else, and what it decodes survives @p encode and @p decode again, by @p same.
template<typename Decode, typename Encode, typename Same>
void checkRoundTrip(
    const std::uint8_t *data, std::size_t size, Decode decode, Encode encode, Same same)
{
    const auto decoded = decode(data, size);
    if (!decoded) {
        check(decoded.error().kind() == sc::ErrorKind::MalformedReply);
        return;
    }
    const sc::ByteBuffer wire = encode(*decoded);
    const auto again = decode(wire.data(), wire.size());
    check(again && same(*again, *decoded));
}

} // namespace fuzz
