// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchtext.h"

#include <algorithm>
#include <utility>

bool SearchText::isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
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
    // In place: the filter folds each distinct name once, but that is every name of a large
    // table at its first keystroke.
    folded = std::move(folded).toCaseFolded();
    // Simple case folding keeps ß (its full folding is "ss", which QString does not apply).
    if (folded.contains(QChar(0x00DF)))
        folded.replace(QChar(0x00DF), QLatin1String("ss"));
    return folded;
}

bool SearchText::asciiContains(QStringView text, QStringView foldedFilter)
{
    // Folding ASCII is lower-casing, so a folded filter's letters are lower case, and a unit
    // of it beyond ASCII never matches.
    const auto lower = [](char16_t unit) {
        return unit >= u'A' && unit <= u'Z' ? char16_t(unit + (u'a' - u'A')) : unit;
    };
    const qsizetype n = foldedFilter.size();
    if (n == 0)
        return true;
    const char16_t first = foldedFilter.front().unicode();
    for (qsizetype at = 0; at + n <= text.size(); ++at) {
        if (lower(text[at].unicode()) != first)
            continue;
        qsizetype i = 1;
        while (i < n && lower(text[at + i].unicode()) == foldedFilter[i].unicode())
            ++i;
        if (i == n)
            return true;
    }
    return false;
}

bool SearchText::contains(QStringView text, const QString &foldedFilter)
{
    return isAscii(text) ? asciiContains(text, foldedFilter) : matches(fold(text), foldedFilter);
}
