// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ndrreader.h"
#include "result.h"
#include "sharedbytes.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

/// The NDR pieces every srvsvc call has in common, shared by SrvsvcCodec (sessions) and
/// SrvsvcFileCodec (open files, shares): the same checks and the same error texts for the
/// same fields, so both decoders fail alike on alike input. Internal to the codecs.
namespace sc {
class NdrWriter;
}

namespace sc::srvsvcndr {

/// ErrorKind::MalformedReply naming the field and why it was refused.
SessionError malformed(std::string field, const char *reason);
SessionError malformed(std::string field, const NdrReader &reader);

/// NERR_Success or ERROR_MORE_DATA: a reply that carries entries.
bool successStatus(std::uint32_t status);

/// Upper bound of a [string]'s bytes on the wire (header, units, NUL, padding).
std::size_t stringWireSize(std::u16string_view value);

inline const std::u16string *ptrOf(const std::optional<std::u16string> &value)
{
    return value ? &*value : nullptr;
}

/// A top-level unique [string] (pointer and pointee together); null reads as nullopt.
Result<std::optional<std::u16string>> readTopLevelString(NdrReader &reader, const char *field);

/// Several top-level unique [string]s in wire order, each into its target.
Result<void> readTopLevelStrings(NdrReader &reader,
    std::initializer_list<std::pair<std::optional<std::u16string> *, const char *>> strings);

/// The [in, out, unique] ResumeHandle of the enumeration calls, into @p resumeHandle.
Result<void> readResumeHandle(NdrReader &reader, std::optional<std::uint32_t> &resumeHandle);

/// The start of every enumeration's InfoStruct: the level, which @p known must accept, the
/// union tag that repeats it and the container pointer. @p arm is the union arm's name in the
/// error texts ("SessionInfo", "FileInfo", "ShareInfo"). @p hasContainer tells whether the
/// container follows.
Result<void> readInfoStructHead(NdrReader &reader, const char *arm, bool (*known)(std::uint32_t),
    std::uint32_t &level, bool &hasContainer);

/// The pointee of a non-null container pointer up to its entries: EntriesRead, the Buffer
/// pointer and max_count, which must agree. @p structName is the entries' struct
/// ("SESSION_INFO_1"); errors name its _CONTAINER. Returns how many entries follow (none when
/// the Buffer is null).
Result<std::uint32_t> readContainerHead(NdrReader &reader, const char *structName);

/// The end of every enumeration request after its InfoStruct: PreferedMaximumLength and
/// ResumeHandle.
template<typename Request>
Result<void> readEnumRequestTail(NdrReader &reader, Request &request)
{
    if (!reader.readU32(request.preferredMaximumLength))
        return malformed("PreferedMaximumLength", reader);
    return readResumeHandle(reader, request.resumeHandle);
}

/// The end of every enumeration request from its InfoStruct on: the level, the union tag, an
/// empty container for the server to fill in, PreferedMaximumLength and ResumeHandle.
void writeEnumRequestTail(NdrWriter &writer, std::uint32_t level,
    std::uint32_t preferredMaximumLength, const std::optional<std::uint32_t> &resumeHandle);

/// The start of every enumeration reply up to its entries: the level, the union tag, the
/// container (none in an error reply with nothing to return, as Windows does), EntriesRead,
/// the Buffer pointer and max_count. Returns whether @p count entries are to follow.
bool writeEnumReplyHead(
    NdrWriter &writer, std::uint32_t level, std::size_t count, std::uint32_t status);

/// The end of every enumeration reply: TotalEntries, ResumeHandle and the status. A reply
/// whose container was null (@p hasContainer false) must carry an error status: a successful
/// one has entries. @p arm names the union arm as readInfoStructHead() does.
template<typename Reply>
Result<void> readEnumReplyTail(NdrReader &reader, Reply &reply, bool hasContainer, const char *arm)
{
    if (!reader.readU32(reply.totalEntries))
        return malformed("TotalEntries", reader);
    if (auto r = readResumeHandle(reader, reply.resumeHandle); !r)
        return r;
    if (!reader.readU32(reply.status))
        return malformed("return status", reader);
    if (!hasContainer && successStatus(reply.status))
        return malformed(
            std::string("InfoStruct.") + arm + " container", "null in a successful reply");
    return {};
}

/// An enumeration reply: its InfoStruct, which @p readInfoStruct reads into the reply along with
/// whether the container was there, then the tail. @p arm as for readEnumReplyTail().
template<typename Reply, typename ReadInfoStruct>
Result<Reply> decodeEnumReply(
    const std::uint8_t *data, std::size_t size, const char *arm, ReadInfoStruct readInfoStruct)
{
    NdrReader reader(data, size);
    Reply reply;
    bool hasContainer = false;
    if (auto r = readInfoStruct(reader, reply, hasContainer); !r)
        return r.error();
    if (auto r = readEnumReplyTail(reader, reply, hasContainer, arm); !r)
        return r.error();
    return reply;
}

void writeEnumReplyTail(NdrWriter &writer, std::uint32_t totalEntries,
    const std::optional<std::uint32_t> &resumeHandle, std::uint32_t status);

/// A request decoder: each of @p parts reads its fields into the request, in wire order, and
/// the first to fail is the decoder's error. Bytes after the last field are ignored, as in
/// replies.
template<typename Request, typename... Parts>
Result<Request> decodeRequest(const std::uint8_t *data, std::size_t size, Parts... parts)
{
    NdrReader reader(data, size);
    Request request;
    Result<void> read;
    // && stops at the first part that fails: no part reads on from a field that did not decode.
    if (!((read = parts(reader, request)) && ...))
        return read.error();
    return request;
}

/// A reply that is only a NET_API_STATUS (NetrSessionDel, NetrFileClose).
Result<std::uint32_t> decodeStatusReply(const std::uint8_t *data, std::size_t size);
ByteBuffer encodeStatusReply(std::uint32_t status);

} // namespace sc::srvsvcndr
