// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SrvsvcCodec::decodeSessionDelReply (one NET_API_STATUS, but it still
// must never read a byte it was not given).

#include "srvsvccodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto status = sc::SrvsvcCodec::decodeSessionDelReply(data, size);
    if (!status) {
        if (status.error().kind() != sc::ErrorKind::MalformedReply || size >= 4) {
            std::abort();
        }
        return 0;
    }
    const sc::ByteBuffer wire = sc::SrvsvcCodec::encodeSessionDelReply(*status);
    const auto again = sc::SrvsvcCodec::decodeSessionDelReply(wire.data(), wire.size());
    if (!again || *again != *status) {
        std::abort();
    }
    return 0;
}
