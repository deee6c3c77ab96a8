// SPDX-License-Identifier: GPL-3.0-or-later
// "Remember password" end to end in the console, through the real QtKeychain to a KWallet
// stand-in on a private session bus: offered once a keyring is there, stored only when
// asked, used for the next connection instead of asking, forgotten when unchecked, and never
// written to the settings.
#include "connectdialog.h"
#include "fakekwallet.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "passwordkeyring.h"
#include "privatesessionbus.h"
#include "sessiontablemodel.h"
#include "testsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QMutex>
#include <QSettings>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;
const QString kAccount = QStringLiteral("CORP\\helpdesk");
const QByteArray kSecret("Typed-And-Remembered-7");

struct Passwords
{
    QMutex mutex;
    QList<QByteArray> seen;

    void add(const sc::ConnectionOptions &o)
    {
        QMutexLocker lock(&mutex);
        seen.append(QByteArray(o.password.reveal().data(), qsizetype(o.password.reveal().size())));
    }
    QList<QByteArray> all()
    {
        QMutexLocker lock(&mutex);
        return seen;
    }
};

} // namespace

class TestRememberPassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        useOwnEmptySettings(QStringLiteral("tst_rememberpassword"));
        // Before anything asks for the session bus (libdbus reads its address once).
        QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
        QVERIFY(m_wallet.start(m_bus.address()));
        // Registered only in builds with QtKeychain (tests/gui/CMakeLists.txt).
        QVERIFY(PasswordKeyring::isCompiledIn());
    }

    void offeredOffByDefaultAndStoredWhenAsked()
    {
        auto window = makeWindow();
        auto *dialog = connectAsOnceKeyringIsUp(*window);
        QVERIFY(dialog);
        auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPassword"));
        QVERIFY(remember);
        QVERIFY(!remember->isHidden());
        QVERIFY(!remember->isChecked()); // off by default
        dialog->findChild<QLineEdit *>(QStringLiteral("domain"))->setText(QStringLiteral("CORP"));
        dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("helpdesk"));
        dialog->findChild<QLineEdit *>(QStringLiteral("password"))
            ->setText(QString::fromUtf8(kSecret));
        remember->setChecked(true);
        MainWindowTestAccess::serverField(*window)->setEditText(QStringLiteral("fake-server"));
        dialog->accept();

        QTRY_COMPARE_WITH_TIMEOUT(MainWindowTestAccess::model(*window)->rowCount(), 1, kTimeoutMs);
        QCOMPARE(m_passwords->all().last(), kSecret);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_wallet.entry(PasswordKeyring::serviceName(), kAccount), kSecret, kTimeoutMs);
        window->close();
        QCOMPARE(QSettings().value(QStringLiteral("logon/rememberPassword")).toBool(), true);
    }

    void nextConnectionUsesTheKeyring()
    {
        const qsizetype before = m_passwords->all().size();
        auto window = makeWindow();
        // The saved account without its password: the keyring answers, nobody is asked.
        window->connectToServer(QStringLiteral("fake-server"));
        QTRY_COMPARE_WITH_TIMEOUT(MainWindowTestAccess::model(*window)->rowCount(), 1, kTimeoutMs);
        QVERIFY(!window->findChild<ConnectDialog *>());
        QCOMPARE(m_passwords->all().size(), before + 1);
        QCOMPARE(m_passwords->all().last(), kSecret);
        window->close();
    }

    void uncheckingForgetsIt()
    {
        auto window = makeWindow();
        auto *dialog = connectAsOnceKeyringIsUp(*window);
        QVERIFY(dialog);
        auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPassword"));
        QVERIFY(remember->isChecked()); // the saved choice
        remember->setChecked(false);
        dialog->findChild<QLineEdit *>(QStringLiteral("password"))
            ->setText(QString::fromUtf8(kSecret));
        MainWindowTestAccess::serverField(*window)->setEditText(QStringLiteral("fake-server"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(m_wallet.entryCount(), 0, kTimeoutMs);
        window->close();
        QCOMPARE(QSettings().value(QStringLiteral("logon/rememberPassword")).toBool(), false);

        // And the next connection asks again.
        auto again = makeWindow();
        again->connectToServer(QStringLiteral("fake-server"));
        QTRY_VERIFY_WITH_TIMEOUT(again->findChild<ConnectDialog *>(), kTimeoutMs);
    }

    void settingsNeverHoldThePassword()
    {
        const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY(!config.isEmpty());
        int files = 0;
        QDirIterator it(config, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kSecret), qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY(files >= 1);
    }

private:
    /// Connect As, once the keyring has answered that it is there (only then is "remember"
    /// offered); nullptr if it never did or no dialog opened.
    static ConnectDialog *connectAsOnceKeyringIsUp(MainWindow &window)
    {
        if (!QTest::qWaitFor(
                [&window] { return MainWindowTestAccess::keyring(window)->isAvailable(); },
                kTimeoutMs))
            return nullptr;
        MainWindowTestAccess::action(window, ConsoleActions::ConnectAsAction)->trigger();
        return window.findChild<ConnectDialog *>();
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto passwords = m_passwords;
        auto window = std::make_unique<MainWindow>([passwords](const sc::ConnectionOptions &o) {
            passwords->add(o);
            return std::make_unique<OneSessionApi>("fake-server:445");
        });
        window->setRefreshInterval(0);
        window->show();
        return window;
    }

    PrivateSessionBus m_bus;
    FakeKWallet m_wallet;
    std::shared_ptr<Passwords> m_passwords = std::make_shared<Passwords>();
};

QTEST_MAIN(TestRememberPassword)
#include "tst_rememberpassword.moc"
