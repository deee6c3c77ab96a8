// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"

#include "sessiontablemodel.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <cstdlib>

namespace {

// Client and user of one row, compared the way Windows compares these names. Points into
// rows that outlive the bucket table; hashing folds case without allocating a folded copy
// per row (100k rows per poll).
struct BucketKey
{
    const QString *client;
    const QString *user;

    friend bool operator==(const BucketKey &a, const BucketKey &b)
    {
        return a.client->compare(*b.client, Qt::CaseInsensitive) == 0
            && a.user->compare(*b.user, Qt::CaseInsensitive) == 0;
    }
};

size_t foldedHash(const QString &s, size_t seed)
{
    size_t h = seed ^ 0x9e3779b97f4a7c15ull;
    for (QChar c : s)
        h = (h ^ c.toCaseFolded().unicode()) * 0x100000001b3ull;
    return h;
}

size_t qHash(const BucketKey &key, size_t seed)
{
    return foldedHash(*key.user, foldedHash(*key.client, seed));
}

struct Bucket
{
    QVarLengthArray<int, 1> previous;
    QVarLengthArray<int, 1> next;
};

// Keeps one QString's data when the text is the same, so unchanged rows share memory with
// the previous poll's and the new copy is freed at once.
void share(QString &target, const QString &previous)
{
    if (target.isSharedWith(previous))
        return;
    if (target == previous)
        target = previous;
}

} // namespace

void SessionDiffer::reset()
{
    m_rows.clear();
    m_replaceNext = true;
}

SessionDelta SessionDiffer::update(QList<SessionRow> newRows)
{
    SessionDelta delta;
    delta.baseGeneration = m_generation;
    delta.generation = ++m_generation;

    if (m_replaceNext) {
        m_replaceNext = false;
        for (SessionRow &row : newRows)
            row.key = m_nextKey++;
        delta.replace = true;
        delta.insertFirst = 0;
        delta.rows = newRows;
        m_rows = std::move(newRows);
        return delta;
    }

    const QList<SessionRow> &previous = m_rows;
    const qsizetype previousCount = previous.size();

    // Hash join on (client, user); the connect instant is matched within each bucket below.
    QHash<BucketKey, Bucket> buckets;
    buckets.reserve(previousCount + previousCount / 8);
    for (qsizetype i = 0; i < previousCount; ++i) {
        const SessionRow &row = previous.at(i);
        buckets[BucketKey {&row.client, &row.user}].previous.append(int(i));
    }
    for (qsizetype j = 0; j < newRows.size(); ++j) {
        const SessionRow &row = std::as_const(newRows).at(j);
        buckets[BucketKey {&row.client, &row.user}].next.append(int(j));
    }

    QList<int> previousMatch(previousCount, -1);
    QList<int> nextMatch(newRows.size(), -1);
    for (Bucket &bucket : buckets) {
        if (bucket.previous.isEmpty() || bucket.next.isEmpty())
            continue;
        if (bucket.previous.size() == 1 && bucket.next.size() == 1) {
            const int i = bucket.previous.front();
            const int j = bucket.next.front();
            if (std::abs(
                    previous.at(i).connectedSinceMs - std::as_const(newRows).at(j).connectedSinceMs)
                <= kConnectToleranceMs) {
                previousMatch[i] = j;
                nextMatch[j] = i;
            }
            continue;
        }
        // Several sessions of the same client and user: pair by nearest connect instant.
        // Both sides sorted by instant, a greedy walk pairs every instant with the first
        // unpaired one within tolerance, which keeps two close sessions apart.
        auto byInstant = [](const QList<SessionRow> &rows) {
            return [&rows](int a, int b) {
                const qint64 ia = rows.at(a).connectedSinceMs;
                const qint64 ib = rows.at(b).connectedSinceMs;
                return ia != ib ? ia < ib : a < b;
            };
        };
        std::sort(bucket.previous.begin(), bucket.previous.end(), byInstant(previous));
        std::sort(bucket.next.begin(), bucket.next.end(), byInstant(std::as_const(newRows)));
        qsizetype p = 0;
        qsizetype n = 0;
        while (p < bucket.previous.size() && n < bucket.next.size()) {
            const int i = bucket.previous[p];
            const int j = bucket.next[n];
            const qint64 a = previous.at(i).connectedSinceMs;
            const qint64 b = std::as_const(newRows).at(j).connectedSinceMs;
            if (std::abs(a - b) <= kConnectToleranceMs) {
                previousMatch[i] = j;
                nextMatch[j] = i;
                ++p;
                ++n;
            } else if (a < b) {
                ++p;
            } else {
                ++n;
            }
        }
    }

    // The model's order after the delta: surviving rows where they were, then new ones.
    QList<SessionRow> rows;
    rows.reserve(newRows.size());
    SessionRowRange removing {0, -1};
    bool inRemoval = false;
    SessionChangedRange changing;
    bool inChange = false;
    for (qsizetype i = 0; i < previousCount; ++i) {
        const int j = previousMatch.at(i);
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
        rows.append(std::move(row));
    }
    if (inRemoval)
        delta.removed.append(removing);
    if (inChange)
        delta.changed.append(changing);

    delta.insertFirst = int(rows.size());
    // New strings that are the same in many rows (client type, transport) share one copy.
    QHash<QString, QString> common;
    for (qsizetype j = 0; j < newRows.size(); ++j) {
        if (nextMatch.at(j) >= 0)
            continue;
        SessionRow row = std::move(newRows[j]);
        row.key = m_nextKey++;
        for (QString *s : {&row.clientType, &row.transport}) {
            if (s->isEmpty())
                continue;
            auto it = common.constFind(*s);
            if (it == common.cend())
                common.insert(*s, *s);
            else
                *s = *it;
        }
        rows.append(std::move(row));
    }

    delta.rows = rows;
    m_rows = std::move(rows);
    return delta;
}
