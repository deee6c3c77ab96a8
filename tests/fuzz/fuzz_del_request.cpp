// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionDelRequest, plus the encode + decode round trip.

#include "srvsvccodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto request = sc::SrvsvcCodec::decodeSessionDelRequest(data, size);
    if (!request) {
        if (request.error().kind() != sc::ErrorKind::MalformedReply) {
            std::abort();
        }
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcCodec::encodeSessionDelRequest(*request);
    const auto again = sc::SrvsvcCodec::decodeSessionDelRequest(wire.data(), wire.size());
    if (!again || again->serverName != request->serverName
        || again->clientName != request->clientName || again->userName != request->userName) {
        std::abort();
    }
    return 0;
}
