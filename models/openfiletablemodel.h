// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfilesnapshot.h"
#include "servertablemodel.h"

#include <QList>

/// The open files of the watched servers as one table, updated from the pollers'
/// OpenFilesSnapshot values while the Open Files page is shown.
///
/// Each server's files form a block, keyed on the file id within it, like the sessions table
/// (ServerTableModel); the Server column is available only with more than one server.
/// DeltaTableModel applies the refreshes; this class adds the columns, which of OpenFileRow's
/// fields they show, the roles and the texts. The filter text matches path and user; a user
/// restriction (setUserFilter(), the drill-down from a session) shows one user's files only.
///
/// GUI thread only.
class OpenFileTableModel : public ServerTableModel<OpenFileRow, OpenFilesSnapshot>
{
    Q_OBJECT
public:
    enum Column {
        Path,
        User,
        Access,
        Locks,
        FileId,
        Server, ///< the file's server: available only with more than one server
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        /// Raw value: QString for Path and User, quint32 for the others (Access: the
        /// sc::kPermFile* bits).
        SortRole = Qt::UserRole,
        IdRole, ///< quint32, the file id NetFileClose takes
        RowRole, ///< the whole OpenFileRow
        LocalPathRole, ///< QString, the path as the server reported it
        StaleRole, ///< bool: the last poll failed, this row may be outdated
        ServerRole, ///< QString: the name of the row's server, as it was added
    };
    Q_ENUM(Role)

    explicit OpenFileTableModel(QObject *parent = nullptr);
    ~OpenFileTableModel() override;

    QHash<int, QByteArray> roleNames() const override;

    /// "Read", "Write" or "Read+Write" (translated); empty when neither.
    static QString accessText(quint32 permissions);
    /// The columns that show OpenFileRow's fields @p changes: bit i for Column i.
    static quint32 columnsOfChanges(quint32 changes);
    static PackedSortKey sortKeyOfRow(const OpenFileRow &row, Column column);
    static const QString &sortTextOfRow(const OpenFileRow &row, Column column);

    quint32 columnsOf(quint32 changes) const override { return columnsOfChanges(changes); }
    quint32 filterColumns() const override;
    const QList<int> &valueRoles() const override;
    bool restrictsRows() const override { return !m_userFilter.isEmpty(); }

    /// Shows only files of @p user (compared as Windows compares names); empty shows every
    /// user's. Call the proxy's refilter() afterwards.
    void setUserFilter(const QString &user) { m_userFilter = user; }
    QString userFilter() const { return m_userFilter; }

    /// Level of the last answer with rows.
    sc::FileInfoLevel level() const { return m_level; }
    /// The last answer named files by the server's local path: the shares were not listed.
    bool sharesUnknown() const { return m_sharesUnknown; }

Q_SIGNALS:
    /// An answer was applied (also a failed one); @p generation is generation().
    void snapshotApplied(quint64 generation);
    /// columnAvailable() changed (the number of servers went past one or back).
    void availableColumnsChanged();
    /// The block of @p server could not apply a delta: connect to its requestFilesReplace().
    void serverResyncRequested(ServerConnection *server);

protected:
    PackedSortKey sortKeyOf(const OpenFileRow &row, int column) const override
    {
        return sortKeyOfRow(row, Column(column));
    }
    QStringView sortTextOf(const OpenFileRow &row, int column) const override
    {
        return sortTextOfRow(row, Column(column));
    }
    /// Path or user contains @p filter, case-insensitively, within the user restriction.
    bool accepts(const OpenFileRow &row, const QString &filter) const override;
    int staleRole() const override { return StaleRole; }
    void takeSnapshot(const OpenFilesSnapshot &snapshot) override
    {
        m_level = snapshot.level;
        m_sharesUnknown = snapshot.sharesUnknown;
    }
    void announceSnapshotApplied() override { Q_EMIT snapshotApplied(generation()); }
    void announceServerColumnChanged() override { Q_EMIT availableColumnsChanged(); }
    void announceServerResync(ServerConnection *server) override
    {
        Q_EMIT serverResyncRequested(server);
    }
    QString columnTitle(int column) const override;
    Qt::Alignment columnAlignment(int column) const override;

private:
    QVariant displayData(const OpenFileRow &row, int column) const override;
    QVariant toolTipData(const OpenFileRow &row, int column) const override;
    QVariant roleData(const OpenFileRow &row, int column, int role) const override;

    QString m_userFilter;
    sc::FileInfoLevel m_level = sc::FileInfoLevel::Level3;
    bool m_sharesUnknown = false;
};
