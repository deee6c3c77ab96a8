// SPDX-License-Identifier: GPL-3.0-or-later
#include "celltextpainter.h"

#include <QFontMetrics>
#include <QGlyphRun>
#include <QPainter>
#include <QRawFont>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTextLayout>
#include <QtMath>

namespace {

// About three screens of a wide table: scrolling back and forth stays cached, and the texts
// of cells that changed (durations tick every second) age out.
constexpr int kCachedTexts = 1200;
// More fonts than a view uses means someone changes fonts on the fly: start again.
constexpr int kFonts = 16;

/// Lays @p layout out as QCommonStyle's viewItemTextLayout() does (without its height limit,
/// which only matters for text of several lines).
void layOutLines(QTextLayout &layout, int lineWidth)
{
    qreal height = 0;
    layout.beginLayout();
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(lineWidth);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
}

/// The pixels glyphs with the boxes @p ink may touch: a glyph's box is the one of its
/// rendered image at a whole-pixel position, and the paint engine places that image at the
/// nearest whole pixel vertically and up to a pixel further right (sub-pixel positions).
QRect inkPixels(const QRectF &ink)
{
    // Covered: floor(left) up to ceil(right) - 1; one more on each side (bottomRight() is in).
    return QRect(QPoint(qFloor(ink.left()) - 1, qFloor(ink.top()) - 1),
        QPoint(qCeil(ink.right()), qCeil(ink.bottom())));
}

/// The glyphs of a laid-out text, as QTextLayout::draw() paints them for a text without
/// formats, without laying out its items again.
void drawRuns(QPainter *painter, const QPointF &at, const QList<QGlyphRun> &runs)
{
    for (const QGlyphRun &run : runs)
        painter->drawGlyphRun(at, run);
}

} // namespace

CellTextPainter::CellTextPainter()
    : m_layouts(kCachedTexts)
{
}

CellTextPainter::~CellTextPainter() = default;

bool CellTextPainter::canDraw(const QStyleOptionViewItem &option)
{
    if (option.text.isEmpty() || (option.features & QStyleOptionViewItem::WrapText)
        || (option.state & QStyle::State_Editing))
        return false;
    // Otherwise the style sizes the text area after the text.
    if (!option.showDecorationSelected
        || (option.decorationPosition != QStyleOptionViewItem::Left
            && option.decorationPosition != QStyleOptionViewItem::Right))
        return false;
    // Several lines (the delegate turns '\n' into line separators) and U+009C (alternatives
    // of a text, longest first) are elided differently.
    for (const QChar c : option.text) {
        if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator || c == QChar(0x9c))
            return false;
    }
    return true;
}

int CellTextPainter::fontIndex(const QFont &font) const
{
    for (int i = 0; i < m_fonts.size(); ++i) {
        if (m_fonts.at(i) == font)
            return i;
    }
    if (m_fonts.size() >= kFonts) {
        m_fonts.clear();
        m_layouts.clear();
    }
    m_fonts.append(font);
    return int(m_fonts.size() - 1);
}

const CellTextPainter::PreparedText *CellTextPainter::prepare(
    const QStyleOptionViewItem &option, const QRect &rect, const QStyle *style) const
{
    // What follows is QCommonStyle's viewItemDrawText() and calculateElidedText() for one
    // line, with the result kept.
    const int textMargin
        = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    const QRect textRect = rect.adjusted(textMargin, 0, -textMargin, 0);
    const int flags = int(option.displayAlignment) | (int(option.textElideMode) << 16)
        | (int(option.direction) << 20) | ((textMargin & 0xff) << 24);
    Key key {option.text, fontIndex(option.font), textRect.width(), textRect.height(), flags};
    if (const PreparedText *cached = m_layouts.object(key))
        return cached;

    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(option.direction);
    textOption.setAlignment(QStyle::visualAlignment(option.direction, option.displayAlignment));

    // The whole text decides where painting starts and whether it is elided.
    auto whole = std::make_unique<QTextLayout>(option.text, option.font);
    whole->setTextOption(textOption);
    // Keep the shaped glyphs: endLayout() drops them otherwise, and draw() would shape again.
    whole->setCacheEnabled(true);
    layOutLines(*whole, textRect.width());
    if (whole->lineCount() != 1)
        return nullptr;
    const QTextLine line = whole->lineAt(0);
    const QRect layoutRect = QStyle::alignedRect(Qt::LayoutDirectionAuto, option.displayAlignment,
        whole->boundingRect().size().toSize(), textRect);
    // The style would skip a line above the text area and start below it.
    if (line.height() + layoutRect.top() <= textRect.top())
        return nullptr;

    auto *prepared = new PreparedText;
    if (line.naturalTextWidth() > textRect.width()) {
        const QString elided = QFontMetrics(option.font)
                                   .elidedText(option.text, option.textElideMode, textRect.width());
        prepared->layout = std::make_unique<QTextLayout>(elided, option.font);
        prepared->layout->setTextOption(textOption);
        prepared->layout->setCacheEnabled(true);
        layOutLines(*prepared->layout, textRect.width());
    } else {
        // What the style draws is the same text laid out the same way.
        prepared->layout = std::move(whole);
    }
    prepared->offset = QPointF(textMargin, layoutRect.top() - rect.top());
    // The glyphs' own boxes, not the runs' (those span the line's height and rarely fit a
    // row): a text whose ink fits its cell is drawn without clipping (draw()).
    prepared->runs = prepared->layout->glyphRuns();
    for (const QGlyphRun &run : std::as_const(prepared->runs)) {
        const QRawFont font = run.rawFont();
        const QList<quint32> glyphs = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        for (qsizetype i = 0; i < glyphs.size(); ++i)
            prepared->ink |= font.boundingRect(glyphs.at(i)).translated(positions.at(i));
    }
    m_layouts.insert(std::move(key), prepared);
    return prepared;
}

void CellTextPainter::draw(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
    const PreparedText &text)
{
    // The colour and clip of QCommonStyle's CE_ItemViewItem; the offset holds the margin.
    QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(option.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QPalette::ColorRole role
        = option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    const QPointF at = QPointF(rect.topLeft()) + text.offset;
    // Clipping to the item changes nothing when the glyphs stay inside it and no other clip
    // is set (setClipRect() would replace that one); saving and clipping the painter for
    // every cell costs about as much as drawing its glyphs.
    if (!painter->hasClipping() && option.rect.contains(inkPixels(text.ink.translated(at)))) {
        const QPen pen = painter->pen();
        painter->setPen(option.palette.color(group, role));
        drawRuns(painter, at, text.runs);
        painter->setPen(pen);
        return;
    }
    painter->save();
    painter->setClipRect(option.rect);
    painter->setPen(option.palette.color(group, role));
    drawRuns(painter, at, text.runs);
    painter->restore();
}
