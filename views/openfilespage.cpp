// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilespage.h"

#include "icons.h"
#include "openfiletablemodel.h"
#include "serverconnection.h"
#include "sessionerrortext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessionview.h"
#include "tableexport.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
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

OpenFilesPage::OpenFilesPage(ServerConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_model(new OpenFileTableModel(this))
    , m_proxy(new SessionSortFilterProxyModel(this))
    , m_view(new SessionView(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("openFilesView"));
    m_view->setModel(m_proxy);
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
        if (!rows.isEmpty())
            Q_EMIT sessionsOfUserRequested(m_model->row(rows.first()).user);
    });
    m_view->addAction(m_closeAction);
    m_view->addAction(m_copyPathAction);

    connect(m_connection, &ServerConnection::aboutToConnect, this, [this] {
        if (m_confirm)
            m_confirm->reject();
        m_model->clear();
        updateNotice();
    });
    connect(m_connection, &ServerConnection::openFilesReady, this, &OpenFilesPage::onSnapshot);
    connect(
        m_connection, &ServerConnection::closeFilesFinished, this, &OpenFilesPage::onCloseFinished);
    connect(m_model, &OpenFileTableModel::resyncRequested, m_connection,
        &ServerConnection::requestFilesReplace);
    connect(m_model, &OpenFileTableModel::staleChanged, m_view->viewport(),
        qOverload<>(&QWidget::update));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &OpenFilesPage::countsChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &OpenFilesPage::countsChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, &OpenFilesPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        Q_EMIT selectionChanged();
    });

    QHeaderView *header = m_view->header();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(OpenFileTableModel::Path, 58 * em);
    header->resizeSection(OpenFileTableModel::User, 12 * em);
    header->resizeSection(OpenFileTableModel::Access, 9 * em);
    header->resizeSection(OpenFileTableModel::Locks, 6 * em);
    header->resizeSection(OpenFileTableModel::FileId, 9 * em);
    m_view->sortByColumn(OpenFileTableModel::Path, Qt::AscendingOrder);

    retranslateUi();
    updateActions();
}

OpenFilesPage::~OpenFilesPage()
{
    // The list is not shown any more: stop asking the server for it.
    m_connection->setOpenFilesWatched(false);
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

void OpenFilesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OpenFilesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_connection->setOpenFilesWatched(true);
}

void OpenFilesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // A big server's file list costs it and us a round trip per poll: only while shown.
    m_connection->setOpenFilesWatched(false);
}

int OpenFilesPage::fileCount() const
{
    return m_model->rowCount();
}

int OpenFilesPage::shownCount() const
{
    return m_proxy->rowCount();
}

bool OpenFilesPage::isFiltered() const
{
    return !m_proxy->filterText().isEmpty() || !m_model->userFilter().isEmpty();
}

bool OpenFilesPage::hasAnswer() const
{
    return m_model->generation() > 0;
}

void OpenFilesPage::setFilterText(const QString &text)
{
    m_proxy->setFilterText(text);
    Q_EMIT countsChanged();
}

QString OpenFilesPage::filterText() const
{
    return m_proxy->filterText();
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

void OpenFilesPage::onSnapshot(const OpenFilesSnapshot &snapshot)
{
    m_model->applySnapshot(snapshot);
    updateNotice();
    Q_EMIT countsChanged();
}

void OpenFilesPage::updateNotice()
{
    QString text;
    if (m_model->isStale() && m_model->lastError()) {
        const sc::SessionError error = *m_model->lastError();
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
        text = m_model->rowCount() > 0
            ? why + QLatin1Char(' ') + tr("The list shows the files as they were before.")
            : why;
    } else if (m_model->generation() > 0 && m_model->level() == sc::FileInfoLevel::Level2) {
        text = tr("The server reports only file IDs (level 2): no paths, users, access or "
                  "locks.");
    } else if (m_model->generation() > 0 && m_model->sharesUnknown()) {
        text = tr("Paths are shown as on the server's own disk: this account may not list the "
                  "server's shares.");
    }
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

bool OpenFilesPage::hasSelection() const
{
    return m_view->selectionModel() && m_view->selectionModel()->hasSelection();
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
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {}))
        m_view->selectionModel()->select(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!index.isValid())
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
    if (!m_connection->isConnected())
        return nullptr;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return nullptr;
    QList<quint32> ids;
    QStringList names;
    for (int row : rows) {
        const OpenFileRow &file = m_model->row(row);
        ids.append(file.id);
        if (names.size() < kMaxNamedFiles)
            names.append(fileAndUser(file.path, file.user));
    }
    if (rows.size() > kMaxNamedFiles)
        names.append(tr("… and %n more", "", int(rows.size()) - kMaxNamedFiles));

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Close Open File"),
        tr("Close %n open file(s)?", "", int(rows.size())), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeOpenFileConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(names.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + tr("The users lose access to these files at once; changes they have not saved may be "
             "lost."));
    QPushButton *close = box->addButton(tr("Close Open File"), QMessageBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, close, ids](QAbstractButton *button) {
        if (button == close)
            closeFiles(ids);
    });
    m_confirm = box;
    box->open();
    return box;
}

void OpenFilesPage::closeFiles(const QList<quint32> &ids)
{
    if (!m_connection->closeFiles(ids)) {
        Q_EMIT message([] { return tr("Not connected to a server."); }, true);
        return;
    }
    const int count = int(ids.size());
    Q_EMIT message([count] { return tr("Closing %n open file(s)…", "", count); }, false);
}

void OpenFilesPage::onCloseFinished(const QList<FileCloseReport> &reports)
{
    const bool failed = std::any_of(reports.cbegin(), reports.cend(), [](const FileCloseReport &r) {
        return r.outcome == sc::FileCloseOutcome::Failed
            || r.outcome == sc::FileCloseOutcome::StillOpen || !r.auditError.isEmpty();
    });
    Q_EMIT message(
        [reports] {
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
            return out.join(QLatin1Char(' '));
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

QByteArray OpenFilesPage::saveViewState() const
{
    return m_view->saveViewState();
}

bool OpenFilesPage::restoreViewState(const QByteArray &state)
{
    return m_view->restoreViewState(state);
}

QByteArray OpenFilesPage::exportShown(TableExport::Format format) const
{
    return TableExport::openFiles(*m_proxy, m_connection->status().server, format);
}
