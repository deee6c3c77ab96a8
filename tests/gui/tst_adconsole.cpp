// SPDX-License-Identifier: GPL-3.0-or-later
// The real console window against the AD lab's domain controller with a Kerberos ticket and
// no password anywhere: list, details and close; its own session recognised; Connect As
// showing whose ticket it is; and a Kerberos failure explained with Connect As offered.

#include "adlabsupport.h"
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessiondetailsdialog.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

namespace {
constexpr int kPollTimeoutMs = 60000;
}

class tst_AdConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsDomainSessionsAndItsOwn();
    void detailsOfADomainSession();
    void connectAsShowsTheTicket();
    void closesWithTheTicket();
    void kerberosFailureOffersConnectAs();
    void settingsHoldNoSecret();

private:
    QString qualified(const QString &user) const
    {
        return m_lab.domain() + QLatin1Char('\\') + user;
    }

    AdLab m_lab;
    QTemporaryDir m_tmp;
    QString m_maria;
    QString m_jorg;
    std::unique_ptr<LoadGenerator> m_mariaLoad;
    std::unique_ptr<LoadGenerator> m_jorgLoad;
    std::unique_ptr<MainWindow> m_window;
};

void tst_AdConsole::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_adconsole"));
    m_lab = AdLab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY(m_tmp.isValid());
    m_maria = m_lab.plainUser(QString::fromUtf8("maría"));
    m_jorg = m_lab.plainUser(QString::fromUtf8("jörg"));
    // The console uses the default ticket cache, as on an operator's desktop: helpdesk's.
    const QString cache = m_tmp.filePath(QStringLiteral("cc.helpdesk"));
    QVERIFY2(m_lab.kinit(m_lab.helpdeskUser(), cache), qPrintable(m_lab.errorString()));
    qputenv("KRB5CCNAME", QByteArray("FILE:") + QFile::encodeName(cache));
    qputenv("KRB5_CONFIG", QFile::encodeName(m_lab.krb5Config()));

    m_mariaLoad = m_lab.hold(m_maria, 1, true);
    QVERIFY2(m_mariaLoad, qPrintable(m_lab.errorString()));
    m_jorgLoad = m_lab.hold(m_jorg, 1, false);
    QVERIFY2(m_jorgLoad, qPrintable(m_lab.errorString()));

    m_window = std::make_unique<MainWindow>();
    m_window->setRefreshInterval(2);
    sc::ConnectionOptions logon;
    logon.kerberos = true;
    m_window->connectToServer(m_lab.fqdn(), logon);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::modelRowsOf(*m_window, qualified(m_maria)) == 1
            && MainWindowTestAccess::modelRowsOf(*m_window, qualified(m_jorg)) == 1,
        kPollTimeoutMs);
}

void tst_AdConsole::cleanupTestCase()
{
    m_window.reset();
    m_mariaLoad.reset();
    m_jorgLoad.reset();
}

void tst_AdConsole::listsDomainSessionsAndItsOwn()
{
    // Exactly one row is marked as the console's own: helpdesk's, named by the ticket only.
    QList<QString> own;
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    QTRY_VERIFY_WITH_TIMEOUT(
        MainWindowTestAccess::proxyIndexOf(*m_window, qualified(m_lab.helpdeskUser())).isValid(),
        kPollTimeoutMs);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(SessionTableModel::OwnSessionRole).toBool())
            own << proxy->sessionRow(r).user;
    }
    QCOMPARE(own, QList<QString> {qualified(m_lab.helpdeskUser())});
    QVERIFY(!MainWindowTestAccess::isBannerVisible(*m_window));
}

void tst_AdConsole::detailsOfADomainSession()
{
    SessionDetailsDialog *dialog = MainWindowTestAccess::showDetails(
        *m_window, MainWindowTestAccess::proxyIndexOf(*m_window, qualified(m_maria)));
    QVERIFY(dialog);
    QCOMPARE(dialog->valueText(SessionTableModel::User), qualified(m_maria));
    dialog->close();
    QTRY_VERIFY(MainWindowTestAccess::detailsDialogs(*m_window).isEmpty());
}

void tst_AdConsole::connectAsShowsTheTicket()
{
    MainWindowTestAccess::action(*m_window, ConsoleActions::ConnectAsAction)->trigger();
    QTRY_VERIFY(m_window->findChild<ConnectDialog *>());
    auto *dialog = m_window->findChild<ConnectDialog *>();
    QVERIFY(dialog->useKerberos());
    auto *ticket = dialog->findChild<QLabel *>(QStringLiteral("kerberosTicket"));
    QVERIFY(ticket);
    // Read on a thread of the dialog's own; the principal and its expiry arrive.
    const QString principal = m_lab.helpdeskUser() + QLatin1Char('@') + m_lab.realm();
    QTRY_VERIFY2_WITH_TIMEOUT(
        ticket->text().startsWith(QStringLiteral("Ticket of %1, valid until ").arg(principal)),
        qPrintable(ticket->text()), 10000);
    QVERIFY(ticket->isVisible());
    dialog->reject();
}

void tst_AdConsole::closesWithTheTicket()
{
    MainWindowTestAccess::view(*m_window)->setCurrentIndex(
        MainWindowTestAccess::proxyIndexOf(*m_window, qualified(m_jorg)));
    QTRY_VERIFY(!m_window->findChild<DisconnectDialog *>());
    MainWindowTestAccess::action(*m_window, ConsoleActions::DisconnectAction)->trigger();
    auto *dialog = m_window->findChild<DisconnectDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->targets().size(), 1);
    QCOMPARE(dialog->targets().constFirst().user, qualified(m_jorg));
    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kPollTimeoutMs);
    const auto results = reported.at(0).at(0).value<QList<DisconnectResult>>();
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].ok(), qPrintable(MainWindowTestAccess::messageText(*m_window)));
    QCOMPARE(results[0].ended, 1u);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::modelRowsOf(*m_window, qualified(m_jorg)), 0, kPollTimeoutMs);
    QCOMPARE(MainWindowTestAccess::modelRowsOf(*m_window, qualified(m_maria)), 1);
}

void tst_AdConsole::kerberosFailureOffersConnectAs()
{
    // By address: Kerberos needs the name. The console says so and offers Connect As; it
    // does not quietly log on with NTLM instead.
    sc::ConnectionOptions logon;
    logon.kerberos = true;
    m_window->connectToServer(m_lab.address(), logon);
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kPollTimeoutMs);
    QVERIFY2(MainWindowTestAccess::bannerText(*m_window).contains(QLatin1String("full DNS name")),
        qPrintable(MainWindowTestAccess::bannerText(*m_window)));
    QPushButton *connectAs = nullptr;
    for (QPushButton *button : m_window->findChildren<QPushButton *>()) {
        if (button->isVisible() && button->text().contains(QLatin1String("Connect As")))
            connectAs = button;
    }
    QVERIFY2(connectAs, "no visible Connect As button in the banner");
    QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 0);
}

void tst_AdConsole::settingsHoldNoSecret()
{
    // Closing saves the settings: the Kerberos choice, and nothing of a ticket or password.
    m_window->close();
    QSettings settings;
    settings.sync();
    QCOMPARE(settings.value(QStringLiteral("logon/kerberos")).toBool(), true);
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray saved = file.readAll();
    const QByteArray password = m_lab.password(m_lab.helpdeskUser()).toUtf8();
    QVERIFY(!password.isEmpty());
    QVERIFY(!saved.contains(password));
    QVERIFY(!saved.contains("krbtgt") && !saved.contains("cifs/"));
}

QTEST_MAIN(tst_AdConsole)
#include "tst_adconsole.moc"
