// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeFileEnumReply, the open-file list a server sends.
// Beyond "no crash, no over-read", whatever decodes must survive encode + decode unchanged.

#include "srvsvcfilecodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto reply = sc::SrvsvcFileCodec::decodeFileEnumReply(data, size);
    if (!reply) {
        if (reply.error().kind() != sc::ErrorKind::MalformedReply)
            std::abort();
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcFileCodec::encodeFileEnumReply(*reply);
    auto again = sc::SrvsvcFileCodec::decodeFileEnumReply(wire.data(), wire.size());
    if (!again || again->files != reply->files || again->level != reply->level
        || again->status != reply->status || again->totalEntries != reply->totalEntries
        || again->resumeHandle != reply->resumeHandle)
        std::abort();
    // Decoded texts share blocks: a copy of one file must stay readable (ASan checks) after
    // the list it came from is gone.
    if (!again->files.empty()) {
        const sc::OpenFileInfo last = again->files.back();
        again->files.clear();
        again->files.shrink_to_fit();
        if (last != reply->files.back())
            std::abort();
    }
    return 0;
}
