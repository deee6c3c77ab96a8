// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"

#include "sessiontablemodel.h"

#include <QSet>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <utility>
#include <vector>

namespace {

char16_t foldCase(char16_t c)
{
    if (c < 0x80)
        return c >= u'A' && c <= u'Z' ? char16_t(c + 0x20) : c;
    return QChar::toCaseFolded(c);
}

// Hash of client and user as Windows compares them (case-insensitively), computed without
// building folded copies: 100k rows per poll.
size_t nameHash(const QString &client, const QString &user)
{
    size_t h = 0xcbf29ce484222325ull;
    for (QChar c : client)
        h = (h ^ foldCase(c.unicode())) * 0x100000001b3ull;
    h = (h ^ 0xffffu) * 0x100000001b3ull; // "ab"+"c" and "a"+"bc" differ
    for (QChar c : user)
        h = (h ^ foldCase(c.unicode())) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

bool sameName(const QString &a, const QString &b)
{
    // Simple case folding maps one UTF-16 unit to one, so equal names have equal lengths.
    return a.size() == b.size() && (a == b || a.compare(b, Qt::CaseInsensitive) == 0);
}

// Keeps one QString's data when the text is the same, so unchanged rows share memory with
// the previous poll's and the new copy is freed at once.
void share(QString &target, const QString &previous)
{
    if (target.isSharedWith(previous))
        return;
    if (target == previous)
        target = previous;
}

// Client type and transport repeat across thousands of rows (one Windows version, one
// transport name); new rows share one copy of each instead of holding their own.
class CommonStrings
{
public:
    void share(SessionRow &row)
    {
        for (QString *s : {&row.clientType, &row.transport}) {
            if (s->isEmpty())
                continue;
            const auto it = m_strings.constFind(*s);
            if (it == m_strings.cend())
                m_strings.insert(*s);
            else
                *s = *it;
        }
    }

private:
    QSet<QString> m_strings;
};

} // namespace

void SessionDiffer::reset()
{
    m_retired = std::exchange(m_rows, {});
    m_hashes.clear();
    m_replaceNext = true;
}

SessionDelta SessionDiffer::update(QList<SessionRow> newRows)
{
    SessionDelta delta;
    delta.baseGeneration = m_generation;
    delta.generation = ++m_generation;

    if (m_replaceNext) {
        m_replaceNext = false;
        m_hashes.clear();
        m_hashes.reserve(size_t(newRows.size()));
        CommonStrings common;
        for (SessionRow &row : newRows) {
            row.key = m_nextKey++;
            common.share(row);
            m_hashes.push_back(nameHash(row.client, row.user));
        }
        delta.replace = true;
        delta.insertFirst = 0;
        delta.rows = newRows;
        m_retired = std::exchange(m_rows, std::move(newRows));
        return delta;
    }

    const QList<SessionRow> &previous = m_rows;
    const qsizetype previousCount = previous.size();

    // Join on (client, user): both sides sorted by name hash, then by connect instant, and
    // merged. Within one client and user a previous and a new session pair when their
    // instants agree within tolerance, unless the neighbour on either side is closer (then the
    // other one ended or is new). That keeps two sessions of one user apart, absorbs the
    // instant's jitter, and costs O(n log n) even when thousands of sessions share a client
    // and user, which a scan of every candidate per new row made quadratic. Sessions whose
    // instants are equal cannot be told apart by any means; they pair in server order.
    std::vector<size_t> newHashes(size_t(newRows.size()));
    for (qsizetype j = 0; j < newRows.size(); ++j) {
        const SessionRow &row = std::as_const(newRows).at(j);
        newHashes[size_t(j)] = nameHash(row.client, row.user);
    }
    const auto sortedOrder = [](const std::vector<size_t> &hashes, const QList<SessionRow> &rows) {
        std::vector<int> order(hashes.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            if (hashes[size_t(a)] != hashes[size_t(b)])
                return hashes[size_t(a)] < hashes[size_t(b)];
            const qint64 ta = rows.at(a).connectedSinceMs;
            const qint64 tb = rows.at(b).connectedSinceMs;
            return ta != tb ? ta < tb : a < b;
        });
        return order;
    };
    const QList<SessionRow> &incoming = newRows;
    const std::vector<int> oldOrder = sortedOrder(m_hashes, previous);
    const std::vector<int> newOrder = sortedOrder(newHashes, incoming);
    // Distance between the a-th previous and the b-th new row in sorted order, or "too far"
    // when either is past its end or in another (client, user) group.
    const auto distance = [&](size_t a, size_t b) -> qint64 {
        constexpr qint64 tooFar = std::numeric_limits<qint64>::max();
        if (a >= oldOrder.size() || b >= newOrder.size())
            return tooFar;
        const int i = oldOrder[a];
        const int j = newOrder[b];
        if (m_hashes[size_t(i)] != newHashes[size_t(j)])
            return tooFar;
        return std::abs(incoming.at(j).connectedSinceMs - previous.at(i).connectedSinceMs);
    };

    std::vector<int> previousMatch(size_t(previousCount), -1);
    std::vector<int> nextMatch(size_t(newRows.size()), -1);
    for (size_t a = 0, b = 0; a < oldOrder.size() && b < newOrder.size();) {
        const int i = oldOrder[a];
        const int j = newOrder[b];
        const size_t hi = m_hashes[size_t(i)];
        const size_t hj = newHashes[size_t(j)];
        if (hi != hj) {
            hi < hj ? ++a : ++b;
            continue;
        }
        const SessionRow &old = previous.at(i);
        const SessionRow &row = incoming.at(j);
        const qint64 d = distance(a, b);
        const bool earlierIsOld = old.connectedSinceMs <= row.connectedSinceMs;
        if (d > kConnectToleranceMs || !sameName(old.client, row.client)
            || !sameName(old.user, row.user)) {
            // The earlier of the two has no partner. (Two different names with one 64-bit
            // hash land here too: they show as removed and added instead of being mixed up.)
            earlierIsOld ? ++a : ++b;
        } else if (earlierIsOld && distance(a + 1, b) < d) {
            ++a; // the previous session ended; the new row belongs to the next one
        } else if (!earlierIsOld && distance(a, b + 1) < d) {
            ++b; // the new row is a new session; the previous one pairs with the next
        } else {
            previousMatch[size_t(i)] = j;
            nextMatch[size_t(j)] = i;
            ++a;
            ++b;
        }
    }

    // The model's order after the delta: surviving rows where they were, then new ones.
    QList<SessionRow> rows;
    rows.reserve(newRows.size());
    std::vector<size_t> hashes;
    hashes.reserve(size_t(newRows.size()));
    SessionRowRange removing {0, -1};
    bool inRemoval = false;
    SessionChangedRange changing;
    bool inChange = false;
    for (qsizetype i = 0; i < previousCount; ++i) {
        const int j = previousMatch[size_t(i)];
        if (j < 0) {
            if (inRemoval && removing.last == i - 1) {
                removing.last = int(i);
            } else {
                if (inRemoval)
                    delta.removed.append(removing);
                removing = {int(i), int(i)};
                inRemoval = true;
            }
            continue;
        }
        const SessionRow &old = previous.at(i);
        SessionRow row = std::move(newRows[j]);
        row.key = old.key;
        // Within tolerance the difference is the server's rounding, not a new instant.
        row.connectedSinceMs = old.connectedSinceMs;
        if (std::abs(row.idleSinceMs - old.idleSinceMs) <= kIdleToleranceMs)
            row.idleSinceMs = old.idleSinceMs;
        share(row.client, old.client);
        share(row.user, old.user);
        share(row.clientType, old.clientType);
        share(row.transport, old.transport);

        const quint32 columns = SessionTableModel::changedColumns(old, row);
        const int at = int(rows.size());
        if (columns) {
            if (inChange && changing.last == at - 1) {
                changing.last = at;
                changing.columns |= columns;
            } else {
                if (inChange)
                    delta.changed.append(changing);
                changing = {at, at, columns};
                inChange = true;
            }
        }
        hashes.push_back(newHashes[size_t(j)]);
        rows.append(std::move(row));
    }
    if (inRemoval)
        delta.removed.append(removing);
    if (inChange)
        delta.changed.append(changing);

    delta.insertFirst = int(rows.size());
    CommonStrings common;
    for (qsizetype j = 0; j < newRows.size(); ++j) {
        if (nextMatch[size_t(j)] >= 0)
            continue;
        SessionRow row = std::move(newRows[j]);
        row.key = m_nextKey++;
        common.share(row);
        hashes.push_back(newHashes[size_t(j)]);
        rows.append(std::move(row));
    }

    delta.rows = rows;
    m_retired = std::exchange(m_rows, std::move(rows));
    m_hashes = std::move(hashes);
    return delta;
}
