// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QConcatenateTablesProxyModel>

class QStandardItemModel;
class ServerListModel;

/// What the server panel's list shows: an "All servers" row first, then the rows of a
/// ServerListModel, each with its state icon and, under the name, its session count and the
/// time of its last refresh (or its state while there is no count).
///
/// The server rows are the ServerListModel's, forwarded by QConcatenateTablesProxyModel (a
/// change of one server stays a dataChanged() of its row); only the display text and the
/// icon are added here, because the icons belong to the views.
class ServerPanelModel : public QConcatenateTablesProxyModel
{
    Q_OBJECT
public:
    explicit ServerPanelModel(ServerListModel *servers, QObject *parent = nullptr);
    ~ServerPanelModel() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// The row of "All servers".
    static constexpr int kAllServersRow = 0;
    /// The ServerListModel row of panel row @p row; -1 for "All servers".
    static int serverRow(int row) { return row - 1; }
    /// The panel row of ServerListModel row @p serverRow.
    static int panelRow(int serverRow) { return serverRow + 1; }

    /// Sets the texts of "All servers" in the current language.
    void retranslate();

private:
    QStandardItemModel *m_allServers = nullptr;
};
