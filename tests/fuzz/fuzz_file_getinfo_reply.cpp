// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeFileGetInfoReply (one FILE_INFO_2/3 behind a union).
// Whatever decodes must survive encode + decode unchanged.

#include "roundtrip.h"
#include "srvsvcfilecodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Reply = sc::SrvsvcFileCodec::FileGetInfoReply;
    fuzz::checkRoundTrip(data, size, &sc::SrvsvcFileCodec::decodeFileGetInfoReply,
        &sc::SrvsvcFileCodec::encodeFileGetInfoReply, [](const Reply &a, const Reply &r) {
            return a.file == r.file && a.level == r.level && a.status == r.status;
        });
    return 0;
}
