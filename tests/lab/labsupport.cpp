// SPDX-License-Identifier: GPL-3.0-or-later
#include "labsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

namespace {

QString stripDomain(const QString &user)
{
    const qsizetype slash = user.lastIndexOf(QLatin1Char('\\'));
    return slash >= 0 ? user.mid(slash + 1) : user;
}

} // namespace

// ------------------------------------------------------------------------- LoadGenerator

LoadGenerator::LoadGenerator() = default;

LoadGenerator::~LoadGenerator()
{
    stop();
}

void LoadGenerator::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // End of input asks sc-loadgen to log every session off cleanly.
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(20000)) {
            qWarning("sc-loadgen (pid %lld) did not stop on end of input; sending SIGTERM", m_pid);
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                qWarning("sc-loadgen (pid %lld) ignored SIGTERM; killing it", m_pid);
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
    }
    const QByteArray err = m_process->readAllStandardError();
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0)
        qWarning("sc-loadgen (pid %lld) ended badly: %s", m_pid, err.constData());
    m_process.reset();
}

std::unique_ptr<LoadGenerator> LoadGenerator::start(const QString &user, int count,
    const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs,
    QString *error)
{
    std::unique_ptr<LoadGenerator> gen(new LoadGenerator);
    gen->m_user = user;
    gen->m_process = std::make_unique<QProcess>();
    QProcess *p = gen->m_process.get();
    p->setProcessEnvironment(environment);
    // stdin stays an open pipe: sc-loadgen holds its sessions until we close it (or die).
    p->start(Lab::loadGeneratorPath(), arguments);
    if (!p->waitForStarted(10000)) {
        *error
            = QStringLiteral("cannot start %1: %2").arg(Lab::loadGeneratorPath(), p->errorString());
        gen->m_process.reset();
        return nullptr;
    }
    gen->m_pid = p->processId();

    QByteArray out;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (p->canReadLine()
            || p->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 500)))) {
            while (p->canReadLine()) {
                const QByteArray line = p->readLine().trimmed();
                out += line + '\n';
                if (line.startsWith("READY ")) {
                    gen->m_count = line.mid(6).toInt();
                    if (gen->m_count != count) {
                        *error = QStringLiteral("sc-loadgen opened %1 of %2 sessions")
                                     .arg(gen->m_count)
                                     .arg(count);
                        return nullptr;
                    }
                    return gen;
                }
            }
        }
        if (p->state() == QProcess::NotRunning)
            break;
    }
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished(5000);
    }
    *error = QStringLiteral("sc-loadgen (%1 sessions as %2) did not get ready within %3 ms; "
                            "exit code %4; output: %5 %6")
                 .arg(count)
                 .arg(user)
                 .arg(timeoutMs)
                 .arg(p->exitCode())
                 .arg(QString::fromUtf8(out), QString::fromUtf8(p->readAllStandardError()));
    gen->m_process.reset();
    return nullptr;
}

// ------------------------------------------------------------------------- Lab

QString Lab::localPathOf(const QString &sambaPath)
{
    QString p = sambaPath;
    if (p.startsWith(QLatin1String("C:")))
        p.remove(0, 2);
    return p.replace(QLatin1Char('\\'), QLatin1Char('/'));
}

QProcessEnvironment Lab::nssWrapperEnvironment(const QString &library, const QString &hostsFile)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), library);
    // The sanitizer runtime refuses a libc that nss_wrapper opens with RTLD_DEEPBIND.
    env.insert(QStringLiteral("NSS_WRAPPER_DISABLE_DEEPBIND"), QStringLiteral("1"));
    // In the ASan build nss_wrapper is preloaded ahead of the sanitizer runtime: allow it.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
    env.insert(QStringLiteral("NSS_WRAPPER_HOSTS"), hostsFile);
    return env;
}

QHash<QString, QString> Lab::readEnvFile(
    const QString &path, const QString &fixture, QString *error)
{
    QHash<QString, QString> values;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2 (is the %3 fixture running?)")
                     .arg(path, f.errorString(), fixture);
        return values;
    }
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        // The scripts quote values with spaces so that a shell can source the file too.
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"'))
            && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        values.insert(line.left(eq), value);
    }
    return values;
}

QString Lab::labScript()
{
    return QStringLiteral(SC_LAB_SCRIPT);
}

QString Lab::loadGeneratorPath()
{
    return QStringLiteral(SC_LOADGEN_PATH);
}

Lab Lab::fromEnvironment()
{
    const QString dir = qEnvironmentVariable("SC_LAB_DIR");
    if (dir.isEmpty()) {
        Lab lab;
        lab.m_error = QStringLiteral("SC_LAB_DIR is not set; run the test through ctest so the "
                                     "lab fixture starts, or start tests/lab/lab.sh by hand");
        return lab;
    }
    return fromDirectory(dir);
}

QList<Lab> Lab::fleetFromEnvironment(QString *error)
{
    const QString dir = qEnvironmentVariable("SC_FLEET_DIR");
    if (dir.isEmpty()) {
        *error = QStringLiteral("SC_FLEET_DIR is not set; run the test through ctest so the "
                                "fleet fixture starts, or start lab.sh fleet-start by hand");
        return {};
    }
    const auto env
        = readEnvFile(dir + QStringLiteral("/fleet.env"), QStringLiteral("fleet"), error);
    bool ok = false;
    const int size = env.value(QStringLiteral("FLEET_SIZE")).toInt(&ok);
    if (!ok || size < 1) {
        if (error->isEmpty())
            *error = QStringLiteral("%1/fleet.env lacks FLEET_SIZE").arg(dir);
        return {};
    }
    QList<Lab> members;
    for (int k = 1; k <= size; ++k) {
        Lab member = fromDirectory(QStringLiteral("%1/s%2").arg(dir).arg(k));
        if (!member.isValid()) {
            *error = member.errorString();
            return {};
        }
        members.append(member);
    }
    return members;
}

Lab Lab::fromDirectory(const QString &dir)
{
    Lab lab;
    lab.m_dir = dir;
    const auto env
        = readEnvFile(lab.m_dir + QStringLiteral("/lab.env"), QStringLiteral("lab"), &lab.m_error);
    if (env.isEmpty()) {
        if (lab.m_error.isEmpty())
            lab.m_error = QStringLiteral("%1/lab.env is empty").arg(lab.m_dir);
        return lab;
    }
    auto port = [&](const char *key) -> quint16 {
        bool ok = false;
        const uint p = env.value(QLatin1String(key)).toUInt(&ok);
        return ok && p > 0 && p < 65536 ? quint16(p) : 0;
    };
    lab.m_host = env.value(QStringLiteral("LAB_HOST"));
    lab.m_hungPort = port("LAB_HUNG_PORT");
    lab.m_closedPort = port("LAB_CLOSED_PORT");
    lab.m_share = env.value(QStringLiteral("LAB_SHARE"));
    lab.m_adminUser = env.value(QStringLiteral("LAB_ADMIN_USER"));
    lab.m_viewerUser = env.value(QStringLiteral("LAB_VIEWER_USER"));
    lab.m_plainUsers
        = env.value(QStringLiteral("LAB_USERS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    lab.m_passwordDir
        = env.value(QStringLiteral("LAB_PASSWORD_DIR"), lab.m_dir + QStringLiteral("/passwords"));
    lab.m_smbConf = env.value(QStringLiteral("LAB_SMB_CONF"));
    const quint16 smbPort = port("LAB_PORT");
    // A fleet's members after the first have no hung server (nor closed port) of their own.
    const bool fleetMember = env.value(QStringLiteral("LAB_HUNG_PORT")).isEmpty();
    if (lab.m_host.isEmpty() || smbPort == 0 || lab.m_share.isEmpty() || lab.m_adminUser.isEmpty()
        || (!fleetMember && (lab.m_hungPort == 0 || lab.m_closedPort == 0))) {
        lab.m_error = QStringLiteral("%1/lab.env lacks LAB_HOST, LAB_PORT, LAB_HUNG_PORT, "
                                     "LAB_CLOSED_PORT, LAB_SHARE or LAB_ADMIN_USER")
                          .arg(lab.m_dir);
        return lab;
    }
    // Set last: isValid() means everything above was found.
    lab.m_port = smbPort;
    return lab;
}

QString Lab::passwordFile(const QString &user) const
{
    return m_passwordDir + QLatin1Char('/') + user;
}

QString Lab::password(const QString &user) const
{
    QFile f(passwordFile(user));
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("no password for lab user %1: %2").arg(user, f.errorString());
        return {};
    }
    QByteArray pw = f.readAll();
    while (pw.endsWith('\n') || pw.endsWith('\r'))
        pw.chop(1);
    return QString::fromUtf8(pw);
}

sc::ConnectionOptions Lab::optionsFor(const QString &user) const
{
    sc::ConnectionOptions o;
    o.host = m_host.toStdString();
    o.port = m_port;
    o.user = user.toStdString();
    o.password = sc::SecretString(password(user).toStdString());
    return o;
}

std::unique_ptr<LoadGenerator> Lab::hold(const QString &user, int count, int timeoutMs) const
{
    return hold(user, count, LoadOptions {}, timeoutMs);
}

std::unique_ptr<LoadGenerator> Lab::hold(
    const QString &user, int count, const LoadOptions &load, int timeoutMs) const
{
    if (!isValid()) {
        m_error = QStringLiteral("no lab: %1").arg(m_error);
        return nullptr;
    }
    QStringList args {QStringLiteral("--host"), m_host, QStringLiteral("--port"),
        QString::number(m_port), QStringLiteral("--share"), m_share, QStringLiteral("--user"), user,
        QStringLiteral("--password-file"), passwordFile(user), QStringLiteral("--count"),
        QString::number(count)};
    if (load.openFiles > 0)
        args << QStringLiteral("--open-files") << QString::number(load.openFiles);
    if (load.touchMs > 0)
        args << QStringLiteral("--touch-ms") << QString::number(load.touchMs)
             << QStringLiteral("--touch-fraction") << QString::number(load.touchFraction);
    if (!load.filesDir.isEmpty())
        args << QStringLiteral("--files-dir") << load.filesDir;
    if (load.checkHandles)
        args << QStringLiteral("--check-handles");

    return LoadGenerator::start(
        user, count, args, QProcessEnvironment::systemEnvironment(), timeoutMs, &m_error);
}

QStringList LoadGenerator::lostHandles(int waitMs)
{
    if (!m_process)
        return m_lost;
    const QDeadlineTimer deadline(waitMs);
    const qsizetype known = m_lost.size();
    do {
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            if (line.startsWith("HANDLE-LOST "))
                m_lost.append(QString::fromUtf8(line.mid(12)));
        }
        if (m_lost.size() > known || m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(500))));
    } while (!deadline.hasExpired());
    return m_lost;
}

std::optional<QJsonObject> Lab::smbstatusJson(const QStringList &flags) const
{
    const QString command
        = (QStringList {QStringLiteral("smbstatus")} + flags).join(QLatin1Char(' '));
    QProcess p;
    p.start(QStringLiteral("bash"),
        QStringList {labScript(), QStringLiteral("smbstatus")} + flags
            + QStringList {QStringLiteral("--dir"), m_dir});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("lab.sh %1 failed (exit %2): %3")
                      .arg(command)
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAllStandardError()));
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
        }
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &parseError);
    if (!doc.isObject()) {
        m_error = QStringLiteral("%1 --json printed no JSON object: %2")
                      .arg(command, parseError.errorString());
        return std::nullopt;
    }
    return doc.object();
}

QStringList Lab::smbstatusOpenFiles(bool *ok) const
{
    if (ok)
        *ok = false;
    const std::optional<QJsonObject> root = smbstatusJson({QStringLiteral("-L")});
    if (!root)
        return {};
    QStringList paths;
    const QJsonObject files = root->value(QLatin1String("open_files")).toObject();
    for (auto f = files.begin(); f != files.end(); ++f) {
        const qsizetype opens
            = f.value().toObject().value(QLatin1String("opens")).toObject().size();
        for (qsizetype i = 0; i < opens; ++i)
            paths.append(f.key());
    }
    if (ok)
        *ok = true;
    return paths;
}

QStringList Lab::smbstatusOpenFilesIn(const QString &folder) const
{
    bool ok = false;
    QStringList out;
    for (const QString &p : smbstatusOpenFiles(&ok)) {
        if (p.contains(QLatin1Char('/') + folder + QLatin1Char('/')))
            out << p;
    }
    if (!ok)
        qWarning("%s", qPrintable(m_error));
    out.sort();
    return out;
}

QList<LabSession> Lab::smbstatusSessions(bool *ok) const
{
    if (ok)
        *ok = false;
    const std::optional<QJsonObject> json = smbstatusJson({});
    if (!json)
        return {};
    const QJsonObject &root = *json;

    // One smbd process serves one connection, so opens are attributed by server pid.
    QHash<qint64, int> opensByPid;
    const QJsonObject files = root.value(QLatin1String("open_files")).toObject();
    for (auto f = files.begin(); f != files.end(); ++f) {
        const QJsonObject opens = f.value().toObject().value(QLatin1String("opens")).toObject();
        for (auto o = opens.begin(); o != opens.end(); ++o) {
            const qint64 pid = o.value()
                                   .toObject()
                                   .value(QLatin1String("server_id"))
                                   .toObject()
                                   .value(QLatin1String("pid"))
                                   .toString()
                                   .toLongLong();
            ++opensByPid[pid];
        }
    }

    QList<LabSession> result;
    const QJsonObject sessions = root.value(QLatin1String("sessions")).toObject();
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        LabSession ls;
        ls.user = stripDomain(s.value(QLatin1String("username")).toString());
        ls.client = s.value(QLatin1String("remote_machine")).toString();
        ls.sessionId = s.value(QLatin1String("session_id")).toString(it.key());
        // smbstatus writes the pid as a string; accept a number too.
        const QJsonValue pid
            = s.value(QLatin1String("server_id")).toObject().value(QLatin1String("pid"));
        ls.serverPid = pid.isString() ? pid.toString().toLongLong() : pid.toInteger();
        ls.openFiles = opensByPid.value(ls.serverPid);
        ls.dialect = s.value(QLatin1String("session_dialect")).toString();
        auto degree = [&s](const char *key) {
            return s.value(QLatin1String(key)).toObject().value(QLatin1String("degree")).toString();
        };
        ls.encryption = degree("encryption");
        ls.signing = degree("signing");
        result.append(ls);
    }
    if (ok)
        *ok = true;
    return result;
}

QStringList Lab::smbstatusSessionSet(bool *ok) const
{
    QStringList set;
    for (const LabSession &s : smbstatusSessions(ok))
        set.append(
            QStringLiteral("%1|%2|%3|%4").arg(s.user, s.client, s.sessionId).arg(s.serverPid));
    set.sort();
    return set;
}

int Lab::sessionCount(const QString &user) const
{
    bool ok = false;
    const QList<LabSession> sessions = smbstatusSessions(&ok);
    if (!ok)
        return -1;
    return int(std::count_if(
        sessions.cbegin(), sessions.cend(), [&](const LabSession &s) { return s.user == user; }));
}

bool Lab::waitForSessionCount(const QString &user, int expected, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    int last = -1;
    for (;;) {
        last = sessionCount(user);
        if (last == expected)
            return true;
        if (deadline.hasExpired())
            break;
        QThread::msleep(100);
    }
    if (last >= 0)
        m_error = QStringLiteral("smbstatus shows %1 sessions for %2, expected %3")
                      .arg(last)
                      .arg(user)
                      .arg(expected);
    return false;
}
