// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionitemdelegate.h"

void SessionItemDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_emphasisRole >= 0 && index.data(m_emphasisRole).toBool())
        option->font.setBold(true);
    if (m_staleRole >= 0 && index.data(m_staleRole).toBool()) {
        // The disabled colours adapt to light and dark themes; rows stay selectable.
        const QPalette &p = option->palette;
        option->palette.setColor(QPalette::Text, p.color(QPalette::Disabled, QPalette::Text));
        option->palette.setColor(
            QPalette::HighlightedText, p.color(QPalette::Disabled, QPalette::HighlightedText));
        option->font.setItalic(true);
    }
}
