// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QFont>
#include <QGlyphRun>
#include <QList>
#include <QPointF>
#include <QRawFont>
#include <QRectF>
#include <QString>
#include <QTextLayout>

#include <array>
#include <memory>
#include <vector>

class QPainter;
class QStyle;
class QStyleOptionViewItem;

/// Draws the text of a view item as QCommonStyle's CE_ItemViewItem does (same elision, same
/// alignment, same glyphs), but lays each text out once instead of three times per paint.
///
/// The style shapes a cell's text when it measures it, again when it elides it and again when
/// it draws it; a table of 40 rows repainted every refresh spends most of its time there. The
/// laid-out text is kept keyed by everything it depends on (text, font, width and height of
/// the text area, alignment, elide mode, direction), so nothing needs invalidating: a new
/// text, a new language, a resized column or another font simply is another key.
///
/// Texts of digits and colons (durations, counts) change with every refresh, so they would be
/// shaped anew each time; they are composed from the font's glyphs for those characters
/// instead. That is only done once a font proved to lay them out exactly so: the first
/// composed texts of each font are compared with QTextLayout's result, and one difference
/// turns composing off for that font.
///
/// Only single-line, unwrapped text is handled (canDraw()); everything else goes through the
/// style. GUI thread only.
class CellTextPainter
{
public:
    struct PreparedText;

    CellTextPainter();
    ~CellTextPainter();
    CellTextPainter(const CellTextPainter &) = delete;
    CellTextPainter &operator=(const CellTextPainter &) = delete;

    /// Whether draw() paints @p option's text exactly as the style would: unwrapped text on
    /// one line, not being edited, and a text area that does not depend on the text's size.
    static bool canDraw(const QStyleOptionViewItem &option);

    /// @p option's text laid out for @p textRect (the style's SE_ItemViewItemText rectangle),
    /// from the cache or made now; nullptr when the style would draw it in a way draw() does
    /// not (then let the style draw the whole item). Valid until the next prepare().
    const PreparedText *prepare(
        const QStyleOptionViewItem &option, const QRect &textRect, const QStyle *style) const;
    /// Paints @p text, prepared for @p option and @p textRect, clipped to the item and in the
    /// colour the style would choose.
    static void draw(QPainter *painter, const QStyleOptionViewItem &option, const QRect &textRect,
        const PreparedText &text);

    /// Laid-out texts kept; the least recently used go first.
    int cachedTexts() const { return m_layouts.count(); }
    void clear() const { m_layouts.clear(); }

private:
    friend class TestSessionItemDelegate;

    struct Key
    {
        QString text;
        int font = 0; // index into m_fonts
        int width = 0;
        int height = 0;
        int flags = 0; // alignment, elide mode, direction
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.font == b.font && a.width == b.width && a.height == b.height
                && a.flags == b.flags && a.text == b.text;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.font, key.width, key.height, key.flags);
        }
    };
    /// The glyphs of the characters composeDigits() handles, in one font.
    struct DigitGlyphs;

    int fontIndex(const QFont &font) const;
    /// @p option's text laid out by QTextLayout; nullptr where prepare() must give up.
    static std::unique_ptr<PreparedText> layOut(
        const QStyleOptionViewItem &option, const QRect &textRect, const QRect &rect);
    /// @p option's text composed from @p glyphs, or nullptr when it is not made of digits and
    /// colons only, or is not laid out left or right aligned on one line without elision.
    static std::unique_ptr<PreparedText> composeDigits(const DigitGlyphs &glyphs,
        const QStyleOptionViewItem &option, const QRect &textRect, const QRect &rect);
    /// The glyphs of font @p font (@p qfont), or nullptr once composing is off for it.
    DigitGlyphs *digitGlyphs(int font, const QFont &qfont) const;

    // A view paints in a handful of fonts (normal, bold, italic): comparing them is cheaper
    // than hashing QFont::key() for every cell.
    mutable QList<QFont> m_fonts;
    mutable std::vector<std::unique_ptr<DigitGlyphs>> m_digitGlyphs; // by font index
    mutable QCache<Key, PreparedText> m_layouts;
};

struct CellTextPainter::PreparedText
{
    QList<QGlyphRun> runs; // the glyphs, as drawn (they own their indexes and positions)
    QPointF offset; // where the style starts painting, from the text area's top-left corner
    QRectF ink; // the union of the glyphs' boxes, from there
};

struct CellTextPainter::DigitGlyphs
{
    static constexpr int kCharacters = 11; // '0' to '9', ':'
    // Composed texts of a font compared with QTextLayout's before composing is trusted.
    static constexpr int kChecked = 32;

    static int indexOf(QChar c)
    {
        const char16_t u = c.unicode();
        return u >= u'0' && u <= u'9' ? u - u'0' : u == u':' ? 10 : -1;
    }

    QRawFont rawFont;
    std::array<quint32, kCharacters> glyph {};
    std::array<qreal, kCharacters> advance {};
    std::array<QRectF, kCharacters> box {};
    qreal ascent = 0;
    qreal height = 0;
    int unchecked = kChecked;
    bool usable = false;
};
