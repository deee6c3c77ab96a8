// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionbanner.h"
#include "consoleactions.h"
#include "consolestatusbar.h"
#include "disconnectdialog.h"
#include "exportcontroller.h"
#include "finduserdialog.h"
#include "findusermodel.h"
#include "logoncontroller.h"
#include "mainwindow.h"
#include "openfilespage.h"
#include "openfiletablemodel.h"
#include "passwordkeyring.h"
#include "serverconnection.h"
#include "serverlistmodel.h"
#include "sessiondetailsdialog.h"
#include "sessionsortfilterproxymodel.h"
#include "sessionspage.h"
#include "sessiontablemodel.h"
#include "sessionview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>

/// What the GUI tests read and drive inside the real window, as a friend of the window and
/// its parts (MainWindow, SessionsPage, ConsoleStatusBar, ConnectionBanner, LogonController,
/// ServerConnection) instead of public accessors that only tests would use.
class MainWindowTestAccess
{
public:
    /// The account the scripted servers expect; they do not check the password.
    static sc::ConnectionOptions helpdeskLogon()
    {
        sc::ConnectionOptions logon;
        logon.user = "helpdesk";
        logon.password = sc::SecretString("not-used");
        return logon;
    }
    /// Connects @p w to @p server as "helpdesk", the account the scripted servers expect.
    static void connectAsHelpdesk(MainWindow &w, const QString &server)
    {
        w.connectToServer(server, helpdeskLogon());
    }

    static SessionsPage *page(const MainWindow &w) { return w.m_sessions; }
    static SessionView *view(const MainWindow &w) { return w.m_sessions->m_view; }
    static SessionTableModel *model(const MainWindow &w) { return w.m_sessions->m_model; }
    static SessionSortFilterProxyModel *proxy(const MainWindow &w) { return w.m_sessions->m_proxy; }
    /// The rows of @p user's sessions in the model, whether the filter shows them or not.
    static int modelRowsOf(const MainWindow &w, const QString &user)
    {
        const SessionTableModel *m = model(w);
        int n = 0;
        for (int r = 0; r < m->rowCount(); ++r)
            n += m->row(r).user == user ? 1 : 0;
        return n;
    }
    /// The first row of @p user's sessions as the list shows them, or an invalid index.
    static QModelIndex proxyIndexOf(const MainWindow &w, const QString &user)
    {
        const SessionSortFilterProxyModel *p = proxy(w);
        for (int r = 0; r < p->rowCount(); ++r) {
            if (p->sessionRow(r).user == user)
                return p->index(r, 0);
        }
        return {};
    }
    static ServerConnection *connection(const MainWindow &w) { return w.m_connection; }
    static SessionPoller *poller(const MainWindow &w) { return w.m_connection->m_poller; }
    static SessionPoller *poller(const ServerConnection &c) { return c.m_poller; }
    static QAction *action(const MainWindow &w, ConsoleActions::ActionId id)
    {
        return w.m_actions->action(id);
    }
    static QAction *auditLogAction(const MainWindow &w)
    {
        return w.m_actions->action(ConsoleActions::AuditLogAction);
    }
    static PasswordKeyring *keyring(const MainWindow &w) { return w.m_logon->m_keyring; }
    static ServerListModel *serverList(const MainWindow &w) { return w.m_serverList; }

    static QComboBox *serverField(const MainWindow &w) { return w.m_server; }
    static QLineEdit *filterField(const MainWindow &w) { return w.m_filter; }
    static QComboBox *intervalField(const MainWindow &w) { return w.m_interval; }

    /// Result of the last action (disconnect) or the last error.
    static QString messageText(const MainWindow &w)
    {
        return w.m_statusBar->m_messageLabel->text();
    }
    static QLabel *messageLabel(const MainWindow &w) { return w.m_statusBar->m_messageLabel; }
    static QString countText(const MainWindow &w) { return w.m_statusBar->m_countLabel->text(); }
    static QString levelText(const MainWindow &w) { return w.m_statusBar->m_levelLabel->text(); }
    static QString levelToolTip(const MainWindow &w)
    {
        return w.m_statusBar->m_levelLabel->toolTip();
    }
    static QString securityText(const MainWindow &w)
    {
        return w.m_statusBar->m_securityLabel->text();
    }
    static QString lastRefreshText(const MainWindow &w)
    {
        return w.m_statusBar->m_refreshLabel->text();
    }
    /// Shown above the list while the server cannot be reached.
    static QString bannerText(const MainWindow &w) { return w.m_banner->m_text->text(); }
    static bool isBannerVisible(const MainWindow &w) { return !w.m_banner->isHidden(); }
    static QPushButton *bannerConnectAsButton(const MainWindow &w)
    {
        return w.m_banner->m_connectAs;
    }

    static QList<SessionDetailsDialog *> detailsDialogs(const MainWindow &w)
    {
        QList<SessionDetailsDialog *> dialogs;
        for (const auto &dialog : w.m_sessions->m_details) {
            if (dialog)
                dialogs.append(dialog.data());
        }
        return dialogs;
    }
    static SessionDetailsDialog *showDetails(MainWindow &w, const QModelIndex &proxyIndex)
    {
        return w.m_sessions->showDetails(proxyIndex);
    }
    static DisconnectDialog *confirmDisconnectSelected(MainWindow &w)
    {
        return w.m_sessions->confirmDisconnectSelected();
    }

    // The Open Files page.
    static QTabWidget *pages(const MainWindow &w) { return w.m_pages; }
    static OpenFilesPage *filesPage(const MainWindow &w) { return w.m_files; }
    static OpenFileTableModel *filesModel(const MainWindow &w) { return w.m_files->m_model; }
    static SessionSortFilterProxyModel *filesProxy(const MainWindow &w)
    {
        return w.m_files->m_proxy;
    }
    static SessionView *filesView(const MainWindow &w) { return w.m_files->m_view; }
    static QString filesNoticeText(const MainWindow &w) { return w.m_files->m_notice->text(); }
    static QString filesUserText(const MainWindow &w)
    {
        return w.m_files->m_userBar->isHidden() ? QString() : w.m_files->m_userLabel->text();
    }
    static QAction *closeFileAction(const MainWindow &w) { return w.m_files->m_closeAction; }
    static QAction *showSessionsOfUserAction(const MainWindow &w)
    {
        return w.m_files->m_showSessionsAction;
    }
    static QAction *showOpenFilesAction(const MainWindow &w)
    {
        return w.m_sessions->m_showOpenFilesAction;
    }

    // File > Export.
    /// Answers the file dialog from now on: @p choose gets the suggested path and the
    /// selected name filter (which it may change) and returns the chosen path.
    static void answerExportDialog(
        MainWindow &w, std::function<QString(const QString &suggested, QString *filter)> choose)
    {
        w.m_export->m_pathChooser = std::move(choose);
    }
    /// The message box of the last failed export while it is open, or nullptr.
    static QMessageBox *exportErrorBox(const MainWindow &w) { return w.m_export->m_errorBox; }

    // Edit > Find User.
    static FindUserDialog *findUserDialog(const MainWindow &w) { return w.m_findUserDialog; }
    static QLineEdit *findUserField(const FindUserDialog &d) { return d.m_user; }
    static QPushButton *findUserButton(const FindUserDialog &d) { return d.m_findButton; }
    static QTreeView *findUserResults(const FindUserDialog &d) { return d.m_view; }
    static QString findUserSummary(const FindUserDialog &d) { return d.m_summary->text(); }
    static QPushButton *goToSessionButton(const FindUserDialog &d) { return d.m_goButton; }
};
