// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionDelRequest, plus the encode + decode round trip.

#include "roundtrip.h"
#include "srvsvccodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Request = sc::SrvsvcCodec::SessionDelRequest;
    fuzz::checkRoundTrip(data, size, &sc::SrvsvcCodec::decodeSessionDelRequest,
        &sc::SrvsvcCodec::encodeSessionDelRequest, [](const Request &a, const Request &r) {
            return a.serverName == r.serverName && a.clientName == r.clientName
                && a.userName == r.userName;
        });
    return 0;
}
