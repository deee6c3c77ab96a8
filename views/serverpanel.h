// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverconnection.h"

#include <QDockWidget>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class ServerListModel;
class ServerPanelModel;

/// The dock that lists the watched servers: "All servers" first, then each server with its
/// state icon, session count and last refresh (ServerPanelModel over a ServerListModel).
///
/// It changes no list itself: adding, removing and importing are requests, answered by the
/// owner of the connections, which adds them to or removes them from the ServerListModel.
/// What it does check is that a name is a server name (ServerAddress::parseStrict(), like
/// sessionctl's --server) and not one already listed, and it says why not in a message line
/// above the list.
class ServerPanel : public QDockWidget
{
    Q_OBJECT
public:
    /// Lists the rows of @p servers, which it does not own.
    explicit ServerPanel(ServerListModel *servers, QWidget *parent = nullptr);
    ~ServerPanel() override;

    /// The selected server; nullptr for "All servers".
    ServerConnection *currentServer() const { return m_current; }
    /// Selects @p connection (nullptr: "All servers"); emits currentServerChanged() if that
    /// is a change.
    void setCurrentServer(ServerConnection *connection);

    QAction *addServerAction() const { return m_addAction; }
    QAction *removeServerAction() const { return m_removeAction; }
    QAction *importServerListAction() const { return m_importAction; }
    QAction *connectAsAction() const { return m_connectAsAction; }
    QAction *sharedAccountAction() const { return m_sharedAccountAction; }

public Q_SLOTS:
    /// Asks for a server name (Add Server…), then requestAddServer().
    void promptAddServer();
    /// Asks for a text file (Import Server List…), then importServerList().
    void promptImportServerList();
    /// Emits addServerRequested() with the server's displayName() if @p text names one that
    /// is not listed yet; otherwise says why in the panel. Returns whether it emitted.
    bool requestAddServer(const QString &text);
    /// Emits removeServerRequested() for the selected server (not for "All servers").
    void requestRemoveCurrentServer();
    /// Reads the server list file @p path (see ServerListFile) and emits serversImported()
    /// with the servers it names that are not listed yet. Lines that name no server are
    /// reported in the panel, all in one message; the others are imported all the same.
    /// Returns false when the file could not be read.
    bool importServerList(const QString &path);

Q_SIGNALS:
    /// The selection moved; nullptr: "All servers".
    void currentServerChanged(ServerConnection *connection);
    /// The operator added @p server (ServerAddress::displayName() spelling).
    void addServerRequested(const QString &server);
    void removeServerRequested(ServerConnection *connection);
    /// Connect As… on the selected server: an account for it alone.
    void connectAsRequested(ServerConnection *connection);
    /// Use the Shared Account on the selected server: it forgets its own account.
    void sharedAccountRequested(ServerConnection *connection);
    /// The servers of an imported list, in the file's order, each once, none already listed.
    void serversImported(const QStringList &servers);

private:
    void retranslateUi();
    void onCurrentChanged();
    void updateActions();
    /// The listed row of the server @p name names (same name and port); -1 if none.
    int listedRowOf(const QString &name) const;
    void showMessage(const QString &text);
    void clearMessage();

    friend class TestServerPanel;

    ServerListModel *m_servers = nullptr;
    ServerPanelModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_connectAsAction = nullptr;
    QAction *m_sharedAccountAction = nullptr;
    QPointer<ServerConnection> m_current;
};
