// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionsnapshot.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <functional>
#include <optional>

/// The sessions of one server as a table, updated from SessionPoller's snapshots.
///
/// A refresh never resets the model: removed sessions leave with rowsRemoved (one signal per
/// contiguous range), new ones are appended with one rowsInserted, and changed cells get one
/// dataChanged per contiguous row range, so selection, current index, scroll position and the
/// proxy's sort survive. Only a new server (SessionDelta::replace) or clear() resets.
///
/// A refresh that would need more than bulkThreshold() removal and change signals (thousands
/// of sessions changing at once) is announced instead as one layoutAboutToBeChanged() /
/// layoutChanged() pair, with persistent indexes moved to the new rows (or invalidated for
/// removed ones): every structural signal costs each listener O(persistent indexes) or more.
/// Selection and current index survive either way. Listeners that watch single rows (a
/// details dialog) must therefore also re-read their row on layoutChanged.
/// deltaAboutToBeApplied() and deltaApplied() bracket each refresh, so that
/// SessionSortFilterProxyModel sorts once per refresh rather than once per signal.
///
/// Connected and idle time are kept as instants and shown relative to now(); call tick()
/// (e.g. from a 1 s timer) and repaint the view to advance them: the model does not emit
/// dataChanged for the passing of time.
///
/// GUI thread only.
class SessionTableModel : public QAbstractTableModel
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
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        /// Raw value for sorting: QString for text, quint32 for open files, qint64 seconds for
        /// connected/idle time (relative to now()), bool for Guest and Encryption (true =
        /// unencrypted).
        SortRole = Qt::UserRole,
        KeyRole, ///< quint64, SessionRow::key
        RowRole, ///< the whole SessionRow
        OwnSessionRole, ///< bool: the console's own session
        StaleRole, ///< bool: the last poll failed, this row may be outdated
    };
    Q_ENUM(Role)

    /// Milliseconds since the epoch, UTC.
    using Clock = std::function<qint64()>;

    explicit SessionTableModel(QObject *parent = nullptr);
    ~SessionTableModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The row at @p row (0 <= row < rowCount()).
    const SessionRow &row(int row) const;
    /// Row holding the session with @p key, or -1. Linear; for occasional lookups.
    int rowOfKey(quint64 key) const;

    /// Whether the current level fills @p column (hide it otherwise). Before the first
    /// snapshot every column counts as available.
    bool columnAvailable(Column column) const;
    /// Level of the last snapshot with rows; Level0 before the first one.
    sc::InfoLevel level() const { return m_level; }
    bool levelFellBack() const { return m_levelFellBack; }

    /// The last poll failed: rows are kept but may be outdated; lastError() says why.
    bool isStale() const { return m_stale; }
    std::optional<sc::SessionError> lastError() const { return m_lastError; }
    /// The last snapshot applied (rows omitted: use row()); carries poll time and security.
    const SessionSnapshot &lastSnapshot() const { return m_status; }
    /// Generation of the rows shown (SessionDelta::generation).
    quint64 generation() const { return m_generation; }

    /// The instant durations are shown relative to; updated by tick() and applySnapshot().
    qint64 now() const { return m_nowMs; }
    /// Replaces the wall clock (tests). Reads it at once.
    void setClock(Clock clock);
    /// Icons for the User column of the own session and the Encryption column of unencrypted
    /// sessions; by default from the icon theme.
    void setDecorationIcons(const QIcon &ownSession, const QIcon &unencrypted);

    /// Above this many removal plus change ranges a refresh is applied as one layout change
    /// (see the class description). Default 64.
    void setBulkThreshold(int ranges) { m_bulkThreshold = ranges; }
    int bulkThreshold() const { return m_bulkThreshold; }

    /// H:MM:SS (hours unbounded), digits per QLocale.
    static QString formatDuration(qint64 seconds);
    /// Columns whose shown values differ between two versions of a session: bit i for
    /// Column i. The poller's diff uses it to fill SessionChangedRange::columns.
    static quint32 changedColumns(const SessionRow &before, const SessionRow &after);
    /// The roles whose values follow from a session's fields: what a refresh announces in
    /// dataChanged().
    static const QList<int> &valueRoles();

public Q_SLOTS:
    /// Applies one answer of the poller. A failed poll marks the rows stale; a delta whose
    /// base generation does not match ours is refused and resyncRequested() asks for a full
    /// replacement.
    void applySnapshot(const SessionSnapshot &snapshot);
    /// Re-reads the clock; views repaint on ticked() (no dataChanged is emitted).
    void tick();
    /// Removes all rows (reset), e.g. when the connection is closed.
    void clear();

Q_SIGNALS:
    /// A snapshot was applied (also a failed one); @p generation is generation().
    void snapshotApplied(quint64 generation);
    /// The model could not apply a delta; connect to SessionPoller::requestReplace().
    void resyncRequested();
    /// A refresh is about to change rows with @p delta, then deltaApplied() follows; the
    /// structural signals in between describe the same change range by range. A proxy that
    /// reorders rows can ignore those and update itself once per refresh (O(rows)) instead
    /// of once per range. Not emitted for a replacement, which resets the model.
    void deltaAboutToBeApplied(const SessionDelta &delta);
    /// The rows are those of @p delta now.
    void deltaApplied(const SessionDelta &delta);
    /// columnAvailable() changed for some column (the level changed).
    void availableColumnsChanged();
    void staleChanged(bool stale);
    /// tick() advanced now(): repaint the duration columns.
    void ticked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyDelta(const SessionDelta &delta);
    void applyDeltaAsLayoutChange(const SessionDelta &delta);
    void setLevel(sc::InfoLevel level, bool fellBack);
    void setStale(bool stale, const std::optional<sc::SessionError> &error);
    int physicalRow(int row) const;
    QVariant displayData(const SessionRow &row, int column) const;
    QVariant toolTipData(const SessionRow &row, int column) const;
    QVariant sortData(const SessionRow &row, int column) const;

    // Rows shown are m_rows[0, m_count) except while removals are applied: then row r is
    // m_rows[physicalRow(r)], so each removal is O(log ranges) instead of moving the tail.
    QList<SessionRow> m_rows;
    int m_count = 0;
    const QList<SessionRowRange> *m_removing = nullptr;
    QList<qsizetype> m_removedBefore; // prefix sums of m_removing's lengths
    qsizetype m_removingFrom = -1; // ranges [m_removingFrom, end) of m_removing are gone

    SessionSnapshot m_status;
    std::optional<sc::SessionError> m_lastError;
    sc::InfoLevel m_level = sc::InfoLevel::Level0;
    bool m_levelFellBack = false;
    bool m_levelKnown = false;
    bool m_stale = false;
    quint64 m_generation = 0;
    quint64 m_epoch = 0;
    Clock m_clock;
    int m_bulkThreshold = 64;
    qint64 m_nowMs = 0;
    mutable std::optional<QIcon> m_ownIcon;
    mutable std::optional<QIcon> m_unencryptedIcon;
};
