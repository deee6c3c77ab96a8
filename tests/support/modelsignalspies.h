// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QSignalSpy>

#include <utility>

class QAbstractItemModel;

/// Spies on each signal by which a model announces a change, so that a test states exactly
/// which ones it expects: an update in place is one dataChanged() and no structural signal.
struct ModelSignalSpies
{
    explicit ModelSignalSpies(const QAbstractItemModel *model);

    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy removed;
    QSignalSpy inserted;
    QSignalSpy changed;

    /// Forgets what was recorded, for the next step of a test.
    void clear();
    /// Resets, layout changes, removals and insertions: whatever moves rows.
    qsizetype structuralCount() const;
    /// The cells of the @p i-th dataChanged(): x are columns, y rows (see cells()).
    QRect changedCells(qsizetype i) const;
    /// The cells of every dataChanged(), in the order announced.
    QList<QRect> allChangedCells() const;

    /// The cells from (@p top, @p left) to (@p bottom, @p right), as changedCells() gives them.
    static QRect cells(int top, int left, int bottom, int right);
    /// The first and last row of a rowsInserted() or rowsRemoved() a spy recorded.
    static std::pair<int, int> rowsOf(const QList<QVariant> &signal);
};
