// SPDX-License-Identifier: GPL-3.0-or-later
// Whether "remember password" is offered: no session bus (as in CI) answers at once, a bus
// without a keyring service answers later without blocking, and a bus with one (running or
// activatable) makes the keyring available. Runs its own private dbus-daemon.
#include "fakekwallet.h"
#include "passwordkeyring.h"
#include "privatesessionbus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
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

    void cleanupTestCase() { QDBusConnection::disconnectFromBus(QStringLiteral("owner")); }

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
        // Answers come in the order asked: once a later read is answered, a second answer
        // to the first would have arrived.
        int laterCalls = 0;
        keyring.read(QStringLiteral("CORP\\other"), this,
            [&](std::optional<sc::SecretString>) { ++laterCalls; });
        QTRY_COMPARE_WITH_TIMEOUT(laterCalls, 1, kTimeoutMs);
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
        // A read asked afterwards, for a context that lives, is answered after the first
        // would have been.
        int laterCalls = 0;
        keyring.read(
            QStringLiteral("y"), this, [&](std::optional<sc::SecretString>) { ++laterCalls; });
        QTRY_COMPARE_WITH_TIMEOUT(laterCalls, 1, kTimeoutMs);
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
        QVERIFY(m_bus.isRunning());
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
        QVERIFY(m_bus.isRunning());
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
        QVERIFY(m_bus.isRunning());
        {
            PasswordKeyring keyring;
            keyring.probe();
        }
        // The probe's answer must not reach the deleted object (ASan/valgrind would say so).
        QTest::qWait(500);
    }

    void rememberedPasswordRoundTrip()
    {
        // Through the real QtKeychain, to a KWallet that lives in this test.
        QVERIFY(m_bus.isRunning());
        FakeKWallet wallet;
        QVERIFY(wallet.start(m_busAddress));
        PasswordKeyring keyring;
        keyring.probe();
        if (!PasswordKeyring::isCompiledIn()) {
            QCOMPARE(keyring.availability(), PasswordKeyring::Availability::Unavailable);
            QSKIP("built without QtKeychain (qtkeychain-qt6-dev): nothing can be remembered");
        }
        QTRY_VERIFY_WITH_TIMEOUT(keyring.isAvailable(), kTimeoutMs);

        const QString account = QStringLiteral("CORP\\helpdesk");
        const QByteArray secret("Remembered-Secret-1");
        keyring.write(account, sc::SecretString(secret.toStdString()));
        QTRY_COMPARE_WITH_TIMEOUT(
            wallet.entry(PasswordKeyring::serviceName(), account), secret, kTimeoutMs);

        std::optional<std::optional<std::string>> answer;
        auto read = [&](const QString &which) {
            answer.reset();
            keyring.read(which, this, [&](std::optional<sc::SecretString> password) {
                // Built in place: GCC 12 takes a temporary optional<string> for uninitialised.
                answer.emplace();
                if (password)
                    answer->emplace(password->reveal());
            });
            return QTest::qWaitFor([&] { return answer.has_value(); }, kTimeoutMs);
        };
        QVERIFY(read(account));
        QVERIFY(answer->has_value());
        QCOMPARE(QByteArray::fromStdString(**answer), secret);
        QVERIFY(read(QStringLiteral("someone else")));
        QVERIFY(!answer->has_value());

        keyring.remove(account);
        QTRY_COMPARE_WITH_TIMEOUT(wallet.entryCount(), 0, kTimeoutMs);
        QVERIFY(read(account));
        QVERIFY(!answer->has_value());

        // QtKeychain's plain-text fallback is off: no settings file holds it.
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY(!config.isEmpty());
        QDirIterator it(config, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
        }
    }

private:
    bool startBus()
    {
        if (!m_bus.start()) {
            qWarning("%s", qPrintable(m_bus.errorString()));
            return false;
        }
        m_busAddress = m_bus.address();
        m_services = m_bus.servicesDir();
        return true;
    }

    QTemporaryDir m_tmp;
    PrivateSessionBus m_bus;
    QString m_busAddress;
    QString m_services;
};

QTEST_GUILESS_MAIN(TestPasswordKeyring)
#include "tst_passwordkeyring.moc"
