// SPDX-License-Identifier: GPL-3.0-or-later
#include "findusermodel.h"

#include "nameequality.h"
#include "sessiontablemodel.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace {

// Each column is the main table's column of the same meaning: its title and its texts, so
// both lists speak alike.
constexpr SessionTableModel::Column kSessionColumn[FindUserModel::ColumnCount] = {
    SessionTableModel::Server,
    SessionTableModel::User,
    SessionTableModel::Computer,
    SessionTableModel::ConnectedTime,
    SessionTableModel::IdleTime,
    SessionTableModel::OpenFiles,
};

bool isCount(int column)
{
    return column == FindUserModel::ConnectedTime || column == FindUserModel::IdleTime
        || column == FindUserModel::OpenFiles;
}

} // namespace

FindUserModel::FindUserModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<SessionRow>();
}

FindUserModel::~FindUserModel() = default;

void FindUserModel::appendServer(const QString &server)
{
    ServerEntry entry;
    entry.name = server;
    m_servers.append(entry);
}

int FindUserModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int rows = 0;
    for (const ServerEntry &entry : m_servers)
        rows += blockSize(entry);
    return rows;
}

int FindUserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int FindUserModel::indexOf(const QString &server) const
{
    for (qsizetype s = 0; s < m_servers.size(); ++s) {
        if (m_servers.at(s).name == server)
            return int(s);
    }
    return -1;
}

int FindUserModel::blockStart(int s) const
{
    int start = 0;
    for (int i = 0; i < s; ++i)
        start += blockSize(m_servers.at(i));
    return start;
}

void FindUserModel::locate(int row, int *server, int *offset) const
{
    for (qsizetype s = 0; s < m_servers.size(); ++s) {
        const int size = blockSize(m_servers.at(s));
        if (row < size) {
            *server = int(s);
            *offset = row;
            return;
        }
        row -= size;
    }
    *server = -1;
    *offset = -1;
}

QString FindUserModel::serverOfRow(int row) const
{
    int s = 0;
    int offset = 0;
    locate(row, &s, &offset);
    return s < 0 ? QString() : m_servers.at(s).name;
}

quint64 FindUserModel::keyOfRow(int row) const
{
    int s = 0;
    int offset = 0;
    locate(row, &s, &offset);
    if (s < 0 || m_servers.at(s).stateRow)
        return 0;
    return m_servers.at(s).rows.at(offset).key;
}

QString FindUserModel::stateText(const ServerEntry &entry) const
{
    switch (entry.state) {
    case State::Asking:
        //: Find User: the server has not answered yet
        return tr("Asking…");
    case State::Answered:
        //: Find User: the server answered, and the user has no session on it
        return tr("No sessions");
    case State::Failed:
        return entry.errorText;
    case State::NoUserNames:
        return tr("Cannot tell: the server does not report user names at its information level");
    }
    return {};
}

QVariant FindUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    int s = 0;
    int offset = 0;
    locate(index.row(), &s, &offset);
    if (s < 0)
        return {};
    const ServerEntry &entry = m_servers.at(s);
    const int column = index.column();
    switch (role) {
    case ServerRole:
        return entry.name;
    case StateRole:
        return int(entry.state);
    default:
        break;
    }
    if (entry.stateRow) {
        // The row that says where the server stands.
        switch (role) {
        case Qt::DisplayRole:
            if (column == Server)
                return entry.name;
            return column == User ? stateText(entry) : QString();
        case Qt::ToolTipRole:
            return column == User ? stateText(entry) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case KeyRole:
            return QVariant::fromValue(quint64(0));
        default:
            return {};
        }
    }
    const SessionRow &row = entry.rows.at(offset);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Server)
            return entry.name;
        return SessionTableModel::textOf(
            row, kSessionColumn[column], entry.nowMs, entry.idleTimeUnreported);
    case Qt::TextAlignmentRole:
        if (isCount(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KeyRole:
        return QVariant::fromValue(row.key);
    case RowRole:
        return QVariant::fromValue(row);
    default:
        return {};
    }
}

QVariant FindUserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && isCount(section))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    return SessionTableModel::titleOf(kSessionColumn[section]);
}

void FindUserModel::start(const QString &user, const QStringList &servers)
{
    // A new question: nothing of the previous one stays, so a reset is what happened.
    beginResetModel();
    m_user = user;
    m_servers.clear();
    for (const QString &server : servers) {
        if (indexOf(server) < 0)
            appendServer(server);
    }
    endResetModel();
    Q_EMIT summaryChanged();
}

void FindUserModel::addServer(const QString &server)
{
    if (indexOf(server) >= 0)
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    appendServer(server);
    endInsertRows();
    Q_EMIT summaryChanged();
}

void FindUserModel::removeServer(const QString &server)
{
    const int s = indexOf(server);
    if (s < 0)
        return;
    const int start = blockStart(s);
    beginRemoveRows({}, start, start + blockSize(m_servers.at(s)) - 1);
    m_servers.removeAt(s);
    endRemoveRows();
    Q_EMIT summaryChanged();
}

void FindUserModel::applyAnswer(
    const QString &server, const QList<SessionRow> &rows, qint64 nowMs, bool idleTimeUnreported)
{
    const int s = indexOf(server);
    if (s < 0)
        return;
    ServerEntry &entry = m_servers[s];
    entry.idleTimeUnreported = idleTimeUnreported;
    // Durations count to the instant of this answer: the rows that stay change with it.
    const bool clockMoved = entry.nowMs != nowMs;
    entry.nowMs = nowMs;
    bool userNames = rows.isEmpty();
    QList<SessionRow> matching;
    for (const SessionRow &row : rows) {
        if (sc::fieldsOf(row.level).userName)
            userNames = true;
        if (sc::namesEqual(row.user, m_user))
            matching.append(row);
    }
    updateBlock(
        s, matching, userNames ? State::Answered : State::NoUserNames, QString(), clockMoved);
}

void FindUserModel::applyFailure(const QString &server, const QString &errorText)
{
    const int s = indexOf(server);
    if (s < 0)
        return;
    updateBlock(s, {}, State::Failed, errorText, false);
}

void FindUserModel::updateBlock(
    int s, const QList<SessionRow> &rows, State state, const QString &errorText, bool clockMoved)
{
    const QString summaryBefore = summary();
    ServerEntry &entry = m_servers[s];
    const int start = blockStart(s);
    const bool stateChanged = entry.state != state || entry.errorText != errorText;
    entry.state = state;
    entry.errorText = errorText;

    if (entry.stateRow && rows.isEmpty()) {
        // The state row stays and says something else now.
        if (stateChanged)
            Q_EMIT dataChanged(index(start, 0), index(start, ColumnCount - 1));
    } else if (entry.stateRow) {
        // Sessions replace the state row.
        beginRemoveRows({}, start, start);
        entry.stateRow = false;
        endRemoveRows();
        beginInsertRows({}, start, start + int(rows.size()) - 1);
        entry.rows = rows;
        endInsertRows();
    } else if (rows.isEmpty()) {
        // The state row replaces the sessions.
        beginRemoveRows({}, start, start + int(entry.rows.size()) - 1);
        entry.rows.clear();
        endRemoveRows();
        beginInsertRows({}, start, start);
        entry.stateRow = true;
        endInsertRows();
    } else {
        // Keyed: sessions that ended leave, those that stay change in place, new ones are
        // appended, so a selection in the list stays on its session.
        QHash<quint64, int> incoming;
        for (qsizetype i = 0; i < rows.size(); ++i)
            incoming.insert(rows.at(i).key, int(i));
        for (int last = int(entry.rows.size()) - 1; last >= 0;) {
            if (incoming.contains(entry.rows.at(last).key)) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && !incoming.contains(entry.rows.at(first - 1).key))
                --first;
            beginRemoveRows({}, start + first, start + last);
            entry.rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first - 1;
        }
        QSet<quint64> kept;
        int changedFirst = -1;
        for (int i = 0; i <= int(entry.rows.size()); ++i) {
            bool changed = false;
            if (i < int(entry.rows.size())) {
                const SessionRow &next = rows.at(incoming.value(entry.rows.at(i).key));
                kept.insert(next.key);
                changed = clockMoved || !entry.rows.at(i).sameValues(next);
                entry.rows[i] = next;
            }
            // One dataChanged per run of changed rows.
            if (changed && changedFirst < 0) {
                changedFirst = i;
            } else if (!changed && changedFirst >= 0) {
                Q_EMIT dataChanged(
                    index(start + changedFirst, 0), index(start + i - 1, ColumnCount - 1));
                changedFirst = -1;
            }
        }
        QList<SessionRow> added;
        for (const SessionRow &row : std::as_const(rows)) {
            if (!kept.contains(row.key))
                added.append(row);
        }
        if (!added.isEmpty()) {
            const int first = start + int(entry.rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            entry.rows.append(added);
            endInsertRows();
        }
    }
    if (summary() != summaryBefore)
        Q_EMIT summaryChanged();
}

FindUserModel::State FindUserModel::state(const QString &server) const
{
    const int s = indexOf(server);
    return s < 0 ? State::Asking : m_servers.at(s).state;
}

int FindUserModel::sessionCount() const
{
    int sessions = 0;
    for (const ServerEntry &entry : m_servers)
        sessions += int(entry.rows.size());
    return sessions;
}

int FindUserModel::serversWithSessions() const
{
    int servers = 0;
    for (const ServerEntry &entry : m_servers)
        servers += entry.rows.isEmpty() ? 0 : 1;
    return servers;
}

int FindUserModel::serverCount(State state) const
{
    int servers = 0;
    for (const ServerEntry &entry : m_servers)
        servers += entry.state == state ? 1 : 0;
    return servers;
}

QString FindUserModel::summary() const
{
    if (m_user.isEmpty())
        return {};
    QLocale locale;
    //: Find User summary, e.g. "alice: 3 sessions on 2 of 5 servers". %1 is the user name,
    //: %2 "3 sessions", %3 "2 of 5 servers".
    QString text = tr("%1: %2 on %3", "find user summary")
                       .arg(m_user, tr("%n session(s)", "find user summary", sessionCount()),
                           //: Find User summary: servers where the user has sessions, of all
                           tr("%1 of %n server(s)", "find user summary", serverCount())
                               .arg(locale.toString(serversWithSessions())));
    if (const int failed = serverCount(State::Failed))
        text += QLatin1String("; ") + tr("%n server(s) failed", "find user summary", failed);
    if (const int blind = serverCount(State::NoUserNames))
        //: Find User summary: servers whose answer has no user names
        text += QLatin1String("; ") + tr("%n server(s) cannot tell", "find user summary", blind);
    if (const int asking = serverCount(State::Asking))
        //: Find User summary: servers that have not answered yet
        text += QLatin1String("; ") + tr("%n still asking", "find user summary", asking);
    return text;
}
