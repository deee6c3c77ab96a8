// SPDX-License-Identifier: GPL-3.0-or-later
#include "nameequality.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace sc {

namespace {

// Units [first, last] upper-case to unit + delta; with step 2 only every other one does (the
// upper-case letters between map to themselves), as Latin Extended-A and Cyrillic alternate
// capital and small letters. The table (upcasetable.inc, data only) was generated from
// QChar::toUpper over the BMP (Qt 6.4, Unicode 14); the exhaustive test in tst_nameequality
// fails when it and Qt disagree.
struct UpcaseRange
{
    char16_t first;
    char16_t last;
    std::int32_t delta;
    std::uint8_t step;
};

#include "upcasetable.inc"

} // namespace

char16_t upcaseNonAscii(char16_t unit)
{
    const auto it = std::upper_bound(std::begin(kUpcase), std::end(kUpcase), unit,
        [](char16_t u, const UpcaseRange &range) { return u < range.first; });
    if (it == std::begin(kUpcase))
        return unit;
    const UpcaseRange &range = *std::prev(it);
    if (unit > range.last || (unit - range.first) % range.step != 0)
        return unit;
    return char16_t(std::int32_t(unit) + range.delta);
}

bool namesEqual(std::u16string_view a, std::u16string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i] && upcaseUnit(a[i]) != upcaseUnit(b[i]))
            return false;
    }
    return true;
}

} // namespace sc
