// SPDX-License-Identifier: GPL-3.0-or-later
// sc-loadgen: holds N SMB sessions open against the lab's smbd so that tests, benchmarks and
// the demo have real sessions to list and end. Every session has its own libsmbclient
// context, hence its own TCP connection, SMB session and tree connect.

#include <libsmbclient.h>

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

volatile sig_atomic_t g_stopSignal = 0;

void onStopSignal(int signo)
{
    g_stopSignal = signo;
}

struct Options
{
    std::string host = "127.0.0.1";
    int port = 445;
    std::string share;
    std::string user;
    std::string domain;
    std::string password;
    int count = 1;
    int openFiles = 0;
    std::string filesDir; ///< subfolder of the share for the open files; empty: its root
    bool checkHandles = false; ///< write to every held file on each touch, report failures
    int touchMs = 0;
    double touchFraction = 0.0;
    bool watchStdin = true;
    int maxSeconds = 3600;
    int timeoutMs = 20000;
    bool verbose = false;
    /// Log on with the ticket in the Kerberos credentials cache (KRB5CCNAME), no password.
    bool kerberos = false;
};

void usage(const char *argv0)
{
    std::fprintf(stderr,
        "usage: %s --share NAME --user USER --password-file FILE [--host H] [--port P]\n"
        "          [--domain D] [--count N] [--open-files K] [--touch-ms MS]\n"
        "          [--touch-fraction F] [--no-stdin] [--max-seconds S] [--timeout-ms MS]\n"
        "          [--files-dir DIR] [--check-handles] [--verbose] [--kerberos]\n"
        "Opens N SMB sessions (one connection each), prints \"READY N\", holds them until\n"
        "standard input ends (unless --no-stdin), SIGTERM/SIGINT or --max-seconds (default\n"
        "3600), then closes them and prints \"CLOSED N\". --kerberos logs on with the ticket\n"
        "in the credentials cache (KRB5CCNAME) instead of a password file, never NTLM.\n"
        "--files-dir puts the K open files of each session in the share's folder DIR, named\n"
        "with spaces, ñ, ü and ß; --check-handles writes to each held file on every touch and\n"
        "prints \"HANDLE-LOST PATH\" the first time one fails (e.g. closed by the server).\n",
        argv0);
}

bool readPasswordFile(const std::string &path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "sc-loadgen: cannot read password file %s: %s\n", path.c_str(),
            std::strerror(errno));
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    // A password file written by an editor or echo ends with a newline that is not part of it.
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return true;
}

bool parseInt(const char *text, int minValue, int &out)
{
    char *end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < minValue || v > 1000000)
        return false;
    out = static_cast<int>(v);
    return true;
}

// Returns 0 on success, 2 on a usage error.
int parseArgs(int argc, char **argv, Options &o)
{
    std::string passwordFile;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "sc-loadgen: %s needs a value\n", name);
                return nullptr;
            }
            return argv[++i];
        };
        const char *v = nullptr;
        // Options whose value is taken as it is.
        auto text = [&](std::string &out) {
            v = value(a.c_str());
            if (v)
                out = v;
            return v != nullptr;
        };
        bool ok = true;
        if (a == "--host") {
            ok = text(o.host);
        } else if (a == "--port") {
            ok = (v = value("--port")) != nullptr && parseInt(v, 1, o.port) && o.port <= 65535;
        } else if (a == "--share") {
            ok = text(o.share);
        } else if (a == "--user") {
            ok = text(o.user);
        } else if (a == "--domain") {
            ok = text(o.domain);
        } else if (a == "--password-file") {
            ok = text(passwordFile);
        } else if (a == "--count") {
            ok = (v = value("--count")) != nullptr && parseInt(v, 0, o.count);
        } else if (a == "--files-dir") {
            ok = (v = value("--files-dir")) != nullptr && *v != '\0';
            if (ok)
                o.filesDir = v;
        } else if (a == "--check-handles") {
            o.checkHandles = true;
        } else if (a == "--open-files") {
            ok = (v = value("--open-files")) != nullptr && parseInt(v, 0, o.openFiles);
        } else if (a == "--touch-ms") {
            ok = (v = value("--touch-ms")) != nullptr && parseInt(v, 0, o.touchMs);
        } else if (a == "--touch-fraction") {
            ok = (v = value("--touch-fraction")) != nullptr;
            if (ok) {
                char *end = nullptr;
                o.touchFraction = std::strtod(v, &end);
                ok = end != v && *end == '\0' && o.touchFraction >= 0.0 && o.touchFraction <= 1.0;
            }
        } else if (a == "--max-seconds") {
            ok = (v = value("--max-seconds")) != nullptr && parseInt(v, 1, o.maxSeconds);
        } else if (a == "--timeout-ms") {
            ok = (v = value("--timeout-ms")) != nullptr && parseInt(v, 1, o.timeoutMs);
        } else if (a == "--no-stdin") {
            o.watchStdin = false;
        } else if (a == "--kerberos") {
            o.kerberos = true;
        } else if (a == "--verbose") {
            o.verbose = true;
        } else if (a == "-h" || a == "--help") {
            usage(argv[0]);
            std::exit(0);
        } else {
            std::fprintf(stderr, "sc-loadgen: unknown argument %s\n", a.c_str());
            ok = false;
        }
        if (!ok) {
            if (v)
                std::fprintf(stderr, "sc-loadgen: bad value for %s: %s\n", a.c_str(), v);
            usage(argv[0]);
            return 2;
        }
    }
    if (o.share.empty() || o.user.empty() || (passwordFile.empty() && !o.kerberos)) {
        std::fprintf(stderr,
            "sc-loadgen: --share, --user and --password-file (or --kerberos) are required\n");
        usage(argv[0]);
        return 2;
    }
    if (!passwordFile.empty() && !readPasswordFile(passwordFile, o.password))
        return 2;
    return 0;
}

void copyField(char *dst, int len, const std::string &src)
{
    if (len <= 0)
        return;
    const size_t n = std::min(src.size(), static_cast<size_t>(len - 1));
    std::memcpy(dst, src.data(), n);
    dst[n] = '\0';
}

// libsmbclient asks for credentials through this callback; the context's user data points
// at the options, so every context logs on as the same user.
void authCallback(SMBCCTX *ctx, const char * /*server*/, const char * /*share*/, char *wg,
    int wglen, char *un, int unlen, char *pw, int pwlen)
{
    const auto *o = static_cast<const Options *>(smbc_getOptionUserData(ctx));
    if (!o->domain.empty())
        copyField(wg, wglen, o->domain);
    copyField(un, unlen, o->user);
    copyField(pw, pwlen, o->password);
}

struct ContextDeleter
{
    // shutdown_ctx=1: log off and drop the connection even if something is still open.
    void operator()(SMBCCTX *ctx) const { smbc_free_context(ctx, 1); }
};
using ContextPtr = std::unique_ptr<SMBCCTX, ContextDeleter>;

/// One SMB session: its own context, a tree connect to the share, and optionally open files.
class Session
{
public:
    Session(const Options &o, int index)
        : m_options(o)
        , m_index(index)
    {
    }
    ~Session() { close(); }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    bool open(std::string &error)
    {
        m_ctx.reset(smbc_new_context());
        if (!m_ctx) {
            error = std::string("smbc_new_context: ") + std::strerror(errno);
            return false;
        }
        SMBCCTX *c = m_ctx.get();
        smbc_setDebug(c, m_options.verbose ? 1 : 0);
        smbc_setOptionDebugToStderr(c, 1);
        smbc_setOptionUserData(c, const_cast<Options *>(&m_options));
        smbc_setFunctionAuthDataWithContext(c, authCallback);
        // Kerberos sessions must really be Kerberos: no fallback to NTLM.
        smbc_setOptionUseKerberos(c, m_options.kerberos ? 1 : 0);
        smbc_setOptionUseCCache(c, m_options.kerberos ? 1 : 0);
        smbc_setOptionFallbackAfterKerberos(c, m_options.kerberos ? 0 : 1);
        // A wrong password must fail, not silently become a guest session.
        smbc_setOptionNoAutoAnonymousLogin(c, 1);
        smbc_setPort(c, static_cast<uint16_t>(m_options.port));
        smbc_setTimeout(c, m_options.timeoutMs);
        if (!smbc_init_context(c)) {
            error = std::string("smbc_init_context: ") + std::strerror(errno);
            m_ctx.reset();
            return false;
        }
        // Listing the share's root makes the connection, session setup and tree connect.
        const std::string root = shareUrl() + "/";
        SMBCFILE *dir = smbc_getFunctionOpendir(c)(c, root.c_str());
        if (!dir) {
            error = "cannot open " + root + ": " + std::strerror(errno);
            return false;
        }
        smbc_getFunctionClosedir(c)(c, dir);
        if (!m_options.filesDir.empty() && m_options.openFiles > 0) {
            const std::string folder = shareUrl() + "/" + urlEncoded(m_options.filesDir);
            if (smbc_getFunctionMkdir(c)(c, folder.c_str(), 0777) != 0 && errno != EEXIST) {
                error = "cannot create " + folder + ": " + std::strerror(errno);
                return false;
            }
        }
        for (int k = 0; k < m_options.openFiles; ++k) {
            const std::string url = fileUrl(k);
            SMBCFILE *f = smbc_getFunctionOpen(c)(c, url.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0644);
            if (!f) {
                error = "cannot create " + url + ": " + std::strerror(errno);
                return false;
            }
            m_files.push_back(f);
        }
        return true;
    }

    // A tiny request on the session so that the server resets its idle time.
    bool touch()
    {
        if (!m_ctx)
            return false;
        struct stat st
        {
        };
        const std::string root = shareUrl() + "/";
        return smbc_getFunctionStat(m_ctx.get())(m_ctx.get(), root.c_str(), &st) == 0;
    }

    // One byte written through every held handle that has not failed yet; prints
    // "HANDLE-LOST PATH" (the path inside the share) for each that fails now.
    void checkHandles()
    {
        if (!m_ctx)
            return;
        SMBCCTX *c = m_ctx.get();
        m_lost.resize(m_files.size(), false);
        for (size_t k = 0; k < m_files.size(); ++k) {
            if (m_lost[k])
                continue;
            if (smbc_getFunctionWrite(c)(c, m_files[k], "x", 1) == 1)
                continue;
            m_lost[k] = true;
            std::printf("HANDLE-LOST %s\n", filePath(static_cast<int>(k)).c_str());
            std::fflush(stdout);
        }
    }

    void close()
    {
        if (!m_ctx)
            return;
        SMBCCTX *c = m_ctx.get();
        for (size_t k = 0; k < m_files.size(); ++k) {
            smbc_getFunctionClose(c)(c, m_files[k]);
            smbc_getFunctionUnlink(c)(c, fileUrl(static_cast<int>(k)).c_str());
        }
        m_files.clear();
        m_ctx.reset();
    }

private:
    std::string shareUrl() const { return "smb://" + m_options.host + "/" + m_options.share; }
    // The file's path inside the share, unique per process, session and file; with
    // --files-dir a name an operator might use, with a space, ñ, ü and ß in it.
    std::string filePath(int k) const
    {
        const std::string unique
            = std::to_string(getpid()) + "-" + std::to_string(m_index) + "-" + std::to_string(k);
        if (m_options.filesDir.empty())
            return "sc-loadgen-" + unique + ".tmp";
        return m_options.filesDir + "/Año Übersicht Größe " + unique + ".txt";
    }
    std::string fileUrl(int k) const { return shareUrl() + "/" + urlEncoded(filePath(k)); }

    // libsmbclient decodes %XX in URLs; anything but unreserved characters and "/" is encoded.
    static std::string urlEncoded(const std::string &path)
    {
        static const char hex[] = "0123456789ABCDEF";
        std::string out;
        for (unsigned char ch : path) {
            if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == '/') {
                out += static_cast<char>(ch);
            } else {
                out += '%';
                out += hex[ch >> 4];
                out += hex[ch & 15];
            }
        }
        return out;
    }

    const Options &m_options;
    int m_index;
    ContextPtr m_ctx;
    std::vector<SMBCFILE *> m_files;
    std::vector<bool> m_lost; ///< per held file: a check already failed
};

// Every session holds a socket (and libsmbclient a few more descriptors), so a thousand
// sessions need more than the usual soft limit of 1024.
void raiseDescriptorLimit()
{
    rlimit rl {};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

void installSignalHandlers()
{
    struct sigaction sa
    {
    };
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    struct sigaction ign
    {
    };
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, nullptr);
}

// Waits until stdin ends, a stop signal arrives, the deadline passes, or the next touch is due.
// Signals are blocked outside ppoll() so one that arrives between checks is not lost.
enum class Wake { Touch, Stop };
Wake waitForEvent(const Options &o, std::chrono::steady_clock::time_point deadline,
    std::chrono::steady_clock::time_point nextTouch, const sigset_t &unblocked)
{
    using namespace std::chrono;
    for (;;) {
        if (g_stopSignal)
            return Wake::Stop;
        const auto now = steady_clock::now();
        if (now >= deadline) {
            std::fprintf(stderr, "sc-loadgen: --max-seconds %d reached\n", o.maxSeconds);
            return Wake::Stop;
        }
        auto until = deadline;
        if (o.touchMs > 0)
            until = std::min(until, nextTouch);
        if (now >= until)
            return Wake::Touch;
        const auto left = duration_cast<nanoseconds>(until - now);
        timespec ts {static_cast<time_t>(left.count() / 1000000000),
            static_cast<long>(left.count() % 1000000000)};
        pollfd pfd {STDIN_FILENO, POLLIN, 0};
        const int r = ppoll(&pfd, o.watchStdin ? 1 : 0, &ts, &unblocked);
        if (r < 0 && errno != EINTR) {
            std::fprintf(stderr, "sc-loadgen: poll: %s\n", std::strerror(errno));
            return Wake::Stop;
        }
        if (r > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))) {
            char buf[256];
            const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0 || (pfd.revents & POLLNVAL))
                return Wake::Stop; // EOF: whoever started us is gone or done
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (const int rc = parseArgs(argc, argv, o); rc != 0)
        return rc;
    installSignalHandlers();
    raiseDescriptorLimit();

    const auto started = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<Session>> sessions;
    sessions.reserve(static_cast<size_t>(o.count));
    int rc = 0;
    for (int i = 0; i < o.count && !g_stopSignal; ++i) {
        auto s = std::make_unique<Session>(o, i);
        std::string error;
        if (!s->open(error)) {
            if (g_stopSignal)
                break; // asked to stop while connecting: not an error of the server
            std::fprintf(stderr, "sc-loadgen: session %d of %d as %s on %s:%d: %s\n", i + 1,
                o.count, o.user.c_str(), o.host.c_str(), o.port, error.c_str());
            rc = 1;
            break;
        }
        sessions.push_back(std::move(s));
    }
    if (rc == 0 && !g_stopSignal) {
        const double secs
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("READY %zu\n", sessions.size());
        std::fflush(stdout);
        std::fprintf(stderr, "sc-loadgen: %zu sessions as %s on %s:%d open in %.2f s\n",
            sessions.size(), o.user.c_str(), o.host.c_str(), o.port, secs);

        sigset_t block, unblocked;
        sigemptyset(&block);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGHUP);
        sigprocmask(SIG_BLOCK, &block, &unblocked);

        const size_t touched = static_cast<size_t>(
            std::lround(o.touchFraction * static_cast<double>(sessions.size())));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(o.maxSeconds);
        auto nextTouch = std::chrono::steady_clock::now() + std::chrono::milliseconds(o.touchMs);
        while (waitForEvent(o, deadline, nextTouch, unblocked) == Wake::Touch) {
            // The first sessions are the touched ones, so their idle time stays near zero.
            for (size_t i = 0; i < touched; ++i) {
                if (!sessions[i]->touch() && o.verbose)
                    std::fprintf(stderr, "sc-loadgen: touching session %zu failed: %s\n", i + 1,
                        std::strerror(errno));
            }
            if (o.checkHandles) {
                for (const auto &s : sessions)
                    s->checkHandles();
            }
            nextTouch += std::chrono::milliseconds(o.touchMs);
        }
    }
    const size_t n = sessions.size();
    sessions.clear(); // closes files, logs off, disconnects
    std::printf("CLOSED %zu\n", n);
    std::fflush(stdout);
    return rc;
}
