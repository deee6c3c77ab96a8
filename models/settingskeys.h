// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The keys of the console's QSettings, all in one place: together they are the layout of the
/// settings file, and renaming one would lose that setting for everyone who saved it (the
/// tests spell the keys out as literals for that reason).
namespace SettingsKeys {

// The window: its geometry, toolbars and docks, each table's columns, and the choices of its
// menus.
inline constexpr char WindowGeometry[] = "window/geometry";
inline constexpr char WindowState[] = "window/state";
inline constexpr char SessionsView[] = "window/sessionView";
inline constexpr char OpenFilesView[] = "window/openFilesView";
inline constexpr char RefreshInterval[] = "refresh/interval";
inline constexpr char Language[] = "ui/language";

// The servers, one string list each, in their order, so a hand-edited file stays readable:
// those that answered (the server field's history) and those watched when the console closed.
inline constexpr char ServerHistory[] = "servers/history";
inline constexpr char WatchedServers[] = "servers/watched";
// An array beside them: one entry per server with an account of its own. Who only; the
// password is never saved (it may be in the desktop keyring, filed under the account).
inline constexpr char ServerAccounts[] = "servers/accounts";
inline constexpr char AccountServer[] = "server";
inline constexpr char AccountDomain[] = "domain";
inline constexpr char AccountUser[] = "user";
inline constexpr char AccountKerberos[] = "kerberos";

// The account the console logs on with: who, never the password (that goes to the desktop
// keyring, and only if asked).
inline constexpr char LogonDomain[] = "logon/domain";
inline constexpr char LogonUser[] = "logon/user";
inline constexpr char LogonKerberos[] = "logon/kerberos";
inline constexpr char RequireSealing[] = "logon/requireSealing";
// Whether the operator chose to keep the password in the desktop keyring.
inline constexpr char RememberPassword[] = "logon/rememberPassword";

} // namespace SettingsKeys
