// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the small decoders of SrvsvcFileCodec, all on every input: the requests
// of NetrFileEnum, NetrFileGetInfo, NetrFileClose and NetrShareEnum, and NetrFileClose's reply.
// One target for all of them keeps the CI fuzz run short; each is a few fields long. Whatever
// decodes must survive encode + decode unchanged.

#include "srvsvcfilecodec.h"

#include <cstdlib>

namespace {

using Codec = sc::SrvsvcFileCodec;

void check(bool ok)
{
    if (!ok)
        std::abort();
}

template<typename R>
bool malformedOnly(const R &r)
{
    return r || r.error().kind() == sc::ErrorKind::MalformedReply;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (const auto r = Codec::decodeFileEnumRequest(data, size)) {
        const sc::ByteBuffer w = Codec::encodeFileEnumRequest(*r);
        const auto a = Codec::decodeFileEnumRequest(w.data(), w.size());
        check(a && a->serverName == r->serverName && a->basePath == r->basePath
            && a->userName == r->userName && a->level == r->level
            && a->preferredMaximumLength == r->preferredMaximumLength
            && a->resumeHandle == r->resumeHandle);
    } else {
        check(malformedOnly(r));
    }
    if (const auto r = Codec::decodeFileGetInfoRequest(data, size)) {
        const sc::ByteBuffer w = Codec::encodeFileGetInfoRequest(*r);
        const auto a = Codec::decodeFileGetInfoRequest(w.data(), w.size());
        check(
            a && a->serverName == r->serverName && a->fileId == r->fileId && a->level == r->level);
    } else {
        check(malformedOnly(r));
    }
    if (const auto r = Codec::decodeFileCloseRequest(data, size)) {
        const sc::ByteBuffer w = Codec::encodeFileCloseRequest(*r);
        const auto a = Codec::decodeFileCloseRequest(w.data(), w.size());
        check(a && a->serverName == r->serverName && a->fileId == r->fileId);
    } else {
        check(malformedOnly(r));
    }
    if (const auto r = Codec::decodeShareEnumRequest(data, size)) {
        const sc::ByteBuffer w = Codec::encodeShareEnumRequest(*r);
        const auto a = Codec::decodeShareEnumRequest(w.data(), w.size());
        check(a && a->serverName == r->serverName && a->level == r->level
            && a->preferredMaximumLength == r->preferredMaximumLength
            && a->resumeHandle == r->resumeHandle);
    } else {
        check(malformedOnly(r));
    }
    if (const auto r = Codec::decodeFileCloseReply(data, size)) {
        const sc::ByteBuffer w = Codec::encodeFileCloseReply(*r);
        const auto a = Codec::decodeFileCloseReply(w.data(), w.size());
        check(a && *a == *r);
    } else {
        check(malformedOnly(r));
    }
    return 0;
}
