// SPDX-License-Identifier: GPL-3.0-or-later
// The Open Files page over a scripted server, for what the lab's Samba does not do: a file
// list that fails (access denied, no level served) after it worked, a server that serves only
// level 2, and an account that may not list the shares. The page must say why in plain words
// and keep the files it knew.
#include "fakeserverwindow.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "openfilespage.h"
#include "openfiletablemodel.h"
#include "testsettings.h"

#include <QSet>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 20000;

} // namespace

class TestOpenFilesPageFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listedOnlyWhileShownOnTheSessionsConnection();
    void sharesUnknownIsSaid();
    void accessDeniedKeepsTheFilesAndSaysWhy();
    void noLevelServedSaysSo();
    void level2OnlySaysWhatIsMissing();
    void rowsArePaintedByTheirOwnRoles();
    void statusBarCountsThePageInView();

private:
    void refreshFiles();

    std::shared_ptr<FakeServer> m_server;
    std::shared_ptr<FakeFiles> m_files;
    std::unique_ptr<MainWindow> m_window;
};

void TestOpenFilesPageFake::init()
{
    useOwnEmptySettings(QStringLiteral("tst_openfilespagefake"));
    m_server = std::make_shared<FakeServer>();
    m_files = std::make_shared<FakeFiles>();
    m_files->files = {fakeOpenFile(11, u"C:\\srv\\datos\\Año.txt", u"anna"),
        fakeOpenFile(12, u"C:\\srv\\datos\\Größe.txt", u"bert")};
    auto server = m_server;
    auto files = m_files;
    m_window = FakeServerWindow::open(
        [server, files](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
            QMutexLocker lock(&files->mutex);
            ++files->apisCreated;
            return std::make_unique<FakeFileApi>(server, files);
        });
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestOpenFilesPageFake::cleanup()
{
    m_window.reset();
}

void TestOpenFilesPageFake::refreshFiles()
{
    QSignalSpy files(
        MainWindowTestAccess::connection(*m_window), &ServerConnection::openFilesReady);
    MainWindowTestAccess::connection(*m_window)->refresh();
    QVERIFY(files.wait(kTimeoutMs));
}

void TestOpenFilesPageFake::listedOnlyWhileShownOnTheSessionsConnection()
{
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::model(*m_window)->generation() > 0, kTimeoutMs);
    MainWindowTestAccess::connection(*m_window)->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::model(*m_window)->generation() > 1, kTimeoutMs);
    {
        QMutexLocker lock(&m_files->mutex);
        QVERIFY(m_files->listedBy.isEmpty()); // the Sessions page is shown
    }
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
    refreshFiles();
    QMutexLocker lock(&m_files->mutex);
    // One connection for sessions and files, kept open, on the poller's worker thread.
    QCOMPARE(m_files->apisCreated, 1);
    QCOMPARE(m_files->listedBy.size(), 1);
    QCOMPARE(m_files->listedOn,
        QSet<QThread *> {MainWindowTestAccess::poller(*m_window)->workerThread()});
}

void TestOpenFilesPageFake::sharesUnknownIsSaid()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
    // No share could be listed: the local path is shown, and the page says why.
    QCOMPARE(MainWindowTestAccess::filesModel(*m_window)
                 ->index(0, OpenFileTableModel::Path)
                 .data()
                 .toString(),
        QString::fromUtf8("C:\\srv\\datos\\Año.txt"));
    QCOMPARE(MainWindowTestAccess::filesNoticeText(*m_window),
        QStringLiteral("Paths are shown as on the server's own disk: this account may not list "
                       "the server's shares."));
}

void TestOpenFilesPageFake::accessDeniedKeepsTheFilesAndSaysWhy()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
    {
        QMutexLocker lock(&m_files->mutex);
        m_files->failure = sc::SessionError::fromWin32(sc::win32::AccessDenied);
    }
    refreshFiles();
    OpenFileTableModel *model = MainWindowTestAccess::filesModel(*m_window);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->isStale());
    const QString notice = MainWindowTestAccess::filesNoticeText(*m_window);
    QVERIFY2(notice.startsWith(QLatin1String("Access denied: listing open files needs "
                                             "administrator rights on the server")),
        qPrintable(notice));
    QVERIFY2(notice.endsWith(QLatin1String("The list shows the files as they were before.")),
        qPrintable(notice));
    // It works again: the notice goes.
    {
        QMutexLocker lock(&m_files->mutex);
        m_files->failure.reset();
    }
    refreshFiles();
    QVERIFY(!model->isStale());
    QVERIFY(!MainWindowTestAccess::filesNoticeText(*m_window).startsWith(
        QLatin1String("Access denied")));
}

void TestOpenFilesPageFake::noLevelServedSaysSo()
{
    {
        QMutexLocker lock(&m_files->mutex);
        m_files->failure = sc::SessionError::fromWin32(sc::win32::InvalidLevel);
    }
    m_window->showOpenFilesPage(true);
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::filesModel(*m_window)->isStale(), kTimeoutMs);
    QCOMPARE(MainWindowTestAccess::filesModel(*m_window)->rowCount(), 0);
    QCOMPARE(MainWindowTestAccess::filesNoticeText(*m_window),
        QStringLiteral("The server does not list open files at any information level this "
                       "console knows (ERROR_INVALID_LEVEL)."));
}

void TestOpenFilesPageFake::level2OnlySaysWhatIsMissing()
{
    {
        QMutexLocker lock(&m_files->mutex);
        m_files->onlyLevel2 = true;
    }
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
    OpenFileTableModel *model = MainWindowTestAccess::filesModel(*m_window);
    QCOMPARE(model->index(0, OpenFileTableModel::FileId).data().toString(), QStringLiteral("11"));
    // Nothing the server did not report is shown.
    QCOMPARE(model->index(0, OpenFileTableModel::Access).data().toString(), QString());
    QCOMPARE(model->index(0, OpenFileTableModel::Locks).data().toString(), QString());
    QCOMPARE(MainWindowTestAccess::filesNoticeText(*m_window),
        QStringLiteral("The server reports only file IDs (level 2): no paths, users, access or "
                       "locks."));
}

// The Open Files rows are drawn by the open-file model's roles: never bold (the role number
// that marks the console's own session in the Sessions table means something else here).
// The status bar counts what the page in view lists: open files under Open Files (with the
// filter), sessions again under Sessions.
void TestOpenFilesPageFake::statusBarCountsThePageInView()
{
    QTRY_VERIFY_WITH_TIMEOUT(MainWindowTestAccess::model(*m_window)->generation() > 0, kTimeoutMs);
    const int sessions = MainWindowTestAccess::model(*m_window)->rowCount();
    // "(s)": no English catalogue supplies the plural forms here.
    const QString sessionsText = QStringLiteral("%1 session(s)").arg(sessions);
    QCOMPARE(MainWindowTestAccess::countText(*m_window), sessionsText);

    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::countText(*m_window), QStringLiteral("2 open file(s)"), kTimeoutMs);
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("anna"));
    QCOMPARE(MainWindowTestAccess::countText(*m_window), QStringLiteral("1 of 2 open file(s)"));

    m_window->showOpenFilesPage(false);
    QCOMPARE(MainWindowTestAccess::countText(*m_window), sessionsText);
}

void TestOpenFilesPageFake::rowsArePaintedByTheirOwnRoles()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 2, kTimeoutMs);
    auto *view = m_window->findChild<QTreeView *>(QStringLiteral("openFilesView"));
    QVERIFY(view);
    QStyleOptionViewItem option;
    option.initFrom(view);
    QStyledItemDelegate plain;
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        const QModelIndex index = view->model()->index(0, column);
        // A bold font would make the cell's text, and so its size hint, wider.
        QCOMPARE(view->itemDelegate()->sizeHint(option, index), plain.sizeHint(option, index));
    }
}

QTEST_MAIN(TestOpenFilesPageFake)
#include "tst_openfilespagefake.moc"
