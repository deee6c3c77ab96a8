// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcFileCodec::decodeShareEnumReply (SHARE_INFO_2, the shares' paths).
// Whatever decodes must survive encode + decode unchanged (the password is never kept).

#include "roundtrip.h"
#include "srvsvcfilecodec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using Reply = sc::SrvsvcFileCodec::ShareEnumReply;
    fuzz::checkRoundTrip(data, size, &sc::SrvsvcFileCodec::decodeShareEnumReply,
        &sc::SrvsvcFileCodec::encodeShareEnumReply, [](const Reply &a, const Reply &r) {
            return a.shares == r.shares && a.level == r.level && a.status == r.status
                && a.totalEntries == r.totalEntries && a.resumeHandle == r.resumeHandle;
        });
    return 0;
}
