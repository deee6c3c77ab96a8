// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the small decoders of SrvsvcFileCodec, all on every input: the requests
// of NetrFileEnum, NetrFileGetInfo, NetrFileClose and NetrShareEnum, and NetrFileClose's reply.
// One target for all of them keeps the CI fuzz run short; each is a few fields long. Whatever
// decodes must survive encode + decode unchanged.

#include "roundtrip.h"
#include "srvsvcfilecodec.h"

#include <functional>

using Codec = sc::SrvsvcFileCodec;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::checkRoundTrip(data, size, &Codec::decodeFileEnumRequest, &Codec::encodeFileEnumRequest,
        [](const Codec::FileEnumRequest &a, const Codec::FileEnumRequest &r) {
            return a.serverName == r.serverName && a.basePath == r.basePath
                && a.userName == r.userName && a.level == r.level
                && a.preferredMaximumLength == r.preferredMaximumLength
                && a.resumeHandle == r.resumeHandle;
        });
    fuzz::checkRoundTrip(data, size, &Codec::decodeFileGetInfoRequest,
        &Codec::encodeFileGetInfoRequest,
        [](const Codec::FileGetInfoRequest &a, const Codec::FileGetInfoRequest &r) {
            return a.serverName == r.serverName && a.fileId == r.fileId && a.level == r.level;
        });
    fuzz::checkRoundTrip(data, size, &Codec::decodeFileCloseRequest, &Codec::encodeFileCloseRequest,
        [](const Codec::FileCloseRequest &a, const Codec::FileCloseRequest &r) {
            return a.serverName == r.serverName && a.fileId == r.fileId;
        });
    fuzz::checkRoundTrip(data, size, &Codec::decodeShareEnumRequest, &Codec::encodeShareEnumRequest,
        [](const Codec::ShareEnumRequest &a, const Codec::ShareEnumRequest &r) {
            return a.serverName == r.serverName && a.level == r.level
                && a.preferredMaximumLength == r.preferredMaximumLength
                && a.resumeHandle == r.resumeHandle;
        });
    fuzz::checkRoundTrip(data, size, &Codec::decodeFileCloseReply, &Codec::encodeFileCloseReply,
        std::equal_to<std::uint32_t>());
    return 0;
}
