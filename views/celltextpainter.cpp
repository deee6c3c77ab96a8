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

#include <array>

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
        m_digitGlyphs.clear();
        m_layouts.clear();
    }
    m_fonts.append(font);
    return int(m_fonts.size() - 1);
}

CellTextPainter::DigitGlyphs *CellTextPainter::digitGlyphs(int font, const QFont &qfont) const
{
    if (m_digitGlyphs.size() <= size_t(font))
        m_digitGlyphs.resize(font + 1);
    std::unique_ptr<DigitGlyphs> &glyphs = m_digitGlyphs[font];
    if (glyphs)
        return glyphs->usable ? glyphs.get() : nullptr;
    glyphs = std::make_unique<DigitGlyphs>();
    if (qfont.underline() || qfont.overline() || qfont.strikeOut())
        return nullptr;
    // The characters laid out once, each glyph's advance taken from where the next one starts.
    QTextLayout probe(QStringLiteral("0123456789:"), qfont);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(Qt::LeftToRight);
    textOption.setAlignment(Qt::AlignLeft);
    probe.setTextOption(textOption);
    probe.setCacheEnabled(true);
    layOutLines(probe, 1 << 20);
    const QList<QGlyphRun> runs = probe.glyphRuns();
    if (probe.lineCount() != 1 || runs.size() != 1)
        return nullptr;
    const QList<quint32> indexes = runs.first().glyphIndexes();
    const QList<QPointF> positions = runs.first().positions();
    if (indexes.size() != DigitGlyphs::kCharacters || positions.size() != indexes.size())
        return nullptr;
    glyphs->rawFont = runs.first().rawFont();
    glyphs->ascent = positions.first().y();
    glyphs->height = probe.lineAt(0).height();
    for (int i = 0; i < DigitGlyphs::kCharacters; ++i) {
        if (positions.at(i).y() != glyphs->ascent)
            return nullptr;
        const qreal next = i + 1 < DigitGlyphs::kCharacters ? positions.at(i + 1).x()
                                                            : probe.lineAt(0).naturalTextWidth();
        glyphs->glyph[i] = indexes.at(i);
        glyphs->advance[i] = next - positions.at(i).x();
        glyphs->box[i] = glyphs->rawFont.boundingRect(indexes.at(i));
    }
    glyphs->usable = true;
    return glyphs.get();
}

std::unique_ptr<CellTextPainter::PreparedText> CellTextPainter::composeDigits(
    const DigitGlyphs &glyphs, const QStyleOptionViewItem &option, const QRect &textRect,
    const QRect &rect)
{
    // visualAlignment() marks its result AlignAbsolute.
    const Qt::Alignment horizontal
        = QStyle::visualAlignment(option.direction, option.displayAlignment)
        & Qt::AlignHorizontal_Mask & ~Qt::AlignAbsolute;
    if (option.direction != Qt::LeftToRight
        || (horizontal != Qt::AlignLeft && horizontal != Qt::AlignRight))
        return nullptr;
    QList<quint32> indexes;
    QList<QPointF> positions;
    indexes.reserve(option.text.size());
    positions.reserve(option.text.size());
    qreal width = 0;
    for (const QChar c : option.text) {
        const int i = DigitGlyphs::indexOf(c);
        if (i < 0)
            return nullptr;
        indexes.append(glyphs.glyph[i]);
        positions.append(QPointF(width, glyphs.ascent));
        width += glyphs.advance[i];
    }
    // Too wide: elided, which QTextLayout does.
    if (width > textRect.width())
        return nullptr;
    // As QTextLayout::boundingRect() measures one line that fits: the line's width, and its
    // height rounded up.
    const QRect layoutRect = QStyle::alignedRect(Qt::LayoutDirectionAuto, option.displayAlignment,
        QSize(textRect.width(), qCeil(glyphs.height)), textRect);
    if (glyphs.height + layoutRect.top() <= textRect.top())
        return nullptr;
    if (horizontal == Qt::AlignRight) {
        for (QPointF &at : positions)
            at.rx() += textRect.width() - width;
    }

    auto prepared = std::make_unique<PreparedText>();
    prepared->offset = QPointF(textRect.left() - rect.left(), layoutRect.top() - rect.top());
    QGlyphRun run;
    run.setRawFont(glyphs.rawFont);
    run.setGlyphIndexes(indexes);
    run.setPositions(positions);
    for (qsizetype i = 0; i < indexes.size(); ++i)
        prepared->ink
            |= glyphs.box[DigitGlyphs::indexOf(option.text.at(i))].translated(positions.at(i));
    prepared->runs.append(std::move(run));
    return prepared;
}

std::unique_ptr<CellTextPainter::PreparedText> CellTextPainter::layOut(
    const QStyleOptionViewItem &option, const QRect &textRect, const QRect &rect)
{
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(option.direction);
    textOption.setAlignment(QStyle::visualAlignment(option.direction, option.displayAlignment));

    // The whole text decides where painting starts and whether it is elided.
    auto whole = std::make_unique<QTextLayout>(option.text, option.font);
    whole->setTextOption(textOption);
    // Keep the shaped glyphs: endLayout() drops them otherwise, and glyphRuns() would shape
    // the text again.
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

    // What the style draws: the same text laid out the same way, or its elided form.
    std::unique_ptr<QTextLayout> drawn = std::move(whole);
    if (line.naturalTextWidth() > textRect.width()) {
        const QString elided = QFontMetrics(option.font)
                                   .elidedText(option.text, option.textElideMode, textRect.width());
        drawn = std::make_unique<QTextLayout>(elided, option.font);
        drawn->setTextOption(textOption);
        drawn->setCacheEnabled(true);
        layOutLines(*drawn, textRect.width());
    }
    auto prepared = std::make_unique<PreparedText>();
    prepared->offset = QPointF(textRect.left() - rect.left(), layoutRect.top() - rect.top());
    // Only the glyphs are kept, not the layout's shaping data: a view keeps up to
    // kCachedTexts texts.
    prepared->runs = drawn->glyphRuns();
    // The glyphs' own boxes, not the runs' (those span the line's height and rarely fit a
    // row): a text whose ink fits its cell is drawn without clipping (draw()).
    for (const QGlyphRun &run : std::as_const(prepared->runs)) {
        const QRawFont font = run.rawFont();
        const QList<quint32> glyphs = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        for (qsizetype i = 0; i < glyphs.size(); ++i)
            prepared->ink |= font.boundingRect(glyphs.at(i)).translated(positions.at(i));
    }
    return prepared;
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

    std::unique_ptr<PreparedText> prepared;
    if (DigitGlyphs *glyphs = digitGlyphs(key.font, option.font)) {
        prepared = composeDigits(*glyphs, option, textRect, rect);
        if (prepared && glyphs->unchecked > 0) {
            std::unique_ptr<PreparedText> laidOut = layOut(option, textRect, rect);
            if (laidOut && laidOut->offset == prepared->offset && laidOut->runs == prepared->runs
                && laidOut->ink == prepared->ink) {
                --glyphs->unchecked;
            } else {
                glyphs->usable = false;
                prepared = std::move(laidOut);
            }
        }
    }
    if (!prepared)
        prepared = layOut(option, textRect, rect);
    if (!prepared)
        return nullptr;
    PreparedText *kept = prepared.release();
    m_layouts.insert(std::move(key), kept);
    return kept;
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
