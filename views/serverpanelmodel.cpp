// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverpanelmodel.h"

#include "icons.h"
#include "serverlistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QStandardItemModel>

ServerPanelModel::ServerPanelModel(ServerListModel *servers, QObject *parent)
    : QConcatenateTablesProxyModel(parent)
    , m_allServers(new QStandardItemModel(this))
{
    auto *all = new QStandardItem(Icons::icon(Icons::Application), QString());
    all->setEditable(false);
    m_allServers->appendRow(all);
    retranslate();
    addSourceModel(m_allServers);
    addSourceModel(servers);
}

ServerPanelModel::~ServerPanelModel() = default;

void ServerPanelModel::retranslate()
{
    QStandardItem *all = m_allServers->item(0);
    all->setText(tr("All servers"));
    all->setToolTip(tr("Show the sessions of every watched server in one table"));
}

QVariant ServerPanelModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() == kAllServersRow
        || (role != Qt::DisplayRole && role != Qt::DecorationRole
            && role != Qt::AccessibleTextRole))
        return QConcatenateTablesProxyModel::data(index, role);

    const auto state = ServerListModel::State(index.data(ServerListModel::StateRole).toInt());
    if (role == Qt::DecorationRole) {
        switch (state) {
        case ServerListModel::State::Connecting:
            return Icons::icon(Icons::ServerConnecting);
        case ServerListModel::State::Live:
            return Icons::icon(Icons::ServerLive);
        case ServerListModel::State::Failed:
            return Icons::icon(Icons::ServerFailed);
        case ServerListModel::State::Stale:
            return Icons::icon(Icons::ServerStale);
        case ServerListModel::State::NotConnected:
            // Nothing was tried: the icon of a server not yet answered, not a failure's.
            return Icons::icon(Icons::ServerConnecting);
        }
        return {};
    }

    const QString name = index.data(ServerListModel::NameRole).toString();
    const QVariant count = index.data(ServerListModel::SessionCountRole);
    QString detail;
    if (count.isValid()) {
        detail = tr("%n session(s)", nullptr, count.toInt());
        const QDateTime refreshed = index.data(ServerListModel::LastRefreshRole).toDateTime();
        if (refreshed.isValid()) {
            //: %1 the session count, %2 the time of the last refresh
            detail = tr("%1 · %2").arg(
                detail, QLocale().toString(refreshed.time(), QStringLiteral("HH:mm:ss")));
        }
        // An icon alone does not tell a stale count from a current one to everybody.
        if (state == ServerListModel::State::Stale)
            detail = tr("%1 (stale)").arg(detail);
    } else {
        detail = ServerListModel::stateText(state);
    }
    // The delegate draws a line break of the display text as one.
    return role == Qt::AccessibleTextRole ? tr("%1: %2").arg(name, detail)
                                          : name + QLatin1Char('\n') + detail;
}
