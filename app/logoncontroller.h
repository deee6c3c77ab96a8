// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QComboBox;
class QSettings;
class QWidget;
class MainWindowTestAccess;
class PasswordKeyring;
class ServerConnection;

/// How the console logs on to a server: the account (saved, never its password), the
/// password from the operator ("Connect As…") or from the desktop keyring when the
/// operator chose to remember it, and the connection made with them.
///
/// The only GUI code that touches a password. It hands the password to the
/// ServerConnection (whose worker keeps it for as long as the connection needs it) and
/// wipes its own copies; the account stays, so another server asks again or reads the
/// keyring.
class LogonController : public QObject
{
    Q_OBJECT
public:
    /// Connects @p connection; dialogs open over @p window. @p serverField is where the
    /// operator types the server (Connect As… without a server connects to its text).
    LogonController(ServerConnection *connection, QComboBox *serverField, QWidget *window);
    ~LogonController() override;

    /// Connects to @p server ("host", "host:port" or "\\\\host") with the logon of
    /// @p logon (its port is used when @p server names none). Opens "Connect As…" instead
    /// when @p logon has no user, or a user without password and no Kerberos.
    void connectToServer(const QString &server, const sc::ConnectionOptions &logon);
    /// Connects to @p server with the account last set, asking for its password (or reading
    /// it from the keyring, if the operator chose to remember it).
    void connectToServer(const QString &server);
    /// Asks for the account to use on @p server (empty: the server field's).
    void showConnectAsDialog(const QString &server);
    /// Which connection a server is connected on: @p resolver gets the server's name as it
    /// will be shown and returns the connection (a window watching several servers picks or
    /// adds one). Without one, the connection given to the constructor.
    void setConnectionResolver(std::function<ServerConnection *(const QString &server)> resolver)
    {
        m_resolver = std::move(resolver);
    }
    /// Refuse unencrypted connections (SMB 3 encryption) from now on. Saved with the logon.
    void setRequireSealing(bool require);

    void loadSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

Q_SIGNALS:
    /// @p server was understood and is about to be connected (or asked about) under this
    /// name, e.g. "fs01" or "[::1]:1445".
    void serverNamed(const QString &server);
    /// A connection to @p server starts now.
    void connecting(const QString &server);

private:
    void connectWith(
        const QString &server, const sc::ConnectionOptions &logon, bool askIfIncomplete);

    friend class MainWindowTestAccess;

    ServerConnection *m_connection = nullptr;
    std::function<ServerConnection *(const QString &server)> m_resolver;
    QComboBox *m_serverField = nullptr;
    QWidget *m_window = nullptr;
    PasswordKeyring *m_keyring = nullptr;
    // The account used for every server. Its password is here only until the connection
    // has it.
    sc::ConnectionOptions m_logon;
    bool m_rememberPassword = false;
    quint64 m_keyringRead = 0; // the latest keyring read; older answers are stale
};
