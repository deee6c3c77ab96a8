// SPDX-License-Identifier: GPL-3.0-or-later
#include "adlabsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>

AdLab AdLab::fromEnvironment()
{
    AdLab lab;
    const QString dir = qEnvironmentVariable("SC_ADLAB_DIR");
    if (dir.isEmpty()) {
        lab.m_error = QStringLiteral("SC_ADLAB_DIR is not set (run the test through ctest)");
        return lab;
    }
    const QHash<QString, QString> v = Lab::readEnvFile(
        dir + QStringLiteral("/adlab.env"), QStringLiteral("adlab"), &lab.m_error);
    if (v.isEmpty())
        return lab;
    lab.m_dir = v.value(QStringLiteral("ADLAB_DIR"));
    lab.m_address = v.value(QStringLiteral("ADLAB_HOST"));
    lab.m_alias = v.value(QStringLiteral("ADLAB_ALIAS"));
    lab.m_realm = v.value(QStringLiteral("ADLAB_REALM"));
    lab.m_domain = v.value(QStringLiteral("ADLAB_DOMAIN"));
    lab.m_helpdesk = v.value(QStringLiteral("ADLAB_HELPDESK_USER"));
    lab.m_viewer = v.value(QStringLiteral("ADLAB_VIEWER_USER"));
    lab.m_plainUsers
        = v.value(QStringLiteral("ADLAB_USERS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    lab.m_passwordDir = v.value(QStringLiteral("ADLAB_PASSWORD_DIR"));
    lab.m_krb5Config = v.value(QStringLiteral("ADLAB_KRB5_CONFIG"));
    lab.m_hosts = v.value(QStringLiteral("ADLAB_HOSTS"));
    lab.m_nssWrapper = v.value(QStringLiteral("ADLAB_NSS_WRAPPER"));
    lab.m_script = v.value(QStringLiteral("ADLAB_SCRIPT"));
    // Last: isValid() is true only when everything was read.
    lab.m_fqdn = v.value(QStringLiteral("ADLAB_FQDN"));
    return lab;
}

QString AdLab::passwordFile(const QString &user) const
{
    return m_passwordDir + QLatin1Char('/') + user;
}

QString AdLab::password(const QString &user) const
{
    QFile f(passwordFile(user));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool AdLab::kinit(const QString &user, const QString &cachePath, const QString &lifetime) const
{
    QStringList args {m_script, QStringLiteral("kinit"), user, QStringLiteral("--dir"), m_dir,
        QStringLiteral("--cache"), cachePath};
    if (!lifetime.isEmpty())
        args << QStringLiteral("--lifetime") << lifetime;
    QProcess p;
    p.start(QStringLiteral("bash"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("kinit %1 failed: %2")
                      .arg(user, QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

QProcessEnvironment AdLab::environment(const QString &cachePath) const
{
    QProcessEnvironment env = Lab::nssWrapperEnvironment(m_nssWrapper, m_hosts);
    env.insert(QStringLiteral("KRB5_CONFIG"), m_krb5Config);
    // An unset KRB5CCNAME would mean the system default cache, which may hold anything.
    env.insert(QStringLiteral("KRB5CCNAME"),
        QStringLiteral("FILE:")
            + (cachePath.isEmpty() ? m_dir + QStringLiteral("/ccache/none") : cachePath));
    return env;
}

std::unique_ptr<LoadGenerator> AdLab::hold(
    const QString &user, int count, bool kerberos, const QStringList &extra, int timeoutMs) const
{
    QString cache;
    QStringList args {QStringLiteral("--host"), m_fqdn, QStringLiteral("--port"),
        QStringLiteral("445"), QStringLiteral("--share"), QStringLiteral("lab"),
        QStringLiteral("--user"), user, QStringLiteral("--count"), QString::number(count)};
    if (kerberos) {
        // A cache of its own: the load generator's tickets must not mix with the tests'.
        static int serial = 0;
        cache = QStringLiteral("%1/ccache/hold-%2-%3")
                    .arg(m_dir)
                    .arg(QCoreApplication::applicationPid())
                    .arg(++serial);
        if (!kinit(user, cache))
            return nullptr;
        args << QStringLiteral("--kerberos");
    } else {
        args << QStringLiteral("--domain") << m_domain << QStringLiteral("--password-file")
             << passwordFile(user);
    }
    args << extra;
    std::unique_ptr<LoadGenerator> gen
        = LoadGenerator::start(user, count, args, environment(cache), timeoutMs, &m_error);
    if (!gen)
        m_error = QStringLiteral("over %1: %2")
                      .arg(kerberos ? QStringLiteral("Kerberos") : QStringLiteral("NTLM"), m_error);
    return gen;
}
