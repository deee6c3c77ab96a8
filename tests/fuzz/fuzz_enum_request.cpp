// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionEnumRequest, plus the encode + decode round trip.

#include "srvsvccodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto request = sc::SrvsvcCodec::decodeSessionEnumRequest(data, size);
    if (!request) {
        if (request.error().kind() != sc::ErrorKind::MalformedReply) {
            std::abort();
        }
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcCodec::encodeSessionEnumRequest(*request);
    const auto again = sc::SrvsvcCodec::decodeSessionEnumRequest(wire.data(), wire.size());
    if (!again || again->serverName != request->serverName
        || again->clientName != request->clientName || again->userName != request->userName
        || again->level != request->level
        || again->preferredMaximumLength != request->preferredMaximumLength
        || again->resumeHandle != request->resumeHandle) {
        std::abort();
    }
    return 0;
}
