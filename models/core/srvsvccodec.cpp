// SPDX-License-Identifier: GPL-3.0-or-later
#include "srvsvccodec.h"

#include "ndrreader.h"
#include "ndrwriter.h"
#include "srvsvcndr.h"

#include <string_view>
#include <utility>
#include <vector>

// Wire layout (NDR 2.0, little-endian, 32-bit; MS-SRVS 3.1.4.5 and 3.1.4.6):
//
// NetrSessionEnum request            NetrSessionEnum reply
//   ServerName   unique [string]       InfoStruct.Level
//   ClientName   unique [string]       InfoStruct.SessionInfo tag (= Level)
//   UserName     unique [string]       container pointer (unique)
//   InfoStruct.Level                   [deferred] EntriesRead, Buffer pointer
//   InfoStruct.SessionInfo tag         [deferred] max_count, entries' fixed parts,
//   container pointer (unique)                    then each entry's strings in order
//   [deferred] EntriesRead, Buffer     TotalEntries (top-level [out] ref: no pointer)
//   PreferedMaximumLength              ResumeHandle unique pointer + value
//   ResumeHandle unique pointer+value  NET_API_STATUS
//
// Top-level unique pointers carry their pointee right after the referent id; pointers
// embedded in the InfoStruct are deferred to the end of that parameter. The top-level
// InfoStruct pointer is [ref], which has no wire representation.
//
// Decoding choices beyond the IDL, all documented in the unit test too:
// - A [string] ends at its first NUL; a missing terminator is tolerated (see NdrReader).
// - A null string pointer inside an entry decodes as an empty string (the IDL allows null).
// - A null container is accepted only with an error status: a successful reply has entries.
// - Bytes after the last field are ignored, as Samba's own RPC client does.

namespace sc {

// The pieces every srvsvc call shares.
using namespace srvsvcndr;

namespace {

// What a level's SESSION_INFO_x carries (sc::fieldsOf(), in wire order: cname, username,
// num_opens, time, idle_time, user_flags, cltype_name, transport) and how it is laid out.
struct LevelShape
{
    LevelFields fields;
    std::size_t fixedSize; // bytes of one entry's fixed part: the pointers and DWORDs
    const char *structName;
    const char *prefix;
};

constexpr LevelShape shapeOf(InfoLevel level)
{
    const LevelFields fields = fieldsOf(level);
    switch (level) {
    case InfoLevel::Level0:
        return {fields, 4, "SESSION_INFO_0", "sesi0_"};
    case InfoLevel::Level1:
        return {fields, 24, "SESSION_INFO_1", "sesi1_"};
    case InfoLevel::Level2:
        return {fields, 28, "SESSION_INFO_2", "sesi2_"};
    case InfoLevel::Level10:
        return {fields, 16, "SESSION_INFO_10", "sesi10_"};
    case InfoLevel::Level502:
        return {fields, 32, "SESSION_INFO_502", "sesi502_"};
    }
    return {fields, 4, "SESSION_INFO_?", "sesi?_"};
}

std::string entryField(const LevelShape &shape, std::size_t index, const char *field)
{
    return std::string(shape.structName) + "[" + std::to_string(index) + "]." + shape.prefix
        + field;
}

SessionText clientNameFrom(const NdrWireString &wire, SessionText::Arena &arena)
{
    // Servers report "\\host" or "host"; we store the bare name so rows compare equal.
    std::size_t first = 0;
    while (first < wire.units && wire.unitAt(first) == u'\\') {
        ++first;
    }
    return arena.addLittleEndian(wire.bytes + 2 * first, wire.units - first);
}

// Reads `count` SESSION_INFO_x entries (conformant array body, after max_count) into `out`.
// The fixed parts are one contiguous block followed by the deferred strings in entry order, so
// a single loop reads entry i's fixed part from the block and its strings from the stream:
// every byte is read once and every SessionInfo is built in one go while it is in cache. The
// texts go into one arena per reply: with four allocations per entry, the allocator was most
// of the decode time of a big reply.
template<InfoLevel L>
Result<void> readEntries(NdrReader &reader, std::uint32_t count, SessionList &out)
{
    constexpr LevelShape shape = shapeOf(L);
    // Before reserving: a count from the wire must be backed by data.
    if (!reader.checkCount(count, shape.fixedSize)) {
        return malformed(std::string(shape.structName) + " array", reader);
    }
    const std::uint8_t *fixed = reader.takeBlock(std::size_t(count) * shape.fixedSize);
    if (!fixed) {
        return malformed(std::string(shape.structName) + " array", reader);
    }
    out.reserve(count);
    // The strings cannot hold more units than the bytes left, so a small reply gets a small
    // block.
    SessionText::Arena arena(reader.remaining() / 2);
    // Client type and transport repeat across a server's sessions (a few Windows versions, one
    // transport per network card): equal ones share their units.
    constexpr int kClientTypeSlot = 0;
    constexpr int kTransportSlot = 1;

    NdrWireString wire;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint8_t *f = fixed + std::size_t(i) * shape.fixedSize;
        auto next = [&f] {
            const std::uint32_t v = NdrReader::loadU32(f);
            f += 4;
            return v;
        };
        SessionInfo &info = out.emplace_back();
        info.level = L;
        const bool hasClientName = next() != 0;
        bool hasUserName = false;
        bool hasClientType = false;
        bool hasTransport = false;
        if constexpr (shape.fields.userName) {
            hasUserName = next() != 0;
        }
        if constexpr (shape.fields.openCount) {
            info.openCount = next();
        }
        if constexpr (shape.fields.times) {
            info.connectedSeconds = next();
            info.idleSeconds = next();
        }
        if constexpr (shape.fields.userFlags) {
            info.userFlags = next();
        }
        if constexpr (shape.fields.clientType) {
            hasClientType = next() != 0;
        }
        if constexpr (shape.fields.transport) {
            hasTransport = next() != 0;
        }

        if (hasClientName) {
            if (!reader.readString(wire)) {
                return malformed(entryField(shape, i, "cname"), reader);
            }
            info.clientName = clientNameFrom(wire, arena);
        }
        if (hasUserName) {
            if (!reader.readString(wire)) {
                return malformed(entryField(shape, i, "username"), reader);
            }
            info.userName = arena.addLittleEndian(wire.bytes, wire.units);
        }
        if (hasClientType) {
            if (!reader.readString(wire)) {
                return malformed(entryField(shape, i, "cltype_name"), reader);
            }
            info.clientType
                = arena.addRepeatingLittleEndian(kClientTypeSlot, wire.bytes, wire.units);
        }
        if (hasTransport) {
            if (!reader.readString(wire)) {
                return malformed(entryField(shape, i, "transport"), reader);
            }
            info.transport = arena.addRepeatingLittleEndian(kTransportSlot, wire.bytes, wire.units);
        }
    }
    return {};
}

// Reads the pointee of a non-null container pointer: SESSION_INFO_x_CONTAINER and its array.
Result<void> readContainer(NdrReader &reader, InfoLevel level, SessionList &out)
{
    const Result<std::uint32_t> count = readContainerHead(reader, shapeOf(level).structName);
    if (!count) {
        return count.error();
    }
    if (*count == 0) {
        return {};
    }
    switch (level) {
    case InfoLevel::Level0:
        return readEntries<InfoLevel::Level0>(reader, *count, out);
    case InfoLevel::Level1:
        return readEntries<InfoLevel::Level1>(reader, *count, out);
    case InfoLevel::Level2:
        return readEntries<InfoLevel::Level2>(reader, *count, out);
    case InfoLevel::Level10:
        return readEntries<InfoLevel::Level10>(reader, *count, out);
    case InfoLevel::Level502:
        return readEntries<InfoLevel::Level502>(reader, *count, out);
    }
    return malformed("InfoStruct.Level", "unknown level");
}

// InfoStruct up to and including its deferred container. `hasContainer` tells the caller
// whether the union arm was null.
Result<void> readInfoStruct(
    NdrReader &reader, InfoLevel &level, bool &hasContainer, SessionList &out)
{
    std::uint32_t rawLevel = 0;
    if (auto r
        = readInfoStructHead(reader, "SessionInfo", isValidInfoLevel, rawLevel, hasContainer);
        !r) {
        return r.error();
    }
    level = InfoLevel(rawLevel);
    if (!hasContainer) {
        return {};
    }
    return readContainer(reader, level, out);
}

// ServerName, ClientName and UserName: how the requests of both session calls begin.
template<typename Request>
std::size_t namesWireSize(const Request &request)
{
    std::size_t size = 0;
    for (const auto *s : {&request.serverName, &request.clientName, &request.userName}) {
        size += *s ? stringWireSize(**s) : 0;
    }
    return size;
}

template<typename Request>
void writeNames(NdrWriter &writer, const Request &request)
{
    writer.writeTopLevelString(ptrOf(request.serverName));
    writer.writeTopLevelString(ptrOf(request.clientName));
    writer.writeTopLevelString(ptrOf(request.userName));
}

template<typename Request>
Result<void> readNames(NdrReader &reader, Request &request)
{
    return readTopLevelStrings(reader,
        {{&request.serverName, "ServerName"}, {&request.clientName, "ClientName"},
            {&request.userName, "UserName"}});
}

// The InfoStruct of a NetrSessionEnum request. A client may send entries in the [in]
// container; they are checked and dropped.
Result<void> readSessionEnumInfoStruct(NdrReader &reader, SrvsvcCodec::SessionEnumRequest &request)
{
    SessionList ignored;
    bool hasContainer = false;
    return readInfoStruct(reader, request.level, hasContainer, ignored);
}

} // namespace

ByteBuffer SrvsvcCodec::encodeSessionEnumRequest(const SessionEnumRequest &request)
{
    NdrWriter writer(64 + namesWireSize(request));
    writeNames(writer, request);
    writeEnumRequestTail(
        writer, std::uint32_t(request.level), request.preferredMaximumLength, request.resumeHandle);
    return writer.take();
}

Result<SrvsvcCodec::SessionEnumReply> SrvsvcCodec::decodeSessionEnumReply(
    const std::uint8_t *data, std::size_t size)
{
    return decodeEnumReply<SessionEnumReply>(data, size, "SessionInfo",
        [](NdrReader &reader, SessionEnumReply &reply, bool &hasContainer) {
            return readInfoStruct(reader, reply.level, hasContainer, reply.sessions);
        });
}

ByteBuffer SrvsvcCodec::encodeSessionEnumReply(const SessionEnumReply &reply)
{
    const LevelShape shape = shapeOf(reply.level);
    std::size_t size = 64 + reply.sessions.size() * shape.fixedSize;
    for (const SessionInfo &s : reply.sessions) {
        size += stringWireSize(s.clientName);
        size += shape.fields.userName ? stringWireSize(s.userName) : 0;
        size += shape.fields.clientType ? stringWireSize(s.clientType) : 0;
        size += shape.fields.transport ? stringWireSize(s.transport) : 0;
    }
    NdrWriter writer(size);
    if (writeEnumReplyHead(
            writer, std::uint32_t(reply.level), reply.sessions.size(), reply.status)) {
        for (const SessionInfo &s : reply.sessions) {
            writer.writePointer(true);
            if (shape.fields.userName) {
                writer.writePointer(true);
            }
            if (shape.fields.openCount) {
                writer.writeU32(s.openCount);
            }
            if (shape.fields.times) {
                writer.writeU32(s.connectedSeconds);
                writer.writeU32(s.idleSeconds);
            }
            if (shape.fields.userFlags) {
                writer.writeU32(s.userFlags);
            }
            if (shape.fields.clientType) {
                writer.writePointer(true);
            }
            if (shape.fields.transport) {
                writer.writePointer(true);
            }
        }
        for (const SessionInfo &s : reply.sessions) {
            writer.writeString(s.clientName);
            if (shape.fields.userName) {
                writer.writeString(s.userName);
            }
            if (shape.fields.clientType) {
                writer.writeString(s.clientType);
            }
            if (shape.fields.transport) {
                writer.writeString(s.transport);
            }
        }
    }
    writeEnumReplyTail(writer, reply.totalEntries, reply.resumeHandle, reply.status);
    return writer.take();
}

ByteBuffer SrvsvcCodec::encodeSessionDelRequest(const SessionDelRequest &request)
{
    NdrWriter writer(12 + namesWireSize(request));
    writeNames(writer, request);
    return writer.take();
}

Result<std::uint32_t> SrvsvcCodec::decodeSessionDelReply(const std::uint8_t *data, std::size_t size)
{
    return srvsvcndr::decodeStatusReply(data, size);
}

ByteBuffer SrvsvcCodec::encodeSessionDelReply(std::uint32_t status)
{
    return srvsvcndr::encodeStatusReply(status);
}

Result<SrvsvcCodec::SessionEnumRequest> SrvsvcCodec::decodeSessionEnumRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<SessionEnumRequest>(data, size, readNames<SessionEnumRequest>,
        readSessionEnumInfoStruct, readEnumRequestTail<SessionEnumRequest>);
}

Result<SrvsvcCodec::SessionDelRequest> SrvsvcCodec::decodeSessionDelRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<SessionDelRequest>(data, size, readNames<SessionDelRequest>);
}

} // namespace sc
