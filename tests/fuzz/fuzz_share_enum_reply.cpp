// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeShareEnumReply (SHARE_INFO_2, the shares' paths).
// Whatever decodes must survive encode + decode unchanged (the password is never kept).

#include "srvsvcfilecodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto reply = sc::SrvsvcFileCodec::decodeShareEnumReply(data, size);
    if (!reply) {
        if (reply.error().kind() != sc::ErrorKind::MalformedReply)
            std::abort();
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcFileCodec::encodeShareEnumReply(*reply);
    const auto again = sc::SrvsvcFileCodec::decodeShareEnumReply(wire.data(), wire.size());
    if (!again || again->shares != reply->shares || again->level != reply->level
        || again->status != reply->status || again->totalEntries != reply->totalEntries
        || again->resumeHandle != reply->resumeHandle)
        std::abort();
    return 0;
}
