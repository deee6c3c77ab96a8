// SPDX-License-Identifier: GPL-3.0-or-later
// sessionctl files / close-file against the lab's smbd: alice, josé and jürgen hold files
// named with spaces, ñ, ü and ß in a folder of the share (sc-loadgen --files-dir), and the
// list, smbstatus -L, the holders' handles and the exit codes must all agree.
#include "labsupport.h"
#include "programrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#ifndef SC_SESSIONCTL_PATH
#error "SC_SESSIONCTL_PATH must name the sessionctl binary"
#endif

using Run = ProgramRun;

class tst_OpenFilesLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listShowsExactlyTheHeldFiles();
    void viewerCanListButNotClose();
    void closeOneFileById();
    void closeByPath();

private:
    Run run(const QStringList &arguments) const;
    QStringList connection(const QString &user) const;
    /// Our files in smbstatus -L, as local paths.
    QStringList ourOpenFiles() const;
    /// `files --json` as labadmin, only our folder's entries: local path -> entry.
    QMap<QString, QJsonObject> listedFiles(const QString &user);
    /// The load generator holding @p user's files, or nullptr.
    LoadGenerator *holderOf(const QString &user) const;
    /// The name sc-loadgen gives file @p k of @p holder's first session in the folder.
    static QString heldFileName(const LoadGenerator &holder, int k);

    Lab m_lab;
    QTemporaryDir m_tmp;
    QString m_folder;
    QString m_folderLocal;
    std::vector<std::unique_ptr<LoadGenerator>> m_holders;
    QMap<QString, QString> m_expectedUsers; ///< local path -> user
};

void tst_OpenFilesLab::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    QVERIFY(m_tmp.isValid());
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    // A folder of its own, so files other tests hold at the same time do not count.
    m_folder = QStringLiteral("Abierto ñ %1").arg(QCoreApplication::applicationPid());

    const QStringList holders {
        QStringLiteral("alice"), QString::fromUtf8("josé"), QString::fromUtf8("jürgen")};
    LoadOptions load;
    load.openFiles = 2;
    load.filesDir = m_folder;
    load.checkHandles = true;
    load.touchMs = 200;
    for (const QString &user : holders) {
        QVERIFY2(m_lab.plainUsers().contains(user), qPrintable(user));
        std::unique_ptr<LoadGenerator> g = m_lab.hold(user, 1, load);
        QVERIFY2(g, qPrintable(m_lab.errorString()));
        m_holders.push_back(std::move(g));
    }
    const QStringList open = ourOpenFiles();
    QCOMPARE(open.size(), 6);
    // sc-loadgen names its files "<folder>/Año Übersicht Größe <pid>-<session>-<k>.txt".
    const QString root = QFileInfo(open.first()).path();
    QVERIFY2(root.endsWith(QLatin1Char('/') + m_folder), qPrintable(root));
    m_folderLocal = root;
    for (const auto &g : m_holders) {
        for (int k = 0; k < 2; ++k) {
            const QString path = root + QLatin1Char('/') + heldFileName(*g, k);
            QVERIFY2(open.contains(path), qPrintable(path));
            m_expectedUsers.insert(path, g->user());
        }
    }
}

void tst_OpenFilesLab::cleanupTestCase()
{
    for (const auto &g : m_holders)
        g->stop();
    m_holders.clear();
}

Run tst_OpenFilesLab::run(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // The audit log goes to our temporary folder, not the operator's.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.path());
    return runProgram(QStringLiteral(SC_SESSIONCTL_PATH), arguments, env, 120000);
}

LoadGenerator *tst_OpenFilesLab::holderOf(const QString &user) const
{
    for (const auto &g : m_holders) {
        if (g->user() == user)
            return g.get();
    }
    return nullptr;
}

QString tst_OpenFilesLab::heldFileName(const LoadGenerator &holder, int k)
{
    return QStringLiteral("Año Übersicht Größe %1-0-%2.txt").arg(holder.pid()).arg(k);
}

QStringList tst_OpenFilesLab::connection(const QString &user) const
{
    return {QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
        QString::number(m_lab.port()), QStringLiteral("--logon-user"), user,
        QStringLiteral("--password-file"), m_lab.passwordFile(user)};
}

QStringList tst_OpenFilesLab::ourOpenFiles() const
{
    return m_lab.smbstatusOpenFilesIn(m_folder);
}

QMap<QString, QJsonObject> tst_OpenFilesLab::listedFiles(const QString &user)
{
    QMap<QString, QJsonObject> out;
    const Run r
        = run(QStringList {QStringLiteral("files"), QStringLiteral("--json")} + connection(user));
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.describe()));
        return out;
    }
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    if (root.value(QLatin1String("level")).toInt() != 3) {
        qWarning("level is not 3: %s", qPrintable(r.out));
        return out;
    }
    for (const QJsonValue &v : root.value(QLatin1String("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString local = Lab::localPathOf(f.value(QLatin1String("path")).toString());
        if (local.startsWith(m_folderLocal + QLatin1Char('/')))
            out.insert(local, f);
    }
    return out;
}

void tst_OpenFilesLab::listShowsExactlyTheHeldFiles()
{
    const QMap<QString, QJsonObject> listed = listedFiles(m_lab.adminUser());
    QCOMPARE(QStringList(listed.keys()), QStringList(m_expectedUsers.keys()));
    QStringList fromSmbstatus = ourOpenFiles();
    QCOMPARE(QStringList(listed.keys()), fromSmbstatus);
    for (auto it = listed.begin(); it != listed.end(); ++it) {
        const QJsonObject &f = it.value();
        QCOMPARE(f.value(QLatin1String("user")).toString(), m_expectedUsers.value(it.key()));
        QVERIFY(f.value(QLatin1String("id")).isDouble());
        QVERIFY(f.value(QLatin1String("id")).toDouble() > 0);
        QCOMPARE(f.value(QLatin1String("locks")).toInt(-1), 0);
        // sc-loadgen opens O_RDWR: Samba reports read and write.
        QCOMPARE(f.value(QLatin1String("permissions")).toArray(),
            QJsonArray({QStringLiteral("read"), QStringLiteral("write")}));
    }
    // --session-user keeps one user's files (Samba compares the Unix name).
    const Run jose = run(QStringList {QStringLiteral("files"), QStringLiteral("--json"),
                             QStringLiteral("--session-user"), QString::fromUtf8("josé"),
                             QStringLiteral("--path"), QStringLiteral("C:") + m_folderLocal}
        + connection(m_lab.adminUser()));
    QCOMPARE(jose.exitCode, 0);
    const QJsonArray joseFiles = QJsonDocument::fromJson(jose.out.toUtf8())
                                     .object()
                                     .value(QLatin1String("files"))
                                     .toArray();
    QCOMPARE(joseFiles.size(), 2);
    for (const QJsonValue &v : joseFiles)
        QCOMPARE(v.toObject().value(QLatin1String("user")).toString(), QString::fromUtf8("josé"));
}

void tst_OpenFilesLab::viewerCanListButNotClose()
{
    const QMap<QString, QJsonObject> listed = listedFiles(m_lab.viewerUser());
    QCOMPARE(listed.size(), 6);
    const QStringList before = ourOpenFiles();
    const QString id
        = QString::number(qint64(listed.first().value(QLatin1String("id")).toDouble()));
    const Run r = run(QStringList {QStringLiteral("close-file"), QStringLiteral("--id"), id,
                          QStringLiteral("--yes")}
        + connection(m_lab.viewerUser()));
    QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QLatin1String("SeDiskOperatorPrivilege")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("was not closed")), qPrintable(r.out));
    QCOMPARE(ourOpenFiles(), before);
    for (const auto &g : m_holders)
        QVERIFY(g->lostHandles().isEmpty());
}

void tst_OpenFilesLab::closeOneFileById()
{
    const QMap<QString, QJsonObject> listed = listedFiles(m_lab.adminUser());
    QCOMPARE(listed.size(), 6);
    // josé's second file.
    LoadGenerator *jose = holderOf(QString::fromUtf8("josé"));
    QVERIFY(jose);
    const QString target = m_folderLocal + QLatin1Char('/') + heldFileName(*jose, 1);
    QVERIFY(listed.contains(target));
    const QString id
        = QString::number(qint64(listed.value(target).value(QLatin1String("id")).toDouble()));

    const Run r = run(QStringList {QStringLiteral("close-file"), QStringLiteral("--id"), id,
                          QStringLiteral("--yes"), QStringLiteral("--json")}
        + connection(m_lab.adminUser()));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result.value(QLatin1String("closed")).toInt(), 1);
    const QJsonObject entry = result.value(QLatin1String("files")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("result")).toString(), QStringLiteral("closed"));
    QCOMPARE(Lab::localPathOf(entry.value(QLatin1String("path")).toString()), target);

    // Gone from smbstatus -L; every other file still open.
    QStringList expected = m_expectedUsers.keys();
    expected.removeOne(target);
    QCOMPARE(ourOpenFiles(), expected);

    // The holder's handle fails on its next use, and the load generator says so.
    const QStringList lost = jose->lostHandles(30000);
    QCOMPARE(lost, QStringList {m_folder + QLatin1Char('/') + heldFileName(*jose, 1)});
    for (const auto &g : m_holders) {
        if (g.get() != jose)
            QVERIFY(g->lostHandles().isEmpty());
    }

    // Closing it again: it was no longer open, exit 5 (not found).
    const Run again = run(QStringList {QStringLiteral("close-file"), QStringLiteral("--id"), id,
                              QStringLiteral("--yes")}
        + connection(m_lab.adminUser()));
    QVERIFY2(again.exitCode == 5, qPrintable(again.describe()));
    QVERIFY2(again.out.contains(QLatin1String("was no longer open")), qPrintable(again.out));
    QCOMPARE(ourOpenFiles(), expected);

    // Both closes are in the audit log, the second as not found.
    QFile log(m_tmp.path() + QStringLiteral("/SessionConsole/session-console/audit.jsonl"));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    int closes = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("action")).toString() != QLatin1String("close-file")
            || QString::number(o.value(QLatin1String("fileId")).toInteger()) != id)
            continue;
        ++closes;
        if (closes == 1)
            QCOMPARE(o.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
        else
            QCOMPARE(
                o.value(QLatin1String("error")).toObject().value(QLatin1String("kind")).toString(),
                QStringLiteral("file-not-found"));
    }
    QCOMPARE(closes, 2);
}

void tst_OpenFilesLab::closeByPath()
{
    // No open file has this path: not found, nothing closed.
    const QStringList before = ourOpenFiles();
    QCOMPARE(before.size(), 5);
    const Run none = run(QStringList {QStringLiteral("close-file"), QStringLiteral("--path"),
                             QStringLiteral("C:") + m_folderLocal + QStringLiteral("/nada.txt"),
                             QStringLiteral("--yes")}
        + connection(m_lab.adminUser()));
    QVERIFY2(none.exitCode == 5, qPrintable(none.describe()));
    QVERIFY2(none.err.contains(QLatin1String("No open file has the path")), qPrintable(none.err));
    QCOMPARE(ourOpenFiles(), before);

    // jürgen's first file, named with "/" instead of Samba's "\\" (both are accepted).
    LoadGenerator *jurgen = holderOf(QString::fromUtf8("jürgen"));
    QVERIFY(jurgen);
    const QString target = m_folderLocal + QLatin1Char('/') + heldFileName(*jurgen, 0);
    const QString samba = QStringLiteral("C:") + target;
    const Run r = run(QStringList {QStringLiteral("close-file"), QStringLiteral("--path"), samba,
                          QStringLiteral("--yes")}
        + connection(m_lab.adminUser()));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QLatin1String("Closed open file")), qPrintable(r.out));
    QStringList expected = before;
    expected.removeOne(target);
    QCOMPARE(ourOpenFiles(), expected);
    QCOMPARE(jurgen->lostHandles(30000).size(), 1);
}

QTEST_GUILESS_MAIN(tst_OpenFilesLab)
#include "tst_openfileslab.moc"
