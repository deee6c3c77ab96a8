/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The only file that includes Samba headers. See sambaglue.h for the contract.
 *
 * Configuration: we deliberately do NOT load /etc/samba/smb.conf. A console that only
 * talks to \PIPE\srvsvc must behave the same on every machine, and the system file can
 * legitimately hold settings that would break or weaken us (client min protocol = NT1,
 * client signing = disabled, name resolve order = bcast, include = <unreadable file>).
 * We start from Samba's compiled-in defaults and set everything we depend on from
 * sc_samba_params. Kerberos still uses the system krb5.conf and the user's ticket cache.
 *
 * Name resolution: we resolve the host ourselves (getaddrinfo() on a thread of our own,
 * bounded by the connect timeout, honouring the system's NSS configuration) and hand Samba
 * numeric addresses. Samba's own "host" resolver forks a child
 * process per lookup, which is best avoided in a multi-threaded GUI, and it reports an
 * unknown name as NT_STATUS_OBJECT_NAME_NOT_FOUND, the same code as a missing pipe.
 * Kerberos is the exception: its service ticket is for cifs/<name>, so Samba gets the
 * name there (and resolves it again itself).
 */

#include "sambaglue.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <talloc.h>
#include <tevent.h>

#include <core/ntstatus.h>
#include <credentials.h>
#include <dcerpc.h>
#include <gen_ndr/samr.h>
#include <param.h>

#include "ntlmhash.h"

/* Our own srvsvc interface description (MS-SRVS 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0)
 * instead of libndr-standard's: we marshal the calls ourselves, so no call table. Samba's
 * auth code reads authservices[0] ("host") as the service for the DCE/RPC bind. */
static const char *const srvsvc_endpoint_names[] = {"ncacn_np:[\\pipe\\srvsvc]"};
static const struct ndr_interface_string_array srvsvc_endpoints = {1, srvsvc_endpoint_names};
static const char *const srvsvc_authservice_names[] = {"host"};
static const struct ndr_interface_string_array srvsvc_authservices = {1, srvsvc_authservice_names};
static const struct ndr_interface_table srvsvc_table = {
    .name = "srvsvc",
    .syntax_id
    = {{0x4b324fc8, 0x1670, 0x01d3, {0x12, 0x78}, {0x5a, 0x47, 0xbf, 0x6e, 0xe1, 0x88}}, 3},
    .helpstring = "Server Service",
    .num_calls = 0,
    .calls = NULL,
    .num_public_structs = 0,
    .public_structs = NULL,
    .endpoints = &srvsvc_endpoints,
    .authservices = &srvsvc_authservices,
};

/*
 * Samba's struct composite_context (source4/libcli/composite/composite.h) is not an
 * installed header, but dcerpc_pipe_connect_b_recv() only returns by running the event
 * loop until the composite is finished, with a fixed 60 s timeout. To honour our own
 * connect timeout we run the loop ourselves and only read the composite's state (its
 * first member, unchanged since 2005). Before relying on it we check the talloc type
 * name and size of the object; if they ever differ we fall back to the blocking recv.
 */
struct sc_composite_mirror
{
    int state; /* enum composite_state */
    void *private_data;
    uint32_t status;
    void *event_ctx;
    struct
    {
        void (*fn)(void *);
        void *private_data;
    } async;
    bool used_wait;
};
enum { SC_COMPOSITE_STATE_DONE = 2 };

enum { SC_MAX_ADDRESSES = 4 };

struct sc_address
{
    struct sockaddr_storage sa;
    socklen_t len;
    char text[NI_MAXHOST]; /* numeric, with the scope of a link-local address */
};

struct sc_addresses
{
    int count;
    struct sc_address a[SC_MAX_ADDRESSES];
};

struct sc_samba_conn
{
    struct tevent_context *ev;
    struct loadparm_context *lp;
    struct cli_credentials *creds;
    struct dcerpc_pipe *pipe;
    struct dcerpc_binding_handle *bh;
    uint32_t call_timeout_ms;
    bool broken;
    /* The SMB connection's TCP endpoints, to find its socket again (see cut_socket). */
    struct sockaddr_storage sock_local, sock_peer;
    socklen_t sock_local_len, sock_peer_len;
    uint8_t *reply; /* talloc child of the connection, replaced on every call */
    sc_samba_security security;
};

/*
 * The negotiated SMB dialect. Samba's SMB client knows it (smbXcli_conn_protocol), but its
 * public headers offer no way from a dcerpc_pipe to the SMB connection under it. The pipe's
 * transport keeps that connection in a private struct of dcerpc_smb.c; its layout is
 * mirrored here, and only trusted when talloc confirms the names of both the struct and the
 * connection it points to. Any mismatch (another Samba version) means "unknown", never a
 * guess.
 */
struct smbXcli_conn;
/* Exported by libsamba-hostconfig but missing from its public headers: maps an enum
 * parameter's value name to its number with the parameter's own table, touching no context. */
bool lp_set_enum_parm(struct parm_struct *parm, const char *value, int *ptr);
/* smbXcli_conn_protocol() lives in a private Samba library whose symbols are versioned with
 * the exact Samba release: linking it would break the program with every Samba update. It
 * is already loaded (libdcerpc needs it), so it is looked up at run time instead. */
typedef int (*sc_conn_protocol_fn)(struct smbXcli_conn *conn);

struct sc_dcerpc_smb_private
{
    DATA_BLOB session_key;
    struct smbXcli_conn *conn;
    /* more fields follow that we never touch */
};

static void negotiated_dialect(const struct sc_samba_conn *conn, char *out, size_t size)
{
    /* The enum's numbers differ between Samba versions; its names do not. Samba's own
     * parameter parser maps each name to this build's number. */
    static const char *const names[] = {"SMB3_11", "SMB3_02", "SMB3_00", "SMB2_10", "SMB2_02"};
    struct dcecli_connection *c = conn->pipe ? conn->pipe->conn : NULL;
    struct sc_dcerpc_smb_private *smb;
    struct parm_struct *parm;
    sc_conn_protocol_fn conn_protocol;
    int protocol;
    int value;
    size_t i;

    out[0] = '\0';
    if (c == NULL || c->transport.transport != NCACN_NP || c->transport.private_data == NULL) {
        return;
    }
    smb = talloc_check_name(c->transport.private_data, "struct smb_private");
    if (smb == NULL || smb->conn == NULL
        || talloc_check_name(smb->conn, "struct smbXcli_conn") == NULL) {
        return;
    }
    conn_protocol = (sc_conn_protocol_fn)dlsym(RTLD_DEFAULT, "smbXcli_conn_protocol");
    if (conn_protocol == NULL) {
        return;
    }
    protocol = conn_protocol(smb->conn);
    /* The parameter's table, not a second loadparm context: setting one up costs as many
     * instructions as the rest of the connect (each of its ~200 defaults is a linear search
     * of the parameter names). */
    parm = lpcfg_parm_struct(conn->lp, "client max protocol");
    for (i = 0; parm != NULL && i < sizeof names / sizeof names[0]; i++) {
        if (lp_set_enum_parm(parm, names[i], &value) && value == protocol) {
            snprintf(out, size, "%s", names[i]);
            break;
        }
    }
}

static pthread_once_t g_init_once = PTHREAD_ONCE_INIT;
static NTSTATUS g_init_status;
static pthread_mutex_t g_samba_lock = PTHREAD_MUTEX_INITIALIZER;

static void global_init(void)
{
    g_init_status = dcerpc_init();
}

static void set_error(sc_samba_error *err, uint32_t status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(sc_samba_error *err, uint32_t status, const char *fmt, ...)
{
    va_list ap;
    err->ntstatus = status;
    va_start(ap, fmt);
    vsnprintf(err->detail, sizeof err->detail, fmt, ap);
    va_end(ap);
}

static const char *status_name(uint32_t status)
{
    return nt_errstr(NT_STATUS(status));
}

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint32_t remaining_ms(int64_t deadline)
{
    int64_t left = deadline - monotonic_ms();
    return left > 0 ? (uint32_t)left : 0;
}

static bool status_is_connection_level(uint32_t status)
{
    return status == NT_STATUS_V(NT_STATUS_CONNECTION_REFUSED)
        || status == NT_STATUS_V(NT_STATUS_HOST_UNREACHABLE)
        || status == NT_STATUS_V(NT_STATUS_NETWORK_UNREACHABLE)
        || status == NT_STATUS_V(NT_STATUS_PORT_UNREACHABLE)
        || status == NT_STATUS_V(NT_STATUS_CONNECTION_RESET);
}

/* ---- addresses ------------------------------------------------------------------------ */

static void format_address(
    const struct sockaddr_storage *ss, socklen_t len, bool keep_scope, char *out, size_t out_size)
{
    char host[NI_MAXHOST];
    char *percent;

    out[0] = '\0';
    if (ss->ss_family == AF_INET6
        && IN6_IS_ADDR_V4MAPPED(&((const struct sockaddr_in6 *)ss)->sin6_addr)) {
        const uint8_t *b = ((const struct sockaddr_in6 *)ss)->sin6_addr.s6_addr;
        snprintf(out, out_size, "%u.%u.%u.%u", b[12], b[13], b[14], b[15]);
        return;
    }
    if (getnameinfo((const struct sockaddr *)ss, len, host, sizeof host, NULL, 0, NI_NUMERICHOST)
        != 0) {
        return;
    }
    /* Connecting to a link-local address needs its scope; the server does not see ours. */
    percent = strchr(host, '%');
    if (percent != NULL && !keep_scope) {
        *percent = '\0';
    }
    snprintf(out, out_size, "%s", host);
}

static void add_addresses(const struct addrinfo *list, struct sc_addresses *out)
{
    const struct addrinfo *ai;
    int i;

    for (ai = list; ai != NULL && out->count < SC_MAX_ADDRESSES; ai = ai->ai_next) {
        struct sc_address *a = &out->a[out->count];
        if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
            || ai->ai_addrlen > sizeof a->sa) {
            continue;
        }
        memset(a, 0, sizeof *a);
        memcpy(&a->sa, ai->ai_addr, ai->ai_addrlen);
        a->len = ai->ai_addrlen;
        format_address(&a->sa, a->len, true, a->text, sizeof a->text);
        for (i = 0; i < out->count; i++) {
            if (strcmp(out->a[i].text, a->text) == 0) {
                break;
            }
        }
        if (i == out->count && a->text[0] != '\0') {
            out->count++;
        }
    }
}

/*
 * A lookup on a thread of our own, so that the caller can give up at its deadline. Not
 * getaddrinfo_a(): glibc runs those lookups on an internal thread through its private
 * resolver entry point, which bypasses an interposed getaddrinfo (nss_wrapper, or any
 * LD_PRELOAD shim), so names only that NSS configuration knows were not found. Plain
 * getaddrinfo() here consults NSS exactly as every other program on the machine does.
 * A lookup cannot be cancelled: when the deadline passes first, the caller leaves and the
 * thread frees the job once getaddrinfo() returns, so the caller and the thread each hold a
 * reference.
 */
struct resolve_job
{
    pthread_mutex_t lock;
    pthread_cond_t finished_cond;
    int refs; /* under lock */
    bool finished; /* under lock */
    int rc;
    struct addrinfo *result;
    char host[256];
    char port[8];
};

static void resolve_job_unref(struct resolve_job *job)
{
    bool last;

    pthread_mutex_lock(&job->lock);
    last = --job->refs == 0;
    pthread_mutex_unlock(&job->lock);
    if (last) {
        if (job->result != NULL) {
            freeaddrinfo(job->result);
        }
        pthread_cond_destroy(&job->finished_cond);
        pthread_mutex_destroy(&job->lock);
        free(job);
    }
}

static void *resolve_thread(void *arg)
{
    struct resolve_job *job = arg;
    struct addrinfo hints, *result = NULL;
    int rc;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    /* No AI_ADDRCONFIG: on a machine with only loopback configured it hides "localhost".
     * Addresses we cannot reach fail fast and the next one is tried. */
    hints.ai_flags = AI_NUMERICSERV;
    rc = getaddrinfo(job->host, job->port, &hints, &result);

    pthread_mutex_lock(&job->lock);
    job->rc = rc;
    job->result = rc == 0 ? result : NULL;
    job->finished = true;
    pthread_cond_signal(&job->finished_cond);
    pthread_mutex_unlock(&job->lock);
    resolve_job_unref(job);
    return NULL;
}

static struct resolve_job *resolve_job_new(const char *host, const char *port)
{
    struct resolve_job *job = calloc(1, sizeof *job);
    pthread_condattr_t attr;

    if (job == NULL) {
        return NULL;
    }
    /* The deadline is on the monotonic clock, like every other one in this file. */
    if (pthread_condattr_init(&attr) != 0) {
        free(job);
        return NULL;
    }
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    if (pthread_cond_init(&job->finished_cond, &attr) != 0) {
        pthread_condattr_destroy(&attr);
        free(job);
        return NULL;
    }
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&job->lock, NULL);
    job->refs = 2;
    snprintf(job->host, sizeof job->host, "%s", host);
    snprintf(job->port, sizeof job->port, "%s", port);
    return job;
}

/* Starts the lookup thread detached and with every signal blocked: signals meant for the
 * application must not land on a thread that only resolves. */
static int resolve_job_start(struct resolve_job *job)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    int rc;

    if (pthread_attr_init(&attr) != 0) {
        return -1;
    }
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&thread, &attr, resolve_thread, job);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return rc == 0 ? 0 : -1;
}

static uint32_t resolve_failure(int rc, const char *host, sc_samba_error *err)
{
    /* NT_STATUS_BAD_NETWORK_PATH is what Windows reports for a server name it cannot
     * find (ERROR_BAD_NETPATH from the Net* functions). */
    set_error(err, NT_STATUS_V(NT_STATUS_BAD_NETWORK_PATH), "cannot resolve \"%s\": %s", host,
        gai_strerror(rc));
    return err->ntstatus;
}

static uint32_t resolve_host(const char *host, uint16_t port, int64_t deadline,
    struct sc_addresses *out, sc_samba_error *err)
{
    struct addrinfo hints, *numeric = NULL;
    struct resolve_job *job;
    struct timespec until;
    char port_text[8];
    bool finished;
    int rc;

    memset(out, 0, sizeof *out);
    snprintf(port_text, sizeof port_text, "%u", (unsigned)port);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    if (getaddrinfo(host, port_text, &hints, &numeric) == 0) {
        add_addresses(numeric, out);
        freeaddrinfo(numeric);
        return 0;
    }

    if (strlen(host) >= sizeof job->host) {
        set_error(err, SC_NT_STATUS_INVALID_PARAMETER, "server name too long");
        return err->ntstatus;
    }
    job = resolve_job_new(host, port_text);
    if (job == NULL) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "out of memory");
        return err->ntstatus;
    }
    if (resolve_job_start(job) != 0) {
        job->refs = 1; /* no thread: ours is the only reference */
        resolve_job_unref(job);
        set_error(err, SC_NT_STATUS_NO_MEMORY, "cannot start a thread to resolve \"%s\"", host);
        return err->ntstatus;
    }

    until.tv_sec = (time_t)(deadline / 1000);
    until.tv_nsec = (long)(deadline % 1000) * 1000000L;
    pthread_mutex_lock(&job->lock);
    while (!job->finished) {
        if (pthread_cond_timedwait(&job->finished_cond, &job->lock, &until) == ETIMEDOUT) {
            break;
        }
    }
    finished = job->finished;
    rc = job->rc;
    pthread_mutex_unlock(&job->lock);

    if (!finished) {
        resolve_job_unref(job);
        set_error(
            err, SC_NT_STATUS_IO_TIMEOUT, "name resolution of \"%s\" did not finish in time", host);
        err->timed_out = 1;
        return err->ntstatus;
    }
    if (rc != 0) {
        resolve_job_unref(job);
        return resolve_failure(rc, host, err);
    }
    add_addresses(job->result, out);
    resolve_job_unref(job);
    if (out->count == 0) {
        return resolve_failure(EAI_NODATA, host, err);
    }
    return 0;
}

/*
 * Samba reports some connection-level failures vaguely (a refused TCP connect comes back
 * as NT_STATUS_NO_MEMORY in 4.17). When a connect fails with such a code we try a plain
 * TCP connect to the same address to learn what really happened. Only on that failure
 * path; a successful probe connection is closed at once.
 */
static bool status_is_vague(uint32_t status)
{
    return status == NT_STATUS_V(NT_STATUS_NO_MEMORY)
        || status == NT_STATUS_V(NT_STATUS_UNSUCCESSFUL)
        || status == NT_STATUS_V(NT_STATUS_INTERNAL_ERROR)
        || status == NT_STATUS_V(NT_STATUS_UNEXPECTED_NETWORK_ERROR)
        || status == NT_STATUS_V(NT_STATUS_INVALID_NETWORK_RESPONSE);
}

static uint32_t status_from_errno(int error)
{
    switch (error) {
    case ECONNREFUSED:
        return NT_STATUS_V(NT_STATUS_CONNECTION_REFUSED);
    case EHOSTUNREACH:
    case EHOSTDOWN:
        return NT_STATUS_V(NT_STATUS_HOST_UNREACHABLE);
    case ENETUNREACH:
    case ENETDOWN:
        return NT_STATUS_V(NT_STATUS_NETWORK_UNREACHABLE);
    case ETIMEDOUT:
        return SC_NT_STATUS_IO_TIMEOUT;
    case ECONNRESET:
        return NT_STATUS_V(NT_STATUS_CONNECTION_RESET);
    default:
        return 0;
    }
}

/* Returns the NTSTATUS the TCP connect failed with, or 0 if it connected (or is unknown). */
static uint32_t probe_tcp(const struct sc_address *address, uint32_t timeout_ms)
{
    struct pollfd pfd;
    int s, error = 0, rc;
    socklen_t error_len = sizeof error;

    s = socket(address->sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s < 0) {
        return 0;
    }
    rc = connect(s, (const struct sockaddr *)&address->sa, address->len);
    if (rc != 0 && errno == EINPROGRESS) {
        pfd.fd = s;
        pfd.events = POLLOUT;
        pfd.revents = 0;
        do {
            rc = poll(&pfd, 1, (int)timeout_ms);
        } while (rc < 0 && errno == EINTR);
        if (rc == 0) {
            error = ETIMEDOUT;
        } else if (rc > 0 && getsockopt(s, SOL_SOCKET, SO_ERROR, &error, &error_len) != 0) {
            error = 0;
        }
    } else if (rc != 0) {
        error = errno;
    }
    close(s);
    return error != 0 ? status_from_errno(error) : 0;
}

static uint16_t sockaddr_port(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        return ntohs(((const struct sockaddr_in *)ss)->sin_port);
    }
    if (ss->ss_family == AF_INET6) {
        return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
    }
    return 0;
}

/*
 * Samba does not expose the socket of an SMB connection publicly. The address the server
 * sees is the local address of that TCP socket, so we look for it among our process's
 * descriptors: a stream socket whose peer is one of the server's addresses on our port
 * (another connection to the same server and port would have the same local address).
 * Fallback: the source address the kernel picks for a UDP socket connected to the server
 * (connect() on UDP sends nothing).
 */
static void find_local_address(const struct sc_addresses *targets, uint16_t port,
    sc_samba_security *sec, struct sc_samba_conn *conn)
{
    DIR *dir;
    struct dirent *entry;
    int i;

    sec->local_address[0] = '\0';
    sec->local_address_from_socket = 0;
    if (targets->count == 0) {
        return;
    }

    dir = opendir("/proc/self/fd");
    while (dir != NULL && (entry = readdir(dir)) != NULL) {
        struct sockaddr_storage peer, local;
        socklen_t peer_len = sizeof peer, local_len = sizeof local;
        char peer_text[NI_MAXHOST];
        struct stat st;
        int type = 0;
        socklen_t type_len = sizeof type;
        char *end = NULL;
        long fd = strtol(entry->d_name, &end, 10);

        if (end == entry->d_name || *end != '\0' || fd == dirfd(dir)) {
            continue;
        }
        if (fstat((int)fd, &st) != 0 || !S_ISSOCK(st.st_mode)
            || getsockopt((int)fd, SOL_SOCKET, SO_TYPE, &type, &type_len) != 0
            || type != SOCK_STREAM) {
            continue;
        }
        if (getpeername((int)fd, (struct sockaddr *)&peer, &peer_len) != 0
            || sockaddr_port(&peer) != port) {
            continue;
        }
        format_address(&peer, peer_len, true, peer_text, sizeof peer_text);
        for (i = 0; i < targets->count; i++) {
            if (strcmp(peer_text, targets->a[i].text) == 0) {
                break;
            }
        }
        if (i == targets->count) {
            continue;
        }
        if (getsockname((int)fd, (struct sockaddr *)&local, &local_len) == 0) {
            format_address(&local, local_len, false, sec->local_address, sizeof sec->local_address);
            conn->sock_local = local;
            conn->sock_local_len = local_len;
            conn->sock_peer = peer;
            conn->sock_peer_len = peer_len;
            if (sec->local_address[0] != '\0') {
                sec->local_address_from_socket = 1;
                break;
            }
        }
    }
    if (dir != NULL) {
        closedir(dir);
    }

    if (sec->local_address[0] == '\0') {
        int s = socket(targets->a[0].sa.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (s >= 0) {
            struct sockaddr_storage local;
            socklen_t local_len = sizeof local;
            if (connect(s, (const struct sockaddr *)&targets->a[0].sa, targets->a[0].len) == 0
                && getsockname(s, (struct sockaddr *)&local, &local_len) == 0) {
                format_address(
                    &local, local_len, false, sec->local_address, sizeof sec->local_address);
            }
            close(s);
        }
    }
}

/* ---- connect -------------------------------------------------------------------------- */

struct deadline
{
    struct tevent_timer *timer; /* NULL once fired: tevent frees a timer after it ran */
    bool fired;
};

static void deadline_reached(
    struct tevent_context *ev, struct tevent_timer *te, struct timeval now, void *private_data)
{
    struct deadline *d = private_data;
    (void)ev;
    (void)te;
    (void)now;
    d->timer = NULL;
    d->fired = true;
}

static struct timeval timeval_after(uint32_t ms)
{
    return tevent_timeval_current_ofs(ms / 1000, (ms % 1000) * 1000);
}

static bool set_parameter(
    struct loadparm_context *lp, const char *name, const char *value, sc_samba_error *err)
{
    if (!lpcfg_set_cmdline(lp, name, value)) {
        set_error(err, SC_NT_STATUS_INVALID_PARAMETER, "Samba rejected \"%s = %s\"", name, value);
        return false;
    }
    return true;
}

static bool configure(
    struct sc_samba_conn *conn, const sc_samba_params *params, sc_samba_error *err)
{
    char port_text[8];

    snprintf(port_text, sizeof port_text, "%u", (unsigned)params->port);
    /* Only "host" (for the Kerberos case, where Samba resolves): the default order also
     * broadcasts NetBIOS name queries to the LAN for names DNS does not know. */
    return set_parameter(conn->lp, "smb ports", port_text, err)
        && set_parameter(conn->lp, "name resolve order", "host", err)
        && set_parameter(conn->lp, "client min protocol", "SMB2_02", err)
        && set_parameter(conn->lp, "client max protocol", "SMB3", err)
        && set_parameter(
            conn->lp, "client signing", params->require_signing ? "required" : "desired", err)
        && set_parameter(
            conn->lp, "client ipc signing", params->require_signing ? "required" : "desired", err)
        && set_parameter(
            conn->lp, "client smb encrypt", params->require_sealing ? "required" : "default", err)
        && set_parameter(
            conn->lp, "client use kerberos", params->kerberos ? "required" : "disabled", err)
        && set_parameter(conn->lp, "client lanman auth", "no", err)
        && set_parameter(conn->lp, "client plaintext auth", "no", err)
        && set_parameter(conn->lp, "client ntlmv2 auth", "yes", err);
}

/*
 * NTLM needs the NT hash only, never the password. Given a plain password, Samba 4.17
 * derives the hash itself (E_md4hash) through a UTF-16 talloc copy of the password that it
 * frees without overwriting, so the password would stay readable in freed heap. We derive
 * the hash ourselves, without a UTF-16 copy, and Samba never sees the password.
 */
static bool set_nt_hash(struct sc_samba_conn *conn, const char *password, sc_samba_error *err)
{
    struct samr_Password hash;
    bool ok;

    if (password == NULL) {
        password = "";
    }
    if (sc_ntlm_nt_hash(password, strlen(password), hash.hash) != 0) {
        /* No server could accept it: NTLM hashes the password as UTF-16. Samba would hash
         * the raw bytes instead and the server would refuse the logon; we report what the
         * server would (a wrong password), with the real reason, and connect nowhere. */
        set_error(err, SC_NT_STATUS_WRONG_PASSWORD,
            "the password is not valid UTF-8 (text in another encoding?), so it cannot be sent");
        return false;
    }
    ok = cli_credentials_set_nt_hash(conn->creds, &hash, CRED_SPECIFIED);
    explicit_bzero(&hash, sizeof hash);
    if (!ok) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "cannot set credentials");
    }
    return ok;
}

static bool set_credentials(
    struct sc_samba_conn *conn, const sc_samba_params *params, sc_samba_error *err)
{
    conn->creds = cli_credentials_init(conn);
    if (conn->creds == NULL || !cli_credentials_set_conf(conn->creds, conn->lp)) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "cannot set up credentials");
        return false;
    }
    if (params->kerberos) {
        const char *why = NULL;
        char *principal;
        int rc;

        cli_credentials_set_kerberos_state(conn->creds, CRED_USE_KERBEROS_REQUIRED, CRED_SPECIFIED);
        /* NULL name: the default cache (KRB5CCNAME or the system default). Samba
         * accepts a missing or empty cache here and only fails later, vaguely, so we
         * check that it gave us a principal. */
        rc = cli_credentials_set_ccache(conn->creds, conn->lp, NULL, CRED_SPECIFIED, &why);
        principal = rc == 0 ? cli_credentials_get_principal(conn->creds, conn) : NULL;
        if (principal == NULL || principal[0] == '\0') {
            set_error(err, SC_NT_STATUS_NO_SUCH_LOGON_SESSION,
                "no Kerberos ticket in the credentials cache%s%s", why != NULL ? ": " : "",
                why != NULL ? why : "");
            TALLOC_FREE(principal);
            return false;
        }
        TALLOC_FREE(principal);
        return true;
    }
    cli_credentials_set_kerberos_state(conn->creds, CRED_USE_KERBEROS_DISABLED, CRED_SPECIFIED);
    if (params->user == NULL || params->user[0] == '\0') {
        cli_credentials_set_anonymous(conn->creds);
        return true;
    }
    if (!cli_credentials_set_username(conn->creds, params->user, CRED_SPECIFIED)
        || !cli_credentials_set_domain(
            conn->creds, params->domain != NULL ? params->domain : "", CRED_SPECIFIED)) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "cannot set credentials");
        return false;
    }
    return set_nt_hash(conn, params->password, err);
}

/* A talloc_report_depth_cb() visitor: overwrites every NT hash among the blocks it sees. */
static void wipe_nt_hash_block(
    const void *ptr, int depth, int max_depth, int is_ref, void *private_data)
{
    (void)depth;
    (void)max_depth;
    (void)private_data;
    if (!is_ref && talloc_get_size(ptr) == sizeof(struct samr_Password)
        && strcmp(talloc_get_name(ptr), "struct samr_Password") == 0) {
        explicit_bzero((void *)ptr, sizeof(struct samr_Password));
    }
}

/*
 * Samba 4.17 frees its copies of our secrets without overwriting them, so they would stay
 * readable in freed heap. Called before the credentials go. The NT hash is as good as the
 * password for an NTLM logon; Samba keeps it as a talloc child of the credentials with no
 * public way to reach it, so we find it by its talloc type. A plain password is no longer
 * set by us, but wiping it costs nothing should one ever get there.
 */
static void wipe_credentials(struct sc_samba_conn *conn)
{
    const char *password;

    if (conn->creds == NULL) {
        return;
    }
    password = cli_credentials_get_password(conn->creds);
    if (password != NULL) {
        explicit_bzero((char *)password, strlen(password));
    }
    talloc_report_depth_cb(conn->creds, 0, -1, wipe_nt_hash_block, NULL);
}

static NTSTATUS run_connect(struct sc_samba_conn *conn, struct dcerpc_binding *binding,
    uint32_t timeout_ms, bool *timed_out)
{
    struct composite_context *c;
    struct deadline deadline = {NULL, false};
    const struct sc_composite_mirror *mirror;

    *timed_out = false;
    c = dcerpc_pipe_connect_b_send(conn, binding, &srvsvc_table, conn->creds, conn->ev, conn->lp);
    if (c == NULL) {
        return NT_STATUS_NO_MEMORY;
    }
    if (talloc_get_size(c) != sizeof(struct sc_composite_mirror)
        || strcmp(talloc_get_name(c), "struct composite_context") != 0) {
        /* Unknown Samba layout: Samba's own 60 s connect timeout applies. */
        return dcerpc_pipe_connect_b_recv(c, conn, &conn->pipe);
    }

    deadline.timer
        = tevent_add_timer(conn->ev, conn, timeval_after(timeout_ms), deadline_reached, &deadline);
    if (deadline.timer == NULL) {
        talloc_free(c);
        return NT_STATUS_NO_MEMORY;
    }
    mirror = (const struct sc_composite_mirror *)c;
    while (mirror->state < SC_COMPOSITE_STATE_DONE && !deadline.fired) {
        if (tevent_loop_once(conn->ev) != 0) {
            TALLOC_FREE(deadline.timer);
            talloc_free(c);
            return NT_STATUS_INTERNAL_ERROR;
        }
    }
    TALLOC_FREE(deadline.timer);
    if (mirror->state < SC_COMPOSITE_STATE_DONE) {
        /* Cancelling is freeing: the composite owns the socket, the SMB state, the pipe
         * being built and the events registered for them. */
        talloc_free(c);
        *timed_out = true;
        return NT_STATUS_IO_TIMEOUT;
    }
    return dcerpc_pipe_connect_b_recv(c, conn, &conn->pipe);
}

static NTSTATUS make_binding(
    struct sc_samba_conn *conn, const char *host, bool seal, struct dcerpc_binding **out)
{
    struct dcerpc_binding *binding = NULL;
    uint32_t flags = DCERPC_SMB2;
    NTSTATUS status;

    /* Built field by field rather than parsed from "ncacn_np:HOST[...]": an IPv6
     * literal's colons and brackets would clash with the binding syntax. The endpoint must
     * be given, or Samba asks the endpoint mapper first. DCERPC_SMB2 selects the SMB2/3
     * client; without it Samba uses its SMB1 client. */
    status = dcerpc_parse_binding(conn, "ncacn_np:", &binding);
    if (NT_STATUS_IS_OK(status)) {
        status = dcerpc_binding_set_string_option(binding, "host", host);
    }
    if (NT_STATUS_IS_OK(status)) {
        status = dcerpc_binding_set_string_option(binding, "endpoint", "\\pipe\\srvsvc");
    }
    if (NT_STATUS_IS_OK(status)) {
        /* DCE/RPC privacy on top of SMB3 encryption: the stubs stay encrypted end to end
         * even where an SMB layer in between does not encrypt. */
        if (seal) {
            flags |= DCERPC_SEAL;
        }
        status = dcerpc_binding_set_flags(binding, flags, 0);
    }
    if (!NT_STATUS_IS_OK(status)) {
        TALLOC_FREE(binding);
        return status;
    }
    *out = binding;
    return NT_STATUS_OK;
}

/* One connect attempt to @p host (a numeric address, or the name for Kerberos). */
static uint32_t attempt(struct sc_samba_conn *conn, const sc_samba_params *params, const char *host,
    const struct sc_address *address, int64_t deadline, sc_samba_error *err)
{
    struct dcerpc_binding *binding = NULL;
    bool timed_out = false;
    NTSTATUS status;
    uint32_t code, probed;

    status = make_binding(conn, host, params->require_sealing != 0, &binding);
    if (!NT_STATUS_IS_OK(status)) {
        set_error(err, NT_STATUS_V(status), "invalid server name \"%s\": %s", params->host,
            status_name(NT_STATUS_V(status)));
        return err->ntstatus;
    }
    status = run_connect(conn, binding, remaining_ms(deadline), &timed_out);
    TALLOC_FREE(binding);
    code = NT_STATUS_V(status);
    if (code == 0) {
        return 0;
    }
    err->connection_broken = 1;
    if (timed_out) {
        err->timed_out = 1;
        set_error(err, SC_NT_STATUS_IO_TIMEOUT, "connect to %s port %u: no answer within %u ms",
            host, (unsigned)params->port, (unsigned)params->connect_timeout_ms);
        return err->ntstatus;
    }
    if (address != NULL && status_is_vague(code)) {
        probed = probe_tcp(address, remaining_ms(deadline));
        if (probed != 0) {
            err->timed_out = probed == SC_NT_STATUS_IO_TIMEOUT;
            set_error(err, probed, "connect to %s port %u: %s (Samba said %s)", host,
                (unsigned)params->port, status_name(probed), status_name(code));
            return err->ntstatus;
        }
    }
    if (params->kerberos && code == NT_STATUS_V(NT_STATUS_INVALID_PARAMETER)) {
        /* What Samba answers when gensec cannot get a service ticket. */
        set_error(err, SC_NT_STATUS_NO_SUCH_LOGON_SESSION,
            "connect to %s port %u: Kerberos authentication could not start (%s)", host,
            (unsigned)params->port, status_name(code));
        return err->ntstatus;
    }
    set_error(
        err, code, "connect to %s port %u: %s", host, (unsigned)params->port, status_name(code));
    return code;
}

static void fill_security(
    struct sc_samba_conn *conn, const sc_samba_params *params, const struct sc_addresses *targets)
{
    enum dcerpc_AuthType auth_type = DCERPC_AUTH_TYPE_NONE;
    enum dcerpc_AuthLevel auth_level = DCERPC_AUTH_LEVEL_NONE;
    sc_samba_security *sec = &conn->security;

    dcerpc_binding_handle_auth_info(conn->bh, &auth_type, &auth_level);
    sec->rpc_privacy = auth_level == DCERPC_AUTH_LEVEL_PRIVACY;
    sec->smb_encryption = dcerpc_transport_encrypted(conn->pipe) ? 1 : 0;
    /* Samba has no public getter for the SMB signing state. With "client signing =
     * required" an unsigned connection fails to set up, and SMB3 encryption and DCE/RPC
     * integrity/privacy each protect the payload too, so these are what we can vouch for. */
    sec->signing = params->require_signing || sec->smb_encryption
        || auth_level >= DCERPC_AUTH_LEVEL_INTEGRITY;
    /* The dialect as negotiated, or nothing: a guess from the encryption state would say
     * "SMB2" for an unencrypted SMB 3.1.1 connection. */
    negotiated_dialect(conn, sec->protocol, sizeof sec->protocol);
    find_local_address(targets, params->port, sec, conn);
}

static int connect_locked(const sc_samba_params *params, const struct sc_addresses *targets,
    int64_t deadline, sc_samba_conn **out, sc_samba_error *err)
{
    struct sc_samba_conn *conn;
    uint32_t code = 0;
    int i;

    conn = talloc_zero(NULL, struct sc_samba_conn);
    if (conn == NULL) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "out of memory");
        return -1;
    }
    conn->call_timeout_ms = params->call_timeout_ms;
    conn->ev = tevent_context_init(conn);
    conn->lp = loadparm_init(conn);
    if (conn->ev == NULL || conn->lp == NULL) {
        set_error(err, SC_NT_STATUS_NO_MEMORY, "cannot set up Samba contexts");
        goto fail;
    }
    if (!configure(conn, params, err) || !set_credentials(conn, params, err)) {
        goto fail;
    }

    if (params->kerberos) {
        code = attempt(conn, params, params->host, NULL, deadline, err);
    } else {
        /* Like Windows, try the next address only when this one could not be reached. */
        for (i = 0; i < targets->count; i++) {
            memset(err, 0, sizeof *err);
            code = attempt(conn, params, targets->a[i].text, &targets->a[i], deadline, err);
            if (code == 0 || !status_is_connection_level(code) || remaining_ms(deadline) == 0) {
                break;
            }
        }
    }
    if (code != 0) {
        goto fail;
    }

    conn->bh = conn->pipe->binding_handle;
    /* Our tevent deadline per call is the precise limit; this one (whole seconds) is a
     * backstop inside Samba's request queue. */
    dcerpc_binding_handle_set_timeout(conn->bh, (params->call_timeout_ms + 999) / 1000 + 1);
    fill_security(conn, params, targets);
    *out = conn;
    return 0;

fail:
    TALLOC_FREE(conn->pipe);
    wipe_credentials(conn);
    talloc_free(conn);
    return -1;
}

int sc_samba_connect(const sc_samba_params *params, sc_samba_conn **out, sc_samba_error *err)
{
    struct sc_addresses targets;
    int64_t deadline;
    int rc;

    memset(err, 0, sizeof *err);
    *out = NULL;
    if (params == NULL || params->host == NULL || params->host[0] == '\0') {
        set_error(err, SC_NT_STATUS_INVALID_PARAMETER, "no server name given");
        return -1;
    }
    deadline = monotonic_ms() + params->connect_timeout_ms;
    pthread_once(&g_init_once, global_init);
    if (!NT_STATUS_IS_OK(g_init_status)) {
        set_error(err, NT_STATUS_V(g_init_status), "dcerpc_init failed: %s",
            status_name(NT_STATUS_V(g_init_status)));
        return -1;
    }
    /* Outside the Samba lock: a slow DNS server must not hold up other connections. */
    if (resolve_host(params->host, params->port, deadline, &targets, err) != 0) {
        err->connection_broken = 1;
        return -1;
    }
    pthread_mutex_lock(&g_samba_lock);
    rc = connect_locked(params, &targets, deadline, out, err);
    pthread_mutex_unlock(&g_samba_lock);
    return rc;
}

/* ---- calls ---------------------------------------------------------------------------- */

/*
 * After a call timed out, Samba closes the pipe's file handle with a synchronous SMB2 CLOSE
 * that waits up to another second for the server that just failed to answer. Shutting down
 * the receiving side of our socket first makes that close fail at once. Only the socket with
 * exactly the endpoints recorded at connect time is touched (never another connection's);
 * SHUT_RD rather than SHUT_RDWR so that Samba's pending writes cannot raise SIGPIPE.
 */
static void cut_socket(const struct sc_samba_conn *conn)
{
    DIR *dir;
    struct dirent *entry;

    if (conn->sock_local_len == 0 || conn->sock_peer_len == 0) {
        return;
    }
    dir = opendir("/proc/self/fd");
    while (dir != NULL && (entry = readdir(dir)) != NULL) {
        struct sockaddr_storage peer, local;
        socklen_t peer_len = sizeof peer, local_len = sizeof local;
        char *end = NULL;
        long fd = strtol(entry->d_name, &end, 10);

        if (end == entry->d_name || *end != '\0' || fd == dirfd(dir)) {
            continue;
        }
        if (getsockname((int)fd, (struct sockaddr *)&local, &local_len) != 0
            || local_len != conn->sock_local_len
            || memcmp(&local, &conn->sock_local, local_len) != 0
            || getpeername((int)fd, (struct sockaddr *)&peer, &peer_len) != 0
            || peer_len != conn->sock_peer_len || memcmp(&peer, &conn->sock_peer, peer_len) != 0) {
            continue;
        }
        shutdown((int)fd, SHUT_RD);
        break;
    }
    if (dir != NULL) {
        closedir(dir);
    }
}

static int call_locked(sc_samba_conn *conn, uint16_t opnum, const uint8_t *request,
    size_t request_size, const uint8_t **reply, size_t *reply_size, sc_samba_error *err)
{
    struct tevent_req *req;
    uint8_t *out = NULL;
    size_t out_size = 0;
    uint32_t out_flags = 0;
    NTSTATUS status;

    TALLOC_FREE(conn->reply);
    if (conn->broken || !dcerpc_binding_handle_is_connected(conn->bh)) {
        conn->broken = true;
        err->connection_broken = 1;
        set_error(
            err, SC_NT_STATUS_CONNECTION_DISCONNECTED, "the connection was closed before the call");
        return -1;
    }
    conn->pipe->last_fault_code = 0;

    req = dcerpc_binding_handle_raw_call_send(
        conn, conn->ev, conn->bh, NULL, opnum, 0, request, request_size);
    if (req == NULL
        || !tevent_req_set_endtime(req, conn->ev, timeval_after(conn->call_timeout_ms))) {
        TALLOC_FREE(req);
        set_error(err, SC_NT_STATUS_NO_MEMORY, "out of memory");
        return -1;
    }
    if (!tevent_req_poll(req, conn->ev)) {
        int error = errno;
        talloc_free(req);
        conn->broken = true;
        err->connection_broken = 1;
        set_error(
            err, NT_STATUS_V(NT_STATUS_INTERNAL_ERROR), "event loop failed: %s", strerror(error));
        return -1;
    }
    status = dcerpc_binding_handle_raw_call_recv(req, conn, &out, &out_size, &out_flags);
    talloc_free(req);

    if (!NT_STATUS_IS_OK(status)) {
        if (conn->pipe->last_fault_code != 0) {
            /* A fault is an answer: the connection stays usable. */
            err->fault_code = conn->pipe->last_fault_code;
            set_error(err, NT_STATUS_V(status), "opnum %u: DCE/RPC fault 0x%08x (%s)",
                (unsigned)opnum, (unsigned)err->fault_code, status_name(NT_STATUS_V(status)));
            return -1;
        }
        /* Anything else (timeout, transport error) leaves the pipe in an unknown state:
         * a late reply would be matched against the next call. */
        conn->broken = true;
        err->connection_broken = 1;
        if (NT_STATUS_EQUAL(status, NT_STATUS_IO_TIMEOUT)) {
            err->timed_out = 1;
            cut_socket(conn);
            set_error(err, NT_STATUS_V(status), "opnum %u: no reply within %u ms", (unsigned)opnum,
                (unsigned)conn->call_timeout_ms);
        } else {
            set_error(err, NT_STATUS_V(status), "opnum %u: %s", (unsigned)opnum,
                status_name(NT_STATUS_V(status)));
        }
        return -1;
    }
    if (out_flags & LIBNDR_FLAG_BIGENDIAN) {
        /* Our codec speaks little-endian NDR only; no server we target answers otherwise. */
        talloc_free(out);
        set_error(
            err, SC_NT_STATUS_RPC_PROTOCOL_ERROR, "opnum %u: big-endian reply", (unsigned)opnum);
        return -1;
    }
    conn->reply = out;
    *reply = out;
    *reply_size = out_size;
    return 0;
}

int sc_samba_call(sc_samba_conn *conn, uint16_t opnum, const uint8_t *request, size_t request_size,
    const uint8_t **reply, size_t *reply_size, sc_samba_error *err)
{
    int rc;

    memset(err, 0, sizeof *err);
    *reply = NULL;
    *reply_size = 0;
    if (conn == NULL) {
        set_error(err, SC_NT_STATUS_INVALID_PARAMETER, "not connected");
        return -1;
    }
    pthread_mutex_lock(&g_samba_lock);
    rc = call_locked(conn, opnum, request, request_size, reply, reply_size, err);
    pthread_mutex_unlock(&g_samba_lock);
    return rc;
}

int sc_samba_is_connected(sc_samba_conn *conn)
{
    int connected;

    if (conn == NULL) {
        return 0;
    }
    pthread_mutex_lock(&g_samba_lock);
    connected = !conn->broken && dcerpc_binding_handle_is_connected(conn->bh);
    pthread_mutex_unlock(&g_samba_lock);
    return connected;
}

void sc_samba_get_security(const sc_samba_conn *conn, sc_samba_security *out)
{
    if (conn == NULL) {
        memset(out, 0, sizeof *out);
        return;
    }
    *out = conn->security;
}

void sc_samba_close(sc_samba_conn *conn)
{
    if (conn == NULL) {
        return;
    }
    pthread_mutex_lock(&g_samba_lock);
    /* The pipe first, while the event context its events live on still exists. Closing
     * the socket ends the server's session at once; a polite SMB logoff would need the
     * event loop to run for another round trip. */
    TALLOC_FREE(conn->pipe);
    wipe_credentials(conn);
    TALLOC_FREE(conn->creds);
    talloc_free(conn);
    pthread_mutex_unlock(&g_samba_lock);
}
