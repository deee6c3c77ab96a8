// SPDX-License-Identifier: GPL-3.0-or-later
// SambaRpcTransport against the lab's real smbd: logon, raw calls on \PIPE\srvsvc, the kept
// connection, reconnecting after the server ended it, and how each way of failing is
// classified. The requests are written out by hand below so that the transport is tested
// independently of SrvsvcCodec.

#include "labsupport.h"
#include "procfs.h"
#include "rpcworkerlauncher.h"
#include "rpcworkerprocess.h"
#include "sambarpctransport.h"
#include "sessionapi.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <vector>

using sc::ByteBuffer;
using sc::CodeSpace;
using sc::ErrorKind;
using sc::SambaRpcTransport;

Q_DECLARE_METATYPE(sc::ErrorKind)

namespace {

constexpr std::uint16_t kOpNetrSessionEnum = 12;
constexpr std::uint16_t kOpNetrSessionDel = 13;

void putU32(ByteBuffer &out, std::uint32_t value)
{
    while (out.size() % 4 != 0) {
        out.push_back(0);
    }
    for (int i = 0; i < 4; ++i) {
        out.push_back(std::uint8_t(value >> (8 * i)));
    }
}

std::uint32_t getU32(const sc::SharedBytes &in, std::size_t offset)
{
    if (offset > in.size() || in.size() - offset < 4)
        throw std::out_of_range("reply too short");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        value |= std::uint32_t(in[offset + i]) << (8 * i);
    }
    return value;
}

// NetrSessionEnum, no server/client/user filter, level 1, empty container, no resume handle
// (MS-SRVS 3.1.4.5; NDR 2.0 little-endian).
ByteBuffer sessionEnumLevel1Request()
{
    ByteBuffer out;
    putU32(out, 0); // ServerName: null
    putU32(out, 0); // ClientName: null
    putU32(out, 0); // UserName: null
    putU32(out, 1); // InfoStruct->Level
    putU32(out, 1); // union switch
    putU32(out, 0x00020000); // SESSION_INFO_1_CONTAINER*
    putU32(out, 0); // EntriesRead
    putU32(out, 0); // Buffer: null
    putU32(out, 0xFFFFFFFF); // PreferedMaximumLength
    putU32(out, 0); // ResumeHandle: null
    return out;
}

// NetrSessionDel for every session of one user (MS-SRVS 3.1.4.6).
ByteBuffer sessionDelRequest(const std::u16string &user)
{
    ByteBuffer out;
    putU32(out, 0); // ServerName: null
    putU32(out, 0); // ClientName: null
    putU32(out, 0x00020000); // UserName
    const std::uint32_t count = std::uint32_t(user.size() + 1);
    putU32(out, count); // conformant: maximum count
    putU32(out, 0); // varying: offset
    putU32(out, count); // varying: actual count
    for (char16_t c : user) {
        out.push_back(std::uint8_t(c & 0xFF));
        out.push_back(std::uint8_t(c >> 8));
    }
    out.push_back(0);
    out.push_back(0);
    return out;
}

// The NET_API_STATUS that ends every srvsvc reply.
std::uint32_t replyStatus(const sc::SharedBytes &reply)
{
    return getU32(reply, reply.size() - 4);
}

bool containsUtf16(const sc::SharedBytes &haystack, const QString &text)
{
    QByteArray needle;
    for (QChar c : text) {
        needle.append(char(c.unicode() & 0xFF));
        needle.append(char(c.unicode() >> 8));
    }
    const QByteArray bytes(
        reinterpret_cast<const char *>(haystack.data()), qsizetype(haystack.size()));
    return bytes.contains(needle);
}

// For QVERIFY2, which evaluates its message even when the check passes.
template<typename T>
QByteArray why(const sc::Result<T> &result)
{
    if (result.ok()) {
        return {};
    }
    const sc::SessionError &e = result.error();
    return QByteArray(sc::errorKindId(e.kind())) + " " + QByteArray::fromStdString(e.codeText())
        + ": " + QByteArray::fromStdString(e.detail());
}

} // namespace

class TestSambaRpcTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminListsOwnSession();
    void keptConnectionIsReused();
    void faultLeavesConnectionUsable();
    void plainUserConnectsButIsRefusedByServer();
    void nonAsciiUserLogsOn();
    void sealingIsNegotiatedOnRequest();
    void uncHostNameIsAccepted();
    void reconnectsAfterServerEndedSession();
    void disconnectThenCallReconnects();
    void connectFailures_data();
    void connectFailures();
    void hungServerTimesOut();
    void kerberosWithoutTicketIsNoCredentials();
    void instancesOnSeveralThreads();
    void workersAreForkedByOneLauncher();
    void workerOutlivesTheThreadThatStartedIt();
    void launcherKilledTakesItsWorkersAndIsReplaced();
    void preparedLauncherServesTheFirstWorker();
    void workerKilledMidCallIsConnectionLost();
    void workerKilledBetweenCallsReconnects();
    void stoppedWorkerIsKilledAtTheDeadline();
    void garbageFromWorker_data();
    void garbageFromWorker();
    void inProcessStartsNoWorker();
    void inProcessReconnectsAfterServerEndedSession();
    void inProcessHungServerTimesOut();

private:
    QString ownSessionDialect() const;
    void verifyReconnectsAfterServerEndedSession(SambaRpcTransport &victim, const QString &user);

private:
    Lab m_lab;
};

void TestSambaRpcTransport::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

QString TestSambaRpcTransport::ownSessionDialect() const
{
    // Earlier tests' connections end asynchronously; then the one admin session is ours.
    m_lab.waitForSessionCount(m_lab.adminUser(), 1);
    QStringList dialects;
    for (const LabSession &s : m_lab.smbstatusSessions()) {
        if (s.user == m_lab.adminUser())
            dialects << s.dialect;
    }
    dialects.removeDuplicates();
    if (dialects.size() != 1 || dialects.first().isEmpty())
        return QStringLiteral("smbstatus shows no single dialect: ") + dialects.join(u',');
    return dialects.first();
}

void TestSambaRpcTransport::adminListsOwnSession()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    QVERIFY(!transport.isConnected());

    QElapsedTimer timer;
    timer.start();
    const auto connected = transport.connect();
    const qint64 connectMs = timer.elapsed();
    QVERIFY2(connected.ok(), why(connected));
    QVERIFY(transport.isConnected());
    qInfo("connect to the lab: %lld ms", connectMs);

    const sc::ConnectionSecurity security = transport.security();
    QVERIFY(security.signing); // required by default
    QVERIFY(!security.sealing);
    // The dialect as negotiated, the same smbd reports for our session; not a guess from the
    // encryption state (which said "SMB2" for an unencrypted SMB 3.1.1 connection).
    QCOMPARE(QString::fromStdString(security.protocol), ownSessionDialect());
    // The lab listens on 127.0.0.1, so that is what smbd sees as our address.
    QCOMPARE(QString::fromStdString(transport.localAddress()), QStringLiteral("127.0.0.1"));

    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY2(reply.ok(), why(reply));
    QVERIFY(reply->size() >= 24);
    QCOMPARE(getU32(*reply, 0), 1u); // level
    QCOMPARE(replyStatus(*reply), 0u); // NERR_Success
    QVERIFY(getU32(*reply, 12) >= 1u); // EntriesRead: at least our own session
    QVERIFY(containsUtf16(*reply, m_lab.adminUser()));
    QVERIFY(containsUtf16(*reply, QStringLiteral("127.0.0.1")));
    QCOMPARE(transport.connectCount(), 1);
}

void TestSambaRpcTransport::keptConnectionIsReused()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    const ByteBuffer request = sessionEnumLevel1Request();
    QElapsedTimer timer;
    qint64 slowest = 0;
    qint64 total = 0;
    constexpr int kCalls = 3;
    for (int i = 0; i < kCalls; ++i) {
        timer.start();
        const auto reply = transport.call(kOpNetrSessionEnum, request);
        const qint64 us = timer.nsecsElapsed() / 1000;
        QVERIFY2(reply.ok(), why(reply));
        QCOMPARE(replyStatus(*reply), 0u);
        if (i > 0) { // the first call includes the connect
            total += us;
            slowest = std::max(slowest, us);
        }
    }
    qInfo("NetrSessionEnum level 1 on the kept connection: mean %lld us, slowest %lld us",
        total / (kCalls - 1), slowest);
    QCOMPARE(transport.connectCount(), 1);
    // The server agrees: one session for the admin, not one per call.
    QVERIFY2(m_lab.waitForSessionCount(m_lab.adminUser(), 1), qPrintable(m_lab.errorString()));
}

void TestSambaRpcTransport::faultLeavesConnectionUsable()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    const auto fault = transport.call(99, sessionEnumLevel1Request());
    QVERIFY(!fault.ok());
    QCOMPARE(fault.error().kind(), ErrorKind::ProtocolError);
    QCOMPARE(fault.error().codeSpace(), CodeSpace::RpcFault);
    QCOMPARE(fault.error().code(), 0x1C010002u); // nca_s_op_rng_error
    QVERIFY(transport.isConnected());

    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(transport.connectCount(), 1);
}

void TestSambaRpcTransport::plainUserConnectsButIsRefusedByServer()
{
    const QString user = m_lab.plainUsers().value(0);
    SambaRpcTransport transport(m_lab.optionsFor(user));
    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    // Logon and bind succeed; the refusal is the call's own status, for the codec to map.
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(replyStatus(*reply), sc::win32::AccessDenied);
}

void TestSambaRpcTransport::nonAsciiUserLogsOn()
{
    int tried = 0;
    for (const QString &user : m_lab.plainUsers()) {
        if (std::none_of(user.cbegin(), user.cend(), [](QChar c) { return c.unicode() > 0x7F; })) {
            continue;
        }
        ++tried;
        SambaRpcTransport transport(m_lab.optionsFor(user));
        const auto connected = transport.connect();
        QVERIFY2(connected.ok(), qPrintable(user + ": " + why(connected)));
        const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
        QVERIFY2(reply.ok(), qPrintable(user + ": " + why(reply)));
        QCOMPARE(replyStatus(*reply), sc::win32::AccessDenied);
    }
    QVERIFY(tried > 0); // the lab has josé and jürgen
}

void TestSambaRpcTransport::sealingIsNegotiatedOnRequest()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.requireSealing = true;
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();
    QVERIFY2(connected.ok(), why(connected));
    QVERIFY(transport.security().sealing);
    QVERIFY(transport.security().signing);
    QCOMPARE(QString::fromStdString(transport.security().protocol), ownSessionDialect());
    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(replyStatus(*reply), 0u);
}

void TestSambaRpcTransport::uncHostNameIsAccepted()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.host = "\\\\" + options.host;
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();
    QVERIFY2(connected.ok(), why(connected));
}

void TestSambaRpcTransport::reconnectsAfterServerEndedSession()
{
    // A plain user's kept connection, ended from the server side by the admin's
    // NetrSessionDel: the next call must notice, reconnect once and succeed.
    const QString user = m_lab.plainUsers().value(1);
    SambaRpcTransport victim(m_lab.optionsFor(user));
    verifyReconnectsAfterServerEndedSession(victim, user);
}

void TestSambaRpcTransport::verifyReconnectsAfterServerEndedSession(
    SambaRpcTransport &victim, const QString &user)
{
    auto reply = victim.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY2(reply.ok(), why(reply));
    QVERIFY2(m_lab.waitForSessionCount(user, 1), qPrintable(m_lab.errorString()));

    SambaRpcTransport admin(m_lab.adminOptions());
    const auto deleted = admin.call(kOpNetrSessionDel, sessionDelRequest(user.toStdU16String()));
    QVERIFY2(deleted.ok(), why(deleted));
    QCOMPARE(replyStatus(*deleted), 0u);
    QVERIFY2(m_lab.waitForSessionCount(user, 0), qPrintable(m_lab.errorString()));

    reply = victim.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(replyStatus(*reply), sc::win32::AccessDenied);
    QCOMPARE(victim.connectCount(), 2);
    QCOMPARE(admin.connectCount(), 1);
}

void TestSambaRpcTransport::disconnectThenCallReconnects()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    QVERIFY(transport.connect().ok());
    transport.disconnect();
    QVERIFY(!transport.isConnected());
    QVERIFY(transport.localAddress().empty());
    QElapsedTimer timer;
    timer.start();
    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    // The first connect of the run also waits for the lab to start its RPC service.
    qInfo("reconnect plus one call on a warm lab: %lld ms", timer.elapsed());
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(transport.connectCount(), 2);
    QVERIFY(transport.isConnected());
}

void TestSambaRpcTransport::connectFailures_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port"); // 0: the lab's smbd, -1: the lab's closed port
    QTest::addColumn<QString>("user"); // empty: the admin
    QTest::addColumn<QString>("password"); // empty: the user's right password
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<quint32>("ntstatus");

    QTest::newRow("wrong password") << "127.0.0.1" << 0 << ""
                                    << "not the password" << ErrorKind::LogonFailure << 0xC000006Du;
    QTest::newRow("unknown user") << "127.0.0.1" << 0 << "nobody-here"
                                  << "x" << ErrorKind::LogonFailure << 0xC000006Du;
    QTest::newRow("closed port") << "127.0.0.1" << -1 << ""
                                 << "" << ErrorKind::ConnectionRefused << 0xC0000236u;
    QTest::newRow("closed port, ipv6 loopback")
        << "::1" << -1 << ""
        << "" << ErrorKind::ConnectionRefused << 0xC0000236u;
    // Only the resolver is asked; .invalid never resolves (RFC 6761).
    QTest::newRow("unknown host") << "no-such-host.invalid" << 0 << ""
                                  << "" << ErrorKind::HostNotFound << 0xC00000BEu;
}

void TestSambaRpcTransport::connectFailures()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(ErrorKind, kind);
    QFETCH(quint32, ntstatus);

    sc::ConnectionOptions options = m_lab.adminOptions();
    options.host = host.toStdString();
    options.port = port == 0 ? m_lab.port() : port < 0 ? m_lab.closedPort() : quint16(port);
    if (!user.isEmpty()) {
        options.user = user.toStdString();
    }
    if (!password.isEmpty()) {
        options.password = sc::SecretString(password.toStdString());
    }
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();
    QVERIFY(!connected.ok());
    QVERIFY(!transport.isConnected());
    QCOMPARE(connected.error().kind(), kind);
    QCOMPARE(connected.error().codeSpace(), CodeSpace::NtStatus);
    QCOMPARE(connected.error().code(), std::uint32_t(ntstatus));
    QVERIFY(!connected.error().detail().empty());
    if (!password.isEmpty()) {
        QVERIFY(connected.error().detail().find(password.toStdString()) == std::string::npos);
    }
    // A call reports the same failure (it connects first).
    const auto reply = transport.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().kind(), kind);
}

void TestSambaRpcTransport::hungServerTimesOut()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.hungPort();
    options.connectTimeout = std::chrono::milliseconds(2000);
    SambaRpcTransport transport(options);
    QElapsedTimer timer;
    timer.start();
    const auto connected = transport.connect();
    const qint64 elapsed = timer.elapsed();
    qInfo("connect to the hung server returned after %lld ms (timeout 2000 ms)", elapsed);
    QVERIFY(!connected.ok());
    QCOMPARE(connected.error().kind(), ErrorKind::Timeout);
    QCOMPARE(connected.error().code(), 0xC00000B5u); // NT_STATUS_IO_TIMEOUT
    // Generous: only proves we did not sit out Samba's own 60 s.
    QVERIFY2(elapsed < 8000, qPrintable(QString::number(elapsed)));
}

void TestSambaRpcTransport::kerberosWithoutTicketIsNoCredentials()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray saved = qgetenv("KRB5CCNAME");
    const bool hadSaved = qEnvironmentVariableIsSet("KRB5CCNAME");
    qputenv("KRB5CCNAME", "FILE:" + QFile::encodeName(dir.filePath(QStringLiteral("no-cache"))));

    sc::ConnectionOptions options = m_lab.adminOptions();
    options.kerberos = true;
    options.password = {};
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();

    if (hadSaved) {
        qputenv("KRB5CCNAME", saved);
    } else {
        qunsetenv("KRB5CCNAME");
    }
    QVERIFY(!connected.ok());
    QCOMPARE(connected.error().kind(), ErrorKind::NoCredentials);
}

void TestSambaRpcTransport::instancesOnSeveralThreads()
{
    // Each thread owns its transport, whose connection lives in a worker process of its own.
    constexpr int kThreads = 3;
    constexpr int kCalls = 15;
    std::atomic<int> succeeded {0};
    std::vector<std::string> failures(kThreads);
    std::vector<std::thread> threads;
    const sc::ConnectionOptions options = m_lab.adminOptions();
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            SambaRpcTransport transport(options);
            const ByteBuffer request = sessionEnumLevel1Request();
            for (int i = 0; i < kCalls; ++i) {
                const auto reply = transport.call(kOpNetrSessionEnum, request);
                if (!reply.ok()) {
                    failures[t] = why(reply).toStdString();
                    return;
                }
                if (replyStatus(*reply) != 0) {
                    failures[t] = "status " + std::to_string(replyStatus(*reply));
                    return;
                }
                ++succeeded;
            }
            if (transport.connectCount() != 1) {
                failures[t] = "reconnected " + std::to_string(transport.connectCount());
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    for (int t = 0; t < kThreads; ++t) {
        QVERIFY2(failures[t].empty(), failures[t].c_str());
    }
    QCOMPARE(succeeded.load(), kThreads * kCalls);
}

namespace {

// The worker has ended and waits to be reaped by its parent.
bool isZombie(pid_t pid)
{
    return Procfs::state(pid) == 'Z';
}

// Ended and reaped: no process has @p pid any more.
bool isGone(pid_t pid)
{
    return ::kill(pid, 0) == -1 && errno == ESRCH;
}

// Ended: a zombie, or reaped (an orphan is reaped by init, whenever it gets to it).
bool hasEnded(pid_t pid)
{
    return isZombie(pid) || isGone(pid);
}

pid_t parentOf(pid_t pid)
{
    return pid_t(Procfs::parent(pid));
}

// None of this process's children is left, running or as a zombie, but the worker launchers,
// which live as long as the process.
bool noChildren()
{
    const std::vector<pid_t> launchers = sc::RpcWorkerLauncher::pidsForTesting();
    const QList<qint64> children = Procfs::children(::getpid());
    return std::all_of(children.cbegin(), children.cend(), [&](qint64 child) {
        return std::find(launchers.cbegin(), launchers.cend(), child) != launchers.cend();
    });
}

} // namespace

void TestSambaRpcTransport::workersAreForkedByOneLauncher()
{
    // Each connection has a worker of its own, forked by the one launcher of the worker
    // program instead of started (and its libraries loaded) again.
    SambaRpcTransport first(m_lab.adminOptions());
    SambaRpcTransport second(m_lab.adminOptions());
    QVERIFY2(first.connect().ok(), "first");
    QVERIFY2(second.connect().ok(), "second");
    const pid_t one = first.workerPidForTesting();
    const pid_t two = second.workerPidForTesting();
    QVERIFY(one > 0 && two > 0 && one != two);
    const pid_t launcher = parentOf(one);
    QCOMPARE(parentOf(two), launcher);
    QCOMPARE(parentOf(launcher), ::getpid());
    const std::vector<pid_t> launchers = sc::RpcWorkerLauncher::pidsForTesting();
    QVERIFY(std::find(launchers.cbegin(), launchers.cend(), launcher) != launchers.cend());
    QVERIFY2(Procfs::file(launcher, "cmdline").contains(QByteArray("\0--launcher\0", 12)),
        Procfs::file(launcher, "cmdline").constData());
    QCOMPARE(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(one)),
        QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(launcher)));

    // Each ends with its transport, and the launcher reaps it.
    first.disconnect();
    QTRY_VERIFY(isGone(one));
    QVERIFY(!isGone(two));
    QTRY_COMPARE(Procfs::children(launcher), QList<qint64> {two});
}

void TestSambaRpcTransport::workerOutlivesTheThreadThatStartedIt()
{
    // A worker asks to die with its parent. Were that the thread that started it, a server's
    // connection would end whenever that thread did, and so would every other connection
    // the thread had started.
    SambaRpcTransport transport(m_lab.adminOptions());
    const ByteBuffer request = sessionEnumLevel1Request();
    bool firstCall = false;
    std::thread([&] { firstCall = transport.call(kOpNetrSessionEnum, request).ok(); }).join();
    QVERIFY(firstCall);
    const pid_t worker = transport.workerPidForTesting();
    QVERIFY(worker > 0);

    const auto reply = transport.call(kOpNetrSessionEnum, request);
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(transport.connectCount(), 1);
    QCOMPARE(transport.workerPidForTesting(), worker);
}

void TestSambaRpcTransport::launcherKilledTakesItsWorkersAndIsReplaced()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    const ByteBuffer request = sessionEnumLevel1Request();
    QVERIFY2(transport.call(kOpNetrSessionEnum, request).ok(), "first call");
    const pid_t worker = transport.workerPidForTesting();
    const pid_t launcher = parentOf(worker);
    QVERIFY(launcher > 0 && launcher != ::getpid());

    // Its workers die with it: no connection is left without someone to end it.
    QCOMPARE(::kill(launcher, SIGKILL), 0);
    QTRY_VERIFY(hasEnded(worker));

    // The next worker comes from a new launcher, and the dead one is reaped.
    const auto reply = transport.call(kOpNetrSessionEnum, request);
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(transport.connectCount(), 2);
    const pid_t replacement = parentOf(transport.workerPidForTesting());
    QVERIFY(replacement > 0 && replacement != launcher && replacement != ::getpid());
    QVERIFY(isGone(launcher));
}

void TestSambaRpcTransport::preparedLauncherServesTheFirstWorker()
{
    // A program path of its own, so that the launcher earlier tests started is not it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString program = dir.filePath(QStringLiteral("sessionconsole-rpcworker"));
    QVERIFY(QFile::link(QString::fromStdString(sc::RpcWorkerProcess::programPath()), program));
    const QByteArray previous = qgetenv("SC_RPCWORKER_PATH");
    qputenv("SC_RPCWORKER_PATH", QFile::encodeName(program));
    const auto restore = qScopeGuard([&] {
        if (previous.isNull())
            qunsetenv("SC_RPCWORKER_PATH");
        else
            qputenv("SC_RPCWORKER_PATH", previous);
    });

    const std::vector<pid_t> before = sc::RpcWorkerLauncher::pidsForTesting();
    sc::prepareSessionApi();
    std::vector<pid_t> after = sc::RpcWorkerLauncher::pidsForTesting();
    QCOMPARE(after.size(), before.size() + 1);
    const auto started = std::find_if(after.cbegin(), after.cend(),
        [&](pid_t pid) { return std::find(before.cbegin(), before.cend(), pid) == before.cend(); });
    QVERIFY(started != after.cend());
    const pid_t launcher = *started;
    QCOMPARE(parentOf(launcher), ::getpid());
    // Spawned, not waited for: its exec may still be setting up the command line.
    QTRY_VERIFY(Procfs::file(launcher, "cmdline").contains(QByteArray("\0--launcher\0", 12)));

    // Asked again, it starts nothing more; the first connection's worker is its child.
    sc::prepareSessionApi();
    QCOMPARE(sc::RpcWorkerLauncher::pidsForTesting().size(), after.size());
    SambaRpcTransport transport(m_lab.adminOptions());
    QVERIFY2(transport.connect().ok(), "connect");
    QCOMPARE(parentOf(transport.workerPidForTesting()), launcher);
    QCOMPARE(sc::RpcWorkerLauncher::pidsForTesting().size(), after.size());
}

void TestSambaRpcTransport::workerKilledMidCallIsConnectionLost()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    bool armed = false;
    pid_t killed = 0;
    transport.setRequestSentHookForTesting([&] {
        if (armed) {
            killed = transport.workerPidForTesting();
            ::kill(killed, SIGKILL);
        }
    });
    const ByteBuffer request = sessionEnumLevel1Request();
    QVERIFY2(transport.call(kOpNetrSessionEnum, request).ok(), "first call");
    QVERIFY(transport.workerPidForTesting() > 0);

    armed = true;
    const auto reply = transport.call(kOpNetrSessionEnum, request);
    armed = false;
    QVERIFY(killed > 0);
    QVERIFY(!reply.ok());
    // The worker had the request: it is not sent again, the caller hears of the break.
    QCOMPARE(reply.error().kind(), ErrorKind::ConnectionLost);
    QCOMPARE(transport.connectCount(), 1);
    QCOMPARE(transport.workerPidForTesting(), pid_t(0));
    QVERIFY(!transport.isConnected());
    // Reaped: no zombie left behind.
    QTRY_VERIFY(isGone(killed));

    const auto again = transport.call(kOpNetrSessionEnum, request);
    QVERIFY2(again.ok(), why(again));
    QCOMPARE(replyStatus(*again), 0u);
    QCOMPARE(transport.connectCount(), 2);
    QVERIFY(transport.workerPidForTesting() != killed);
}

void TestSambaRpcTransport::workerKilledBetweenCallsReconnects()
{
    SambaRpcTransport transport(m_lab.adminOptions());
    const ByteBuffer request = sessionEnumLevel1Request();
    QVERIFY2(transport.call(kOpNetrSessionEnum, request).ok(), "first call");
    const pid_t worker = transport.workerPidForTesting();
    QVERIFY(worker > 0);
    QCOMPARE(::kill(worker, SIGKILL), 0);
    QTRY_VERIFY(hasEnded(worker));

    // Gone before it had the request: sending it again on a new connection is safe, and
    // writing to the dead worker's socket must not raise SIGPIPE in this process.
    const auto reply = transport.call(kOpNetrSessionEnum, request);
    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(replyStatus(*reply), 0u);
    QCOMPARE(transport.connectCount(), 2);
    QTRY_VERIFY(isGone(worker));
}

void TestSambaRpcTransport::stoppedWorkerIsKilledAtTheDeadline()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.callTimeout = std::chrono::milliseconds(500);
    SambaRpcTransport transport(options);
    const ByteBuffer request = sessionEnumLevel1Request();
    QVERIFY2(transport.call(kOpNetrSessionEnum, request).ok(), "first call");
    const pid_t worker = transport.workerPidForTesting();
    // A worker that never answers (as if stuck inside Samba): only our own deadline helps.
    QCOMPARE(::kill(worker, SIGSTOP), 0);
    const auto reply = transport.call(kOpNetrSessionEnum, request);
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().kind(), ErrorKind::Timeout);
    QCOMPARE(reply.error().code(), 0xC00000B5u); // NT_STATUS_IO_TIMEOUT, as Samba's own
    QCOMPARE(transport.workerPidForTesting(), pid_t(0));
    QTRY_VERIFY(isGone(worker)); // killed and reaped
    QCOMPARE(transport.connectCount(), 1); // a timed-out call is not repeated

    const auto again = transport.call(kOpNetrSessionEnum, request);
    QVERIFY2(again.ok(), why(again));
    QCOMPARE(transport.connectCount(), 2);
}

void TestSambaRpcTransport::garbageFromWorker_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<sc::ErrorKind>("kind");
    QTest::newRow("oversize") << QByteArray("oversize") << ErrorKind::MalformedReply;
    QTest::newRow("zero") << QByteArray("zero") << ErrorKind::MalformedReply;
    QTest::newRow("truncated") << QByteArray("truncated") << ErrorKind::MalformedReply;
    QTest::newRow("headeronly") << QByteArray("headeronly") << ErrorKind::MalformedReply;
    QTest::newRow("wrongtype") << QByteArray("wrongtype") << ErrorKind::MalformedReply;
    QTest::newRow("badflag") << QByteArray("badflag") << ErrorKind::MalformedReply;
    QTest::newRow("trailing") << QByteArray("trailing") << ErrorKind::MalformedReply;
    QTest::newRow("longstring") << QByteArray("longstring") << ErrorKind::MalformedReply;
    QTest::newRow("exit") << QByteArray("exit") << ErrorKind::ConnectionLost;
}

void TestSambaRpcTransport::garbageFromWorker()
{
    QFETCH(QByteArray, mode);
    QFETCH(sc::ErrorKind, kind);
    const QByteArray saved = qgetenv("SC_RPCWORKER_PATH");
    qputenv("SC_RPCWORKER_PATH", SC_FAKE_RPCWORKER);
    qputenv("SC_FAKE_RPCWORKER_MODE", mode);
    sc::ConnectionOptions options = m_lab.adminOptions();
    // Only reached if the transport waited for more after garbage: it must not.
    options.connectTimeout = std::chrono::milliseconds(20000);
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();
    qputenv("SC_RPCWORKER_PATH", saved);
    qunsetenv("SC_FAKE_RPCWORKER_MODE");

    QVERIFY(!connected.ok());
    QVERIFY2(connected.error().kind() == kind, why(connected));
    QVERIFY(!connected.error().detail().empty());
    QVERIFY(!transport.isConnected());
    QCOMPARE(transport.workerPidForTesting(), pid_t(0));
    QVERIFY(noChildren());
}

void TestSambaRpcTransport::inProcessStartsNoWorker()
{
    // sessionctl's kind of connection: Samba in this process. With no worker to be found, it
    // works all the same and no child process appears; the worker kind cannot connect.
    const QByteArray saved = qgetenv("SC_RPCWORKER_PATH");
    qputenv("SC_RPCWORKER_PATH", "/nonexistent/sessionconsole-rpcworker");
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.sambaIsolation = sc::SambaIsolation::InProcess;
    SambaRpcTransport inProcess(options);
    const auto reply = inProcess.call(kOpNetrSessionEnum, sessionEnumLevel1Request());
    const bool childless = noChildren();
    SambaRpcTransport worker(m_lab.adminOptions());
    const auto refused = worker.connect();
    qputenv("SC_RPCWORKER_PATH", saved);

    QVERIFY2(reply.ok(), why(reply));
    QCOMPARE(replyStatus(*reply), 0u);
    QVERIFY(containsUtf16(*reply, m_lab.adminUser()));
    QVERIFY(inProcess.isConnected());
    QVERIFY(inProcess.security().signing);
    QCOMPARE(QString::fromStdString(inProcess.localAddress()), QStringLiteral("127.0.0.1"));
    QCOMPARE(inProcess.workerPidForTesting(), pid_t(0));
    QVERIFY(childless);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), sc::ErrorKind::WorkerUnavailable);
    QVERIFY2(refused.error().detail().find("Samba worker") != std::string::npos, why(refused));
}

void TestSambaRpcTransport::inProcessReconnectsAfterServerEndedSession()
{
    // As reconnectsAfterServerEndedSession, with the victim's Samba in this process.
    const QString user = m_lab.plainUsers().value(1);
    sc::ConnectionOptions options = m_lab.optionsFor(user);
    options.sambaIsolation = sc::SambaIsolation::InProcess;
    SambaRpcTransport victim(options);
    verifyReconnectsAfterServerEndedSession(victim, user);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(victim.workerPidForTesting(), pid_t(0));
}

void TestSambaRpcTransport::inProcessHungServerTimesOut()
{
    sc::ConnectionOptions options = m_lab.adminOptions();
    options.port = m_lab.hungPort();
    options.connectTimeout = std::chrono::milliseconds(2000);
    options.sambaIsolation = sc::SambaIsolation::InProcess;
    SambaRpcTransport transport(options);
    const auto connected = transport.connect();
    QVERIFY(!connected.ok());
    QCOMPARE(connected.error().kind(), ErrorKind::Timeout);
    QCOMPARE(connected.error().code(), 0xC00000B5u); // NT_STATUS_IO_TIMEOUT
    QVERIFY(!transport.isConnected());
}

QTEST_GUILESS_MAIN(TestSambaRpcTransport)
#include "tst_sambarpctransport.moc"
