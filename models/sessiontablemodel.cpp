// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiontablemodel.h"

#include "searchtext.h"
#include "serverconnection.h"

#include <QDateTime>
#include <QLocale>

namespace {

constexpr quint32 bit(SessionTableModel::Column column)
{
    return 1u << column;
}

// The SessionRow fields (SessionRow::Change flags) each column shows, in Column order.
constexpr quint32 kFieldsOfColumn[SessionTableModel::ColumnCount] = {
    SessionRow::UserChange | SessionRow::OwnSessionChange, SessionRow::ClientChange,
    SessionRow::ClientTypeChange, SessionRow::OpenCountChange, SessionRow::ConnectedSinceChange,
    SessionRow::IdleSinceChange, SessionRow::GuestChange, SessionRow::TransportChange,
    SessionRow::UnencryptedChange,
    0, // a row's server never changes: its rows leave and others come
};

QString dateTimeText(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs), QLocale::ShortFormat);
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : ServerTableModel<SessionRow, SessionSnapshot>(
        {kFieldsOfColumn, SessionRow::LevelChange}, Server, parent)
{
}

SessionTableModel::~SessionTableModel() = default;

Qt::Alignment SessionTableModel::columnAlignment(int column) const
{
    if (column == OpenFiles || column == ConnectedTime || column == IdleTime)
        return Qt::AlignRight | Qt::AlignVCenter;
    return {};
}

QVariant SessionTableModel::roleData(const SessionRow &r, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        if (column == User && r.isOwnSession) {
            if (!m_ownIcon)
                m_ownIcon = QIcon::fromTheme(QStringLiteral("user-identity"));
            return *m_ownIcon;
        }
        if (column == Encryption && r.isUnencrypted()) {
            if (!m_unencryptedIcon)
                m_unencryptedIcon = QIcon::fromTheme(QStringLiteral("security-low"));
            return *m_unencryptedIcon;
        }
        return {};
    case SortRole:
        return sortData(r, column);
    case KeyRole:
        return QVariant::fromValue(r.key);
    case OwnSessionRole:
        return r.isOwnSession;
    default:
        return {};
    }
}

QVariant SessionTableModel::displayData(const SessionRow &r, int column) const
{
    switch (column) {
    case Guest:
        return r.isGuest() ? tr("Yes", "guest session") : tr("No", "guest session");
    case Encryption:
        //: Column "Plain-text password" (SESS_NOENCRYPTION): whether the password was sent in
        //: plain text at logon. Not about encryption of the session.
        return r.isUnencrypted() ? tr("Yes", "plain-text password")
                                 : tr("No", "plain-text password");
    default:
        return textOf(r, Column(column), now(), m_idleTimeUnreported);
    }
}

QString SessionTableModel::toolTipData(const SessionRow &r, int column) const
{
    switch (column) {
    case User:
        if (r.ownSessionShared)
            return tr("One of these sessions of your account from this computer is the "
                      "console's own connection to the server; the server does not tell which.");
        if (r.isOwnSession)
            return tr("This is the console's own connection to the server.");
        return {};
    case ConnectedTime:
        if (r.hasTimes())
            return tr("Connected since %1").arg(dateTimeText(r.connectedSinceMs));
        return {};
    case IdleTime:
        if (m_idleTimeUnreported)
            return tr("This server does not report idle time: it says 0 for every session.");
        if (r.hasTimes())
            return tr("Last activity at %1").arg(dateTimeText(r.idleSinceMs));
        return {};
    case Guest:
        if (r.isGuest())
            return tr("The user was logged on as a guest.");
        return {};
    case Encryption:
        if (r.isUnencrypted())
            return tr("The password was sent in plain text when this session was set up. This "
                      "says nothing about encryption of the session's traffic.");
        return {};
    default:
        return {};
    }
}

QVariant SessionTableModel::sortData(const SessionRow &r, int column) const
{
    switch (column) {
    case OpenFiles:
        return r.openCount;
    case ConnectedTime:
        return r.connectedSeconds(now());
    case IdleTime:
        if (m_idleTimeUnreported)
            return {};
        return r.idleSeconds(now());
    case Guest:
        return r.isGuest();
    case Encryption:
        return r.isUnencrypted();
    default:
        return sortTextOfRow(r, Column(column));
    }
}

QString SessionTableModel::titleOf(Column column)
{
    switch (column) {
    case User:
        //: Column header: the account that opened the session
        return tr("User");
    case Computer:
        //: Column header: the client computer (name or address) the session comes from
        return tr("Computer");
    case ClientType:
        //: Column header: the client's operating system or SMB client software
        return tr("Client type");
    case OpenFiles:
        //: Column header: number of files, devices and pipes open in the session
        return tr("Open files");
    case ConnectedTime:
        //: Column header: how long the session has been connected (a duration)
        return tr("Connected");
    case IdleTime:
        //: Column header: how long since the client last did something (a duration)
        return tr("Idle");
    case Guest:
        //: Column header: whether the user is logged on as a guest (yes/no)
        return tr("Guest");
    case Transport:
        //: Column header: the network transport the session uses
        return tr("Transport");
    case Encryption:
        //: Column header (SESS_NOENCRYPTION): whether the password was sent in plain text
        //: at logon. Not about encryption of the session; phrase it without a negation.
        return tr("Plain-text password");
    case Server:
        //: Column header: the file server the session is on (with several servers)
        return tr("Server");
    case ColumnCount:
        break;
    }
    return {};
}

QString SessionTableModel::columnToolTip(int column) const
{
    switch (Column(column)) {
    case OpenFiles:
        return tr("Files, devices and pipes the session has open");
    case ConnectedTime:
        return tr("Time since the session was established (hours:minutes:seconds)");
    case IdleTime:
        return tr("Time since the client last used the session (hours:minutes:seconds)");
    case Encryption:
        return tr("Whether the password was sent in plain text when the session was set up "
                  "(not whether the session is encrypted)");
    default:
        return {};
    }
}

QString SessionTableModel::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    QLocale locale;
    const qint64 h = seconds / 3600;
    const int m = int(seconds / 60 % 60);
    const int s = int(seconds % 60);
    //: Duration: hours, minutes, seconds. Keep the order; the separator may change.
    const QString format = tr("%1:%2:%3", "H:MM:SS");
    const QString zeroDigit = locale.zeroDigit();
    if (zeroDigit == QLatin1Char('0')) {
        // The digits 0-9, as QLocale writes them without group separator, cheaper: the
        // durations of every visible row are formatted again on each repaint.
        const char minutes[] = {char('0' + m / 10), char('0' + m % 10)};
        const char secs[] = {char('0' + s / 10), char('0' + s % 10)};
        return format.arg(
            QString::number(h), QLatin1StringView(minutes, 2), QLatin1StringView(secs, 2));
    }
    // No group separator in the hours: "1234:05:06", not "1.234:05:06" in German.
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const QChar zero = zeroDigit.isEmpty() ? QLatin1Char('0') : zeroDigit.at(0);
    return format.arg(locale.toString(h))
        .arg(locale.toString(m).rightJustified(2, zero))
        .arg(locale.toString(s).rightJustified(2, zero));
}

QString SessionTableModel::textOf(
    const SessionRow &row, Column column, qint64 nowMs, bool idleTimeUnreported)
{
    switch (column) {
    case User:
    case Computer:
    case ClientType:
    case Transport:
        return sortTextOfRow(row, column);
    case OpenFiles:
        // A level without the count (0, 10) leaves the cell empty rather than saying 0.
        return sc::fieldsOf(row.level).openCount ? QLocale().toString(row.openCount) : QString();
    case ConnectedTime:
        return row.hasTimes() ? formatDuration(row.connectedSeconds(nowMs)) : QString();
    case IdleTime:
        if (idleTimeUnreported)
            return QStringLiteral("—");
        return row.hasTimes() ? formatDuration(row.idleSeconds(nowMs)) : QString();
    default:
        return {};
    }
}

quint32 SessionTableModel::filterColumns() const
{
    return bit(User) | bit(Computer);
}

bool SessionTableModel::accepts(const SessionRow &row, const QString &filter) const
{
    // User and client each alone, so that a filter never matches across the two.
    return nameContains(row.user, filter) || SearchText::contains(row.client, filter);
}

void SessionTableModel::setIdleTimeUnreported(bool unreported)
{
    if (unreported == m_idleTimeUnreported)
        return;
    // Texts and sort keys of a whole column change: a layout change lets the proxy sort again
    // (it happens once per server, at its first telling answer).
    Q_EMIT layoutAboutToBeChanged();
    m_idleTimeUnreported = unreported;
    Q_EMIT layoutChanged();
}

PackedSortKey SessionTableModel::sortKeyOfRow(const SessionRow &row, Column column)
{
    switch (column) {
    case OpenFiles:
        return PackedSortKey::number(row.openCount, row.key);
    case ConnectedTime:
        return PackedSortKey::duration(row.connectedSinceMs, row.key);
    case IdleTime:
        return PackedSortKey::duration(row.idleSinceMs, row.key);
    case Guest:
        return PackedSortKey::number(row.isGuest(), row.key);
    case Encryption:
        return PackedSortKey::number(row.isUnencrypted(), row.key);
    default:
        return PackedSortKey::text(sortTextOfRow(row, column), row.key);
    }
}

const QString &SessionTableModel::sortTextOfRow(const SessionRow &row, Column column)
{
    static const QString none;
    switch (column) {
    case User:
        return row.user;
    case ClientType:
        return row.clientType;
    case Transport:
        return row.transport;
    case Computer:
        return row.client;
    default:
        return none;
    }
}

const QList<int> &SessionTableModel::valueRoles() const
{
    static const QList<int> roles
        = {Qt::DisplayRole, Qt::ToolTipRole, Qt::DecorationRole, SortRole, RowRole, OwnSessionRole};
    return roles;
}

bool SessionTableModel::levelFills(int column) const
{
    if (!m_levelKnown)
        return true;
    const sc::LevelFields f = sc::fieldsOf(m_level);
    switch (Column(column)) {
    case User:
        return f.userName;
    case Computer:
        return true;
    case ClientType:
        return f.clientType;
    case OpenFiles:
        return f.openCount;
    case ConnectedTime:
    case IdleTime:
        return f.times;
    case Guest:
    case Encryption:
        return f.userFlags;
    case Transport:
        return f.transport;
    case Server:
    case ColumnCount:
        break;
    }
    return false;
}

void SessionTableModel::setDecorationIcons(const QIcon &ownSession, const QIcon &unencrypted)
{
    m_ownIcon = ownSession;
    m_unencryptedIcon = unencrypted;
    if (rowCount() > 0)
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DecorationRole});
}

void SessionTableModel::setLevel(sc::InfoLevel level)
{
    if (m_levelKnown && m_level == level)
        return;
    m_levelKnown = true;
    m_level = level;
    Q_EMIT availableColumnsChanged();
}
