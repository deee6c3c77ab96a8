// SPDX-License-Identifier: GPL-3.0-or-later
// Every way a request can fail against the lab gives its own error kind, its own message for
// the operator (SessionErrorText) and sessionctl's documented exit code, and changes nothing
// on the server: smbstatus shows the same sessions before and after.
#include "labsupport.h"
#include "sessionapi.h"
#include "sessionctlcommand.h"
#include "sessionerrortext.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>

namespace {

constexpr int kProcessTimeoutMs = 60000;

// Sets an environment variable for the lifetime of the object, for code that reads it in this
// process (Samba's Kerberos library reads KRB5CCNAME).
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

struct FailureCase
{
    QString name;
    sc::ErrorKind kind;
    int exitCode;
    sc::ConnectionOptions options;
    /// What the core does with the connection; returns its error (nullopt if it succeeded).
    std::function<std::optional<sc::SessionError>(sc::SessionApi &)> run;
    QStringList sessionctlArgs; ///< without --server/--port/--user/--password-file
    QString passwordFile; ///< empty with Kerberos
    QString krb5ccname; ///< set for the core call and sessionctl when not empty
};

std::optional<sc::SessionError> enumerateAt(sc::SessionApi &api, std::optional<sc::InfoLevel> level)
{
    const auto result = api.enumerate({}, level);
    return result.ok() ? std::nullopt : std::optional<sc::SessionError>(result.error());
}

std::optional<sc::SessionError> removeSessions(
    sc::SessionApi &api, std::u16string client, std::u16string user)
{
    const auto result = api.remove(client, user);
    return result.ok() ? std::nullopt : std::optional<sc::SessionError>(result.error());
}

} // namespace

class tst_FailureModes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachFailureIsDistinctAndHarmless();

private:
    QList<FailureCase> cases() const;
    bool waitForSessionSet(const QStringList &expected, QStringList *seen) const;

    Lab m_lab;
    QTemporaryDir m_tmp;
};

void tst_FailureModes::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY(m_tmp.isValid());
    QVERIFY(QFile::exists(QStringLiteral(SC_SESSIONCTL_PATH)));
}

QList<FailureCase> tst_FailureModes::cases() const
{
    const QString admin = m_lab.adminUser();
    const QString adminPasswordFile = m_lab.passwordFile(admin);
    const QString alice = m_lab.plainUsers().value(0);
    auto list = [](sc::SessionApi &api) { return enumerateAt(api, std::nullopt); };
    QList<FailureCase> all;

    {
        FailureCase c {QStringLiteral("wrong password"), sc::ErrorKind::LogonFailure,
            SessionCtlCommand::ExitAuthentication, m_lab.adminOptions(), list,
            {QStringLiteral("list")}, m_tmp.filePath(QStringLiteral("wrong-password")), {}};
        c.options.password = sc::SecretString("not-the-password");
        all.append(c);
    }
    {
        FailureCase c {QStringLiteral("Kerberos without a ticket"), sc::ErrorKind::NoCredentials,
            SessionCtlCommand::ExitAuthentication, m_lab.adminOptions(), list,
            {QStringLiteral("list"), QStringLiteral("--kerberos")}, {},
            QStringLiteral("FILE:") + m_tmp.filePath(QStringLiteral("no-such-ccache"))};
        c.options.kerberos = true;
        c.options.password = {};
        all.append(c);
    }
    all.append({QStringLiteral("user without administrator rights"), sc::ErrorKind::AccessDenied,
        SessionCtlCommand::ExitAccessDenied, m_lab.optionsFor(alice), list,
        {QStringLiteral("list")}, m_lab.passwordFile(alice), {}});
    {
        FailureCase c {QStringLiteral("unknown host name"), sc::ErrorKind::HostNotFound,
            SessionCtlCommand::ExitUnreachable, m_lab.adminOptions(), list,
            {QStringLiteral("list")}, adminPasswordFile, {}};
        c.options.host = "no-such-host.invalid";
        all.append(c);
    }
    {
        FailureCase c {QStringLiteral("closed port"), sc::ErrorKind::ConnectionRefused,
            SessionCtlCommand::ExitUnreachable, m_lab.adminOptions(), list,
            {QStringLiteral("list")}, adminPasswordFile, {}};
        c.options.port = m_lab.closedPort();
        all.append(c);
    }
    // Samba 4.17 serves levels 0 and 1 only and answers ERROR_INVALID_LEVEL for level 2.
    all.append({QStringLiteral("level the server does not serve"), sc::ErrorKind::InvalidLevel,
        SessionCtlCommand::ExitUnsupportedLevel, m_lab.adminOptions(),
        [](sc::SessionApi &api) { return enumerateAt(api, sc::InfoLevel::Level2); },
        {QStringLiteral("list"), QStringLiteral("--level"), QStringLiteral("2")}, adminPasswordFile,
        {}});
    all.append({QStringLiteral("delete matching no user"), sc::ErrorKind::UserNotFound,
        SessionCtlCommand::ExitNotFound, m_lab.adminOptions(),
        [](sc::SessionApi &api) { return removeSessions(api, {}, u"nobody-here"); },
        {QStringLiteral("close"), QStringLiteral("--session-user"), QStringLiteral("nobody-here"),
            QStringLiteral("--yes")},
        adminPasswordFile, {}});
    all.append({QStringLiteral("delete matching no client"), sc::ErrorKind::ClientNameNotFound,
        SessionCtlCommand::ExitNotFound, m_lab.adminOptions(),
        [](sc::SessionApi &api) { return removeSessions(api, u"127.0.0.99", {}); },
        {QStringLiteral("close"), QStringLiteral("--client"), QStringLiteral("127.0.0.99"),
            QStringLiteral("--yes")},
        adminPasswordFile, {}});

    // Fill in where sessionctl connects: the same server as the core call.
    for (FailureCase &c : all) {
        QStringList args = c.sessionctlArgs;
        args << QStringLiteral("--server") << QString::fromStdString(c.options.host)
             << QStringLiteral("--port") << QString::number(c.options.port)
             << QStringLiteral("--logon-user") << QString::fromStdString(c.options.user)
             << QStringLiteral("--json");
        if (!c.passwordFile.isEmpty())
            args << QStringLiteral("--password-file") << c.passwordFile;
        c.sessionctlArgs = args;
    }
    return all;
}

bool tst_FailureModes::waitForSessionSet(const QStringList &expected, QStringList *seen) const
{
    // Our own failed connections (alice's, for one) end when their socket closes; smbd
    // notices that a moment later.
    QDeadlineTimer deadline(15000);
    for (;;) {
        bool ok = false;
        *seen = m_lab.smbstatusSessionSet(&ok);
        if (ok && *seen == expected)
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(200);
    }
}

void tst_FailureModes::eachFailureIsDistinctAndHarmless()
{
    {
        QFile wrong(m_tmp.filePath(QStringLiteral("wrong-password")));
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write("not-the-password\n");
        wrong.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // Sessions a wrong move could end: held by bob for the whole test.
    const QString bob = m_lab.plainUsers().value(1);
    auto load = m_lab.hold(bob, 2);
    QVERIFY2(load, qPrintable(m_lab.errorString()));
    bool ok = false;
    const QStringList before = m_lab.smbstatusSessionSet(&ok);
    QVERIFY2(ok, qPrintable(m_lab.errorString()));
    QCOMPARE(m_lab.sessionCount(bob), 2);

    QHash<QString, QString> messageOf; // SessionErrorText::message -> case
    QSet<sc::ErrorKind> kinds;
    for (const FailureCase &c : cases()) {
        const QByteArray name = c.name.toUtf8();
        std::optional<sc::SessionError> error;
        {
            std::optional<ScopedEnv> ccache;
            if (!c.krb5ccname.isEmpty())
                ccache.emplace("KRB5CCNAME", c.krb5ccname.toUtf8());
            std::unique_ptr<sc::SessionApi> api = sc::createSessionApi(c.options);
            QVERIFY(api);
            error = c.run(*api);
        }
        QVERIFY2(error.has_value(), name.constData());
        QVERIFY2(error->kind() == c.kind,
            qPrintable(QStringLiteral("%1: got %2 (%3)")
                           .arg(c.name, QLatin1String(sc::errorKindId(error->kind())),
                               QString::fromStdString(error->message()))));
        const QString message = SessionErrorText::message(*error);
        const QString text = SessionErrorText::text(*error);
        qInfo("%s -> %s: %s", name.constData(), sc::errorKindId(error->kind()), qPrintable(text));
        QVERIFY2(!messageOf.contains(message),
            qPrintable(QStringLiteral("%1 and %2 read the same: %3")
                           .arg(c.name, messageOf.value(message), message)));
        messageOf.insert(message, c.name);
        kinds.insert(error->kind());

        // sessionctl: the documented exit code, and the same message and kind.
        QProcess ctl;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SESSIONCTL_PASSWORD"));
        if (!c.krb5ccname.isEmpty())
            env.insert(QStringLiteral("KRB5CCNAME"), c.krb5ccname);
        ctl.setProcessEnvironment(env);
        ctl.setStandardInputFile(QProcess::nullDevice());
        ctl.start(QStringLiteral(SC_SESSIONCTL_PATH), c.sessionctlArgs);
        QVERIFY2(ctl.waitForFinished(kProcessTimeoutMs), name.constData());
        const QString err = QString::fromUtf8(ctl.readAllStandardError());
        const QByteArray out = ctl.readAllStandardOutput();
        QVERIFY2(ctl.exitStatus() == QProcess::NormalExit, name.constData());
        QVERIFY2(ctl.exitCode() == c.exitCode,
            qPrintable(QStringLiteral("%1: sessionctl exited with %2, expected %3: %4")
                           .arg(c.name)
                           .arg(ctl.exitCode())
                           .arg(c.exitCode)
                           .arg(err)));
        // sessionctl knows what it was doing, so its advice fits the operation (an
        // access-denied list says nothing about ending sessions).
        const auto operation = c.sessionctlArgs.value(0) == QLatin1String("close")
            ? SessionErrorText::Operation::End
            : SessionErrorText::Operation::List;
        const QString ctlMessage = SessionErrorText::message(*error, 0, operation);
        QVERIFY2(err.contains(ctlMessage), qPrintable(c.name + QStringLiteral(": ") + err));
        const QJsonObject json
            = QJsonDocument::fromJson(out).object().value(QLatin1String("error")).toObject();
        QVERIFY2(
            json.value(QLatin1String("kind")).toString() == QLatin1String(sc::errorKindId(c.kind)),
            qPrintable(c.name + QStringLiteral(": ") + QString::fromUtf8(out)));

        // Nothing changed on the server: the same sessions, bob's two among them.
        QStringList after;
        QVERIFY2(waitForSessionSet(before, &after),
            qPrintable(
                QStringLiteral("%1: smbstatus before:\n%2\nafter:\n%3")
                    .arg(c.name, before.join(QLatin1Char('\n')), after.join(QLatin1Char('\n')))));
    }
    QCOMPARE(kinds.size(), cases().size());
    QCOMPARE(m_lab.sessionCount(bob), 2);
}

QTEST_MAIN(tst_FailureModes)
#include "tst_failuremodes.moc"
