// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"
#include "disconnectrequest.h"
#include "sessionpoller.h"
#include "sessionsnapshot.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolBar;
class AuditLogDialog;
class DisconnectDialog;
class PasswordKeyring;
class SessionDetailsDialog;
class SessionSortFilterProxyModel;
class SessionTableModel;
class SessionView;

/// The console's window: server field, session list, status bar and the actions on sessions.
///
/// Everything that talks to the server goes through SessionPoller on its worker thread; this
/// class only reacts to its signals, so the GUI never waits on the network.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Every action, created once (texts are set again by retranslateUi()).
    enum ActionId {
        ConnectAction,
        ConnectAsAction,
        FocusServerAction,
        QuitAction,
        RefreshAction,
        FilterAction,
        DetailsAction,
        DisconnectAction,
        CopyAction,
        SelectAllAction,
        AboutAction,
        ActionCount
    };

    explicit MainWindow(QWidget *parent = nullptr);
    /// With another SessionApi backend than the platform's (tests script a server with it).
    explicit MainWindow(SessionPoller::ApiFactory apiFactory, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects to @p server ("host", "host:port" or "\\\\host") with the logon of
    /// @p logon (its port is used when @p server names none). Opens "Connect As…" instead
    /// when @p logon has no user, or a user without password and no Kerberos.
    void connectToServer(const QString &server, const sc::ConnectionOptions &logon);
    /// Connects to @p server with the account last set. Its password is not kept after a
    /// connection was made with it, so this asks for it (or reads it from the keyring, if the
    /// operator chose to remember it).
    void connectToServer(const QString &server);
    /// Refuse unencrypted connections (SMB 3 encryption) from now on. Saved with the logon.
    void setRequireSealing(bool require);
    /// Seconds between refreshes; 0 turns automatic refresh off. Saved.
    void setRefreshInterval(int seconds);
    int refreshInterval() const;

    QAction *action(ActionId id) const { return m_actions[id]; }
    /// The View menu, where more entries (e.g. a language chooser) can be added.
    QMenu *viewMenu() const { return m_viewMenu; }
    /// Session ▸ Audit Log…
    QAction *auditLogAction() const { return m_auditLogAction; }
    /// Opens (or raises) the read-only view of the audit log of disconnects.
    AuditLogDialog *showAuditLog();
    /// The desktop keyring behind "remember password" (tests check its availability).
    PasswordKeyring *keyring() const { return m_keyring; }

    // For the GUI tests, which drive the real window.
    SessionView *view() const { return m_view; }
    SessionTableModel *model() const { return m_model; }
    SessionSortFilterProxyModel *proxy() const { return m_proxy; }
    SessionPoller *poller() const { return m_poller; }
    QComboBox *serverField() const { return m_server; }
    QLineEdit *filterField() const { return m_filter; }
    QComboBox *intervalField() const { return m_interval; }
    /// Result of the last action (disconnect) or the last error.
    QString messageText() const;
    QString countText() const;
    QString levelText() const;
    QString securityText() const;
    QString lastRefreshText() const;
    /// Shown above the list while the server cannot be reached.
    QString bannerText() const;
    bool isBannerVisible() const;
    QList<SessionDetailsDialog *> detailsDialogs() const;

    /// Opens details for a row of the proxy (the view's model).
    SessionDetailsDialog *showDetails(const QModelIndex &proxyIndex);
    /// Asks to confirm ending the sessions of the selected rows; returns the (window-modal,
    /// already open) dialog or nullptr if nothing is selected.
    DisconnectDialog *confirmDisconnectSelected();

Q_SIGNALS:
    /// A snapshot was shown (status bar updated); after the model applied it.
    void snapshotShown(const SessionSnapshot &snapshot);
    /// Disconnect requests finished and the status bar says so.
    void disconnectReported(const QList<DisconnectResult> &results);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void retranslateUi();
    void fitWidthToToolBar();
    void loadSettings();
    void saveSettings() const;

    void connectFromField();
    void connectWith(
        const QString &server, const sc::ConnectionOptions &logon, bool askIfIncomplete);
    void showConnectAsDialog(const QString &server);
    void addToHistory(const QString &server);
    void onSnapshot(const SessionSnapshot &snapshot);
    void onDisconnectFinished(quint64 requestId, const QList<DisconnectResult> &results);
    void onPollScheduled(int msecs);
    void onSelectionChanged();
    void onIntervalChosen(int seconds);
    void showContextMenu(const QPoint &pos);
    void showDetailsOfSelection();
    void disconnectTargets(const QList<DisconnectTarget> &targets);
    void copySelection() const;
    void updateStatus();
    void updateBanner();
    void updateAvailableColumns();
    /// @p text builds the message in the current language (again after a language change).
    void setMessage(std::function<QString()> text, bool error);
    void showAbout();
    void createSafetyActions();
    void retranslateSafetyUi();
    QString intervalText(int seconds) const;

    SessionPoller *m_poller = nullptr;
    SessionTableModel *m_model = nullptr;
    SessionSortFilterProxyModel *m_proxy = nullptr;
    SessionView *m_view = nullptr;

    QAction *m_actions[ActionCount] = {};
    QActionGroup *m_intervalGroup = nullptr;
    QHash<int, QAction *> m_intervalActions; // seconds -> action
    QMenu *m_fileMenu = nullptr;
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

    QWidget *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerConnectAs = nullptr;

    QLabel *m_messageLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_levelLabel = nullptr;
    QLabel *m_securityIcon = nullptr;
    QLabel *m_securityLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;

    QTimer m_tick; // advances the model's clock so durations grow

    // The account used for every server. Its password is here only until the poller has it.
    sc::ConnectionOptions m_logon;
    QString m_currentServer; // as typed, shown in texts
    QStringList m_history;

    // What the status bar shows, kept so retranslateUi() can rebuild the texts.
    bool m_connecting = false;
    bool m_hadAnswer = false; // a successful poll since the last connect
    qint64 m_lastSuccessMs = 0;
    // While the pages of a paged answer arrive: sessions received so far (-1: not loading) of
    // the total the server reported.
    int m_loadedRows = -1;
    quint32 m_loadingTotal = 0;
    bool m_signing = false; // as negotiated at the last successful poll
    bool m_sealing = false;
    QString m_protocol;
    qint64 m_nextPollMs = -1; // wall clock of the next scheduled poll, -1 if none
    std::function<QString()> m_message; // empty: no message
    bool m_messageIsError = false;
    QHash<quint64, QList<DisconnectTarget>> m_pendingDisconnects;
    QList<QPointer<SessionDetailsDialog>> m_details;

    // Credentials and safety: the keyring behind "remember password" (off unless chosen),
    // and the audit log of disconnects.
    PasswordKeyring *m_keyring = nullptr;
    bool m_rememberPassword = false;
    quint64 m_keyringRead = 0; // the latest keyring read; older answers are stale
    QAction *m_auditLogAction = nullptr;
    QPointer<AuditLogDialog> m_auditLogDialog;
};
