// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log of disconnects: where it lives, its permissions, its JSON lines, reading
// back newest first, and appends from several threads at once.
#include "auditlog.h"
#include "serveraddress.h"
#include "sessionerror.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

QList<QByteArray> linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

AuditRecord sample(const AuditLog &log, const QString &user, quint32 ended)
{
    AuditRecord r = log.newRecord();
    r.server = ServerAddress::displayName(QStringLiteral("fs01"), 445);
    r.account = AuditLog::accountName(QStringLiteral("CORP"), QStringLiteral("helpdesk"));
    r.client = QStringLiteral("10.0.0.7");
    r.user = user;
    r.setEnded(ended);
    return r;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("sub/dir/audit.jsonl"));
        QFile::remove(m_path);
    }

    void defaultPathIsTheConsolesAppData()
    {
        // Whatever program asks (tests, sessionctl), the file is the console's.
        const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        const QString expected
            = data + QStringLiteral("/SessionConsole/session-console/audit.jsonl");
        QCoreApplication::setOrganizationName(QStringLiteral("SomeOrg"));
        QCoreApplication::setApplicationName(QStringLiteral("sessionctl"));
        QCOMPARE(AuditLog::defaultFilePath(), expected);
        QCoreApplication::setOrganizationName(QString());
        QCOMPARE(AuditLog::defaultFilePath(), expected);
        QCoreApplication::setOrganizationName(QStringLiteral("SessionConsole"));
        QCoreApplication::setApplicationName(QStringLiteral("session-console"));
        QCOMPARE(AuditLog::defaultFilePath(), expected);
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/audit.jsonl"),
            expected);
        // Never the real home in the test run (sc_add_qtest sets XDG_DATA_HOME).
        QVERIFY2(!qEnvironmentVariableIsEmpty("XDG_DATA_HOME"), "XDG_DATA_HOME not set");
        QVERIFY(expected.startsWith(qEnvironmentVariable("XDG_DATA_HOME")));
    }

    void names()
    {
        QCOMPARE(ServerAddress::displayName(QStringLiteral("fs01"), 445), QStringLiteral("fs01"));
        QCOMPARE(ServerAddress::displayName(QStringLiteral("127.0.0.1"), 1445),
            QStringLiteral("127.0.0.1:1445"));
        QCOMPARE(ServerAddress::displayName(QStringLiteral("::1"), 1445), QStringLiteral("[::1]:1445"));
        QCOMPARE(
            AuditLog::accountName(QString(), QStringLiteral("admin")), QStringLiteral("admin"));
        QCOMPARE(AuditLog::accountName(QStringLiteral("CORP"), QStringLiteral("admin")),
            QStringLiteral("CORP\\admin"));
    }

    void appendCreatesPrivateFileAndFolder()
    {
        const AuditLog log(QStringLiteral("tst"), m_path);
        QString error;
        QVERIFY2(log.append(sample(log, QStringLiteral("alice"), 2), &error), qPrintable(error));
        QCOMPARE(modeOf(m_path), mode_t(0600));
        QCOMPARE(modeOf(QFileInfo(m_path).absolutePath()), mode_t(0700));
        QCOMPARE(linesOf(m_path).size(), 1);
    }

    void appendNarrowsAWiderFile()
    {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0644) == 0);
        const AuditLog log(QStringLiteral("tst"), m_path);
        QVERIFY(log.append(sample(log, QStringLiteral("alice"), 1)));
        QCOMPARE(modeOf(m_path), mode_t(0600));
    }

    void lineHoldsEveryField()
    {
        const AuditLog log(QStringLiteral("tst"), m_path);
        AuditRecord ok = sample(log, QStringLiteral("alice"), 3);
        QVERIFY(log.append(ok));
        AuditRecord refused = sample(log, QStringLiteral("bob"), 0);
        refused.client.clear();
        refused.setError(sc::SessionError::fromWin32(sc::win32::AccessDenied, "refused"));
        QVERIFY(log.append(refused));

        const QList<QByteArray> lines = linesOf(m_path);
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QLatin1String("program")).toString(), QStringLiteral("tst"));
        QCOMPARE(first.value(QLatin1String("localUser")).toString(), AuditLog::localUserName());
        QVERIFY(!first.value(QLatin1String("localUser")).toString().isEmpty());
        QCOMPARE(first.value(QLatin1String("server")).toString(), QStringLiteral("fs01"));
        QCOMPARE(
            first.value(QLatin1String("account")).toString(), QStringLiteral("CORP\\helpdesk"));
        QCOMPARE(first.value(QLatin1String("client")).toString(), QStringLiteral("10.0.0.7"));
        QCOMPARE(first.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(first.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(first.value(QLatin1String("ended")).toInt(), 3);
        QVERIFY(!first.contains(QLatin1String("error")));
        const QDateTime time = QDateTime::fromString(
            first.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second.value(QLatin1String("result")).toString(), QStringLiteral("error"));
        QVERIFY(!second.contains(QLatin1String("ended")));
        const QJsonObject e = second.value(QLatin1String("error")).toObject();
        QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("access-denied"));
        QCOMPARE(e.value(QLatin1String("code")).toInt(), 5);
        QVERIFY(e.value(QLatin1String("codeText"))
                    .toString()
                    .contains(QLatin1String("ERROR_ACCESS_DENIED")));
        QVERIFY(!e.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(second.value(QLatin1String("client")).toString(), QString());

        // Nothing in the format could carry a secret.
        for (const QByteArray &line : lines)
            QVERIFY2(!line.toLower().contains("password"), line.constData());
    }

    void readsNewestFirstAndSkipsGarbage()
    {
        const AuditLog log(QStringLiteral("tst"), m_path);
        QVERIFY(log.append(sample(log, QStringLiteral("first"), 1)));
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("this is not json\n{\"time\":\"yesterday\"}\n\n");
        }
        QVERIFY(log.append(sample(log, QStringLiteral("second"), 2)));
        int skipped = -1;
        QString error;
        const QList<AuditRecord> records = log.read(&error, &skipped);
        QVERIFY(error.isEmpty());
        QCOMPARE(skipped, 2);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].user, QStringLiteral("second"));
        QCOMPARE(records[0].ended, 2u);
        QVERIFY(records[0].ok);
        QCOMPARE(records[1].user, QStringLiteral("first"));
        QCOMPARE(records[1].account, QStringLiteral("CORP\\helpdesk"));
        QCOMPARE(records[1].program, QStringLiteral("tst"));
    }

    void missingFileIsAnEmptyLog()
    {
        const AuditLog log(QStringLiteral("tst"), m_dir.filePath(QStringLiteral("none.jsonl")));
        QString error;
        QVERIFY(log.read(&error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    void unwritablePlaceIsReported()
    {
        // A file where the folder should be.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const AuditLog log(QStringLiteral("tst"), blocker + QStringLiteral("/audit.jsonl"));
        QString error;
        QVERIFY(!log.append(sample(log, QStringLiteral("alice"), 1), &error));
        QVERIFY(!error.isEmpty());
    }

    void concurrentAppendsKeepWholeLines()
    {
        const AuditLog log(QStringLiteral("tst"), m_path);
        constexpr int kThreads = 4;
        constexpr int kEach = 200;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([&log, t] {
                for (int i = 0; i < kEach; ++i)
                    log.append(sample(log, QStringLiteral("u%1-%2").arg(t).arg(i), quint32(i)));
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        int skipped = -1;
        const QList<AuditRecord> records = log.read(nullptr, &skipped);
        QCOMPARE(skipped, 0);
        QCOMPARE(records.size(), kThreads * kEach);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
