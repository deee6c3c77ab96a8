// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"

#include "sessiontablemodel.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <unordered_set>
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
size_t nameHash(QStringView client, QStringView user)
{
    size_t h = 0xcbf29ce484222325ull;
    for (QChar c : client)
        h = (h ^ foldCase(c.unicode())) * 0x100000001b3ull;
    h = (h ^ 0xffffu) * 0x100000001b3ull; // "ab"+"c" and "a"+"bc" differ
    for (QChar c : user)
        h = (h ^ foldCase(c.unicode())) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

bool sameName(QStringView a, QStringView b)
{
    // Simple case folding maps one UTF-16 unit to one, so equal names have equal lengths.
    return a.size() == b.size() && (a == b || a.compare(b, Qt::CaseInsensitive) == 0);
}

QStringView viewOf(const sc::SessionText &text)
{
    return QStringView(text.data(), qsizetype(text.size()));
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

} // namespace

// The user, client type and transport texts of the current rows, each once. Keyed by the text
// itself (lookups take a QStringView, so a text already held costs no allocation).
class SessionDiffer::TextPool
{
public:
    // The pooled copy of @p text, added when new.
    QString intern(QStringView text)
    {
        if (text.isEmpty())
            return QString();
        const auto it = m_strings.find(text);
        if (it != m_strings.end())
            return *it;
        return *m_strings.insert(text.toString()).first;
    }

    // Makes @p text share the pooled copy of its text (adding it when new).
    void intern(QString &text)
    {
        if (text.isEmpty())
            return;
        const auto [it, added] = m_strings.insert(text);
        if (!added && !it->isSharedWith(text))
            text = *it;
    }

    // Client type and transport: the same few texts row after row, so the last one of each
    // field is checked before hashing.
    QString internRepeating(int field, QStringView text)
    {
        QString &last = m_last[field];
        if (last == text)
            return last;
        last = intern(text);
        return last;
    }
    void internRepeating(int field, QString &text)
    {
        QString &last = m_last[field];
        if (last.isSharedWith(text))
            return;
        if (!text.isEmpty() && last == text) {
            text = last;
            return;
        }
        intern(text);
        last = text;
    }

    // Forgets the texts no row holds any more (only the pool references them). Scans the pool
    // only after it grew by a sixteenth since the last scan, so the cost per update stays
    // proportional to the sessions that came and went. Safe while the GUI thread holds rows:
    // a text it holds has a reference besides the pool's, and nobody can add one to a text
    // only the pool holds.
    void prune()
    {
        if (m_strings.size() < m_sizeAfterPrune + std::max<size_t>(256, m_sizeAfterPrune / 16))
            return;
        for (QString &last : m_last)
            last = QString();
        std::erase_if(m_strings, [](const QString &text) { return text.isDetached(); });
        m_sizeAfterPrune = m_strings.size();
    }

    void clear()
    {
        m_strings.clear();
        for (QString &last : m_last)
            last = QString();
        m_sizeAfterPrune = 0;
    }

    size_t size() const { return m_strings.size(); }

    static constexpr int kClientType = 0;
    static constexpr int kTransport = 1;

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(QStringView text) const noexcept { return qHash(text); }
    };
    struct Equal
    {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const noexcept { return a == b; }
    };

    std::unordered_set<QString, Hash, Equal> m_strings;
    QString m_last[2];
    size_t m_sizeAfterPrune = 0;
};

// update()'s input as rows already converted (tests, benchmarks, older callers).
class SessionDiffer::RowSource
{
public:
    RowSource(QList<SessionRow> &rows, SessionDiffer::TextPool &pool)
        : m_rows(rows)
        , m_pool(pool)
    {
    }

    qsizetype size() const { return m_rows.size(); }
    QStringView client(qsizetype j) const { return std::as_const(m_rows).at(j).client; }
    QStringView user(qsizetype j) const { return std::as_const(m_rows).at(j).user; }
    qint64 connectedSinceMs(qsizetype j) const
    {
        return std::as_const(m_rows).at(j).connectedSinceMs;
    }

    // Row j, sharing the previous row's texts where equal.
    SessionRow matched(qsizetype j, const SessionRow &old)
    {
        SessionRow row = std::move(m_rows[j]);
        share(row.client, old.client);
        share(row.user, old.user);
        share(row.clientType, old.clientType);
        share(row.transport, old.transport);
        return row;
    }
    SessionRow added(qsizetype j)
    {
        SessionRow row = std::move(m_rows[j]);
        m_pool.intern(row.user);
        m_pool.internRepeating(SessionDiffer::TextPool::kClientType, row.clientType);
        m_pool.internRepeating(SessionDiffer::TextPool::kTransport, row.transport);
        return row;
    }

private:
    QList<SessionRow> &m_rows;
    SessionDiffer::TextPool &m_pool;
};

// update()'s input as the sessions the server reported: converted only as far as needed.
class SessionDiffer::InfoSource
{
public:
    InfoSource(const sc::SessionList &sessions, qint64 pollTimeMs,
        const SessionDiffer::OwnSessionTest &isOwn, SessionDiffer::TextPool &pool)
        : m_sessions(sessions)
        , m_pollTimeMs(pollTimeMs)
        , m_isOwn(isOwn)
        , m_pool(pool)
    {
    }

    qsizetype size() const { return qsizetype(m_sessions.size()); }
    QStringView client(qsizetype j) const { return viewOf(info(j).clientName); }
    QStringView user(qsizetype j) const { return viewOf(info(j).userName); }
    qint64 connectedSinceMs(qsizetype j) const
    {
        // As SessionRow::fromInfo(): every level but 0 carries times.
        const sc::SessionInfo &i = info(j);
        return i.level != sc::InfoLevel::Level0 ? m_pollTimeMs - qint64(i.connectedSeconds) * 1000
                                                : 0;
    }

    SessionRow matched(qsizetype j, const SessionRow &old)
    {
        const sc::SessionInfo &i = info(j);
        SessionRow row;
        row.client = reuse(old.client, i.clientName, Text::Client);
        row.user = reuse(old.user, i.userName, Text::User);
        row.clientType = reuse(old.clientType, i.clientType, Text::ClientType);
        row.transport = reuse(old.transport, i.transport, Text::Transport);
        setValues(row, i);
        return row;
    }
    SessionRow added(qsizetype j)
    {
        const sc::SessionInfo &i = info(j);
        SessionRow row;
        row.client = viewOf(i.clientName).toString();
        row.user = m_pool.intern(viewOf(i.userName));
        row.clientType
            = m_pool.internRepeating(SessionDiffer::TextPool::kClientType, viewOf(i.clientType));
        row.transport
            = m_pool.internRepeating(SessionDiffer::TextPool::kTransport, viewOf(i.transport));
        setValues(row, i);
        return row;
    }

private:
    const sc::SessionInfo &info(qsizetype j) const { return m_sessions[size_t(j)]; }

    enum class Text { Client, User, ClientType, Transport };

    // The previous row's text when equal (the common case: no allocation), else a new one
    // (from the pool, except for client names, which are near unique).
    QString reuse(const QString &previous, const sc::SessionText &text, Text kind)
    {
        const QStringView view = viewOf(text);
        if (previous == view)
            return previous;
        switch (kind) {
        case Text::Client:
            return view.toString();
        case Text::User:
            return m_pool.intern(view);
        case Text::ClientType:
            return m_pool.internRepeating(SessionDiffer::TextPool::kClientType, view);
        case Text::Transport:
            return m_pool.internRepeating(SessionDiffer::TextPool::kTransport, view);
        }
        return view.toString();
    }

    void setValues(SessionRow &row, const sc::SessionInfo &i) const
    {
        row.setNumbers(i, m_pollTimeMs);
        row.isOwnSession = m_isOwn && m_isOwn(row);
    }

    const sc::SessionList &m_sessions;
    qint64 m_pollTimeMs;
    const SessionDiffer::OwnSessionTest &m_isOwn;
    SessionDiffer::TextPool &m_pool;
};

SessionDiffer::SessionDiffer()
    : m_pool(std::make_unique<TextPool>())
{
}

SessionDiffer::~SessionDiffer() = default;
SessionDiffer::SessionDiffer(SessionDiffer &&) noexcept = default;
SessionDiffer &SessionDiffer::operator=(SessionDiffer &&) noexcept = default;

SessionDiffer::SessionDiffer(const SessionDiffer &other)
    : m_pool(std::make_unique<TextPool>(*other.m_pool))
    , m_rows(other.m_rows)
    , m_retired(other.m_retired)
    , m_hashes(other.m_hashes)
    , m_generation(other.m_generation)
    , m_nextKey(other.m_nextKey)
    , m_replaceNext(other.m_replaceNext)
{
}

SessionDiffer &SessionDiffer::operator=(const SessionDiffer &other)
{
    if (this != &other)
        *this = SessionDiffer(other);
    return *this;
}

qsizetype SessionDiffer::pooledTexts() const
{
    return qsizetype(m_pool->size());
}

void SessionDiffer::reset()
{
    m_retired = std::exchange(m_rows, {});
    m_hashes.clear();
    m_pool->clear();
    m_replaceNext = true;
}

SessionDelta SessionDiffer::update(QList<SessionRow> newRows)
{
    RowSource source(newRows, *m_pool);
    return updateFrom(source);
}

SessionDelta SessionDiffer::update(
    const sc::SessionList &sessions, qint64 pollTimeMs, const OwnSessionTest &isOwn)
{
    InfoSource source(sessions, pollTimeMs, isOwn, *m_pool);
    return updateFrom(source);
}

template<typename Source>
SessionDelta SessionDiffer::updateFrom(Source &source)
{
    SessionDelta delta;
    delta.baseGeneration = m_generation;
    delta.generation = ++m_generation;
    const qsizetype newCount = source.size();

    if (m_replaceNext) {
        m_replaceNext = false;
        m_hashes.clear();
        m_hashes.reserve(size_t(newCount));
        QList<SessionRow> rows;
        rows.reserve(newCount);
        for (qsizetype j = 0; j < newCount; ++j) {
            SessionRow row = source.added(j);
            row.key = m_nextKey++;
            m_hashes.push_back(nameHash(row.client, row.user));
            rows.append(std::move(row));
        }
        delta.replace = true;
        delta.insertFirst = 0;
        delta.rows = rows;
        m_retired = std::exchange(m_rows, std::move(rows));
        m_pool->prune();
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
        if (d > kConnectToleranceMs || !sameName(old.client, source.client(j))
            || !sameName(old.user, source.user(j))) {
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
    rows.reserve(newCount);
    std::vector<size_t> hashes;
    hashes.reserve(size_t(newCount));
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
        SessionRow row = source.matched(j, old);
        row.key = old.key;
        // Within tolerance the difference is the server's rounding, not a new instant.
        row.connectedSinceMs = old.connectedSinceMs;
        if (std::abs(row.idleSinceMs - old.idleSinceMs) <= kIdleToleranceMs)
            row.idleSinceMs = old.idleSinceMs;

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
    for (qsizetype j = 0; j < newCount; ++j) {
        if (nextMatch[size_t(j)] >= 0)
            continue;
        SessionRow row = source.added(j);
        row.key = m_nextKey++;
        hashes.push_back(newHashes[size_t(j)]);
        rows.append(std::move(row));
    }

    delta.rows = rows;
    m_retired = std::exchange(m_rows, std::move(rows));
    m_hashes = std::move(hashes);
    m_pool->prune();
    return delta;
}
