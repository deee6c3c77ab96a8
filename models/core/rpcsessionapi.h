// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rpctransport.h"
#include "sessionapi.h"

#include <cstdint>
#include <memory>
#include <string>

namespace sc {

/// SessionApi over MS-SRVS NetrSessionEnum/NetrSessionDel (SrvsvcCodec) and NetrFileEnum,
/// NetrFileGetInfo, NetrFileClose and NetrShareEnum (SrvsvcFileCodec), all on one pipe,
/// carried by any RpcTransport (Samba's DCE/RPC client in production, a scripted fake in
/// tests).
class RpcSessionApi : public SessionApi
{
public:
    /// @p host is the server's name or address ("\\\\host" accepted); it goes on the wire as
    /// ServerName "\\\\host" and, with @p port, makes serverKey().
    RpcSessionApi(
        std::unique_ptr<RpcTransport> transport, std::string host, std::uint16_t port = 445);
    ~RpcSessionApi() override;

    Result<void> connect() override;
    ConnectionSecurity security() const override;
    std::string localAddress() const override;
    std::string serverKey() const override;

protected:
    Result<Page> enumeratePage(const std::u16string *client, const std::u16string *user,
        InfoLevel level, std::uint32_t resumeHandle) override;
    Result<void> deleteSessions(const std::u16string *client, const std::u16string *user) override;
    Result<FilePage> enumerateFilesPage(const std::u16string *basePath, const std::u16string *user,
        FileInfoLevel level, std::uint32_t resumeHandle) override;
    Result<OpenFileInfo> getFileInfo(std::uint32_t id, FileInfoLevel level) override;
    Result<void> closeFileOnServer(std::uint32_t id) override;
    Result<SharePage> enumerateSharesPage(std::uint32_t resumeHandle) override;

private:
    std::unique_ptr<RpcTransport> m_transport;
    std::string m_host;
    std::uint16_t m_port;
    std::u16string m_wireServerName;
};

} // namespace sc
