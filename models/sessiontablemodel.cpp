// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiontablemodel.h"

#include "sessionerrortext.h"

#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace {

constexpr quint32 bit(SessionTableModel::Column column)
{
    return 1u << column;
}

constexpr quint32 kAllColumns = (1u << SessionTableModel::ColumnCount) - 1;

qint64 wallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString dateTimeText(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs), QLocale::ShortFormat);
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(wallClock)
    , m_nowMs(wallClock())
{
    qRegisterMetaType<SessionRow>();
    qRegisterMetaType<SessionSnapshot>();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

SessionTableModel::~SessionTableModel() = default;

// The base class checks bounds through two virtual calls; a sort of 100k rows creates
// millions of indexes.
QModelIndex SessionTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_count || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int SessionTableModel::physicalRow(int row) const
{
    if (!m_removing)
        return row;
    // Ranges [m_removingFrom, end) are gone. Gap j sits in front of shown row
    // first_j - (removed before j), which grows strictly with j since ranges are not adjacent.
    const qsizetype from = m_removingFrom;
    const qsizetype end = m_removing->size();
    const qsizetype base = m_removedBefore.at(from);
    qsizetype lo = from;
    qsizetype hi = end; // first gap whose start lies after row
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        const qsizetype gapAt = m_removing->at(mid).first - (m_removedBefore.at(mid) - base);
        if (gapAt <= row)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == from)
        return row;
    return int(row + (m_removedBefore.at(lo) - base));
}

const SessionRow &SessionTableModel::row(int row) const
{
    return m_rows.at(physicalRow(row));
}

int SessionTableModel::rowOfKey(quint64 key) const
{
    for (int r = 0; r < m_count; ++r) {
        if (row(r).key == key)
            return r;
    }
    return -1;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionRow &r = row(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, column);
    case Qt::ToolTipRole:
        return toolTipData(r, column);
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
    case Qt::TextAlignmentRole:
        if (column == OpenFiles || column == ConnectedTime || column == IdleTime)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (m_stale)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
        return sortData(r, column);
    case KeyRole:
        return QVariant::fromValue(r.key);
    case RowRole:
        return QVariant::fromValue(r);
    case OwnSessionRole:
        return r.isOwnSession;
    case StaleRole:
        return m_stale;
    default:
        return {};
    }
}

QVariant SessionTableModel::displayData(const SessionRow &r, int column) const
{
    switch (column) {
    case User:
        return r.user;
    case Computer:
        return r.client;
    case ClientType:
        return r.clientType;
    case OpenFiles:
        return QLocale().toString(r.openCount);
    case ConnectedTime:
        return r.hasTimes() ? formatDuration(r.connectedSeconds(m_nowMs)) : QString();
    case IdleTime:
        return r.hasTimes() ? formatDuration(r.idleSeconds(m_nowMs)) : QString();
    case Guest:
        return r.isGuest() ? tr("Yes", "guest session") : tr("No", "guest session");
    case Transport:
        return r.transport;
    case Encryption:
        //: Column "Plain-text password" (SESS_NOENCRYPTION): whether the password was sent in
        //: plain text at logon. Not about encryption of the session.
        return r.isUnencrypted() ? tr("Yes", "plain-text password")
                                 : tr("No", "plain-text password");
    default:
        return {};
    }
}

QVariant SessionTableModel::toolTipData(const SessionRow &r, int column) const
{
    QString tip;
    switch (column) {
    case User:
        if (r.isOwnSession)
            tip = tr("This is the console's own connection to the server.");
        break;
    case ConnectedTime:
        if (r.hasTimes())
            tip = tr("Connected since %1").arg(dateTimeText(r.connectedSinceMs));
        break;
    case IdleTime:
        if (r.hasTimes())
            tip = tr("Last activity at %1").arg(dateTimeText(r.idleSinceMs));
        break;
    case Guest:
        if (r.isGuest())
            tip = tr("The user was logged on as a guest.");
        break;
    case Encryption:
        if (r.isUnencrypted())
            tip = tr("The password was sent in plain text when this session was set up. This "
                     "says nothing about encryption of the session's traffic.");
        break;
    default:
        break;
    }
    if (m_stale && m_lastError) {
        const QString reason = tr("The last refresh failed, so this may be outdated: %1")
                                   .arg(SessionErrorText::message(*m_lastError));
        tip = tip.isEmpty() ? reason : tip + QLatin1Char('\n') + reason;
    }
    if (tip.isEmpty())
        return {};
    return tip;
}

QVariant SessionTableModel::sortData(const SessionRow &r, int column) const
{
    switch (column) {
    case User:
        return r.user;
    case Computer:
        return r.client;
    case ClientType:
        return r.clientType;
    case OpenFiles:
        return r.openCount;
    case ConnectedTime:
        return r.connectedSeconds(m_nowMs);
    case IdleTime:
        return r.idleSeconds(m_nowMs);
    case Guest:
        return r.isGuest();
    case Transport:
        return r.transport;
    case Encryption:
        return r.isUnencrypted();
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
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
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
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
            break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == OpenFiles || section == ConnectedTime || section == IdleTime)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QHash<int, QByteArray> SessionTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(KeyRole, "sessionKey");
    names.insert(RowRole, "session");
    names.insert(OwnSessionRole, "ownSession");
    names.insert(StaleRole, "stale");
    return names;
}

QString SessionTableModel::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    // No group separator in the hours: "1234:05:06", not "1.234:05:06" in German.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const qint64 h = seconds / 3600;
    const int m = int(seconds / 60 % 60);
    const int s = int(seconds % 60);
    const QChar zero = locale.zeroDigit().isEmpty() ? QLatin1Char('0') : locale.zeroDigit().at(0);
    //: Duration: hours, minutes, seconds. Keep the order; the separator may change.
    return tr("%1:%2:%3", "H:MM:SS")
        .arg(locale.toString(h))
        .arg(locale.toString(m).rightJustified(2, zero))
        .arg(locale.toString(s).rightJustified(2, zero));
}

quint32 SessionTableModel::changedColumns(const SessionRow &before, const SessionRow &after)
{
    if (before.level != after.level)
        return kAllColumns;
    quint32 columns = 0;
    if (before.user != after.user || before.isOwnSession != after.isOwnSession)
        columns |= bit(User);
    if (before.client != after.client)
        columns |= bit(Computer);
    if (before.clientType != after.clientType)
        columns |= bit(ClientType);
    if (before.openCount != after.openCount)
        columns |= bit(OpenFiles);
    if (before.connectedSinceMs != after.connectedSinceMs)
        columns |= bit(ConnectedTime);
    if (before.idleSinceMs != after.idleSinceMs)
        columns |= bit(IdleTime);
    if (before.isGuest() != after.isGuest())
        columns |= bit(Guest);
    if (before.transport != after.transport)
        columns |= bit(Transport);
    if (before.isUnencrypted() != after.isUnencrypted())
        columns |= bit(Encryption);
    return columns;
}

const QList<int> &SessionTableModel::valueRoles()
{
    static const QList<int> roles
        = {Qt::DisplayRole, Qt::ToolTipRole, Qt::DecorationRole, SortRole, RowRole, OwnSessionRole};
    return roles;
}

bool SessionTableModel::columnAvailable(Column column) const
{
    if (!m_levelKnown)
        return column >= 0 && column < ColumnCount;
    const sc::LevelFields f = sc::fieldsOf(m_level);
    switch (column) {
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
    case ColumnCount:
        break;
    }
    return false;
}

void SessionTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(wallClock);
    m_nowMs = m_clock();
}

void SessionTableModel::setDecorationIcons(const QIcon &ownSession, const QIcon &unencrypted)
{
    m_ownIcon = ownSession;
    m_unencryptedIcon = unencrypted;
    if (m_count > 0) {
        emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1), {Qt::DecorationRole});
    }
}

void SessionTableModel::tick()
{
    m_nowMs = m_clock();
    emit ticked();
}

void SessionTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_count = 0;
    m_generation = 0;
    endResetModel();
    setStale(false, std::nullopt);
}

void SessionTableModel::setLevel(sc::InfoLevel level, bool fellBack)
{
    m_levelFellBack = fellBack;
    if (m_levelKnown && m_level == level)
        return;
    m_levelKnown = true;
    m_level = level;
    emit availableColumnsChanged();
}

void SessionTableModel::setStale(bool stale, const std::optional<sc::SessionError> &error)
{
    m_lastError = error;
    if (stale == m_stale)
        return;
    m_stale = stale;
    // One signal for all rows, and only for the roles that show staleness; it happens when
    // the server goes away or comes back, not on every poll.
    if (m_count > 0) {
        emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1),
            {Qt::ForegroundRole, Qt::ToolTipRole, StaleRole});
    }
    emit staleChanged(m_stale);
}

void SessionTableModel::applySnapshot(const SessionSnapshot &snapshot)
{
    m_nowMs = m_clock();
    if (!snapshot.hasRows) {
        // Keep the rows and what we knew about the connection; only the error is new.
        m_status.error = snapshot.error;
        m_status.pollTimeMs = snapshot.pollTimeMs;
        m_status.durationMs = snapshot.durationMs;
        setStale(true,
            snapshot.error
                ? snapshot.error
                : std::optional<sc::SessionError>(sc::SessionError::local(sc::ErrorKind::Other)));
        emit snapshotApplied(m_generation);
        return;
    }

    const SessionDelta &delta = snapshot.delta;
    if (delta.replace) {
        beginResetModel();
        m_rows = delta.rows;
        m_count = int(m_rows.size());
        m_generation = delta.generation;
        endResetModel();
    } else if (delta.baseGeneration != m_generation
        || m_count - delta.removedCount() != delta.insertFirst
        || (!delta.removed.isEmpty() && delta.removed.constLast().last >= m_count)) {
        // Applying a delta meant for other rows would show nonsense; ask for all rows instead
        // and keep showing ours meanwhile.
        emit resyncRequested();
        emit snapshotApplied(m_generation);
        return;
    } else {
        emit deltaAboutToBeApplied(delta);
        applyDelta(delta);
        emit deltaApplied(delta);
    }

    m_status = snapshot;
    m_status.delta = {}; // the rows live in m_rows; do not hold a second reference
    setLevel(snapshot.level, snapshot.levelFellBack);
    setStale(false, std::nullopt);
    emit snapshotApplied(m_generation);
}

void SessionTableModel::applyDelta(const SessionDelta &delta)
{
    if (delta.removed.size() + delta.changed.size() > m_bulkThreshold) {
        applyDeltaAsLayoutChange(delta);
        return;
    }
    if (!delta.removed.isEmpty()) {
        // Highest range first, so every range's numbers are still those of the old rows.
        const qsizetype n = delta.removed.size();
        m_removedBefore.resize(n + 1);
        m_removedBefore[0] = 0;
        for (qsizetype i = 0; i < n; ++i)
            m_removedBefore[i + 1] = m_removedBefore[i] + delta.removed.at(i).count();
        m_removing = &delta.removed;
        m_removingFrom = n;
        for (qsizetype i = n - 1; i >= 0; --i) {
            const SessionRowRange &range = delta.removed.at(i);
            beginRemoveRows({}, range.first, range.last);
            m_removingFrom = i;
            m_count -= range.count();
            endRemoveRows();
        }
        m_removing = nullptr;
        m_removingFrom = -1;
        m_removedBefore.clear();
    }

    // The rows left are the delta's first insertFirst rows, some with new values: take the
    // delta's list (shared with the poller, not copied) and announce the changed cells.
    m_rows = delta.rows;
    for (const SessionChangedRange &range : delta.changed) {
        int firstColumn = 0;
        while (firstColumn < ColumnCount - 1 && !(range.columns & (1u << firstColumn)))
            ++firstColumn;
        int lastColumn = ColumnCount - 1;
        while (lastColumn > firstColumn && !(range.columns & (1u << lastColumn)))
            --lastColumn;
        emit dataChanged(
            index(range.first, firstColumn), index(range.last, lastColumn), valueRoles());
    }

    if (delta.insertedCount() > 0) {
        beginInsertRows({}, delta.insertFirst, int(delta.rows.size()) - 1);
        m_count = int(delta.rows.size());
        endInsertRows();
    }
    m_generation = delta.generation;
}

void SessionTableModel::applyDeltaAsLayoutChange(const SessionDelta &delta)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);

    // Where each old row went: removals shift later rows up; survivors keep their order.
    QList<int> removedBefore(delta.removed.size() + 1, 0);
    for (qsizetype i = 0; i < delta.removed.size(); ++i)
        removedBefore[i + 1] = removedBefore[i] + delta.removed.at(i).count();
    const QModelIndexList from = persistentIndexList();
    QList<int> newRows;
    newRows.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int oldRow = index.row();
        // First range that ends at or after oldRow; the ones before it lie wholly above.
        const auto it = std::lower_bound(delta.removed.cbegin(), delta.removed.cend(), oldRow,
            [](const SessionRowRange &range, int row) { return range.last < row; });
        const bool removed = it != delta.removed.cend() && it->first <= oldRow;
        newRows.append(removed ? -1 : oldRow - removedBefore[it - delta.removed.cbegin()]);
    }

    m_rows = delta.rows;
    m_count = int(m_rows.size());
    m_generation = delta.generation;

    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to.append(newRows[i] < 0 ? QModelIndex() : index(newRows[i], from[i].column()));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

// A QObject that is not a widget gets no LanguageChange of its own: watch the application's.
bool SessionTableModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        if (m_count > 0) {
            emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1),
                {Qt::DisplayRole, Qt::ToolTipRole});
        }
    }
    return QAbstractTableModel::eventFilter(watched, event);
}
