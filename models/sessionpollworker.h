// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"
#include "callgate.h"
#include "connectionoptions.h"
#include "connectionreport.h"
#include "disconnectrequest.h"
#include "openfilediffer.h"
#include "openfilesnapshot.h"
#include "sessionapi.h"
#include "sessiondiffer.h"
#include "sessionsnapshot.h"
#include "sharepathmap.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

/// SessionPoller's worker: lives on the poller's thread, owns the SessionApi and the differ.
/// Internal to SessionPoller; every slot is invoked through a queued connection.
class SessionPollWorker : public QObject
{
    Q_OBJECT
public:
    using ApiFactory
        = std::function<std::unique_ptr<sc::SessionApi>(const sc::ConnectionOptions &)>;

    SessionPollWorker(ApiFactory factory, std::shared_ptr<std::atomic_bool> abandoned);
    ~SessionPollWorker() override;

public Q_SLOTS:
    void setConnection(quint64 epoch, const sc::ConnectionOptions &options);
    void closeConnection(quint64 epoch);
    void poll(quint64 epoch, std::optional<sc::InfoLevel> level);
    /// @p connection names the server and account the request was made for (for the audit
    /// log; the worker may have moved on to another connection since).
    void disconnectSessions(quint64 epoch, quint64 requestId,
        const QList<DisconnectTarget> &targets, const AuditRecord &connection);
    void requestReplace();
    /// Lists the open files (NetFileEnum, level auto) on the same connection as the sessions
    /// and answers with openFilesReady().
    void pollFiles(quint64 epoch);
    /// The next open files answer replaces every row (the table lost step).
    void requestFilesReplace();
    /// Closes the files @p ids (NetFileClose, judged by the enumeration after it) and records
    /// each in the audit log; answers with closeFilesFinished().
    void closeFiles(
        quint64 epoch, quint64 requestId, const QList<quint32> &ids, const AuditRecord &connection);
    void setAuditLog(const std::optional<AuditLog> &log);
    /// Every connect and call waits for a slot of @p gate (shared with the other servers'
    /// workers); without one, calls are not bounded.
    void setCallGate(const std::shared_ptr<CallGate> &gate);
    /// New rows keep their texts in @p texts, shared with the other servers' workers.
    void setTextPool(const std::shared_ptr<SharedTextPool> &texts);
    /// The model has applied the last snapshot: the rows before it may go.
    void releaseRetired();

Q_SIGNALS:
    /// Also sent for the pages of a paged answer (SessionSnapshot::partial) while the model
    /// shows nothing of this connection yet. @p connection says what the answer told about
    /// the connection.
    void snapshotReady(const SessionSnapshot &snapshot, const ConnectionReport &connection);
    /// A page of a paged answer arrived; more follow. @p totalEntries as the server said.
    void pollProgress(quint64 epoch, int rowsSoFar, quint32 totalEntries);
    void disconnectFinished(quint64 requestId, const QList<DisconnectResult> &results);
    void openFilesReady(const OpenFilesSnapshot &snapshot);
    void closeFilesFinished(quint64 requestId, const QList<FileCloseReport> &reports);

private:
    /// The API of the connection, made on first use; nullptr and why in @p error when there is
    /// none, or when @p epoch is no longer the connection's (the call was queued before the
    /// connection changed).
    sc::SessionApi *api(quint64 epoch, std::optional<sc::SessionError> *error);
    /// Waits for a slot of the call gate into @p slot for a call of @p epoch; false when the
    /// poller was destroyed, before or meanwhile (then make no call and send nothing).
    bool enterGate(quint64 epoch, CallGate::Slot &slot);
    void dropApiIfBroken(const sc::SessionError &error);
    /// A record of now, by this program, on the server and account of @p connection.
    AuditRecord newAuditRecord(const AuditRecord &connection) const;
    void audit(DisconnectResult &result, const AuditRecord &connection) const;
    void audit(FileCloseReport &report, const AuditRecord &connection) const;
    OpenFileDiffer::PathNamer pathNamer(sc::SessionApi &sessions, bool *sharesUnknown);
    void describeConnection(ConnectionReport &report, sc::SessionApi &sessions);
    SessionDelta diff(
        const sc::SessionList &sessions, qint64 pollTimeMs, const QString &localAddress);

    // When a page of the answer in flight arrived: rows [previous end, end) of the list.
    struct PageArrival
    {
        std::size_t end = 0;
        qint64 atMs = 0;
    };
    static void alignPages(
        sc::SessionList &rows, const std::vector<PageArrival> &pages, qint64 nowMs);

    ApiFactory m_factory;
    std::shared_ptr<std::atomic_bool> m_abandoned;
    std::shared_ptr<CallGate> m_gate;
    std::optional<sc::ConnectionOptions> m_options;
    std::unique_ptr<sc::SessionApi> m_api;
    qint64 m_apiSinceMs = 0; // when m_api was made: our own session on the server began then
    std::optional<AuditLog> m_auditLog;
    SessionDiffer m_differ;
    OpenFileDiffer m_fileDiffer;
    // The shares of this connection, listed once to name files as \\server\share\...;
    // m_sharesRefused when the account may not list them (then local paths are shown).
    std::optional<sc::SharePathMap> m_shares;
    bool m_sharesRefused = false;
    quint64 m_epoch = 0;
    // No rows of this connection reached the model yet, so a partial list may be shown.
    bool m_nothingShown = true;
};
