// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QHash>

// Q_INIT_RESOURCE must be called outside any namespace; resources live in a static library.
static void initSessionConsoleResources()
{
    Q_INIT_RESOURCE(sessionconsole);
}

QIcon Icons::icon(Id id)
{
    static const bool registered = [] {
        initSessionConsoleResources();
        return true;
    }();
    Q_UNUSED(registered);

    static QHash<int, QIcon> cache;
    auto it = cache.constFind(id);
    if (it != cache.constEnd())
        return *it;

    const char *name = nullptr;
    switch (id) {
    case Application:
        name = "session-console";
        break;
    case Refresh:
        name = "refresh";
        break;
    case Connect:
        name = "connect";
        break;
    case ConnectAs:
        name = "connect-as";
        break;
    case Disconnect:
        name = "disconnect";
        break;
    case Details:
        name = "details";
        break;
    case Copy:
        name = "copy";
        break;
    case Filter:
        name = "filter";
        break;
    case Unencrypted:
        name = "unencrypted";
        break;
    case Sealed:
        name = "sealed";
        break;
    case Signed:
        name = "signed";
        break;
    case Unsigned:
        name = "unsigned";
        break;
    case OwnSession:
        name = "own-session";
        break;
    case Warning:
        name = "warning";
        break;
    case ServerLive:
        name = "server-live";
        break;
    case ServerConnecting:
        name = "server-connecting";
        break;
    case ServerFailed:
        name = "server-failed";
        break;
    case ServerStale:
        name = "server-stale";
        break;
    }
    // The SVG icon engine renders at whatever size and device pixel ratio is asked for.
    QIcon icon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
    cache.insert(id, icon);
    return icon;
}
