// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfilesnapshot.h"
#include "tableexport.h"

#include <QList>
#include <QPointer>
#include <QWidget>

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

/// The open files of one server ("Open Files", as in Windows' Computer Management): the
/// table model fed by the server's ServerConnection, the sort/filter proxy, the view, and
/// what is done to the selected files (Close Open File, Copy Path, the holder's sessions).
///
/// The files are listed only while the page is visible (ServerConnection::
/// setOpenFilesWatched()), on the same connection and worker thread as the sessions. The
/// server names the user who holds a file, not the session: the drill-down from a session
/// (showFilesOfUser()) shows all of that user's files and says so when the user has several
/// sessions.
class OpenFilesPage : public QWidget
{
    Q_OBJECT
public:
    /// Builds a message in the current language (called again after a language change).
    using MessageText = std::function<QString()>;

    /// Shows the open files of @p connection, which must outlive the page.
    explicit OpenFilesPage(ServerConnection *connection, QWidget *parent = nullptr);
    ~OpenFilesPage() override;

    /// Open files of the server, and those the filter lets through.
    int fileCount() const;
    int shownCount() const;
    /// The filter text or a user is set: not every listed file is shown.
    bool isFiltered() const;
    /// The server has answered a file listing since the last connect.
    bool hasAnswer() const;
    /// Shows only files whose path or user contains @p text.
    void setFilterText(const QString &text);
    QString filterText() const;
    /// Shows only the files of @p user, who has @p sessionCount sessions on the server;
    /// with more than one, the page says it cannot tell which session holds a file.
    void showFilesOfUser(const QString &user, int sessionCount);
    /// Shows every user's files again.
    void showAllUsers();
    QString userFilter() const;

    bool hasSelection() const;
    /// Asks to confirm closing the selected files; returns the (window-modal, already open)
    /// message box, or nullptr when nothing is selected or there is no connection.
    QMessageBox *confirmCloseSelected();
    /// Puts the full paths of the selected files on the clipboard, one per line.
    void copyPathsOfSelection() const;
    /// The files shown (after the filters, in the view's order) as File > Export writes them.
    QByteArray exportShown(TableExport::Format format) const;

    /// Header geometry, order, sort column and hidden columns.
    QByteArray saveViewState() const;
    bool restoreViewState(const QByteArray &state);
    void retranslate();

Q_SIGNALS:
    void selectionChanged();
    /// The number of files (all or shown) changed.
    void countsChanged();
    /// The result of an action, for the status bar.
    void message(const OpenFilesPage::MessageText &text, bool error);
    /// The operator asked for the sessions of @p user.
    void sessionsOfUserRequested(const QString &user);
    /// Close requests finished; message() has said so.
    void closeReported(const QList<FileCloseReport> &reports);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onSnapshot(const OpenFilesSnapshot &snapshot);
    void updateNotice();
    void updateUserBar();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    QList<int> selectedSourceRows() const;
    void closeFiles(const QList<quint32> &ids);
    void onCloseFinished(const QList<FileCloseReport> &reports);

    friend class MainWindowTestAccess;

    ServerConnection *m_connection = nullptr;
    OpenFileTableModel *m_model = nullptr;
    SessionSortFilterProxyModel *m_proxy = nullptr;
    SessionView *m_view = nullptr;
    QLabel *m_notice = nullptr; // why the list may be incomplete or outdated
    QWidget *m_userBar = nullptr;
    QLabel *m_userLabel = nullptr;
    QPushButton *m_allUsersButton = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_copyPathAction = nullptr;
    QAction *m_showSessionsAction = nullptr;
    QPointer<QMessageBox> m_confirm;
    int m_userSessionCount = 0;
};
