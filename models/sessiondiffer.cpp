// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondiffer.h"

namespace {

QStringView viewOf(const sc::SessionText &text)
{
    return QStringView(text.data(), qsizetype(text.size()));
}

// TextPool::internRepeating() slots.
constexpr int kClientTypeSlot = 0;
constexpr int kTransportSlot = 1;

} // namespace

// update()'s input as the sessions the server reported: converted only as far as needed.
class SessionDiffer::InfoSource
{
public:
    InfoSource(const sc::SessionList &sessions, qint64 pollTimeMs,
        const SessionDiffer::OwnSessionTest &isOwn)
        : m_sessions(sessions)
        , m_pollTimeMs(pollTimeMs)
        , m_isOwn(isOwn)
    {
    }

    qsizetype size() const { return qsizetype(m_sessions.size()); }
    QStringView client(qsizetype j) const { return viewOf(info(j).clientName); }
    QStringView user(qsizetype j) const { return viewOf(info(j).userName); }
    qint64 connectedSinceMs(qsizetype j) const
    {
        // As SessionRow::fromInfo(): every level but 0 carries times.
        const sc::SessionInfo &i = info(j);
        return i.level != sc::InfoLevel::Level0
            ? sc::SessionTime::sinceMs(m_pollTimeMs, i.connectedSeconds)
            : 0;
    }

    SessionRow matched(qsizetype j, const SessionRow &old, TextPool &pool)
    {
        const sc::SessionInfo &i = info(j);
        SessionRow row;
        row.client = reuse(old.client, i.clientName, Text::Client, pool);
        row.user = reuse(old.user, i.userName, Text::User, pool);
        row.clientType = reuse(old.clientType, i.clientType, Text::ClientType, pool);
        row.transport = reuse(old.transport, i.transport, Text::Transport, pool);
        setValues(row, i);
        return row;
    }
    SessionRow added(qsizetype j, TextPool &pool)
    {
        const sc::SessionInfo &i = info(j);
        SessionRow row;
        row.client = viewOf(i.clientName).toString();
        row.user = pool.intern(viewOf(i.userName));
        row.clientType = pool.internRepeating(kClientTypeSlot, viewOf(i.clientType));
        row.transport = pool.internRepeating(kTransportSlot, viewOf(i.transport));
        setValues(row, i);
        return row;
    }

private:
    const sc::SessionInfo &info(qsizetype j) const { return m_sessions[size_t(j)]; }

    enum class Text { Client, User, ClientType, Transport };

    // The previous row's text when equal (the common case: no allocation), else a new one
    // (from the pool, except for client names, which are near unique).
    static QString reuse(
        const QString &previous, const sc::SessionText &text, Text kind, TextPool &pool)
    {
        const QStringView view = viewOf(text);
        if (previous == view)
            return previous;
        switch (kind) {
        case Text::Client:
            return view.toString();
        case Text::User:
            return pool.intern(view);
        case Text::ClientType:
            return pool.internRepeating(kClientTypeSlot, view);
        case Text::Transport:
            return pool.internRepeating(kTransportSlot, view);
        }
        return view.toString();
    }

    void setValues(SessionRow &row, const sc::SessionInfo &i) const
    {
        row.setNumbers(i, m_pollTimeMs);
        const SessionRow::Ownership own = m_isOwn ? m_isOwn(row) : SessionRow::Ownership::NotOwn;
        row.isOwnSession = own != SessionRow::Ownership::NotOwn;
        row.ownSessionShared = own == SessionRow::Ownership::OneOfOwn;
    }

    const sc::SessionList &m_sessions;
    qint64 m_pollTimeMs;
    const SessionDiffer::OwnSessionTest &m_isOwn;
};

SessionDiffer::SessionDiffer() = default;
SessionDiffer::~SessionDiffer() = default;
SessionDiffer::SessionDiffer(const SessionDiffer &other) = default;
SessionDiffer &SessionDiffer::operator=(const SessionDiffer &other) = default;
SessionDiffer::SessionDiffer(SessionDiffer &&) noexcept = default;
SessionDiffer &SessionDiffer::operator=(SessionDiffer &&) noexcept = default;

void SessionDiffer::reset()
{
    m_retired = std::exchange(m_rows, {});
    m_hashes.clear();
    m_pool.clear();
    m_replaceNext = true;
}

SessionDelta SessionDiffer::update(
    const sc::SessionList &sessions, qint64 pollTimeMs, const OwnSessionTest &isOwn)
{
    InfoSource source(sessions, pollTimeMs, isOwn);
    return updateFrom(source);
}
