// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "sessionapi.h"

#include <string>

namespace sc {

/// SessionApi over Windows' own netapi32 (NetSessionEnum, NetSessionDel), which speaks
/// MS-SRVS through the system's SMB redirector.
///
/// Limits of netapi32, reported rather than silently ignored: the port is always 445
/// (another port gives ErrorKind::NotSupported); SMB signing and encryption follow the
/// machine's policy and cannot be asked for per call, so requireSealing gives NotSupported
/// and security() reports nothing it cannot know; connect and call timeouts are the
/// redirector's own and cannot be set. With a user name (and kerberos off) the credentials
/// are attached by connecting \\\\host\\IPC$ with WNetAddConnection2W, which the destructor
/// cancels; Windows allows one set of credentials per server and logon session, so an
/// existing connection under another name gives ERROR_SESSION_CREDENTIAL_CONFLICT (1219).
class NetApiSessionApi : public SessionApi
{
public:
    explicit NetApiSessionApi(ConnectionOptions options);
    ~NetApiSessionApi() override;

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
    Result<void> ensureCredentials();

    ConnectionOptions m_options;
    std::string m_host;
    std::wstring m_server; ///< "\\\\host", what netapi32 takes as servername
    std::wstring m_ipcShare; ///< "\\\\host\\IPC$"
    bool m_ipcConnected = false;
};

} // namespace sc
