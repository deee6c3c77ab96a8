// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export on the real window over a scripted server: the rows shown (filter and sort
// respected) with sessionctl's keys, as CSV and JSON, from both pages; a file that cannot be
// written loses nothing.
#include "fakeserverwindow.h"
#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "openfilespage.h"
#include "openfiletablemodel.h"
#include "sessionapi.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

sc::OpenFileInfo file(std::uint32_t id, std::u16string path, std::u16string user,
    std::uint32_t permissions, std::uint32_t locks)
{
    sc::OpenFileInfo f = fakeOpenFile(id, std::move(path), std::move(user));
    f.permissions = permissions;
    f.lockCount = locks;
    return f;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestConsoleExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void actionNeedsRowsShown();
    void sessionsAsCsv();
    void sessionsAsJson();
    void formatFollowsTheChosenFilter();
    void idleTimeNotReportedIsNull();
    void openFilesAsCsvAndJson();
    void unwritablePathSaysWhyAndKeepsEverything();

private:
    /// Exports through File > Export, the dialog answered with @p path (and @p filter).
    void exportTo(const QString &path, const QString &filter = QStringLiteral("CSV (*.csv)"));

    std::shared_ptr<FakeServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_suggested;
};

void TestConsoleExport::init()
{
    useOwnEmptySettings(QStringLiteral("tst_consoleexport"));
    m_server = std::make_shared<FakeServer>();
    m_server->sessions = {
        session(u"PC-ANNA", u"anna", 3, 40000, 9 * 3600),
        // A comma and a quote: quoted as RFC 4180 says, as sessionctl does.
        session(u"PC-BERT", u"bert \"b\", jr", 12, 50000, 10 * 3600, sc::kSessNoEncryption),
        session(u"PC-CARL", u"carl", 0, 100, 5),
        session(u"10.9.9.9", u"helpdesk", 1, 30, 0),
    };
    auto files = std::make_shared<FakeFiles>();
    files->files = {
        file(11, u"C:\\lab\\datos\\Año.txt", u"anna", sc::kPermFileRead, 0),
        file(12, u"C:\\lab\\datos\\Größe, neu.txt", u"bert", sc::kPermFileRead | sc::kPermFileWrite,
            2),
        file(13, u"C:\\lab\\datos\\carl.txt", u"carl", sc::kPermFileWrite, 1),
    };
    m_window = FakeServerWindow::open(FakeServerWindow::filesOf(m_server, files));
    QTRY_COMPARE_WITH_TIMEOUT(MainWindowTestAccess::model(*m_window)->rowCount(), 4, kTimeoutMs);
    QVERIFY(m_dir.isValid());
    m_suggested.clear();
}

void TestConsoleExport::cleanup()
{
    m_window.reset();
}

void TestConsoleExport::exportTo(const QString &path, const QString &filter)
{
    MainWindowTestAccess::answerExportDialog(
        *m_window, [this, path, filter](const QString &suggested, QString *chosen) {
            m_suggested = suggested;
            *chosen = filter;
            return path;
        });
    QAction *action = MainWindowTestAccess::action(*m_window, ConsoleActions::ExportAction);
    QVERIFY(action->isEnabled());
    action->trigger();
}

void TestConsoleExport::actionNeedsRowsShown()
{
    QAction *action = MainWindowTestAccess::action(*m_window, ConsoleActions::ExportAction);
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("nobody"));
    QTRY_VERIFY(!action->isEnabled());
    MainWindowTestAccess::filterField(*m_window)->clear();
    QTRY_VERIFY(action->isEnabled());
}

void TestConsoleExport::sessionsAsCsv()
{
    // Shown: three of four rows, by user descending.
    MainWindowTestAccess::view(*m_window)->sortByColumn(
        SessionTableModel::User, Qt::DescendingOrder);
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("pc-"));
    QTRY_COMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 3);
    const QString path = m_dir.filePath(QStringLiteral("sessions.csv"));
    exportTo(path);

    QVERIFY(m_suggested.endsWith(QStringLiteral(".csv")));
    QVERIFY2(QFileInfo(m_suggested).fileName().startsWith(QStringLiteral("sessions-fake-server-")),
        qPrintable(m_suggested));
    const QByteArray csv = readFile(path);
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, the empty rest after the last line end
    QVERIFY(csv.endsWith("\r\n"));
    // sessionctl's header of level 1 over several servers, and its fields (the durations grow
    // while the test runs, so they are checked as numbers).
    QCOMPARE(lines[0],
        QByteArray("server,client,user,openCount,connectedSeconds,idleSeconds,userFlags,guest,"
                   "plainTextPassword\r"));
    QVERIFY2(lines[1].startsWith("fake-server,PC-CARL,carl,0,"), lines[1].constData());
    QVERIFY2(lines[2].startsWith("fake-server,PC-BERT,\"bert \"\"b\"\", jr\",12,5"),
        lines[2].constData());
    QVERIFY2(lines[2].endsWith(",2,false,true\r"), lines[2].constData());
    QVERIFY2(lines[3].startsWith("fake-server,PC-ANNA,anna,3,4"), lines[3].constData());
    QVERIFY2(lines[3].endsWith(",0,false,false\r"), lines[3].constData());
    const QList<QByteArray> anna = lines[3].split(',');
    QVERIFY(anna[4].toInt() >= 40000 && anna[4].toInt() < 40000 + 60);
    QVERIFY(anna[5].toInt() >= 9 * 3600 && anna[5].toInt() < 9 * 3600 + 60);
    QVERIFY2(MainWindowTestAccess::messageText(*m_window).contains(QStringLiteral("Exported 3 ")),
        qPrintable(MainWindowTestAccess::messageText(*m_window)));
}

void TestConsoleExport::sessionsAsJson()
{
    MainWindowTestAccess::view(*m_window)->sortByColumn(
        SessionTableModel::User, Qt::AscendingOrder);
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("a"));
    QTRY_COMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 2); // anna, carl
    const QString path = m_dir.filePath(QStringLiteral("sessions.json"));
    exportTo(path);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("server")).toString(), QStringLiteral("fake-server"));
    QCOMPARE(root.value(QStringLiteral("level")).toInt(), 1);
    const QJsonArray sessions = root.value(QStringLiteral("sessions")).toArray();
    QCOMPARE(sessions.size(), 2);
    QStringList users;
    for (const QJsonValue &v : sessions)
        users << v.toObject().value(QStringLiteral("user")).toString();
    QCOMPARE(users, (QStringList {QStringLiteral("anna"), QStringLiteral("carl")}));
    const QJsonObject anna = sessions.at(0).toObject();
    // sessionctl's keys, and "server" as over several servers.
    QStringList keys = anna.keys();
    keys.sort();
    QCOMPARE(keys,
        (QStringList {QStringLiteral("client"), QStringLiteral("clientType"),
            QStringLiteral("connectedSeconds"), QStringLiteral("guest"),
            QStringLiteral("idleSeconds"), QStringLiteral("level"), QStringLiteral("openCount"),
            QStringLiteral("plainTextPassword"), QStringLiteral("server"),
            QStringLiteral("transport"), QStringLiteral("user"), QStringLiteral("userFlags")}));
    // Values, not shown texts: numbers are numbers, null what level 1 does not carry.
    QVERIFY(anna.value(QStringLiteral("openCount")).isDouble());
    QCOMPARE(anna.value(QStringLiteral("openCount")).toInt(), 3);
    QVERIFY(anna.value(QStringLiteral("idleSeconds")).toInt() >= 9 * 3600);
    QCOMPARE(anna.value(QStringLiteral("guest")), QJsonValue(false));
    QVERIFY(anna.value(QStringLiteral("clientType")).isNull());
    QCOMPARE(anna.value(QStringLiteral("server")).toString(), QStringLiteral("fake-server"));
    QCOMPARE(anna.value(QStringLiteral("level")).toInt(), 1);
}

void TestConsoleExport::formatFollowsTheChosenFilter()
{
    // No suffix typed: the chosen filter decides the format, and the name is kept as given.
    const QString path = m_dir.filePath(QStringLiteral("listing"));
    exportTo(path, QStringLiteral("JSON (*.json)"));
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path));
    QCOMPARE(doc.object().value(QStringLiteral("sessions")).toArray().size(), 4);
}

void TestConsoleExport::idleTimeNotReportedIsNull()
{
    // As Samba: idle 0 for everyone, while others have been connected for minutes.
    {
        QMutexLocker lock(&m_server->mutex);
        for (sc::SessionInfo &s : m_server->sessions)
            s.idleSeconds = 0;
    }
    QSignalSpy shown(m_window.get(), &MainWindow::snapshotShown);
    MainWindowTestAccess::action(*m_window, ConsoleActions::RefreshAction)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeoutMs);
    QVERIFY(MainWindowTestAccess::model(*m_window)->idleTimeUnreported());

    const QString jsonPath = m_dir.filePath(QStringLiteral("idle.json"));
    exportTo(jsonPath);
    const QJsonArray sessions = QJsonDocument::fromJson(readFile(jsonPath))
                                    .object()
                                    .value(QStringLiteral("sessions"))
                                    .toArray();
    QCOMPARE(sessions.size(), 4);
    for (const QJsonValue &v : sessions) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.contains(QStringLiteral("idleSeconds")));
        QVERIFY(o.value(QStringLiteral("idleSeconds")).isNull());
        QVERIFY(o.value(QStringLiteral("connectedSeconds")).isDouble());
    }

    // CSV: an empty field, as sessionctl writes it.
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("carl"));
    QTRY_COMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);
    const QString csvPath = m_dir.filePath(QStringLiteral("idle.csv"));
    exportTo(csvPath);
    const QList<QByteArray> lines = readFile(csvPath).split('\n');
    QCOMPARE(lines.size(), 3);
    const QList<QByteArray> carl = lines[1].split(',');
    QCOMPARE(carl.size(), 9);
    QVERIFY(carl[4].toInt() >= 100);
    QCOMPARE(carl[5], QByteArray());
}

void TestConsoleExport::openFilesAsCsvAndJson()
{
    m_window->showOpenFilesPage(true);
    QTRY_COMPARE_WITH_TIMEOUT(
        MainWindowTestAccess::filesModel(*m_window)->rowCount(), 3, kTimeoutMs);
    MainWindowTestAccess::filesView(*m_window)->sortByColumn(
        OpenFileTableModel::FileId, Qt::DescendingOrder);
    MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("r"));
    QTRY_COMPARE(MainWindowTestAccess::filesProxy(*m_window)->rowCount(), 2); // bert, carl

    const QString csvPath = m_dir.filePath(QStringLiteral("files.csv"));
    exportTo(csvPath);
    QVERIFY2(
        QFileInfo(m_suggested).fileName().startsWith(QStringLiteral("open-files-fake-server-")),
        qPrintable(m_suggested));
    // sessionctl files --csv, byte for byte; UTF-8.
    QCOMPARE(readFile(csvPath),
        QStringLiteral("id,path,user,locks,permissions\r\n"
                       "13,C:\\lab\\datos\\carl.txt,carl,1,write\r\n"
                       "12,\"C:\\lab\\datos\\Größe, neu.txt\",bert,2,read write\r\n")
            .toUtf8());

    const QString jsonPath = m_dir.filePath(QStringLiteral("files.json"));
    exportTo(jsonPath);
    const QJsonObject root = QJsonDocument::fromJson(readFile(jsonPath)).object();
    QCOMPARE(root.value(QStringLiteral("server")).toString(), QStringLiteral("fake-server"));
    QCOMPARE(root.value(QStringLiteral("level")).toInt(), 3);
    const QJsonArray files = root.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject bert = files.at(1).toObject();
    QCOMPARE(bert.value(QStringLiteral("id")), QJsonValue(12));
    QCOMPARE(bert.value(QStringLiteral("path")).toString(),
        QStringLiteral("C:\\lab\\datos\\Größe, neu.txt"));
    QCOMPARE(bert.value(QStringLiteral("user")).toString(), QStringLiteral("bert"));
    QCOMPARE(bert.value(QStringLiteral("locks")), QJsonValue(2));
    QCOMPARE(bert.value(QStringLiteral("permissions")).toArray(),
        (QJsonArray {QStringLiteral("read"), QStringLiteral("write")}));
}

void TestConsoleExport::unwritablePathSaysWhyAndKeepsEverything()
{
    // A "directory" that is a file: refused also for root, who may write anywhere else.
    const QString notADirectory = m_dir.filePath(QStringLiteral("plain-file"));
    {
        QFile f(notADirectory);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kept");
    }
    const QString path = notADirectory + QStringLiteral("/sessions.csv");
    exportTo(path);

    QMessageBox *box = MainWindowTestAccess::exportErrorBox(*m_window);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Export Failed"));
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(path)), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("Nothing was changed")),
        qPrintable(box->informativeText()));
    QCOMPARE(readFile(notADirectory), QByteArray("kept"));
    QCOMPARE(MainWindowTestAccess::model(*m_window)->rowCount(), 4);
    QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 4);
    QVERIFY(MainWindowTestAccess::action(*m_window, ConsoleActions::ExportAction)->isEnabled());
    box->close();

    // The next export still works.
    const QString good = m_dir.filePath(QStringLiteral("after.csv"));
    exportTo(good);
    QCOMPARE(readFile(good).count('\n'), 5);
}

QTEST_MAIN(TestConsoleExport)
#include "tst_consoleexport.moc"
