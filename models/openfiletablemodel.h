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

    /// Besides DeltaTableModel::TableRole (SortRole: QString for Path and User, quint32 for
    /// the others, Access as the sc::kPermFile* bits).
    enum Role {
        IdRole = FirstModelRole, ///< quint32, the file id NetFileClose takes
        LocalPathRole, ///< QString, the path as the server reported it
    };
    Q_ENUM(Role)

    explicit OpenFileTableModel(QObject *parent = nullptr);
    ~OpenFileTableModel() override;

    /// "Read", "Write" or "Read+Write" (translated); empty when neither.
    static QString accessText(quint32 permissions);
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

protected:
    PackedSortKey sortKeyOf(const OpenFileRow &row, int column) const override;
    QStringView sortTextOf(const OpenFileRow &row, int column) const override
    {
        return textOf(row, Column(column));
    }
    /// Path or user contains @p filter, case-insensitively, within the user restriction.
    bool accepts(const OpenFileRow &row, const QString &filter) const override;
    void takeSnapshot(const OpenFilesSnapshot &snapshot) override
    {
        m_level = snapshot.level;
        m_sharesUnknown = snapshot.sharesUnknown;
    }
    QString columnTitle(int column) const override;
    Qt::Alignment columnAlignment(int column) const override;

private:
    /// The text of Path and User, which they show and sort by; empty for the others.
    static const QString &textOf(const OpenFileRow &row, Column column);

    QVariant displayData(const OpenFileRow &row, int column) const override;
    QString toolTipData(const OpenFileRow &row, int column) const override;
    QVariant roleData(const OpenFileRow &row, int column, int role) const override;

    QString m_userFilter;
    sc::FileInfoLevel m_level = sc::FileInfoLevel::Level3;
    bool m_sharesUnknown = false;
};
