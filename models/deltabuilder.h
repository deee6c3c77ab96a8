// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tabledelta.h"

#include <utility>

/// Builds a TableDelta<Row> from the outcome of a keyed diff, for any row type.
///
/// The diff decides which previous rows survive (and which of their fields changed) and which
/// rows are new; the builder turns that into the ranges a model applies: removals and changes
/// merged into contiguous ranges, surviving rows in their old order, new rows appended. Call
/// removed() and kept() for the previous rows in ascending order, then added() for the new
/// ones; finish() hands out the delta.
///
/// A full replacement (a new server, a model that lost step) is started with replacement()
/// and takes only added().
template<typename Row>
class DeltaBuilder
{
public:
    /// A delta from generation @p baseGeneration to @p generation, expecting about
    /// @p rowCount rows after it.
    DeltaBuilder(quint64 baseGeneration, quint64 generation, qsizetype rowCount)
    {
        m_delta.baseGeneration = baseGeneration;
        m_delta.generation = generation;
        m_delta.rows.reserve(rowCount);
    }

    static DeltaBuilder replacement(quint64 baseGeneration, quint64 generation, qsizetype rowCount)
    {
        DeltaBuilder builder(baseGeneration, generation, rowCount);
        builder.m_delta.replace = true;
        return builder;
    }

    /// Previous row @p oldRow is gone.
    void removed(int oldRow)
    {
        Q_ASSERT(!m_adding);
        if (m_inRemoval && m_removing.last == oldRow - 1) {
            m_removing.last = oldRow;
            return;
        }
        if (m_inRemoval)
            m_delta.removed.append(m_removing);
        m_removing = {oldRow, oldRow};
        m_inRemoval = true;
    }

    /// The next previous row survives as @p row, with the fields @p changes changed (0: none).
    void kept(Row row, quint32 changes)
    {
        Q_ASSERT(!m_adding);
        const int at = int(m_delta.rows.size());
        if (changes) {
            if (m_inChange && m_changing.last == at - 1) {
                m_changing.last = at;
                m_changing.changes |= changes;
            } else {
                if (m_inChange)
                    m_delta.changed.append(m_changing);
                m_changing = {at, at, changes};
                m_inChange = true;
            }
        }
        m_delta.rows.append(std::move(row));
    }

    /// @p row is new; it goes after every surviving row.
    void added(Row row)
    {
        if (!m_adding)
            startAdding();
        m_delta.rows.append(std::move(row));
    }

    /// Rows so far, in the model's order.
    qsizetype size() const { return m_delta.rows.size(); }

    TableDelta<Row> finish()
    {
        if (!m_adding)
            startAdding();
        return std::move(m_delta);
    }

private:
    void startAdding()
    {
        m_adding = true;
        if (m_inRemoval)
            m_delta.removed.append(m_removing);
        if (m_inChange)
            m_delta.changed.append(m_changing);
        m_inRemoval = m_inChange = false;
        m_delta.insertFirst = int(m_delta.rows.size());
    }

    TableDelta<Row> m_delta;
    RowRange m_removing;
    ChangedRowRange m_changing;
    bool m_inRemoval = false;
    bool m_inChange = false;
    bool m_adding = false;
};
