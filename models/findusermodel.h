// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionrow.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

/// The answer to "where is this user connected?" over every watched server, as the answers
/// arrive: per server, a block of rows, one per session of the user on it, or one row that
/// says where the server stands (still asking, failed, no sessions of the user).
///
/// A server counts as answered only through applyAnswer() after start(): the rows a table
/// showed before are not an answer to this question. The user matches by sc::namesEqual(), the
/// rule `sessionctl find` uses. Answers that follow update each block in place, keyed by the
/// session key (dataChanged for rows that stay, rowsRemoved/rowsInserted for the others); only
/// start() resets the model.
///
/// GUI thread only.
class FindUserModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Server, User, Client, ConnectedTime, IdleTime, OpenFiles, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole, ///< quint64: SessionRow::key; 0 on a server's state row
        ServerRole, ///< QString: the server of the row
        StateRole, ///< int: the State of the row's server
        RowRole, ///< the SessionRow (invalid on a state row)
    };
    Q_ENUM(Role)

    /// Where a server stands with the question.
    enum class State {
        Asking, ///< no answer since start()
        Answered, ///< answered: its rows are the user's sessions (none: "no sessions")
        Failed, ///< its last answer was an error
        /// Answered at a level without user names (0): the answer cannot tell.
        NoUserNames,
    };
    Q_ENUM(State)

    explicit FindUserModel(QObject *parent = nullptr);
    ~FindUserModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Asks anew for @p user on @p servers (in this order), all of them Asking.
    void start(const QString &user, const QStringList &servers);
    QString user() const { return m_user; }
    /// A server joined while the question is open: it is Asking.
    void addServer(const QString &server);
    void removeServer(const QString &server);

    /// @p server answered with all of its sessions @p rows (the user's are picked out), at
    /// @p nowMs (what durations count to); @p idleTimeUnreported: it says 0 for every idle time.
    void applyAnswer(const QString &server, const QList<SessionRow> &rows, qint64 nowMs,
        bool idleTimeUnreported = false);
    /// @p server's answer was an error, described by @p errorText. Its rows go: they are not
    /// known to be true any more.
    void applyFailure(const QString &server, const QString &errorText);

    State state(const QString &server) const;
    /// Sessions of the user found, servers with at least one, and servers per state.
    int sessionCount() const;
    int serversWithSessions() const;
    int serverCount() const { return int(m_servers.size()); }
    int serverCount(State state) const;
    /// "alice: 3 sessions on 2 of 5 servers; 1 server failed; 1 still asking".
    QString summary() const;

    /// The server and session key of row @p row (key 0: a state row).
    QString serverOfRow(int row) const;
    quint64 keyOfRow(int row) const;

Q_SIGNALS:
    /// summary() changed.
    void summaryChanged();

private:
    struct ServerEntry
    {
        QString name;
        State state = State::Asking;
        QString errorText;
        QList<SessionRow> rows; // the user's sessions, in the server's order of arrival
        qint64 nowMs = 0;
        bool idleTimeUnreported = false;
        bool stateRow = true; // the block shows the state row (exactly while rows is empty)
    };
    void appendServer(const QString &server);
    int indexOf(const QString &server) const;
    /// First model row of server @p s, and its number of rows.
    int blockStart(int s) const;
    static int blockSize(const ServerEntry &entry)
    {
        return int(entry.rows.size()) + (entry.stateRow ? 1 : 0);
    }
    /// Replaces server @p s's rows with @p rows (keyed) and sets its state; @p clockMoved:
    /// the durations of the rows that stay changed.
    void updateBlock(int s, const QList<SessionRow> &rows, State state, const QString &errorText,
        bool clockMoved);
    void locate(int row, int *server, int *offset) const;
    QString stateText(const ServerEntry &entry) const;

    QString m_user;
    QList<ServerEntry> m_servers;
};
