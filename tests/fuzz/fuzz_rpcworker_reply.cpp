// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the parent's decoders of the Samba worker's replies (rpcworkerprotocol.h).
// A worker that misbehaves must not make us read a byte it did not send; whatever decodes
// must encode back to the same message.

#include "rpcworkerprotocol.h"

#include <cstdlib>
#include <cstring>

namespace {

using sc::rpcworker::Bytes;

Bytes payloadOf(const Bytes &frame)
{
    std::uint8_t header[sc::rpcworker::kHeaderSize];
    std::memcpy(header, frame.data(), sizeof header);
    const auto size = sc::rpcworker::payloadSize(header);
    if (!size || *size != frame.size() - sizeof header)
        std::abort();
    return Bytes(frame.begin() + sc::rpcworker::kHeaderSize, frame.end());
}

bool sameError(const sc_samba_error &a, const sc_samba_error &b)
{
    return a.ntstatus == b.ntstatus && a.fault_code == b.fault_code && a.timed_out == b.timed_out
        && a.connection_broken == b.connection_broken && std::strcmp(a.detail, b.detail) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Bytes payload(data, data + size);

    if (const auto reply = sc::rpcworker::decodeConnectReply(payload)) {
        const Bytes wire
            = sc::rpcworker::encodeConnectReply(reply->ok ? 0 : -1, reply->security, reply->error);
        const auto again = sc::rpcworker::decodeConnectReply(payloadOf(wire));
        if (!again || again->ok != reply->ok || !sameError(again->error, reply->error)
            || std::strcmp(again->security.protocol, reply->security.protocol) != 0
            || std::strcmp(again->security.local_address, reply->security.local_address) != 0)
            std::abort();
    }
    if (const auto reply = sc::rpcworker::decodeCallReply(payload)) {
        const Bytes wire = sc::rpcworker::encodeCallReply(
            reply->stub.data(), reply->stub.size(), reply->ok ? nullptr : &reply->error);
        const auto again = sc::rpcworker::decodeCallReply(payloadOf(wire));
        if (!again || again->ok != reply->ok || again->stub != reply->stub
            || (!reply->ok && !sameError(again->error, reply->error)))
            std::abort();
    }
    if (const auto connected = sc::rpcworker::decodeIsConnectedReply(payload)) {
        const auto again = sc::rpcworker::decodeIsConnectedReply(
            payloadOf(sc::rpcworker::encodeIsConnectedReply(*connected)));
        if (again != connected)
            std::abort();
    }
    return 0;
}
