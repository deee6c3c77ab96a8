// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionitemdelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStyle>

namespace {
// No cell has every state flag at once.
constexpr QStyle::State kNoState = QStyle::State(~0);
// A few per column (plain, selected, bold, stale); more means columns resized on the fly.
constexpr int kTextAreas = 64;
} // namespace

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

void SessionItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // As QStyledItemDelegate::paint(), with the text drawn apart where that looks the same.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // The focus frame is drawn over the text: leave the one focused cell to the style.
    if (!(opt.state & QStyle::State_HasFocus) && CellTextPainter::canDraw(opt)
        && styleAllowsSplit(style, opt) && paintSplit(painter, opt, style))
        return;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

bool SessionItemDelegate::paintSplit(
    QPainter *painter, const QStyleOptionViewItem &option, QStyle *style) const
{
    // Without a text (and without the feature, or it would lay out an empty one) the style
    // lays a cell out without measuring any text; with showDecorationSelected (canDraw())
    // the text area is the same.
    QStyleOptionViewItem bare = option;
    bare.text.clear();
    bare.features &= ~QStyleOptionViewItem::HasDisplay;
    const QRect textRect = textArea(bare, style);
    const CellTextPainter::PreparedText *prepared = m_text.prepare(option, textRect, style);
    if (!prepared)
        return false;
    // An unselected cell without icon or background, in a state the style was seen to draw
    // nothing for, needs no call.
    if (!isBlank(bare) || bare.state != m_blankState)
        style->drawControl(QStyle::CE_ItemViewItem, &bare, painter, option.widget);
    CellTextPainter::draw(painter, option, textRect, *prepared);
    return true;
}

QRect SessionItemDelegate::textArea(const QStyleOptionViewItem &bare, QStyle *style) const
{
    if (!m_textAreasMove)
        return style->subElementRect(QStyle::SE_ItemViewItemText, &bare, bare.widget);
    const QPoint origin = bare.rect.topLeft();
    for (const TextArea &kept : std::as_const(m_textAreas)) {
        if (kept.matches(bare))
            return kept.area.translated(origin);
    }
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &bare, bare.widget);
    if (m_textAreas.size() >= kTextAreas)
        m_textAreas.clear();
    m_textAreas.append({bare.rect.size(), bare.features, bare.state, bare.decorationSize,
        bare.decorationPosition, bare.decorationAlignment, bare.displayAlignment, bare.direction,
        bare.font, bare.widget, area.translated(-origin)});
    return area;
}

bool SessionItemDelegate::TextArea::matches(const QStyleOptionViewItem &option) const
{
    return size == option.rect.size() && features == option.features && state == option.state
        && decorationSize == option.decorationSize
        && decorationPosition == option.decorationPosition
        && decorationAlignment == option.decorationAlignment
        && displayAlignment == option.displayAlignment && direction == option.direction
        && widget == option.widget && font == option.font;
}

bool SessionItemDelegate::styleAllowsSplit(QStyle *style, const QStyleOptionViewItem &option) const
{
    if (m_checkedStyle == style)
        return m_splitAllowed;
    m_checkedStyle = style;
    m_splitAllowed = false;
    m_blankState = kNoState;
    m_textAreas.clear();
    m_textAreasMove = false;
    // One plain cell with a text that must be elided, one selected and right-aligned; in this
    // cell's font and palette, on an opaque background as in a view.
    QStyleOptionViewItem samples[2] = {option, option};
    samples[0].rect = QRect(0, 0, 90, qMax(option.rect.height(), 20));
    samples[0].text = QStringLiteral("Wolfgang Müller-Lüdenscheidt (ÉÅ ø ß) 1234:05:06");
    samples[0].displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    samples[0].state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    samples[1].rect = QRect(0, 0, 160, samples[0].rect.height());
    samples[1].text = QStringLiteral("12:34:56");
    samples[1].displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    samples[1].state = (samples[1].state | QStyle::State_Selected) & ~QStyle::State_HasFocus;
    // Does the text area move with the item, as in QCommonStyle? Then it can be kept.
    {
        QStyleOptionViewItem moved = samples[0];
        moved.text.clear();
        moved.features &= ~QStyleOptionViewItem::HasDisplay;
        const QRect here = style->subElementRect(QStyle::SE_ItemViewItemText, &moved, moved.widget);
        moved.rect.translate(37, 301);
        m_textAreasMove = style->subElementRect(QStyle::SE_ItemViewItemText, &moved, moved.widget)
            == here.translated(37, 301);
    }
    bool same = true;
    for (QStyleOptionViewItem &sample : samples) {
        if (!same || !CellTextPainter::canDraw(sample)) {
            same = false;
            break;
        }
        QImage whole(sample.rect.size(), QImage::Format_ARGB32_Premultiplied);
        whole.fill(sample.palette.color(QPalette::Base));
        QImage split = whole;
        {
            QPainter p(&whole);
            style->drawControl(QStyle::CE_ItemViewItem, &sample, &p, sample.widget);
        }
        {
            QPainter p(&split);
            same = paintSplit(&p, sample, style);
        }
        same = same && whole == split;
    }
    // The samples' texts are not the view's.
    m_text.clear();
    m_splitAllowed = same;
    if (same) {
        // A cell like the first sample without text: does the style paint anything at all?
        QStyleOptionViewItem blank = samples[0];
        blank.text.clear();
        blank.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
        blank.icon = QIcon();
        blank.backgroundBrush = Qt::NoBrush;
        blank.state &= ~QStyle::State_MouseOver;
        QImage before(blank.rect.size(), QImage::Format_ARGB32_Premultiplied);
        before.fill(blank.palette.color(QPalette::Base));
        QImage after = before;
        {
            QPainter p(&after);
            style->drawControl(QStyle::CE_ItemViewItem, &blank, &p, blank.widget);
        }
        if (isBlank(blank) && after == before)
            m_blankState = blank.state;
    }
    return same;
}

bool SessionItemDelegate::isBlank(const QStyleOptionViewItem &option)
{
    return !(option.state & (QStyle::State_Selected | QStyle::State_MouseOver))
        && !(option.features
            & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator))
        && option.icon.isNull() && option.backgroundBrush.style() == Qt::NoBrush;
}
