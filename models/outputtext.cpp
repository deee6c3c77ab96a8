// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputtext.h"

#include <algorithm>

namespace {

bool isUnprintable(QChar c)
{
    // Printable ASCII has no control or format characters: only the rest needs the
    // category lookup, which for thousands of rows is most of the table's time.
    if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
        return false;
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

} // namespace

QString OutputText::printable(const QString &s)
{
    const auto first = std::find_if(s.cbegin(), s.cend(), isUnprintable);
    if (first == s.cend())
        return s; // shares the data, no copy
    QString out = s;
    for (auto it = out.begin() + (first - s.cbegin()); it != out.end(); ++it) {
        if (isUnprintable(*it))
            *it = QChar::ReplacementCharacter;
    }
    return out;
}

QString OutputText::csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
        && !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')) && s.trimmed() == s)
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString OutputText::alignedColumns(const QList<QString> &cells, const std::vector<bool> &numeric)
{
    const std::size_t columnCount = numeric.size();
    if (columnCount == 0)
        return {};
    std::vector<qsizetype> widths(columnCount, 0);
    for (qsizetype k = 0; k < cells.size(); ++k) {
        const std::size_t i = static_cast<std::size_t>(k) % columnCount;
        widths[i] = std::max(widths[i], cells.at(k).size());
    }

    qsizetype lineWidth = 1; // the newline
    for (std::size_t i = 0; i < columnCount; ++i)
        lineWidth += widths[i] + (i > 0 ? 2 : 0);
    QString out;
    out.reserve(lineWidth * (cells.size() / static_cast<qsizetype>(columnCount)));
    for (qsizetype k = 0; k < cells.size(); ++k) {
        const std::size_t i = static_cast<std::size_t>(k) % columnCount;
        const QString &cell = cells.at(k);
        const qsizetype padding = widths[i] - cell.size();
        if (i > 0)
            out += QLatin1String("  ");
        if (numeric[i]) {
            out.resize(out.size() + padding, QLatin1Char(' '));
            out += cell;
        } else {
            out += cell;
            if (i + 1 < columnCount)
                out.resize(out.size() + padding, QLatin1Char(' '));
        }
        if (i + 1 == columnCount)
            out += QLatin1Char('\n');
    }
    return out;
}
