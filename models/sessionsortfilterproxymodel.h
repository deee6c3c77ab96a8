// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiontablemodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

/// Sorts and filters a SessionTableModel for the view.
///
/// Sorting compares raw values per column (numbers as numbers, durations as durations) via
/// SessionTableModel::compareRows() and breaks ties on the session key, so rows with equal
/// values keep a fixed order and never jump on refresh. Dynamic sorting is on: a refresh only
/// moves rows whose sort value changed.
///
/// The text filter matches user and computer names, case-insensitively, as a substring.
class SessionSortFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SessionSortFilterProxyModel(QObject *parent = nullptr);

    /// Expects a SessionTableModel; any other model is sorted by its SortRole as QVariant.
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QString filterText() const { return m_filterText; }

    /// The SessionRow behind a row of this proxy (maps to the source).
    const SessionRow &sessionRow(int proxyRow) const;

public Q_SLOTS:
    /// Shows only sessions whose user or computer contains @p text (case-insensitive);
    /// empty shows all.
    void setFilterText(const QString &text);

Q_SIGNALS:
    void filterTextChanged(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QPointer<SessionTableModel> m_sessions;
    QString m_filterText;
};
