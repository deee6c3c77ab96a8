// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;
class FindUserModel;
class MainWindowTestAccess;
class ServerConnection;
class SessionTableModel;
struct SessionSnapshot;
class WatchedServers;

/// Edit > Find User…: where does this user have sessions, on every watched server?
///
/// Find asks every watched server at once (ServerConnection::refresh(), the path every poll
/// takes) and the FindUserModel shows each server's answer as it arrives: the user's sessions
/// on it, or that it is still being asked, failed, or has none. Only answers that arrive after
/// Find count; later answers keep the results current while the dialog is open. The rows of an
/// answer are read from the sessions table (WatchedServers::sessionModel()) once it has
/// applied them.
///
/// Non-modal. Double-click, Enter or Go to Session on a result asks the window to show that
/// session (sessionActivated()).
class FindUserDialog : public QDialog
{
    Q_OBJECT
public:
    /// Asks the servers of @p servers and reads their answers from its sessionModel(); both
    /// must outlive the dialog.
    explicit FindUserDialog(WatchedServers *servers, QWidget *parent = nullptr);
    ~FindUserDialog() override;

    /// Asks every watched server for the sessions of @p user (trimmed); the field shows it.
    void find(const QString &user);
    FindUserModel *model() const { return m_model; }

Q_SIGNALS:
    /// The operator chose the session @p key of @p server (as ServerConnection::status()
    /// names it).
    void sessionActivated(const QString &server, quint64 key);

private:
    void watch(ServerConnection *connection);
    void onServerChosen(ServerConnection *connection);
    void onAnswer(ServerConnection *connection, const SessionSnapshot &snapshot);
    void activateCurrent();
    void updateButtons();
    void retranslateUi();

    friend class MainWindowTestAccess;

    WatchedServers *m_servers = nullptr;
    /// The name each connection's results are under in m_model: a connection may be given
    /// another server (ServerConnection::aboutToConnect()).
    QHash<const ServerConnection *, QString> m_names;
    SessionTableModel *m_table = nullptr;
    FindUserModel *m_model = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QPushButton *m_findButton = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_goButton = nullptr;
};
