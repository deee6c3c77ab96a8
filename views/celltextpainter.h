// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QFont>
#include <QGlyphRun>
#include <QList>
#include <QPointF>
#include <QString>
#include <QTextLayout>

#include <memory>

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
    int fontIndex(const QFont &font) const;

    // A view paints in a handful of fonts (normal, bold, italic): comparing them is cheaper
    // than hashing QFont::key() for every cell.
    mutable QList<QFont> m_fonts;
    mutable QCache<Key, PreparedText> m_layouts;
};

struct CellTextPainter::PreparedText
{
    std::unique_ptr<QTextLayout> layout; // laid out, glyphs kept
    QList<QGlyphRun> runs; // its glyphs, as drawn
    QPointF offset; // where the style starts painting, from the text area's top-left corner
    QRectF ink; // the union of the glyphs' boxes, from there
};
