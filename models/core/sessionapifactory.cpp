// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionapi.h"

#ifdef _WIN32
#include "netapisessionapi.h"
#else
#include "rpcsessionapi.h"
#include "rpcworkerlauncher.h"
#include "rpcworkerprocess.h"
#include "sambarpctransport.h"
#endif

namespace sc {

std::unique_ptr<SessionApi> createSessionApi(const ConnectionOptions &options)
{
#ifdef _WIN32
    // netapi32 is the system's own client: it honours the machine's SMB policies and the
    // logged-on user's Kerberos tickets, which a private SMB stack would not.
    return std::make_unique<NetApiSessionApi>(options);
#else
    const std::string host = normalizedHost(options.host);
    const std::uint16_t port = options.port;
    return std::make_unique<RpcSessionApi>(
        std::make_unique<SambaRpcTransport>(options), host, port);
#endif
}

void prepareSessionApi()
{
#ifndef _WIN32
    if (const std::string program = RpcWorkerProcess::programPath(); !program.empty())
        RpcWorkerLauncher::prestart(program);
#endif
}

} // namespace sc
