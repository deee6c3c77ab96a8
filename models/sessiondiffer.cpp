// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"

#include "sessiontablemodel.h"

#include <QSet>

#include <algorithm>
#include <cstdlib>
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

    // Hash join on (client, user): previous rows chained per slot of a flat table (cheaper
    // than a node-based hash for 100k rows), their hashes kept from the last poll.
    qsizetype tableSize = 16;
    while (tableSize < 2 * previousCount)
        tableSize *= 2;
    const size_t mask = size_t(tableSize - 1);
    std::vector<int> head(size_t(tableSize), -1);
    std::vector<int> chain(size_t(previousCount), -1);
    for (qsizetype i = previousCount - 1; i >= 0; --i) {
        const size_t slot = m_hashes[size_t(i)] & mask;
        chain[size_t(i)] = head[slot];
        head[slot] = int(i);
    }

    // Each new row takes the unmatched previous session of the same client and user whose
    // connect instant is nearest, within tolerance: that keeps two sessions of one user
    // apart and absorbs the instant's jitter.
    std::vector<int> previousMatch(size_t(previousCount), -1);
    std::vector<int> nextMatch(size_t(newRows.size()), -1);
    std::vector<size_t> newHashes(size_t(newRows.size()));
    for (qsizetype j = 0; j < newRows.size(); ++j) {
        const SessionRow &row = std::as_const(newRows).at(j);
        const size_t h = nameHash(row.client, row.user);
        newHashes[size_t(j)] = h;
        int best = -1;
        qint64 bestDistance = kConnectToleranceMs + 1;
        for (int i = head[h & mask]; i >= 0; i = chain[size_t(i)]) {
            if (m_hashes[size_t(i)] != h || previousMatch[size_t(i)] >= 0)
                continue;
            const SessionRow &old = previous.at(i);
            const qint64 distance = std::abs(old.connectedSinceMs - row.connectedSinceMs);
            if (distance >= bestDistance || !sameName(old.client, row.client)
                || !sameName(old.user, row.user))
                continue;
            best = i;
            bestDistance = distance;
            if (distance == 0)
                break;
        }
        if (best >= 0) {
            previousMatch[size_t(best)] = int(j);
            nextMatch[size_t(j)] = best;
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
