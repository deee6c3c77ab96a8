// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilespage.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "openfiletablemodel.h"
#include "serverconnection.h"
#include "sessionerrortext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessionview.h"
#include "tableexport.h"
#include "watchedservers.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Files named in the confirmation; the rest are counted.
constexpr int kMaxNamedFiles = 12;

QString fileAndUser(const QString &path, const QString &user)
{
    //: One file in a list: %1 the path, %2 the user who holds it
    return OpenFilesPage::tr("%1 (%2)").arg(path, user);
}

} // namespace

OpenFilesPage::OpenFilesPage(WatchedServers *servers, QWidget *parent)
    : TablePage(servers, parent)
    , m_model(new OpenFileTableModel(this))
{
    setTableModel(m_model);
    m_view->setObjectName(QStringLiteral("openFilesView"));
    m_view->setRowStateRoles(-1, OpenFileTableModel::StaleRole);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("openFilesNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setContentsMargins(6, 4, 6, 4);
    m_notice->hide();

    m_userBar = new QWidget(this);
    m_userLabel = new QLabel(m_userBar);
    m_userLabel->setObjectName(QStringLiteral("openFilesUser"));
    m_userLabel->setWordWrap(true);
    m_userLabel->setTextFormat(Qt::PlainText);
    m_allUsersButton = new QPushButton(m_userBar);
    auto *userLayout = new QHBoxLayout(m_userBar);
    userLayout->setContentsMargins(6, 4, 6, 4);
    userLayout->addWidget(m_userLabel, 1);
    userLayout->addWidget(m_allUsersButton);
    m_userBar->hide();
    connect(m_allUsersButton, &QPushButton::clicked, this, &OpenFilesPage::showAllUsers);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_userBar);
    layout->addWidget(m_view, 1);

    m_closeAction = new QAction(Icons::icon(Icons::Disconnect), QString(), this);
    m_closeAction->setShortcut(QKeySequence::Delete);
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closeAction, &QAction::triggered, this, [this] { confirmCloseSelected(); });
    m_copyPathAction = new QAction(Icons::icon(Icons::Copy), QString(), this);
    m_copyPathAction->setShortcut(QKeySequence::Copy);
    m_copyPathAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyPathAction, &QAction::triggered, this, &OpenFilesPage::copyPathsOfSelection);
    m_showSessionsAction = new QAction(Icons::icon(Icons::Details), QString(), this);
    connect(m_showSessionsAction, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedSourceRows();
        if (!rows.isEmpty()) {
            Q_EMIT sessionsOfUserRequested(
                m_model->serverOfRow(rows.first()), m_model->row(rows.first()).user);
        }
    });
    m_view->addAction(m_closeAction);
    m_view->addAction(m_copyPathAction);

    // Each server's files go to its own block of rows, as the sessions do.
    watchServers();
    connect(m_model, &OpenFileTableModel::serverResyncRequested, this,
        [](ServerConnection *server) { server->requestFilesReplace(); });
    connect(m_model, &OpenFileTableModel::availableColumnsChanged, this,
        &OpenFilesPage::updateAvailableColumns);
    connect(m_view, &QWidget::customContextMenuRequested, this, &OpenFilesPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        Q_EMIT selectionChanged();
    });

    // Watching several servers, which server a file is on comes first, as on the Sessions page.
    m_view->setDefaultLayout(
        {
            {OpenFileTableModel::Path, 58},
            {OpenFileTableModel::User, 12},
            {OpenFileTableModel::Access, 9},
            {OpenFileTableModel::Locks, 6},
            {OpenFileTableModel::FileId, 9},
            {OpenFileTableModel::Server, 12},
        },
        OpenFileTableModel::Server, OpenFileTableModel::Path);

    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
    updateAvailableColumns();
    updateActions();
}

OpenFilesPage::~OpenFilesPage()
{
    // The list is not shown any more: stop asking the servers for it.
    setFilesWatched(false);
}

// What the page does for each server: its files, its close answers, a new server chosen on it.
void OpenFilesPage::forgetServer(ServerConnection *connection)
{
    m_listings.remove(connection);
    m_model->removeServer(connection);
    updateNotice();
    Q_EMIT countsChanged();
}

void OpenFilesPage::watchServer(ServerConnection *connection)
{
    m_model->addServer(connection, connection->status().server);
    connect(connection, &ServerConnection::aboutToConnect, this, [this, connection] {
        // The confirmation may name this server's files, which leave now.
        if (m_confirm)
            m_confirm->reject();
        m_listings.remove(connection);
        m_model->clearServer(connection);
        m_model->setServerName(connection, connection->status().server);
        updateNotice();
        Q_EMIT countsChanged();
    });
    connect(connection, &ServerConnection::openFilesReady, this,
        [this, connection](
            const OpenFilesSnapshot &snapshot) { onSnapshot(connection, snapshot); });
    connect(connection, &ServerConnection::closeFilesFinished, this,
        [this, connection](
            const QList<FileCloseReport> &reports) { onCloseFinished(connection, reports); });
    // A server added while the page is shown is listed at once, like the others.
    connection->setOpenFilesWatched(isVisible());
}

void OpenFilesPage::setFilesWatched(bool watched)
{
    const QList<ServerConnection *> connections = m_servers->connections();
    for (ServerConnection *connection : connections)
        connection->setOpenFilesWatched(watched);
}

void OpenFilesPage::serverFilterChanged()
{
    updateNotice();
}

void OpenFilesPage::updateAvailableColumns()
{
    // The Server column only with several servers: one server looks as it always did.
    QSet<int> unavailable;
    if (!m_model->columnAvailable(OpenFileTableModel::Server))
        unavailable.insert(OpenFileTableModel::Server);
    m_view->setUnavailableColumns(unavailable);
}

void OpenFilesPage::retranslateUi()
{
    m_view->setAccessibleName(tr("Open Files"));
    //: Windows' term (Computer Management > Open Files > Close Open File)
    m_closeAction->setText(tr("&Close Open File…"));
    m_copyPathAction->setText(tr("Copy &Path"));
    m_showSessionsAction->setText(tr("Show &Sessions of This User"));
    m_allUsersButton->setText(tr("Show All Users"));
    updateUserBar();
    updateNotice();
}

void OpenFilesPage::retranslate()
{
    m_model->retranslate();
}

void OpenFilesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setFilesWatched(true);
}

void OpenFilesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A big server's file list costs it and us a round trip per poll: only while shown.
    setFilesWatched(false);
}

int OpenFilesPage::fileCount() const
{
    return m_serverFilter ? m_model->serverRowCount(m_serverFilter) : m_model->rowCount();
}

bool OpenFilesPage::isFiltered() const
{
    return TablePage::isFiltered() || !m_model->userFilter().isEmpty();
}

bool OpenFilesPage::hasAnswer() const
{
    const QList<ServerConnection *> servers = shownServers();
    return std::any_of(servers.cbegin(), servers.cend(),
        [this](ServerConnection *server) { return m_model->hasServerAnswered(server); });
}

QList<ServerConnection *> OpenFilesPage::shownServers() const
{
    if (m_serverFilter)
        return {m_serverFilter};
    return m_model->servers();
}

void OpenFilesPage::showFilesOfUser(const QString &user, int sessionCount)
{
    m_userSessionCount = sessionCount;
    m_model->setUserFilter(user);
    m_proxy->refilter();
    updateUserBar();
    Q_EMIT countsChanged();
}

void OpenFilesPage::showAllUsers()
{
    showFilesOfUser(QString(), 0);
}

QString OpenFilesPage::userFilter() const
{
    return m_model->userFilter();
}

void OpenFilesPage::updateUserBar()
{
    const QString user = m_model->userFilter();
    m_userBar->setVisible(!user.isEmpty());
    if (user.isEmpty())
        return;
    QString text = tr("Showing the open files of %1.").arg(user);
    if (m_userSessionCount > 1) {
        text += QLatin1Char(' ')
            + tr("%1 has %n sessions on this server, and the server does not say which session "
                 "holds which file.",
                "", m_userSessionCount)
                  .arg(user);
    }
    m_userLabel->setText(text);
}

void OpenFilesPage::onSnapshot(ServerConnection *connection, const OpenFilesSnapshot &snapshot)
{
    if (snapshot.hasRows)
        m_listings.insert(connection, {snapshot.level, snapshot.sharesUnknown});
    m_model->applyServerSnapshot(connection, snapshot);
    updateNotice();
    Q_EMIT countsChanged();
}

void OpenFilesPage::updateNotice()
{
    // What each server shown leaves out; with several, each line says whose it is.
    const QList<ServerConnection *> servers = shownServers();
    const bool several = m_model->serverCount() > 1 && servers.size() > 1;
    QStringList lines;
    for (ServerConnection *server : servers) {
        const QString text = noticeOf(server);
        if (text.isEmpty())
            continue;
        //: A notice about one of several servers: %1 the server, %2 the notice
        lines.append(several ? tr("%1: %2").arg(server->status().server, text) : text);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString OpenFilesPage::noticeOf(ServerConnection *server) const
{
    QString text;
    const Listing listing = m_listings.value(server);
    if (const std::optional<sc::SessionError> staleError = m_model->serverError(server)) {
        const sc::SessionError error = *staleError;
        QString why;
        switch (error.kind()) {
        case sc::ErrorKind::AccessDenied:
            //: "Samba" is a product name; SeDiskOperatorPrivilege and BUILTIN\Administrators
            //: are names: keep them
            why = tr("Access denied: listing open files needs administrator rights on the "
                     "server (on Samba: root, BUILTIN\\Administrators or the "
                     "SeDiskOperatorPrivilege).");
            break;
        case sc::ErrorKind::InvalidLevel:
            why = tr("The server does not list open files at any information level this "
                     "console knows (ERROR_INVALID_LEVEL).");
            break;
        default:
            why = tr("The open files could not be listed: %1").arg(SessionErrorText::text(error));
            break;
        }
        text = m_model->serverRowCount(server) > 0
            ? why + QLatin1Char(' ') + tr("The list shows the files as they were before.")
            : why;
    } else if (m_model->hasServerAnswered(server) && listing.level == sc::FileInfoLevel::Level2) {
        text = tr("The server reports only file IDs (level 2): no paths, users, access or "
                  "locks.");
    } else if (m_model->hasServerAnswered(server) && listing.sharesUnknown) {
        text = tr("Paths are shown as on the server's own disk: this account may not list the "
                  "server's shares.");
    }
    return text;
}

void OpenFilesPage::updateActions()
{
    const bool selected = hasSelection();
    m_closeAction->setEnabled(selected);
    m_copyPathAction->setEnabled(selected);
    m_showSessionsAction->setEnabled(selected);
}

QList<int> OpenFilesPage::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex &source : m_view->selectedSourceRows())
        rows.append(source.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void OpenFilesPage::showContextMenu(const QPoint &pos)
{
    if (!m_view->selectRowAt(pos).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("openFilesContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_closeAction);
    menu->addSeparator();
    menu->addAction(m_copyPathAction);
    menu->addAction(m_showSessionsAction);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

QMessageBox *OpenFilesPage::confirmCloseSelected()
{
    // Each file is closed on its own server: its id means nothing on another one.
    QList<QPointer<ServerConnection>> order;
    QHash<ServerConnection *, QList<quint32>> idsOf;
    QStringList names;
    int count = 0;
    for (int row : selectedSourceRows()) {
        ServerConnection *server = m_model->serverOfRow(row);
        if (!server || !server->isConnected())
            continue;
        const OpenFileRow &file = m_model->row(row);
        if (!idsOf.contains(server))
            order.append(server);
        idsOf[server].append(file.id);
        if (names.size() < kMaxNamedFiles)
            names.append(fileAndUser(file.path, file.user));
        ++count;
    }
    if (count == 0)
        return nullptr;
    if (count > kMaxNamedFiles)
        names.append(tr("… and %n more", "", count - kMaxNamedFiles));
    QString perServer;
    if (order.size() > 1) {
        QStringList lines;
        for (const QPointer<ServerConnection> &server : std::as_const(order)) {
            //: How many of the selected files close on one server: %1 the server
            lines.append(tr("On %1: %n file(s)", "", int(idsOf.value(server).size()))
                             .arg(server->status().server));
        }
        perServer = lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n");
    }

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Close Open File"),
        tr("Close %n open file(s)?", "", count), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeOpenFileConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(names.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + perServer
        + tr("The users lose access to these files at once; changes they have not saved may be "
             "lost."));
    QPushButton *close = box->addButton(tr("Close Open File"), QMessageBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    QList<QPair<QPointer<ServerConnection>, QList<quint32>>> requests;
    for (const QPointer<ServerConnection> &server : std::as_const(order))
        requests.append({server, idsOf.value(server)});
    connect(box, &QMessageBox::buttonClicked, this,
        [this, close, requests, count](QAbstractButton *button) {
            if (button != close)
                return;
            // The servers' answers are reported together once the last one is in.
            m_closesPending = int(requests.size());
            m_closeTexts.clear();
            m_closeFailed = false;
            Q_EMIT message([count] { return tr("Closing %n open file(s)…", "", count); }, false);
            for (const auto &[server, ids] : requests)
                closeFiles(server, ids);
        });
    m_confirm = box;
    box->open();
    return box;
}

void OpenFilesPage::closeFiles(ServerConnection *server, const QList<quint32> &ids)
{
    if (!server || !server->closeFiles(ids))
        reportClose([] { return tr("Not connected to a server."); }, true);
}

void OpenFilesPage::reportClose(const MessageText &text, bool failed)
{
    if (m_closesPending > 1) {
        --m_closesPending;
        m_closeTexts.append(text);
        m_closeFailed = m_closeFailed || failed;
        return;
    }
    m_closesPending = 0;
    MessageText all = text;
    if (!m_closeTexts.isEmpty()) {
        m_closeTexts.append(text);
        all = [texts = std::exchange(m_closeTexts, {})] {
            QStringList parts;
            for (const MessageText &part : texts)
                parts.append(part());
            return parts.join(QLatin1Char(' '));
        };
    }
    Q_EMIT message(all, std::exchange(m_closeFailed, false) || failed);
}

void OpenFilesPage::onCloseFinished(ServerConnection *server, const QList<FileCloseReport> &reports)
{
    const bool failed = std::any_of(reports.cbegin(), reports.cend(), [](const FileCloseReport &r) {
        return r.outcome == sc::FileCloseOutcome::Failed
            || r.outcome == sc::FileCloseOutcome::StillOpen || !r.auditError.isEmpty();
    });
    // With several servers each server's answer says whose it is.
    const QString serverName = m_model->serverCount() > 1 ? server->status().server : QString();
    reportClose(
        [reports, serverName] {
            int closed = 0;
            QStringList gone;
            QStringList stillOpen;
            QStringList parts;
            bool denied = false;
            for (const FileCloseReport &r : reports) {
                switch (r.outcome) {
                case sc::FileCloseOutcome::Closed:
                    ++closed;
                    break;
                case sc::FileCloseOutcome::WasNotOpen:
                    gone.append(QString::number(r.id));
                    break;
                case sc::FileCloseOutcome::StillOpen:
                    stillOpen.append(r.path.isEmpty() ? QString::number(r.id) : r.path);
                    break;
                case sc::FileCloseOutcome::Failed:
                    if (r.error && r.error->kind() == sc::ErrorKind::AccessDenied) {
                        denied = true;
                    } else {
                        //: %1 the file, %2 the reason
                        parts.append(
                            tr("Could not close %1: %2")
                                .arg(r.path.isEmpty() ? QString::number(r.id) : r.path,
                                    r.error ? SessionErrorText::text(*r.error) : QString()));
                    }
                    break;
                }
            }
            QStringList out;
            if (denied) {
                //: "Samba" is a product name; SeDiskOperatorPrivilege is a privilege name
                out.append(tr("Access denied: closing open files needs administrator rights on "
                              "the server (on Samba: root or the SeDiskOperatorPrivilege)."));
            }
            if (closed > 0 || (gone.isEmpty() && stillOpen.isEmpty() && parts.isEmpty() && !denied))
                out.append(tr("Closed %n open file(s).", "", closed));
            if (!gone.isEmpty()) {
                //: %1 lists file IDs
                out.append(tr("%n file(s) had already been closed (ID %1).", "", int(gone.size()))
                               .arg(QLocale().createSeparatedList(gone)));
            }
            if (!stillOpen.isEmpty()) {
                out.append(tr("The server accepted the request, but %n file(s) are still open: %1",
                    "", int(stillOpen.size()))
                               .arg(QLocale().createSeparatedList(stillOpen)));
            }
            out += parts;
            for (const FileCloseReport &r : reports) {
                if (!r.auditError.isEmpty()) {
                    //: %1 is the reason (a file name and an error)
                    out.append(tr("The audit log could not record this: %1").arg(r.auditError));
                    break;
                }
            }
            const QString text = out.join(QLatin1Char(' '));
            //: A close's outcome on one of several servers: %1 the server, %2 the outcome
            return serverName.isEmpty() ? text
                                        : tr("%1: %2", "close outcome").arg(serverName, text);
        },
        failed);
    Q_EMIT closeReported(reports);
}

void OpenFilesPage::copyPathsOfSelection() const
{
    QStringList paths;
    for (int row : selectedSourceRows())
        paths.append(m_model->row(row).path);
    if (paths.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(paths.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QByteArray OpenFilesPage::exportShown(TableExport::Format format) const
{
    return TableExport::openFiles(*m_proxy, exportServerName(), format);
}

QString OpenFilesPage::exportServerName() const
{
    // All of several servers: the export is named after none of them.
    const QList<ServerConnection *> servers = shownServers();
    return servers.size() == 1 ? servers.constFirst()->status().server : QString();
}
