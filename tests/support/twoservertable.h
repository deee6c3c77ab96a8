// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkedtable.h"
#include "serverconnection.h"

#include <QStringList>

#include <memory>

/// Two servers, "fs-a" and "fs-b", and a table model of several servers with the console's
/// proxy over it, both under QAbstractItemModelTester: where the sessions' and the open
/// files' multi-server model tests start. The connections have no SessionApi; the tests hand
/// the model their servers' answers themselves.
template<class Model>
class TwoServerTable
{
public:
    ServerConnection *a() { return &m_a; }
    ServerConnection *b() { return &m_b; }
    Model *model() { return m_table.model(); }
    SessionSortFilterProxyModel *proxy() { return m_table.proxy(); }

    /// Adds both servers to the model, "fs-a" first.
    void addBoth()
    {
        model()->addServer(&m_a, QStringLiteral("fs-a"));
        model()->addServer(&m_b, QStringLiteral("fs-b"));
    }

    /// "server/text" of @p column for each of the model's rows: which server's block a row is in.
    QStringList serverAnd(int column)
    {
        QStringList list;
        for (int r = 0; r < model()->rowCount(); ++r) {
            list.append(model()->index(r, Model::Server).data().toString() + QLatin1Char('/')
                + model()->index(r, column).data().toString());
        }
        return list;
    }

    /// The texts of @p column as the proxy shows them, top to bottom.
    QStringList shown(int column)
    {
        QStringList list;
        for (int r = 0; r < proxy()->rowCount(); ++r)
            list.append(proxy()->index(r, column).data().toString());
        return list;
    }

private:
    static std::unique_ptr<sc::SessionApi> noApi(const sc::ConnectionOptions &) { return nullptr; }

    // Destroyed in reverse order: the table (testers, proxy, model) before the servers it shows.
    ServerConnection m_a {noApi};
    ServerConnection m_b {noApi};
    CheckedTable<Model> m_table;
};
