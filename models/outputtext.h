// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <vector>

/// Text rules shared by sessionctl's formatters (sessions and open files) and the console's
/// export, so a table cell and a CSV field mean the same in every command and every file.
namespace OutputText {

/// Any UTF-16 text with data() and size() (the core's strings), copied once.
template<typename Text>
QString fromUtf16(const Text &s)
{
    return QString::fromUtf16(s.data(), static_cast<qsizetype>(s.size()));
}

/// @p s with control and format characters replaced by U+FFFD. Names and paths come from the
/// network: a client could call itself "\e]0;...\a" and rewrite the operator's terminal. JSON
/// escapes them anyway; tables use this.
QString printable(const QString &s);

/// @p s as one RFC 4180 field: quoted (with doubled quotes) when it holds a comma, a quote, a
/// line break or surrounding spaces.
QString csvField(const QString &s);

/// @p cells, row after row of numeric.size() cells each, as lines of columns two spaces apart,
/// each column as wide as its widest cell: numbers (@p numeric) right-aligned, text
/// left-aligned, and a last column of text unpadded.
QString alignedColumns(const QList<QString> &cells, const std::vector<bool> &numeric);

} // namespace OutputText
