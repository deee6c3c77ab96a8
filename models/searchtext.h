// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

/// How the console's filters compare names: as operators type them, without case and without
/// accents ("jose" finds "José", "jurgen" finds "Jürgen", "strasse" finds "Straße"). QtCore
/// only, so every table and the command line can share the one definition.
///
/// Fold both sides once (the rows when they arrive, the filter when it is typed) and compare
/// the folded texts with a plain QString::contains(): folding per comparison would be slow.
namespace SearchText {

/// @p text in its folded form: compatibility-decomposed (NFKD), combining marks dropped,
/// case-folded, and ß as "ss".
QString fold(QStringView text);

/// Whether @p folded (a fold() result) contains @p foldedFilter (also folded).
inline bool matches(const QString &folded, const QString &foldedFilter)
{
    return folded.contains(foldedFilter, Qt::CaseSensitive);
}

} // namespace SearchText
