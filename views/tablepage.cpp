// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablepage.h"

#include "deltatablemodel.h"
#include "serverconnection.h"
#include "sessionsortfilterproxymodel.h"
#include "sessionview.h"
#include "watchedservers.h"

#include <QItemSelectionModel>

TablePage::TablePage(WatchedServers *servers, QWidget *parent)
    : QWidget(parent)
    , m_servers(servers)
    , m_proxy(new SessionSortFilterProxyModel(this))
    , m_view(new SessionView(this))
{
}

void TablePage::setTableModel(DeltaTableModel *model)
{
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
    // Stale rows are painted apart; the cells themselves do not change.
    connect(
        model, &DeltaTableModel::staleChanged, m_view->viewport(), qOverload<>(&QWidget::update));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &TablePage::countsChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePage::countsChanged);
}

void TablePage::watchServers()
{
    m_servers->follow(
        this, [this](ServerConnection *connection) { watchServer(connection); },
        [this](ServerConnection *connection) {
            if (m_serverFilter == connection)
                setServerFilter(nullptr);
            forgetServer(connection);
        });
}

void TablePage::setServerFilter(ServerConnection *server)
{
    if (server == m_serverFilter)
        return;
    m_serverFilter = server;
    m_proxy->setGroupFilter(server);
    Q_EMIT countsChanged();
    serverFilterChanged();
}

int TablePage::shownCount() const
{
    return m_proxy->rowCount();
}

void TablePage::setFilterText(const QString &text)
{
    m_proxy->setFilterText(text);
    Q_EMIT countsChanged();
}

QString TablePage::filterText() const
{
    return m_proxy->filterText();
}

bool TablePage::isFiltered() const
{
    return !m_proxy->filterText().isEmpty();
}

bool TablePage::hasSelection() const
{
    return m_view->selectionModel() && m_view->selectionModel()->hasSelection();
}

QByteArray TablePage::saveViewState() const
{
    return m_view->saveViewState();
}

bool TablePage::restoreViewState(const QByteArray &state)
{
    return m_view->restoreViewState(state);
}
