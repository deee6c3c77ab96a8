// SPDX-License-Identifier: GPL-3.0-or-later
// sessionapi-smoke HOST [CLIENT USER]: lists the sessions of HOST through createSessionApi
// (netapi32 on Windows), looks one up, and, given CLIENT and USER, ends that user's sessions
// from that client. A manual check on a real Windows machine.

#include "sessionapi.h"

#include <cstdio>
#include <cwchar>
#include <string>

namespace {

std::string narrow(const wchar_t *s)
{
    return sc::toUtf8(std::u16string(reinterpret_cast<const char16_t *>(s)));
}

int report(const sc::SessionError &error)
{
    std::fprintf(stderr, "error: %s %s\n", error.message().c_str(), error.codeText().c_str());
    return 1;
}

} // namespace

int wmain(int argc, wchar_t **argv)
{
    if (argc != 2 && argc != 4) {
        std::fprintf(stderr, "usage: sessionapi-smoke HOST [CLIENT USER]\n");
        return 2;
    }
    sc::ConnectionOptions options;
    options.host = narrow(argv[1]);
    std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(options);
    if (sc::Result<void> connected = api->connect(); !connected)
        return report(connected.error());

    sc::Result<sc::SessionEnumResult> listed = api->enumerate({}, std::nullopt);
    if (!listed)
        return report(listed.error());
    std::printf("level %u, %u of %u sessions\n", static_cast<unsigned>(listed->level),
        static_cast<unsigned>(listed->sessions.size()),
        static_cast<unsigned>(listed->totalEntries));
    for (const sc::SessionInfo &row : listed->sessions)
        std::printf("%s\t%s\t%u s idle\n", sc::toUtf8(row.clientName).c_str(),
            sc::toUtf8(row.userName).c_str(), static_cast<unsigned>(row.idleSeconds));

    if (argc == 4) {
        const std::u16string client = sc::fromUtf8(narrow(argv[2]));
        const std::u16string user = sc::fromUtf8(narrow(argv[3]));
        sc::Result<sc::SessionInfo> one = api->getInfo(client, user, std::nullopt);
        if (!one)
            return report(one.error());
        std::printf("found %s\\%s, %u open\n", sc::toUtf8(one->clientName).c_str(),
            sc::toUtf8(one->userName).c_str(), static_cast<unsigned>(one->openCount));
        sc::Result<std::uint32_t> ended = api->remove(client, user);
        if (!ended)
            return report(ended.error());
        std::printf("ended %u session(s)\n", static_cast<unsigned>(*ended));
    }
    return 0;
}
