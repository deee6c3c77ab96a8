// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeFileGetInfoReply (one FILE_INFO_2/3 behind a union).
// Whatever decodes must survive encode + decode unchanged.

#include "srvsvcfilecodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto reply = sc::SrvsvcFileCodec::decodeFileGetInfoReply(data, size);
    if (!reply) {
        if (reply.error().kind() != sc::ErrorKind::MalformedReply)
            std::abort();
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcFileCodec::encodeFileGetInfoReply(*reply);
    const auto again = sc::SrvsvcFileCodec::decodeFileGetInfoReply(wire.data(), wire.size());
    if (!again || again->file != reply->file || again->level != reply->level
        || again->status != reply->status)
        std::abort();
    return 0;
}
