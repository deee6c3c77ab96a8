// SPDX-License-Identifier: GPL-3.0-or-later
#include "listingorder.h"

#include <QString>

#include <algorithm>
#include <tuple>
#include <utility>

namespace {

QStringView view(const sc::SessionText &text)
{
    return QStringView(text.data(), static_cast<qsizetype>(text.size()));
}

int folded(const sc::SessionText &a, const sc::SessionText &b)
{
    return view(a).compare(view(b), Qt::CaseInsensitive);
}

int exact(const sc::SessionText &a, const sc::SessionText &b)
{
    return view(a).compare(view(b), Qt::CaseSensitive);
}

} // namespace

void sortForListing(sc::SessionList &sessions)
{
    std::stable_sort(
        sessions.begin(), sessions.end(), [](const sc::SessionInfo &a, const sc::SessionInfo &b) {
            if (const int c = folded(a.userName, b.userName); c != 0)
                return c < 0;
            if (const int c = folded(a.clientName, b.clientName); c != 0)
                return c < 0;
            // The tie-break: the oldest session of a user from one client first, then every
            // other field, so no two different sessions compare equal.
            if (a.connectedSeconds != b.connectedSeconds)
                return a.connectedSeconds > b.connectedSeconds;
            for (const auto &[x, y] :
                {std::pair(&a.userName, &b.userName), std::pair(&a.clientName, &b.clientName),
                    std::pair(&a.clientType, &b.clientType),
                    std::pair(&a.transport, &b.transport)}) {
                if (const int c = exact(*x, *y); c != 0)
                    return c < 0;
            }
            return std::tie(a.idleSeconds, a.openCount, a.userFlags)
                < std::tie(b.idleSeconds, b.openCount, b.userFlags);
        });
}
