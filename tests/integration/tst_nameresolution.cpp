// SPDX-License-Identifier: GPL-3.0-or-later
// Server names resolve through the system's NSS configuration, as in every other program:
// sessionctl reaches the lab by a name that only nss_wrapper's hosts file knows (the way the
// AD lab names its domain controller, and the way any LD_PRELOAD resolver shim works).

#include "labsupport.h"
#include "programrun.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

class tst_NameResolution : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nameOnlyInNssWrapperHostsResolves();
    void unknownNameStillFailsClearly();

private:
    /// sessionctl list as the lab's admin, @p server resolved through nss_wrapper's hosts file.
    ProgramRun listOn(const QString &server, const QStringList &options) const;
    QTemporaryDir m_tmp;
    QString m_hosts;
    QString m_nssWrapper;
    Lab m_lab;
};

void tst_NameResolution::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(SC_SESSIONCTL_PATH)).isExecutable(), SC_SESSIONCTL_PATH);
    m_nssWrapper = QStringLiteral(SC_NSS_WRAPPER_LIBRARY);
    QVERIFY2(QFileInfo::exists(m_nssWrapper), "libnss_wrapper.so not found");
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY(m_tmp.isValid());
    m_hosts = m_tmp.filePath(QStringLiteral("hosts"));
    QFile hosts(m_hosts);
    QVERIFY(hosts.open(QIODevice::WriteOnly));
    // A name no DNS server and no /etc/hosts can know (.invalid is reserved, RFC 6761).
    hosts.write(m_lab.host().toUtf8() + " sc-nss-only.lab.invalid\n");
}

ProgramRun tst_NameResolution::listOn(const QString &server, const QStringList &options) const
{
    return runProgram(QStringLiteral(SC_SESSIONCTL_PATH),
        QStringList {QStringLiteral("list"), QStringLiteral("--server"), server,
            QStringLiteral("--port"), QString::number(m_lab.port()), QStringLiteral("--user"),
            m_lab.adminUser(), QStringLiteral("--password-file"),
            m_lab.passwordFile(m_lab.adminUser())}
            + options,
        Lab::nssWrapperEnvironment(m_nssWrapper, m_hosts));
}

void tst_NameResolution::nameOnlyInNssWrapperHostsResolves()
{
    const ProgramRun r
        = listOn(QStringLiteral("sc-nss-only.lab.invalid"), {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("\"sessions\"")), qPrintable(r.err));
}

void tst_NameResolution::unknownNameStillFailsClearly()
{
    const ProgramRun r = listOn(QStringLiteral("sc-nowhere.lab.invalid"),
        {QStringLiteral("--timeout"), QStringLiteral("20")});
    QCOMPARE(r.exitCode, 6); // ExitUnreachable
    QVERIFY2(r.err.contains(QLatin1String("could not be resolved")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_NameResolution)
#include "tst_nameresolution.moc"
