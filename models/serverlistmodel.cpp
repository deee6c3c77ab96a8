// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlistmodel.h"

#include "rolenames.h"
#include "serverconnection.h"
#include "sessionerrortext.h"

#include <QDateTime>
#include <QLocale>
#include <QMetaEnum>

#include <algorithm>

namespace {

QString timeText(qint64 msecsSinceEpoch)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

ServerListModel::ServerListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ServerListModel::~ServerListModel() = default;

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const Shown &shown = entry.shown;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return shown.name;
    case Qt::ToolTipRole:
        return shown.toolTip;
    case StateRole:
        return int(shown.state);
    case StateTextRole:
        return stateText(shown.state);
    case SessionCountRole:
        return shown.sessionCount ? QVariant(*shown.sessionCount) : QVariant();
    case LastRefreshRole:
        return shown.lastRefreshMs > 0
            ? QVariant(QDateTime::fromMSecsSinceEpoch(shown.lastRefreshMs))
            : QVariant();
    case ConnectionRole:
        return QVariant::fromValue(entry.connection);
    case AccountRole:
        return shown.account;
    default:
        return {};
    }
}

QHash<int, QByteArray> ServerListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    RoleNames::add(names, QMetaEnum::fromType<Role>());
    return names;
}

void ServerListModel::addConnection(ServerConnection *connection)
{
    if (!connection || rowOf(connection) >= 0)
        return;
    Entry entry;
    entry.connection = connection;
    entry.shown = shownOf(entry);
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    endInsertRows();

    // A row is found again by its connection, never by a row number kept in a lambda: rows
    // move when others are removed.
    connect(connection, &ServerConnection::statusChanged, this,
        [this, connection] { updateConnection(connection); });
    connect(connection, &ServerConnection::snapshotReady, this,
        [this, connection](const SessionSnapshot &snapshot) {
            // Only a complete answer counts: the pages of a paged one so far are not the
            // server's sessions, and a failed poll says nothing about them.
            if (!snapshot.hasRows || snapshot.partial)
                return;
            const int row = rowOf(connection);
            if (row < 0)
                return;
            m_entries[row].sessionCount = int(snapshot.delta.rows.size());
            updateRow(row);
        });
    connect(connection, &ServerConnection::aboutToConnect, this, [this, connection] {
        // Another server or account: what the previous connection counted is not this one's.
        const int row = rowOf(connection);
        if (row < 0)
            return;
        m_entries[row].sessionCount.reset();
        updateRow(row);
    });
    connect(connection, &QObject::destroyed, this,
        [this, connection] { removeConnection(connection); });
}

void ServerListModel::removeConnection(ServerConnection *connection)
{
    const int row = rowOf(connection);
    if (row < 0)
        return;
    // Also reached from destroyed(), when only QObject's part is left: disconnect as a
    // QObject.
    QObject::disconnect(static_cast<QObject *>(connection), nullptr, this, nullptr);
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

void ServerListModel::setAccountOverride(const ServerConnection *connection, const QString &account)
{
    const int row = rowOf(connection);
    if (row < 0)
        return;
    m_entries[row].account = account;
    updateRow(row);
}

ServerConnection *ServerListModel::connectionAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).connection : nullptr;
}

int ServerListModel::rowOf(const ServerConnection *connection) const
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(),
        [connection](const Entry &e) { return e.connection == connection; });
    return it == m_entries.cend() ? -1 : int(it - m_entries.cbegin());
}

ServerListModel::State ServerListModel::stateOf(const ConnectionStatus &status)
{
    switch (status.state) {
    case ConnectionStatus::State::Unconnected:
        return status.noPassword ? State::NotConnected : State::Connecting;
    case ConnectionStatus::State::Connecting:
        return State::Connecting;
    case ConnectionStatus::State::Online:
        return State::Live;
    case ConnectionStatus::State::Offline:
        return status.answered ? State::Stale : State::Failed;
    }
    return State::Connecting;
}

QString ServerListModel::stateText(State state)
{
    switch (state) {
    case State::Connecting:
        //: State of a watched server: it has not answered yet.
        return tr("Connecting");
    case State::Live:
        //: State of a watched server: its last refresh was answered, its sessions are current.
        return tr("Live");
    case State::Failed:
        //: State of a watched server: it never answered, its last refresh failed.
        return tr("Failed");
    case State::Stale:
        //: State of a watched server: its last refresh failed, the sessions shown are older.
        return tr("Stale");
    case State::NotConnected:
        //: State of a watched server: no password was given for its account.
        return tr("Not connected: no password");
    }
    return {};
}

void ServerListModel::retranslate()
{
    if (m_entries.isEmpty())
        return;
    for (Entry &entry : m_entries)
        entry.shown = shownOf(entry);
    Q_EMIT dataChanged(
        index(0), index(int(m_entries.size()) - 1), {Qt::ToolTipRole, StateTextRole});
}

ServerListModel::Shown ServerListModel::shownOf(const Entry &entry) const
{
    const ConnectionStatus status = entry.connection->status();
    Shown shown;
    shown.name = status.server;
    shown.state = stateOf(status);
    shown.sessionCount = entry.sessionCount;
    shown.lastRefreshMs = entry.sessionCount ? status.lastSuccessMs : 0;
    shown.account = entry.account;
    shown.toolTip = toolTipOf(status, shown.state, shown);
    return shown;
}

void ServerListModel::updateRow(int row)
{
    Entry &entry = m_entries[row];
    Shown shown = shownOf(entry);
    if (shown == entry.shown)
        return;
    entry.shown = std::move(shown);
    Q_EMIT dataChanged(index(row), index(row));
}

void ServerListModel::updateConnection(const ServerConnection *connection)
{
    if (const int row = rowOf(connection); row >= 0)
        updateRow(row);
}

QString ServerListModel::toolTipOf(const ConnectionStatus &status, State state, const Shown &shown)
{
    QStringList lines;
    lines << shown.name;
    switch (state) {
    case State::Connecting:
        lines << tr("Connecting…");
        break;
    case State::Live:
        // Zero while the pages of the first answer still arrive.
        if (status.lastSuccessMs > 0)
            lines << tr("Updated %1").arg(timeText(status.lastSuccessMs));
        break;
    case State::Failed:
        lines << tr("No answer yet");
        break;
    case State::Stale:
        if (shown.lastRefreshMs > 0)
            lines << tr("No answer since %1; the sessions shown are from then.")
                         .arg(timeText(shown.lastRefreshMs));
        else
            lines << tr("No answer since the last refresh.");
        break;
    case State::NotConnected:
        lines << stateText(state);
        break;
    }
    if (!shown.account.isEmpty()) {
        //: Tooltip of a server connected with its own account, e.g. "as EXAMPLE\\helpdesk2".
        lines << tr("as %1").arg(shown.account);
    }
    if (status.lastError)
        lines << SessionErrorText::text(*status.lastError, 0, SessionErrorText::Operation::List);
    // Only what the server negotiated: before its first answer nothing is known.
    if (status.answered) {
        QString security = status.sealing ? tr("Signed and encrypted")
            : status.signing              ? tr("Signed, not encrypted")
                                          : tr("Not signed");
        if (!status.protocol.isEmpty())
            security = tr("%1 (%2)", "security (protocol)").arg(security, status.protocol);
        lines << (state == State::Live ? tr("Connection: %1").arg(security)
                                       : tr("Connection at the last answer: %1").arg(security));
    }
    return lines.join(QLatin1Char('\n'));
}
