// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servertablemodel.h"
#include "sessionsnapshot.h"

#include <QIcon>
#include <QList>

#include <optional>

/// The sessions of the watched servers as one table, updated from SessionPoller's snapshots.
///
/// Each server's rows form a block, in the order the servers were added; an answer of one
/// server changes only its block, in place, with the same exact signals as a table of one
/// server (so SessionSortFilterProxyModel still sorts once per refresh, which
/// QConcatenateTablesProxyModel over one model per server would not allow). A table that
/// watches one server (or none, fed through applySnapshot()) is exactly the table of one
/// server: the Server column is not available and a replacement resets it as before.
///
/// DeltaTableModel applies the refreshes (ranges, layout-change fallback, stale marking, the
/// clock) and ServerTableModel keeps the servers' blocks; this class adds what is particular to
/// sessions: the columns and which of SessionRow's fields they show, the roles, the texts, and the
/// level's available columns.
///
/// GUI thread only.
class SessionTableModel : public ServerTableModel<SessionRow, SessionSnapshot>
{
    Q_OBJECT
public:
    enum Column {
        User,
        Computer,
        ClientType,
        OpenFiles,
        ConnectedTime,
        IdleTime,
        Guest,
        Transport,
        Encryption, ///< the "no encryption" indicator (SESS_NOENCRYPTION)
        Server, ///< the server of the session: available only with more than one server
        ColumnCount
    };
    Q_ENUM(Column)

    /// Besides DeltaTableModel::TableRole (SortRole: QString for text, quint32 for open files,
    /// qint64 seconds for connected/idle time relative to now(), bool for Guest and Encryption
    /// with true = unencrypted).
    enum Role {
        KeyRole = FirstModelRole, ///< quint64, SessionRow::key
        OwnSessionRole, ///< bool: the console's own session
    };
    Q_ENUM(Role)

    explicit SessionTableModel(QObject *parent = nullptr);
    ~SessionTableModel() override;

    /// The translated title of @p column, which lists of sessions elsewhere use too.
    static QString titleOf(Column column);

    /// Level of the last snapshot with rows; Level0 before the first one.
    sc::InfoLevel level() const { return m_level; }

    /// The server does not report idle time: the Idle column shows a dash (no counting clock,
    /// nothing to sort by) and says why in its tooltip.
    void setIdleTimeUnreported(bool unreported);
    bool idleTimeUnreported() const { return m_idleTimeUnreported; }

    /// Icons for the User column of the own session and the Encryption column of unencrypted
    /// sessions; by default from the icon theme.
    void setDecorationIcons(const QIcon &ownSession, const QIcon &unencrypted);

    /// H:MM:SS (hours unbounded), digits per QLocale.
    static QString formatDuration(qint64 seconds);
    /// The text of @p column for @p row at @p nowMs, for every column but Guest, Encryption
    /// and Server: the names as they are, the counters empty where the row's level does not
    /// report them and "—" for an idle time the server does not report. Every list of
    /// sessions shows them this way.
    static QString textOf(
        const SessionRow &row, Column column, qint64 nowMs, bool idleTimeUnreported);
    /// The packed sort key of @p row in @p column (numbers as numbers, durations as
    /// durations, text case-insensitively), what SessionSortFilterProxyModel sorts by.
    static PackedSortKey sortKeyOfRow(const SessionRow &row, Column column);
    /// The text a text column sorts by and shows (empty for the others).
    static const QString &sortTextOfRow(const SessionRow &row, Column column);

    quint32 filterColumns() const override;
    const QList<int> &valueRoles() const override;

protected:
    PackedSortKey sortKeyOf(const SessionRow &row, int column) const override
    {
        // No idle time: every row ties, and the row key keeps their order.
        if (column == IdleTime && m_idleTimeUnreported)
            return PackedSortKey::number(0, row.key);
        return sortKeyOfRow(row, Column(column));
    }
    QStringView sortTextOf(const SessionRow &row, int column) const override
    {
        return sortTextOfRow(row, Column(column));
    }
    /// User or computer contains @p filter (folded), without case and accents.
    bool accepts(const SessionRow &row, const QString &filter) const override;
    void takeSnapshot(const SessionSnapshot &snapshot) override { setLevel(snapshot.level); }
    /// Whether the current level fills @p column (hide it otherwise). Before the first
    /// snapshot every column counts as filled.
    bool levelFills(int column) const override;
    QString columnTitle(int column) const override { return titleOf(Column(column)); }
    QString columnToolTip(int column) const override;
    Qt::Alignment columnAlignment(int column) const override;

private:
    friend class tst_SessionTableModel;

    void setLevel(sc::InfoLevel level);
    QVariant displayData(const SessionRow &row, int column) const override;
    QString toolTipData(const SessionRow &row, int column) const override;
    QVariant roleData(const SessionRow &row, int column, int role) const override;
    QVariant sortData(const SessionRow &row, int column) const;

    sc::InfoLevel m_level = sc::InfoLevel::Level0;
    bool m_levelKnown = false;
    bool m_idleTimeUnreported = false;
    mutable std::optional<QIcon> m_ownIcon;
    mutable std::optional<QIcon> m_unencryptedIcon;
};
