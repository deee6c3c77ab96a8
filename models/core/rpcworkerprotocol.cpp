// SPDX-License-Identifier: GPL-3.0-or-later
#include "rpcworkerprotocol.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace sc::rpcworker {

namespace {

// Host names, domains and users are far shorter; the limit only bounds what we accept.
constexpr std::size_t kMaxName = 1024;

std::size_t stringSize(const char *text)
{
    return 4 + (text != nullptr ? std::strlen(text) : 0) + 1;
}

class Writer
{
public:
    Writer(MessageType type, std::size_t payloadSize)
    {
        // Exactly the frame's size, so that the buffer never moves (see encodeConnect()).
        m_out.reserve(kHeaderSize + payloadSize);
        u32(std::uint32_t(payloadSize));
        u8(std::uint8_t(type));
    }

    void u8(std::uint8_t value) { m_out.push_back(value); }
    void u16(std::uint16_t value)
    {
        u8(std::uint8_t(value));
        u8(std::uint8_t(value >> 8));
    }
    void u32(std::uint32_t value)
    {
        for (int i = 0; i < 4; ++i)
            u8(std::uint8_t(value >> (8 * i)));
    }
    void bytes(const std::uint8_t *data, std::size_t size)
    {
        u32(std::uint32_t(size));
        if (size != 0)
            m_out.insert(m_out.end(), data, data + size);
    }
    void string(const char *text)
    {
        const std::size_t size = text != nullptr ? std::strlen(text) : 0;
        u32(std::uint32_t(size));
        if (size != 0)
            m_out.insert(m_out.end(), text, text + size);
        u8(0);
    }
    Bytes take() { return std::move(m_out); }

private:
    Bytes m_out;
};

class Reader
{
public:
    explicit Reader(const Bytes &payload)
        : m_data(payload.data())
        , m_size(payload.size())
        , m_pos(1) // the type
    {
        if (payload.empty())
            m_ok = false;
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_pos == m_size; }

    std::uint8_t u8()
    {
        if (!need(1))
            return 0;
        return m_data[m_pos++];
    }
    bool flag()
    {
        const std::uint8_t value = u8();
        if (value > 1)
            m_ok = false;
        return value == 1;
    }
    std::uint16_t u16()
    {
        if (!need(2))
            return 0;
        const std::uint16_t value = std::uint16_t(m_data[m_pos] | (m_data[m_pos + 1] << 8));
        m_pos += 2;
        return value;
    }
    std::uint32_t u32()
    {
        if (!need(4))
            return 0;
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
            value |= std::uint32_t(m_data[m_pos + i]) << (8 * i);
        m_pos += 4;
        return value;
    }
    const std::uint8_t *bytes(std::size_t *size)
    {
        const std::uint32_t length = u32();
        if (!need(length))
            return nullptr;
        const std::uint8_t *start = m_data + m_pos;
        m_pos += length;
        *size = length;
        return start;
    }
    /// A NUL-terminated string of at most @p maxLength bytes without NULs inside.
    const char *string(std::size_t maxLength)
    {
        const std::uint32_t length = u32();
        if (length > maxLength) {
            m_ok = false;
            return nullptr;
        }
        if (!need(std::size_t(length) + 1))
            return nullptr;
        const char *start = reinterpret_cast<const char *>(m_data + m_pos);
        if (std::memchr(start, 0, length) != nullptr || start[length] != '\0') {
            m_ok = false;
            return nullptr;
        }
        m_pos += std::size_t(length) + 1;
        return start;
    }
    /// Copies a string into a fixed char array (NUL included), as the glue's structs hold them.
    template<std::size_t N>
    void stringInto(char (&out)[N])
    {
        const char *text = string(N - 1);
        if (text != nullptr)
            std::memcpy(out, text, std::strlen(text) + 1);
    }

private:
    bool need(std::size_t count)
    {
        if (!m_ok || count > m_size - m_pos) {
            m_ok = false;
            return false;
        }
        return true;
    }

    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos;
    bool m_ok = true;
};

std::size_t errorSize(const sc_samba_error &error)
{
    return 4 + 4 + 1 + 1 + stringSize(error.detail);
}

void writeError(Writer &out, const sc_samba_error &error)
{
    out.u32(error.ntstatus);
    out.u32(error.fault_code);
    out.u8(error.timed_out != 0 ? 1 : 0);
    out.u8(error.connection_broken != 0 ? 1 : 0);
    out.string(error.detail);
}

void readError(Reader &in, sc_samba_error &error)
{
    error.ntstatus = in.u32();
    error.fault_code = in.u32();
    error.timed_out = in.flag() ? 1 : 0;
    error.connection_broken = in.flag() ? 1 : 0;
    in.stringInto(error.detail);
    // A failure that claims success would read as a success further up.
    if (error.ntstatus == 0 && error.fault_code == 0)
        error.ntstatus = SC_NT_STATUS_RPC_PROTOCOL_ERROR;
}

bool hasType(const Bytes &payload, MessageType type)
{
    return !payload.empty() && payload.front() == std::uint8_t(type);
}

// A message of @p type as @p readFields reads it; nullopt for another type, and for a message
// that is shorter or longer than its fields: a peer that disagrees on the format is refused
// rather than half understood.
template<typename Message, typename ReadFields>
std::optional<Message> decodeWhole(const Bytes &payload, MessageType type, ReadFields readFields)
{
    if (!hasType(payload, type))
        return std::nullopt;
    Reader in(payload);
    Message message = readFields(in);
    if (!in.atEnd())
        return std::nullopt;
    return message;
}

// A reply: whether the worker succeeded, then what @p readSuccess reads, or the error.
template<typename Reply, typename ReadSuccess>
std::optional<Reply> decodeReply(const Bytes &payload, MessageType type, ReadSuccess readSuccess)
{
    return decodeWhole<Reply>(payload, type, [&readSuccess](Reader &in) {
        Reply reply;
        reply.ok = in.flag();
        if (reply.ok)
            readSuccess(in, reply);
        else
            readError(in, reply.error);
        return reply;
    });
}

// A reply of @p type that says the worker failed, and why.
Bytes encodeFailure(MessageType type, const sc_samba_error &error)
{
    Writer out(type, 1 + 1 + errorSize(error));
    out.u8(0);
    writeError(out, error);
    return out.take();
}

} // namespace

std::optional<std::uint32_t> payloadSize(const std::uint8_t (&header)[kHeaderSize])
{
    const std::uint32_t size = std::uint32_t(header[0]) | (std::uint32_t(header[1]) << 8)
        | (std::uint32_t(header[2]) << 16) | (std::uint32_t(header[3]) << 24);
    if (size == 0 || size > kMaxPayload)
        return std::nullopt;
    return size;
}

Bytes encodeConnect(const sc_samba_params &params)
{
    const std::size_t size = 1 + stringSize(params.host) + 2 + stringSize(params.domain)
        + stringSize(params.user) + stringSize(params.password) + 3 + 4 + 4;
    Writer out(MessageType::Connect, size);
    out.string(params.host);
    out.u16(params.port);
    out.string(params.domain);
    out.string(params.user);
    out.string(params.password);
    out.u8(params.kerberos != 0 ? 1 : 0);
    out.u8(params.require_signing != 0 ? 1 : 0);
    out.u8(params.require_sealing != 0 ? 1 : 0);
    out.u32(params.connect_timeout_ms);
    out.u32(params.call_timeout_ms);
    return out.take();
}

Bytes encodeCall(std::uint16_t opnum, const std::uint8_t *stub, std::size_t size)
{
    Writer out(MessageType::Call, 1 + 2 + 4 + size);
    out.u16(opnum);
    out.bytes(stub, size);
    return out.take();
}

Bytes encodeIsConnected()
{
    Writer out(MessageType::IsConnected, 1);
    return out.take();
}

Bytes encodeConnectReply(int result, const sc_samba_security &security, const sc_samba_error &error)
{
    if (result != 0) {
        return encodeFailure(MessageType::ConnectReply, error);
    }
    Writer out(MessageType::ConnectReply,
        1 + 1 + 3 + stringSize(security.protocol) + stringSize(security.local_address) + 1);
    out.u8(1);
    out.u8(security.signing != 0 ? 1 : 0);
    out.u8(security.smb_encryption != 0 ? 1 : 0);
    out.u8(security.rpc_privacy != 0 ? 1 : 0);
    out.string(security.protocol);
    out.string(security.local_address);
    out.u8(security.local_address_from_socket != 0 ? 1 : 0);
    return out.take();
}

Bytes encodeCallReply(const std::uint8_t *stub, std::size_t size, const sc_samba_error *error)
{
    if (error != nullptr) {
        return encodeFailure(MessageType::CallReply, *error);
    }
    Writer out(MessageType::CallReply, 1 + 1 + 4 + size);
    out.u8(1);
    out.bytes(stub, size);
    return out.take();
}

Bytes encodeIsConnectedReply(bool connected)
{
    Writer out(MessageType::IsConnectedReply, 2);
    out.u8(connected ? 1 : 0);
    return out.take();
}

std::optional<MessageType> messageType(const Bytes &payload)
{
    if (payload.empty())
        return std::nullopt;
    return MessageType(payload.front());
}

std::optional<sc_samba_params> decodeConnect(const Bytes &payload)
{
    return decodeWhole<sc_samba_params>(payload, MessageType::Connect, [](Reader &in) {
        sc_samba_params params {};
        params.host = in.string(kMaxName);
        params.port = in.u16();
        params.domain = in.string(kMaxName);
        params.user = in.string(kMaxName);
        params.password = in.string(kMaxName);
        params.kerberos = in.flag() ? 1 : 0;
        params.require_signing = in.flag() ? 1 : 0;
        params.require_sealing = in.flag() ? 1 : 0;
        params.connect_timeout_ms = in.u32();
        params.call_timeout_ms = in.u32();
        return params;
    });
}

std::optional<CallRequest> decodeCall(const Bytes &payload)
{
    return decodeWhole<CallRequest>(payload, MessageType::Call, [](Reader &in) {
        CallRequest request;
        request.opnum = in.u16();
        request.stub = in.bytes(&request.size);
        return request;
    });
}

std::optional<ConnectReply> decodeConnectReply(const Bytes &payload)
{
    return decodeReply<ConnectReply>(
        payload, MessageType::ConnectReply, [](Reader &in, ConnectReply &reply) {
            reply.security.signing = in.flag() ? 1 : 0;
            reply.security.smb_encryption = in.flag() ? 1 : 0;
            reply.security.rpc_privacy = in.flag() ? 1 : 0;
            in.stringInto(reply.security.protocol);
            in.stringInto(reply.security.local_address);
            reply.security.local_address_from_socket = in.flag() ? 1 : 0;
        });
}

std::optional<CallReply> decodeCallReply(const Bytes &payload)
{
    return decodeReply<CallReply>(
        payload, MessageType::CallReply, [](Reader &in, CallReply &reply) {
            std::size_t size = 0;
            const std::uint8_t *stub = in.bytes(&size);
            if (stub != nullptr)
                reply.stub.assign(stub, stub + size);
        });
}

std::optional<bool> decodeIsConnectedReply(const Bytes &payload)
{
    return decodeWhole<bool>(
        payload, MessageType::IsConnectedReply, [](Reader &in) { return in.flag(); });
}

bool sendLauncherMessage(int socket, const std::uint8_t *data, std::size_t size, int fd)
{
    iovec part {const_cast<std::uint8_t *>(data), size};
    msghdr header {};
    header.msg_iov = &part;
    header.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    if (fd >= 0) {
        header.msg_control = control;
        header.msg_controllen = sizeof control;
        cmsghdr *rights = CMSG_FIRSTHDR(&header);
        rights->cmsg_level = SOL_SOCKET;
        rights->cmsg_type = SCM_RIGHTS;
        rights->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(rights), &fd, sizeof fd);
    }
    ssize_t sent = 0;
    do {
        sent = ::sendmsg(socket, &header, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent == ssize_t(size);
}

ssize_t receiveLauncherMessage(
    int socket, std::uint8_t *buffer, std::size_t size, int &fd, bool wait)
{
    fd = -1;
    iovec part {buffer, size};
    msghdr header {};
    header.msg_iov = &part;
    header.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    header.msg_control = control;
    header.msg_controllen = sizeof control;
    ssize_t n = 0;
    do {
        n = ::recvmsg(socket, &header, MSG_CMSG_CLOEXEC | (wait ? 0 : MSG_DONTWAIT));
    } while (n < 0 && errno == EINTR);
    for (cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&header) : nullptr; c; c = CMSG_NXTHDR(&header, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < count; ++i) {
            int received = -1;
            std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof received);
            if (fd < 0)
                fd = received;
            else
                ::close(received);
        }
    }
    return n;
}

} // namespace sc::rpcworker
