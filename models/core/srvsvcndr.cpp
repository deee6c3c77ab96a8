// SPDX-License-Identifier: GPL-3.0-or-later
#include "srvsvcndr.h"

#include "ndrwriter.h"

namespace sc::srvsvcndr {

SessionError malformed(std::string field, const char *reason)
{
    return SessionError::local(ErrorKind::MalformedReply, std::move(field) + ": " + reason);
}

SessionError malformed(std::string field, const NdrReader &reader)
{
    return malformed(std::move(field), reader.failure());
}

bool successStatus(std::uint32_t status)
{
    return status == win32::Success || status == win32::MoreData;
}

std::size_t stringWireSize(std::u16string_view value)
{
    return 12 + 2 * (value.size() + 1) + 2; // header, units + NUL, worst-case padding
}

Result<std::optional<std::u16string>> readTopLevelString(NdrReader &reader, const char *field)
{
    bool present = false;
    if (!reader.readPointer(present))
        return malformed(field, reader);
    if (!present)
        return std::optional<std::u16string>();
    NdrWireString wire;
    if (!reader.readString(wire))
        return malformed(field, reader);
    return std::optional<std::u16string>(wire.toU16());
}

Result<void> readTopLevelStrings(NdrReader &reader,
    std::initializer_list<std::pair<std::optional<std::u16string> *, const char *>> strings)
{
    for (const auto &[target, field] : strings) {
        auto value = readTopLevelString(reader, field);
        if (!value)
            return value.error();
        *target = std::move(*value);
    }
    return {};
}

Result<void> readResumeHandle(NdrReader &reader, std::optional<std::uint32_t> &resumeHandle)
{
    bool present = false;
    if (!reader.readPointer(present))
        return malformed("ResumeHandle", reader);
    if (!present) {
        resumeHandle.reset();
        return {};
    }
    std::uint32_t value = 0;
    if (!reader.readU32(value))
        return malformed("ResumeHandle value", reader);
    resumeHandle = value;
    return {};
}

Result<void> readInfoStructHead(NdrReader &reader, const char *arm, bool (*known)(std::uint32_t),
    std::uint32_t &level, bool &hasContainer)
{
    const auto field = [arm](const char *part) { return std::string("InfoStruct.") + arm + part; };
    if (!reader.readU32(level))
        return malformed("InfoStruct.Level", reader);
    if (!known(level))
        return malformed("InfoStruct.Level", "unknown level");
    std::uint32_t tag = 0;
    if (!reader.readU32(tag))
        return malformed(field(" tag"), reader);
    if (tag != level)
        return malformed(field(" tag"), "differs from Level");
    if (!reader.readPointer(hasContainer))
        return malformed(field(" container"), reader);
    return {};
}

Result<std::uint32_t> readContainerHead(NdrReader &reader, const char *structName)
{
    // Built on an error only, not for every reply.
    const auto field
        = [structName](const char *part) { return std::string(structName) + "_CONTAINER" + part; };
    std::uint32_t entriesRead = 0;
    if (!reader.readU32(entriesRead))
        return malformed(field(".EntriesRead"), reader);
    bool hasBuffer = false;
    if (!reader.readPointer(hasBuffer))
        return malformed(field(".Buffer"), reader);
    if (!hasBuffer) {
        if (entriesRead != 0)
            return malformed(field(".Buffer"), "null with EntriesRead > 0");
        return 0;
    }
    std::uint32_t maxCount = 0;
    if (!reader.readU32(maxCount))
        return malformed(field(".Buffer max_count"), reader);
    if (maxCount != entriesRead)
        return malformed(field(".Buffer max_count"), "differs from EntriesRead");
    return entriesRead;
}

void writeEnumRequestTail(NdrWriter &writer, std::uint32_t level,
    std::uint32_t preferredMaximumLength, const std::optional<std::uint32_t> &resumeHandle)
{
    writer.writeU32(level);
    writer.writeU32(level); // union discriminant
    writer.writePointer(true); // the container the server fills in
    writer.writeU32(0); // EntriesRead
    writer.writePointer(false); // Buffer
    writer.writeU32(preferredMaximumLength);
    writer.writePointer(resumeHandle.has_value());
    if (resumeHandle)
        writer.writeU32(*resumeHandle);
}

bool writeEnumReplyHead(
    NdrWriter &writer, std::uint32_t level, std::size_t count, std::uint32_t status)
{
    writer.writeU32(level);
    writer.writeU32(level); // union discriminant
    const bool hasContainer = count != 0 || successStatus(status);
    writer.writePointer(hasContainer);
    if (!hasContainer)
        return false;
    writer.writeU32(std::uint32_t(count)); // EntriesRead
    writer.writePointer(count != 0);
    if (count == 0)
        return false;
    writer.writeU32(std::uint32_t(count)); // max_count
    return true;
}

void writeEnumReplyTail(NdrWriter &writer, std::uint32_t totalEntries,
    const std::optional<std::uint32_t> &resumeHandle, std::uint32_t status)
{
    writer.writeU32(totalEntries);
    writer.writePointer(resumeHandle.has_value());
    if (resumeHandle)
        writer.writeU32(*resumeHandle);
    writer.writeU32(status);
}

Result<std::uint32_t> decodeStatusReply(const std::uint8_t *data, std::size_t size)
{
    NdrReader reader(data, size);
    std::uint32_t status = 0;
    if (!reader.readU32(status))
        return malformed("return status", reader);
    return status;
}

ByteBuffer encodeStatusReply(std::uint32_t status)
{
    NdrWriter writer(4);
    writer.writeU32(status);
    return writer.take();
}

} // namespace sc::srvsvcndr
