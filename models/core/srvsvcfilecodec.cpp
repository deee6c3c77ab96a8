// SPDX-License-Identifier: GPL-3.0-or-later
#include "srvsvcfilecodec.h"

#include "ndrreader.h"
#include "ndrwriter.h"
#include "sharedbytes.h"
#include "srvsvcndr.h"

#include <string_view>
#include <utility>

// Wire layout (NDR 2.0, little-endian, 32-bit; MS-SRVS 3.1.4.1-3.1.4.4, 3.1.4.8):
//
// NetrFileEnum request               NetrFileEnum reply
//   ServerName   unique [string]       InfoStruct.Level (2 or 3)
//   BasePath     unique [string]       InfoStruct.FileInfo tag (= Level)
//   UserName     unique [string]       container pointer (unique)
//   InfoStruct.Level, tag              [deferred] EntriesRead, Buffer pointer
//   container pointer (unique)         [deferred] max_count, entries' fixed parts
//   [deferred] EntriesRead, Buffer                (FILE_INFO_2: id; FILE_INFO_3: id,
//   PreferedMaximumLength                         permissions, num_locks, path*, user*),
//   ResumeHandle unique pointer+value             then each entry's strings in order
//                                      TotalEntries, ResumeHandle pointer+value, status
//
// NetrFileGetInfo request: ServerName, FileId, Level. Reply: the FILE_INFO union (tag, unique
// pointer), its pointee with its strings, status. NetrFileClose request: ServerName, FileId;
// reply: status. NetrShareEnum is NetrSessionEnum's shape without the two filter strings, with
// SHARE_INFO_2 entries (netname*, type, remark*, permissions, max_uses, current_uses, path*,
// passwd*).
//
// Decoding choices beyond the IDL are those of SrvsvcCodec: a [string] ends at its first NUL
// (a missing terminator is tolerated), a null string pointer inside an entry reads as an empty
// string, a null container is accepted only with an error status, trailing bytes are ignored.

namespace sc {

// The pieces every srvsvc call shares.
using namespace srvsvcndr;

namespace {

constexpr std::size_t kFileInfo2Size = 4;
constexpr std::size_t kFileInfo3Size = 20;
constexpr std::size_t kShareInfo2Size = 32;

const char *fileStructName(FileInfoLevel level)
{
    return level == FileInfoLevel::Level2 ? "FILE_INFO_2" : "FILE_INFO_3";
}

std::string entryField(const char *structName, std::size_t index, const char *field)
{
    return std::string(structName) + "[" + std::to_string(index) + "]." + field;
}

bool knownFileLevel(std::uint32_t level)
{
    return isValidFileInfoLevel(level);
}

bool knownShareLevel(std::uint32_t level)
{
    return level == SrvsvcFileCodec::kShareInfoLevel;
}

// A FILE_INFO level that stands alone, outside an InfoStruct: NetrFileGetInfo's in both
// directions.
Result<void> readFileLevel(NdrReader &reader, const char *field, FileInfoLevel &level)
{
    std::uint32_t raw = 0;
    if (!reader.readU32(raw))
        return malformed(field, reader);
    if (!isValidFileInfoLevel(raw))
        return malformed(field, "unknown level");
    level = FileInfoLevel(raw);
    return {};
}

// Reads `count` FILE_INFO_x entries whose fixed parts come first, then their strings in entry
// order (a conformant array body after max_count, or the single pointee of NetrFileGetInfo).
// As in SrvsvcCodec, entry i's fixed part and strings are read in one pass. When the reader
// reads `stub`, the texts refer to their units in it (no copy: the paths are most of a reply's
// bytes, and copying them into fresh memory was most of the decode time); otherwise all texts
// of a reply go into one arena, where user names that repeat share their units.
Result<void> readFileEntries(NdrReader &reader, FileInfoLevel level, std::uint32_t count,
    OpenFileList &out, const SharedBytes &stub)
{
    const char *structName = fileStructName(level);
    const std::size_t fixedSize = level == FileInfoLevel::Level2 ? kFileInfo2Size : kFileInfo3Size;
    // Before reserving: a count from the wire must be backed by data.
    if (!reader.checkCount(count, fixedSize))
        return malformed(std::string(structName) + " array", reader);
    const std::uint8_t *fixed = reader.takeBlock(std::size_t(count) * fixedSize);
    if (!fixed)
        return malformed(std::string(structName) + " array", reader);
    out.reserve(out.size() + count);

    if (level == FileInfoLevel::Level2) {
        for (std::uint32_t i = 0; i < count; ++i) {
            OpenFileInfo &info = out.emplace_back();
            info.id = NdrReader::loadU32(fixed + std::size_t(i) * kFileInfo2Size);
            info.level = FileInfoLevel::Level2;
        }
        return {};
    }

    constexpr int kUserSlot = 0;
    SessionText::Arena arena(stub, reader.remaining() / 2);
    NdrWireString wire;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint8_t *f = fixed + std::size_t(i) * kFileInfo3Size;
        OpenFileInfo &info = out.emplace_back();
        info.level = FileInfoLevel::Level3;
        info.id = NdrReader::loadU32(f);
        info.permissions = NdrReader::loadU32(f + 4);
        info.lockCount = NdrReader::loadU32(f + 8);
        const bool hasPath = NdrReader::loadU32(f + 12) != 0;
        const bool hasUser = NdrReader::loadU32(f + 16) != 0;
        if (hasPath) {
            if (!reader.readString(wire))
                return malformed(entryField(structName, i, "fi3_path_name"), reader);
            info.path = arena.addLittleEndian(wire.bytes, wire.units);
        }
        if (hasUser) {
            if (!reader.readString(wire))
                return malformed(entryField(structName, i, "fi3_username"), reader);
            info.userName = arena.addRepeatingLittleEndian(kUserSlot, wire.bytes, wire.units);
        }
    }
    return {};
}

// The pointee of a non-null FILE_INFO_x_CONTAINER pointer (also used for the [in] container
// of a request, whose entries are checked and dropped).
Result<void> readFileContainer(
    NdrReader &reader, FileInfoLevel level, OpenFileList &out, const SharedBytes &stub)
{
    const Result<std::uint32_t> count = readContainerHead(reader, fileStructName(level));
    if (!count)
        return count.error();
    if (*count == 0)
        return {};
    return readFileEntries(reader, level, *count, out, stub);
}

Result<void> readFileInfoStruct(NdrReader &reader, FileInfoLevel &level, bool &hasContainer,
    OpenFileList &out, const SharedBytes &stub = {})
{
    std::uint32_t rawLevel = 0;
    if (auto r = readInfoStructHead(reader, "FileInfo", knownFileLevel, rawLevel, hasContainer); !r)
        return r.error();
    level = FileInfoLevel(rawLevel);
    if (!hasContainer)
        return {};
    return readFileContainer(reader, level, out, stub);
}

Result<void> readShareEntries(NdrReader &reader, std::uint32_t count, ShareList &out)
{
    if (!reader.checkCount(count, kShareInfo2Size))
        return malformed("SHARE_INFO_2 array", reader);
    const std::uint8_t *fixed = reader.takeBlock(std::size_t(count) * kShareInfo2Size);
    if (!fixed)
        return malformed("SHARE_INFO_2 array", reader);
    out.reserve(out.size() + count);
    NdrWireString wire;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint8_t *f = fixed + std::size_t(i) * kShareInfo2Size;
        ShareInfo &share = out.emplace_back();
        share.type = NdrReader::loadU32(f + 4);
        share.currentUses = NdrReader::loadU32(f + 20);
        // Wire order of the deferred strings: netname, remark, path, passwd (dropped: Samba and
        // Windows send null, and a share password is nothing to keep in memory).
        const std::pair<std::size_t, std::u16string *> strings[]
            = {{0, &share.name}, {8, &share.remark}, {24, &share.path}, {28, nullptr}};
        static const char *const kNames[]
            = {"shi2_netname", "shi2_remark", "shi2_path", "shi2_passwd"};
        for (std::size_t s = 0; s < 4; ++s) {
            if (NdrReader::loadU32(f + strings[s].first) == 0)
                continue;
            if (!reader.readString(wire))
                return malformed(entryField("SHARE_INFO_2", i, kNames[s]), reader);
            if (strings[s].second)
                *strings[s].second = wire.toU16();
        }
    }
    return {};
}

Result<void> readShareInfoStruct(
    NdrReader &reader, std::uint32_t &level, bool &hasContainer, ShareList &out)
{
    if (auto r = readInfoStructHead(reader, "ShareInfo", knownShareLevel, level, hasContainer); !r)
        return r.error();
    if (!hasContainer)
        return {};
    const Result<std::uint32_t> count = readContainerHead(reader, "SHARE_INFO_2");
    if (!count)
        return count.error();
    if (*count == 0)
        return {};
    return readShareEntries(reader, *count, out);
}

void writeFileFixed(NdrWriter &writer, const OpenFileInfo &file, FileInfoLevel level)
{
    writer.writeU32(file.id);
    if (level == FileInfoLevel::Level3) {
        writer.writeU32(file.permissions);
        writer.writeU32(file.lockCount);
        writer.writePointer(true);
        writer.writePointer(true);
    }
}

void writeFileStrings(NdrWriter &writer, const OpenFileInfo &file, FileInfoLevel level)
{
    if (level == FileInfoLevel::Level3) {
        writer.writeString(file.path);
        writer.writeString(file.userName);
    }
}

// The parts of the request decoders, as decodeRequest() runs them.

template<typename Request>
Result<void> readServerName(NdrReader &reader, Request &request)
{
    return readTopLevelStrings(reader, {{&request.serverName, "ServerName"}});
}

// ServerName and FileId: how the requests on one open file begin.
template<typename Request>
Result<void> readServerAndFileId(NdrReader &reader, Request &request)
{
    if (auto r = readServerName(reader, request); !r)
        return r;
    if (!reader.readU32(request.fileId))
        return malformed("FileId", reader);
    return {};
}

Result<void> readFileEnumNames(NdrReader &reader, SrvsvcFileCodec::FileEnumRequest &request)
{
    return readTopLevelStrings(reader,
        {{&request.serverName, "ServerName"}, {&request.basePath, "BasePath"},
            {&request.userName, "UserName"}});
}

// The level of NetrFileGetInfo, which is no InfoStruct: a bare DWORD.
Result<void> readFileGetInfoLevel(NdrReader &reader, SrvsvcFileCodec::FileGetInfoRequest &request)
{
    return readFileLevel(reader, "Level", request.level);
}

// The InfoStruct of an enumeration request. A client may send entries in the [in] container;
// they are checked and dropped.
Result<void> readFileEnumInfoStruct(NdrReader &reader, SrvsvcFileCodec::FileEnumRequest &request)
{
    OpenFileList ignored;
    bool hasContainer = false;
    return readFileInfoStruct(reader, request.level, hasContainer, ignored);
}

Result<void> readShareEnumInfoStruct(NdrReader &reader, SrvsvcFileCodec::ShareEnumRequest &request)
{
    ShareList ignored;
    bool hasContainer = false;
    return readShareInfoStruct(reader, request.level, hasContainer, ignored);
}

std::size_t fileWireSize(const OpenFileInfo &file, FileInfoLevel level)
{
    if (level == FileInfoLevel::Level2)
        return kFileInfo2Size;
    return kFileInfo3Size + stringWireSize(file.path) + stringWireSize(file.userName);
}

} // namespace

ByteBuffer SrvsvcFileCodec::encodeFileEnumRequest(const FileEnumRequest &request)
{
    std::size_t size = 64;
    for (const auto *s : {&request.serverName, &request.basePath, &request.userName})
        size += *s ? stringWireSize(**s) : 0;
    NdrWriter writer(size);
    writer.writeTopLevelString(ptrOf(request.serverName));
    writer.writeTopLevelString(ptrOf(request.basePath));
    writer.writeTopLevelString(ptrOf(request.userName));
    writeEnumRequestTail(
        writer, std::uint32_t(request.level), request.preferredMaximumLength, request.resumeHandle);
    return writer.take();
}

namespace {

Result<SrvsvcFileCodec::FileEnumReply> decodeFileEnum(
    const std::uint8_t *data, std::size_t size, const SharedBytes &stub)
{
    using Reply = SrvsvcFileCodec::FileEnumReply;
    return decodeEnumReply<Reply>(
        data, size, "FileInfo", [&stub](NdrReader &reader, Reply &reply, bool &hasContainer) {
            return readFileInfoStruct(reader, reply.level, hasContainer, reply.files, stub);
        });
}

} // namespace

Result<SrvsvcFileCodec::FileEnumReply> SrvsvcFileCodec::decodeFileEnumReply(
    const std::uint8_t *data, std::size_t size)
{
    return decodeFileEnum(data, size, SharedBytes());
}

Result<SrvsvcFileCodec::FileEnumReply> SrvsvcFileCodec::decodeFileEnumReply(const SharedBytes &stub)
{
    return decodeFileEnum(stub.data(), stub.size(), stub);
}

ByteBuffer SrvsvcFileCodec::encodeFileEnumReply(const FileEnumReply &reply)
{
    std::size_t size = 64;
    for (const OpenFileInfo &f : reply.files)
        size += fileWireSize(f, reply.level);
    NdrWriter writer(size);
    if (writeEnumReplyHead(writer, std::uint32_t(reply.level), reply.files.size(), reply.status)) {
        for (const OpenFileInfo &f : reply.files)
            writeFileFixed(writer, f, reply.level);
        for (const OpenFileInfo &f : reply.files)
            writeFileStrings(writer, f, reply.level);
    }
    writeEnumReplyTail(writer, reply.totalEntries, reply.resumeHandle, reply.status);
    return writer.take();
}

ByteBuffer SrvsvcFileCodec::encodeFileGetInfoRequest(const FileGetInfoRequest &request)
{
    NdrWriter writer(16 + (request.serverName ? stringWireSize(*request.serverName) : 0));
    writer.writeTopLevelString(ptrOf(request.serverName));
    writer.writeU32(request.fileId);
    writer.writeU32(std::uint32_t(request.level));
    return writer.take();
}

Result<SrvsvcFileCodec::FileGetInfoReply> SrvsvcFileCodec::decodeFileGetInfoReply(
    const std::uint8_t *data, std::size_t size)
{
    NdrReader reader(data, size);
    FileGetInfoReply reply;
    if (auto r = readFileLevel(reader, "InfoStruct tag", reply.level); !r)
        return r.error();
    bool present = false;
    if (!reader.readPointer(present))
        return malformed(std::string("InfoStruct.") + fileStructName(reply.level), reader);
    if (present) {
        OpenFileList one;
        if (auto r = readFileEntries(reader, reply.level, 1, one, SharedBytes()); !r)
            return r.error();
        reply.file = std::move(one.front());
    }
    if (!reader.readU32(reply.status))
        return malformed("return status", reader);
    if (!present && reply.status == win32::Success)
        return malformed(
            std::string("InfoStruct.") + fileStructName(reply.level), "null in a successful reply");
    return reply;
}

ByteBuffer SrvsvcFileCodec::encodeFileGetInfoReply(const FileGetInfoReply &reply)
{
    NdrWriter writer(16 + (reply.file ? fileWireSize(*reply.file, reply.level) : 0));
    writer.writeU32(std::uint32_t(reply.level));
    writer.writePointer(reply.file.has_value());
    if (reply.file) {
        writeFileFixed(writer, *reply.file, reply.level);
        writeFileStrings(writer, *reply.file, reply.level);
    }
    writer.writeU32(reply.status);
    return writer.take();
}

ByteBuffer SrvsvcFileCodec::encodeFileCloseRequest(const FileCloseRequest &request)
{
    NdrWriter writer(8 + (request.serverName ? stringWireSize(*request.serverName) : 0));
    writer.writeTopLevelString(ptrOf(request.serverName));
    writer.writeU32(request.fileId);
    return writer.take();
}

Result<std::uint32_t> SrvsvcFileCodec::decodeFileCloseReply(
    const std::uint8_t *data, std::size_t size)
{
    return srvsvcndr::decodeStatusReply(data, size);
}

ByteBuffer SrvsvcFileCodec::encodeFileCloseReply(std::uint32_t status)
{
    return srvsvcndr::encodeStatusReply(status);
}

ByteBuffer SrvsvcFileCodec::encodeShareEnumRequest(const ShareEnumRequest &request)
{
    NdrWriter writer(48 + (request.serverName ? stringWireSize(*request.serverName) : 0));
    writer.writeTopLevelString(ptrOf(request.serverName));
    writeEnumRequestTail(
        writer, request.level, request.preferredMaximumLength, request.resumeHandle);
    return writer.take();
}

Result<SrvsvcFileCodec::ShareEnumReply> SrvsvcFileCodec::decodeShareEnumReply(
    const std::uint8_t *data, std::size_t size)
{
    return decodeEnumReply<ShareEnumReply>(
        data, size, "ShareInfo", [](NdrReader &reader, ShareEnumReply &reply, bool &hasContainer) {
            return readShareInfoStruct(reader, reply.level, hasContainer, reply.shares);
        });
}

ByteBuffer SrvsvcFileCodec::encodeShareEnumReply(const ShareEnumReply &reply)
{
    std::size_t size = 64;
    for (const ShareInfo &s : reply.shares)
        size += kShareInfo2Size + stringWireSize(s.name) + stringWireSize(s.remark)
            + stringWireSize(s.path);
    NdrWriter writer(size);
    if (writeEnumReplyHead(writer, reply.level, reply.shares.size(), reply.status)) {
        for (const ShareInfo &s : reply.shares) {
            writer.writePointer(true); // netname
            writer.writeU32(s.type);
            writer.writePointer(true); // remark
            writer.writeU32(0); // permissions (share-level security only)
            writer.writeU32(0xFFFFFFFFu); // max_uses: unlimited
            writer.writeU32(s.currentUses);
            writer.writePointer(true); // path
            writer.writePointer(false); // passwd
        }
        for (const ShareInfo &s : reply.shares) {
            writer.writeString(s.name);
            writer.writeString(s.remark);
            writer.writeString(s.path);
        }
    }
    writeEnumReplyTail(writer, reply.totalEntries, reply.resumeHandle, reply.status);
    return writer.take();
}

Result<SrvsvcFileCodec::FileEnumRequest> SrvsvcFileCodec::decodeFileEnumRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<FileEnumRequest>(data, size, readFileEnumNames, readFileEnumInfoStruct,
        readEnumRequestTail<FileEnumRequest>);
}

Result<SrvsvcFileCodec::FileGetInfoRequest> SrvsvcFileCodec::decodeFileGetInfoRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<FileGetInfoRequest>(
        data, size, readServerAndFileId<FileGetInfoRequest>, readFileGetInfoLevel);
}

Result<SrvsvcFileCodec::FileCloseRequest> SrvsvcFileCodec::decodeFileCloseRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<FileCloseRequest>(data, size, readServerAndFileId<FileCloseRequest>);
}

Result<SrvsvcFileCodec::ShareEnumRequest> SrvsvcFileCodec::decodeShareEnumRequest(
    const std::uint8_t *data, std::size_t size)
{
    return decodeRequest<ShareEnumRequest>(data, size, readServerName<ShareEnumRequest>,
        readShareEnumInfoStruct, readEnumRequestTail<ShareEnumRequest>);
}

} // namespace sc
