// SPDX-License-Identifier: GPL-3.0-or-later
// sc-leakcycle: runs the core's whole connect - enumerate - close cycle against the lab a few
// times, plus the error paths (refused connect, logon failure, refused level), so a leak
// checker (valgrind, or LeakSanitizer in the sanitizer build) can look at what is left at exit.
// Qt-free on purpose: only the core and Samba are in the picture.
//
//   sc-leakcycle --lab-dir DIR [--cycles N] [--leak-once]
//
// --leak-once loses one allocation on purpose, to prove the checker would notice.
// Exit status: 0 when every cycle behaved as expected, 1 otherwise, 2 on usage errors.
#include "sessionapi.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <string>

namespace {

std::map<std::string, std::string> readEnvFile(const std::string &path)
{
    std::map<std::string, std::string> values;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos)
            continue;
        std::string value = line.substr(eq + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        values[line.substr(0, eq)] = value;
    }
    return values;
}

std::string readPassword(const std::string &path)
{
    std::ifstream in(path);
    std::string password;
    std::getline(in, password);
    return password;
}

bool expectFailure(
    const char *what, const sc::Result<sc::SessionEnumResult> &result, sc::ErrorKind kind)
{
    if (result.ok()) {
        std::fprintf(stderr, "sc-leakcycle: %s unexpectedly succeeded\n", what);
        return false;
    }
    if (result.error().kind() != kind) {
        std::fprintf(stderr, "sc-leakcycle: %s: unexpected error: %s\n", what,
            result.error().message().c_str());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::string labDir;
    int cycles = 3;
    bool leakOnce = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lab-dir") == 0 && i + 1 < argc) {
            labDir = argv[++i];
        } else if (std::strcmp(argv[i], "--cycles") == 0 && i + 1 < argc) {
            cycles = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--leak-once") == 0) {
            leakOnce = true;
        } else {
            std::fprintf(stderr, "usage: sc-leakcycle --lab-dir DIR [--cycles N] [--leak-once]\n");
            return 2;
        }
    }
    if (labDir.empty() || cycles < 1) {
        std::fprintf(stderr, "usage: sc-leakcycle --lab-dir DIR [--cycles N] [--leak-once]\n");
        return 2;
    }
    auto env = readEnvFile(labDir + "/lab.env");
    if (env["LAB_HOST"].empty() || env["LAB_PORT"].empty() || env["LAB_ADMIN_USER"].empty()) {
        std::fprintf(stderr, "sc-leakcycle: no running lab in %s\n", labDir.c_str());
        return 1;
    }
    const std::string passwordDir
        = env["LAB_PASSWORD_DIR"].empty() ? labDir + "/passwords" : env["LAB_PASSWORD_DIR"];

    sc::ConnectionOptions admin;
    admin.host = env["LAB_HOST"];
    admin.port = std::uint16_t(std::atoi(env["LAB_PORT"].c_str()));
    admin.user = env["LAB_ADMIN_USER"];
    admin.password = sc::SecretString(readPassword(passwordDir + "/" + admin.user));
    admin.connectTimeout = admin.callTimeout = std::chrono::milliseconds(10000);

    if (leakOnce) {
        // Deliberately unreachable once main returns: a definite leak the checker must report.
        static char *volatile lost = nullptr;
        lost = static_cast<char *>(std::malloc(4242));
        std::memset(lost, 1, 4242);
        lost = nullptr;
    }

    bool good = true;
    std::size_t listed = 0;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        // Samba in this process (sessionctl's way, so the glue is checked too) and in a worker
        // (the console's way: the parent's side only, the worker is not traced), in turn.
        admin.sambaIsolation
            = cycle % 2 == 0 ? sc::SambaIsolation::InProcess : sc::SambaIsolation::WorkerProcess;
        {
            std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(admin);
            if (const auto connected = api->connect(); !connected) {
                std::fprintf(
                    stderr, "sc-leakcycle: connect: %s\n", connected.error().message().c_str());
                return 1;
            }
            const auto all = api->enumerate({}, std::nullopt);
            if (!all) {
                std::fprintf(
                    stderr, "sc-leakcycle: enumerate: %s\n", all.error().message().c_str());
                return 1;
            }
            listed += all->sessions.size();
            const auto one = api->enumerate({}, sc::InfoLevel::Level1);
            good = one.ok() && good;
            // Refused by Samba: the error path of a call on a good connection.
            good = expectFailure("level 2", api->enumerate({}, sc::InfoLevel::Level2),
                       sc::ErrorKind::InvalidLevel)
                && good;
        }
        if (!env["LAB_CLOSED_PORT"].empty()) {
            sc::ConnectionOptions closed = admin;
            closed.port = std::uint16_t(std::atoi(env["LAB_CLOSED_PORT"].c_str()));
            good = expectFailure("closed port",
                       sc::createSessionApi(closed)->enumerate({}, std::nullopt),
                       sc::ErrorKind::ConnectionRefused)
                && good;
        }
        sc::ConnectionOptions wrong = admin;
        wrong.password = sc::SecretString("not-the-password");
        good = expectFailure("wrong password",
                   sc::createSessionApi(wrong)->enumerate({}, std::nullopt),
                   sc::ErrorKind::LogonFailure)
            && good;
    }
    std::printf("sc-leakcycle: %d cycles, %zu sessions listed, %s\n", cycles, listed,
        good ? "all as expected" : "UNEXPECTED RESULTS");
    return good ? 0 : 1;
}
