// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfiletablemodel.h"

#include "nameequality.h"
#include "searchtext.h"

#include <QLocale>

namespace {

constexpr quint32 bit(OpenFileTableModel::Column column)
{
    return 1u << column;
}

// The OpenFileRow fields (OpenFileRow::Change flags) each column shows, in Column order.
constexpr quint32 kFieldsOfColumn[OpenFileTableModel::ColumnCount] = {
    OpenFileRow::PathChange, OpenFileRow::UserChange, OpenFileRow::AccessChange,
    OpenFileRow::LocksChange, OpenFileRow::NoChange,
    OpenFileRow::NoChange, // a row's server never changes: its rows leave and others come
};

quint32 accessBits(quint32 permissions)
{
    return permissions & (sc::kPermFileRead | sc::kPermFileWrite);
}

} // namespace

OpenFileTableModel::OpenFileTableModel(QObject *parent)
    : ServerTableModel<OpenFileRow, OpenFilesSnapshot>(
        {kFieldsOfColumn, OpenFileRow::LevelChange}, Server, parent)
{
}

OpenFileTableModel::~OpenFileTableModel() = default;

Qt::Alignment OpenFileTableModel::columnAlignment(int column) const
{
    if (column == Locks || column == FileId)
        return Qt::AlignRight | Qt::AlignVCenter;
    return {};
}

QVariant OpenFileTableModel::roleData(const OpenFileRow &r, int column, int role) const
{
    switch (role) {
    case SortRole:
        switch (column) {
        case Access:
            return accessBits(r.permissions);
        case Locks:
            return r.lockCount;
        case FileId:
            return r.id;
        default:
            return textOf(r, Column(column));
        }
    case IdRole:
        return r.id;
    case LocalPathRole:
        return r.localPath;
    default:
        return {};
    }
}

QString OpenFileTableModel::accessText(quint32 permissions)
{
    const bool read = permissions & sc::kPermFileRead;
    const bool write = permissions & sc::kPermFileWrite;
    //: Access of an open file (PERM_FILE_READ and PERM_FILE_WRITE), as Windows' Open Files
    //: shows it
    if (read && write)
        return tr("Read+Write");
    if (read)
        return tr("Read", "open file access");
    if (write)
        return tr("Write", "open file access");
    return QString();
}

QVariant OpenFileTableModel::displayData(const OpenFileRow &r, int column) const
{
    switch (column) {
    case Path:
    case User:
        return textOf(r, Column(column));
    case Access:
        return r.level == sc::FileInfoLevel::Level3 ? accessText(r.permissions) : QString();
    case Locks:
        return r.level == sc::FileInfoLevel::Level3 ? QLocale().toString(r.lockCount) : QString();
    case FileId:
        // No group separator: it is an identifier, not a quantity.
        return QString::number(r.id);
    default:
        return {};
    }
}

QString OpenFileTableModel::toolTipData(const OpenFileRow &r, int column) const
{
    switch (column) {
    case Path:
        if (r.path != r.localPath && !r.localPath.isEmpty())
            //: %1 is the open file's path on the server's own disk
            return tr("On the server: %1").arg(r.localPath);
        return r.localPath;
    case User:
        return tr("The server names the user who holds the file, not the session or the "
                  "computer.");
    default:
        return {};
    }
}

QString OpenFileTableModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Path:
        //: Column header: the open file (\\server\share\folder\file)
        return tr("Path");
    case User:
        //: Column header: the account that holds the file open
        return tr("User");
    case Access:
        //: Column header: Read, Write or Read+Write
        return tr("Access");
    case Locks:
        //: Column header: number of byte-range locks on the file
        return tr("Locks");
    case FileId:
        //: Column header: the server's number for the open file
        return tr("File ID");
    case Server:
        //: Column header: the file server the file is open on (with several servers)
        return tr("Server");
    case ColumnCount:
        break;
    }
    return {};
}

quint32 OpenFileTableModel::filterColumns() const
{
    return bit(Path) | bit(User);
}

bool OpenFileTableModel::accepts(const OpenFileRow &row, const QString &filter) const
{
    if (!m_userFilter.isEmpty() && !sc::namesEqual(row.user, m_userFilter))
        return false;
    if (filter.isEmpty())
        return true;
    // The same rule as the Sessions page (without case and accents). Unlike session rows, open
    // files keep no folded copy of their texts: the paths are most of a row's memory, and
    // only paths beyond ASCII need folding while a filter is set.
    return SearchText::contains(row.path, filter) || nameContains(row.user, filter);
}

PackedSortKey OpenFileTableModel::sortKeyOf(const OpenFileRow &row, int column) const
{
    switch (column) {
    case Access:
        return PackedSortKey::number(accessBits(row.permissions), row.key());
    case Locks:
        return PackedSortKey::number(row.lockCount, row.key());
    case FileId:
        return PackedSortKey::number(row.id, row.key());
    default:
        return PackedSortKey::text(textOf(row, Column(column)), row.key());
    }
}

const QString &OpenFileTableModel::textOf(const OpenFileRow &row, Column column)
{
    static const QString none;
    switch (column) {
    case Path:
        return row.path;
    case User:
        return row.user;
    default:
        return none;
    }
}

const QList<int> &OpenFileTableModel::valueRoles() const
{
    static const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, SortRole, RowRole};
    return roles;
}
