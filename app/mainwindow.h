// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "disconnectrequest.h"
#include "sessionpoller.h"
#include "sessionsnapshot.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QToolBar;
class AuditLogDialog;
class ConnectionBanner;
class ConsoleActions;
class ConsoleStatusBar;
class LogonController;
class MainWindowTestAccess;
class ExportController;
class FindUserDialog;
class OpenFilesPage;
class ServerConnection;
class ServerListModel;
class ServerPanel;
class SessionsPage;
class TablePage;
class WatchedServers;

/// The console's window. It composes: the WatchedServers (one ServerConnection per server,
/// all that is known about each connection), the SessionsPage that lists their sessions in
/// one table, the ConnectionBanner and the ConsoleStatusBar that show the state of the server
/// shown (or a summary of all), the LogonController that connects them with one account, and
/// the ConsoleActions of the menus and toolbar. It keeps only the window's own settings, which
/// server is shown, and the history of the servers that answered.
///
/// Everything that talks to the server goes through the connection's poller on its worker
/// thread; the window only reacts to signals, so the GUI never waits on the network.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    /// With another SessionApi backend than the platform's (tests script a server with it).
    explicit MainWindow(SessionPoller::ApiFactory apiFactory, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects to @p server ("host", "host:port" or "\\\\host") with the logon of
    /// @p logon (its port is used when @p server names none). Opens "Connect As…" instead
    /// when @p logon has no user, or a user without password and no Kerberos. The server
    /// shown (or the first one watched) is replaced by @p server, unless it is watched
    /// already; watchServer() adds one instead.
    void connectToServer(const QString &server, const sc::ConnectionOptions &logon);
    /// Watches @p server too (if it is not watched yet), with the logon of @p logon, as
    /// connectToServer() does; the view stays as it is. `--server A --server B` calls this
    /// for B.
    void watchServer(const QString &server, const sc::ConnectionOptions &logon);
    /// watchServer() with the account last set (asks for its password, as connectToServer()).
    void watchServer(const QString &server);

    /// The servers this window watches; the server panel adds and removes through it, and
    /// follows its added() and aboutToRemove() signals.
    WatchedServers *watchedServers() const { return m_watched; }
    /// Narrows the session table, the status bar and the banner to @p server (one of
    /// watchedServers()); nullptr shows every server's sessions, with a Server column and a
    /// summary of the servers' states. Refresh then refreshes every server.
    void showServer(ServerConnection *server);
    /// The server shown (showServer()), nullptr for all servers.
    ServerConnection *shownServer() const { return m_shown; }
    /// Connects to @p server with the account last set. Its password is not kept after a
    /// connection was made with it, so this asks for it (or reads it from the keyring, if the
    /// operator chose to remember it).
    void connectToServer(const QString &server);
    /// Refuse unencrypted connections (SMB 3 encryption) from now on. Saved with the logon.
    void setRequireSealing(bool require);
    /// Seconds between refreshes; 0 turns automatic refresh off. Saved.
    void setRefreshInterval(int seconds);
    int refreshInterval() const;

    /// The View menu, where more entries (e.g. a language chooser) can be added.
    QMenu *viewMenu() const { return m_viewMenu; }
    /// The page that lists the sessions.
    SessionsPage *sessionsPage() const { return m_sessions; }
    /// The dock that lists the watched servers.
    ServerPanel *serverPanel() const { return m_serverPanel; }
    /// Watches @p saved, the servers watched when the console was last closed
    /// (ServerListStore::load()), with the account last set; the first takes the window's
    /// connection. Returns how many.
    int restoreSavedServers(const QStringList &saved);
    /// The page that lists the open files.
    OpenFilesPage *openFilesPage() const { return m_files; }
    /// Shows the Sessions page (false) or the Open Files page (true).
    void showOpenFilesPage(bool files);
    /// The page in view, which the filter field, the status bar's counts and Export serve.
    TablePage *currentPage() const;
    /// Opens (or raises) the read-only view of the audit log of disconnects.
    AuditLogDialog *showAuditLog();
    /// Opens (or raises) Edit > Find User….
    FindUserDialog *showFindUser();
    /// Shows the Sessions page with session @p key of @p server selected (Find User's result):
    /// every server if another one is shown, and no filter that hides it.
    bool showSession(const QString &server, quint64 key);

Q_SIGNALS:
    /// A snapshot was shown (list, status bar and banner updated).
    void snapshotShown(const SessionSnapshot &snapshot);
    /// Disconnect requests finished and the status bar says so.
    void disconnectReported(const QList<DisconnectResult> &results);
    /// showServer() narrowed the view to @p server (nullptr: all servers).
    void shownServerChanged(ServerConnection *server);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createToolBar();
    void connectActions();
    void retranslateUi();
    /// The filter field's texts, which follow the page shown.
    void retranslateFilter();
    void fitWidthToToolBar();
    void loadSettings();
    void saveSettings() const;

    void connectFromField();
    /// The connection the logon connects @p server on (LogonController's resolver).
    ServerConnection *connectionFor(const QString &server);
    /// The server the window speaks of: the one shown, or the first one watched.
    ServerConnection *currentConnection() const;
    void watchConnection(ServerConnection *connection);
    /// Lists @p connection in the server panel once it names a server.
    void listConnection(ServerConnection *connection);
    /// The servers of the panel, in its order (what the settings keep).
    QStringList listedServers() const;
    /// Connects to the field's server once, however many signals of one key press ask.
    void requestConnectFromField();
    void onConnecting(const QString &server);
    void addToHistory(const QString &server);
    void removeFromHistory(int row);
    void showConnectionStatus();
    void showCounts();
    void onPageChanged();
    /// File > Export: only with rows shown on the current page.
    void updateExportAction();
    void exportShownRows();
    void showAbout();

    friend class MainWindowTestAccess;

    WatchedServers *m_watched = nullptr;
    // The window's first connection (replaced by another when it is removed): the one shown
    // when no server is chosen and one is watched.
    ServerConnection *m_connection = nullptr;
    ServerConnection *m_shown = nullptr; // showServer(); nullptr for all servers
    ServerConnection *m_connecting = nullptr; // the connection connectionFor() chose last
    bool m_replacesServer = false; // connectToServer(): the next server replaces the current
    bool m_narrowsToServer = false; // the server field's Connect: show the server it names
    SessionsPage *m_sessions = nullptr;
    OpenFilesPage *m_files = nullptr;
    QTabWidget *m_pages = nullptr;
    ConsoleActions *m_actions = nullptr;
    ExportController *m_export = nullptr;
    ConsoleStatusBar *m_statusBar = nullptr;
    ServerListModel *m_serverList = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    ConnectionBanner *m_banner = nullptr;
    LogonController *m_logon = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_intervalMenu = nullptr;
    QMenu *m_sessionMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_serverLabel = nullptr;
    QComboBox *m_server = nullptr;
    QLabel *m_intervalLabel = nullptr;
    QComboBox *m_interval = nullptr;
    QLineEdit *m_filter = nullptr;

    QStringList m_history;
    bool m_connectRequested = false;
    bool m_historyPending = false; // the server being connected joins the history once it answers
    QPointer<AuditLogDialog> m_auditLogDialog;
    QPointer<FindUserDialog> m_findUserDialog;
};
