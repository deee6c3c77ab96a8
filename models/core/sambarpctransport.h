// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "rpctransport.h"

#include <functional>
#include <memory>
#include <sys/types.h>

class TestSambaRpcTransport;
struct sc_samba_conn;
struct sc_samba_error;
struct sc_samba_params;
struct sc_samba_security;

namespace sc {

class RpcWorkerProcess;

/// RpcTransport over Samba's DCE/RPC client (Linux): \PIPE\srvsvc on SMB2/3, NTLM or
/// Kerberos, signing required by default.
///
/// The connection stays open between calls (one RPC per call). If the kept connection has
/// broken since the last call (server restarted, idle disconnect, our own session ended),
/// call() reconnects once and sends the request again; a call that timed out is not
/// repeated.
///
/// Where the connection lives is ConnectionOptions::sambaIsolation, fixed for the instance:
/// - WorkerProcess (the default, the console): in a worker process of its own
///   (RpcWorkerProcess), since Samba's client is not thread-safe within one process:
///   instances on different threads really run side by side, and a server that never
///   answers holds up no one but its own instance. Each connect starts a new worker;
///   disconnect() ends it. The worker's own timeouts answer first; ours (a margin later)
///   kill a worker that does not answer and report the same time-out. A worker that dies or
///   answers garbage reads as a lost connection or a malformed reply. The worker is forked by
///   the worker program's launcher (RpcWorkerLauncher) and dies with it, not with the thread
///   that started it.
/// - InProcess (sessionctl, whose every server has a forked process of its own): in this
///   process, through the Samba glue. Instances on different threads work, but their Samba
///   calls take turns (see sambaglue.h), so a hung server holds up the others.
/// Not thread-safe: one owner thread per instance.
class SambaRpcTransport : public RpcTransport
{
public:
    explicit SambaRpcTransport(ConnectionOptions options);
    ~SambaRpcTransport() override;

    Result<SharedBytes> call(std::uint16_t opnum, const ByteBuffer &request) override;
    Result<void> connect() override;
    void disconnect() override;
    bool isConnected() const override;
    /// Signing is reported when we required it (Samba has no getter for the negotiated
    /// state) or when encryption implies it; protocol is the negotiated dialect ("SMB3_11"), or
    /// empty if unknown.
    ConnectionSecurity security() const override;
    std::string localAddress() const override;

    /// Connections established so far, including reconnects (diagnostics and tests).
    int connectCount() const { return m_connectCount; }

private:
    friend class ::TestSambaRpcTransport;

    /// The worker process of the current connection; 0 when there is none (always, in process).
    pid_t workerPidForTesting() const;
    /// Runs in call() once the request is with the worker, before its answer (to kill the
    /// worker in the middle of a call). Applies to the workers started from now on.
    void setRequestSentHookForTesting(std::function<void()> hook);

    /// @p mayHaveRun: the request reached the worker (and perhaps the server), so a failure
    /// must not make call() send it again.
    Result<SharedBytes> callOnce(std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun);
    Result<SharedBytes> callInProcess(
        std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun);
    Result<SharedBytes> callInWorker(
        std::uint16_t opnum, const ByteBuffer &request, bool &mayHaveRun);
    /// The security of the connection just made, or the error Samba's answer means.
    Result<sc_samba_security> connectInProcess(const sc_samba_params &params);
    Result<sc_samba_security> connectInWorker(const sc_samba_params &params);
    /// What Samba's failure to connect means, diagnosed further for Kerberos.
    SessionError connectFailure(const sc_samba_error &error, const std::string &host) const;
    /// Drops the worker, reporting what @p outcome means to the caller.
    SessionError workerFailure(int outcome, const std::string &detail);
    bool inProcess() const { return m_options.sambaIsolation == SambaIsolation::InProcess; }

    struct ConnectionDeleter
    {
        void operator()(sc_samba_conn *connection) const noexcept;
    };

    ConnectionOptions m_options;
    // At most one of them is set, as sambaIsolation says.
    std::unique_ptr<sc_samba_conn, ConnectionDeleter> m_connection;
    std::unique_ptr<RpcWorkerProcess> m_worker;
    std::function<void()> m_requestSentHook;
    ConnectionSecurity m_security;
    std::string m_localAddress;
    int m_connectCount = 0;
};

} // namespace sc
