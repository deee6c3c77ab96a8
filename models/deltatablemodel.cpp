// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltatablemodel.h"

#include "rolenames.h"
#include "sessionerrortext.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QMetaEnum>
#include <QPalette>

#include <algorithm>
#include <bit>

namespace {

qint64 wallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DeltaTableModel::DeltaTableModel(int columnCount, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columnCount(columnCount)
    , m_clock(wallClock)
    , m_nowMs(wallClock())
{
}

DeltaTableModel::~DeltaTableModel() = default;

// The base class checks bounds through two virtual calls; a sort of 100k rows creates
// millions of indexes.
QModelIndex DeltaTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_count || column < 0 || column >= m_columnCount)
        return {};
    return createIndex(row, column);
}

int DeltaTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int DeltaTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant DeltaTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    QVariant value;
    if (sharedData(index.row(), index.column(), role, &value))
        return value;
    return cellData(index.row(), index.column(), role);
}

bool DeltaTableModel::sharedData(int row, int column, int role, QVariant *value) const
{
    switch (role) {
    case Qt::TextAlignmentRole:
        *value = alignmentOf(column);
        return true;
    case Qt::ForegroundRole:
        if (isRowStale(row))
            *value = QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return true;
    case StaleRole:
        *value = isRowStale(row);
        return true;
    default:
        return false;
    }
}

QHash<int, QByteArray> DeltaTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    RoleNames::add(names, QMetaEnum::fromType<TableRole>());
    // The most derived class's own roles.
    if (const int own = metaObject()->indexOfEnumerator("Role"); own >= 0)
        RoleNames::add(names, metaObject()->enumerator(own));
    return names;
}

QVariant DeltaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return columnTitle(section);
    case Qt::ToolTipRole:
        if (QString tip = columnToolTip(section); !tip.isEmpty())
            return tip;
        return {};
    case Qt::TextAlignmentRole:
        return alignmentOf(section);
    default:
        return {};
    }
}

QString DeltaTableModel::staleText(const sc::SessionError &error) const
{
    return tr("The last refresh failed, so this may be outdated: %1")
        .arg(SessionErrorText::message(error));
}

QString DeltaTableModel::columnToolTip(int) const
{
    return {};
}

Qt::Alignment DeltaTableModel::columnAlignment(int) const
{
    return {};
}

QVariant DeltaTableModel::alignmentOf(int column) const
{
    if (const Qt::Alignment alignment = columnAlignment(column); alignment.toInt() != 0)
        return QVariant::fromValue(alignment);
    return {};
}

int DeltaTableModel::physicalRow(int row) const
{
    if (!m_removing)
        return m_hiddenCount > 0 && row >= m_hiddenAt ? row + m_hiddenCount : row;
    // Ranges [m_removingFrom, end) are gone. Gap j sits in front of shown row
    // first_j - (removed before j), which grows strictly with j since ranges are not adjacent.
    const qsizetype from = m_removingFrom;
    const qsizetype end = m_removing->size();
    const qsizetype base = m_removedBefore.at(from);
    qsizetype lo = from;
    qsizetype hi = end; // first gap whose start lies after row
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        const qsizetype gapAt = m_removing->at(mid).first - (m_removedBefore.at(mid) - base);
        if (gapAt <= row)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == from)
        return row;
    return int(row + (m_removedBefore.at(lo) - base));
}

void DeltaTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(wallClock);
    m_nowMs = m_clock();
}

void DeltaTableModel::tick()
{
    m_nowMs = m_clock();
    Q_EMIT ticked();
}

void DeltaTableModel::filterChanged(const QString &filter)
{
    if (filter.isEmpty())
        m_foldedNames.clear();
}

void DeltaTableModel::clear()
{
    beginResetModel();
    dropRows();
    m_count = 0;
    m_generation = 0;
    endResetModel();
    setStale(false, std::nullopt);
}

// A QObject that is not a widget gets no LanguageChange of its own; the language manager
// says when the texts changed.
void DeltaTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, m_columnCount - 1);
    if (m_count > 0) {
        Q_EMIT dataChanged(
            index(0, 0), index(m_count - 1, m_columnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void DeltaTableModel::setStale(bool stale, const std::optional<sc::SessionError> &error)
{
    m_lastError = error;
    if (stale == m_stale)
        return;
    m_stale = stale;
    // One signal for all rows, and only for the roles that show staleness; it happens when
    // the server goes away or comes back, not on every poll.
    if (m_count > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, m_columnCount - 1),
            {Qt::ForegroundRole, Qt::ToolTipRole, StaleRole});
    }
    Q_EMIT staleChanged(m_stale);
}

bool DeltaTableModel::applyDelta(const DeltaRanges &delta, int rowCount)
{
    if (delta.replace) {
        beginResetModel();
        adoptIncomingRows();
        m_count = rowCount;
        m_generation = delta.generation;
        endResetModel();
        return true;
    }
    if (delta.baseGeneration != m_generation || m_count - delta.removedCount() != delta.insertFirst
        || (!delta.removed.isEmpty() && delta.removed.constLast().last >= m_count)) {
        // Applying a delta meant for other rows would show nonsense; ask for all rows instead
        // and keep showing ours meanwhile.
        Q_EMIT resyncRequested();
        return false;
    }
    applyCheckedDelta(delta, rowCount);
    return true;
}

void DeltaTableModel::applyCheckedDelta(const DeltaRanges &delta, int rowCount)
{
    Q_EMIT deltaAboutToBeApplied(delta, rowCount);
    applyRanges(delta, rowCount);
    Q_EMIT deltaApplied(delta, rowCount);
}

void DeltaTableModel::applyRanges(const DeltaRanges &delta, int rowCount)
{
    if (delta.removed.size() + delta.changed.size() > m_bulkThreshold) {
        applyAsLayoutChange(delta, rowCount);
        return;
    }
    if (!delta.removed.isEmpty()) {
        // Highest range first, so every range's numbers are still those of the old rows.
        const qsizetype n = delta.removed.size();
        m_removedBefore.resize(n + 1);
        m_removedBefore[0] = 0;
        for (qsizetype i = 0; i < n; ++i)
            m_removedBefore[i + 1] = m_removedBefore[i] + delta.removed.at(i).count();
        m_removing = &delta.removed;
        m_removingFrom = n;
        for (qsizetype i = n - 1; i >= 0; --i) {
            const RowRange &range = delta.removed.at(i);
            beginRemoveRows({}, range.first, range.last);
            m_removingFrom = i;
            m_count -= range.count();
            endRemoveRows();
        }
        m_removing = nullptr;
        m_removingFrom = -1;
        m_removedBefore.clear();
    }

    // The rows left are the delta's first insertFirst rows, some with new values: take the
    // delta's rows and announce the changed cells. New rows that other rows follow stay
    // hidden until they are announced.
    const int inserted = delta.insertedRows(rowCount);
    if (inserted > 0 && delta.insertFirst < m_count) {
        m_hiddenAt = delta.insertFirst;
        m_hiddenCount = inserted;
    }
    adoptIncomingRows();
    for (const ChangedRowRange &range : delta.changed) {
        const quint32 columns = columnsOf(range.changes);
        if (!columns)
            continue;
        const int firstColumn = std::countr_zero(columns);
        const int lastColumn = std::bit_width(columns) - 1;
        Q_EMIT dataChanged(
            index(range.first, firstColumn), index(range.last, lastColumn), valueRoles());
    }

    if (inserted > 0) {
        beginInsertRows({}, delta.insertFirst, delta.insertFirst + inserted - 1);
        m_count = rowCount;
        m_hiddenCount = 0;
        endInsertRows();
    }
    m_generation = delta.generation;
}

void DeltaTableModel::applyAsLayoutChange(const DeltaRanges &delta, int rowCount)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);

    // Where each old row went: removals shift later rows up; survivors keep their order.
    QList<int> removedBefore(delta.removed.size() + 1, 0);
    for (qsizetype i = 0; i < delta.removed.size(); ++i)
        removedBefore[i + 1] = removedBefore[i] + delta.removed.at(i).count();
    const QModelIndexList from = persistentIndexList();
    QList<int> newRows;
    newRows.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int oldRow = index.row();
        // First range that ends at or after oldRow; the ones before it lie wholly above.
        const auto it = std::lower_bound(delta.removed.cbegin(), delta.removed.cend(), oldRow,
            [](const RowRange &range, int row) { return range.last < row; });
        const bool removed = it != delta.removed.cend() && it->first <= oldRow;
        int newRow = oldRow - removedBefore[it - delta.removed.cbegin()];
        // Rows after a block's new rows (other servers' rows) move down by them.
        if (delta.insertCount > 0 && newRow >= delta.insertFirst)
            newRow += delta.insertCount;
        newRows.append(removed ? -1 : newRow);
    }

    adoptIncomingRows();
    m_count = rowCount;
    m_generation = delta.generation;

    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(newRows[i] < 0 ? QModelIndex() : index(newRows[i], from[i].column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}
