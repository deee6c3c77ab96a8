// SPDX-License-Identifier: GPL-3.0-or-later
#include "sambarpctransport.h"

#include "kerberoscache.h"
#include "rpcworkerprocess.h"
#include "rpcworkerprotocol.h"
#include "sambaglue.h"
#include "secretstring.h"

#include <limits>
#include <optional>
#include <utility>

namespace sc {

namespace {

SessionError toSessionError(const sc_samba_error &error)
{
    if (error.fault_code != 0) {
        return SessionError::fromRpcFault(error.fault_code, error.detail);
    }
    return SessionError::fromNtStatus(error.ntstatus, error.detail);
}

// Failures that can come from the logon itself, as opposed to reaching the server.
bool isLogonStage(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::LogonFailure:
    case ErrorKind::NoCredentials:
    case ErrorKind::AccessDenied:
    case ErrorKind::InvalidParameter:
    case ErrorKind::KerberosClockSkew:
    case ErrorKind::KerberosUnknownServer:
    case ErrorKind::Other:
        return true;
    default:
        return false;
    }
}

std::uint32_t toMilliseconds(std::chrono::milliseconds value)
{
    if (value.count() <= 0) {
        return 1;
    }
    if (value.count() > std::numeric_limits<std::uint32_t>::max()) {
        return std::numeric_limits<std::uint32_t>::max();
    }
    return static_cast<std::uint32_t>(value.count());
}

// How long we wait for the worker beyond its own timeout: its start, and its own report of
// the time-out, which then arrives first and says more.
constexpr std::chrono::milliseconds kWorkerMargin {2000};

// Wipes a frame that holds the password, whatever way the function holding it returns.
struct WipeOnExit
{
    rpcworker::Bytes &bytes;
    ~WipeOnExit() { secureZero(bytes.data(), bytes.size()); }
};

} // namespace

void SambaRpcTransport::ConnectionDeleter::operator()(sc_samba_conn *connection) const noexcept
{
    sc_samba_close(connection);
}

SambaRpcTransport::SambaRpcTransport(ConnectionOptions options)
    : m_options(std::move(options))
{
}

SambaRpcTransport::~SambaRpcTransport() = default;

Result<void> SambaRpcTransport::connect()
{
    if (m_connection || m_worker) {
        return {};
    }
    const std::string host = normalizedHost(m_options.host);
    if (host.empty()) {
        return SessionError::local(ErrorKind::InvalidComputer, "no server name given");
    }
    if (m_options.port == 0) {
        return SessionError::local(ErrorKind::InvalidParameter, "port 0");
    }

    // What the operator can fix without asking the network: the address instead of the
    // name, no ticket, an expired one. Samba would report all of these vaguely.
    if (m_options.kerberos) {
        if (std::optional<SessionError> problem = KerberosCache::checkBeforeConnect(host))
            return *problem;
    }

    sc_samba_params params {};
    params.host = host.c_str();
    params.port = m_options.port;
    params.domain = m_options.domain.c_str();
    params.user = m_options.user.c_str();
    // Straight from the SecretString: no copy of the password to wipe on our side but the
    // worker's connect frame, which is wiped once sent. Samba keeps only the NT hash, which
    // the glue wipes when the connection is freed.
    params.password = m_options.kerberos ? nullptr : m_options.password.c_str();
    params.kerberos = m_options.kerberos ? 1 : 0;
    params.require_signing = m_options.requireSigning ? 1 : 0;
    params.require_sealing = m_options.requireSealing ? 1 : 0;
    params.connect_timeout_ms = toMilliseconds(m_options.connectTimeout);
    params.call_timeout_ms = toMilliseconds(m_options.callTimeout);

    const Result<sc_samba_security> connected
        = inProcess() ? connectInProcess(params) : connectInWorker(params);
    if (!connected) {
        return connected.error();
    }
    ++m_connectCount;

    const sc_samba_security &security = connected.value();
    m_security.signing = security.signing != 0;
    m_security.sealing = security.smb_encryption != 0 || security.rpc_privacy != 0;
    m_security.protocol = security.protocol;
    m_localAddress = security.local_address;
    if (m_options.requireSealing && !m_security.sealing) {
        // Samba should have refused already; never hand out an unsealed pipe when asked.
        disconnect();
        return SessionError::local(
            ErrorKind::NotSupported, "the server did not agree to encrypt the connection");
    }
    return {};
}

Result<sc_samba_security> SambaRpcTransport::connectInProcess(const sc_samba_params &params)
{
    sc_samba_conn *raw = nullptr;
    sc_samba_error error {};
    if (sc_samba_connect(&params, &raw, &error) != 0) {
        return connectFailure(error, params.host);
    }
    m_connection.reset(raw);
    sc_samba_security security {};
    sc_samba_get_security(m_connection.get(), &security);
    return security;
}

Result<sc_samba_security> SambaRpcTransport::connectInWorker(const sc_samba_params &params)
{
    std::string workerProblem;
    std::unique_ptr<RpcWorkerProcess> worker = RpcWorkerProcess::start(&workerProblem);
    if (!worker) {
        return SessionError::local(
            ErrorKind::WorkerUnavailable, "cannot start the Samba worker: " + workerProblem);
    }
    if (m_requestSentHook)
        worker->setRequestSentHookForTesting(m_requestSentHook);

    // The password goes to the worker over the socket pair only (never its arguments or
    // environment), in a frame we wipe as soon as it is sent.
    rpcworker::Bytes request = rpcworker::encodeConnect(params);
    WipeOnExit wipe {request};
    rpcworker::Bytes payload;
    const auto outcome = worker->exchange(request,
        std::chrono::milliseconds(params.connect_timeout_ms) + kWorkerMargin, payload,
        workerProblem);
    secureZero(request.data(), request.size());
    if (outcome != RpcWorkerProcess::Outcome::Ok) {
        return workerFailure(int(outcome), workerProblem);
    }
    const std::optional<rpcworker::ConnectReply> reply = rpcworker::decodeConnectReply(payload);
    if (!reply) {
        return workerFailure(int(RpcWorkerProcess::Outcome::Malformed),
            "the Samba worker answered the connect with a malformed message");
    }
    if (!reply->ok) {
        return connectFailure(reply->error, params.host);
    }
    m_worker = std::move(worker);
    return reply->security;
}

SessionError SambaRpcTransport::connectFailure(
    const sc_samba_error &error, const std::string &host) const
{
    SessionError failure = toSessionError(error);
    // Samba reduces every Kerberos failure to one or two status codes; asking the KDC
    // ourselves tells the operator which one it was. Never for failures that happen
    // before any logon (name, route, port, time-out): those are already precise.
    if (m_options.kerberos && isLogonStage(failure.kind())) {
        if (std::optional<SessionError> why = KerberosCache::diagnoseFailure(host))
            return *why;
    }
    return failure;
}

void SambaRpcTransport::disconnect()
{
    m_connection.reset();
    m_worker.reset();
    m_security = {};
    m_localAddress.clear();
}

bool SambaRpcTransport::isConnected() const
{
    if (m_connection) {
        return sc_samba_is_connected(m_connection.get()) != 0;
    }
    if (!m_worker || m_worker->pid() == 0) {
        return false;
    }
    rpcworker::Bytes payload;
    std::string detail;
    // Answered from the worker's memory, without the network: a short wait is plenty.
    if (m_worker->exchange(rpcworker::encodeIsConnected(), kWorkerMargin, payload, detail)
        != RpcWorkerProcess::Outcome::Ok) {
        return false;
    }
    const std::optional<bool> connected = rpcworker::decodeIsConnectedReply(payload);
    return connected.value_or(false);
}

pid_t SambaRpcTransport::workerPidForTesting() const
{
    return m_worker ? m_worker->pid() : 0;
}

void SambaRpcTransport::setRequestSentHookForTesting(std::function<void()> hook)
{
    m_requestSentHook = std::move(hook);
}

SessionError SambaRpcTransport::workerFailure(int outcome, const std::string &detail)
{
    disconnect();
    switch (RpcWorkerProcess::Outcome(outcome)) {
    case RpcWorkerProcess::Outcome::TimedOut:
        // The same failure as Samba's own time-out reports.
        return SessionError::fromNtStatus(SC_NT_STATUS_IO_TIMEOUT, detail);
    case RpcWorkerProcess::Outcome::Malformed:
        return SessionError::local(ErrorKind::MalformedReply, detail);
    case RpcWorkerProcess::Outcome::Ok:
    case RpcWorkerProcess::Outcome::NotSent:
    case RpcWorkerProcess::Outcome::Ended:
        break;
    }
    return SessionError::fromNtStatus(SC_NT_STATUS_CONNECTION_DISCONNECTED, detail);
}

ConnectionSecurity SambaRpcTransport::security() const
{
    return m_security;
}

std::string SambaRpcTransport::localAddress() const
{
    return m_localAddress;
}

Result<SharedBytes> SambaRpcTransport::call(std::uint16_t opnum, const ByteBuffer &request)
{
    const bool reused = m_connection || m_worker;
    if (!reused) {
        if (Result<void> connected = connect(); !connected) {
            return connected.error();
        }
    }
    bool mayHaveRun = false;
    Result<SharedBytes> reply = callOnce(opnum, request, mayHaveRun);
    // Only a connection that was already open can have broken "since the last call"; one
    // we just opened failing again would fail the same way. A timed-out call is not
    // repeated: the server may have carried it out; nor is one whose worker died after it
    // had the request, for the same reason.
    if (!reply && reused && !mayHaveRun && reply.error().kind() == ErrorKind::ConnectionLost) {
        disconnect();
        if (Result<void> connected = connect(); !connected) {
            return connected.error();
        }
        reply = callOnce(opnum, request, mayHaveRun);
    }
    return reply;
}

Result<SharedBytes> SambaRpcTransport::callOnce(
    std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun)
{
    mayHaveRun = false;
    return m_connection ? callInProcess(opnum, request, mayHaveRun)
                        : callInWorker(opnum, request, mayHaveRun);
}

Result<SharedBytes> SambaRpcTransport::callInProcess(
    std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun)
{
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    sc_samba_error error {};
    if (sc_samba_call(
            m_connection.get(), opnum, request.data(), request.size(), &data, &size, &error)
        != 0) {
        mayHaveRun = error.timed_out != 0;
        SessionError failure = toSessionError(error);
        if (error.connection_broken != 0) {
            disconnect();
        }
        return failure;
    }
    return SharedBytes(data, size);
}

Result<SharedBytes> SambaRpcTransport::callInWorker(
    std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun)
{
    if (request.size() > rpcworker::kMaxPayload - 16) {
        return SessionError::local(ErrorKind::InvalidParameter, "request too large");
    }
    rpcworker::Bytes payload;
    std::string detail;
    const auto outcome
        = m_worker->exchange(rpcworker::encodeCall(opnum, request.data(), request.size()),
            m_options.callTimeout + kWorkerMargin, payload, detail);
    if (outcome != RpcWorkerProcess::Outcome::Ok) {
        mayHaveRun = outcome != RpcWorkerProcess::Outcome::NotSent;
        return workerFailure(int(outcome), detail);
    }
    std::optional<rpcworker::CallReply> reply = rpcworker::decodeCallReply(payload);
    if (!reply) {
        mayHaveRun = true;
        return workerFailure(int(RpcWorkerProcess::Outcome::Malformed),
            "the Samba worker answered the call with a malformed message");
    }
    if (!reply->ok) {
        // Samba's own verdict, as in process: a connection that broke before the call may be
        // tried again, one that timed out may not.
        mayHaveRun = reply->error.timed_out != 0;
        SessionError failure = toSessionError(reply->error);
        if (reply->error.connection_broken != 0) {
            disconnect();
        }
        return failure;
    }
    return SharedBytes(reply->stub);
}

} // namespace sc
