// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchtext.h"

#include <algorithm>

bool SearchText::isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

QString SearchText::foldedUnlessAscii(QStringView text)
{
    return isAscii(text) ? QString() : fold(text);
}

bool SearchText::contains(QStringView text, const QString &foldedFilter)
{
    return containsFolded(text, foldedUnlessAscii(text), foldedFilter);
}

QString SearchText::fold(QStringView text)
{
    // Most names are plain ASCII: no decomposition needed, and no allocation beyond the copy.
    if (isAscii(text))
        return text.toString().toLower();

    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    }
    // Simple case folding keeps ß (its full folding is "ss", which QString does not apply).
    return folded.toCaseFolded().replace(QChar(0x00DF), QLatin1String("ss"));
}
