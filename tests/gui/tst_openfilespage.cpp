// SPDX-License-Identifier: GPL-3.0-or-later
// The real window's Open Files page against the lab's smbd: alice, josé and jürgen (the last
// with two sessions) hold files named with spaces, ñ, ü and ß in a folder of the share. The
// page must list exactly those (as smbstatus -L sees them), filter them, open from a session
// filtered to its user, close one file after confirmation (gone from the server, the others
// stay, recorded in the audit log), and refuse labviewer without changing anything.
#include "auditlog.h"
#include "jsonlines.h"
#include "labsupport.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "openfilespage.h"
#include "openfiletablemodel.h"
#include "programrun.h"
#include "sessiondetailsdialog.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

namespace {

constexpr int kPollTimeoutMs = 30000;

QList<QJsonObject> auditLines()
{
    return readJsonLines(AuditLog::defaultFilePath());
}

} // namespace

class TestOpenFilesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void listsExactlyTheHeldFiles();
    void filesAreListedOnlyWhileThePageIsShown();
    void filterNarrowsByPathAndUser();
    void exportIsWhatSessionctlFilesWrites();
    void drillDownFromSessionSaysItCannotTellTheSession();
    void drillDownFromDetailsDialog();
    void closeOneFileAfterConfirmation();
    void viewerIsRefusedAndNothingChanges();

private:
    /// Our folder's files in @p window's model: local path (as smbstatus) -> user.
    QMap<QString, QString> listedFiles(const MainWindow &window) const;
    /// Our folder's files that smbstatus -L shows.
    QStringList heldFiles() const;
    QModelIndex proxyIndexOfFile(const MainWindow &window, const QString &localPath) const;
    QModelIndex proxyIndexOfSession(const QString &user) const;
    QStringList shownUsers(const MainWindow &window) const;

    // English plural forms ("1 open file") come from the English catalogue, as in the app.
    LanguageManager m_language;
    Lab m_lab;
    QString m_server;
    QString m_folder;
    std::vector<std::unique_ptr<LoadGenerator>> m_holders;
    QMap<QString, QString> m_expected; // local path -> user
    std::unique_ptr<MainWindow> m_window;
};

void TestOpenFilesPage::initTestCase()
{
    useOwnEmptySettings(QStringLiteral("tst_openfilespage"));
    QFile::remove(AuditLog::defaultFilePath());
    m_language.setLanguage(QStringLiteral("en"));

    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    m_server = QStringLiteral("%1:%2").arg(m_lab.host()).arg(m_lab.port());
    // A folder of its own, so files other tests hold at the same time do not count.
    m_folder = QStringLiteral("Consola ñ %1").arg(QCoreApplication::applicationPid());

    LoadOptions load;
    load.openFiles = 2;
    load.filesDir = m_folder;
    for (const auto &[user, sessions] : {std::pair {QStringLiteral("alice"), 1},
             std::pair {QStringLiteral("josé"), 1}, std::pair {QStringLiteral("jürgen"), 2}}) {
        std::unique_ptr<LoadGenerator> g = m_lab.hold(user, sessions, load);
        QVERIFY2(g, qPrintable(m_lab.errorString()));
        m_holders.push_back(std::move(g));
    }
    const QStringList held = heldFiles();
    QCOMPARE(held.size(), 8);
    const QString root = QFileInfo(held.first()).path();
    for (const auto &g : m_holders) {
        for (int s = 0; s < g->sessionCount(); ++s) {
            for (int k = 0; k < 2; ++k) {
                const QString path = root
                    + QStringLiteral("/Año Übersicht Größe %1-%2-%3.txt")
                          .arg(g->pid())
                          .arg(s)
                          .arg(k);
                QVERIFY2(held.contains(path), qPrintable(path));
                m_expected.insert(path, g->user());
            }
        }
    }

    m_window = std::make_unique<MainWindow>();
    m_window->setRefreshInterval(2);
    m_window->connectToServer(m_server, m_lab.adminOptions());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(
        MainWindowTestAccess::model(*m_window)->rowCount() >= 4, kPollTimeoutMs);
}

void TestOpenFilesPage::cleanupTestCase()
{
    m_window.reset();
    for (const auto &g : m_holders)
        g->stop();
    m_holders.clear();
}

void TestOpenFilesPage::cleanup()
{
    if (!m_window)
        return;
    MainWindowTestAccess::filterField(*m_window)->clear();
    MainWindowTestAccess::filesPage(*m_window)->showAllUsers();
}

QStringList TestOpenFilesPage::heldFiles() const
{
    return m_lab.smbstatusOpenFilesIn(m_folder);
}

QMap<QString, QString> TestOpenFilesPage::listedFiles(const MainWindow &window) const
{
    QMap<QString, QString> out;
    const OpenFileTableModel *model = MainWindowTestAccess::filesModel(window);
    for (int r = 0; r < model->rowCount(); ++r) {
        const OpenFileRow &row = model->row(r);
        if (row.localPath.contains(QLatin1Char('\\') + m_folder + QLatin1Char('\\')))
            out.insert(Lab::localPathOf(row.localPath), row.user);
    }
    return out;
}

QModelIndex TestOpenFilesPage::proxyIndexOfFile(
    const MainWindow &window, const QString &localPath) const
{
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::filesProxy(window);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex index = proxy->index(r, OpenFileTableModel::Path);
        if (Lab::localPathOf(index.data(OpenFileTableModel::LocalPathRole).toString()) == localPath)
            return index;
    }
    return {};
}

QModelIndex TestOpenFilesPage::proxyIndexOfSession(const QString &user) const
{
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::proxy(*m_window);
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex index = proxy->index(r, SessionTableModel::User);
        if (index.data().toString() == user)
            return index;
    }
    return {};
}

QStringList TestOpenFilesPage::shownUsers(const MainWindow &window) const
{
    QStringList users;
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::filesProxy(window);
    for (int r = 0; r < proxy->rowCount(); ++r)
        users << proxy->index(r, OpenFileTableModel::User).data().toString();
    users.removeDuplicates();
    users.sort();
    return users;
}

void TestOpenFilesPage::listsExactlyTheHeldFiles()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(*m_window), m_expected, kPollTimeoutMs);
    QCOMPARE(QStringList(listedFiles(*m_window).keys()), heldFiles());
    // Named through the share, the server's local path in the tooltip.
    const QModelIndex index = proxyIndexOfFile(*m_window, m_expected.firstKey());
    QVERIFY(index.isValid());
    const QString shown = index.data().toString();
    const QString unc
        = QStringLiteral("\\\\%1\\%2\\%3\\")
              .arg(QString::fromStdString(m_lab.adminOptions().host), m_lab.share(), m_folder);
    QVERIFY2(shown.startsWith(unc, Qt::CaseInsensitive), qPrintable(shown + " / " + unc));
    QVERIFY2(index.data(Qt::ToolTipRole)
                 .toString()
                 .contains(index.data(OpenFileTableModel::LocalPathRole).toString()),
        qPrintable(index.data(Qt::ToolTipRole).toString()));
    // sc-loadgen opens O_RDWR.
    QCOMPARE(index.siblingAtColumn(OpenFileTableModel::Access).data().toString(),
        QStringLiteral("Read+Write"));
    QVERIFY(MainWindowTestAccess::filesNoticeText(*m_window).isEmpty());
}

void TestOpenFilesPage::filesAreListedOnlyWhileThePageIsShown()
{
    m_window->showOpenFilesPage(true);
    QTRY_VERIFY_WITH_TIMEOUT(
        MainWindowTestAccess::connection(*m_window)->openFilesWatched(), kPollTimeoutMs);
    m_window->showOpenFilesPage(false);
    QVERIFY(!MainWindowTestAccess::connection(*m_window)->openFilesWatched());
    QSignalSpy files(
        MainWindowTestAccess::connection(*m_window), &ServerConnection::openFilesReady);
    QSignalSpy sessions(
        MainWindowTestAccess::connection(*m_window), &ServerConnection::snapshotHandled);
    QTRY_VERIFY_WITH_TIMEOUT(sessions.count() >= 2, kPollTimeoutMs);
    QCOMPARE(files.count(), 0);
    m_window->showOpenFilesPage(true);
    QVERIFY(files.wait(kPollTimeoutMs));
}

void TestOpenFilesPage::filterNarrowsByPathAndUser()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(*m_window).size(), 8, kPollTimeoutMs);
    QLineEdit *filter = MainWindowTestAccess::filterField(*m_window);
    filter->setText(m_folder);
    QCOMPARE(MainWindowTestAccess::filesProxy(*m_window)->rowCount(), 8);
    filter->setText(QStringLiteral("JÜRGEN"));
    QVERIFY(MainWindowTestAccess::filesProxy(*m_window)->rowCount() >= 4);
    QCOMPARE(shownUsers(*m_window), QStringList {QStringLiteral("jürgen")});
    // The Sessions page keeps its own filter.
    m_window->showOpenFilesPage(false);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(),
        MainWindowTestAccess::model(*m_window)->rowCount());
    m_window->showOpenFilesPage(true);
    QCOMPARE(filter->text(), QStringLiteral("JÜRGEN"));
}

void TestOpenFilesPage::exportIsWhatSessionctlFilesWrites()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(*m_window).size(), 8, kPollTimeoutMs);
    MainWindowTestAccess::filterField(*m_window)->setText(m_folder);
    const SessionSortFilterProxyModel *proxy = MainWindowTestAccess::filesProxy(*m_window);
    QCOMPARE(proxy->rowCount(), 8);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto exportTo = [this](const QString &path) {
        MainWindowTestAccess::answerExportDialog(
            *m_window, [path](const QString &, QString *) { return path; });
        MainWindowTestAccess::action(*m_window, ConsoleActions::ExportAction)->trigger();
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray csv = exportTo(dir.filePath(QStringLiteral("files.csv")));
    const QByteArray json = exportTo(dir.filePath(QStringLiteral("files.json")));

    // sessionctl, asked for the files below the same folder, as the server names it.
    const QString local = proxy->index(0, 0).data(OpenFileTableModel::LocalPathRole).toString();
    const QString folder = local.left(local.lastIndexOf(QLatin1Char('\\')) + 1);
    const QStringList arguments {QStringLiteral("files"), QStringLiteral("--server"), m_lab.host(),
        QStringLiteral("--port"), QString::number(m_lab.port()), QStringLiteral("--logon-user"),
        m_lab.adminUser(), QStringLiteral("--password-file"), m_lab.passwordFile(m_lab.adminUser()),
        QStringLiteral("--path"), folder};
    const ProgramRun csvRun = runProgram(QStringLiteral(SC_SESSIONCTL_PATH),
        arguments + QStringList {QStringLiteral("--csv")},
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(csvRun.exitCode == 0, qPrintable(csvRun.describe()));
    const ProgramRun jsonRun = runProgram(QStringLiteral(SC_SESSIONCTL_PATH),
        arguments + QStringList {QStringLiteral("--json")},
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(jsonRun.exitCode == 0, qPrintable(jsonRun.describe()));

    // The same lines, byte for byte (the order is the view's, sessionctl's the server's).
    QList<QByteArray> ours = csv.split('\n');
    QList<QByteArray> theirs = csvRun.out.toUtf8().split('\n');
    QCOMPARE(ours.size(), 8 + 2);
    QCOMPARE(ours.takeFirst(), theirs.takeFirst());
    std::sort(ours.begin(), ours.end());
    std::sort(theirs.begin(), theirs.end());
    QCOMPARE(ours, theirs);

    // The same objects, with "server" and "level" around them.
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject listed = QJsonDocument::fromJson(jsonRun.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("server")).toString(), m_server);
    QCOMPARE(root.value(QStringLiteral("level")), listed.value(QStringLiteral("level")));
    const auto byId = [](const QJsonArray &files) {
        QMap<qint64, QJsonObject> out;
        for (const QJsonValue &f : files)
            out.insert(f.toObject().value(QStringLiteral("id")).toInteger(), f.toObject());
        return out;
    };
    const QMap<qint64, QJsonObject> exported = byId(root.value(QStringLiteral("files")).toArray());
    QCOMPARE(exported.size(), 8);
    QCOMPARE(exported, byId(listed.value(QStringLiteral("files")).toArray()));
}

void TestOpenFilesPage::drillDownFromSessionSaysItCannotTellTheSession()
{
    m_window->showOpenFilesPage(false);
    QTRY_VERIFY_WITH_TIMEOUT(
        proxyIndexOfSession(QStringLiteral("jürgen")).isValid(), kPollTimeoutMs);
    const QModelIndex session = proxyIndexOfSession(QStringLiteral("jürgen"));
    SessionView *view = MainWindowTestAccess::view(*m_window);
    view->selectionModel()->select(
        session, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    MainWindowTestAccess::showOpenFilesAction(*m_window)->trigger();

    QCOMPARE(MainWindowTestAccess::pages(*m_window)->currentWidget(),
        MainWindowTestAccess::filesPage(*m_window));
    QCOMPARE(MainWindowTestAccess::filesPage(*m_window)->userFilter(), QStringLiteral("jürgen"));
    QTRY_VERIFY_WITH_TIMEOUT(
        MainWindowTestAccess::filesProxy(*m_window)->rowCount() >= 4, kPollTimeoutMs);
    QCOMPARE(shownUsers(*m_window), QStringList {QStringLiteral("jürgen")});
    const QString text = MainWindowTestAccess::filesUserText(*m_window);
    QVERIFY2(text.contains(QLatin1String("has 2 sessions"))
            && text.contains(QLatin1String("does not say which session")),
        qPrintable(text));

    // And back: the sessions of the user of a file.
    MainWindowTestAccess::filesView(*m_window)->selectionModel()->select(
        MainWindowTestAccess::filesProxy(*m_window)->index(0, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    MainWindowTestAccess::showSessionsOfUserAction(*m_window)->trigger();
    QCOMPARE(MainWindowTestAccess::pages(*m_window)->currentWidget(),
        static_cast<QWidget *>(MainWindowTestAccess::page(*m_window)));
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 2);
}

void TestOpenFilesPage::drillDownFromDetailsDialog()
{
    m_window->showOpenFilesPage(false);
    QTRY_VERIFY_WITH_TIMEOUT(
        proxyIndexOfSession(QStringLiteral("alice")).isValid(), kPollTimeoutMs);
    SessionDetailsDialog *dialog = MainWindowTestAccess::showDetails(
        *m_window, proxyIndexOfSession(QStringLiteral("alice")));
    QVERIFY(dialog);
    QVERIFY(dialog->openFilesButton()->isEnabled());
    dialog->openFilesButton()->click();
    QCOMPARE(MainWindowTestAccess::filesPage(*m_window)->userFilter(), QStringLiteral("alice"));
    QTRY_VERIFY_WITH_TIMEOUT(
        MainWindowTestAccess::filesProxy(*m_window)->rowCount() >= 2, kPollTimeoutMs);
    QCOMPARE(shownUsers(*m_window), QStringList {QStringLiteral("alice")});
    // One session: nothing to be unsure about.
    QVERIFY(!MainWindowTestAccess::filesUserText(*m_window).contains(QLatin1String("session")));
    dialog->close();
}

void TestOpenFilesPage::closeOneFileAfterConfirmation()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(*m_window).size(), 8, kPollTimeoutMs);
    QString target;
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        if (it.value() == QStringLiteral("josé"))
            target = it.key();
    }
    const QModelIndex index = proxyIndexOfFile(*m_window, target);
    QVERIFY(index.isValid());
    const quint32 id = index.data(OpenFileTableModel::IdRole).toUInt();
    const QString shownPath = index.data().toString();
    MainWindowTestAccess::filesView(*m_window)->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QMessageBox *box = MainWindowTestAccess::filesPage(*m_window)->confirmCloseSelected();
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(shownPath), qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(QStringLiteral("josé")));
    QVERIFY(box->informativeText().contains(QLatin1String("not saved may be lost")));
    auto *close = box->findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(close);
    QSignalSpy reported(MainWindowTestAccess::filesPage(*m_window), &OpenFilesPage::closeReported);
    close->click();
    QVERIFY(reported.wait(kPollTimeoutMs));
    const auto reports = reported.at(0).at(0).value<QList<FileCloseReport>>();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports[0].id, id);
    QCOMPARE(int(reports[0].outcome), int(sc::FileCloseOutcome::Closed));
    QCOMPARE(MainWindowTestAccess::messageText(*m_window), QStringLiteral("Closed 1 open file."));

    // Gone from the server and the list; the other seven stay.
    QMap<QString, QString> rest = m_expected;
    rest.remove(target);
    QTRY_COMPARE_WITH_TIMEOUT(heldFiles(), QStringList(rest.keys()), kPollTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(*m_window), rest, kPollTimeoutMs);

    const QList<QJsonObject> audit = auditLines();
    QVERIFY(!audit.isEmpty());
    const std::optional<AuditRecord> record = AuditRecord::fromJson(audit.last());
    QVERIFY(record);
    QCOMPARE(record->action, AuditRecord::kActionCloseFile);
    QCOMPARE(record->fileId, id);
    QCOMPARE(record->user, QStringLiteral("josé"));
    QCOMPARE(Lab::localPathOf(record->path), target);
    QCOMPARE(record->account, m_lab.adminUser());
    QVERIFY(record->ok);
    m_expected = rest;
}

void TestOpenFilesPage::viewerIsRefusedAndNothingChanges()
{
    MainWindow viewer;
    viewer.setRefreshInterval(2);
    viewer.connectToServer(m_server, m_lab.optionsFor(m_lab.viewerUser()));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(listedFiles(viewer), m_expected, kPollTimeoutMs);
    const int auditBefore = int(auditLines().size());

    const QString target = m_expected.firstKey();
    const QModelIndex index = proxyIndexOfFile(viewer, target);
    QVERIFY(index.isValid());
    MainWindowTestAccess::filesView(viewer)->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMessageBox *box = MainWindowTestAccess::filesPage(viewer)->confirmCloseSelected();
    QVERIFY(box);
    QSignalSpy reported(MainWindowTestAccess::filesPage(viewer), &OpenFilesPage::closeReported);
    box->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    QVERIFY(reported.wait(kPollTimeoutMs));
    const auto reports = reported.at(0).at(0).value<QList<FileCloseReport>>();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(int(reports[0].outcome), int(sc::FileCloseOutcome::Failed));
    const QString message = MainWindowTestAccess::messageText(viewer);
    QVERIFY2(message.startsWith(QLatin1String("Access denied: closing open files needs "
                                              "administrator rights")),
        qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("Closed")), qPrintable(message));

    QCOMPARE(heldFiles(), QStringList(m_expected.keys()));
    QSignalSpy files(MainWindowTestAccess::connection(viewer), &ServerConnection::openFilesReady);
    QVERIFY(files.wait(kPollTimeoutMs));
    QCOMPARE(listedFiles(viewer), m_expected);
    const QList<QJsonObject> audit = auditLines();
    QCOMPARE(int(audit.size()), auditBefore + 1);
    const std::optional<AuditRecord> record = AuditRecord::fromJson(audit.last());
    QVERIFY(record);
    QCOMPARE(record->action, AuditRecord::kActionCloseFile);
    QVERIFY(!record->ok);
    QCOMPARE(record->errorKind, QStringLiteral("access-denied"));
    QCOMPARE(record->account, m_lab.viewerUser());
}

QTEST_MAIN(TestOpenFilesPage)
#include "tst_openfilespage.moc"
