// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionitemdelegate.h"

#include "sessiontablemodel.h"

void SessionItemDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(SessionTableModel::OwnSessionRole).toBool())
        option->font.setBold(true);
    if (index.data(SessionTableModel::StaleRole).toBool()) {
        // The disabled colours adapt to light and dark themes; rows stay selectable.
        const QPalette &p = option->palette;
        option->palette.setColor(QPalette::Text, p.color(QPalette::Disabled, QPalette::Text));
        option->palette.setColor(
            QPalette::HighlightedText, p.color(QPalette::Disabled, QPalette::HighlightedText));
        option->font.setItalic(true);
    }
}
