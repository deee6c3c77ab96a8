// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsortfilterproxymodel.h"

#include "searchtext.h"
#include "sessiontablemodel.h"

#include <QLoggingCategory>

#include <algorithm>
#include <bit>
#include <utility>

namespace {

Q_LOGGING_CATEGORY(lcProxy, "sessionconsole.proxy")

// Beyond this many separate row ranges of changed cells, one dataChanged spans them all:
// views repaint what they show either way, and each signal costs every listener.
constexpr int kMaxChangedRanges = 64;

// What sourceDeltaApplied() knows of each source row, in m_flags: not shown before the
// refresh, shown, or shown and its sort value changed.
enum RowState : char { Hidden, Shown, Moved };

// Makes room for @p count entries of a vector that holds one per row. Doubling the capacity
// (std::vector's growth) left up to half of a per-row vector unused when the rows of many
// servers arrive block by block, about 20 B per row; a sixteenth of headroom keeps the growth
// amortised and the waste small.
template<typename T>
void reserveRows(std::vector<T> &perRow, size_t count)
{
    if (count > perRow.capacity())
        perRow.reserve(count + count / 16);
}

// The first row from @p row on whose bit in @p bits is @p set; the number of bits when none.
int nextRow(const std::vector<quint64> &bits, int row, bool set)
{
    const int size = int(bits.size()) * 64;
    if (row >= size)
        return size;
    size_t word = size_t(row) / 64;
    quint64 w = (set ? bits[word] : ~bits[word]) & (~quint64(0) << (row % 64));
    while (w == 0) {
        if (++word == bits.size())
            return size;
        w = set ? bits[word] : ~bits[word];
    }
    return int(word * 64) + std::countr_zero(w);
}

} // namespace

SessionSortFilterProxyModel::SessionSortFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

SessionSortFilterProxyModel::~SessionSortFilterProxyModel() = default;

void SessionSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *source = qobject_cast<DeltaTableModel *>(sourceModel);
    if (sourceModel && !source) {
        qCWarning(lcProxy) << "SessionSortFilterProxyModel needs a DeltaTableModel, not"
                           << sourceModel;
        return;
    }
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = source;
    m_columnCount = source ? source->columnCount() : 0;
    QAbstractProxyModel::setSourceModel(source);
    connectSource();
    rebuild();
    endResetModel();
}

void SessionSortFilterProxyModel::connectSource()
{
    if (!m_source)
        return;
    DeltaTableModel *s = m_source.data();
    m_connections = {
        connect(s, &DeltaTableModel::deltaAboutToBeApplied, this,
            &SessionSortFilterProxyModel::sourceDeltaAboutToBeApplied),
        connect(s, &DeltaTableModel::deltaApplied, this,
            &SessionSortFilterProxyModel::sourceDeltaApplied),
        connect(s, &QAbstractItemModel::dataChanged, this,
            &SessionSortFilterProxyModel::sourceDataChanged),
        connect(s, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged),
        // Outside a refresh the source changes structure only by a reset (a new server,
        // clear()); anything else is followed by a reset too, which is always correct.
        connect(s, &QAbstractItemModel::modelAboutToBeReset, this,
            &SessionSortFilterProxyModel::sourceStructureAboutToChange),
        connect(s, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &SessionSortFilterProxyModel::sourceStructureAboutToChange),
        connect(s, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &SessionSortFilterProxyModel::sourceStructureAboutToChange),
        connect(s, &QAbstractItemModel::rowsAboutToBeMoved, this,
            &SessionSortFilterProxyModel::sourceStructureAboutToChange),
        connect(s, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &SessionSortFilterProxyModel::sourceStructureAboutToChange),
        connect(s, &QAbstractItemModel::modelReset, this,
            &SessionSortFilterProxyModel::sourceStructureChanged),
        connect(s, &QAbstractItemModel::rowsInserted, this,
            &SessionSortFilterProxyModel::sourceStructureChanged),
        connect(s, &QAbstractItemModel::rowsRemoved, this,
            &SessionSortFilterProxyModel::sourceStructureChanged),
        connect(s, &QAbstractItemModel::rowsMoved, this,
            &SessionSortFilterProxyModel::sourceStructureChanged),
        connect(s, &QAbstractItemModel::layoutChanged, this,
            &SessionSortFilterProxyModel::sourceStructureChanged),
        // Silently, like QAbstractProxyModel: a source dies with its window, and a reset
        // would call the window's slots while it is being destroyed.
        connect(s, &QObject::destroyed, this,
            [this] {
                m_proxyToSource.clear();
                m_sourceToProxy.clear();
                m_keys.clear();
                m_columnCount = 0;
                m_inDelta = false;
                m_resetting = false;
            }),
    };
}

QModelIndex SessionSortFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_proxyToSource.size()) || column < 0
        || column >= m_columnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex SessionSortFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex SessionSortFilterProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int SessionSortFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int SessionSortFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

bool SessionSortFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

// The source's flags are those of every QAbstractTableModel cell, the same for all. Views
// ask them per row in every layout (QTreeView twice per row), so answer without mapping.
Qt::ItemFlags SessionSortFilterProxyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || !m_source)
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QVariant SessionSortFilterProxyModel::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? m_source->data(source, role) : QVariant();
}

void SessionSortFilterProxyModel::multiData(
    const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    const QModelIndex source = mapToSource(index);
    if (source.isValid()) {
        m_source->multiData(source, roleDataSpan);
        return;
    }
    for (QModelRoleData &data : roleDataSpan)
        data.clearData();
}

// Straight to the source: the base class maps the section through row 0, which is neither
// needed for a table nor valid while a refresh is half applied.
QVariant SessionSortFilterProxyModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    return m_source ? m_source->headerData(section, orientation, role) : QVariant();
}

QModelIndex SessionSortFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= int(m_proxyToSource.size()))
        return {};
    return m_source->index(m_proxyToSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex SessionSortFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source.data() || m_inDelta
        || sourceIndex.row() >= int(m_sourceToProxy.size()))
        return {};
    const int row = m_sourceToProxy[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

const SessionRow &SessionSortFilterProxyModel::sessionRow(int proxyRow) const
{
    const auto *sessions = qobject_cast<const SessionTableModel *>(m_source.data());
    Q_ASSERT(sessions);
    return sessions->row(sourceRow(proxyRow));
}

bool SessionSortFilterProxyModel::accepts(int sourceRow) const
{
    if (!m_withheld.empty()
        && std::binary_search(m_withheld.cbegin(), m_withheld.cend(), sourceRow))
        return false;
    if (m_group && m_source->rowGroup(sourceRow) != m_group)
        return false;
    return (m_filterText.isEmpty() && !m_source->restrictsRows())
        || m_source->filterAccepts(sourceRow, m_foldedFilter);
}

int SessionSortFilterProxyModel::compareSources(const PackedSortKey &leftKey, int sourceLeft,
    const PackedSortKey &rightKey, int sourceRight) const
{
    int c = PackedSortKey::compareStable(
        leftKey, [&] { return m_source->sortText(sourceLeft, m_sortColumn); }, rightKey,
        [&] { return m_source->sortText(sourceRight, m_sortColumn); });
    if (c == 0) // the same row key twice: only rows not from a poller
        c = sourceLeft < sourceRight ? -1 : (sourceLeft > sourceRight ? 1 : 0);
    return m_sortOrder == Qt::AscendingOrder ? c : -c;
}

bool SessionSortFilterProxyModel::lessThan(int sourceLeft, int sourceRight) const
{
    if (m_sortColumn < 0)
        return sourceLeft < sourceRight;
    return compareSources(
               m_keys[size_t(sourceLeft)], sourceLeft, m_keys[size_t(sourceRight)], sourceRight)
        < 0;
}

// Sorts a copy of the keys next to their rows rather than the row numbers: comparisons then
// read memory in order instead of jumping through the key table, several times faster for
// 100k rows.
void SessionSortFilterProxyModel::sortSourceRows(std::vector<int> &sourceRows) const
{
    if (m_sortColumn < 0) {
        std::sort(sourceRows.begin(), sourceRows.end());
        return;
    }
    struct Entry
    {
        PackedSortKey key;
        int source;
    };
    std::vector<Entry> entries;
    entries.reserve(sourceRows.size());
    for (const int source : sourceRows)
        entries.push_back({m_keys[size_t(source)], source});
    std::sort(entries.begin(), entries.end(), [this](const Entry &left, const Entry &right) {
        return compareSources(left.key, left.source, right.key, right.source) < 0;
    });
    for (size_t i = 0; i < entries.size(); ++i)
        sourceRows[i] = entries[i].source;
}

// Rows whose sort value did not change are still in order; only the others need sorting.
// Each is then placed by binary search, so a refresh compares O(changed · log rows) times
// instead of once per row, and the rows between are copied in blocks.
void SessionSortFilterProxyModel::mergeSorted(
    const std::vector<int> &kept, std::vector<int> movers, std::vector<int> &merged) const
{
    sortSourceRows(movers);
    merged.clear();
    reserveRows(merged, kept.size() + movers.size());
    auto from = kept.begin();
    for (const int mover : movers) {
        const auto at = std::upper_bound(
            from, kept.end(), mover, [this](int left, int right) { return lessThan(left, right); });
        merged.insert(merged.end(), from, at);
        merged.push_back(mover);
        from = at;
    }
    merged.insert(merged.end(), from, kept.end());
}

void SessionSortFilterProxyModel::rebuildSourceToProxy()
{
    m_sourceToProxy.assign(size_t(m_source ? m_source->rowCount() : 0), -1);
    for (size_t r = 0; r < m_proxyToSource.size(); ++r)
        m_sourceToProxy[size_t(m_proxyToSource[r])] = int(r);
}

void SessionSortFilterProxyModel::rebuildKeys()
{
    m_keys.clear();
    if (!m_source || m_sortColumn < 0)
        return;
    const int rows = m_source->rowCount();
    m_keys.reserve(size_t(rows));
    for (int s = 0; s < rows; ++s)
        m_keys.push_back(m_source->sortKey(s, m_sortColumn));
}

void SessionSortFilterProxyModel::rebuild()
{
    m_proxyToSource.clear();
    rebuildKeys();
    if (!m_source) {
        m_sourceToProxy.clear();
        return;
    }
    const int rows = m_source->rowCount();
    m_proxyToSource.reserve(size_t(rows));
    for (int s = 0; s < rows; ++s) {
        if (accepts(s))
            m_proxyToSource.push_back(s);
    }
    sortSourceRows(m_proxyToSource);
    rebuildSourceToProxy();
}

// Puts the rows shown into @p order (the same rows), as one layout change that moves the
// persistent indexes (selection, current index) with their rows.
void SessionSortFilterProxyModel::reorder(const std::vector<int> &order, LayoutChangeHint hint)
{
    Q_ASSERT(order.size() == m_proxyToSource.size());
    if (order == m_proxyToSource)
        return;
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> fromSource(size_t(from.size()));
    for (qsizetype i = 0; i < from.size(); ++i)
        fromSource[size_t(i)] = m_proxyToSource[size_t(from[i].row())];
    m_proxyToSource = order;
    for (size_t r = 0; r < order.size(); ++r)
        m_sourceToProxy[size_t(order[r])] = int(r);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(createIndex(m_sourceToProxy[size_t(fromSource[size_t(i)])], from[i].column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
}

// Moves the rows with @p leaves set behind the others, then removes them in one range.
void SessionSortFilterProxyModel::removeRowsWhere(const std::vector<char> &leaves)
{
    std::vector<int> gone;
    m_order.clear();
    reserveRows(m_order, m_proxyToSource.size());
    for (size_t r = 0; r < m_proxyToSource.size(); ++r)
        (leaves[r] ? gone : m_order).push_back(m_proxyToSource[r]);
    if (gone.empty())
        return;
    const int first = int(m_order.size());
    m_order.insert(m_order.end(), gone.begin(), gone.end());
    reorder(m_order, NoLayoutChangeHint);
    beginRemoveRows({}, first, int(m_proxyToSource.size()) - 1);
    for (const int source : gone)
        m_sourceToProxy[size_t(source)] = -1;
    m_proxyToSource.resize(size_t(first));
    endRemoveRows();
}

// Shows the rows @p entering (not shown now) in their sorted places.
void SessionSortFilterProxyModel::insertSorted(const std::vector<int> &entering)
{
    if (entering.empty())
        return;
    mergeSorted(m_proxyToSource, entering, m_target);
    insertRows(entering, m_target);
}

// Adds the rows @p entering so that the rows shown become @p target, which holds the rows
// shown now in their current order plus @p entering.
void SessionSortFilterProxyModel::insertRows(
    const std::vector<int> &entering, const std::vector<int> &target)
{
    if (entering.empty())
        return;
    Q_ASSERT(target.size() == m_proxyToSource.size() + entering.size());
    const size_t first = m_proxyToSource.size();
    // New sessions of an unsorted view, or sorted after every row shown: one insertion.
    const bool atEnd = std::equal(m_proxyToSource.begin(), m_proxyToSource.end(), target.begin());
    beginInsertRows({}, int(first), int(target.size()) - 1);
    reserveRows(m_proxyToSource, target.size());
    if (atEnd)
        m_proxyToSource.assign(target.begin(), target.end());
    else
        m_proxyToSource.insert(m_proxyToSource.end(), entering.begin(), entering.end());
    for (size_t r = first; r < m_proxyToSource.size(); ++r)
        m_sourceToProxy[size_t(m_proxyToSource[r])] = int(r);
    endInsertRows();
    if (!atEnd)
        reorder(target, NoLayoutChangeHint);
}

void SessionSortFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || !m_source || column >= m_columnCount)
        column = -1;
    m_sortColumn = column;
    m_sortOrder = order;
    rebuildKeys();
    if (!m_source)
        return;
    m_order = m_proxyToSource;
    sortSourceRows(m_order);
    reorder(m_order, VerticalSortHint);
}

void SessionSortFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    m_foldedFilter = SearchText::fold(trimmed);
    if (m_source)
        m_source->filterChanged(m_foldedFilter);
    refilter();
    Q_EMIT filterTextChanged(m_filterText);
}

void SessionSortFilterProxyModel::setGroupFilter(const QObject *group)
{
    if (group == m_group)
        return;
    m_group = group;
    refilter();
}

void SessionSortFilterProxyModel::refilter()
{
    if (m_source) {
        std::vector<char> leaves(m_proxyToSource.size());
        for (size_t r = 0; r < m_proxyToSource.size(); ++r)
            leaves[r] = !accepts(m_proxyToSource[r]);
        removeRowsWhere(leaves);
        std::vector<int> entering;
        for (size_t s = 0; s < m_sourceToProxy.size(); ++s) {
            if (m_sourceToProxy[s] < 0 && accepts(int(s)))
                entering.push_back(int(s));
        }
        insertSorted(entering);
    }
}

void SessionSortFilterProxyModel::withholdSourceRows(const QList<int> &sourceRows)
{
    if (!m_source || m_inDelta || m_resetting)
        return;
    for (int s : sourceRows) {
        if (s >= 0 && size_t(s) < m_sourceToProxy.size())
            m_withheld.push_back(s);
    }
    std::sort(m_withheld.begin(), m_withheld.end());
    m_withheld.erase(std::unique(m_withheld.begin(), m_withheld.end()), m_withheld.end());
    std::vector<char> leaves(m_proxyToSource.size());
    for (size_t r = 0; r < m_proxyToSource.size(); ++r)
        leaves[r] = std::binary_search(m_withheld.cbegin(), m_withheld.cend(), m_proxyToSource[r]);
    removeRowsWhere(leaves);
}

// Before the source changes: the rows that leave go now, while the source still has them.
void SessionSortFilterProxyModel::sourceDeltaAboutToBeApplied(
    const DeltaRanges &delta, int rowCount)
{
    const size_t oldCount = m_sourceToProxy.size();
    // The refresh answers whether withheld rows are gone: those still there come back.
    m_returning = std::exchange(m_withheld, {});
    m_oldToNew.assign(oldCount, -1);
    size_t old = 0;
    int shift = 0;
    // Rows after one server's new rows (other servers' blocks) move down by them.
    const int inserted = delta.insertCount > 0 ? delta.insertCount : 0;
    const auto renumber = [&](size_t row) {
        const int n = int(row) - shift;
        return n >= delta.insertFirst ? n + inserted : n;
    };
    for (const RowRange &range : delta.removed) {
        for (; old < size_t(range.first) && old < oldCount; ++old)
            m_oldToNew[old] = renumber(old);
        old = std::max(old, size_t(range.last) + 1);
        shift += range.count();
    }
    for (; old < oldCount; ++old)
        m_oldToNew[old] = renumber(old);
    Q_UNUSED(rowCount);

    // Only the filter asks which columns changed before the source has the new values.
    const bool filtered = !m_filterText.isEmpty();
    const quint32 filterColumns = m_source->filterColumns();
    if (filtered) {
        m_changedColumns.assign(size_t(delta.insertFirst), 0);
        for (const ChangedRowRange &range : delta.changed) {
            const quint32 columns = m_source->columnsOf(range.changes);
            for (int n = range.first; n <= range.last && n < delta.insertFirst; ++n)
                m_changedColumns[size_t(n)] |= columns;
        }
    }
    m_flags.assign(m_proxyToSource.size(), 0);
    for (size_t r = 0; r < m_proxyToSource.size(); ++r) {
        const int n = m_oldToNew[size_t(m_proxyToSource[r])];
        m_flags[r] = n < 0
            || (filtered && n < delta.insertFirst && (m_changedColumns[size_t(n)] & filterColumns)
                && !m_source->filterAcceptsIncoming(n, m_foldedFilter));
    }
    removeRowsWhere(m_flags);
    m_changedColumns = {};
    m_inDelta = true;
}

// After the source changed: renumber, move the rows whose sort value changed, add the new.
void SessionSortFilterProxyModel::sourceDeltaApplied(const DeltaRanges &delta, int rowCount)
{
    const size_t newCount = size_t(rowCount);
    const int insertEnd = delta.insertFirst + delta.insertedRows(rowCount);
    const auto isNew = [&](int n) { return n >= delta.insertFirst && n < insertEnd; };
    m_flags.assign(newCount, Hidden);
    for (int &source : m_proxyToSource) {
        source = m_oldToNew[size_t(source)];
        m_flags[size_t(source)] = Shown;
    }
    rebuildSourceToProxy();
    m_inDelta = false;

    // The columns of each changed range, asked once: several passes below read them.
    std::vector<quint32> rangeColumns(size_t(delta.changed.size()));
    for (qsizetype i = 0; i < delta.changed.size(); ++i)
        rangeColumns[size_t(i)] = m_source->columnsOf(delta.changed.at(i).changes);

    std::vector<int> movers; // shown rows whose sort value changed, then the new ones
    if (m_sortColumn >= 0) {
        const quint32 sortColumn = 1u << m_sortColumn;
        if (insertEnd < rowCount) {
            // Rows after the new ones move up: copy.
            std::vector<PackedSortKey> keys(newCount);
            for (size_t old = 0; old < m_oldToNew.size(); ++old) {
                if (m_oldToNew[old] >= 0)
                    keys[size_t(m_oldToNew[old])] = m_keys[old];
            }
            m_keys.swap(keys);
        } else {
            // Renumbering only ever moves a key down: compact in place.
            for (size_t old = 0; old < m_oldToNew.size(); ++old) {
                if (m_oldToNew[old] >= 0)
                    m_keys[size_t(m_oldToNew[old])] = m_keys[old];
            }
            reserveRows(m_keys, newCount);
            m_keys.resize(newCount);
        }
        for (qsizetype i = 0; i < delta.changed.size(); ++i) {
            if (!(rangeColumns[size_t(i)] & sortColumn))
                continue;
            const ChangedRowRange &range = delta.changed.at(i);
            for (int n = range.first; n <= range.last && n < delta.insertFirst; ++n) {
                const PackedSortKey key = m_source->sortKey(n, m_sortColumn);
                if (key == m_keys[size_t(n)])
                    continue;
                m_keys[size_t(n)] = key;
                if (m_flags[size_t(n)] == Shown) {
                    m_flags[size_t(n)] = Moved;
                    movers.push_back(n);
                }
            }
        }
        for (int n = delta.insertFirst; n < insertEnd; ++n)
            m_keys[size_t(n)] = m_source->sortKey(n, m_sortColumn);
    }
    const size_t movedCount = movers.size();

    std::vector<int> entering;
    if (!m_filterText.isEmpty()) {
        const quint32 filterColumns = m_source->filterColumns();
        for (qsizetype i = 0; i < delta.changed.size(); ++i) {
            if (!(rangeColumns[size_t(i)] & filterColumns))
                continue;
            const ChangedRowRange &range = delta.changed.at(i);
            for (int n = range.first; n <= range.last && n < delta.insertFirst; ++n) {
                if (m_flags[size_t(n)] == Hidden && accepts(n))
                    entering.push_back(n);
            }
        }
    }
    for (const int old : std::exchange(m_returning, {})) {
        const int n = old < int(m_oldToNew.size()) ? m_oldToNew[size_t(old)] : -1;
        if (n >= 0 && !isNew(n) && m_flags[size_t(n)] == Hidden && accepts(n)
            && std::find(entering.cbegin(), entering.cend(), n) == entering.cend())
            entering.push_back(n);
    }
    for (int n = delta.insertFirst; n < insertEnd; ++n) {
        if (accepts(n))
            entering.push_back(n);
    }

    if (movedCount > 0) {
        // The rows shown, in the order they will have once the new ones are in.
        m_order.clear();
        reserveRows(m_order, m_proxyToSource.size());
        for (const int source : m_proxyToSource) {
            if (m_flags[size_t(source)] != Moved)
                m_order.push_back(source);
        }
        mergeSorted(m_order, std::move(movers), m_target);
        reorder(m_target, NoLayoutChangeHint);
    }
    insertSorted(entering);

    announceChangedCells(delta, rangeColumns);
}

// Announces the changed cells of rows the view already had, one dataChanged() per contiguous
// range of view rows, in view order.
void SessionSortFilterProxyModel::announceChangedCells(
    const DeltaRanges &delta, const std::vector<quint32> &rangeColumns)
{
    // A bit per row shown finds the contiguous ranges in one pass over rows / 64 words, where
    // sorting the cells cost O(cells log cells) (10k changed rows of 100k: 0.4 ms).
    const int shownRows = int(m_proxyToSource.size());
    std::vector<quint64> marked(size_t(shownRows + 63) / 64);
    // Calls @p cell(row, columns) for each changed row that was shown before the refresh.
    const auto forEachChangedRow = [&](auto &&cell) {
        for (qsizetype i = 0; i < delta.changed.size(); ++i) {
            const ChangedRowRange &range = delta.changed.at(i);
            for (int n = range.first; n <= range.last && n < delta.insertFirst; ++n) {
                const int row = m_flags[size_t(n)] != Hidden ? m_sourceToProxy[size_t(n)] : -1;
                if (row >= 0)
                    cell(row, rangeColumns[size_t(i)]);
            }
        }
    };
    quint32 allColumns = 0;
    int lastCell = -1;
    forEachChangedRow([&](int row, quint32 columns) {
        marked[size_t(row) / 64] |= quint64(1) << (row % 64);
        allColumns |= columns;
        lastCell = std::max(lastCell, row);
    });
    if (lastCell < 0)
        return;
    struct Span
    {
        int first;
        int last;
        quint32 columns;
    };
    std::vector<Span> spans;
    bool tooMany = false;
    for (int row = nextRow(marked, 0, true); row < shownRows;) {
        if (spans.size() == size_t(kMaxChangedRanges)) {
            tooMany = true;
            break;
        }
        const int end = nextRow(marked, row + 1, false);
        spans.push_back({row, end - 1, 0});
        row = nextRow(marked, end, true);
    }
    if (tooMany) {
        spans = {{spans.front().first, lastCell, allColumns}};
    } else if (spans.size() == 1) {
        spans.front().columns = allColumns;
    } else {
        forEachChangedRow([&](int row, quint32 columns) {
            const auto after = std::upper_bound(spans.begin(), spans.end(), row,
                [](int r, const Span &span) { return r < span.first; });
            std::prev(after)->columns |= columns;
        });
    }
    for (const Span &span : spans) {
        if (!span.columns)
            continue;
        const int firstColumn = std::countr_zero(span.columns);
        const int lastColumn = std::bit_width(span.columns) - 1;
        Q_EMIT dataChanged(
            index(span.first, firstColumn), index(span.last, lastColumn), m_source->valueRoles());
    }
}

// Outside refreshes the source changes data only for all rows at once (stale marking,
// language, icons), which never changes a sort value.
void SessionSortFilterProxyModel::sourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_inDelta || m_resetting || m_proxyToSource.empty() || !topLeft.isValid())
        return;
    int first = int(m_proxyToSource.size());
    int last = -1;
    if (topLeft.row() == 0 && bottomRight.row() == int(m_sourceToProxy.size()) - 1) {
        first = 0;
        last = int(m_proxyToSource.size()) - 1;
    } else {
        for (int s = topLeft.row(); s <= bottomRight.row() && s < int(m_sourceToProxy.size());
             ++s) {
            const int row = m_sourceToProxy[size_t(s)];
            if (row >= 0) {
                first = std::min(first, row);
                last = std::max(last, row);
            }
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(
            index(first, topLeft.column()), index(last, bottomRight.column()), roles);
}

void SessionSortFilterProxyModel::sourceStructureAboutToChange()
{
    if (m_inDelta || m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void SessionSortFilterProxyModel::sourceStructureChanged()
{
    if (m_inDelta || !m_resetting)
        return;
    // Other rows now: what was withheld is answered by them.
    m_withheld.clear();
    rebuild();
    m_resetting = false;
    endResetModel();
}
