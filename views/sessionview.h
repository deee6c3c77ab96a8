// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QTreeView>

class SessionItemDelegate;

/// The session list: a flat, sortable tree view that stays cheap on huge lists (uniform row
/// heights, no resize-to-contents). Growing durations are repainted with updateColumns(),
/// which touches only the visible cells, instead of the model announcing changes.
///
/// Columns can be hidden for two reasons kept apart here: the operator hid them (header
/// context menu, persisted) or the server's info level cannot fill them (not persisted).
class SessionView : public QTreeView
{
    Q_OBJECT
public:
    explicit SessionView(QWidget *parent = nullptr);

    /// Columns the server's info level cannot fill: hidden, and greyed out in the header
    /// menu. Call after the model's columns exist.
    void setUnavailableColumns(const QSet<int> &columns);
    QSet<int> unavailableColumns() const { return m_unavailable; }

    bool isColumnHiddenByUser(int column) const { return m_userHidden.contains(column); }
    void setColumnHiddenByUser(int column, bool hidden);

    /// Repaints the visible cells of @p columns (durations that grow with time).
    void updateColumns(const QList<int> &columns);

    /// A column and its first-run width, in widths of the letter M of the view's font.
    struct ColumnWidth
    {
        int column;
        int ems;
    };
    /// The first-run layout, until restoreViewState() replaces it with the operator's: the
    /// @p widths, @p leadingColumn moved to the front (it is shown only with several servers),
    /// sorted by @p sortColumn, ascending.
    void setDefaultLayout(const QList<ColumnWidth> &widths, int leadingColumn, int sortColumn);

    /// Header geometry, order, sort column/order and the operator's hidden columns.
    QByteArray saveViewState() const;
    bool restoreViewState(const QByteArray &state);

    /// Shown in the middle of the list while it has no rows (e.g. how to start); empty:
    /// nothing.
    void setPlaceholderText(const QString &text);
    /// The model's roles that say a row is emphasised (bold) or stale (greyed); -1: none.
    void setRowStateRoles(int emphasisRole, int staleRole);
    QString placeholderText() const { return m_placeholder; }

    /// Source-model rows of the selection, for acting on them.
    QModelIndexList selectedSourceRows() const;
    /// The row at @p pos (viewport coordinates), for a context menu: a row outside the
    /// selection becomes the selection, one inside keeps the whole selection to act on.
    /// Invalid where there is no row.
    QModelIndex selectRowAt(const QPoint &pos);

    /// Widens visible columns whose header text does not fit (never narrows any). Runs when
    /// the view is first shown and on every language change: German and Spanish titles
    /// are longer than the English widths that were chosen or saved.
    void fitHeaderTexts();

Q_SIGNALS:
    /// Double click on a row.
    void detailsRequested(const QModelIndex &index);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    void applyColumnVisibility();

    QSet<int> m_unavailable;
    QSet<int> m_userHidden;
    QString m_placeholder;
    bool m_shown = false;
    SessionItemDelegate *m_delegate = nullptr;
};
