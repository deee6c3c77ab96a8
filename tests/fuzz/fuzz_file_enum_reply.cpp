// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeFileEnumReply, the open-file list a server sends.
// Beyond "no crash, no over-read", whatever decodes must survive encode + decode unchanged,
// and decoding the input as a transport's SharedBytes stub must give the same answer.

#include "srvsvcfilecodec.h"

#include <cstdlib>
#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto reply = sc::SrvsvcFileCodec::decodeFileEnumReply(data, size);
    // The decoder of a transport's stub, whose texts refer into it, must agree in every case.
    std::optional<sc::SharedBytes> stub(sc::SharedBytes(data, size));
    auto fromStub = sc::SrvsvcFileCodec::decodeFileEnumReply(*stub);
    if (reply.ok() != fromStub.ok())
        std::abort();
    if (!reply) {
        if (reply.error().kind() != sc::ErrorKind::MalformedReply
            || reply.error().message() != fromStub.error().message())
            std::abort();
        return 0;
    }
    if (fromStub->files != reply->files || fromStub->level != reply->level
        || fromStub->status != reply->status || fromStub->totalEntries != reply->totalEntries
        || fromStub->resumeHandle != reply->resumeHandle)
        std::abort();
    // The texts keep the stub alive once the transport's reference is gone (ASan checks).
    stub.reset();
    if (!fromStub->files.empty() && fromStub->files.back() != reply->files.back())
        std::abort();
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
