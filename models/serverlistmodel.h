// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatus.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

class ServerConnection;

/// The watched servers, one row per ServerConnection, as the server panel lists them: name,
/// state, session count, last refresh, and a tooltip with the error and the connection's
/// security.
///
/// It does not own the connections; whoever does adds and removes them. A connection that is
/// destroyed without removeConnection() leaves the list by itself. Each row follows its
/// connection's statusChanged(), snapshotReady() and aboutToConnect(), and a change of one
/// server emits dataChanged() for that row only, and only when something shown changed (a
/// connection says statusChanged() several times per poll).
///
/// GUI thread only.
class ServerListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    /// What the panel says about a server, from its ConnectionStatus (see stateOf()).
    enum class State {
        /// No answer on this connection yet: just added (Unconnected, connectTo() not called
        /// yet) or Connecting. Nothing is known about its sessions or its security.
        Connecting,
        /// The last poll was answered: the count and the rows are current (Online).
        Live,
        /// The last poll failed and the server never answered on this connection: no rows of
        /// it are shown (Offline without an answer). The tooltip says why.
        Failed,
        /// The last poll failed after earlier answers: the rows and the count shown are
        /// those of the last answer (Offline after an answer). The tooltip says why.
        Stale,
        /// Not connected: the operator cancelled the logon and gave no password for the
        /// server's account (Unconnected with noPassword). Nothing failed.
        NotConnected,
    };
    Q_ENUM(State)

    enum Role {
        NameRole = Qt::UserRole, ///< QString, ServerAddress::displayName() (also DisplayRole)
        StateRole, ///< State, as int
        StateTextRole, ///< QString, the translated name of the state
        /// int, the rows of the server's last complete answer on this connection; invalid
        /// before its first one
        SessionCountRole,
        LastRefreshRole, ///< QDateTime (local) of that answer; invalid before it
        ConnectionRole, ///< ServerConnection *
        /// QString, the account this server alone is connected as ("EXAMPLE\\helpdesk2");
        /// empty when it uses the account shared by all servers
        AccountRole,
    };
    Q_ENUM(Role)

    explicit ServerListModel(QObject *parent = nullptr);
    ~ServerListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Appends a row for @p connection (once; adding it again does nothing).
    void addConnection(ServerConnection *connection);
    /// Removes the row of @p connection, if any, and stops following it.
    void removeConnection(ServerConnection *connection);
    /// @p connection is connected as @p account ("DOMAIN\\user") instead of the shared
    /// account; empty: the shared account. Shown in its tooltip.
    void setAccountOverride(const ServerConnection *connection, const QString &account);
    /// The connection of @p row; nullptr when out of range.
    ServerConnection *connectionAt(int row) const;
    /// The row of @p connection; -1 when it is not listed.
    int rowOf(const ServerConnection *connection) const;

    static State stateOf(const ConnectionStatus &status);
    static QString stateText(State state);

public Q_SLOTS:
    /// The texts changed language: every row's texts are built again. A QObject that is not
    /// a widget gets no LanguageChange of its own (see LanguageManager).
    void retranslate();

private:
    /// What a row shows, kept so that a statusChanged() that changes nothing shown emits no
    /// dataChanged().
    struct Shown
    {
        QString name;
        State state = State::Connecting;
        std::optional<int> sessionCount;
        qint64 lastRefreshMs = 0;
        QString toolTip;
        QString account;

        friend bool operator==(const Shown &, const Shown &) = default;
    };
    struct Entry
    {
        ServerConnection *connection = nullptr;
        /// Rows of the last complete answer on the current connection.
        std::optional<int> sessionCount;
        QString account; ///< setAccountOverride()
        Shown shown;
    };

    Shown shownOf(const Entry &entry) const;
    /// Brings @p row's Shown up to date; emits dataChanged() for it when it changed.
    void updateRow(int row);
    void updateConnection(const ServerConnection *connection);
    static QString toolTipOf(const ConnectionStatus &status, State state, const Shown &shown);

    QList<Entry> m_entries;
};
