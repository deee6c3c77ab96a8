// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "foldednamecache.h"
#include "packedsortkey.h"
#include "serverconnection.h"
#include "sessionerror.h"
#include "tabledelta.h"

#include <QAbstractTableModel>
#include <QList>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>

/// A table of live rows of one server, refreshed by TableDelta values, for any row type: the
/// part of SessionTableModel that a second table (open files) shares. Holds the row count and
/// the physical rows (through RowTableModel<Row>), applies deltas, falls back to one layout
/// change for big refreshes, marks rows stale when a poll fails, and ticks the clock that
/// durations are shown against.
///
/// A refresh never resets the model: removed rows leave with rowsRemoved (one signal per
/// contiguous range), new ones are appended with one rowsInserted, and changed cells get one
/// dataChanged per contiguous row range, so selection, current index, scroll position and the
/// proxy's sort survive. Only a replacement (TableDelta::replace) or clear() resets.
///
/// A refresh that would need more than bulkThreshold() removal and change signals (thousands
/// of rows changing at once) is announced instead as one layoutAboutToBeChanged() /
/// layoutChanged() pair, with persistent indexes moved to the new rows (or invalidated for
/// removed ones): every structural signal costs each listener O(persistent indexes) or more.
/// Selection and current index survive either way. Listeners that watch single rows (a
/// details dialog) must therefore also re-read their row on layoutChanged.
/// deltaAboutToBeApplied() and deltaApplied() bracket each refresh, so that
/// SessionSortFilterProxyModel sorts once per refresh rather than once per signal.
///
/// Durations are kept as instants and shown relative to now(); call tick() (e.g. from a 1 s
/// timer) and repaint the view to advance them: the model does not emit dataChanged for the
/// passing of time.
///
/// The pure virtual functions are the extension points a subclass fills: the proxy sorts by
/// sortKey() (and sortText() when packed keys tie), filters with filterAccepts() and
/// filterColumns(), and the model maps the row type's change flags to columns with
/// columnsOf(). data() answers what every table answers alike (alignment, the colour and role
/// of stale rows); a subclass adds its cells through columnAlignment() and RowTableModel's
/// displayData(), toolTipData() and roleData().
///
/// GUI thread only.
class DeltaTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Milliseconds since the epoch, UTC.
    using Clock = std::function<qint64()>;

    /// The roles every table answers; a subclass numbers its own Role enum from
    /// FirstModelRole on. roleNames() names the keys of both enums.
    enum TableRole {
        /// The raw value @p column sorts by (the subclass says its type per column).
        SortRole = Qt::UserRole,
        StaleRole, ///< bool: the last poll failed, this row may be outdated
        ServerRole, ///< QString: the name of the row's server, as it was added
        RowRole, ///< the whole row (SessionRow, OpenFileRow)
    };
    Q_ENUM(TableRole)
    static constexpr int FirstModelRole = RowRole + 1;

    ~DeltaTableModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    /// Fixed when the model is made: columns a level does not fill stay, empty.
    int columnCount(const QModelIndex &parent = {}) const override;
    /// Answers the roles every table answers alike: the alignment of columnAlignment(), the
    /// disabled text colour and StaleRole of stale rows. Every other role is cellData()'s.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Qt's role names and one for each key of TableRole and of the subclass's Role enum
    /// (RoleNames::add()).
    QHash<int, QByteArray> roleNames() const override;
    /// The horizontal header: columnTitle(), columnToolTip() and the cells' alignment.
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The last poll failed: rows are kept but may be outdated; lastError() says why.
    bool isStale() const { return m_stale; }
    std::optional<sc::SessionError> lastError() const { return m_lastError; }
    /// Generation of the rows shown (TableDelta::generation).
    quint64 generation() const { return m_generation; }

    /// The instant durations are shown relative to; updated by tick() and by each refresh.
    qint64 now() const { return m_nowMs; }
    /// Replaces the wall clock (tests). Reads it at once.
    void setClock(Clock clock);

    /// Above this many removal plus change ranges a refresh is applied as one layout change
    /// (see the class description). Default 64.
    void setBulkThreshold(int ranges) { m_bulkThreshold = ranges; }
    int bulkThreshold() const { return m_bulkThreshold; }

    /// The packed sort key of @p row in @p column.
    virtual PackedSortKey sortKey(int row, int column) const = 0;
    /// The full text @p row sorts by in @p column, read only when packed keys tie (empty for
    /// columns that sort by number).
    virtual QStringView sortText(int row, int column) const = 0;
    /// Whether @p row matches the non-empty filter text @p filter, which comes folded
    /// (SearchText::fold()): compare it with text folded the same way, kept with the row.
    virtual bool filterAccepts(int row, const QString &filter) const = 0;
    /// filterAccepts() for row @p row of the delta being applied, which the model does not
    /// show yet: only between deltaAboutToBeApplied() and deltaApplied().
    virtual bool filterAcceptsIncoming(int row, const QString &filter) const = 0;
    /// The columns filterAccepts() reads: bit i for column i.
    virtual quint32 filterColumns() const = 0;
    /// The proxy's filter is now @p filter (folded; empty: none). The names folded for the
    /// filters before (nameContains()) are dropped once there is none.
    void filterChanged(const QString &filter);
    /// Whether the model itself narrows the rows shown (e.g. to one user's open files), so
    /// the proxy asks filterAccepts() even without filter text. The fields it narrows by must
    /// not change in place (a refresh removes and adds such rows instead).
    virtual bool restrictsRows() const { return false; }
    /// The columns that show the fields @p changes (the row type's change flags, as in
    /// ChangedRowRange::changes): bit i for column i.
    virtual quint32 columnsOf(quint32 changes) const = 0;
    /// The roles whose values follow from a row's fields: what a refresh announces in
    /// dataChanged().
    virtual const QList<int> &valueRoles() const = 0;
    /// What @p row belongs to when the table holds several sources' rows (the server of a
    /// session), so that a proxy can narrow to one; nullptr by default. It never changes while
    /// the row lives.
    virtual const QObject *rowGroup(int row) const
    {
        Q_UNUSED(row);
        return nullptr;
    }

public Q_SLOTS:
    /// Re-reads the clock; views repaint on ticked() (no dataChanged is emitted).
    void tick();
    /// Removes all rows (reset), e.g. when the connection is closed.
    void clear();
    /// Announces new texts of headers and cells: connect LanguageManager::languageChanged.
    void retranslate();

Q_SIGNALS:
    /// The model could not apply a delta; connect to the poller's requestReplace().
    void resyncRequested();
    /// A refresh is about to change rows with @p delta (to @p rowCount rows), then
    /// deltaApplied() follows; the structural signals in between describe the same change
    /// range by range. A proxy that reorders rows can ignore those and update itself once per
    /// refresh (O(rows)) instead of once per range. Not emitted for a replacement, which
    /// resets the model.
    void deltaAboutToBeApplied(const DeltaRanges &delta, int rowCount);
    /// The rows are those of @p delta now.
    void deltaApplied(const DeltaRanges &delta, int rowCount);
    void staleChanged(bool stale);
    /// tick() advanced now(): repaint the duration columns.
    void ticked();
    /// An answer was applied (also a failed one); @p generation is generation().
    void snapshotApplied(quint64 generation);
    /// ServerTableModel::columnAvailable() changed for some column (the level or the number
    /// of servers changed).
    void availableColumnsChanged();
    /// The block of @p server could not apply a delta: connect to the request for all of that
    /// server's rows (ServerConnection::requestReplace(), requestFilesReplace()).
    void serverResyncRequested(ServerConnection *server);

protected:
    DeltaTableModel(int columnCount, QObject *parent);

    /// Applies @p delta, whose rows (@p rowCount of them) adoptIncomingRows() takes. A delta
    /// whose base generation does not match ours is refused: then resyncRequested() asks for a
    /// full replacement, the rows stay, and this returns false.
    bool applyDelta(const DeltaRanges &delta, int rowCount);
    /// Applies @p delta to the whole table (now @p rowCount rows) without checking its base:
    /// for a table of several blocks whose owner checked the delta against the block it
    /// changes and put it in the table's row numbers (DeltaRanges::insertCount set).
    void applyCheckedDelta(const DeltaRanges &delta, int rowCount);
    /// Marks the rows stale because of @p error, or fresh (nullopt).
    void setStale(bool stale, const std::optional<sc::SessionError> &error);
    /// The generation the next delta must be based on (a table of several blocks switching
    /// back to one keeps that block's generation).
    void setGeneration(quint64 generation) { m_generation = generation; }
    /// Re-reads the clock without announcing it (a refresh repaints anyway).
    void readClock() { m_nowMs = m_clock(); }
    /// Index into the physical rows of shown row @p row: they differ only while removals are
    /// being announced.
    int physicalRow(int row) const;

    /// Makes the rows of the delta being applied the physical rows.
    virtual void adoptIncomingRows() = 0;
    /// Drops all physical rows.
    virtual void dropRows() = 0;
    /// The tooltip line of a row whose last refresh failed with @p error.
    QString staleText(const sc::SessionError &error) const;
    /// The translated title of @p column.
    virtual QString columnTitle(int column) const = 0;
    /// What the header of @p column explains when hovered; none by default.
    virtual QString columnToolTip(int column) const;
    /// How the cells of @p column align: right for numbers; by default as the view likes.
    virtual Qt::Alignment columnAlignment(int column) const;
    /// columnAlignment() of @p column as the value of Qt::TextAlignmentRole, for its cells and
    /// its header alike; none where the view's default applies.
    QVariant alignmentOf(int column) const;
    /// data() of shown row @p row for every role data() does not answer itself.
    virtual QVariant cellData(int row, int column, int role) const = 0;
    /// Whether shown row @p row is stale: isStale() unless rows of several sources are held.
    virtual bool isRowStale(int row) const
    {
        Q_UNUSED(row);
        return m_stale;
    }
    /// Whether the name @p name (a user's, which recurs from row to row), folded, contains the
    /// folded @p filter: for filterAccepts(). A name beyond ASCII is folded once, not per row.
    bool nameContains(const QString &name, const QString &filter) const
    {
        return m_foldedNames.contains(name, filter);
    }
    /// What every table answers alike for @p role in @p column of @p row (alignment, the
    /// colour and role of stale rows) in @p value; false when the role is the cell's own.
    bool sharedData(int row, int column, int role, QVariant *value) const;

private:
    void applyRanges(const DeltaRanges &delta, int rowCount);
    void applyAsLayoutChange(const DeltaRanges &delta, int rowCount);

    // Rows shown are physical rows [0, m_count) except while removals are applied: then row r
    // is physicalRow(r), so each removal is O(log ranges) instead of moving the tail.
    int m_count = 0;
    const int m_columnCount;
    const QList<RowRange> *m_removing = nullptr;
    QList<qsizetype> m_removedBefore; // prefix sums of m_removing's lengths
    qsizetype m_removingFrom = -1; // ranges [m_removingFrom, end) of m_removing are gone
    // Rows adopted but not announced yet (a block's new rows with other rows after them):
    // shown rows from m_hiddenAt on are physical rows m_hiddenCount further on.
    int m_hiddenAt = 0;
    int m_hiddenCount = 0;

    std::optional<sc::SessionError> m_lastError;
    bool m_stale = false;
    quint64 m_generation = 0;
    Clock m_clock;
    int m_bulkThreshold = 64;
    qint64 m_nowMs = 0;
    // Names beyond ASCII, folded while a filter is set (filterAccepts() is const).
    mutable FoldedNameCache m_foldedNames;
};

/// The physical rows of a DeltaTableModel, of one row type.
template<typename Row>
class RowTableModel : public DeltaTableModel
{
public:
    /// The row at @p row (0 <= row < rowCount()).
    const Row &row(int row) const
    {
        const int p = physicalRow(row);
        if (m_blocks.size() == 1)
            return m_blocks.constFirst().at(p);
        const int block = blockOfPhysical(p);
        return m_blocks.at(block).at(p - m_starts.at(block));
    }

    /// The rows are kept in blocks, one per source (server), in block order; a table of one
    /// source has one block.
    int blockCount() const { return int(m_blocks.size()); }
    /// The block of shown row @p row (outside a refresh).
    int blockOfRow(int row) const
    {
        return m_blocks.size() == 1 ? 0 : blockOfPhysical(physicalRow(row));
    }
    /// The first row of @p block and its number of rows (outside a refresh).
    int blockStart(int block) const { return m_starts.at(block); }
    int blockRowCount(int block) const { return int(m_blocks.at(block).size()); }

    PackedSortKey sortKey(int row, int column) const final
    {
        if (m_blocks.size() == 1)
            return sortKeyOf(this->row(row), column);
        return blockSortKeyOf(this->row(row), blockOfRow(row), column);
    }
    QStringView sortText(int row, int column) const final
    {
        if (m_blocks.size() == 1)
            return sortTextOf(this->row(row), column);
        return blockSortTextOf(this->row(row), blockOfRow(row), column);
    }
    bool filterAccepts(int row, const QString &filter) const final
    {
        return accepts(this->row(row), filter) || acceptsBlock(blockOfRow(row), filter);
    }
    bool filterAcceptsIncoming(int row, const QString &filter) const final
    {
        Q_ASSERT(m_incoming);
        return accepts(m_incoming->rows.at(row - m_incomingStart), filter)
            || acceptsBlock(m_incomingBlock, filter);
    }

    /// One row look-up for all the roles a delegate asks of a cell, where data() would look
    /// the row up once per role.
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override
    {
        if (!checkIndex(
                index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
            for (QModelRoleData &data : roleDataSpan)
                data.clearData();
            return;
        }
        const Row &r = this->row(index.row());
        const int block = m_blocks.size() == 1 ? 0 : blockOfRow(index.row());
        const int column = index.column();
        for (QModelRoleData &data : roleDataSpan) {
            QVariant value;
            if (!sharedData(index.row(), column, data.role(), &value))
                value = blockCellData(r, block, column, data.role());
            data.setData(std::move(value));
        }
    }

protected:
    RowTableModel(int columnCount, QObject *parent)
        : DeltaTableModel(columnCount, parent)
        , m_blocks(1)
        , m_starts(1, 0)
    {
    }

    virtual PackedSortKey sortKeyOf(const Row &row, int column) const = 0;
    virtual QStringView sortTextOf(const Row &row, int column) const = 0;
    virtual bool accepts(const Row &row, const QString &filter) const = 0;
    /// sortKeyOf() and sortTextOf() of @p row of @p block, for columns that show what the
    /// block says (its server): by default those of the row alone.
    virtual PackedSortKey blockSortKeyOf(const Row &row, int block, int column) const
    {
        Q_UNUSED(block);
        return sortKeyOf(row, column);
    }
    virtual QStringView blockSortTextOf(const Row &row, int block, int column) const
    {
        Q_UNUSED(block);
        return sortTextOf(row, column);
    }
    /// Whether every row of @p block matches the folded filter @p filter (the server's name);
    /// no by default.
    virtual bool acceptsBlock(int block, const QString &filter) const
    {
        Q_UNUSED(block);
        Q_UNUSED(filter);
        return false;
    }
    /// Qt::DisplayRole of @p row in @p column.
    virtual QVariant displayData(const Row &row, int column) const = 0;
    /// The tooltip of @p row in @p column; empty for none (the default).
    virtual QString toolTipData(const Row &, int) const { return {}; }
    /// The roles the model adds (decoration, sorting, raw values); none by default.
    virtual QVariant roleData(const Row &, int, int) const { return {}; }
    /// Every role of @p row, of block @p block, in @p column: by default displayData(),
    /// toolTipData(), the row itself and roleData(); a table of several blocks adds what the
    /// block says.
    virtual QVariant blockCellData(const Row &r, int block, int column, int role) const
    {
        Q_UNUSED(block);
        switch (role) {
        case Qt::DisplayRole:
            return displayData(r, column);
        case Qt::ToolTipRole:
            return orNone(toolTipData(r, column));
        case RowRole:
            return QVariant::fromValue(r);
        default:
            return roleData(r, column, role);
        }
    }
    /// @p text, or no value when it is empty (a view shows no empty tooltip).
    static QVariant orNone(const QString &text) { return text.isEmpty() ? QVariant() : text; }

    /// DeltaTableModel::applyDelta() for @p delta and its rows (a table of one block).
    bool applyTableDelta(const TableDelta<Row> &delta)
    {
        Q_ASSERT(m_blocks.size() == 1);
        m_incoming = &delta;
        m_incomingBlock = 0;
        m_incomingStart = 0;
        const bool applied = applyDelta(delta, int(delta.rows.size()));
        m_incoming = nullptr;
        return applied;
    }

    /// Adds an empty block after the others (no signal: it has no rows).
    void appendBlock()
    {
        m_blocks.append(QList<Row>());
        m_starts.append(rowCount());
    }
    /// Removes @p block, which must have no rows left.
    void removeEmptyBlock(int block)
    {
        Q_ASSERT(m_blocks.at(block).isEmpty() && m_blocks.size() > 1);
        m_blocks.removeAt(block);
        m_starts.removeAt(block);
    }

    /// Applies @p delta, whose numbers count from the start of @p block, to that block only
    /// (its base must be @p baseGeneration and its row count @p blockRows, which the caller
    /// checks). Rows of other blocks only move down or up; the signals name the block's rows
    /// alone. With @c replace set, the block's rows are removed and the new ones inserted,
    /// so that the other blocks' rows, selection and sorting are not reset.
    void applyBlockDelta(int block, const TableDelta<Row> &delta)
    {
        const int start = m_starts.at(block);
        const int oldRows = int(m_blocks.at(block).size());
        DeltaRanges whole;
        whole.baseGeneration = generation();
        whole.generation = generation();
        if (delta.replace) {
            if (oldRows > 0)
                whole.removed.append({start, start + oldRows - 1});
            whole.insertFirst = start;
        } else {
            for (const RowRange &range : delta.removed)
                whole.removed.append({start + range.first, start + range.last});
            for (const ChangedRowRange &range : delta.changed)
                whole.changed.append({start + range.first, start + range.last, range.changes});
            whole.insertFirst = start + delta.insertFirst;
        }
        const int newRows = int(delta.rows.size());
        whole.insertCount = newRows - (whole.insertFirst - start);
        m_incoming = &delta;
        m_incomingBlock = block;
        m_incomingStart = start;
        applyCheckedDelta(whole, rowCount() - oldRows + newRows);
        m_incoming = nullptr;
    }

private:
    int blockOfPhysical(int physical) const
    {
        // The last block starting at or before the row: empty blocks share their start with
        // the next one, which holds the row.
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), physical);
        return int(it - m_starts.cbegin()) - 1;
    }

    QVariant cellData(int row, int column, int role) const final
    {
        return blockCellData(this->row(row), blockOfRow(row), column, role);
    }

    void updateStarts()
    {
        int start = 0;
        for (qsizetype b = 0; b < m_blocks.size(); ++b) {
            m_starts[b] = start;
            start += int(m_blocks.at(b).size());
        }
    }

    // The delta's list is shared with the worker, not copied.
    void adoptIncomingRows() final
    {
        m_blocks[m_incomingBlock] = m_incoming->rows;
        if (m_blocks.size() > 1)
            updateStarts();
    }
    void dropRows() final
    {
        for (QList<Row> &rows : m_blocks)
            rows.clear();
        updateStarts();
    }

    // Each block is the list of rows its source's worker diffs against (shared, not copied),
    // so memory per row is that of one server's table.
    QList<QList<Row>> m_blocks;
    QList<int> m_starts; // first physical row of each block
    const TableDelta<Row> *m_incoming = nullptr;
    int m_incomingBlock = 0;
    int m_incomingStart = 0;
};
