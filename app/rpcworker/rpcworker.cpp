// SPDX-License-Identifier: GPL-3.0-or-later
// sessionconsole-rpcworker: one Samba connection, served to the process that started it over
// the socket pair on descriptor 3 (see rpcworkerprotocol.h). Samba's client is not
// thread-safe within a process, so each connection gets a process of its own; this one is
// single-threaded and does one request at a time. Not meant to be started by hand.

#include "rpcworkerprotocol.h"
#include "sambaglue.h"
#include "secretstring.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using sc::rpcworker::Bytes;
using sc::rpcworker::MessageType;

constexpr int kFd = sc::rpcworker::kWorkerFd;

// Exit codes, for whoever looks at a worker's end in a debugger; the parent only sees the
// socket close.
enum Exit { Done = 0, BadArguments = 2, ParentGone = 3, BadRequest = 4, WriteFailed = 5 };

// Calls @p transfer(done), a recv() or send() of what is left after @p done bytes, until all
// @p size bytes have gone through; false at end of file or on an error.
template<typename Transfer>
bool transferAll(std::size_t size, Transfer &&transfer)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = transfer(done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

bool readExactly(std::uint8_t *out, std::size_t size)
{
    return transferAll(
        size, [&](std::size_t done) { return ::recv(kFd, out + done, size - done, 0); });
}

bool writeAll(const Bytes &frame)
{
    return transferAll(frame.size(), [&](std::size_t done) {
        return ::send(kFd, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
    });
}

// One request's payload; false at end of file or on a frame we will not read.
bool readRequest(Bytes &payload, bool &malformed)
{
    std::uint8_t header[sc::rpcworker::kHeaderSize];
    malformed = false;
    if (!readExactly(header, sizeof header))
        return false;
    const std::optional<std::uint32_t> size = sc::rpcworker::payloadSize(header);
    if (!size) {
        malformed = true;
        return false;
    }
    payload.resize(*size);
    if (!readExactly(payload.data(), payload.size())) {
        malformed = true;
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // Die with the process that started us, even if it is killed: no orphaned connections.
    // Then make sure it had not already gone before we asked.
    if (argc != 3 || std::strcmp(argv[1], "--parent") != 0)
        return BadArguments;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (std::to_string(::getppid()) != argv[2])
        return ParentGone;
    struct stat status;
    if (::fstat(kFd, &status) != 0 || !S_ISSOCK(status.st_mode))
        return BadArguments;
    // A server that drops the connection while Samba writes to it must not end us.
    ::signal(SIGPIPE, SIG_IGN);

    sc_samba_conn *connection = nullptr;
    int exitCode = Done;
    Bytes payload;
    bool malformed = false;
    while (readRequest(payload, malformed)) {
        Bytes reply;
        const std::optional<MessageType> type = sc::rpcworker::messageType(payload);
        if (type == MessageType::Connect) {
            std::optional<sc_samba_params> params = sc::rpcworker::decodeConnect(payload);
            sc_samba_error error {};
            sc_samba_security security {};
            int result = -1;
            if (!params) {
                malformed = true;
            } else if (connection != nullptr) {
                // One connection per worker: a second one would need a second process anyway.
                error.ntstatus = SC_NT_STATUS_INVALID_PARAMETER;
                std::strcpy(error.detail, "already connected");
            } else {
                result = sc_samba_connect(&*params, &connection, &error);
                if (result == 0)
                    sc_samba_get_security(connection, &security);
            }
            // The password was read in place; Samba has what it needs (its NT hash).
            sc::secureZero(payload.data(), payload.size());
            if (malformed)
                break;
            reply = sc::rpcworker::encodeConnectReply(result, security, error);
        } else if (type == MessageType::Call) {
            const std::optional<sc::rpcworker::CallRequest> call
                = sc::rpcworker::decodeCall(payload);
            if (!call) {
                malformed = true;
                break;
            }
            const std::uint8_t *stub = nullptr;
            std::size_t size = 0;
            sc_samba_error error {};
            if (sc_samba_call(connection, call->opnum, call->stub, call->size, &stub, &size, &error)
                == 0) {
                reply = sc::rpcworker::encodeCallReply(stub, size, nullptr);
            } else {
                reply = sc::rpcworker::encodeCallReply(nullptr, 0, &error);
            }
        } else if (type == MessageType::IsConnected && payload.size() == 1) {
            reply = sc::rpcworker::encodeIsConnectedReply(
                connection != nullptr && sc_samba_is_connected(connection) != 0);
        } else {
            malformed = true;
            break;
        }
        if (!writeAll(reply)) {
            exitCode = WriteFailed;
            break;
        }
    }
    if (malformed)
        exitCode = BadRequest;
    // Wipes Samba's copy of the credentials too.
    sc_samba_close(connection);
    return exitCode;
}
