// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sambaglue.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sys/types.h>
#include <vector>

/// The messages between SambaRpcTransport and its worker process (sessionconsole-rpcworker),
/// one request and one reply at a time over a socket pair. Each side trusts nothing it reads:
/// every size is checked against the bytes received and against fixed limits before use.
///
/// A frame is a 32-bit little-endian payload size (1 to kMaxPayload) and the payload; the
/// payload's first byte is its MessageType, the rest is that message's fields in order:
/// integers little-endian, strings as a 32-bit size followed by their bytes and a NUL.
namespace sc::rpcworker {

using Bytes = std::vector<std::uint8_t>;

/// The worker finds its end of the socket pair on this descriptor.
inline constexpr int kWorkerFd = 3;
/// The launcher: the worker program started once with "--launcher", its libraries loaded and
/// relocated, which forks one worker per connection (a fork costs a fraction of loading Samba's
/// ~100 libraries again). It reads requests on kWorkerFd, a SOCK_SEQPACKET socket: one byte,
/// kLaunchRequest, carrying the new worker's end of its socket pair as SCM_RIGHTS. It answers
/// each with kLaunchReply and the worker's 32-bit pid (or -errno when it could not fork),
/// carrying a pidfd of the worker on success. Right after it starts it sends kLauncherReady.
inline constexpr std::uint8_t kLauncherReady = 0xA0;
inline constexpr std::uint8_t kLaunchRequest = 0xA1;
inline constexpr std::uint8_t kLaunchReply = 0xA2;
inline constexpr std::size_t kLaunchReplySize = 1 + sizeof(std::int32_t);
/// Larger than any srvsvc reply we ask for (a 2,000-session level 502 list is ~0.5 MiB).
inline constexpr std::uint32_t kMaxPayload = 64u << 20;
inline constexpr std::size_t kHeaderSize = 4;

enum class MessageType : std::uint8_t {
    Connect = 1, ///< sc_samba_connect(); carries the password
    Call = 2, ///< sc_samba_call()
    IsConnected = 3, ///< sc_samba_is_connected()
    ConnectReply = 0x81, ///< result, then security or error
    CallReply = 0x82, ///< result, then the reply stub or error
    IsConnectedReply = 0x83, ///< one byte, 0 or 1
};

/// The payload size a header announces, or nothing when it is 0 or above kMaxPayload.
std::optional<std::uint32_t> payloadSize(const std::uint8_t (&header)[kHeaderSize]);

/// A whole frame (header included) for each message. The connect frame holds the password:
/// its buffer is sized exactly up front (no reallocation leaves a copy behind) and the caller
/// wipes it after sending.
Bytes encodeConnect(const sc_samba_params &params);
Bytes encodeCall(std::uint16_t opnum, const std::uint8_t *stub, std::size_t size);
Bytes encodeIsConnected();
Bytes encodeConnectReply(
    int result, const sc_samba_security &security, const sc_samba_error &error);
Bytes encodeCallReply(const std::uint8_t *stub, std::size_t size, const sc_samba_error *error);
Bytes encodeIsConnectedReply(bool connected);

/// The type of a payload; nothing for an empty one.
std::optional<MessageType> messageType(const Bytes &payload);

/// A connect request as the worker reads it. The strings point into the payload (no copies
/// of the password), which must outlive the result and be wiped by the caller.
std::optional<sc_samba_params> decodeConnect(const Bytes &payload);

struct CallRequest
{
    std::uint16_t opnum = 0;
    const std::uint8_t *stub = nullptr; ///< into the payload
    std::size_t size = 0;
};
std::optional<CallRequest> decodeCall(const Bytes &payload);

struct ConnectReply
{
    bool ok = false;
    sc_samba_security security {};
    sc_samba_error error {};
};
std::optional<ConnectReply> decodeConnectReply(const Bytes &payload);

struct CallReply
{
    bool ok = false;
    Bytes stub;
    sc_samba_error error {};
};
std::optional<CallReply> decodeCallReply(const Bytes &payload);

std::optional<bool> decodeIsConnectedReply(const Bytes &payload);

/// Sends @p size bytes of @p data as one message on the launcher's SOCK_SEQPACKET @p socket,
/// carrying @p fd (SCM_RIGHTS) unless it is -1. False on an error (never SIGPIPE).
bool sendLauncherMessage(int socket, const std::uint8_t *data, std::size_t size, int fd);
/// Receives one message of the launcher's socket, up to @p size bytes, and the descriptor it
/// carries into @p fd: -1 if none, close-on-exec otherwise (any further ones are closed).
/// Returns what recvmsg() returns; without @p wait it does not block.
ssize_t receiveLauncherMessage(
    int socket, std::uint8_t *buffer, std::size_t size, int &fd, bool wait);

} // namespace sc::rpcworker
