// SPDX-License-Identifier: GPL-3.0-or-later
#include "rpcsessionapi.h"

#include "srvsvccodec.h"
#include "srvsvcfilecodec.h"

#include <utility>

namespace sc {

namespace {

std::u16string bareHost(const std::string &host)
{
    return stripBackslashes(fromUtf8(host));
}

// NetrSessionEnum/Del answer a NET_API_STATUS in the stub; 0 and ERROR_MORE_DATA are
// successes.
SessionError statusError(std::uint32_t status, const char *call)
{
    return SessionError::fromWin32(status, call);
}

// A NetrSessionEnum or NetrSessionDel request for @p server, narrowed to @p client and @p user
// where given.
template<typename Request>
Request namedRequest(
    const std::u16string &server, const std::u16string *client, const std::u16string *user)
{
    Request request;
    request.serverName = server;
    if (client)
        request.clientName = *client;
    if (user)
        request.userName = *user;
    return request;
}

// One call on the pipe: @p request goes out as operation @p opnum, and the stub of its reply
// comes back as @p decode reads it. A failed call or an unreadable reply is the caller's error.
template<typename Decode>
auto roundTrip(RpcTransport &transport, std::uint16_t opnum, const ByteBuffer &request,
    Decode decode) -> decltype(decode(std::declval<const SharedBytes &>()))
{
    Result<SharedBytes> stub = transport.call(opnum, request);
    if (!stub)
        return stub.error();
    return decode(*stub);
}

// A decoder of a reply's bytes, as roundTrip() takes it.
template<typename Reply>
auto fromBytes(Result<Reply> (*decode)(const std::uint8_t *, std::size_t))
{
    return [decode](const SharedBytes &stub) { return decode(stub.data(), stub.size()); };
}

// A reply at another level than asked for carries other structures than the caller expects.
template<typename Level>
Result<void> sameLevel(const char *call, Level answered, Level asked)
{
    if (answered == asked)
        return {};
    return SessionError::local(ErrorKind::ProtocolError,
        std::string(call) + " answered level "
            + std::to_string(static_cast<std::uint32_t>(answered)) + " to a request for level "
            + std::to_string(static_cast<std::uint32_t>(asked)));
}

// The paging of an enumeration's reply, checked as every enumeration checks it: the round trip,
// a status that carries entries, then whether the reply is at the level @p asked for, then a
// resume handle wherever more entries follow. The caller moves the entries in.
template<typename Page, typename Reply, typename Level>
Result<Page> pagingOf(const Result<Reply> &reply, const char *call, Level asked)
{
    if (!reply)
        return reply.error();
    const bool moreData = reply->status == win32::MoreData;
    if (reply->status != win32::Success && !moreData)
        return statusError(reply->status, call);
    if (Result<void> same = sameLevel(call, reply->level, asked); !same)
        return same.error();
    if (moreData && !reply->resumeHandle)
        return SessionError::local(ErrorKind::ProtocolError,
            std::string(call) + " answered ERROR_MORE_DATA without a resume handle");
    Page page;
    page.totalEntries = reply->totalEntries;
    page.resumeHandle = reply->resumeHandle.value_or(0);
    page.moreData = moreData;
    return page;
}

// The reply of NetrSessionDel and NetrFileClose, a bare NET_API_STATUS: anything but
// NERR_Success is the call's error.
Result<void> succeeded(const Result<std::uint32_t> &status, const char *call)
{
    if (!status)
        return status.error();
    if (*status != win32::Success)
        return statusError(*status, call);
    return {};
}

} // namespace

RpcSessionApi::RpcSessionApi(
    std::unique_ptr<RpcTransport> transport, std::string host, std::uint16_t port)
    : m_transport(std::move(transport))
    , m_host(toUtf8(bareHost(host)))
    , m_port(port)
    , m_wireServerName(u"\\\\" + bareHost(host))
{
}

RpcSessionApi::~RpcSessionApi() = default;

Result<void> RpcSessionApi::connect()
{
    return m_transport->connect();
}

ConnectionSecurity RpcSessionApi::security() const
{
    return m_transport->security();
}

std::string RpcSessionApi::localAddress() const
{
    return m_transport->localAddress();
}

std::string RpcSessionApi::serverKey() const
{
    // Brackets keep an IPv6 address apart from the port.
    if (m_host.find(':') != std::string::npos)
        return "[" + m_host + "]:" + std::to_string(m_port);
    return m_host + ":" + std::to_string(m_port);
}

Result<SessionApi::Page> RpcSessionApi::enumeratePage(const std::u16string *client,
    const std::u16string *user, InfoLevel level, std::uint32_t resumeHandle)
{
    auto request = namedRequest<SrvsvcCodec::SessionEnumRequest>(m_wireServerName, client, user);
    request.level = level;
    request.preferredMaximumLength = kPreferredMaximumLength;
    request.resumeHandle = resumeHandle;

    Result<SrvsvcCodec::SessionEnumReply> reply = roundTrip(*m_transport,
        SrvsvcCodec::kOpNetrSessionEnum, SrvsvcCodec::encodeSessionEnumRequest(request),
        fromBytes(&SrvsvcCodec::decodeSessionEnumReply));
    Result<Page> page = pagingOf<Page>(reply, "NetrSessionEnum", level);
    if (page)
        page->rows = std::move(reply->sessions);
    return page;
}

Result<void> RpcSessionApi::deleteSessions(const std::u16string *client, const std::u16string *user)
{
    auto request = namedRequest<SrvsvcCodec::SessionDelRequest>(m_wireServerName, client, user);

    Result<std::uint32_t> status = roundTrip(*m_transport, SrvsvcCodec::kOpNetrSessionDel,
        SrvsvcCodec::encodeSessionDelRequest(request),
        fromBytes(&SrvsvcCodec::decodeSessionDelReply));
    return succeeded(status, "NetrSessionDel");
}

Result<SessionApi::FilePage> RpcSessionApi::enumerateFilesPage(const std::u16string *basePath,
    const std::u16string *user, FileInfoLevel level, std::uint32_t resumeHandle)
{
    SrvsvcFileCodec::FileEnumRequest request;
    request.serverName = m_wireServerName;
    if (basePath)
        request.basePath = *basePath;
    if (user)
        request.userName = *user;
    request.level = level;
    request.preferredMaximumLength = kPreferredMaximumLength;
    request.resumeHandle = resumeHandle;

    Result<SrvsvcFileCodec::FileEnumReply> reply = roundTrip(*m_transport,
        SrvsvcFileCodec::kOpNetrFileEnum, SrvsvcFileCodec::encodeFileEnumRequest(request),
        [](const SharedBytes &stub) { return SrvsvcFileCodec::decodeFileEnumReply(stub); });
    Result<FilePage> page = pagingOf<FilePage>(reply, "NetrFileEnum", level);
    if (page)
        page->rows = std::move(reply->files);
    return page;
}

Result<OpenFileInfo> RpcSessionApi::getFileInfo(std::uint32_t id, FileInfoLevel level)
{
    SrvsvcFileCodec::FileGetInfoRequest request;
    request.serverName = m_wireServerName;
    request.fileId = id;
    request.level = level;
    Result<SrvsvcFileCodec::FileGetInfoReply> reply = roundTrip(*m_transport,
        SrvsvcFileCodec::kOpNetrFileGetInfo, SrvsvcFileCodec::encodeFileGetInfoRequest(request),
        fromBytes(&SrvsvcFileCodec::decodeFileGetInfoReply));
    if (!reply)
        return reply.error();
    if (reply->status != win32::Success)
        return statusError(reply->status, "NetrFileGetInfo");
    if (Result<void> same = sameLevel("NetrFileGetInfo", reply->level, level); !same)
        return same.error();
    // The decoder refuses a successful reply without FILE_INFO.
    return std::move(*reply->file);
}

Result<void> RpcSessionApi::closeFileOnServer(std::uint32_t id)
{
    SrvsvcFileCodec::FileCloseRequest request;
    request.serverName = m_wireServerName;
    request.fileId = id;
    Result<std::uint32_t> status = roundTrip(*m_transport, SrvsvcFileCodec::kOpNetrFileClose,
        SrvsvcFileCodec::encodeFileCloseRequest(request),
        fromBytes(&SrvsvcFileCodec::decodeFileCloseReply));
    return succeeded(status, "NetrFileClose");
}

Result<SessionApi::SharePage> RpcSessionApi::enumerateSharesPage(std::uint32_t resumeHandle)
{
    SrvsvcFileCodec::ShareEnumRequest request;
    request.serverName = m_wireServerName;
    request.preferredMaximumLength = kPreferredMaximumLength;
    request.resumeHandle = resumeHandle;
    Result<SrvsvcFileCodec::ShareEnumReply> reply = roundTrip(*m_transport,
        SrvsvcFileCodec::kOpNetrShareEnum, SrvsvcFileCodec::encodeShareEnumRequest(request),
        fromBytes(&SrvsvcFileCodec::decodeShareEnumReply));
    Result<SharePage> page = pagingOf<SharePage>(reply, "NetrShareEnum", request.level);
    if (page)
        page->shares = std::move(reply->shares);
    return page;
}

} // namespace sc
