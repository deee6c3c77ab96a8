// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionEnumRequest, plus the encode + decode round trip.

#include "roundtrip.h"
#include "srvsvccodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Request = sc::SrvsvcCodec::SessionEnumRequest;
    fuzz::checkRoundTrip(data, size, &sc::SrvsvcCodec::decodeSessionEnumRequest,
        &sc::SrvsvcCodec::encodeSessionEnumRequest, [](const Request &a, const Request &r) {
            return a.serverName == r.serverName && a.clientName == r.clientName
                && a.userName == r.userName && a.level == r.level
                && a.preferredMaximumLength == r.preferredMaximumLength
                && a.resumeHandle == r.resumeHandle;
        });
    return 0;
}
