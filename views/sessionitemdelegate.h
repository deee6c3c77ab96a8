// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "celltextpainter.h"

#include <QPointer>
#include <QStyle>
#include <QStyledItemDelegate>

/// Paints the rows of a live table: rows whose emphasis role is true in bold (the console's
/// own session), and rows greyed out and in italics while their stale role is true (the last
/// poll failed; they are the last known state).
///
/// The roles are the model's: every table numbers its roles from Qt::UserRole, so a role of
/// one table means something else in another.
///
/// Looks exactly as QStyledItemDelegate would, but cheaper to repaint: the style draws each
/// cell's background, icon and focus, and CellTextPainter its text from laid-out texts it
/// keeps. Before trusting a style with that split, the delegate draws two sample cells both
/// ways and compares the pixels; a style that draws item text its own way (a style sheet, a
/// theme engine) keeps drawing whole cells.
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

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    friend class TestSessionItemDelegate;

    /// Paints @p option (initialised) with the text apart; false when that cannot look the
    /// same as the style's own drawing, and nothing was painted.
    bool paintSplit(QPainter *painter, const QStyleOptionViewItem &option, QStyle *style) const;
    /// The style's SE_ItemViewItemText for @p bare (an option without text), from the areas
    /// kept when the style was seen to lay items out the same wherever they are.
    QRect textArea(const QStyleOptionViewItem &bare, QStyle *style) const;
    /// Unselected, without icon, check box or background: the style may draw nothing.
    static bool isBlank(const QStyleOptionViewItem &option);
    /// Whether @p style draws sample cells like @p option the same whole and split.
    bool styleAllowsSplit(QStyle *style, const QStyleOptionViewItem &option) const;

    int m_emphasisRole = -1;
    int m_staleRole = -1;
    CellTextPainter m_text;
    mutable QPointer<QStyle> m_checkedStyle;
    mutable bool m_splitAllowed = false;
    // The state in which the style was seen to draw nothing for a blank cell (isBlank());
    // all flags set when not seen.
    mutable QStyle::State m_blankState = QStyle::State(~0);

    // A text area depends on the item's size and options, not on where it is (when
    // m_textAreasMove): a view has a few per column, one subElementRect() each.
    struct TextArea
    {
        QSize size;
        QStyleOptionViewItem::ViewItemFeatures features;
        QStyle::State state;
        QSize decorationSize;
        QStyleOptionViewItem::Position decorationPosition;
        Qt::Alignment decorationAlignment;
        Qt::Alignment displayAlignment;
        Qt::LayoutDirection direction;
        QFont font;
        const QWidget *widget;
        QRect area; // from the item's top-left corner
        bool matches(const QStyleOptionViewItem &option) const;
    };
    mutable QList<TextArea> m_textAreas;
    mutable bool m_textAreasMove = false;
};
