// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionspage.h"

#include "disconnectdialog.h"
#include "icons.h"
#include "languagechangefilter.h"
#include "serverconnection.h"
#include "sessiondetailsdialog.h"
#include "sessionerrortext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "tableexport.h"
#include "watchedservers.h"

#include "nameequality.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QVBoxLayout>

#include <algorithm>

SessionsPage::SessionsPage(WatchedServers *servers, QWidget *parent)
    : TablePage(servers, parent)
    , m_model(new SessionTableModel(this))
{
    m_model->setDecorationIcons(Icons::icon(Icons::OwnSession), Icons::icon(Icons::Unencrypted));
    setTableModel(m_model);
    m_view->setObjectName(QStringLiteral("sessionView"));
    m_view->setRowStateRoles(SessionTableModel::OwnSessionRole, SessionTableModel::StaleRole);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // WatchedServers feeds the model, each server its own block of rows.
    m_servers->setSessionModel(m_model);
    watchServers();
    connect(m_servers, &WatchedServers::removed, this, [this] {
        updatePlaceholder();
        Q_EMIT serverStatusChanged();
    });
    connect(m_model, &SessionTableModel::snapshotApplied, this, [this] {
        if (anyAnswered())
            updateAvailableColumns();
    });
    connect(m_model, &SessionTableModel::availableColumnsChanged, this,
        &SessionsPage::updateAvailableColumns);
    connect(m_model, &SessionTableModel::ticked, m_view, [this] {
        m_view->updateColumns({SessionTableModel::ConnectedTime, SessionTableModel::IdleTime});
    });

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &SessionTableModel::tick);
    m_tick.start();

    connect(m_view, &QWidget::customContextMenuRequested, this, &SessionsPage::showContextMenu);
    connect(m_view, &SessionView::detailsRequested, this, &SessionsPage::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SessionsPage::selectionChanged);

    // Watching several servers, which server a row is on comes first.
    m_view->setDefaultLayout(
        {
            {SessionTableModel::User, 12},
            {SessionTableModel::Computer, 12},
            {SessionTableModel::ClientType, 12},
            {SessionTableModel::OpenFiles, 7},
            {SessionTableModel::ConnectedTime, 9},
            {SessionTableModel::IdleTime, 9},
            {SessionTableModel::Guest, 5},
            {SessionTableModel::Transport, 16},
            {SessionTableModel::Encryption, 8},
            {SessionTableModel::Server, 12},
        },
        SessionTableModel::Server, SessionTableModel::User);

    m_showOpenFilesAction = new QAction(this);
    connect(m_showOpenFilesAction, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_view->selectedSourceRows();
        if (!rows.isEmpty())
            requestOpenFiles(m_model->row(rows.first().row()).user);
    });

    updateAvailableColumns();
    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
}

// What the page does for each server it shows: details of a server that connects elsewhere
// close, its status and its disconnect answers are followed.
void SessionsPage::watchServer(ServerConnection *connection)
{
    connect(connection, &ServerConnection::aboutToConnect, this, [this, connection] {
        for (const auto &dialog : std::as_const(m_details)) {
            if (dialog && dialog->index().isValid()
                && m_model->serverOfRow(dialog->index().row()) == connection)
                dialog->close();
        }
    });
    connect(connection, &ServerConnection::statusChanged, this, [this] {
        updatePlaceholder();
        Q_EMIT serverStatusChanged();
    });
    connect(connection, &ServerConnection::disconnectFinished, this,
        [this, connection](
            const QList<DisconnectTarget> &targets, const QList<DisconnectResult> &results) {
            onDisconnectFinished(connection, targets, results);
        });
}

bool SessionsPage::anyAnswered() const
{
    const QList<ServerConnection *> connections = m_servers->connections();
    return std::any_of(connections.cbegin(), connections.cend(),
        [](const ServerConnection *c) { return c->status().answered; });
}

void SessionsPage::serverFilterChanged()
{
    Q_EMIT selectionChanged();
}

QList<ServerConnection *> SessionsPage::selectedServers() const
{
    QList<ServerConnection *> servers;
    for (const QModelIndex &source : m_view->selectedSourceRows()) {
        ServerConnection *server = m_model->serverOfRow(source.row());
        if (server && !servers.contains(server))
            servers.append(server);
    }
    return servers;
}

bool SessionsPage::selectionConnected() const
{
    const QList<ServerConnection *> servers = selectedServers();
    return std::any_of(servers.cbegin(), servers.cend(),
        [](const ServerConnection *c) { return c->isConnected(); });
}

bool SessionsPage::disconnectRefusedForSelection() const
{
    const QList<ServerConnection *> servers = selectedServers();
    return !servers.isEmpty()
        && std::all_of(servers.cbegin(), servers.cend(),
            [](const ServerConnection *c) { return c->status().disconnectRefused; });
}

void SessionsPage::requestOpenFiles(const QString &user)
{
    if (user.isEmpty())
        return;
    int sessions = 0;
    for (int i = 0; i < m_model->rowCount(); ++i)
        sessions += sc::namesEqual(m_model->row(i).user, user) ? 1 : 0;
    Q_EMIT openFilesRequested(user, sessions);
}

SessionsPage::~SessionsPage()
{
    // Dialogs refer to the model; close them before it goes.
    for (const auto &dialog : std::as_const(m_details))
        delete dialog.data();
}

void SessionsPage::setContextActions(const ContextActions &actions)
{
    for (QAction *action :
        {m_actions.details, m_actions.disconnect, m_actions.copy, m_actions.selectAll}) {
        if (action)
            m_view->removeAction(action);
    }
    m_actions = actions;
    for (QAction *action : {actions.details, actions.disconnect, actions.copy, actions.selectAll}) {
        if (action)
            m_view->addAction(action);
    }
}

int SessionsPage::sessionCount() const
{
    return m_serverFilter ? m_model->serverRowCount(m_serverFilter) : m_model->rowCount();
}

QStringList SessionsPage::missingColumnTitles() const
{
    QStringList missing;
    for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
        // The Server column is not something a level leaves out.
        if (c != SessionTableModel::Server
            && !m_model->columnAvailable(static_cast<SessionTableModel::Column>(c)))
            missing.append(m_model->headerData(c, Qt::Horizontal).toString());
    }
    return missing;
}

void SessionsPage::setCurrentRow(int row)
{
    m_view->setCurrentIndex(m_proxy->index(row, 0));
}

bool SessionsPage::showSession(ServerConnection *server, quint64 key)
{
    if (!server || (m_serverFilter && m_serverFilter != server))
        return false;
    const int block = int(m_model->servers().indexOf(server));
    if (block < 0)
        return false;
    const int first = m_model->blockStart(block);
    for (int r = first; r < first + m_model->blockRowCount(block); ++r) {
        if (m_model->row(r).key != key)
            continue;
        QModelIndex index = m_proxy->mapFromSource(m_model->index(r, 0));
        if (!index.isValid()) {
            setFilterText(QString());
            index = m_proxy->mapFromSource(m_model->index(r, 0));
        }
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
        m_view->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

void SessionsPage::retranslateUi()
{
    m_view->setAccessibleName(tr("Sessions"));
    m_showOpenFilesAction->setText(tr("Show &Open Files"));
    updatePlaceholder();
}

void SessionsPage::updatePlaceholder()
{
    // The first window has nothing to list: say how to start instead of an empty grid.
    const QList<ServerConnection *> connections = m_servers->connections();
    const bool none = std::all_of(connections.cbegin(), connections.cend(),
        [](const auto *c) { return c->status().state == ConnectionStatus::State::Unconnected; });
    m_view->setPlaceholderText(none
            ? tr("Type the name or address of a file server above and press Connect.")
            : QString());
}

void SessionsPage::updateAvailableColumns()
{
    QSet<int> unavailable;
    // Before the first answer nothing is known; show the full set rather than a bare list.
    if (anyAnswered()) {
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
            if (!m_model->columnAvailable(static_cast<SessionTableModel::Column>(c)))
                unavailable.insert(c);
        }
    }
    // The Server column only with several servers: one server looks as it always did.
    if (!m_model->columnAvailable(SessionTableModel::Server))
        unavailable.insert(SessionTableModel::Server);
    m_view->setUnavailableColumns(unavailable);
    Q_EMIT countsChanged();
}

void SessionsPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->selectRowAt(pos);
    Q_EMIT selectionChanged();

    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sessionContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        menu->addAction(m_actions.details);
        menu->addAction(m_actions.disconnect);
        menu->addAction(m_showOpenFilesAction);
        m_showOpenFilesAction->setEnabled(
            !m_model->row(m_proxy->mapToSource(index).row()).user.isEmpty());
        menu->addSeparator();
        menu->addAction(m_actions.copy);
        menu->addSeparator();
    }
    menu->addAction(m_actions.refresh);
    menu->addAction(m_actions.selectAll);
    if (index.isValid())
        menu->setDefaultAction(m_actions.details);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void SessionsPage::showDetailsOfSelection()
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), {})) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        index = rows.first();
    }
    showDetails(index);
}

SessionDetailsDialog *SessionsPage::showDetails(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return nullptr;
    const quint64 key = source.data(SessionTableModel::KeyRole).toULongLong();
    m_details.removeIf([](const QPointer<SessionDetailsDialog> &d) { return d.isNull(); });
    for (const auto &dialog : std::as_const(m_details)) {
        if (!dialog->hasEnded()
            && dialog->index().data(SessionTableModel::KeyRole).toULongLong() == key) {
            dialog->raise();
            dialog->activateWindow();
            return dialog;
        }
    }
    auto *dialog = new SessionDetailsDialog(source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SessionDetailsDialog::disconnectRequested, this,
        [this](const QPersistentModelIndex &index) {
            if (!index.isValid())
                return;
            const QModelIndex proxyIndex = m_proxy->mapFromSource(index);
            if (proxyIndex.isValid()) {
                m_view->selectionModel()->select(
                    proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                m_view->setCurrentIndex(proxyIndex);
                confirmDisconnectSelected();
            }
        });
    connect(
        dialog, &SessionDetailsDialog::openFilesRequested, this, &SessionsPage::requestOpenFiles);
    m_details.append(dialog);
    dialog->show();
    return dialog;
}

void SessionsPage::closeDetails()
{
    for (const auto &dialog : std::as_const(m_details)) {
        if (dialog)
            dialog->close();
    }
}

DisconnectDialog *SessionsPage::confirmDisconnectSelected()
{
    // Each row is ended on its own server; a server's name tells its rows apart only when
    // there are several (with one, the dialog looks as it always did).
    const bool several = m_model->serverCount() > 1;
    QHash<QString, QPointer<ServerConnection>> serverOf;
    const auto targetOf = [&](int sourceRow) {
        const SessionRow &row = m_model->row(sourceRow);
        return DisconnectDialog::Target {.client = row.client,
            .user = row.user,
            .openFiles = row.openCount,
            .ownSession = row.isOwnSession,
            .server = several ? m_model->serverNameOfRow(sourceRow) : QString()};
    };
    QList<DisconnectDialog::Target> rows;
    for (const QModelIndex &source : m_view->selectedSourceRows()) {
        ServerConnection *server = m_model->serverOfRow(source.row());
        if (!server || !server->isConnected())
            continue;
        rows.append(targetOf(source.row()));
        serverOf.insert(rows.constLast().server, server);
    }
    if (rows.isEmpty())
        return nullptr;
    // NetSessionDel ends every session of the pair, selected or not: the dialog counts them.
    QList<DisconnectDialog::Target> everyRow;
    for (int i = 0; i < m_model->rowCount(); ++i)
        everyRow.append(targetOf(i));
    auto *dialog = new DisconnectDialog(DisconnectDialog::affectedRows(rows, everyRow), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, serverOf] {
        // One request per server, with only that server's pairs.
        QList<QString> order;
        QHash<QString, QList<DisconnectTarget>> targets;
        for (const DisconnectDialog::Target &t : dialog->targets()) {
            const QString &key = t.server; // as targetOf() named it
            if (!targets.contains(key))
                order.append(key);
            targets[key].append({t.client, t.user});
        }
        // The servers' answers are reported together once the last one is in.
        m_batchPending = int(order.size());
        m_batchTexts.clear();
        m_batchFailed = false;
        for (const QString &key : std::as_const(order))
            disconnectTargets(serverOf.value(key), targets.value(key));
    });
    // Window-modal and asynchronous: polling and painting go on while the operator reads.
    dialog->open();
    return dialog;
}

void SessionsPage::disconnectTargets(
    ServerConnection *server, const QList<DisconnectTarget> &targets)
{
    if (!server || !server->disconnectSessions(targets)) {
        if (m_batchPending > 0)
            --m_batchPending;
        Q_EMIT message([] { return tr("Not connected to a server."); }, true);
        return;
    }
    Q_EMIT message(
        [targets] {
            QStringList names;
            for (const DisconnectTarget &t : targets) {
                //: %1 user, %2 computer
                names.append(tr("%1 on %2").arg(t.user, t.client));
            }
            return tr("Disconnecting %1…").arg(QLocale().createSeparatedList(names));
        },
        false);
}

void SessionsPage::onDisconnectFinished(ServerConnection *server, const QList<DisconnectTarget> &,
    const QList<DisconnectResult> &results)
{
    // The server confirmed: its sessions leave the list now rather than with the next answer
    // (which shows them again if the server still lists them).
    QList<int> ended;
    for (const DisconnectResult &r : results) {
        if (!r.ok() || r.ended == 0)
            continue;
        QStringView client = r.target.client;
        while (client.startsWith(QLatin1Char('\\')))
            client = client.mid(1);
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->serverOfRow(i) != server)
                continue;
            const SessionRow &row = m_model->row(i);
            if ((client.isEmpty() || sc::namesEqual(row.client, client))
                && (r.target.user.isEmpty() || sc::namesEqual(row.user, r.target.user)))
                ended.append(i);
        }
    }
    m_proxy->withholdSourceRows(ended);

    bool failed = std::any_of(results.cbegin(), results.cend(),
        [](const DisconnectResult &r) { return !r.ok() || !r.auditError.isEmpty(); });
    // With several servers each server's answer says whose it is.
    const QString serverName = m_model->serverCount() > 1 ? server->status().server : QString();
    MessageText text = [results, serverName] {
        QStringList parts;
        for (const DisconnectResult &r : results) {
            if (r.ok()) {
                //: %1 user, %2 computer
                parts.append(tr("Ended %n session(s) of %1 on %2.", "", int(r.ended))
                                 .arg(r.target.user, r.target.client));
            } else {
                //: %1 user, %2 computer, %3 the reason
                parts.append(
                    tr("Could not disconnect %1 on %2: %3")
                        .arg(r.target.user, r.target.client, SessionErrorText::text(*r.error)));
            }
        }
        for (const DisconnectResult &r : results) {
            if (!r.auditError.isEmpty()) {
                //: %1 is the reason (a file name and an error)
                parts.append(tr("The audit log could not record this: %1").arg(r.auditError));
                break;
            }
        }
        const QString text = parts.join(QLatin1Char(' '));
        //: A disconnect's outcome on one of several servers: %1 the server, %2 the outcome
        return serverName.isEmpty() ? text : tr("%1: %2").arg(serverName, text);
    };
    if (m_batchPending > 0) {
        m_batchTexts.append(text);
        m_batchFailed = m_batchFailed || failed;
        if (--m_batchPending > 0) {
            Q_EMIT disconnectReported(results);
            return;
        }
        text = [texts = std::exchange(m_batchTexts, {})] {
            QStringList parts;
            for (const MessageText &part : texts)
                parts.append(part());
            return parts.join(QLatin1Char(' '));
        };
        failed = std::exchange(m_batchFailed, false) || failed;
    }
    Q_EMIT message(text, failed);
    Q_EMIT disconnectReported(results);
}

void SessionsPage::retranslate()
{
    m_model->retranslate();
}

void SessionsPage::selectAll()
{
    m_view->selectAll();
}

void SessionsPage::copySelection() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QHeaderView *header = m_view->header();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns.append(column);
    }
    // Tabs and newlines inside a name would break the columns of the paste.
    const auto cell = [](QString text) {
        return text.replace(QLatin1Char('\t'), QLatin1Char(' '))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    // A header row first, so that a paste into a spreadsheet says what each column is.
    QStringList titles;
    for (int column : std::as_const(columns))
        titles.append(cell(m_proxy->headerData(column, Qt::Horizontal).toString()));
    QStringList lines {titles.join(QLatin1Char('\t'))};
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column : std::as_const(columns))
            cells.append(cell(row.siblingAtColumn(column).data(Qt::DisplayRole).toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QByteArray SessionsPage::exportShown(TableExport::Format format) const
{
    // Each row names its own server; the document's is the one shown, if only one is.
    const QList<ServerConnection *> connections = m_servers->connections();
    ServerConnection *shown = m_serverFilter
        ? m_serverFilter
        : (connections.size() == 1 ? connections.constFirst() : nullptr);
    return TableExport::sessions(*m_proxy, shown ? shown->status().server : QString(),
        m_model->idleTimeUnreported(), format, QDateTime::currentMSecsSinceEpoch());
}
