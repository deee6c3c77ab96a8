// SPDX-License-Identifier: GPL-3.0-or-later
#include "kerberoscache.h"

#include <krb5/krb5.h>

#include <arpa/inet.h>
#include <dlfcn.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace sc {

namespace {

/*
 * MIT Kerberos, loaded at run time and looked up by symbol version. Samba's libraries bring
 * their own Heimdal copy of libkrb5 into the process with the same function names; linked
 * normally, our calls would bind to whichever library the linker saw first, and Heimdal's
 * structures are not MIT's. dlvsym() with MIT's version tag cannot pick the wrong one. Without
 * MIT's library the cache simply cannot be read (State::Unavailable) and logons go ahead.
 */
struct Krb5
{
#define SC_KRB5_FUNCTION(name) decltype(&::name) name = nullptr
    SC_KRB5_FUNCTION(krb5_init_context);
    SC_KRB5_FUNCTION(krb5_free_context);
    SC_KRB5_FUNCTION(krb5_cc_default);
    SC_KRB5_FUNCTION(krb5_cc_close);
    SC_KRB5_FUNCTION(krb5_cc_get_name);
    SC_KRB5_FUNCTION(krb5_cc_get_type);
    SC_KRB5_FUNCTION(krb5_cc_get_principal);
    SC_KRB5_FUNCTION(krb5_cc_start_seq_get);
    SC_KRB5_FUNCTION(krb5_cc_next_cred);
    SC_KRB5_FUNCTION(krb5_cc_end_seq_get);
    SC_KRB5_FUNCTION(krb5_free_cred_contents);
    SC_KRB5_FUNCTION(krb5_free_principal);
    SC_KRB5_FUNCTION(krb5_unparse_name);
    SC_KRB5_FUNCTION(krb5_free_unparsed_name);
    SC_KRB5_FUNCTION(krb5_get_error_message);
    SC_KRB5_FUNCTION(krb5_free_error_message);
    SC_KRB5_FUNCTION(krb5_build_principal_ext);
    SC_KRB5_FUNCTION(krb5_principal_compare);
    SC_KRB5_FUNCTION(krb5_timeofday);
    SC_KRB5_FUNCTION(krb5_get_credentials);
    SC_KRB5_FUNCTION(krb5_free_creds);
#undef SC_KRB5_FUNCTION
    bool loaded = false;
};

const Krb5 *krb5()
{
    static Krb5 functions;
    static std::once_flag once;
    std::call_once(once, [] {
        // Never unloaded: the library stays for the life of the process.
        void *library = dlopen("libkrb5.so.3", RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr)
            return;
        bool all = true;
        const auto resolve = [&](auto &pointer, const char *name) {
            pointer = reinterpret_cast<std::remove_reference_t<decltype(pointer)>>(
                dlvsym(library, name, "krb5_3_MIT"));
            all = all && pointer != nullptr;
        };
#define SC_KRB5_RESOLVE(name) resolve(functions.name, #name)
        SC_KRB5_RESOLVE(krb5_init_context);
        SC_KRB5_RESOLVE(krb5_free_context);
        SC_KRB5_RESOLVE(krb5_cc_default);
        SC_KRB5_RESOLVE(krb5_cc_close);
        SC_KRB5_RESOLVE(krb5_cc_get_name);
        SC_KRB5_RESOLVE(krb5_cc_get_type);
        SC_KRB5_RESOLVE(krb5_cc_get_principal);
        SC_KRB5_RESOLVE(krb5_cc_start_seq_get);
        SC_KRB5_RESOLVE(krb5_cc_next_cred);
        SC_KRB5_RESOLVE(krb5_cc_end_seq_get);
        SC_KRB5_RESOLVE(krb5_free_cred_contents);
        SC_KRB5_RESOLVE(krb5_free_principal);
        SC_KRB5_RESOLVE(krb5_unparse_name);
        SC_KRB5_RESOLVE(krb5_free_unparsed_name);
        SC_KRB5_RESOLVE(krb5_get_error_message);
        SC_KRB5_RESOLVE(krb5_free_error_message);
        SC_KRB5_RESOLVE(krb5_build_principal_ext);
        SC_KRB5_RESOLVE(krb5_principal_compare);
        SC_KRB5_RESOLVE(krb5_timeofday);
        SC_KRB5_RESOLVE(krb5_get_credentials);
        SC_KRB5_RESOLVE(krb5_free_creds);
#undef SC_KRB5_RESOLVE
        functions.loaded = all;
    });
    return functions.loaded ? &functions : nullptr;
}

// RAII for the library's handles: each one is released by its own function with the context.
struct ContextDeleter
{
    void operator()(krb5_context context) const noexcept { krb5()->krb5_free_context(context); }
};
using Context = std::unique_ptr<std::remove_pointer_t<krb5_context>, ContextDeleter>;

class Cache
{
public:
    Cache(krb5_context context, krb5_ccache cache)
        : m_context(context)
        , m_cache(cache)
    {
    }
    ~Cache() { krb5()->krb5_cc_close(m_context, m_cache); }
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;
    krb5_ccache get() const { return m_cache; }

private:
    krb5_context m_context;
    krb5_ccache m_cache;
};

class Principal
{
public:
    explicit Principal(krb5_context context)
        : m_context(context)
    {
    }
    ~Principal()
    {
        if (m_principal != nullptr)
            krb5()->krb5_free_principal(m_context, m_principal);
    }
    Principal(const Principal &) = delete;
    Principal &operator=(const Principal &) = delete;
    krb5_principal get() const { return m_principal; }
    krb5_principal *out() { return &m_principal; }

private:
    krb5_context m_context;
    krb5_principal m_principal = nullptr;
};

std::string message(krb5_context context, krb5_error_code code)
{
    const char *text = krb5()->krb5_get_error_message(context, code);
    std::string result = text != nullptr ? text : "Kerberos error " + std::to_string(code);
    krb5()->krb5_free_error_message(context, text);
    return result;
}

std::string unparse(krb5_context context, krb5_const_principal principal)
{
    char *name = nullptr;
    if (krb5()->krb5_unparse_name(context, principal, &name) != 0)
        return {};
    std::string result = name;
    krb5()->krb5_free_unparsed_name(context, name);
    return result;
}

bool isAddress(const std::string &host)
{
    std::string bare = host;
    if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']')
        bare = bare.substr(1, bare.size() - 2);
    if (const std::size_t percent = bare.find('%'); percent != std::string::npos)
        bare.resize(percent); // scope of a link-local IPv6 address
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(AF_INET, bare.c_str(), buffer) == 1
        || inet_pton(AF_INET6, bare.c_str(), buffer) == 1;
}

struct Opened
{
    Context context;
    std::unique_ptr<Cache> cache;
    std::unique_ptr<Principal> client;
    KerberosTicketInfo info;
};

// Opens the default cache and finds its ticket-granting ticket.
Opened open()
{
    Opened result;
    KerberosTicketInfo &info = result.info;
    if (krb5() == nullptr) {
        info.state = KerberosTicketInfo::State::Unavailable;
        info.detail = "MIT Kerberos (libkrb5.so.3) is not installed";
        return result;
    }
    krb5_context raw = nullptr;
    if (const krb5_error_code rc = krb5()->krb5_init_context(&raw); rc != 0) {
        info.state = KerberosTicketInfo::State::Unavailable;
        info.detail = "cannot read the Kerberos configuration (error " + std::to_string(rc) + ')';
        return result;
    }
    result.context.reset(raw);
    krb5_context context = raw;

    krb5_ccache cache = nullptr;
    if (const krb5_error_code rc = krb5()->krb5_cc_default(context, &cache); rc != 0) {
        info.detail = message(context, rc);
        return result;
    }
    result.cache = std::make_unique<Cache>(context, cache);
    if (const char *name = krb5()->krb5_cc_get_name(context, cache)) {
        const char *type = krb5()->krb5_cc_get_type(context, cache);
        info.cacheName = std::string(type != nullptr ? type : "FILE") + ':' + name;
    }
    result.client = std::make_unique<Principal>(context);
    if (const krb5_error_code rc
        = krb5()->krb5_cc_get_principal(context, cache, result.client->out());
        rc != 0) {
        info.detail = message(context, rc);
        result.client.reset();
        return result;
    }
    info.principal = unparse(context, result.client->get());

    // The ticket-granting ticket of the client's own realm: krbtgt/REALM@REALM.
    const krb5_data *realm = krb5_princ_realm(context, result.client->get());
    Principal tgs(context);
    if (krb5()->krb5_build_principal_ext(context, tgs.out(), realm->length, realm->data,
            KRB5_TGS_NAME_SIZE, KRB5_TGS_NAME, realm->length, realm->data, 0)
        != 0) {
        info.detail = "out of memory";
        return result;
    }
    krb5_cc_cursor cursor = nullptr;
    if (const krb5_error_code rc = krb5()->krb5_cc_start_seq_get(context, cache, &cursor);
        rc != 0) {
        info.detail = message(context, rc);
        return result;
    }
    bool found = false;
    krb5_timestamp end = 0;
    krb5_creds creds;
    while (krb5()->krb5_cc_next_cred(context, cache, &cursor, &creds) == 0) {
        if (krb5()->krb5_principal_compare(context, creds.server, tgs.get())) {
            found = true;
            end = creds.times.endtime;
        }
        krb5()->krb5_free_cred_contents(context, &creds);
    }
    krb5()->krb5_cc_end_seq_get(context, cache, &cursor);
    if (!found) {
        info.detail = "no ticket-granting ticket for " + info.principal + " in the cache";
        return result;
    }
    krb5_timestamp now = 0;
    krb5()->krb5_timeofday(context, &now);
    // Kerberos timestamps are unsigned 32-bit seconds since 1970 (valid until 2106).
    info.expires = std::chrono::system_clock::time_point(
        std::chrono::seconds(static_cast<std::uint32_t>(end)));
    info.state = static_cast<std::uint32_t>(end) > static_cast<std::uint32_t>(now)
        ? KerberosTicketInfo::State::Valid
        : KerberosTicketInfo::State::Expired;
    return result;
}

} // namespace

KerberosTicketInfo KerberosCache::readDefault()
{
    return open().info;
}

std::optional<SessionError> KerberosCache::checkBeforeConnect(const std::string &host)
{
    // The ticket first: without one, getting one is the first thing to do, whatever the
    // server is called.
    const KerberosTicketInfo info = readDefault();
    switch (info.state) {
    case KerberosTicketInfo::State::NoTicket:
        return SessionError::local(ErrorKind::NoCredentials,
            "no Kerberos ticket" + (info.detail.empty() ? std::string() : ": " + info.detail));
    case KerberosTicketInfo::State::Expired:
        return SessionError::local(
            ErrorKind::KerberosTicketExpired, "the ticket of " + info.principal + " has expired");
    case KerberosTicketInfo::State::Valid:
    case KerberosTicketInfo::State::Unavailable:
        // Unavailable: we cannot tell, so the logon itself will.
        break;
    }
    if (isAddress(host)) {
        return SessionError::local(ErrorKind::KerberosNeedsServerName,
            "Kerberos needs the server's name; \"" + host + "\" is an address");
    }
    return std::nullopt;
}

std::optional<SessionError> KerberosCache::diagnoseFailure(const std::string &host)
{
    Opened opened = open();
    if (opened.info.state == KerberosTicketInfo::State::Unavailable)
        return std::nullopt;
    if (opened.info.state == KerberosTicketInfo::State::NoTicket) {
        return SessionError::local(
            ErrorKind::NoCredentials, "no Kerberos ticket: " + opened.info.detail);
    }
    krb5_context context = opened.context.get();
    // cifs/<name as given>@<the client's realm>: the principal Samba asked for. No DNS
    // canonicalisation, so an alias fails here exactly as it failed there.
    const krb5_data *realm = krb5_princ_realm(context, opened.client->get());
    Principal server(context);
    if (krb5()->krb5_build_principal_ext(context, server.out(), realm->length, realm->data, 4,
            "cifs", static_cast<unsigned int>(host.size()), host.data(), 0)
        != 0) {
        return std::nullopt;
    }
    krb5_creds in;
    std::memset(&in, 0, sizeof in);
    in.client = opened.client->get();
    in.server = server.get();
    krb5_creds *out = nullptr;
    const krb5_error_code rc
        = krb5()->krb5_get_credentials(context, KRB5_GC_NO_STORE, opened.cache->get(), &in, &out);
    if (out != nullptr)
        krb5()->krb5_free_creds(context, out);
    if (rc == 0)
        return std::nullopt;
    const std::string spn = unparse(context, server.get());
    // The codes we do not single out still are Kerberos failures; say so rather than guess.
    return SessionError::fromKerberos(
        rc, ErrorKind::LogonFailure, "ticket for " + spn + ": " + message(context, rc));
}

} // namespace sc
