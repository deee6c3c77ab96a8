// SPDX-License-Identifier: GPL-3.0-or-later
// Credentials and safety against the lab: the password never shows in sessionctl's output,
// its command line, its environment or the audit log; the poller's copies of it (and
// Samba's) are gone once the connection is closed; --encrypt really encrypts and signing is
// really on by default (as smbd reports it); and every close is recorded exactly once.
#include "auditlog.h"
#include "jsonlines.h"
#include "labsupport.h"
#include "ntlmhash.h"
#include "procfs.h"
#include "programrun.h"
#include "rpcworkerlauncher.h"
#include "secretstring.h"
#include "sessionpoller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kTimeoutMs = 30000;
constexpr unsigned char kMask = 0xa5;

// A password kept only XOR-masked, so the test itself holds no plain copy that a memory
// scan could find.
struct MaskedSecret
{
    QByteArray utf8;
    QByteArray utf16; ///< UTF-16LE, as Samba's NTLM code handles it
    QByteArray ntHash; ///< what an NTLM logon needs instead of the password

    static MaskedSecret of(const char *data, std::size_t size)
    {
        MaskedSecret m;
        for (std::size_t i = 0; i < size; ++i) {
            m.utf8.append(char(data[i] ^ kMask));
            // Lab passwords are ASCII, so UTF-16LE is each byte and a zero.
            m.utf16.append(char(data[i] ^ kMask));
            m.utf16.append(char(0 ^ kMask));
        }
        uint8_t hash[SC_MD4_DIGEST_SIZE];
        if (sc_ntlm_nt_hash(data, size, hash) == 0) {
            for (const uint8_t b : hash)
                m.ntHash.append(char(b ^ kMask));
        }
        sc::secureZero(hash, sizeof hash);
        return m;
    }
};

// Counts the places in this process's writable memory (or that of its child @p pid) that hold
// @p masked (unmasked). The scan buffer is an mmap of its own and is left out, so the scan
// does not find itself.
qint64 countInMemory(const QByteArray &masked, QString *error, qint64 pid = 0)
{
    const QString proc
        = pid == 0 ? QStringLiteral("/proc/self") : QStringLiteral("/proc/%1").arg(pid);
    constexpr std::size_t kChunk = 1 << 20;
    const std::size_t n = std::size_t(masked.size());
    void *mapped
        = mmap(nullptr, kChunk + n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) {
        *error = QStringLiteral("mmap failed");
        return -1;
    }
    auto *buffer = static_cast<unsigned char *>(mapped);
    const quintptr bufferStart = quintptr(mapped);
    const quintptr bufferEnd = bufferStart + kChunk + n;

    QFile maps(proc + QStringLiteral("/maps"));
    if (!maps.open(QIODevice::ReadOnly)) {
        munmap(mapped, kChunk + n);
        *error = QStringLiteral("cannot read %1/maps").arg(proc);
        return -1;
    }
    const QList<QByteArray> lines = maps.readAll().split('\n');
    const int mem = ::open(QFile::encodeName(proc + QStringLiteral("/mem")).constData(), O_RDONLY);
    if (mem < 0) {
        munmap(mapped, kChunk + n);
        *error = QStringLiteral("cannot open %1/mem").arg(proc);
        return -1;
    }
    qint64 hits = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2 || fields[1].size() < 2 || fields[1][0] != 'r' || fields[1][1] != 'w')
            continue;
        if (line.contains("[vvar]") || line.contains("[vsyscall]"))
            continue;
        const QList<QByteArray> range = fields[0].split('-');
        bool ok1 = false, ok2 = false;
        const quintptr start = range.value(0).toULongLong(&ok1, 16);
        const quintptr end = range.value(1).toULongLong(&ok2, 16);
        if (!ok1 || !ok2 || (pid == 0 && start < bufferEnd && end > bufferStart))
            continue;
        // Sanitizer shadow memory is terabytes of reserved, never-written pages; nothing of
        // ours lives in a single mapping that large.
        if (end - start > (quintptr(1) << 32))
            continue;
        std::size_t carried = 0; // tail of the previous chunk, for matches across chunks
        for (quintptr at = start; at < end;) {
            const std::size_t want = std::min<std::size_t>(kChunk, end - at);
            const ssize_t got = pread(mem, buffer + carried, want, off_t(at));
            if (got <= 0)
                break;
            const std::size_t size = carried + std::size_t(got);
            for (std::size_t i = 0; i + n <= size; ++i) {
                std::size_t j = 0;
                while (j < n && (buffer[i + j] ^ kMask) == static_cast<unsigned char>(masked[j]))
                    ++j;
                hits += j == n ? 1 : 0;
            }
            carried = std::min(size, n - 1);
            memmove(buffer, buffer + size - carried, carried);
            at += quintptr(got);
        }
    }
    ::close(mem);
    munmap(mapped, kChunk + n);
    return hits;
}

// This process's Samba workers (sessionconsole-rpcworker), which hold its connections: those
// the launchers forked and those started directly, while they run. The launchers hold none.
QList<qint64> rpcWorkers()
{
    const std::vector<pid_t> launchers = sc::RpcWorkerLauncher::pidsForTesting();
    QList<qint64> candidates = Procfs::children(::getpid());
    for (const pid_t launcher : launchers)
        candidates << Procfs::children(launcher);
    QList<qint64> pids;
    for (const qint64 pid : std::as_const(candidates)) {
        // comm is cut to 15 characters by the kernel.
        if (std::find(launchers.cbegin(), launchers.cend(), pid) == launchers.cend()
            && Procfs::file(pid, "comm") == "sessionconsole-\n" && Procfs::state(pid) != 'Z')
            pids << pid;
    }
    return pids;
}

bool hasSocket(qint64 pid)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[128] = {};
        const ssize_t len
            = readlink(QFile::encodeName(fds.filePath(fd)).constData(), target, sizeof target - 1);
        if (len > 0 && QByteArray(target, int(len)).startsWith("socket:"))
            return true;
    }
    return false;
}

using Run = ProgramRun;

} // namespace

class TestCredentialSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    // First, before anything in this process has read a password through Qt (which leaves
    // copies in freed memory that would muddle the scan).
    void pollerWipesPasswordOnClose();

    void sessionctlNeverPrintsThePassword_data();
    void sessionctlNeverPrintsThePassword();
    void sessionctlKeepsPasswordOffProc_data();
    void sessionctlKeepsPasswordOffProc();
    void sessionctlSigningAndEncryptionAreReal_data();
    void sessionctlSigningAndEncryptionAreReal();
    void sessionctlCloseIsAuditedOnce();
    void sessionctlRefusedCloseIsAudited();

private:
    QStringList connection(const QString &user) const;
    QStringList environment(const QStringList &extra = {}) const;
    Run run(const QStringList &arguments, const QStringList &extraEnvironment = {}) const;
    QList<LabSession> serverSessions(bool *ok) const;
    QList<QJsonObject> auditLines() const;
    QString auditFile() const;
    void verifyClean(const QString &text, const char *where) const;

    Lab m_lab;
    QTemporaryDir m_tmp;
    QString m_adminPassword; // read after the memory scan
    std::unique_ptr<LoadGenerator> m_bob;
};

void TestCredentialSafety::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

void TestCredentialSafety::init()
{
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 0));
    QVERIFY(m_lab.waitForSessionCount(m_lab.viewerUser(), 0));
}

void TestCredentialSafety::cleanupTestCase()
{
    m_bob.reset();
}

void TestCredentialSafety::pollerWipesPasswordOnClose()
{
    // labviewer may list sessions; its password is read here only, with plain read(2) into a
    // buffer that is wiped, so the process holds exactly the copies the code under test makes.
    const QByteArray path = QFile::encodeName(m_lab.passwordFile(m_lab.viewerUser()));
    char raw[256] = {};
    const int fd = ::open(path.constData(), O_RDONLY);
    QVERIFY(fd >= 0);
    ssize_t size = ::read(fd, raw, sizeof raw - 1);
    ::close(fd);
    while (size > 0 && (raw[size - 1] == '\n' || raw[size - 1] == '\r'))
        --size;
    // Short passwords live inside std::string itself; the lab's are longer, so a copy of one
    // is a heap block that only a wipe clears.
    QVERIFY2(size >= 16, "lab password unexpectedly short");
    const MaskedSecret needle = MaskedSecret::of(raw, std::size_t(size));
    QCOMPARE(needle.ntHash.size(), qsizetype(SC_MD4_DIGEST_SIZE));
    sc::ConnectionOptions options;
    options.host = m_lab.host().toStdString();
    options.port = m_lab.port();
    options.user = m_lab.viewerUser().toStdString();
    options.password = sc::SecretString(std::string(raw, std::size_t(size)));
    sc::secureZero(raw, sizeof raw);

    QString error;
    QCOMPARE(countInMemory(needle.utf8, &error), 1); // options.password itself
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(countInMemory(needle.utf16, &error), 0);

    {
        SessionPoller poller;
        poller.setInterval(0);
        int answers = 0;
        bool ok = false;
        connect(&poller, &SessionPoller::snapshotReady, this, [&](const SessionSnapshot &snapshot) {
            ++answers;
            ok = snapshot.ok();
        });
        poller.setConnection(options);
        options.password.wipe();
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, kTimeoutMs);
        QVERIFY2(ok, "the poller could not list the lab's sessions");

        // While connected the poller has to keep it (to reconnect): the scan must see that,
        // or it could not see anything.
        const qint64 whileConnected = countInMemory(needle.utf8, &error);
        qInfo("copies of the password while connected: %lld", whileConnected);
        QVERIFY(whileConnected >= 1);
        // Samba runs in the connection's worker process, not here: this process never
        // derives the NT hash.
        QCOMPARE(countInMemory(needle.ntHash, &error), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<qint64> workers = rpcWorkers();
        QCOMPARE(workers.size(), 1);
        // The worker holds the NT hash instead of the password (and no UTF-16 copy of it):
        // the password came over the socket and was wiped once Samba had its hash.
        const qint64 hashesWhileConnected = countInMemory(needle.ntHash, &error, workers.first());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("copies of the NT hash in the worker while connected: %lld", hashesWhileConnected);
        QVERIFY(hashesWhileConnected >= 1);
        QCOMPARE(countInMemory(needle.utf8, &error, workers.first()), 0);
        QCOMPARE(countInMemory(needle.utf16, &error, workers.first()), 0);
        // The launcher that forked the worker never had the password, nor its hash.
        const std::vector<pid_t> launchers = sc::RpcWorkerLauncher::pidsForTesting();
        QCOMPARE(launchers.size(), std::size_t(1));
        QCOMPARE(Procfs::parent(workers.first()), qint64(launchers.front()));
        QCOMPARE(countInMemory(needle.ntHash, &error, launchers.front()), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(countInMemory(needle.utf8, &error, launchers.front()), 0);
        QCOMPARE(countInMemory(needle.utf16, &error, launchers.front()), 0);
        // Nor did the password reach it through its command line or its environment.
        for (const char *what : {"cmdline", "environ"}) {
            QByteArray masked = Procfs::file(workers.first(), what);
            QVERIFY(!masked.isEmpty());
            for (char &c : masked)
                c = char(c ^ kMask);
            QVERIFY2(!masked.contains(needle.utf8), what);
        }

        poller.closeConnection();
        // closeConnection() is queued to the worker: wait until the worker has run it.
        auto *barrier = new QObject;
        barrier->moveToThread(poller.workerThread());
        QVERIFY(QMetaObject::invokeMethod(
            barrier, [barrier] { delete barrier; }, Qt::BlockingQueuedConnection));

        QCOMPARE(countInMemory(needle.utf8, &error), 0);
        // No UTF-16 copy ever exists: Samba gets the NT hash, not the password. Freed blocks
        // count too (AddressSanitizer's quarantine keeps them intact, so that build sees
        // every copy that was freed unwiped).
        QCOMPARE(countInMemory(needle.utf16, &error), 0);
        // The close ends the worker, and every copy of the hash with it (Samba's NTLM code
        // frees one copy unwiped, out of our reach: only the process's end removes that).
        QCOMPARE(rpcWorkers().size(), 0);
        QCOMPARE(countInMemory(needle.ntHash, &error), 0);
    }
    QCOMPARE(countInMemory(needle.utf8, &error), 0);
    QCOMPARE(countInMemory(needle.utf16, &error), 0);
}

QStringList TestCredentialSafety::connection(const QString &user) const
{
    return {QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
        QString::number(m_lab.port()), QStringLiteral("--logon-user"), user,
        QStringLiteral("--password-file"), m_lab.passwordFile(user)};
}

QStringList TestCredentialSafety::environment(const QStringList &extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("data")));
    // Every debug and info message Qt or our code might print.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    return withAssignments(env, extra).toStringList();
}

Run TestCredentialSafety::run(const QStringList &arguments, const QStringList &extra) const
{
    return runProgram(QStringLiteral(SC_SESSIONCTL_PATH), arguments,
        withAssignments(QProcessEnvironment(), environment(extra)));
}

QString TestCredentialSafety::auditFile() const
{
    return m_tmp.filePath(QStringLiteral("data/SessionConsole/session-console/audit.jsonl"));
}

QList<QJsonObject> TestCredentialSafety::auditLines() const
{
    return readJsonLines(auditFile());
}

QList<LabSession> TestCredentialSafety::serverSessions(bool *ok) const
{
    return m_lab.smbstatusSessions(ok);
}

void TestCredentialSafety::verifyClean(const QString &text, const char *where) const
{
    QVERIFY(!m_adminPassword.isEmpty());
    QVERIFY2(!text.contains(m_adminPassword), where);
}

void TestCredentialSafety::sessionctlNeverPrintsThePassword_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("fromEnvironment");
    QTest::addColumn<int>("exitCode");
    const QStringList list {QStringLiteral("list")};
    for (const bool env : {false, true}) {
        const char *source = env ? "env" : "file";
        QTest::addRow("list table, %s", source) << list << env << 0;
        QTest::addRow("list json, %s", source)
            << (list + QStringList {QStringLiteral("--json")}) << env << 0;
        QTest::addRow("list csv, %s", source)
            << (list + QStringList {QStringLiteral("--csv")}) << env << 0;
        QTest::addRow("info of nobody json, %s", source) << QStringList {QStringLiteral("info"),
            QStringLiteral("--json"), QStringLiteral("--client"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--session-user"), QStringLiteral("nobody")}
                                                         << env << 5;
        QTest::addRow("close of nobody json, %s", source) << QStringList {QStringLiteral("close"),
            QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("--session-user"),
            QStringLiteral("nobody")} << env << 5;
        QTest::addRow("level 2 refused, %s", source) << QStringList {QStringLiteral("list"),
            QStringLiteral("--level"), QStringLiteral("2"), QStringLiteral("--json")}
                                                     << env << 7;
    }
}

void TestCredentialSafety::sessionctlNeverPrintsThePassword()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, fromEnvironment);
    QFETCH(int, exitCode);
    if (m_adminPassword.isEmpty())
        m_adminPassword = m_lab.password(m_lab.adminUser());
    QVERIFY(m_adminPassword.size() >= 8);

    QStringList args = arguments;
    QStringList extra;
    args << QStringLiteral("--server") << m_lab.host() << QStringLiteral("--port")
         << QString::number(m_lab.port()) << QStringLiteral("--logon-user") << m_lab.adminUser();
    if (fromEnvironment)
        extra << QStringLiteral("SESSIONCTL_PASSWORD=") + m_adminPassword;
    else
        args << QStringLiteral("--password-file") << m_lab.passwordFile(m_lab.adminUser());
    const Run r = run(args, extra);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    verifyClean(r.out, "stdout");
    verifyClean(r.err, "stderr");
    QFile audit(auditFile());
    if (audit.open(QIODevice::ReadOnly))
        verifyClean(QString::fromUtf8(audit.readAll()), "audit log");
}

void TestCredentialSafety::sessionctlKeepsPasswordOffProc_data()
{
    QTest::addColumn<bool>("fromEnvironment");
    QTest::newRow("password file") << false;
    QTest::newRow("environment") << true;
}

void TestCredentialSafety::sessionctlKeepsPasswordOffProc()
{
    QFETCH(bool, fromEnvironment);
    if (m_adminPassword.isEmpty())
        m_adminPassword = m_lab.password(m_lab.adminUser());
    const QByteArray password = m_adminPassword.toUtf8();

    // The hung server keeps sessionctl waiting long enough to look at it from outside.
    QStringList args {QStringLiteral("list"), QStringLiteral("--timeout"), QStringLiteral("4"),
        QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
        QString::number(m_lab.hungPort()), QStringLiteral("--logon-user"), m_lab.adminUser()};
    QStringList extra;
    if (fromEnvironment)
        extra << QStringLiteral("SESSIONCTL_PASSWORD=") + m_adminPassword;
    else
        args << QStringLiteral("--password-file") << m_lab.passwordFile(m_lab.adminUser());
    QProcess process;
    process.setEnvironment(environment(extra));
    process.start(QStringLiteral(SC_SESSIONCTL_PATH), args);
    QVERIFY(process.waitForStarted(10000));
    const qint64 pid = process.processId();

    // Once it has a socket it is past reading the password and waits for the server.
    QElapsedTimer timer;
    timer.start();
    while (!hasSocket(pid) && process.state() == QProcess::Running && timer.elapsed() < kTimeoutMs)
        QThread::msleep(20);
    QVERIFY2(process.state() == QProcess::Running, "sessionctl ended before it connected");
    QVERIFY2(hasSocket(pid), "sessionctl never opened a connection");
    const QList<qint64> tree = Procfs::processTree(pid);
    for (const qint64 p : tree) {
        const QByteArray cmdline = Procfs::file(p, "cmdline");
        const QByteArray environ = Procfs::file(p, "environ");
        QVERIFY2(!cmdline.isEmpty() || p != pid, "cannot read sessionctl's command line");
        QVERIFY2(!cmdline.contains(password), qPrintable(QStringLiteral("cmdline of %1").arg(p)));
        QVERIFY2(!environ.contains(password), qPrintable(QStringLiteral("environ of %1").arg(p)));
    }
    if (fromEnvironment) {
        // The variable is still named (its place in the block stays) but its value is gone.
        QVERIFY(Procfs::file(pid, "environ").contains("SESSIONCTL_PASSWORD="));
    }
    qInfo("processes checked: %lld", qint64(tree.size()));

    QVERIFY(process.waitForFinished(kTimeoutMs));
    QCOMPARE(process.exitCode(), 6);
    verifyClean(QString::fromUtf8(process.readAllStandardOutput()), "stdout");
    verifyClean(QString::fromUtf8(process.readAllStandardError()), "stderr");
}

void TestCredentialSafety::sessionctlSigningAndEncryptionAreReal_data()
{
    QTest::addColumn<bool>("encrypt");
    QTest::newRow("default: signed") << false;
    QTest::newRow("--encrypt: signed and encrypted") << true;
}

void TestCredentialSafety::sessionctlSigningAndEncryptionAreReal()
{
    QFETCH(bool, encrypt);
    if (!m_bob) {
        m_bob = m_lab.hold(QStringLiteral("bob"), 2);
        QVERIFY2(m_bob, qPrintable(m_lab.errorString()));
    }
    const int auditBefore = int(auditLines().size());

    // close without --yes waits at its question with the connection open: ask smbd then.
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    QVERIFY(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
    const QByteArray slave = ptsname(master);
    QProcess process;
    process.setEnvironment(environment());
    setTerminalInput(process, slave);
    QStringList args = QStringList {QStringLiteral("close"), QStringLiteral("--session-user"),
                           QStringLiteral("bob")}
        + connection(m_lab.adminUser());
    if (encrypt)
        args << QStringLiteral("--encrypt");
    process.start(QStringLiteral(SC_SESSIONCTL_PATH), args);
    QVERIFY(process.waitForStarted(10000));
    QString err;
    QElapsedTimer timer;
    timer.start();
    while (!err.contains(QLatin1String("[y/N]")) && process.state() == QProcess::Running
        && timer.elapsed() < kTimeoutMs) {
        process.waitForReadyRead(100);
        err += QString::fromUtf8(process.readAllStandardError());
    }
    QVERIFY2(err.contains(QLatin1String("[y/N]")), qPrintable(err));

    bool ok = false;
    QList<LabSession> admin;
    for (const LabSession &s : serverSessions(&ok)) {
        if (s.user == m_lab.adminUser())
            admin.append(s);
    }
    QVERIFY2(ok, "smbstatus failed");
    QCOMPARE(admin.size(), 1);
    qInfo("smbd sees: dialect %s, signing %s, encryption %s", qPrintable(admin[0].dialect),
        qPrintable(admin[0].signing), qPrintable(admin[0].encryption));
    QVERIFY2(admin[0].signing != QLatin1String("none") && !admin[0].signing.isEmpty(),
        qPrintable(admin[0].signing));
    if (encrypt) {
        QVERIFY2(admin[0].encryption != QLatin1String("none") && !admin[0].encryption.isEmpty(),
            qPrintable(admin[0].encryption));
        QVERIFY(admin[0].dialect.startsWith(QLatin1String("SMB3")));
    } else {
        QCOMPARE(admin[0].encryption, QStringLiteral("none"));
    }

    // Declined: nothing ended, nothing recorded.
    QCOMPARE(::write(master, "n\n", 2), ssize_t(2));
    QVERIFY(process.waitForFinished(kTimeoutMs));
    ::close(master);
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(m_lab.sessionCount(QStringLiteral("bob")), 2);
    QCOMPARE(int(auditLines().size()), auditBefore);
}

void TestCredentialSafety::sessionctlCloseIsAuditedOnce()
{
    if (!m_bob) {
        m_bob = m_lab.hold(QStringLiteral("bob"), 2);
        QVERIFY2(m_bob, qPrintable(m_lab.errorString()));
    }
    QVERIFY(m_lab.waitForSessionCount(QStringLiteral("bob"), 2));
    const QList<QJsonObject> before = auditLines();
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Run r = run(QStringList {QStringLiteral("close"), QStringLiteral("--yes"),
                          QStringLiteral("--session-user"), QStringLiteral("bob")}
        + connection(m_lab.adminUser()));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(m_lab.waitForSessionCount(QStringLiteral("bob"), 0));

    const QList<QJsonObject> after = auditLines();
    QCOMPARE(after.size(), before.size() + 1);
    const QJsonObject record = after.last();
    QCOMPARE(record.value(QLatin1String("program")).toString(), QStringLiteral("sessionctl"));
    QCOMPARE(record.value(QLatin1String("localUser")).toString(), AuditLog::localUserName());
    QCOMPARE(record.value(QLatin1String("server")).toString(),
        QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port()));
    QCOMPARE(record.value(QLatin1String("account")).toString(), m_lab.adminUser());
    QCOMPARE(record.value(QLatin1String("client")).toString(), QString());
    QCOMPARE(record.value(QLatin1String("user")).toString(), QStringLiteral("bob"));
    QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(record.value(QLatin1String("ended")).toInt(), 2);
    const QDateTime time
        = QDateTime::fromString(record.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    QVERIFY(time >= started && time <= QDateTime::currentDateTimeUtc());
    QFile file(auditFile());
    QCOMPARE(file.permissions()
            & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                | QFileDevice::WriteUser),
        QFileDevice::Permissions());
    m_bob->stop();
}

void TestCredentialSafety::sessionctlRefusedCloseIsAudited()
{
    // labviewer may list alice's sessions but not end them.
    auto alice = m_lab.hold(QStringLiteral("alice"), 1);
    QVERIFY2(alice, qPrintable(m_lab.errorString()));
    const qsizetype before = auditLines().size();
    const Run r = run(QStringList {QStringLiteral("close"), QStringLiteral("--yes"),
                          QStringLiteral("--session-user"), QStringLiteral("alice")}
        + connection(m_lab.viewerUser()));
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QCOMPARE(m_lab.sessionCount(QStringLiteral("alice")), 1);

    const QList<QJsonObject> after = auditLines();
    QCOMPARE(after.size(), before + 1);
    const QJsonObject record = after.last();
    QCOMPARE(record.value(QLatin1String("account")).toString(), m_lab.viewerUser());
    QCOMPARE(record.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("error"));
    QVERIFY(!record.contains(QLatin1String("ended")));
    const QJsonObject error = record.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("kind")).toString(), QStringLiteral("access-denied"));
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 5);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialSafety)
#include "tst_credentialsafety.moc"
