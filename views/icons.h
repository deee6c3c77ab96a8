// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

/// The console's own SVG icons (resources/sessionconsole.qrc). Themes on Linux rarely have
/// icons for "end a session" or "unsigned connection", so we ship a consistent set instead
/// of mixing theme icons with ours.
class Icons
{
public:
    enum Id {
        Application,
        Refresh,
        Connect,
        ConnectAs,
        Disconnect,
        Details,
        Copy,
        Filter,
        Unencrypted,
        Sealed,
        Signed,
        Unsigned,
        OwnSession,
        Warning,
        /// The states of a watched server in the server panel (ServerListModel::State).
        ServerLive,
        ServerConnecting,
        ServerFailed,
        ServerStale,
    };

    /// The icon, loaded once; safe to call before any window exists.
    static QIcon icon(Id id);
};
