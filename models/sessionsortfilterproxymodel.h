// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deltatablemodel.h"
#include "sessionrow.h"

#include <QAbstractProxyModel>
#include <QPointer>

#include <vector>

/// Sorts and filters a DeltaTableModel (the sessions table, or any other table of live rows)
/// for the view, in time proportional to what a refresh changed.
///
/// The source says how: a PackedSortKey per row and column (DeltaTableModel::sortKey(), with
/// sortText() when packed keys tie), compared with PackedSortKey::compareStable(), which breaks
/// ties on the row key, so rows with equal values keep a fixed order and never jump on
/// refresh; and which rows a filter text accepts (filterAccepts(), filterColumns()). For
/// sessions the filter matches user and computer names (and, with several servers, the
/// server's name), without case and accents (SearchText), as a
/// substring.
///
/// Why not QSortFilterProxyModel: it handles every structural signal of the source in
/// O(rows) and re-sorts through persistent indexes, so one refresh of 100,000 sessions with
/// 1 % gone, 1 % new and 10 % active cost the GUI thread about 100 ms. This proxy follows
/// DeltaTableModel's refreshes as a whole (deltaAboutToBeApplied() / deltaApplied()):
/// it keeps the rows whose sort value did not change in place, sorts only the changed and
/// new ones and merges them in, and tells the view with at most five signals, whatever the
/// number of sessions:
///  1. rows that leave (ended, or no longer matching the filter) are moved to the end
///     (layoutChanged) and removed there in one rowsRemoved;
///  2. rows whose sort value changed move to their new place (layoutChanged);
///  3. new rows are inserted at the end in one rowsInserted and, unless they all belong
///     there, moved into place (layoutChanged);
///  4. changed cells get dataChanged, one per row range (or one spanning them all when they
///     are scattered).
/// Selection, current index and persistent indexes follow their rows through all of it.
///
/// GUI thread only, like its source.
class SessionSortFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit SessionSortFilterProxyModel(QObject *parent = nullptr);
    ~SessionSortFilterProxyModel() override;

    /// Expects a DeltaTableModel (or nullptr); any other model is refused with a warning.
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// One mapping for all roles a delegate asks for a cell.
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    /// Sorts by @p column of the source; -1 shows the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QString filterText() const { return m_filterText; }
    const QObject *groupFilter() const { return m_group; }

    /// The source row behind a row of this proxy (0 <= proxyRow < rowCount()).
    int sourceRow(int proxyRow) const { return m_proxyToSource.at(size_t(proxyRow)); }
    /// The SessionRow behind a row of this proxy, when the source is a SessionTableModel.
    const SessionRow &sessionRow(int proxyRow) const;

public Q_SLOTS:
    /// Shows only rows the source accepts for @p text (DeltaTableModel::filterAccepts(); for
    /// sessions, user or computer contains it, case-insensitively); empty shows all.
    void setFilterText(const QString &text);
    /// Shows only the rows of @p group (DeltaTableModel::rowGroup(): for sessions, the rows
    /// of one server); nullptr shows every group's rows.
    void setGroupFilter(const QObject *group);
    /// Asks the source again which rows it accepts (after DeltaTableModel::restrictsRows() or
    /// what it restricts by changed).
    void refilter();
    /// Hides the rows @p sourceRows of the source until its next refresh or reset, which
    /// shows them again if they are still there (sessions the server confirmed it ended
    /// leave at once, instead of when the next answer arrives).
    void withholdSourceRows(const QList<int> &sourceRows);

Q_SIGNALS:
    void filterTextChanged(const QString &text);

private:
    void connectSource();
    void rebuild();
    void rebuildKeys();
    bool accepts(int sourceRow) const;
    int compareSources(const PackedSortKey &leftKey, int sourceLeft, const PackedSortKey &rightKey,
        int sourceRight) const;
    bool lessThan(int sourceLeft, int sourceRight) const;
    void sortSourceRows(std::vector<int> &sourceRows) const;
    void mergeSorted(
        const std::vector<int> &kept, std::vector<int> movers, std::vector<int> &merged) const;
    void rebuildSourceToProxy();
    void reorder(const std::vector<int> &order, LayoutChangeHint hint);
    void removeRowsWhere(const std::vector<char> &leaves);
    void insertSorted(const std::vector<int> &entering);
    void insertRows(const std::vector<int> &entering, const std::vector<int> &target);

    void sourceDeltaAboutToBeApplied(const DeltaRanges &delta, int rowCount);
    void sourceDeltaApplied(const DeltaRanges &delta, int rowCount);
    void announceChangedCells(const DeltaRanges &delta, const std::vector<quint32> &rangeColumns);
    void sourceDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sourceStructureAboutToChange();
    void sourceStructureChanged();

    QPointer<DeltaTableModel> m_source;
    // The source's, which never changes: views ask for it several times per row laid out.
    int m_columnCount = 0;
    QList<QMetaObject::Connection> m_connections;
    std::vector<int> m_proxyToSource; // source row of each proxy row
    std::vector<int> m_sourceToProxy; // proxy row of each source row, -1 when filtered out
    std::vector<PackedSortKey> m_keys; // per source row, for m_sortColumn
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filterText;
    std::vector<int> m_withheld; // sorted source rows withholdSourceRows() hides
    std::vector<int> m_returning; // m_withheld during a refresh, to be shown again
    QString m_foldedFilter; // SearchText::fold(m_filterText), what the source compares
    const QObject *m_group = nullptr; // setGroupFilter()

    // Between deltaAboutToBeApplied() and deltaApplied(): the source's own signals are
    // ignored, and old source rows map to new ones through m_oldToNew (-1: removed).
    bool m_inDelta = false;
    std::vector<int> m_oldToNew;
    std::vector<quint32> m_changedColumns; // per new source row below insertFirst

    // Scratch space kept from refresh to refresh: freshly allocated, 100k rows' worth of it
    // costs more in page faults than the work done in it.
    std::vector<int> m_order;
    std::vector<int> m_target;
    std::vector<char> m_flags;
    bool m_resetting = false; // the source announced a change it describes row by row
};
