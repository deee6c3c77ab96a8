// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deltabuilder.h"
#include "nameequality.h"
#include "sessionsnapshot.h"
#include "sessiontime.h"
#include "textpool.h"

#include <QList>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

/// The keyed diff between one poll's sessions and the next, run on the poller's worker thread.
///
/// Keeps the rows of the last delta in the order the model holds them. A session is the same
/// from poll to poll when client and user are the same names (sc::namesEqual) and the connect
/// instants are at most sc::SessionTime::kConnectToleranceMs apart: the server reports whole
/// seconds relative to its own clock, so the instant we compute jitters by up to a second
/// between polls. Within a (client, user) bucket, previous and new rows are paired by nearest
/// connect instant, so two sessions of the same client and user stay distinct. A matched row
/// keeps its key and, while within tolerance, its old instants, so an unchanged session
/// compares equal. The ranges of the delta are built by DeltaBuilder, and each kept row reports
/// its changed fields (SessionRow::changesFrom()); nothing here knows the model's columns.
///
/// Rows are kept lean: a matched row keeps the previous row's QString payloads when the texts
/// are equal, and new rows take user, client type and transport from a TextPool of the texts
/// the current rows hold, so a user's several sessions and the few client types and
/// transports share one payload each. (Client names are near unique per session; pooling them
/// would cost more than it saves.)
class SessionDiffer
{
public:
    SessionDiffer();
    ~SessionDiffer();
    SessionDiffer(const SessionDiffer &other);
    SessionDiffer &operator=(const SessionDiffer &other);
    SessionDiffer(SessionDiffer &&) noexcept;
    SessionDiffer &operator=(SessionDiffer &&) noexcept;

    /// Whether a row is the console's own session (SessionRow::isOwnSession).
    using OwnSessionTest = std::function<SessionRow::Ownership(const SessionRow &)>;

    /// Computes the delta from the current rows to the rows SessionRow::fromInfo() makes of
    /// @p sessions (in server order) at @p pollTimeMs, marked by @p isOwn (may be empty: none
    /// is), and makes them current. Converts while it diffs: a session that was there before
    /// reuses the previous row's texts, so on a poll of a big server only new sessions
    /// allocate, instead of every text of every row being allocated and then freed again in
    /// favour of the equal one already held.
    SessionDelta update(
        const sc::SessionList &sessions, qint64 pollTimeMs, const OwnSessionTest &isOwn = {});

    /// The next update() produces a full replacement (SessionDelta::replace) and forgets
    /// the current rows, e.g. for a new server or after the model lost step.
    void reset();
    /// Keeps the texts of new rows in @p texts, with other servers' differs (TextPool::share()).
    void shareTexts(std::shared_ptr<SharedTextPool> texts) { m_pool.share(std::move(texts)); }

    /// Drops the rows of the delta before the last one. update() keeps them because the model
    /// still shows them until it has applied the new delta; releasing them here, on the
    /// worker thread, spares the GUI thread from freeing 100k rows when it switches.
    void releaseRetired() { m_retired = {}; }

    /// Generation of the last delta (TableDelta::generation).
    quint64 generation() const { return m_generation; }

    /// update() for any source of new rows. A Source offers size(), client(j), user(j) and
    /// connectedSinceMs(j) of its rows without building them, and builds row j with
    /// matched(j, previousRow, pool) (sharing the previous row's equal texts) or
    /// added(j, pool). update() uses one over sc::SessionList; tests use one over rows.
    template<typename Source>
    SessionDelta updateFrom(Source &source);

private:
    class InfoSource;
    friend class tst_SessionDiffer;

    static size_t nameHash(QStringView client, QStringView user);

    TextPool m_pool;
    QList<SessionRow> m_rows;
    QList<SessionRow> m_retired; // the rows before m_rows, until releaseRetired()
    std::vector<size_t> m_hashes; // of client and user, parallel to m_rows
    quint64 m_generation = 0;
    quint64 m_nextKey = 1;
    bool m_replaceNext = true;
};

// Hash of client and user under sc::namesEqual's rule, computed without building upper-cased
// copies: 100k rows per poll.
inline size_t SessionDiffer::nameHash(QStringView client, QStringView user)
{
    size_t h = 0xcbf29ce484222325ull;
    for (QChar c : client)
        h = (h ^ sc::upcaseUnit(c.unicode())) * 0x100000001b3ull;
    h = (h ^ 0xffffu) * 0x100000001b3ull; // "ab"+"c" and "a"+"bc" differ
    for (QChar c : user)
        h = (h ^ sc::upcaseUnit(c.unicode())) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

template<typename Source>
SessionDelta SessionDiffer::updateFrom(Source &source)
{
    const quint64 baseGeneration = m_generation;
    const quint64 generation = ++m_generation;
    const qsizetype newCount = source.size();

    if (m_replaceNext) {
        m_replaceNext = false;
        m_hashes.clear();
        m_hashes.reserve(size_t(newCount));
        auto builder = DeltaBuilder<SessionRow>::replacement(baseGeneration, generation, newCount);
        for (qsizetype j = 0; j < newCount; ++j) {
            SessionRow row = source.added(j, m_pool);
            row.key = m_nextKey++;
            m_hashes.push_back(nameHash(row.client, row.user));
            builder.added(std::move(row));
        }
        SessionDelta delta = builder.finish();
        m_retired = std::exchange(m_rows, delta.rows);
        m_pool.prune();
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
    std::vector<size_t> newHashes(static_cast<size_t>(newCount));
    std::vector<qint64> newConnected(static_cast<size_t>(newCount));
    for (qsizetype j = 0; j < newCount; ++j) {
        newHashes[size_t(j)] = nameHash(source.client(j), source.user(j));
        newConnected[size_t(j)] = source.connectedSinceMs(j);
    }
    std::vector<qint64> oldConnected(static_cast<size_t>(previousCount));
    for (qsizetype i = 0; i < previousCount; ++i)
        oldConnected[size_t(i)] = previous.at(i).connectedSinceMs;
    const auto sortedOrder
        = [](const std::vector<size_t> &hashes, const std::vector<qint64> &connected) {
              std::vector<int> order(hashes.size());
              for (size_t i = 0; i < order.size(); ++i)
                  order[i] = int(i);
              std::sort(order.begin(), order.end(), [&](int a, int b) {
                  if (hashes[size_t(a)] != hashes[size_t(b)])
                      return hashes[size_t(a)] < hashes[size_t(b)];
                  const qint64 ta = connected[size_t(a)];
                  const qint64 tb = connected[size_t(b)];
                  return ta != tb ? ta < tb : a < b;
              });
              return order;
          };
    const std::vector<int> oldOrder = sortedOrder(m_hashes, oldConnected);
    const std::vector<int> newOrder = sortedOrder(newHashes, newConnected);
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
        return std::abs(newConnected[size_t(j)] - oldConnected[size_t(i)]);
    };

    std::vector<int> previousMatch(size_t(previousCount), -1);
    std::vector<int> nextMatch(size_t(newCount), -1);
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
        const qint64 d = distance(a, b);
        const bool earlierIsOld = oldConnected[size_t(i)] <= newConnected[size_t(j)];
        if (!sc::SessionTime::sameConnectInstant(d) || !sc::namesEqual(old.client, source.client(j))
            || !sc::namesEqual(old.user, source.user(j))) {
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
    DeltaBuilder<SessionRow> builder(baseGeneration, generation, newCount);
    std::vector<size_t> hashes;
    hashes.reserve(size_t(newCount));
    for (qsizetype i = 0; i < previousCount; ++i) {
        const int j = previousMatch[size_t(i)];
        if (j < 0) {
            builder.removed(int(i));
            continue;
        }
        const SessionRow &old = previous.at(i);
        SessionRow row = source.matched(j, old, m_pool);
        row.key = old.key;
        sc::SessionTime::keepJitteredInstants(row, old);
        const quint32 changes = row.changesFrom(old);
        hashes.push_back(newHashes[size_t(j)]);
        builder.kept(std::move(row), changes);
    }
    for (qsizetype j = 0; j < newCount; ++j) {
        if (nextMatch[size_t(j)] >= 0)
            continue;
        SessionRow row = source.added(j, m_pool);
        row.key = m_nextKey++;
        hashes.push_back(newHashes[size_t(j)]);
        builder.added(std::move(row));
    }

    SessionDelta delta = builder.finish();
    m_retired = std::exchange(m_rows, delta.rows);
    m_hashes = std::move(hashes);
    m_pool.prune();
    return delta;
}
