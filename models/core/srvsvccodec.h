// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "sessioninfo.h"
#include "sharedbytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace sc {

/// NDR (transfer syntax 2.0, little-endian) for the two MS-SRVS calls we use:
/// NetrSessionEnum (opnum 12) and NetrSessionDel (opnum 13), per MS-SRVS 3.1.4.6/3.1.4.7.
///
/// Encoders produce exactly the stub bytes DCE/RPC carries; decoders check every length,
/// count, offset and pointer against the buffer and fail with ErrorKind::MalformedReply
/// instead of reading past it. Reply encoders exist for tests, fuzz seeds and benchmarks.
class SrvsvcCodec
{
public:
    static constexpr std::uint16_t kOpNetrSessionEnum = 12;
    static constexpr std::uint16_t kOpNetrSessionDel = 13;

    struct SessionEnumRequest
    {
        std::optional<std::u16string> serverName; ///< "\\\\host" or null
        std::optional<std::u16string> clientName; ///< "\\\\client" or null
        std::optional<std::u16string> userName;
        InfoLevel level = InfoLevel::Level1;
        std::uint32_t preferredMaximumLength = 0xFFFFFFFFu; ///< MAX_PREFERRED_LENGTH
        std::optional<std::uint32_t> resumeHandle; ///< null pointer when unset
    };

    struct SessionEnumReply
    {
        InfoLevel level = InfoLevel::Level1;
        SessionList sessions; ///< empty when the container pointer was null
        std::uint32_t totalEntries = 0;
        std::optional<std::uint32_t> resumeHandle;
        std::uint32_t status = 0; ///< NET_API_STATUS (Win32)
    };

    struct SessionDelRequest
    {
        std::optional<std::u16string> serverName;
        std::optional<std::u16string> clientName;
        std::optional<std::u16string> userName;
    };

    static ByteBuffer encodeSessionEnumRequest(const SessionEnumRequest &request);
    static Result<SessionEnumReply> decodeSessionEnumReply(const std::uint8_t *data,
                                                           std::size_t size);
    static ByteBuffer encodeSessionEnumReply(const SessionEnumReply &reply);

    static ByteBuffer encodeSessionDelRequest(const SessionDelRequest &request);
    /// Returns the NET_API_STATUS of the reply.
    static Result<std::uint32_t> decodeSessionDelReply(const std::uint8_t *data, std::size_t size);
    static ByteBuffer encodeSessionDelReply(std::uint32_t status);

    /// Request decoders: for the fuzzers and for tests that check our encoder against vectors.
    static Result<SessionEnumRequest> decodeSessionEnumRequest(const std::uint8_t *data,
                                                               std::size_t size);
    static Result<SessionDelRequest> decodeSessionDelRequest(const std::uint8_t *data,
                                                             std::size_t size);
};

} // namespace sc
