// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpollworker.h"

#include "idletime.h"
#include "kerberoscache.h"
#include "sessiontime.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <optional>

namespace {

// After these the connection's state is unknown (a reply may still be on its way), so the
// next poll starts over with a new connection instead of reusing this one.
bool breaksConnection(sc::ErrorKind kind)
{
    switch (kind) {
    case sc::ErrorKind::Timeout:
    case sc::ErrorKind::ConnectionLost:
    case sc::ErrorKind::ConnectionRefused:
    case sc::ErrorKind::Unreachable:
    case sc::ErrorKind::HostNotFound:
    case sc::ErrorKind::MalformedReply:
    case sc::ErrorKind::ProtocolError:
        return true;
    default:
        return false;
    }
}

// Samba reports an IPv4 client of a dual-stack socket as "::ffff:a.b.c.d" in some versions
// and IPv6 addresses with brackets in others; compare the bare address.
QString bareAddress(QString address)
{
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (address.startsWith(QLatin1String("::ffff:"), Qt::CaseInsensitive)
        && address.contains(QLatin1Char('.')))
        address = address.mid(7);
    return address;
}

// "DOMAIN\\user" and "user@REALM" as the server lists them: "user". A view, since it runs
// for every row of a poll.
QStringView bareUser(QStringView u)
{
    const qsizetype slash = u.lastIndexOf(QLatin1Char('\\'));
    if (slash >= 0)
        u = u.mid(slash + 1);
    const qsizetype at = u.indexOf(QLatin1Char('@'));
    if (at >= 0)
        u.truncate(at);
    return u;
}

// Partial lists of a paged answer: the first page at once, later ones at most this often.
constexpr qint64 kPagesIntervalMs = 500;
// Progress reports while pages arrive (one status bar update each).
constexpr qint64 kProgressIntervalMs = 100;
// How far the reported start of our own session may lie from the moment our API was made:
// the server counts whole seconds, and the logon takes a moment after the API exists.
constexpr qint64 kOwnSessionEarlyMs = 2000;
constexpr qint64 kOwnSessionLateMs = 5000;

} // namespace

void SessionPollWorker::alignPages(
    sc::SessionList &rows, const std::vector<PageArrival> &pages, qint64 nowMs)
{
    // The times of a page are as the server counted them when it sent that page; on a slow
    // link the last page comes seconds after the first. Aged to @p nowMs, every row's instants
    // are right to within half a second, so the rows of the first page match themselves when
    // the whole list follows (and from poll to poll, however long fetching the rest took).
    std::size_t begin = 0;
    for (const PageArrival &page : pages) {
        const std::size_t end = std::min(page.end, rows.size());
        const qint64 age = sc::SessionTime::ageSeconds(page.atMs, nowMs);
        if (age > 0) {
            for (std::size_t i = begin; i < end; ++i) {
                rows[i].connectedSeconds = sc::SessionTime::aged(rows[i].connectedSeconds, age);
                rows[i].idleSeconds = sc::SessionTime::aged(rows[i].idleSeconds, age);
            }
        }
        begin = end;
    }
}

SessionPollWorker::SessionPollWorker(
    ApiFactory factory, std::shared_ptr<std::atomic_bool> abandoned)
    : m_factory(std::move(factory))
    , m_abandoned(std::move(abandoned))
{
}

SessionPollWorker::~SessionPollWorker() = default;

void SessionPollWorker::setConnection(quint64 epoch, const sc::ConnectionOptions &options)
{
    closeConnection(epoch);
    m_options = options;
}

void SessionPollWorker::closeConnection(quint64 epoch)
{
    m_epoch = epoch;
    m_options.reset();
    m_api.reset();
    m_differ.reset();
    m_fileDiffer.reset();
    m_shares.reset();
    m_sharesRefused = false;
    m_nothingShown = true;
}

void SessionPollWorker::requestFilesReplace()
{
    m_fileDiffer.reset();
}

void SessionPollWorker::requestReplace()
{
    m_differ.reset();
}

void SessionPollWorker::setAuditLog(const std::optional<AuditLog> &log)
{
    m_auditLog = log;
}

void SessionPollWorker::setTextPool(const std::shared_ptr<SharedTextPool> &texts)
{
    m_differ.shareTexts(texts);
    m_fileDiffer.shareTexts(texts);
}

void SessionPollWorker::setCallGate(const std::shared_ptr<CallGate> &gate)
{
    m_gate = gate;
}

bool SessionPollWorker::enterGate(quint64 epoch, CallGate::Slot &slot)
{
    if (m_abandoned->load())
        return false;
    // Waiting here is neither a failure nor a poll in progress on the network: the rows
    // shown and the status stay as they are until the call itself has answered. A call of an
    // older epoch waits for nobody: api() refuses it without going to the network.
    if (m_gate && epoch == m_epoch)
        slot = m_gate->acquire(*m_abandoned);
    return !m_abandoned->load();
}

AuditRecord SessionPollWorker::newAuditRecord(const AuditRecord &connection) const
{
    AuditRecord record = m_auditLog->newRecord();
    record.server = connection.server;
    record.account = connection.account;
    record.kerberos = connection.kerberos;
    return record;
}

void SessionPollWorker::audit(DisconnectResult &result, const AuditRecord &connection) const
{
    if (!m_auditLog)
        return;
    AuditRecord record = newAuditRecord(connection);
    record.client = result.target.client;
    record.user = result.target.user;
    if (result.error)
        record.setError(*result.error);
    else
        record.setEnded(result.ended);
    QString error;
    if (!m_auditLog->append(record, &error))
        result.auditError = error;
}

void SessionPollWorker::releaseRetired()
{
    m_differ.releaseRetired();
    m_fileDiffer.releaseRetired();
}

sc::SessionApi *SessionPollWorker::api(quint64 epoch, std::optional<sc::SessionError> *error)
{
    if (epoch != m_epoch) {
        *error = sc::SessionError::local(sc::ErrorKind::Other, "connection changed");
        return nullptr;
    }
    if (!m_options) {
        *error = sc::SessionError::local(sc::ErrorKind::InvalidParameter, "no connection");
        return nullptr;
    }
    if (!m_api) {
        m_api = m_factory ? m_factory(*m_options) : nullptr;
        // Our own session on the server starts about now (the API connects on first use).
        m_apiSinceMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_api) {
            *error = sc::SessionError::local(
                sc::ErrorKind::NotSupported, "no session backend on this platform");
            return nullptr;
        }
    }
    return m_api.get();
}

void SessionPollWorker::dropApiIfBroken(const sc::SessionError &error)
{
    if (breaksConnection(error.kind()))
        m_api.reset();
}

void SessionPollWorker::describeConnection(ConnectionReport &report, sc::SessionApi &sessions)
{
    const sc::ConnectionSecurity security = sessions.security();
    report.signing = security.signing;
    report.sealing = security.sealing;
    report.protocol = QString::fromStdString(security.protocol);
    report.localAddress = QString::fromStdString(sessions.localAddress());
}

SessionDelta SessionPollWorker::diff(
    const sc::SessionList &sessions, qint64 pollTimeMs, const QString &localAddress)
{
    const QString ownAddress = bareAddress(localAddress);
    const QString optionsUser = QString::fromStdString(m_options->user);
    QString ownUser = bareUser(optionsUser).toString();
    if (m_options->kerberos) {
        // A Kerberos logon is the ticket's owner, whatever user name the settings still hold.
        // Read per poll (a small local file) so that a kinit as someone else is followed.
        ownUser = QString::fromStdString(
            sc::KerberosCache::userOf(sc::KerberosCache::readDefault().principal));
    }
    SessionDiffer::OwnSessionTest isOwn;
    if (!ownAddress.isEmpty() && !ownUser.isEmpty()) {
        // Address and account are all the server tells us about who a session is.
        const auto ours = [&ownAddress, &ownUser](QStringView user, QStringView client) {
            // A domain controller lists its users as DOMAIN\user.
            return sc::namesEqual(bareUser(user), ownUser)
                && bareAddress(client.toString()).compare(ownAddress, Qt::CaseInsensitive) == 0;
        };
        // The same account may have more sessions from this computer (a mapped drive, a
        // second console). Ours began when our connection was made: if exactly one of them
        // began then, it is ours; otherwise each is marked as "one of these".
        QList<qint64> candidates;
        for (const sc::SessionInfo &info : sessions) {
            if (ours(QStringView(info.userName.data(), qsizetype(info.userName.size())),
                    QStringView(info.clientName.data(), qsizetype(info.clientName.size()))))
                candidates.append(sc::SessionTime::sinceMs(pollTimeMs, info.connectedSeconds));
        }
        std::optional<qint64> ownSinceMs;
        if (candidates.size() > 1) {
            int near = 0;
            for (qint64 since : std::as_const(candidates)) {
                if (since >= m_apiSinceMs - kOwnSessionEarlyMs
                    && since <= m_apiSinceMs + kOwnSessionLateMs) {
                    ++near;
                    ownSinceMs = since;
                }
            }
            if (near != 1)
                ownSinceMs.reset();
        }
        const bool shared = candidates.size() > 1 && !ownSinceMs;
        isOwn = [ours, ownSinceMs, shared](const SessionRow &row) {
            if (!ours(row.user, row.client) || (ownSinceMs && row.connectedSinceMs != *ownSinceMs))
                return SessionRow::Ownership::NotOwn;
            return shared ? SessionRow::Ownership::OneOfOwn : SessionRow::Ownership::Own;
        };
    }
    // Converted while diffed: a session seen before reuses its row's texts.
    return m_differ.update(sessions, pollTimeMs, isOwn);
}

void SessionPollWorker::poll(quint64 epoch, std::optional<sc::InfoLevel> level)
{
    SessionSnapshot snapshot;
    ConnectionReport report;
    snapshot.epoch = epoch;
    // Held around the connect (on first use of the API) and the enumeration; a hung server
    // keeps it until its own timeout, never longer.
    CallGate::Slot slot;
    if (!enterGate(epoch, slot))
        return;
    QElapsedTimer elapsed;
    elapsed.start();

    std::optional<sc::SessionError> error;
    sc::SessionApi *sessions = api(epoch, &error);
    if (!sessions) {
        snapshot.error = error;
        snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT snapshotReady(snapshot, report);
        return;
    }

    report.serverKey = QString::fromStdString(sessions->serverKey());

    // A server that pages (Windows) answers a few hundred sessions per round trip. Partial
    // lists are shown only while the model has nothing of this connection: rows that are
    // missing because their page has not arrived yet would look like sessions that ended.
    const bool showPages = m_nothingShown;
    std::vector<PageArrival> pages;
    int shownRows = 0;
    QElapsedTimer sinceShown;
    QElapsedTimer sinceProgress;
    const sc::PageProgress onPage = [&](const sc::SessionList &rows, std::uint32_t total) {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (!pages.empty() && rows.size() < pages.back().end)
            pages.clear(); // started over at another level
        pages.push_back({rows.size(), nowMs});
        // The last page, or one of a server that does not page (Samba): the answer follows.
        if (rows.size() >= total || m_abandoned->load())
            return;

        if (!sinceProgress.isValid() || sinceProgress.elapsed() >= kProgressIntervalMs) {
            sinceProgress.start();
            Q_EMIT pollProgress(epoch, int(rows.size()), total);
        }

        // The first page at once, so the table fills while the rest is fetched. Later pages
        // too, as added rows: over a slow link the rest can take many seconds, and meanwhile
        // the operator reads and filters what is shown. But at most every kPagesIntervalMs,
        // not each: every partial list is diffed against the last one here and re-sorted by
        // the proxy on the GUI thread, both O(rows so far), and on a fast link pages come
        // every few milliseconds.
        if (!showPages || rows.empty() || int(rows.size()) <= shownRows)
            return;
        if (sinceShown.isValid() && sinceShown.elapsed() < kPagesIntervalMs)
            return;
        sinceShown.start();

        SessionSnapshot partial;
        ConnectionReport partialReport;
        partial.epoch = epoch;
        partial.partial = true;
        partialReport.serverKey = report.serverKey;
        partial.pollTimeMs = nowMs;
        partial.durationMs = elapsed.elapsed();
        partial.level = rows.front().level;
        partialReport.levelFellBack = !level && partial.level != sc::kAutoLevelOrder[0];
        partial.totalEntries = total;
        describeConnection(partialReport, *sessions);
        if (pages.size() == 1) {
            partial.delta = diff(rows, nowMs, partialReport.localAddress);
        } else {
            sc::SessionList aligned = rows;
            alignPages(aligned, pages, nowMs);
            partial.delta = diff(aligned, nowMs, partialReport.localAddress);
        }
        partial.hasRows = true;
        shownRows = int(rows.size());
        m_nothingShown = false;
        Q_EMIT snapshotReady(partial, partialReport);
    };

    sc::Result<sc::SessionEnumResult> result = sessions->enumerate({}, level, onPage);
    // The instants of this answer are relative to when it arrived.
    snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.durationMs = elapsed.elapsed();
    if (m_abandoned->load())
        return;
    if (!result) {
        snapshot.error = result.error();
        dropApiIfBroken(result.error());
        Q_EMIT snapshotReady(snapshot, report);
        return;
    }

    describeConnection(report, *sessions);
    snapshot.level = result->level;
    report.levelFellBack = result->levelFellBack;
    snapshot.totalEntries = result->totalEntries;
    alignPages(result->sessions, pages, snapshot.pollTimeMs);
    snapshot.delta = diff(result->sessions, snapshot.pollTimeMs, report.localAddress);
    // As sessionctl decides it. With Kerberos the account is not known here; any user from
    // our address may be ours.
    report.idleTimeUnreported
        = sc::idleTimeUnreported(result->sessions, report.localAddress.toStdU16String(),
            m_options->kerberos ? std::u16string() : sc::fromUtf8(m_options->user));
    snapshot.hasRows = true;
    m_nothingShown = false;
    Q_EMIT snapshotReady(snapshot, report);
}

void SessionPollWorker::disconnectSessions(quint64 epoch, quint64 requestId,
    const QList<DisconnectTarget> &targets, const AuditRecord &connection)
{
    CallGate::Slot slot;
    if (!enterGate(epoch, slot))
        return;
    QList<DisconnectResult> results;
    results.reserve(targets.size());
    for (const DisconnectTarget &target : targets) {
        DisconnectResult result;
        result.target = target;
        std::optional<sc::SessionError> error;
        sc::SessionApi *sessions = api(epoch, &error);
        if (m_abandoned->load())
            return;
        if (!sessions) {
            result.error = error;
        } else {
            const sc::Result<std::uint32_t> ended
                = sessions->remove(target.client.toStdU16String(), target.user.toStdU16String());
            if (ended) {
                result.ended = *ended;
            } else {
                result.error = ended.error();
                dropApiIfBroken(ended.error());
            }
        }
        // Recorded as soon as the outcome is known, whatever becomes of the GUI afterwards.
        audit(result, connection);
        results.append(std::move(result));
    }
    Q_EMIT disconnectFinished(requestId, results);
}

OpenFileDiffer::PathNamer SessionPollWorker::pathNamer(
    sc::SessionApi &sessions, bool *sharesUnknown)
{
    if (!m_shares && !m_sharesRefused) {
        sc::Result<sc::ShareList> shares = sessions.enumerateShares();
        if (shares) {
            m_shares = sc::SharePathMap(std::move(*shares));
        } else if (shares.error().kind() == sc::ErrorKind::AccessDenied
            || shares.error().kind() == sc::ErrorKind::NotSupported
            || shares.error().kind() == sc::ErrorKind::InvalidLevel) {
            // Asked again with the next connection, not on every poll.
            m_sharesRefused = true;
        } else {
            dropApiIfBroken(shares.error());
        }
    }
    *sharesUnknown = !m_shares;
    if (!m_shares)
        return {};
    return [this, server = QString::fromStdString(m_options->host).toStdU16String()](
               QStringView localPath) {
        const std::optional<std::u16string> unc = m_shares->uncPath(
            server, std::u16string_view(localPath.utf16(), size_t(localPath.size())));
        return unc ? QString::fromStdU16String(*unc) : QString();
    };
}

void SessionPollWorker::pollFiles(quint64 epoch)
{
    CallGate::Slot slot;
    if (!enterGate(epoch, slot))
        return;
    OpenFilesSnapshot snapshot;
    snapshot.epoch = epoch;
    std::optional<sc::SessionError> error;
    sc::SessionApi *sessions = api(epoch, &error);
    if (!sessions) {
        snapshot.error = error;
        snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT openFilesReady(snapshot);
        return;
    }
    sc::Result<sc::OpenFileEnumResult> result = sessions->enumerateFiles({}, std::nullopt);
    snapshot.pollTimeMs = QDateTime::currentMSecsSinceEpoch();
    if (m_abandoned->load())
        return;
    if (!result) {
        snapshot.error = result.error();
        dropApiIfBroken(result.error());
        Q_EMIT openFilesReady(snapshot);
        return;
    }
    snapshot.level = result->level;
    snapshot.levelFellBack = result->levelFellBack;
    snapshot.totalEntries = result->totalEntries;
    // Level 2 carries no paths: nothing to name.
    const OpenFileDiffer::PathNamer namer = result->level == sc::FileInfoLevel::Level3
        ? pathNamer(*sessions, &snapshot.sharesUnknown)
        : OpenFileDiffer::PathNamer();
    snapshot.delta = m_fileDiffer.update(result->files, namer);
    snapshot.hasRows = true;
    Q_EMIT openFilesReady(snapshot);
}

void SessionPollWorker::closeFiles(
    quint64 epoch, quint64 requestId, const QList<quint32> &ids, const AuditRecord &connection)
{
    CallGate::Slot slot;
    if (!enterGate(epoch, slot))
        return;
    QList<FileCloseReport> reports;
    reports.reserve(ids.size());
    std::optional<sc::SessionError> error;
    sc::SessionApi *sessions = api(epoch, &error);
    if (m_abandoned->load())
        return;
    std::optional<std::vector<sc::FileCloseResult>> results;
    if (sessions) {
        const std::vector<std::uint32_t> wanted(ids.cbegin(), ids.cend());
        sc::Result<std::vector<sc::FileCloseResult>> closed = sessions->closeFiles(wanted);
        if (m_abandoned->load())
            return;
        if (closed) {
            results = std::move(*closed);
        } else {
            error = closed.error();
            dropApiIfBroken(closed.error());
        }
    }
    const auto text = [](const sc::SessionText &t) {
        return QString::fromUtf16(t.data(), qsizetype(t.size()));
    };
    for (qsizetype k = 0; k < ids.size(); ++k) {
        FileCloseReport report;
        report.id = ids.at(k);
        if (results && size_t(k) < results->size()) {
            const sc::FileCloseResult &r = (*results)[size_t(k)];
            report.outcome = r.outcome;
            report.error = r.error;
            if (r.file) {
                report.path = text(r.file->path);
                report.user = text(r.file->userName);
            }
        } else {
            // Nothing was closed: the listing before the call failed.
            report.outcome = sc::FileCloseOutcome::Failed;
            report.error = error ? error : sc::SessionError::local(sc::ErrorKind::Other);
        }
        audit(report, connection);
        reports.append(std::move(report));
    }
    Q_EMIT closeFilesFinished(requestId, reports);
}

void SessionPollWorker::audit(FileCloseReport &report, const AuditRecord &connection) const
{
    if (!m_auditLog)
        return;
    AuditRecord record = newAuditRecord(connection);
    record.action = AuditRecord::kActionCloseFile;
    record.fileId = report.id;
    record.path = report.path;
    record.user = report.user;
    record.setFileCloseOutcome(report.outcome, report.error);
    QString why;
    if (!m_auditLog->append(record, &why))
        report.auditError = why;
}
