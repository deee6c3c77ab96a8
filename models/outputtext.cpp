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
