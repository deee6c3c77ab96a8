// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deltatablemodel.h"
#include "searchtext.h"
#include "serverconnection.h"

#include <QList>
#include <QString>

#include <cstddef>
#include <optional>
#include <span>

/// The rows of every watched server in one RowTableModel, each server's rows a block in the
/// order the servers were added: what the sessions table and the open files table share.
///
/// An answer of one server (a @p Snapshot with @c hasRows, @c error and @c delta) changes only
/// its block, in place, with the same exact signals as a table of one server, so the proxy
/// still sorts once per refresh. A table that watches one server (or none, fed through
/// applySnapshot()) is exactly the table of one server: the server column is not available
/// and a replacement resets it as before. Each block keeps its own generation and staleness
/// while there are several.
///
/// A subclass names its server column, says what an answer brings besides rows
/// (takeSnapshot()) and which columns its rows' level fills (levelFills()).
///
/// GUI thread only.
template<typename Row, typename Snapshot>
class ServerTableModel : public RowTableModel<Row>
{
    using Base = RowTableModel<Row>;

public:
    /// Adds the (empty) block of @p server's rows, shown as @p name, after the others.
    void addServer(ServerConnection *server, const QString &name)
    {
        if (!server || blockOf(server) >= 0)
            return;
        ServerBlock block;
        block.server = server;
        block.name = name;
        block.foldedName = SearchText::fold(name);
        if (this->blockCount() == 1 && !m_servers.constFirst().server) {
            // The first server takes the block of the table of one server.
            block.generation = this->generation();
            block.stale = this->isStale();
            block.error = this->lastError();
            m_servers.first() = block;
            return;
        }
        if (this->blockCount() == 1) {
            // From now on each block keeps its own generation and staleness.
            ServerBlock &first = m_servers.first();
            first.generation = this->generation();
            first.stale = this->isStale();
            first.error = this->lastError();
        }
        this->appendBlock();
        m_servers.append(block);
        if (this->blockCount() == 2)
            Q_EMIT this->availableColumnsChanged();
    }

    /// Removes @p server's rows (rowsRemoved) and its block.
    void removeServer(ServerConnection *server)
    {
        const int b = dropRowsOf(server);
        if (b < 0)
            return;
        if (this->blockCount() == 1) {
            m_servers.first() = ServerBlock();
            return;
        }
        const bool wasStale = m_servers.at(b).stale;
        this->removeEmptyBlock(b);
        m_servers.removeAt(b);
        if (this->blockCount() == 1) {
            // The table-wide generation and staleness were not kept while there were several.
            const ServerBlock &last = m_servers.constFirst();
            this->setGeneration(last.generation);
            this->setStale(last.stale, last.error);
            Q_EMIT this->availableColumnsChanged();
        } else if (wasStale) {
            Q_EMIT this->staleChanged(false);
        }
    }

    /// Names @p server's rows @p name from now on (another server was chosen on it).
    void setServerName(ServerConnection *server, const QString &name)
    {
        const int b = blockOf(server);
        if (b < 0 || m_servers.at(b).name == name)
            return;
        m_servers[b].name = name;
        m_servers[b].foldedName = SearchText::fold(name);
    }

    /// The servers added, in block order.
    QList<ServerConnection *> servers() const
    {
        QList<ServerConnection *> list;
        for (const ServerBlock &b : m_servers) {
            if (b.server)
                list.append(b.server);
        }
        return list;
    }
    int serverCount() const
    {
        return this->blockCount() == 1 && !m_servers.constFirst().server ? 0 : this->blockCount();
    }
    /// The server of row @p row; nullptr for rows given to applySnapshot() without a server.
    ServerConnection *serverOfRow(int row) const
    {
        return m_servers.at(this->blockOfRow(row)).server;
    }
    QString serverNameOfRow(int row) const { return m_servers.at(this->blockOfRow(row)).name; }
    const QObject *rowGroup(int row) const override { return serverOfRow(row); }
    /// Rows of @p server, and whether its last poll failed (its rows may be outdated).
    int serverRowCount(ServerConnection *server) const
    {
        const int b = blockOf(server);
        return b < 0 ? 0 : this->blockRowCount(b);
    }
    bool isServerStale(ServerConnection *server) const
    {
        const int b = blockOf(server);
        if (b < 0)
            return false;
        return this->blockCount() == 1 ? this->isStale() : m_servers.at(b).stale;
    }
    /// Why @p server's last poll failed, while its rows are stale.
    std::optional<sc::SessionError> serverError(ServerConnection *server) const
    {
        const int b = blockOf(server);
        return b < 0 ? std::nullopt : staleErrorOfBlock(b);
    }
    /// Whether @p server has answered since it was added or connected anew.
    bool hasServerAnswered(ServerConnection *server) const
    {
        const int b = blockOf(server);
        if (b < 0)
            return false;
        return (this->blockCount() == 1 ? this->generation() : m_servers.at(b).generation) > 0;
    }

    /// Applies one answer of @p server's poller to its block only.
    void applyServerSnapshot(ServerConnection *server, const Snapshot &snapshot)
    {
        const int b = blockOf(server);
        if (b < 0)
            return;
        if (this->blockCount() == 1) {
            applySnapshot(snapshot);
            m_servers.first().generation = this->generation();
            return;
        }
        applyBlockSnapshot(b, snapshot);
    }

    /// Drops @p server's rows (another server is being connected on it).
    void clearServer(ServerConnection *server)
    {
        const int b = dropRowsOf(server);
        if (b < 0)
            return;
        m_servers[b].generation = 0;
        if (this->blockCount() > 1)
            setServerStale(b, false, std::nullopt);
    }

    /// The columns (bit c for column c) whose cells show one of the row fields in @p changes;
    /// a change of the information level touches every column.
    quint32 columnsOf(quint32 changes) const final
    {
        if (changes & m_fields.everyColumn)
            return (1u << m_fields.ofColumn.size()) - 1;
        quint32 columns = 0;
        for (std::size_t column = 0; column < m_fields.ofColumn.size(); ++column) {
            if (changes & m_fields.ofColumn[column])
                columns |= 1u << column;
        }
        return columns;
    }

    /// Whether @p column shows anything: the server column only with more than one server (one
    /// server's name is in the window), any other where levelFills() says so.
    bool columnAvailable(int column) const
    {
        if (column == m_serverColumn)
            return serverCount() > 1;
        return column >= 0 && column < this->columnCount() && levelFills(column);
    }

    /// Applies one answer of the poller to the table of one server. A failed poll marks the
    /// rows stale; a delta whose base generation does not match ours is refused and
    /// resyncRequested() asks for a full replacement.
    void applySnapshot(const Snapshot &snapshot)
    {
        this->readClock();
        if (!snapshot.hasRows) {
            this->setStale(true, errorOf(snapshot));
        } else if (this->applyTableDelta(snapshot.delta)) {
            takeSnapshot(snapshot);
            this->setStale(false, std::nullopt);
        }
        Q_EMIT this->snapshotApplied(this->generation());
    }

protected:
    /// The row fields (the row type's change flags) each column shows, one entry per column in
    /// column order, and the flag of a change that touches every column (the information
    /// level: which fields a row has at all).
    struct ColumnFields
    {
        // From the model's array, so that its size is checked where it is known.
        template<std::size_t ColumnCount>
        constexpr ColumnFields(const quint32 (&fieldsOfColumn)[ColumnCount], quint32 levelChange)
            : ofColumn(fieldsOfColumn)
            , everyColumn(levelChange)
        {
            static_assert(ColumnCount < 32, "one bit per column");
        }

        std::span<const quint32> ofColumn;
        quint32 everyColumn;
    };

    /// The columns are those of @p fields; the server's name shows in @p serverColumn (also
    /// as its SortRole) and in ServerRole of every column.
    ServerTableModel(ColumnFields fields, int serverColumn, QObject *parent)
        : Base(int(fields.ofColumn.size()), parent)
        , m_fields(fields)
        , m_serverColumn(serverColumn)
        , m_servers(1)
    {
        // Both cross from the worker thread in queued signals.
        qRegisterMetaType<Row>();
        qRegisterMetaType<Snapshot>();
        // The table of one server asks its own server again.
        QObject::connect(this, &DeltaTableModel::resyncRequested, this, [this] {
            if (this->blockCount() == 1 && m_servers.constFirst().server)
                Q_EMIT this->serverResyncRequested(m_servers.constFirst().server);
        });
    }

    /// Whether the rows' information level fills @p column (any column but the server's).
    virtual bool levelFills(int column) const
    {
        Q_UNUSED(column)
        return true;
    }
    /// What @p snapshot says besides its rows (the information level), once they are applied.
    virtual void takeSnapshot(const Snapshot &snapshot) = 0;

    /// Why the rows of @p block may be outdated (its last poll failed), or nullopt.
    std::optional<sc::SessionError> staleErrorOfBlock(int block) const
    {
        const bool single = this->blockCount() == 1;
        if (!(single ? this->isStale() : m_servers.at(block).stale))
            return std::nullopt;
        return single ? this->lastError() : m_servers.at(block).error;
    }

    bool isRowStale(int row) const override
    {
        return this->blockCount() == 1 ? this->isStale()
                                       : m_servers.at(this->blockOfRow(row)).stale;
    }
    bool acceptsBlock(int block, const QString &filter) const override
    {
        // With one server every row would match its name: the filter would show all or
        // nothing.
        return this->blockCount() > 1
            && SearchText::matches(m_servers.at(block).foldedName, filter);
    }
    PackedSortKey blockSortKeyOf(const Row &row, int block, int column) const override
    {
        if (column == m_serverColumn)
            return PackedSortKey::text(m_servers.at(block).name, keyOf(row));
        return this->sortKeyOf(row, column);
    }
    QStringView blockSortTextOf(const Row &row, int block, int column) const override
    {
        if (column == m_serverColumn)
            return m_servers.at(block).name;
        return this->sortTextOf(row, column);
    }
    /// The server's name in its column and role; the tooltip of a stale row says why.
    QVariant blockCellData(const Row &row, int block, int column, int role) const override
    {
        if (role == DeltaTableModel::ServerRole
            || (column == m_serverColumn
                && (role == Qt::DisplayRole || role == DeltaTableModel::SortRole)))
            return m_servers.at(block).name;
        if (role != Qt::ToolTipRole)
            return Base::blockCellData(row, block, column, role);
        QString tip = column == m_serverColumn ? QString() : this->toolTipData(row, column);
        if (const std::optional<sc::SessionError> error = staleErrorOfBlock(block)) {
            const QString reason = this->staleText(*error);
            tip = tip.isEmpty() ? reason : tip + QLatin1Char('\n') + reason;
        }
        return this->orNone(tip);
    }

private:
    /// What the table knows of one server's block (the rows are RowTableModel's).
    struct ServerBlock
    {
        ServerConnection *server = nullptr;
        QString name;
        QString foldedName; // SearchText::fold(name), what the filter compares
        quint64 generation = 0;
        bool stale = false;
        std::optional<sc::SessionError> error;
    };

    /// Removes the rows of @p server and returns its block (-1: not added). The table of one
    /// server is cleared as a whole (reset, fresh, generation 0); a block among several is
    /// emptied as an empty answer of its server would.
    int dropRowsOf(const ServerConnection *server)
    {
        const int b = blockOf(server);
        if (b < 0)
            return b;
        if (this->blockCount() == 1)
            this->clear();
        else
            emptyBlock(b);
        return b;
    }

    /// Removes the rows of block @p b, as an empty answer of its server would.
    void emptyBlock(int b)
    {
        if (this->blockRowCount(b) == 0)
            return;
        TableDelta<Row> none;
        none.replace = true;
        this->applyBlockDelta(b, none);
    }

    static quint64 keyOf(const Row &row)
    {
        if constexpr (requires { row.key(); })
            return row.key();
        else
            return row.key;
    }
    static std::optional<sc::SessionError> errorOf(const Snapshot &snapshot)
    {
        return snapshot.error
            ? snapshot.error
            : std::optional<sc::SessionError>(sc::SessionError::local(sc::ErrorKind::Other));
    }

    int blockOf(const ServerConnection *server) const
    {
        if (!server)
            return -1;
        for (qsizetype b = 0; b < m_servers.size(); ++b) {
            if (m_servers.at(b).server == server)
                return int(b);
        }
        return -1;
    }

    void applyBlockSnapshot(int block, const Snapshot &snapshot)
    {
        this->readClock();
        if (!snapshot.hasRows) {
            setServerStale(block, true, errorOf(snapshot));
            Q_EMIT this->snapshotApplied(this->generation());
            return;
        }
        const TableDelta<Row> &delta = snapshot.delta;
        const int rows = this->blockRowCount(block);
        if (!delta.replace
            && (delta.baseGeneration != m_servers.at(block).generation
                || rows - delta.removedCount() != delta.insertFirst
                || (!delta.removed.isEmpty() && delta.removed.constLast().last >= rows))) {
            // As for one server: keep the rows shown and ask that server for all of them.
            Q_EMIT this->serverResyncRequested(m_servers.at(block).server);
            Q_EMIT this->snapshotApplied(this->generation());
            return;
        }
        this->applyBlockDelta(block, delta);
        m_servers[block].generation = delta.generation;
        takeSnapshot(snapshot);
        setServerStale(block, false, std::nullopt);
        Q_EMIT this->snapshotApplied(this->generation());
    }

    void setServerStale(int block, bool stale, const std::optional<sc::SessionError> &error)
    {
        ServerBlock &b = m_servers[block];
        b.error = error;
        if (b.stale == stale)
            return;
        b.stale = stale;
        // Only this server's rows, like the table of one server does for all of its rows.
        if (const int rows = this->blockRowCount(block); rows > 0) {
            const int first = this->blockStart(block);
            Q_EMIT this->dataChanged(this->index(first, 0),
                this->index(first + rows - 1, this->columnCount() - 1),
                {Qt::ForegroundRole, Qt::ToolTipRole, DeltaTableModel::StaleRole});
        }
        Q_EMIT this->staleChanged(stale);
    }

    const ColumnFields m_fields;
    const int m_serverColumn;
    QList<ServerBlock> m_servers; // in RowTableModel's block order
};
