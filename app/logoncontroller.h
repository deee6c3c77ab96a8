// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "serverliststore.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QComboBox;
class ConnectDialog;
class QSettings;
class QWidget;
class MainWindowTestAccess;
class PasswordKeyring;
class ServerConnection;

/// How the console logs on to its servers: one account shared by every server (saved, never
/// its password), an account of its own for a server where the operator chose one ("Connect
/// As…" on that server, saved with the server list), the password from the operator or from
/// the desktop keyring when the operator chose to remember it, and the connection made with
/// them.
///
/// The only GUI code that touches a password. It hands the password to the
/// ServerConnection (whose worker keeps it for as long as the connection needs it) and
/// wipes its own copies; the account stays. Servers that need the shared account's password
/// at the same time (several at start) wait for one dialog, and all connect with its answer.
class LogonController : public QObject
{
    Q_OBJECT
public:
    /// Connects @p connection; dialogs open over @p window. @p serverField is where the
    /// operator types the server (Connect As… without a server connects to its text).
    LogonController(ServerConnection *connection, QComboBox *serverField, QWidget *window);
    ~LogonController() override;

    /// Connects to @p server ("host", "host:port" or "\\\\host") with the logon of
    /// @p logon (its port is used when @p server names none), which becomes the shared
    /// account. Asks for the password instead when @p logon has no user, or a user without
    /// password and no Kerberos; cancelled, the server is listed as not connected.
    void connectToServer(const QString &server, const sc::ConnectionOptions &logon);
    /// Connects to @p server with its own account if it has one, otherwise with the shared
    /// account, asking for the password (or reading it from the keyring, if the operator
    /// chose to remember it). With @p listIfCancelled, a cancelled dialog leaves the server
    /// listed as "not connected: no password" rather than forgotten.
    void connectToServer(const QString &server, bool listIfCancelled = true);
    /// Asks for the account to use on @p server (empty: the server field's). On a server that
    /// has an account of its own, or that is watched with others (setSharedWithOthers()),
    /// another account than the shared one becomes that server's own.
    void showConnectAsDialog(const QString &server);
    /// Forgets the account of @p server's own and connects it with the shared account.
    void useSharedAccount(const QString &server);
    /// "DOMAIN\\user" of @p server's own account; empty when it uses the shared one.
    QString accountOverride(const QString &server) const;
    /// Forgets what is known about @p server (it is no longer watched).
    void forgetServer(const QString &server);
    /// Which connection a server is connected on: @p resolver gets the server's name as it
    /// will be shown and returns the connection (a window watching several servers picks or
    /// adds one). Without one, the connection given to the constructor.
    void setConnectionResolver(std::function<ServerConnection *(const QString &server)> resolver)
    {
        m_resolver = std::move(resolver);
    }
    /// Whether @p server is watched together with other servers: Connect As on it then sets
    /// its own account rather than the shared one.
    void setSharedWithOthers(std::function<bool(const QString &server)> sharedWithOthers)
    {
        m_sharedWithOthers = std::move(sharedWithOthers);
    }
    /// Refuse unencrypted connections (SMB 3 encryption) from now on. Saved with the logon.
    void setRequireSealing(bool require);

    void loadSettings(QSettings &settings);
    /// Saves the shared account, and the own accounts of @p servers (the others are dropped).
    void saveSettings(QSettings &settings, const QStringList &servers) const;

Q_SIGNALS:
    /// @p server was understood and is about to be connected (or asked about) under this
    /// name, e.g. "fs01" or "[::1]:1445".
    void serverNamed(const QString &server);
    /// A connection to @p server starts now.
    void connecting(const QString &server);
    /// @p server has an account of its own now (@p account, "DOMAIN\\user"), or uses the
    /// shared one again (@p account empty).
    void accountOverrideChanged(const QString &server, const QString &account);

private:
    /// Why a dialog is open, which decides what its answer changes.
    enum class Purpose {
        ConnectAs, ///< the operator chose Connect As…
        SharedPassword, ///< servers on the shared account wait for its password
        ServerPassword, ///< a server with an account of its own waits for its password
    };
    struct Waiting
    {
        QString server;
        bool listIfCancelled = true;
    };

    void connectWith(const QString &server, const sc::ConnectionOptions &logon,
        bool askIfIncomplete, bool shared, bool listIfCancelled);
    void askForPassword(const QString &server, const sc::ConnectionOptions &logon, bool shared,
        bool listIfCancelled);
    void openDialog(const QString &server, const sc::ConnectionOptions &account, Purpose purpose,
        bool listIfCancelled);
    /// The account @p server is connected as: its own, or the shared one.
    sc::ConnectionOptions accountFor(const QString &server) const;
    qsizetype overrideIndex(const QString &server) const;
    void setOverride(const QString &server, const sc::ConnectionOptions &account);
    /// Lists @p server as not connected for want of a password.
    void listWithoutPassword(const QString &server);
    QString sharedServerText() const;

    friend class MainWindowTestAccess;

    ServerConnection *m_connection = nullptr;
    std::function<ServerConnection *(const QString &server)> m_resolver;
    std::function<bool(const QString &server)> m_sharedWithOthers;
    QComboBox *m_serverField = nullptr;
    QWidget *m_window = nullptr;
    PasswordKeyring *m_keyring = nullptr;
    // The account used for every server without one of its own. Its password is here only
    // until the connections have it.
    sc::ConnectionOptions m_logon;
    // The servers with an account of their own (who only, never a password).
    QList<ServerListStore::Account> m_overrides;
    // The servers waiting for the shared account's password, and the one dialog asking it.
    QList<Waiting> m_waiting;
    QPointer<ConnectDialog> m_sharedDialog;
    bool m_rememberPassword = false;
    // The latest keyring read per server; older answers are stale.
    QHash<QString, quint64> m_keyringReads;
    quint64 m_keyringRead = 0;
};
