// SPDX-License-Identifier: GPL-3.0-or-later
// The real console window switched between Spanish, German and English at run time through
// View ▸ Language, as an operator does it: headers, menus, the context menu, an open
// confirmation dialog with Qt's own buttons, plurals, error texts and locale formats must all
// follow at once, and the choice must be remembered.
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "fakesessionapi.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessionapi.h"
#include "sessionerrortext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStyleOptionFrame>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

QString labelTexts(const QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestConsoleLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void followsTheSystemAtFirst();
    void switchesAtRunTime_data();
    void switchesAtRunTime();
    void remembersTheChoice();
    void keyNamesAndFieldsAsWindowsSaysThem_data();
    void keyNamesAndFieldsAsWindowsSaysThem();

private:
    QModelIndex proxyIndexOf(const QString &user, int column) const;
    void refreshAndWait();

    QTemporaryDir m_dataHome; // the audit log of the disconnects goes here, not into $HOME
    std::shared_ptr<FakeServer> m_server;
    std::unique_ptr<LanguageManager> m_language;
    std::unique_ptr<MainWindow> m_window;
    LanguageMenu *m_languageMenu = nullptr;
};

void TestConsoleLanguage::initTestCase()
{
    QVERIFY(m_dataHome.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
    useOwnEmptySettings(QStringLiteral("tst_consolelanguage"));
    sc::SessionApi::clearLevelCache();

    // As main.cpp does it: the saved choice (none yet) before the window exists.
    m_language = std::make_unique<LanguageManager>();
    m_language->setLanguage(LanguageManager::savedChoice());

    m_server = std::make_shared<FakeServer>();
    m_server->deleteFailure = sc::SessionError::fromWin32(sc::win32::AccessDenied);
    // 12345 open files shows digit grouping; 100000 s of connection is 27:46:40.
    m_server->sessions = {
        session(u"PC-ANNA", u"anna", 12345, 100000, 75),
        session(u"PC-BERT", u"bert", 2, 40, 3),
    };
    auto server = m_server;
    m_window = std::make_unique<MainWindow>(
        [server](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
            return std::make_unique<FakeSessionApi>(server);
        });
    m_languageMenu = new LanguageMenu(m_language.get(), m_window.get());
    m_window->viewMenu()->addSeparator();
    m_window->viewMenu()->addMenu(m_languageMenu);
    QObject::connect(m_language.get(), &LanguageManager::languageChanged,
        MainWindowTestAccess::page(*m_window), &SessionsPage::retranslate);
    m_window->setRefreshInterval(0); // polls only when the test asks
    MainWindowTestAccess::connectAsHelpdesk(*m_window, QStringLiteral("fake-server"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(MainWindowTestAccess::model(*m_window)->rowCount(), 2, kTimeoutMs);
}

void TestConsoleLanguage::cleanupTestCase()
{
    m_window.reset();
    m_language.reset();
}

void TestConsoleLanguage::followsTheSystemAtFirst()
{
    // The tests run under C.UTF-8: no translation fits, so English, with C's formats.
    QCOMPARE(m_language->choice(), QString());
    QCOMPARE(m_language->language(), QStringLiteral("en"));
    QCOMPARE(LanguageManager::resolve({QStringLiteral("C")}), QStringLiteral("en"));
    QCOMPARE(LanguageManager::resolve({QStringLiteral("fr-FR"), QStringLiteral("de-AT")}),
        QStringLiteral("de"));
    QCOMPARE(LanguageManager::resolve({QStringLiteral("es-MX")}), QStringLiteral("es"));
    QVERIFY(m_languageMenu->action(QString())->isChecked());
    QCOMPARE(m_languageMenu->action(QString())->text(), QStringLiteral("&System (English)"));
    // The English catalogue supplies the plural forms.
    QCOMPARE(MainWindowTestAccess::countText(*m_window), QStringLiteral("2 sessions"));
}

void TestConsoleLanguage::switchesAtRunTime_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("headers"); // User, Computer, Open files, Connected, Idle
    QTest::addColumn<QStringList>("contextMenu"); // Details, Disconnect, Copy, Refresh
    QTest::addColumn<QStringList>("menuBar");
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("openFiles");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("dialogTitle");
    QTest::addColumn<QString>("dialogQuestion");
    QTest::addColumn<QString>("disconnectButton");
    QTest::addColumn<QString>("cancelButton");
    QTest::addColumn<QStringList>("timeouts"); // 1 s and 10 s: both plural forms
    QTest::addColumn<QString>("accessDenied");
    QTest::addColumn<QString>("notDisconnected"); // the status message of a refused disconnect
    QTest::addColumn<QString>("languageMenu");

    QTest::newRow("es") << QStringLiteral("es")
                        << QStringList {QStringLiteral("Usuario"), QStringLiteral("Equipo"),
                               QStringLiteral("Archivos abiertos"),
                               QStringLiteral("Tiempo de conexión"),
                               QStringLiteral("Tiempo de inactividad")}
                        << QStringList {QStringLiteral("&Detalles…"),
                               QStringLiteral("Desco&nectar…"), QStringLiteral("&Copiar"),
                               QStringLiteral("&Actualizar")}
                        << QStringList {QStringLiteral("&Archivo"), QStringLiteral("&Edición"),
                               QStringLiteral("&Sesión"), QStringLiteral("&Ver")}
                        << QStringLiteral("2 sesiones") << QStringLiteral("12.345")
                        << QStringLiteral("Solo detalles básicos")
                        << QStringLiteral("Desconectar sesiones")
                        << QStringLiteral("¿Desconectar a anna en PC-ANNA?")
                        << QStringLiteral("&Desconectar") << QStringLiteral("Cancelar")
                        << QStringList {QStringLiteral("El servidor no respondió en 1 segundo."),
                               QStringLiteral("El servidor no respondió en 10 segundos.")}
                        << QStringLiteral("Acceso denegado:")
                        << QStringLiteral("No se pudo desconectar a anna en PC-ANNA: Acceso "
                                          "denegado:")
                        << QStringLiteral("&Idioma");
    QTest::newRow("de")
        << QStringLiteral("de")
        << QStringList {QStringLiteral("Benutzer"), QStringLiteral("Computer"),
               QStringLiteral("Geöffnete Dateien"), QStringLiteral("Verbindungszeit"),
               QStringLiteral("Leerlaufzeit")}
        << QStringList {QStringLiteral("&Details…"), QStringLiteral("&Trennen…"),
               QStringLiteral("&Kopieren"), QStringLiteral("Aktualisie&ren")}
        << QStringList {QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
               QStringLiteral("&Sitzung"), QStringLiteral("&Ansicht")}
        << QStringLiteral("2 Sitzungen") << QStringLiteral("12.345")
        << QStringLiteral("Nur grundlegende Details") << QStringLiteral("Sitzungen trennen")
        << QStringLiteral("anna auf PC-ANNA trennen?") << QStringLiteral("&Trennen")
        << QStringLiteral("Abbrechen")
        << QStringList {QStringLiteral("Der Server hat nicht innerhalb von 1 Sekunde "
                                       "geantwortet."),
               QStringLiteral("Der Server hat nicht innerhalb von 10 Sekunden geantwortet.")}
        << QStringLiteral("Zugriff verweigert:")
        << QStringLiteral("anna auf PC-ANNA konnte nicht getrennt werden: Zugriff verweigert:")
        << QStringLiteral("&Sprache");
    QTest::newRow("en") << QStringLiteral("en")
                        << QStringList {QStringLiteral("User"), QStringLiteral("Computer"),
                               QStringLiteral("Open files"), QStringLiteral("Connected"),
                               QStringLiteral("Idle")}
                        << QStringList {QStringLiteral("&Details…"), QStringLiteral("D&isconnect…"),
                               QStringLiteral("&Copy"), QStringLiteral("&Refresh")}
                        << QStringList {QStringLiteral("&File"), QStringLiteral("&Edit"),
                               QStringLiteral("&Session"), QStringLiteral("&View")}
                        << QStringLiteral("2 sessions") << QStringLiteral("12,345")
                        << QStringLiteral("Basic details only")
                        << QStringLiteral("Disconnect Sessions")
                        << QStringLiteral("Disconnect anna on PC-ANNA?")
                        << QStringLiteral("&Disconnect") << QStringLiteral("Cancel")
                        << QStringList {QStringLiteral(
                                            "The server did not answer within 1 second."),
                               QStringLiteral("The server did not answer within 10 seconds.")}
                        << QStringLiteral("Access denied:")
                        << QStringLiteral("Could not disconnect anna on PC-ANNA: Access denied:")
                        << QStringLiteral("&Language");
}

void TestConsoleLanguage::switchesAtRunTime()
{
    QFETCH(QString, language);
    QFETCH(QStringList, headers);
    QFETCH(QStringList, contextMenu);
    QFETCH(QStringList, menuBar);
    QFETCH(QString, count);
    QFETCH(QString, openFiles);
    QFETCH(QString, level);
    QFETCH(QString, dialogTitle);
    QFETCH(QString, dialogQuestion);
    QFETCH(QString, disconnectButton);
    QFETCH(QString, cancelButton);
    QFETCH(QStringList, timeouts);
    QFETCH(QString, accessDenied);
    QFETCH(QString, notDisconnected);
    QFETCH(QString, languageMenu);

    // What is on screen while the language changes must follow too: the message of a
    // disconnect the server refused, the banner of a failed refresh, an open dialog.
    SessionView *view = MainWindowTestAccess::view(*m_window);
    const QModelIndex anna = proxyIndexOf(QStringLiteral("anna"), SessionTableModel::User);
    QVERIFY(anna.isValid());
    view->selectionModel()->select(
        anna, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QPointer<DisconnectDialog> dialog = MainWindowTestAccess::confirmDisconnectSelected(*m_window);
    QVERIFY(dialog);
    QSignalSpy reported(m_window.get(), &MainWindow::disconnectReported);
    dialog->disconnectButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, kTimeoutMs);
    {
        QMutexLocker lock(&m_server->mutex);
        m_server->failure = sc::SessionError::fromWin32(sc::win32::AccessDenied);
    }
    refreshAndWait();
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
    dialog = MainWindowTestAccess::confirmDisconnectSelected(*m_window);
    QVERIFY(dialog);

    QSignalSpy headerChanges(
        MainWindowTestAccess::model(*m_window), &QAbstractItemModel::headerDataChanged);
    QAction *choice = m_languageMenu->action(language);
    QVERIFY(choice);
    choice->trigger();
    QCOMPARE(m_language->language(), language);
    QVERIFY(choice->isChecked());
    QCOMPARE(QLocale().language(), QLocale(language).language());
    // Widgets get their LanguageChange as a posted event.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY(headerChanges.count() > 0);

    // Column headers, as the view shows them, wide enough for their text.
    const QHeaderView *header = view->header();
    const int columns[]
        = {SessionTableModel::User, SessionTableModel::Computer, SessionTableModel::OpenFiles,
            SessionTableModel::ConnectedTime, SessionTableModel::IdleTime};
    for (int i = 0; i < 5; ++i) {
        const int column = columns[i];
        QCOMPARE(header->model()->headerData(column, Qt::Horizontal).toString(), headers.at(i));
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
            qPrintable(QStringLiteral("%1: %2 < %3")
                           .arg(headers.at(i))
                           .arg(header->sectionSize(column))
                           .arg(header->sectionSizeHint(column))));
    }

    // At the default size the toolbar keeps every item in view, the filter field included,
    // and the field is wide enough for its hint.
    const QLineEdit *filter = MainWindowTestAccess::filterField(*m_window);
    QTRY_VERIFY_WITH_TIMEOUT(filter->isVisible(), kTimeoutMs);
    const auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QVERIFY2(toolBar->sizeHint().width() <= m_window->width(),
        qPrintable(
            QStringLiteral("%1 > %2").arg(toolBar->sizeHint().width()).arg(m_window->width())));
    QVERIFY(filter->geometry().right() < toolBar->width());
    const int hintWidth = filter->fontMetrics().horizontalAdvance(filter->placeholderText());
    // The leading filter icon takes about the field's height.
    QVERIFY2(hintWidth + filter->height() <= filter->width(),
        qPrintable(QStringLiteral("%1: %2 + %3 > %4")
                       .arg(filter->placeholderText())
                       .arg(hintWidth)
                       .arg(filter->height())
                       .arg(filter->width())));

    // The menu bar and View ▸ Language.
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(menus.at(i)->text(), menuBar.at(i));
    QCOMPARE(m_languageMenu->title(), languageMenu);
    QCOMPARE(m_languageMenu->action(QStringLiteral("de"))->text(), QStringLiteral("Deutsch"));
    QCOMPARE(m_languageMenu->action(QStringLiteral("es"))->text(), QStringLiteral("Español"));

    // The open dialog, with Qt's own Cancel button from qtbase_<lang>.
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), dialogTitle);
    QVERIFY2(labelTexts(dialog).contains(dialogQuestion), qPrintable(labelTexts(dialog)));
    QCOMPARE(dialog->disconnectButton()->text(), disconnectButton);
    QCOMPARE(dialog->cancelButton()->text().remove(QLatin1Char('&')), cancelButton);
    dialog->reject();

    // The context menu of a row.
    const QPoint pos = view->visualRect(anna).center();
    Q_EMIT view->customContextMenuRequested(pos);
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("sessionContextMenu"));
    QVERIFY(menu);
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    menu->close();
    delete menu;
    for (const QString &expected : contextMenu)
        QVERIFY2(texts.contains(expected), qPrintable(texts.join(QLatin1String(" | "))));

    // Plural, numbers and durations in the language's own forms, re-formatted in place.
    QCOMPARE(MainWindowTestAccess::countText(*m_window), count);
    QCOMPARE(MainWindowTestAccess::levelText(*m_window), level);
    QCOMPARE(proxyIndexOf(QStringLiteral("anna"), SessionTableModel::OpenFiles).data().toString(),
        openFiles);
    const QString connected
        = proxyIndexOf(QStringLiteral("anna"), SessionTableModel::ConnectedTime).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^27:4[6-9]:\\d\\d$")).match(connected).hasMatch(),
        qPrintable(connected));
    const auto row = proxyIndexOf(QStringLiteral("anna"), 0)
                         .data(SessionTableModel::RowRole)
                         .value<SessionRow>();
    const QString since = QLocale(language).toString(
        QDateTime::fromMSecsSinceEpoch(row.connectedSinceMs), QLocale::ShortFormat);
    const QString tip = proxyIndexOf(QStringLiteral("anna"), SessionTableModel::ConnectedTime)
                            .data(Qt::ToolTipRole)
                            .toString();
    QVERIFY2(tip.contains(since), qPrintable(tip + QLatin1String(" / ") + since));

    // Error texts from the core's codes, with both plural forms.
    const sc::SessionError timeout = sc::SessionError::local(sc::ErrorKind::Timeout);
    QVERIFY2(SessionErrorText::message(timeout, 1).startsWith(timeouts.at(0)),
        qPrintable(SessionErrorText::message(timeout, 1)));
    QVERIFY2(SessionErrorText::message(timeout, 10).startsWith(timeouts.at(1)),
        qPrintable(SessionErrorText::message(timeout, 10)));
    // ... and as the operator meets them, shown before the switch and translated since:
    // the banner over a list that cannot be refreshed, the refused disconnect.
    QVERIFY(MainWindowTestAccess::isBannerVisible(*m_window));
    QVERIFY2(MainWindowTestAccess::bannerText(*m_window).contains(accessDenied),
        qPrintable(MainWindowTestAccess::bannerText(*m_window)));
    QVERIFY2(MainWindowTestAccess::messageText(*m_window).startsWith(notDisconnected),
        qPrintable(MainWindowTestAccess::messageText(*m_window)));
    QVERIFY2(MainWindowTestAccess::bannerText(*m_window).contains(
                 QLatin1String("ERROR_ACCESS_DENIED, 5")),
        qPrintable(MainWindowTestAccess::bannerText(*m_window)));
    {
        QMutexLocker lock(&m_server->mutex);
        m_server->failure.reset();
    }
    refreshAndWait();
    QTRY_VERIFY_WITH_TIMEOUT(!MainWindowTestAccess::isBannerVisible(*m_window), kTimeoutMs);
}

void TestConsoleLanguage::remembersTheChoice()
{
    m_languageMenu->action(QStringLiteral("de"))->trigger();
    QCOMPARE(LanguageManager::savedChoice(), QStringLiteral("de"));
    {
        // What main.cpp does at the next start (one manager per program, so gone again).
        LanguageManager next;
        next.setLanguage(LanguageManager::savedChoice());
        QCOMPARE(next.language(), QStringLiteral("de"));
    }

    m_languageMenu->action(QString())->trigger();
    QCOMPARE(LanguageManager::savedChoice(), QString());
    QCOMPARE(m_language->language(), QStringLiteral("en"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(MainWindowTestAccess::countText(*m_window), QStringLiteral("2 sessions"));
}

void TestConsoleLanguage::keyNamesAndFieldsAsWindowsSaysThem_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("copy");
    QTest::addColumn<QString>("enter");
    QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Ctrl+C")
                        << QStringLiteral("Intro");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Strg+C")
                        << QStringLiteral("Eingabe");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Ctrl+C")
                        << QStringLiteral("Return");
}

void TestConsoleLanguage::keyNamesAndFieldsAsWindowsSaysThem()
{
    QFETCH(QString, language);
    QFETCH(QString, copy);
    QFETCH(QString, enter);
    m_languageMenu->action(language)->trigger();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText), copy);
    QCOMPARE(QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText), enter);

    // The placeholder of the domain field is read whole, not cut off.
    ConnectDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *domain = dialog.findChild<QLineEdit *>(QStringLiteral("domain"));
    QVERIFY(domain);
    QVERIFY(!domain->placeholderText().isEmpty());
    QStyleOptionFrame option;
    option.initFrom(domain);
    const QRect text
        = domain->style()->subElementRect(QStyle::SE_LineEditContents, &option, domain);
    // QLineEdit keeps a few pixels of margin inside its contents rectangle.
    QVERIFY2(domain->fontMetrics().horizontalAdvance(domain->placeholderText()) <= text.width() - 4,
        qPrintable(domain->placeholderText()));
    m_languageMenu->action(QString())->trigger();
}

QModelIndex TestConsoleLanguage::proxyIndexOf(const QString &user, int column) const
{
    const QAbstractItemModel *proxy = MainWindowTestAccess::proxy(*m_window);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex index = proxy->index(r, SessionTableModel::User);
        if (index.data().toString() == user)
            return index.siblingAtColumn(column);
    }
    return {};
}

void TestConsoleLanguage::refreshAndWait()
{
    QSignalSpy shown(m_window.get(), &MainWindow::snapshotShown);
    MainWindowTestAccess::poller(*m_window)->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, kTimeoutMs);
}

QTEST_MAIN(TestConsoleLanguage)
#include "tst_consolelanguage.moc"
