// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsortkey.h"

#include <QHash>

#include <algorithm>

namespace {

template<typename T>
int compareValues(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Our own folding rather than QString::compare(Qt::CaseInsensitive), so that the packed
// prefixes order exactly like the full comparison (and ASCII, the common case, folds without
// a table lookup).
char16_t foldUnit(char16_t c)
{
    if (c < 0x80)
        return c >= u'A' && c <= u'Z' ? char16_t(c + 0x20) : c;
    if (QChar::isSurrogate(c))
        return c;
    return QChar::toCaseFolded(c);
}

// Signed instants as unsigned keys: flipping the sign bit keeps their order. Negated, so the
// earlier instant (the longer duration) sorts after the later one.
quint64 durationKey(qint64 sinceMs)
{
    return quint64(-sinceMs) ^ (quint64(1) << 63);
}

} // namespace

SessionSortKey::SessionSortKey(const SessionRow &row, SessionTableModel::Column column)
    : m_sessionKey(row.key)
{
    switch (column) {
    case SessionTableModel::OpenFiles:
        m_primary = row.openCount;
        break;
    case SessionTableModel::ConnectedTime:
        m_primary = durationKey(row.connectedSinceMs);
        break;
    case SessionTableModel::IdleTime:
        m_primary = durationKey(row.idleSinceMs);
        break;
    case SessionTableModel::Guest:
        m_primary = row.isGuest();
        break;
    case SessionTableModel::Encryption:
        m_primary = row.isUnencrypted();
        break;
    default: {
        const QString &text = sortText(row, column);
        const auto *units = reinterpret_cast<const char16_t *>(text.constData());
        // The first 16 bytes of the folded text as UTF-8, big-endian and zero-padded: byte
        // order is unit order (UTF-8 is monotonic, over the surrogate range too), and 16 bytes
        // hold a whole typical name, so the strings are read only for long names with the
        // same first letters. A unit that does not fit whole leaves its first bytes.
        quint64 packed[2] = {0, 0};
        int shift = 128; // bits left
        for (qsizetype i = 0; i < text.size() && shift > 0; ++i) {
            const char16_t u = foldUnit(units[i]);
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
        m_primary = packed[0];
        m_secondary = packed[1];
        // Of the exact text: equal hashes mean the same text, so the same folded text; texts
        // that differ only in case take the slow path, which still finds them equal.
        m_textHash = qHash(QStringView(text), size_t(0x5e55));
        break;
    }
    }
}

int SessionSortKey::compareText(const QString &a, const QString &b)
{
    const auto *pa = reinterpret_cast<const char16_t *>(a.constData());
    const auto *pb = reinterpret_cast<const char16_t *>(b.constData());
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (pa[i] == pb[i])
            continue;
        const char16_t fa = foldUnit(pa[i]);
        const char16_t fb = foldUnit(pb[i]);
        if (fa != fb)
            return fa < fb ? -1 : 1;
    }
    return compareValues(a.size(), b.size());
}

const QString &SessionSortKey::sortText(const SessionRow &row, SessionTableModel::Column column)
{
    switch (column) {
    case SessionTableModel::User:
        return row.user;
    case SessionTableModel::ClientType:
        return row.clientType;
    case SessionTableModel::Transport:
        return row.transport;
    default:
        return row.client;
    }
}

int SessionSortKey::compare(const SessionSortKey &a, const SessionRow &rowA,
    const SessionSortKey &b, const SessionRow &rowB, SessionTableModel::Column column)
{
    if (const std::optional<int> packed = comparePacked(a, b, column))
        return *packed;
    // Different names with the same first 16 bytes: only now read the strings.
    return compareText(sortText(rowA, column), sortText(rowB, column));
}

int SessionSortKey::compareStable(const SessionSortKey &a, const SessionRow &rowA,
    const SessionSortKey &b, const SessionRow &rowB, SessionTableModel::Column column)
{
    const int c = compare(a, rowA, b, rowB, column);
    return c != 0 ? c : compareSessions(a, b);
}
