// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionoptions.h"

namespace sc {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string normalizedHost(std::string_view host)
{
    // Operators paste names the way Windows shows them ("\\server") and with stray blanks.
    while (!host.empty() && (isSpace(host.front()) || host.front() == '\\')) {
        host.remove_prefix(1);
    }
    while (!host.empty() && isSpace(host.back())) {
        host.remove_suffix(1);
    }
    // "[fe80::1]" as in URLs: the resolver wants the bare IPv6 address.
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    return std::string(host);
}

} // namespace sc
