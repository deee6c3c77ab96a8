// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packedsortkey.h"
#include "sessionerror.h"
#include "tabledelta.h"

#include <QAbstractTableModel>
#include <QList>

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

    ~DeltaTableModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    /// Answers the roles every table answers alike: the alignment of columnAlignment(), the
    /// disabled text colour and staleRole() of stale rows. Every other role is cellData()'s.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

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

protected:
    DeltaTableModel(int columnCount, QObject *parent);

    /// Applies @p delta, whose rows (@p rowCount of them) adoptIncomingRows() takes. A delta
    /// whose base generation does not match ours is refused: then resyncRequested() asks for a
    /// full replacement, the rows stay, and this returns false.
    bool applyDelta(const DeltaRanges &delta, int rowCount);
    /// Marks the rows stale because of @p error, or fresh (nullopt).
    void setStale(bool stale, const std::optional<sc::SessionError> &error);
    /// Re-reads the clock without announcing it (a refresh repaints anyway).
    void readClock() { m_nowMs = m_clock(); }
    /// Index into the physical rows of shown row @p row: they differ only while removals are
    /// being announced.
    int physicalRow(int row) const;

    /// Makes the rows of the delta being applied the physical rows.
    virtual void adoptIncomingRows() = 0;
    /// Drops all physical rows.
    virtual void dropRows() = 0;
    /// The role by which cells report that they are stale, announced with the foreground and
    /// tool tip when rows turn stale or fresh.
    virtual int staleRole() const = 0;
    /// How the cells of @p column align: right for numbers; by default as the view likes.
    virtual Qt::Alignment columnAlignment(int column) const;
    /// data() of shown row @p row for every role data() does not answer itself.
    virtual QVariant cellData(int row, int column, int role) const = 0;
    /// What every table answers alike for @p role in @p column (alignment, the colour and role
    /// of stale rows) in @p value; false when the role is the cell's own.
    bool sharedData(int column, int role, QVariant *value) const;

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

    std::optional<sc::SessionError> m_lastError;
    bool m_stale = false;
    quint64 m_generation = 0;
    Clock m_clock;
    int m_bulkThreshold = 64;
    qint64 m_nowMs = 0;
};

/// The physical rows of a DeltaTableModel, of one row type.
/// The columns (bit c for column c) whose cells show one of the row fields in @p changes, where
/// @p fieldsOfColumn[c] holds the change flags of the fields column c shows. A change of
/// @p everyColumn (the information level: which fields a row has at all) touches every column.
template<std::size_t ColumnCount>
constexpr quint32 columnsShowing(
    quint32 changes, const quint32 (&fieldsOfColumn)[ColumnCount], quint32 everyColumn)
{
    static_assert(ColumnCount < 32, "one bit per column");
    if (changes & everyColumn)
        return (1u << ColumnCount) - 1;
    quint32 columns = 0;
    for (std::size_t column = 0; column < ColumnCount; ++column) {
        if (changes & fieldsOfColumn[column])
            columns |= 1u << column;
    }
    return columns;
}

template<typename Row>
class RowTableModel : public DeltaTableModel
{
public:
    /// The row at @p row (0 <= row < rowCount()).
    const Row &row(int row) const { return m_rows.at(physicalRow(row)); }

    PackedSortKey sortKey(int row, int column) const final
    {
        return sortKeyOf(this->row(row), column);
    }
    QStringView sortText(int row, int column) const final
    {
        return sortTextOf(this->row(row), column);
    }
    bool filterAccepts(int row, const QString &filter) const final
    {
        return accepts(this->row(row), filter);
    }
    bool filterAcceptsIncoming(int row, const QString &filter) const final
    {
        Q_ASSERT(m_incoming);
        return accepts(m_incoming->rows.at(row), filter);
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
        const int column = index.column();
        for (QModelRoleData &data : roleDataSpan) {
            QVariant value;
            if (!sharedData(column, data.role(), &value))
                value = cellDataOf(r, column, data.role());
            data.setData(std::move(value));
        }
    }

protected:
    RowTableModel(int columnCount, QObject *parent)
        : DeltaTableModel(columnCount, parent)
    {
    }

    virtual PackedSortKey sortKeyOf(const Row &row, int column) const = 0;
    virtual QStringView sortTextOf(const Row &row, int column) const = 0;
    virtual bool accepts(const Row &row, const QString &filter) const = 0;
    /// Qt::DisplayRole of @p row in @p column.
    virtual QVariant displayData(const Row &row, int column) const = 0;
    /// Qt::ToolTipRole of @p row in @p column; none by default.
    virtual QVariant toolTipData(const Row &, int) const { return {}; }
    /// The roles the model adds (decoration, sorting, raw values); none by default.
    virtual QVariant roleData(const Row &, int, int) const { return {}; }

    /// DeltaTableModel::applyDelta() for @p delta and its rows.
    bool applyTableDelta(const TableDelta<Row> &delta)
    {
        m_incoming = &delta;
        const bool applied = applyDelta(delta, int(delta.rows.size()));
        m_incoming = nullptr;
        return applied;
    }

private:
    QVariant cellData(int row, int column, int role) const final
    {
        return cellDataOf(this->row(row), column, role);
    }

    QVariant cellDataOf(const Row &r, int column, int role) const
    {
        switch (role) {
        case Qt::DisplayRole:
            return displayData(r, column);
        case Qt::ToolTipRole:
            return toolTipData(r, column);
        default:
            return roleData(r, column, role);
        }
    }

    // The delta's list is shared with the worker, not copied.
    void adoptIncomingRows() final { m_rows = m_incoming->rows; }
    void dropRows() final { m_rows.clear(); }

    QList<Row> m_rows;
    const TableDelta<Row> *m_incoming = nullptr;
};
