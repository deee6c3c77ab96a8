// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

/// How the console's filters compare names: as operators type them, without case and without
/// accents ("jose" finds "José", "jurgen" finds "Jürgen", "strasse" finds "Straße"). QtCore
/// only, so every table and the command line can share the one definition.
///
/// Fold the filter once, when it is typed. Plain ASCII text (most user names, every IP
/// address) needs no folded copy: its fold is its lower case, which a case-insensitive
/// contains() compares without allocating. Other text is folded once, when its row arrives
/// (foldedUnlessAscii()), or at each comparison where a row would rather not hold a copy.
namespace SearchText {

/// @p text in its folded form: compatibility-decomposed (NFKD), combining marks dropped,
/// case-folded, and ß as "ss".
QString fold(QStringView text);

/// Whether @p text has no unit beyond U+007F.
bool isAscii(QStringView text);

/// fold(@p text), or a null string when @p text is ASCII: what a row keeps so that
/// containsFolded() does not fold its text again.
QString foldedUnlessAscii(QStringView text);

/// Whether @p folded (a fold() result) contains @p foldedFilter (also folded).
inline bool matches(const QString &folded, const QString &foldedFilter)
{
    return folded.contains(foldedFilter, Qt::CaseSensitive);
}

/// Whether fold(@p text) contains @p foldedFilter, folding @p text only when it is not ASCII.
bool contains(QStringView text, const QString &foldedFilter);

/// contains() for a @p text whose foldedUnlessAscii() is @p folded.
inline bool containsFolded(QStringView text, const QString &folded, const QString &foldedFilter)
{
    // Folding ASCII is lower-casing, and a folded filter's units are their own case folding,
    // so a case-insensitive comparison with the text itself gives the same answer.
    return folded.isNull() ? text.contains(foldedFilter, Qt::CaseInsensitive)
                           : matches(folded, foldedFilter);
}

} // namespace SearchText
