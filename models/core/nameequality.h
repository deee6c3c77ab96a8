// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace sc {

/// How the console decides that two computer or user names are the same name: the one rule,
/// used by the API's name filters, the poller's differ, the sort key's case-insensitive order
/// and the disconnect dialog alike.
///
/// Windows compares account and computer names case-insensitively by upper-casing each UTF-16
/// unit with the simple (one unit to one unit) Unicode mapping, without locale (RtlUpcaseUnicode
/// and the NTFS $UpCase table work this way), and the console must agree with the server about
/// which session a name means. Consequences worth knowing:
///  - Greek σ, final ς and Σ are one letter; Cyrillic д and Д too.
///  - Turkish: i and dotless ı both upper-case to I, so "ı" equals "i" and "I"; dotted İ has no
///    simple lower partner under this rule and equals only itself.
///  - German ß has no one-unit capital, so "straße" and "STRASSE" differ (even the lengths do),
///    and ß differs from capital ẞ (U+1E9E).
///  - Units outside the Basic Multilingual Plane (surrogates) compare exactly.
///  - The mapping keeps lengths, so equal names have equal lengths.

/// upcaseUnit() for units from U+0080 on (a table lookup).
char16_t upcaseNonAscii(char16_t unit);

/// The simple Unicode upper case of @p unit (itself when it has none). Covers the whole BMP;
/// tst_nameequality checks every unit against QChar::toUpper. Inline for ASCII, the common
/// case in hashing and sorting 100k names.
inline char16_t upcaseUnit(char16_t unit)
{
    if (unit < 0x80)
        return unit >= u'a' && unit <= u'z' ? char16_t(unit - 0x20) : unit;
    return upcaseNonAscii(unit);
}

/// Whether @p a and @p b are the same name under the rule above.
bool namesEqual(std::u16string_view a, std::u16string_view b);

/// namesEqual() for Qt's QString and QStringView (anything with utf16() and size()), without
/// making this Qt-free header include Qt.
template<typename A, typename B>
requires requires(const A &a, const B &b)
{
    {a.utf16()};
    {b.utf16()};
}
bool namesEqual(const A &a, const B &b)
{
    return namesEqual(
        std::u16string_view(reinterpret_cast<const char16_t *>(a.utf16()), std::size_t(a.size())),
        std::u16string_view(reinterpret_cast<const char16_t *>(b.utf16()), std::size_t(b.size())));
}

} // namespace sc
