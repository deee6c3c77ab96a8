// SPDX-License-Identifier: GPL-3.0-or-later
// Whether "remember password" is offered: no session bus (as in CI) answers at once, a bus
// without a keyring service answers later without blocking, and a bus with one (running or
// activatable) makes the keyring available. Runs its own private dbus-daemon.
#include "passwordkeyring.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

class TestPasswordKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // The environment under test is the one the console would find.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("runtime"))));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_tmp.filePath(QStringLiteral("runtime"))));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("owner"));
        stopBus();
    }

    void noSessionBusAnswersAtOnce()
    {
        PasswordKeyring keyring;
        QSignalSpy changed(&keyring, &PasswordKeyring::availabilityChanged);
        QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unknown);
        keyring.probe();
        // Known before probe() returns: nothing to ask, nothing to wait for.
        QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unavailable);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toBool(), false);
        keyring.probe();
        QCOMPARE(changed.count(), 1);
    }

    void readWithoutKeyringAnswersNothingLater()
    {
        PasswordKeyring keyring;
        int calls = 0;
        bool gotPassword = true;
        keyring.read(
            QStringLiteral("CORP\\helpdesk"), this, [&](std::optional<sc::SecretString> password) {
                ++calls;
                gotPassword = password.has_value();
            });
        // Never from inside read(): callers may rely on that.
        QCOMPARE(calls, 0);
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, kTimeoutMs);
        QVERIFY(!gotPassword);
        QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unavailable);
        // Writing and forgetting without a keyring do nothing and never fall back to a file.
        keyring.write(QStringLiteral("CORP\\helpdesk"), sc::SecretString("not stored"));
        keyring.remove(QStringLiteral("CORP\\helpdesk"));
        QTest::qWait(100);
        QCOMPARE(calls, 1);
    }

    void readCallbackDropsWithItsContext()
    {
        PasswordKeyring keyring;
        int calls = 0;
        auto *context = new QObject;
        keyring.read(
            QStringLiteral("x"), context, [&](std::optional<sc::SecretString>) { ++calls; });
        delete context;
        QTest::qWait(200);
        QCOMPARE(calls, 0);
    }

    // From here on one private bus for the rest of the run: libdbus reads the session bus
    // address once per process.
    void busWithoutKeyringIsUnavailable()
    {
        QVERIFY(startBus());
        PasswordKeyring keyring;
        QSignalSpy changed(&keyring, &PasswordKeyring::availabilityChanged);
        keyring.probe();
        if (PasswordKeyring::isCompiledIn()) {
            // Asking the bus happens elsewhere: probe() has returned without an answer.
            QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unknown);
            QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeoutMs);
        }
        QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unavailable);
    }

    void runningKeyringServiceIsAvailable()
    {
        QVERIFY(m_bus);
        QDBusConnection owner
            = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("owner"));
        QVERIFY2(owner.isConnected(), qPrintable(owner.lastError().message()));
        QVERIFY(owner.registerService(QStringLiteral("org.kde.kwalletd5")));

        PasswordKeyring keyring;
        QSignalSpy changed(&keyring, &PasswordKeyring::availabilityChanged);
        keyring.probe();
        if (PasswordKeyring::isCompiledIn()) {
            QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeoutMs);
            QCOMPARE(changed.at(0).at(0).toBool(), true);
            QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Available);
        } else {
            QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unavailable);
        }
        QVERIFY(owner.unregisterService(QStringLiteral("org.kde.kwalletd5")));
    }

    void activatableKeyringServiceIsAvailable()
    {
        // Not running, but the bus would start it on first use (as with gnome-keyring).
        QVERIFY(m_bus);
        QFile service(m_services + QStringLiteral("/org.kde.kwalletd6.service"));
        QVERIFY(service.open(QIODevice::WriteOnly));
        service.write("[D-BUS Service]\nName=org.kde.kwalletd6\nExec=/bin/false\n");
        service.close();
        QDBusConnection owner
            = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("owner"));
        QVERIFY(owner.interface()->call(QStringLiteral("ReloadConfig")).type()
            == QDBusMessage::ReplyMessage);

        PasswordKeyring keyring;
        keyring.probe();
        const auto expected = PasswordKeyring::isCompiledIn()
            ? PasswordKeyring::Availability::Available
            : PasswordKeyring::Availability::Unavailable;
        QTRY_COMPARE_WITH_TIMEOUT(keyring.availability(), expected, kTimeoutMs);
    }

    void destroyedWhileProbing()
    {
        QVERIFY(m_bus);
        {
            PasswordKeyring keyring;
            keyring.probe();
        }
        // The probe's answer must not reach the deleted object (ASan/valgrind would say so).
        QTest::qWait(500);
    }

private:
    bool startBus()
    {
        stopBus();
        const QString dir = m_tmp.filePath(QStringLiteral("bus"));
        m_services = dir + QStringLiteral("/services");
        if (!QDir().mkpath(m_services))
            return false;
        QFile config(dir + QStringLiteral("/bus.conf"));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write(QStringLiteral(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
            "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
            "<auth>EXTERNAL</auth><servicedir>%2</servicedir>"
            "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
            "<allow eavesdrop=\"true\"/><allow own=\"*\"/>"
            "</policy></busconfig>\n")
                         .arg(dir, m_services)
                         .toUtf8());
        config.close();

        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty()) {
            qWarning("dbus-daemon not found");
            return false;
        }
        m_bus = std::make_unique<QProcess>();
        m_bus->start(daemon,
            {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                QStringLiteral("--print-address")});
        if (!m_bus->waitForStarted(kTimeoutMs))
            return false;
        while (!m_bus->canReadLine()) {
            if (!m_bus->waitForReadyRead(kTimeoutMs))
                return false;
        }
        m_busAddress = QString::fromUtf8(m_bus->readLine().trimmed());
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
        return !m_busAddress.isEmpty();
    }

    void stopBus()
    {
        if (!m_bus)
            return;
        // Only the daemon this test started, by its own handle.
        m_bus->terminate();
        if (!m_bus->waitForFinished(5000)) {
            m_bus->kill();
            m_bus->waitForFinished(5000);
        }
        m_bus.reset();
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<QProcess> m_bus;
    QString m_busAddress;
    QString m_services;
};

QTEST_GUILESS_MAIN(TestPasswordKeyring)
#include "tst_passwordkeyring.moc"
