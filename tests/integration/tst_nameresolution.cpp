// SPDX-License-Identifier: GPL-3.0-or-later
// Server names resolve through the system's NSS configuration, as in every other program:
// sessionctl reaches the lab by a name that only nss_wrapper's hosts file knows (the way the
// AD lab names its domain controller, and the way any LD_PRELOAD resolver shim works).

#include "labsupport.h"

#include <QFileInfo>
#include <QProcess>
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
    QProcessEnvironment wrappedEnvironment() const;
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

QProcessEnvironment tst_NameResolution::wrappedEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), m_nssWrapper);
    // The sanitizer runtime refuses a libc that nss_wrapper opens with RTLD_DEEPBIND.
    env.insert(QStringLiteral("NSS_WRAPPER_DISABLE_DEEPBIND"), QStringLiteral("1"));
    // In the ASan build nss_wrapper is preloaded ahead of the sanitizer runtime: allow it.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
    env.insert(QStringLiteral("NSS_WRAPPER_HOSTS"), m_hosts);
    return env;
}

void tst_NameResolution::nameOnlyInNssWrapperHostsResolves()
{
    QProcess p;
    p.setProcessEnvironment(wrappedEnvironment());
    p.start(QStringLiteral(SC_SESSIONCTL_PATH),
        {QStringLiteral("list"), QStringLiteral("--server"),
            QStringLiteral("sc-nss-only.lab.invalid"), QStringLiteral("--port"),
            QString::number(m_lab.port()), QStringLiteral("--user"), m_lab.adminUser(),
            QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser()),
            QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(err));
    QVERIFY2(p.readAllStandardOutput().contains("\"sessions\""), qPrintable(err));
}

void tst_NameResolution::unknownNameStillFailsClearly()
{
    QProcess p;
    p.setProcessEnvironment(wrappedEnvironment());
    p.start(QStringLiteral(SC_SESSIONCTL_PATH),
        {QStringLiteral("list"), QStringLiteral("--server"),
            QStringLiteral("sc-nowhere.lab.invalid"), QStringLiteral("--port"),
            QString::number(m_lab.port()), QStringLiteral("--user"), m_lab.adminUser(),
            QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser()),
            QStringLiteral("--timeout"), QStringLiteral("20")});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 6); // ExitUnreachable
    QVERIFY2(err.contains(QLatin1String("could not be resolved")), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_NameResolution)
#include "tst_nameresolution.moc"
