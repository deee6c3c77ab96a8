// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tableexport.h"

#include <QWidget>

#include <functional>

class DeltaTableModel;
class ServerConnection;
class SessionSortFilterProxyModel;
class SessionView;
class WatchedServers;

/// What the console's pages (Sessions, Open Files) have in common: a live table of the watched
/// servers' rows behind a sort/filter proxy and a view, narrowed to one server or not, filtered
/// by the window's one filter field, exported by File > Export and counted in the status bar.
/// The window talks to the current page through this; what a page does to its selected rows is
/// its own.
class TablePage : public QWidget
{
    Q_OBJECT
public:
    /// Builds a message in the current language (called again after a language change).
    using MessageText = std::function<QString()>;

    /// Shows only the rows of @p server; nullptr shows every server's.
    void setServerFilter(ServerConnection *server);
    ServerConnection *serverFilter() const { return m_serverFilter; }

    /// The rows the server and text filters let through.
    int shownCount() const;
    /// Shows only the rows whose texts (which ones: see the page) contain @p text.
    void setFilterText(const QString &text);
    QString filterText() const;
    /// Not every row of the servers shown is shown.
    virtual bool isFiltered() const;
    bool hasSelection() const;

    /// The rows shown (after the filters, in the view's order) as File > Export writes them.
    virtual QByteArray exportShown(TableExport::Format format) const = 0;

    /// Header geometry, order, sort column and hidden columns.
    QByteArray saveViewState() const;
    bool restoreViewState(const QByteArray &state);

Q_SIGNALS:
    void selectionChanged();
    /// The number of rows (all or shown) changed, or what the status bar says of them.
    void countsChanged();
    /// The result of an action, for the status bar.
    void message(const TablePage::MessageText &text, bool error);

protected:
    /// @p servers must outlive the page; the page creates its proxy and view.
    TablePage(WatchedServers *servers, QWidget *parent);

    /// Called after setServerFilter() changed the server and said so (countsChanged()).
    virtual void serverFilterChanged() { }
    /// Shows @p model (the page's own) through the proxy in the view.
    void setTableModel(DeltaTableModel *model);
    /// Watches the servers of m_servers, those there now and those added later: watchServer()
    /// for each, and forgetServer() before one is removed (the server filter has let it go by
    /// then). Call once the page's model is ready to take rows.
    void watchServers();
    virtual void watchServer(ServerConnection *connection) = 0;
    virtual void forgetServer(ServerConnection *) { }

    WatchedServers *const m_servers;
    SessionSortFilterProxyModel *const m_proxy;
    SessionView *const m_view;
    ServerConnection *m_serverFilter = nullptr;
};
