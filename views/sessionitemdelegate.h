// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

/// Paints the rows of a live table: rows whose emphasis role is true in bold (the console's
/// own session), and rows greyed out and in italics while their stale role is true (the last
/// poll failed; they are the last known state).
///
/// The roles are the model's: every table numbers its roles from Qt::UserRole, so a role of
/// one table means something else in another.
class SessionItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// -1 turns either off (the default).
    void setRowStateRoles(int emphasisRole, int staleRole)
    {
        m_emphasisRole = emphasisRole;
        m_staleRole = staleRole;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_emphasisRole = -1;
    int m_staleRole = -1;
};
