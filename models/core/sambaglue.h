/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * A narrow C API over Samba's public DCE/RPC client (libdcerpc), because Samba's headers
 * compile as C only. It opens \PIPE\srvsvc over SMB2/3 and carries opaque NDR stub bytes;
 * it knows nothing about the srvsvc calls themselves.
 *
 * Threading: Samba keeps process-wide state that is not thread-safe (talloc_stackframe,
 * the debug system, charset handles), so every function below takes one process-wide
 * lock: connections on different threads of one process run their calls one at a time, and
 * a server that never answers holds up all of them until its timeout. SambaRpcTransport
 * therefore calls it in one of two places, as its ConnectionOptions::sambaIsolation says:
 * the console's connections in sessionconsole-rpcworker (app/rpcworker), one process per
 * connection and single-threaded, driven over a socket pair; sessionctl's in its own process,
 * where each server already has a forked process of its own, so no two connections share the
 * lock. The lock stays for any caller with several connections in one process. A single
 * connection must be used by one thread at a time.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An open, bound \PIPE\srvsvc. Opaque; released with sc_samba_close(). */
typedef struct sc_samba_conn sc_samba_conn;

/** How to connect. Strings are NUL-terminated UTF-8 and only read during the call. */
typedef struct sc_samba_params
{
    const char *host; /**< DNS name or address, without leading backslashes */
    uint16_t port;
    const char *domain; /**< NULL or "": none given */
    const char *user; /**< NULL or "" (and kerberos == 0): anonymous */
    /** NULL: none (""). Only its NT hash reaches Samba; not used with kerberos. Not valid
        UTF-8: the connect fails with SC_NT_STATUS_WRONG_PASSWORD. */
    const char *password;
    int kerberos; /**< use the default Kerberos ticket cache, no password */
    int require_signing; /**< refuse an unsigned SMB connection */
    int require_sealing; /**< SMB3 encryption and DCE/RPC privacy, both required */
    uint32_t connect_timeout_ms; /**< whole connect: resolve, TCP, SMB, pipe open, bind */
    uint32_t call_timeout_ms;
} sc_samba_params;

/** Why a call failed. */
typedef struct sc_samba_error
{
    uint32_t ntstatus; /**< 0 (NT_STATUS_OK) on success */
    uint32_t fault_code; /**< DCE/RPC fault code when the server answered with a fault, else 0 */
    int timed_out; /**< our own deadline fired (ntstatus is then NT_STATUS_IO_TIMEOUT) */
    int connection_broken; /**< the connection is unusable now; close and reconnect */
    char detail[256]; /**< e.g. "connect to host:445: NT_STATUS_LOGON_FAILURE"; no secrets */
} sc_samba_error;

/** What the connection actually uses. */
typedef struct sc_samba_security
{
    int signing; /**< SMB signing in force (required and granted, or implied by encryption) */
    int smb_encryption; /**< SMB3 encryption on the IPC$ tree connect */
    int rpc_privacy; /**< DCE/RPC packet privacy (sealed PDUs) */
    char protocol[16]; /**< negotiated dialect, e.g. "SMB3_11"; "" if unknown */
    char local_address[64]; /**< our address as the server sees it; "" if unknown */
    int local_address_from_socket; /**< 1: read from the SMB socket; 0: routing-table guess */
} sc_samba_security;

/** NTSTATUS values the glue produces itself. */
#define SC_NT_STATUS_IO_TIMEOUT 0xC00000B5u
#define SC_NT_STATUS_INVALID_PARAMETER 0xC000000Du
#define SC_NT_STATUS_NO_MEMORY 0xC0000017u
#define SC_NT_STATUS_CONNECTION_DISCONNECTED 0xC000020Cu
#define SC_NT_STATUS_NO_SUCH_LOGON_SESSION 0xC000005Fu
#define SC_NT_STATUS_RPC_PROTOCOL_ERROR 0xC002001Du
#define SC_NT_STATUS_WRONG_PASSWORD 0xC000006Au

/**
 * Connects, authenticates and binds to srvsvc within params->connect_timeout_ms.
 * Returns 0 and sets *out, or -1 and fills *err. *out is released with sc_samba_close().
 */
int sc_samba_connect(const sc_samba_params *params, sc_samba_conn **out, sc_samba_error *err);

/**
 * Sends one request stub and waits for the reply within the call timeout. On success
 * *reply points to the reply stub, owned by @p conn and valid until the next call or
 * sc_samba_close(). Returns 0, or -1 with *err filled in.
 */
int sc_samba_call(sc_samba_conn *conn, uint16_t opnum, const uint8_t *request, size_t request_size,
    const uint8_t **reply, size_t *reply_size, sc_samba_error *err);

/** 1 while the connection is believed usable (Samba has not seen it break). */
int sc_samba_is_connected(sc_samba_conn *conn);

/** Fills *out with what was negotiated for @p conn. */
void sc_samba_get_security(const sc_samba_conn *conn, sc_samba_security *out);

/** Drops the connection and frees everything; NULL is fine. */
void sc_samba_close(sc_samba_conn *conn);

#ifdef __cplusplus
}
#endif
