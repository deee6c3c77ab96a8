// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"
#include "result.h"
#include "sharedbytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace sc {

/// NDR (transfer syntax 2.0, little-endian) for the MS-SRVS calls on open files and shares:
/// NetrFileEnum (opnum 9), NetrFileGetInfo (10), NetrFileClose (11) and NetrShareEnum (15),
/// per MS-SRVS 3.1.4.1-3.1.4.4 and 3.1.4.8.
///
/// Same contract as SrvsvcCodec: encoders write exactly the stub DCE/RPC carries, decoders
/// check every length, count, offset and pointer against the buffer and fail with
/// ErrorKind::MalformedReply instead of reading past it. Reply encoders and request decoders
/// exist for tests, fuzzers and benchmarks.
class SrvsvcFileCodec
{
public:
    static constexpr std::uint16_t kOpNetrFileEnum = 9;
    static constexpr std::uint16_t kOpNetrFileGetInfo = 10;
    static constexpr std::uint16_t kOpNetrFileClose = 11;
    static constexpr std::uint16_t kOpNetrShareEnum = 15;

    /// The SHARE_INFO level we ask for: 2 carries the local path (502 adds a security
    /// descriptor we have no use for).
    static constexpr std::uint32_t kShareInfoLevel = 2;

    struct FileEnumRequest
    {
        std::optional<std::u16string> serverName; ///< "\\\\host" or null
        std::optional<std::u16string> basePath; ///< path prefix filter (Samba ignores it)
        std::optional<std::u16string> userName; ///< user filter (Samba: the Unix user name)
        FileInfoLevel level = FileInfoLevel::Level3;
        std::uint32_t preferredMaximumLength = 0xFFFFFFFFu;
        std::optional<std::uint32_t> resumeHandle;
    };

    struct FileEnumReply
    {
        FileInfoLevel level = FileInfoLevel::Level3;
        OpenFileList files;
        std::uint32_t totalEntries = 0;
        std::optional<std::uint32_t> resumeHandle;
        std::uint32_t status = 0; ///< NET_API_STATUS
    };

    struct FileGetInfoRequest
    {
        std::optional<std::u16string> serverName;
        std::uint32_t fileId = 0;
        FileInfoLevel level = FileInfoLevel::Level3;
    };

    struct FileGetInfoReply
    {
        FileInfoLevel level = FileInfoLevel::Level3;
        std::optional<OpenFileInfo> file; ///< null when the server returned no FILE_INFO
        std::uint32_t status = 0;
    };

    struct FileCloseRequest
    {
        std::optional<std::u16string> serverName;
        std::uint32_t fileId = 0;
    };

    struct ShareEnumRequest
    {
        std::optional<std::u16string> serverName;
        std::uint32_t level = kShareInfoLevel;
        std::uint32_t preferredMaximumLength = 0xFFFFFFFFu;
        std::optional<std::uint32_t> resumeHandle;
    };

    struct ShareEnumReply
    {
        std::uint32_t level = kShareInfoLevel;
        ShareList shares;
        std::uint32_t totalEntries = 0;
        std::optional<std::uint32_t> resumeHandle;
        std::uint32_t status = 0;
    };

    static ByteBuffer encodeFileEnumRequest(const FileEnumRequest &request);
    /// The texts of the files are copied out of the buffer.
    static Result<FileEnumReply> decodeFileEnumReply(const std::uint8_t *data, std::size_t size);
    /// The same, but the texts refer to their units in @p stub instead of copying them (and
    /// keep the stub alive): the decoder for replies as transports hand them over.
    static Result<FileEnumReply> decodeFileEnumReply(const SharedBytes &stub);
    static ByteBuffer encodeFileEnumReply(const FileEnumReply &reply);

    static ByteBuffer encodeFileGetInfoRequest(const FileGetInfoRequest &request);
    static Result<FileGetInfoReply> decodeFileGetInfoReply(
        const std::uint8_t *data, std::size_t size);
    static ByteBuffer encodeFileGetInfoReply(const FileGetInfoReply &reply);

    static ByteBuffer encodeFileCloseRequest(const FileCloseRequest &request);
    /// Returns the NET_API_STATUS of the reply.
    static Result<std::uint32_t> decodeFileCloseReply(const std::uint8_t *data, std::size_t size);
    static ByteBuffer encodeFileCloseReply(std::uint32_t status);

    /// Only level 2 (SHARE_INFO_2) is decoded; another level is a malformed reply.
    static ByteBuffer encodeShareEnumRequest(const ShareEnumRequest &request);
    static Result<ShareEnumReply> decodeShareEnumReply(const std::uint8_t *data, std::size_t size);
    static ByteBuffer encodeShareEnumReply(const ShareEnumReply &reply);

    /// Request decoders: for the fuzzers and for tests that check our encoders against vectors.
    static Result<FileEnumRequest> decodeFileEnumRequest(
        const std::uint8_t *data, std::size_t size);
    static Result<FileGetInfoRequest> decodeFileGetInfoRequest(
        const std::uint8_t *data, std::size_t size);
    static Result<FileCloseRequest> decodeFileCloseRequest(
        const std::uint8_t *data, std::size_t size);
    static Result<ShareEnumRequest> decodeShareEnumRequest(
        const std::uint8_t *data, std::size_t size);
};

} // namespace sc
