// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionEnumReply, the decoder that sees server bytes.
// Beyond "no crash, no over-read", whatever decodes must survive encode + decode unchanged.

#include "srvsvccodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto reply = sc::SrvsvcCodec::decodeSessionEnumReply(data, size);
    if (!reply) {
        if (reply.error().kind() != sc::ErrorKind::MalformedReply) {
            std::abort();
        }
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcCodec::encodeSessionEnumReply(*reply);
    auto again = sc::SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
    if (!again || again->sessions != reply->sessions || again->level != reply->level
        || again->status != reply->status || again->totalEntries != reply->totalEntries
        || again->resumeHandle != reply->resumeHandle) {
        std::abort();
    }
    // Decoded texts share blocks: a copy of one session must stay readable (ASan checks)
    // after the list it came from is gone.
    if (!again->sessions.empty()) {
        const sc::SessionInfo last = again->sessions.back();
        again->sessions.clear();
        again->sessions.shrink_to_fit();
        if (last != reply->sessions.back()) {
            std::abort();
        }
    }
    return 0;
}
