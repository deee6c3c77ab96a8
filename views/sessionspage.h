// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "disconnectrequest.h"
#include "tablepage.h"

#include <QList>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAction;
class DisconnectDialog;
class MainWindowTestAccess;
class ServerConnection;
class SessionDetailsDialog;
struct SessionSnapshot;
class SessionSortFilterProxyModel;
class SessionTableModel;
class SessionView;
class WatchedServers;

/// The sessions of the watched servers in one table: the table model fed by each server's
/// ServerConnection (through WatchedServers), the sort/filter proxy, the view, and everything
/// done to the selected sessions (details, disconnect, copy, the context menu), each on the
/// server of its own row. The table can be narrowed to one server (setServerFilter()).
///
/// The page acts on its selection; which QActions trigger that, and their texts, are the
/// window's (ConsoleActions). The page puts the actions it is given into its context menu
/// and onto its view, where their shortcuts work while the list has focus.
class SessionsPage : public TablePage
{
    Q_OBJECT
public:
    /// Shows the sessions of the servers of @p servers, which must outlive the page.
    explicit SessionsPage(WatchedServers *servers, QWidget *parent = nullptr);
    ~SessionsPage() override;

    /// Whether a server of the selected rows is connected, and whether every one of them
    /// refused to end sessions for the account (ConnectionStatus::disconnectRefused).
    bool selectionConnected() const;
    bool disconnectRefusedForSelection() const;

    /// The actions of the context menu; @p onRows also go onto the view for their shortcuts.
    struct ContextActions
    {
        QAction *details = nullptr; ///< also the menu's default action
        QAction *disconnect = nullptr;
        QAction *copy = nullptr;
        QAction *refresh = nullptr;
        QAction *selectAll = nullptr;
    };
    void setContextActions(const ContextActions &actions);

    /// Sessions of the servers shown (all, or the one of setServerFilter()). The filter text
    /// matches the user, the computer and (with several servers) the server.
    int sessionCount() const;
    /// Titles of the columns the server's information level cannot fill.
    QStringList missingColumnTitles() const;
    /// Makes row @p row (of the sorted, filtered list) the current one.
    void setCurrentRow(int row);
    /// Selects the session @p key of @p server and scrolls to it, clearing the filter if it
    /// hides the session. False when the list has no such session (it ended, or the server
    /// filter shows another server).
    bool showSession(ServerConnection *server, quint64 key);

    /// Opens details for a row of the sorted, filtered list (the view's model).
    SessionDetailsDialog *showDetails(const QModelIndex &proxyIndex);
    void showDetailsOfSelection();
    /// Asks to confirm ending the sessions of the selected rows; returns the (window-modal,
    /// already open) dialog or nullptr if nothing is selected or there is no connection.
    DisconnectDialog *confirmDisconnectSelected();
    /// Puts the selected rows on the clipboard as tab-separated text, columns as shown, after
    /// a row of the column titles.
    void copySelection() const;
    void selectAll();
    QByteArray exportShown(TableExport::Format format) const override;
    void closeDetails();
    /// The texts of the list's cells in the language now installed (LanguageManager).
    void retranslate();

Q_SIGNALS:
    /// Disconnect requests finished; message() has said so.
    void disconnectReported(const QList<DisconnectResult> &results);
    /// The status of a watched server changed.
    void serverStatusChanged();
    /// The operator asked for the open files of @p user, who has @p sessionCount sessions
    /// (the server names a file's user, not its session).
    void openFilesRequested(const QString &user, int sessionCount);

protected:
    void serverFilterChanged() override;

private:
    void watchServer(ServerConnection *connection) override;
    bool anyAnswered() const;
    void requestOpenFiles(const QString &user);
    void updateAvailableColumns();
    void retranslateUi();
    void updatePlaceholder();
    void showContextMenu(const QPoint &pos);
    QList<ServerConnection *> selectedServers() const;
    void disconnectTargets(ServerConnection *server, const QList<DisconnectTarget> &targets);
    void onDisconnectFinished(ServerConnection *server, const QList<DisconnectTarget> &targets,
        const QList<DisconnectResult> &results);

    friend class MainWindowTestAccess;

    SessionTableModel *m_model = nullptr;
    QTimer m_tick; // advances the model's clock so durations grow
    ContextActions m_actions;
    QAction *m_showOpenFilesAction = nullptr; // the page's own: the window has no such action
    QList<QPointer<SessionDetailsDialog>> m_details;
    // A disconnect spanning several servers: answers still awaited, and those in.
    int m_batchPending = 0;
    QList<MessageText> m_batchTexts;
    bool m_batchFailed = false;
};
