// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

/// Rows [first, last] (inclusive, like beginRemoveRows) of a model.
struct RowRange
{
    int first = 0;
    int last = -1;

    int count() const { return last - first + 1; }
    friend bool operator==(const RowRange &, const RowRange &) = default;
};

/// Rows [first, last] whose values changed, and which fields changed: the union of the row
/// type's change flags (e.g. SessionRow::Change) over the range. The model maps fields to
/// columns, so the side that computes deltas knows nothing of columns.
struct ChangedRowRange
{
    int first = 0;
    int last = -1;
    quint32 changes = 0;

    friend bool operator==(const ChangedRowRange &, const ChangedRowRange &) = default;
};

/// The row-type independent part of a TableDelta: what DeltaTableModel and a proxy need to
/// follow a refresh range by range.
struct DeltaRanges
{
    quint64 baseGeneration = 0; ///< generation the model must be at to apply this
    quint64 generation = 0; ///< generation after applying
    bool replace = false;
    QList<RowRange> removed;
    QList<ChangedRowRange> changed;
    int insertFirst = 0;
    /// How many rows are inserted at @c insertFirst; -1 (a table of one server): all rows from
    /// there to the end. A table of several servers' blocks inserts a block's new rows at the
    /// block's end, with other servers' rows after them (unchanged, only renumbered).
    int insertCount = -1;

    /// The rows inserted, for a table that has @p rowCount rows afterwards.
    int insertedRows(int rowCount) const
    {
        return insertCount < 0 ? rowCount - insertFirst : insertCount;
    }

    int removedCount() const
    {
        int n = 0;
        for (const auto &r : removed)
            n += r.count();
        return n;
    }
};

/// How a model goes from one poll's rows to the next, computed off the GUI thread so the GUI
/// thread only applies ranges. Built by DeltaBuilder, applied by DeltaTableModel.
///
/// Applying it, in this order, turns the model's rows of generation @c baseGeneration into
/// @c rows (generation @c generation):
///  1. remove @c removed, highest range first (ranges are in the old row numbers, ascending,
///     not overlapping, not adjacent);
///  2. the rows left now equal rows [0, insertFirst) of @c rows except for @c changed
///     (row numbers after the removal, ascending, each with the union of changed fields);
///  3. append rows [insertFirst, rows.size()) of @c rows.
/// With @c replace set, none of that applies: @c rows replace everything (a new server or
/// connection, or a model that lost step): the only case where the model resets.
template<typename Row>
struct TableDelta : DeltaRanges
{
    /// Every row after applying, in the model's order. Shared (not copied) with the side that
    /// computed it, which diffs the next poll against it.
    QList<Row> rows;

    int insertedCount() const { return int(rows.size()) - insertFirst; }
    /// Nothing to do (an unchanged poll).
    bool isEmpty() const
    {
        return !replace && removed.isEmpty() && changed.isEmpty() && insertedCount() == 0;
    }
};
