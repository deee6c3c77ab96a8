// SPDX-License-Identifier: GPL-3.0-or-later
// The console's credentials and safety against the lab: signing by default and "Require
// encryption" as smbd reports them, no "remember password" without a keyring, every
// confirmed disconnect audited exactly once (a refused one with its error), the audit log
// dialog, and no password in the settings, the audit log, or the console's /proc entries.
#include "auditlog.h"
#include "auditlogdialog.h"
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "jsonlines.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "passwordkeyring.h"
#include "procfs.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMutex>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <unistd.h>

namespace {

constexpr int kTimeoutMs = 30000;

// What the console asked the backend for, seen on the worker thread.
struct Requested
{
    QMutex mutex;
    QList<QPair<bool, bool>> signingAndSealing;

    void add(const sc::ConnectionOptions &o)
    {
        QMutexLocker lock(&mutex);
        signingAndSealing.append({o.requireSigning, o.requireSealing});
    }
    QPair<bool, bool> last()
    {
        QMutexLocker lock(&mutex);
        return signingAndSealing.isEmpty() ? QPair<bool, bool>(false, false)
                                           : signingAndSealing.last();
    }
};

QList<QJsonObject> auditLines()
{
    return readJsonLines(AuditLog::defaultFilePath());
}

int socketCount(qint64 pid)
{
    int n = 0;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[128] = {};
        const ssize_t len
            = readlink(QFile::encodeName(fds.filePath(fd)).constData(), target, sizeof target - 1);
        n += len > 0 && QByteArray(target, int(len)).startsWith("socket:") ? 1 : 0;
    }
    return n;
}

} // namespace

class TestConsoleSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void noRememberOptionWithoutKeyring();
    void requireEncryptionIsRealAndSigned();
    void defaultIsSignedNotEncrypted();
    void disconnectIsConfirmedAndAuditedOnce();
    void refusedDisconnectIsAuditedWithError();
    void auditLogDialogShowsNewestFirst();
    void settingsAndAuditHoldNoPassword();
    void consoleProcessKeepsPasswordOffProc();

private:
    QString server() const { return QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port()); }
    QList<LabSession> serverSessions(const QString &user, bool *ok) const;
    QModelIndexList proxyRowsOf(const QString &user) const;
    bool waitForSecurityText();
    DisconnectDialog *confirmDisconnectOf(const QString &user);

    Lab m_lab;
    QTemporaryDir m_tmp;
    std::shared_ptr<Requested> m_requested = std::make_shared<Requested>();
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleSafety::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // As in CI: no session bus, so no keyring, decided without waiting for anything.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_tmp.path()));
    useOwnEmptySettings(QStringLiteral("tst_consolesafety"));
    QFile::remove(AuditLog::defaultFilePath());

    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    const auto requested = m_requested;
    m_window = std::make_unique<MainWindow>([requested](const sc::ConnectionOptions &options) {
        requested->add(options);
        return sc::createSessionApi(options);
    });
    m_window->setRefreshInterval(2);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsoleSafety::cleanupTestCase()
{
    m_window.reset();
}

QList<LabSession> TestConsoleSafety::serverSessions(const QString &user, bool *ok) const
{
    QList<LabSession> list = m_lab.smbstatusSessions(ok);
    list.removeIf([&user](const LabSession &s) { return s.user != user; });
    return list;
}

QModelIndexList TestConsoleSafety::proxyRowsOf(const QString &user) const
{
    QModelIndexList rows;
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->sessionRow(r).user == user)
            rows.append(proxy->index(r, 0));
    }
    return rows;
}

bool TestConsoleSafety::waitForSecurityText()
{
    return QTest::qWaitFor(
        [this] {
            return !MainWindowTestAccess::securityText(*m_window).isEmpty()
                && MainWindowTestAccess::model(*m_window)->rowCount() > 0;
        },
        kTimeoutMs);
}

DisconnectDialog *TestConsoleSafety::confirmDisconnectOf(const QString &user)
{
    if (!QTest::qWaitFor([&] { return !proxyRowsOf(user).isEmpty(); }, kTimeoutMs))
        return nullptr;
    QItemSelectionModel *selection = MainWindowTestAccess::view(*m_window)->selectionModel();
    selection->clearSelection();
    for (const QModelIndex &index : proxyRowsOf(user))
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (!QTest::qWaitFor([this] { return !m_window->findChild<DisconnectDialog *>(); }, 5000))
        return nullptr;
    MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
    return m_window->findChild<DisconnectDialog *>();
}

void TestConsoleSafety::noRememberOptionWithoutKeyring()
{
    QCOMPARE(MainWindowTestAccess::keyring(*m_window)->availability(),
        PasswordKeyring::Availability::Unavailable);
    MainWindowTestAccess::serverField(*m_window)->setEditText(server());
    MainWindowTestAccess::action(*m_window, ConsoleActions::ConnectAsAction)->trigger();
    auto *dialog = m_window->findChild<ConnectDialog *>();
    QVERIFY(dialog);
    auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPassword"));
    QVERIFY(remember);
    QVERIFY(remember->isHidden());
    QVERIFY(!remember->isChecked());
    QVERIFY(!dialog->rememberPassword());
    auto *sealing = dialog->findChild<QCheckBox *>(QStringLiteral("sealing"));
    QVERIFY(sealing);
    QCOMPARE(sealing->text(), QStringLiteral("Require &encryption"));
    QVERIFY(!sealing->isChecked()); // off by default
    dialog->reject();
}

void TestConsoleSafety::requireEncryptionIsRealAndSigned()
{
    QTRY_VERIFY(!m_window->findChild<ConnectDialog *>());
    MainWindowTestAccess::serverField(*m_window)->setEditText(server());
    MainWindowTestAccess::action(*m_window, ConsoleActions::ConnectAsAction)->trigger();
    auto *dialog = m_window->findChild<ConnectDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(m_lab.adminUser());
    dialog->findChild<QLineEdit *>(QStringLiteral("password"))
        ->setText(m_lab.password(m_lab.adminUser()));
    dialog->findChild<QCheckBox *>(QStringLiteral("sealing"))->setChecked(true);
    dialog->accept();

    QVERIFY(waitForSecurityText());
    QVERIFY2(MainWindowTestAccess::securityText(*m_window).startsWith(
                 QLatin1String("Signed and encrypted")),
        qPrintable(MainWindowTestAccess::securityText(*m_window)));
    QCOMPARE(m_requested->last(), qMakePair(true, true));
    bool ok = false;
    const QList<LabSession> admin = serverSessions(m_lab.adminUser(), &ok);
    QVERIFY(ok);
    QCOMPARE(admin.size(), 1);
    qInfo("smbd sees the console's session: signing %s, encryption %s",
        qPrintable(admin[0].signing), qPrintable(admin[0].encryption));
    QVERIFY(admin[0].encryption != QLatin1String("none") && !admin[0].encryption.isEmpty());
    QVERIFY(admin[0].signing != QLatin1String("none") && !admin[0].signing.isEmpty());
}

void TestConsoleSafety::defaultIsSignedNotEncrypted()
{
    m_window->connectToServer(server(), m_lab.adminOptions());
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::securityText(*m_window).startsWith(
                                 QLatin1String("Signed, not encrypted")),
        kTimeoutMs);
    QCOMPARE(m_requested->last(), qMakePair(true, false));
    QVERIFY(m_lab.waitForSessionCount(m_lab.adminUser(), 1));
    bool ok = false;
    const QList<LabSession> admin = serverSessions(m_lab.adminUser(), &ok);
    QVERIFY(ok);
    QCOMPARE(admin.size(), 1);
    QCOMPARE(admin[0].encryption, QStringLiteral("none"));
    QVERIFY(admin[0].signing != QLatin1String("none") && !admin[0].signing.isEmpty());
}

void TestConsoleSafety::disconnectIsConfirmedAndAuditedOnce()
{
    auto alice = m_lab.hold(QStringLiteral("alice"), 2);
    QVERIFY2(alice, qPrintable(m_lab.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(proxyRowsOf(QStringLiteral("alice")).size(), 2, kTimeoutMs);
    const QString client = MainWindowTestAccess::proxy(*m_window)
                               ->sessionRow(proxyRowsOf(QStringLiteral("alice")).first().row())
                               .client;
    const qsizetype before = auditLines().size();

    // Cancelled: nothing ends, nothing is recorded.
    DisconnectDialog *dialog = confirmDisconnectOf(QStringLiteral("alice"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->cancelButton()->isDefault());
    dialog->cancelButton()->click();
    QTest::qWait(2500); // a refresh interval and more: nothing may happen in between
    QCOMPARE(m_lab.sessionCount(QStringLiteral("alice")), 2);
    QCOMPARE(auditLines().size(), before);

    // Confirmed: one NetSessionDel, one record.
    dialog = confirmDisconnectOf(QStringLiteral("alice"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(m_lab.sessionCount(QStringLiteral("alice")), 2); // the dialog alone ends nothing
    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    const QDateTime clicked = QDateTime::currentDateTimeUtc().addSecs(-1);
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kTimeoutMs);
    QVERIFY(m_lab.waitForSessionCount(QStringLiteral("alice"), 0));

    const QList<QJsonObject> after = auditLines();
    QCOMPARE(after.size(), before + 1);
    const QJsonObject record = after.last();
    QCOMPARE(record.value(QLatin1String("program")).toString(), QStringLiteral("session-console"));
    QCOMPARE(record.value(QLatin1String("localUser")).toString(), AuditLog::localUserName());
    QCOMPARE(record.value(QLatin1String("server")).toString(), server());
    QCOMPARE(record.value(QLatin1String("account")).toString(), m_lab.adminUser());
    QCOMPARE(record.value(QLatin1String("kerberos")).toBool(), false);
    QCOMPARE(record.value(QLatin1String("client")).toString(), client);
    QCOMPARE(record.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(record.value(QLatin1String("ended")).toInt(), 2);
    const QDateTime time
        = QDateTime::fromString(record.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    QVERIFY(time >= clicked && time <= QDateTime::currentDateTimeUtc());
}

void TestConsoleSafety::refusedDisconnectIsAuditedWithError()
{
    auto bob = m_lab.hold(QStringLiteral("bob"), 1);
    QVERIFY2(bob, qPrintable(m_lab.errorString()));
    m_window->connectToServer(server(), m_lab.optionsFor(m_lab.viewerUser()));
    QTRY_COMPARE_WITH_TIMEOUT(proxyRowsOf(QStringLiteral("bob")).size(), 1, kTimeoutMs);
    const qsizetype before = auditLines().size();

    DisconnectDialog *dialog = confirmDisconnectOf(QStringLiteral("bob"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kTimeoutMs);
    const auto results = reported.at(0).at(0).value<QList<DisconnectResult>>();
    QCOMPARE(results.size(), 1);
    QVERIFY(!results[0].ok());
    QVERIFY(results[0].auditError.isEmpty());
    QCOMPARE(m_lab.sessionCount(QStringLiteral("bob")), 1);

    const QList<QJsonObject> after = auditLines();
    QCOMPARE(after.size(), before + 1);
    const QJsonObject record = after.last();
    QCOMPARE(record.value(QLatin1String("account")).toString(), m_lab.viewerUser());
    QCOMPARE(record.value(QLatin1String("user")).toString(), QStringLiteral("bob"));
    QCOMPARE(record.value(QLatin1String("result")).toString(), QStringLiteral("error"));
    const QJsonObject error = record.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("kind")).toString(), QStringLiteral("access-denied"));
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 5);
}

void TestConsoleSafety::auditLogDialogShowsNewestFirst()
{
    QAction *action = MainWindowTestAccess::auditLogAction(*m_window);
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Audit &Log…"));
    bool inMenu = false;
    for (QObject *object : action->associatedObjects())
        inMenu = inMenu || qobject_cast<QMenu *>(object);
    QVERIFY(inMenu);

    action->trigger();
    auto *dialog = m_window->findChild<AuditLogDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTreeWidget *table = dialog->table();
    QCOMPARE(table->topLevelItemCount(), int(auditLines().size()));
    QVERIFY(table->topLevelItemCount() >= 2);
    const QTreeWidgetItem *newest = table->topLevelItem(0);
    QCOMPARE(newest->text(AuditLogDialog::User), QStringLiteral("bob"));
    QCOMPARE(newest->text(AuditLogDialog::Account), m_lab.viewerUser());
    QVERIFY2(
        newest->text(AuditLogDialog::Result).startsWith(QLatin1String("Failed: Access denied")),
        qPrintable(newest->text(AuditLogDialog::Result)));
    const QTreeWidgetItem *older = table->topLevelItem(1);
    QCOMPARE(older->text(AuditLogDialog::User), QStringLiteral("alice"));
    QVERIFY2(older->text(AuditLogDialog::Result).startsWith(QLatin1String("Ended 2 session")),
        qPrintable(older->text(AuditLogDialog::Result)));
    QCOMPARE(older->text(AuditLogDialog::Operator), AuditLog::localUserName());
    QCOMPARE(older->text(AuditLogDialog::Server), server());
    // Read-only.
    QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);
    QVERIFY(!(older->flags() & Qt::ItemIsEditable));
    dialog->close();
}

void TestConsoleSafety::settingsAndAuditHoldNoPassword()
{
    const QString admin = m_lab.password(m_lab.adminUser());
    const QString viewer = m_lab.password(m_lab.viewerUser());
    QVERIFY(admin.size() >= 8 && viewer.size() >= 8);
    m_window->close(); // saves the settings
    QSettings settings;
    settings.sync();
    QCOMPARE(settings.value(QStringLiteral("logon/user")).toString(), m_lab.viewerUser());
    QCOMPARE(settings.value(QStringLiteral("logon/rememberPassword")).toBool(), false);

    // Every file the console may have written: settings and app data.
    int files = 0;
    for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
        const QString root = qEnvironmentVariable(variable);
        QVERIFY2(!root.isEmpty(), variable);
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray data = file.readAll();
            ++files;
            for (const QString &password : {admin, viewer}) {
                QVERIFY2(!data.contains(password.toUtf8()), qPrintable(file.fileName()));
                QVERIFY2(!data.contains(password.toUtf8().toBase64()), qPrintable(file.fileName()));
            }
        }
    }
    QVERIFY(QFile::exists(settings.fileName()));
    QVERIFY(QFile::exists(AuditLog::defaultFilePath()));
    QVERIFY(files >= 2);
}

void TestConsoleSafety::consoleProcessKeepsPasswordOffProc()
{
    const QByteArray password = m_lab.password(m_lab.adminUser()).toUtf8();
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("data")));
    console.setProcessEnvironment(env);
    // The hung server keeps the console connecting while we look at it.
    console.start(QStringLiteral(SC_CONSOLE_PATH),
        {QStringLiteral("--server"), m_lab.host(), QStringLiteral("--port"),
            QString::number(m_lab.hungPort()), QStringLiteral("--user"), m_lab.adminUser(),
            QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser()),
            QStringLiteral("--encrypt")});
    QVERIFY(console.waitForStarted(10000));
    const qint64 pid = console.processId();
    QVERIFY(QTest::qWaitFor([&] { return socketCount(pid) > 0; }, kTimeoutMs));
    QCOMPARE(console.state(), QProcess::Running);
    for (const qint64 p : Procfs::processTree(pid)) {
        QVERIFY2(!Procfs::file(p, "cmdline").contains(password), "password on a command line");
        QVERIFY2(!Procfs::file(p, "environ").contains(password), "password in an environment");
    }
    // Only the process this test started, by its own handle.
    console.kill();
    QVERIFY(console.waitForFinished(10000));
    const QByteArray output = console.readAllStandardOutput() + console.readAllStandardError();
    QVERIFY2(!output.contains(password), "password in the console's output");
}

QTEST_MAIN(TestConsoleSafety)
#include "tst_consolesafety.moc"
