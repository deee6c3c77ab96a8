// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

/// How the console's filters compare names: as operators type them, without case and without
/// accents ("jose" finds "José", "jurgen" finds "Jürgen", "strasse" finds "Straße"). QtCore
/// only, so every table and the command line can share the one definition.
///
/// Fold the filter once, when it is typed. Plain ASCII text (most user names, every IP
/// address) needs no folded copy: its fold is its lower case, which asciiContains() compares
/// in place. Other text is folded where it is compared (contains()), or once per distinct
/// name (FoldedNameCache): rows keep no folded copy.
namespace SearchText {

/// @p text in its folded form: compatibility-decomposed (NFKD), combining marks dropped,
/// case-folded, and ß as "ss".
QString fold(QStringView text);

/// Whether @p text has no unit beyond U+007F.
bool isAscii(QStringView text);

/// Whether @p folded (a fold() result) contains @p foldedFilter (also folded).
inline bool matches(const QString &folded, const QString &foldedFilter)
{
    return folded.contains(foldedFilter, Qt::CaseSensitive);
}

/// Whether fold(@p text) contains @p foldedFilter, folding @p text only when it is not ASCII.
bool contains(QStringView text, const QString &foldedFilter);

/// Whether the ASCII @p text, folded (lower-cased), contains @p foldedFilter, without folding
/// or copying it.
bool asciiContains(QStringView text, QStringView foldedFilter);

} // namespace SearchText
