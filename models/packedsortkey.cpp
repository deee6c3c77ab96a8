// SPDX-License-Identifier: GPL-3.0-or-later
#include "packedsortkey.h"

#include "nameequality.h"
#include "sessiontime.h"

#include <QHash>

#include <algorithm>

namespace {

// The unit a text sorts by: its upper case under the name rule, so texts equal as names
// compare equal; ASCII capitals then take the place of their lower case, which keeps the order
// of letters among ASCII punctuation as users know it ("a_b" before "ab"). Injective on the
// upper-cased units (no upper-cased unit is an ASCII small letter), so equality is the rule's.
char16_t orderUnit(char16_t c)
{
    if (c < 0x80) // the common case, without the table: ASCII letters sort as lower case
        return c >= u'A' && c <= u'Z' ? char16_t(c + 0x20) : c;
    const char16_t u = sc::upcaseUnit(c);
    return u >= u'A' && u <= u'Z' ? char16_t(u + 0x20) : u;
}

} // namespace

PackedSortKey PackedSortKey::number(quint64 value, quint64 rowKey)
{
    PackedSortKey key;
    key.m_primary = value;
    key.m_rowKey = rowKey;
    return key;
}

PackedSortKey PackedSortKey::duration(qint64 sinceMs, quint64 rowKey)
{
    return number(sc::SessionTime::durationSortKey(sinceMs), rowKey);
}

PackedSortKey PackedSortKey::text(QStringView text, quint64 rowKey)
{
    PackedSortKey key;
    key.m_rowKey = rowKey;
    const char16_t *units = text.utf16();
    // The first 16 bytes of the folded text as UTF-8, big-endian and zero-padded: byte order
    // is unit order (UTF-8 is monotonic, over the surrogate range too), and 16 bytes hold a
    // whole typical name, so the strings are read only for long texts with the same start. A
    // unit that does not fit whole leaves its first bytes.
    quint64 packed[2] = {0, 0};
    int shift = 128; // bits left
    for (qsizetype i = 0; i < text.size() && shift > 0; ++i) {
        const char16_t u = orderUnit(units[i]);
        quint8 bytes[3];
        int count = 1;
        if (u < 0x80) {
            bytes[0] = quint8(u);
        } else if (u < 0x800) {
            bytes[0] = quint8(0xc0 | (u >> 6));
            bytes[1] = quint8(0x80 | (u & 0x3f));
            count = 2;
        } else {
            bytes[0] = quint8(0xe0 | (u >> 12));
            bytes[1] = quint8(0x80 | ((u >> 6) & 0x3f));
            bytes[2] = quint8(0x80 | (u & 0x3f));
            count = 3;
        }
        for (int b = 0; b < count && shift > 0; ++b) {
            shift -= 8;
            packed[shift >= 64 ? 0 : 1] |= quint64(bytes[b]) << (shift % 64);
        }
    }
    key.m_primary = packed[0];
    key.m_secondary = packed[1];
    // Of the exact text: equal hashes mean the same text, so the same folded text; texts that
    // differ only in case take the slow path, which still finds them equal.
    key.m_textHash = qHash(text, size_t(0x5e55));
    return key;
}

int PackedSortKey::compareText(QStringView a, QStringView b)
{
    const char16_t *pa = a.utf16();
    const char16_t *pb = b.utf16();
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (pa[i] == pb[i])
            continue;
        const char16_t fa = orderUnit(pa[i]);
        const char16_t fb = orderUnit(pb[i]);
        if (fa != fb)
            return fa < fb ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (b.size() < a.size() ? 1 : 0);
}
