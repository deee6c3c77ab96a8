// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsortfilterproxymodel.h"

SessionSortFilterProxyModel::SessionSortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void SessionSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_sessions = qobject_cast<SessionTableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

const SessionRow &SessionSortFilterProxyModel::sessionRow(int proxyRow) const
{
    Q_ASSERT(m_sessions);
    return m_sessions->row(mapToSource(index(proxyRow, 0)).row());
}

void SessionSortFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    // Qt 6.4 has no beginFilterChange(); only rows depend on the text, not columns.
    invalidateRowsFilter();
    emit filterTextChanged(m_filterText);
}

bool SessionSortFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_sessions && left.model() == m_sessions.data()) {
        // Straight to the raw fields: no QVariant per comparison (a sort of 100k rows makes
        // millions of them). Equal values are ordered by the session key, so dynamic sorting
        // never swaps them on refresh.
        return m_sessions->compareRowsStable(
                   left.row(), right.row(), SessionTableModel::Column(left.column()))
            < 0;
    }
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    const QVariant a = left.sibling(left.row(), 0).data(SessionTableModel::KeyRole);
    const QVariant b = right.sibling(right.row(), 0).data(SessionTableModel::KeyRole);
    if (a.isValid() && b.isValid() && a != b)
        return a.toULongLong() < b.toULongLong();
    return left.row() < right.row();
}

bool SessionSortFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    if (m_sessions && !sourceParent.isValid()) {
        const SessionRow &row = m_sessions->row(sourceRow);
        return row.user.contains(m_filterText, Qt::CaseInsensitive)
            || row.client.contains(m_filterText, Qt::CaseInsensitive);
    }
    const QAbstractItemModel *model = sourceModel();
    for (int column : {int(SessionTableModel::User), int(SessionTableModel::Computer)}) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
