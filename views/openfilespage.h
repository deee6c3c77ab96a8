// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfilesnapshot.h"
#include "tablepage.h"

#include <QHash>
#include <QList>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QMessageBox;
class QPushButton;
class MainWindowTestAccess;
class OpenFileTableModel;
class ServerConnection;
class SessionSortFilterProxyModel;
class SessionView;
class WatchedServers;

/// The open files of the watched servers ("Open Files", as in Windows' Computer Management):
/// the table model fed by every server's ServerConnection (each server its own block of
/// rows), the sort/filter proxy, the view, and what is done to the selected files (Close Open
/// File on each row's own server, Copy Path, the holder's sessions). The table can be narrowed
/// to one server (setServerFilter()).
///
/// The files are listed only while the page is visible (ServerConnection::
/// setOpenFilesWatched() on every connection, also those added later), on the same
/// connection and worker thread as the sessions. The
/// server names the user who holds a file, not the session: the drill-down from a session
/// (showFilesOfUser()) shows all of that user's files and says so when the user has several
/// sessions.
class OpenFilesPage : public TablePage
{
    Q_OBJECT
public:
    /// Shows the open files of the connections of @p servers, which must outlive the page.
    explicit OpenFilesPage(WatchedServers *servers, QWidget *parent = nullptr);
    ~OpenFilesPage() override;

    /// Open files of the servers shown (all, or the one of setServerFilter()). The filter text
    /// matches the path and the user.
    int fileCount() const;
    /// The filter text or a user is set: not every listed file is shown.
    bool isFiltered() const override;
    /// A server shown has answered a file listing since it was (last) connected.
    bool hasAnswer() const;
    /// Shows only the files of @p user, who has @p sessionCount sessions on the server;
    /// with more than one, the page says it cannot tell which session holds a file.
    void showFilesOfUser(const QString &user, int sessionCount);
    /// Shows every user's files again.
    void showAllUsers();
    QString userFilter() const;

    /// Asks to confirm closing the selected files, each on its own server; returns the
    /// (window-modal, already open) message box, or nullptr when nothing is selected on a
    /// connected server.
    QMessageBox *confirmCloseSelected();
    /// Puts the full paths of the selected files on the clipboard, one per line.
    void copyPathsOfSelection() const;
    QByteArray exportShown(TableExport::Format format) const override;
    /// The server the export is named after: the one shown, or none for several.
    QString exportServerName() const;

    void retranslate();

Q_SIGNALS:
    /// The operator asked for the sessions of @p user on @p server, the server of the file
    /// chosen: the same name on another server may be someone else's account.
    void sessionsOfUserRequested(ServerConnection *server, const QString &user);
    /// Close requests finished; message() has said so.
    void closeReported(const QList<FileCloseReport> &reports);

protected:
    void serverFilterChanged() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void watchServer(ServerConnection *connection) override;
    void forgetServer(ServerConnection *connection) override;
    void updateAvailableColumns();
    void retranslateUi();
    void onSnapshot(ServerConnection *connection, const OpenFilesSnapshot &snapshot);
    void updateNotice();
    void updateUserBar();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    QList<int> selectedSourceRows() const;
    void closeFiles(ServerConnection *server, const QList<quint32> &ids);
    void onCloseFinished(ServerConnection *server, const QList<FileCloseReport> &reports);
    /// Tells @p text, or keeps it until the last server of a close has answered.
    void reportClose(const MessageText &text, bool failed);
    void setFilesWatched(bool watched);
    /// The servers whose files are shown: all, or the one of setServerFilter().
    QList<ServerConnection *> shownServers() const;
    QString noticeOf(ServerConnection *server) const;

    friend class MainWindowTestAccess;

    OpenFileTableModel *m_model = nullptr;
    QLabel *m_notice = nullptr; // why the list may be incomplete or outdated
    QWidget *m_userBar = nullptr;
    QLabel *m_userLabel = nullptr;
    QPushButton *m_allUsersButton = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_copyPathAction = nullptr;
    QAction *m_showSessionsAction = nullptr;
    QPointer<QMessageBox> m_confirm;
    int m_userSessionCount = 0;
    // The servers' close reports are told together once the last one is in.
    int m_closesPending = 0;
    QList<MessageText> m_closeTexts;
    bool m_closeFailed = false;
    /// What each server's last listing said besides its rows.
    struct Listing
    {
        sc::FileInfoLevel level = sc::FileInfoLevel::Level3;
        bool sharesUnknown = false;
    };
    QHash<ServerConnection *, Listing> m_listings;
};
