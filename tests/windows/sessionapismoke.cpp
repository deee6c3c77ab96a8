// SPDX-License-Identifier: GPL-3.0-or-later
// sessionapi-smoke HOST [CLIENT USER]: lists the sessions of HOST through createSessionApi
// (netapi32 on Windows), looks one up, and, given CLIENT and USER, ends that user's sessions
// from that client.
// sessionapi-smoke HOST --files [ID]: lists HOST's shares and open files (NetShareEnum,
// NetFileEnum), looks the first one up (NetFileGetInfo) and, given ID, closes that file
// (NetFileClose). A manual check on a real Windows machine.

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

const char *outcomeText(sc::FileCloseOutcome outcome)
{
    switch (outcome) {
    case sc::FileCloseOutcome::Closed:
        return "closed";
    case sc::FileCloseOutcome::WasNotOpen:
        return "was no longer open";
    case sc::FileCloseOutcome::StillOpen:
        return "is still open";
    case sc::FileCloseOutcome::Failed:
        break;
    }
    return "failed";
}

int openFiles(sc::SessionApi &api, const wchar_t *closeId)
{
    sc::Result<sc::ShareList> shares = api.enumerateShares();
    if (shares)
        std::printf("%u shares\n", static_cast<unsigned>(shares->size()));
    else
        report(shares.error()); // needs administrator rights; the files may still be listed
    sc::Result<sc::OpenFileEnumResult> files = api.enumerateFiles({}, std::nullopt);
    if (!files)
        return report(files.error());
    std::printf("level %u, %u of %u open files\n", static_cast<unsigned>(files->level),
        static_cast<unsigned>(files->files.size()), static_cast<unsigned>(files->totalEntries));
    for (const sc::OpenFileInfo &f : files->files)
        std::printf("%u\t%s\t%s\t%u locks\n", static_cast<unsigned>(f.id),
            sc::toUtf8(f.userName).c_str(), sc::toUtf8(f.path).c_str(),
            static_cast<unsigned>(f.lockCount));
    if (!files->files.empty()) {
        sc::Result<sc::OpenFileInfo> one = api.fileInfo(files->files.front().id);
        if (!one)
            return report(one.error());
        std::printf(
            "looked up %u: %s\n", static_cast<unsigned>(one->id), sc::toUtf8(one->path).c_str());
    }
    if (closeId) {
        const auto id = static_cast<std::uint32_t>(std::wcstoul(closeId, nullptr, 10));
        sc::Result<sc::FileCloseResult> closed = api.closeFile(id);
        if (!closed)
            return report(closed.error());
        std::printf("file %u %s\n", static_cast<unsigned>(id), outcomeText(closed->outcome));
        if (closed->error)
            return report(*closed->error);
    }
    return 0;
}

} // namespace

int wmain(int argc, wchar_t **argv)
{
    const bool files = argc >= 3 && std::wcscmp(argv[2], L"--files") == 0;
    if (files ? argc > 4 : argc != 2 && argc != 4) {
        std::fprintf(stderr,
            "usage: sessionapi-smoke HOST [CLIENT USER]\n"
            "       sessionapi-smoke HOST --files [ID]\n");
        return 2;
    }
    sc::ConnectionOptions options;
    options.host = narrow(argv[1]);
    std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(options);
    if (sc::Result<void> connected = api->connect(); !connected)
        return report(connected.error());

    if (files)
        return openFiles(*api, argc == 4 ? argv[3] : nullptr);

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
