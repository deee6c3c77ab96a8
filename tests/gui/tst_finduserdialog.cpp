// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Find User… in the real window over three scripted servers: one answers at once, one
// is slow (held until the test lets it answer) and one fails. The results show each answer as
// it arrives, the summary counts exactly, and a double-click selects the session in the main
// table.
#include "fakesessionapi.h"
#include "finduserdialog.h"
#include "findusermodel.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "sessionapi.h"
#include "sessionerrortext.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "testsettings.h"
#include "watchedservers.h"

#include <QLineEdit>
#include <QMutex>
#include <QTreeView>
#include <QWaitCondition>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 15000;

/// Holds every listing of a server while closed, as a server that answers slowly.
struct Gate
{
    QMutex mutex;
    QWaitCondition changed;
    bool open = true;
    int held = 0; ///< listings waiting right now

    void setOpen(bool value)
    {
        QMutexLocker lock(&mutex);
        open = value;
        changed.wakeAll();
    }
    bool waitHeld(int msecs)
    {
        QMutexLocker lock(&mutex);
        QDeadlineTimer deadline(msecs);
        while (held == 0) {
            if (!changed.wait(&mutex, deadline))
                return held > 0;
        }
        return true;
    }
};

class SlowSessionApi : public FakeSessionApi
{
public:
    SlowSessionApi(std::shared_ptr<FakeServer> server, std::shared_ptr<Gate> gate)
        : FakeSessionApi(std::move(server))
        , m_gate(std::move(gate))
    {
    }

protected:
    sc::Result<Page> enumeratePage(const std::u16string *client, const std::u16string *user,
        sc::InfoLevel level, std::uint32_t resumeHandle) override
    {
        {
            QMutexLocker lock(&m_gate->mutex);
            ++m_gate->held;
            m_gate->changed.wakeAll();
            while (!m_gate->open)
                m_gate->changed.wait(&m_gate->mutex);
            --m_gate->held;
        }
        return FakeSessionApi::enumeratePage(client, user, level, resumeHandle);
    }

private:
    std::shared_ptr<Gate> m_gate;
};

} // namespace

class TestFindUserDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        useOwnEmptySettings(QStringLiteral("tst_finduserdialog"));
        sc::SessionApi::clearLevelCache();
        m_a = std::make_shared<FakeServer>();
        m_a->sessions = {
            session(u"PC-A1", u"alice", 3, 400, 90),
            session(u"PC-B1", u"bob", 1, 500, 10),
            session(u"PC-A2", u"ALICE", 0, 100, 5),
        };
        m_slow = std::make_shared<FakeServer>();
        m_slow->sessions = {
            session(u"PC-C1", u"carl", 2, 90, 75),
            session(u"PC-S1", u"Alice", 4, 30, 0),
        };
        m_down = std::make_shared<FakeServer>();
        m_down->failure = sc::SessionError::local(sc::ErrorKind::ConnectionRefused);
        m_gate = std::make_shared<Gate>();
        auto a = m_a;
        auto slow = m_slow;
        auto down = m_down;
        auto gate = m_gate;
        m_window = std::make_unique<MainWindow>(
            [a, slow, down, gate](
                const sc::ConnectionOptions &o) -> std::unique_ptr<sc::SessionApi> {
                if (o.host == "fs-slow")
                    return std::make_unique<SlowSessionApi>(slow, gate);
                return std::make_unique<FakeSessionApi>(o.host == "fs-down" ? down : a);
            });
        m_window->setRefreshInterval(0); // polls only when asked
        const sc::ConnectionOptions logon = MainWindowTestAccess::helpdeskLogon();
        m_window->connectToServer(QStringLiteral("fs-a"), logon);
        m_window->watchServer(QStringLiteral("fs-slow"), logon);
        m_window->watchServer(QStringLiteral("fs-down"), logon);
        m_window->showServer(nullptr);
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(
            MainWindowTestAccess::model(*m_window)->rowCount(), 5, kTimeoutMs);
        ServerConnection *downConnection
            = m_window->watchedServers()->find(QStringLiteral("fs-down"));
        QVERIFY(downConnection);
        QTRY_VERIFY_WITH_TIMEOUT(downConnection->status().isStale(), kTimeoutMs);
    }

    void cleanup()
    {
        // A held listing would keep its worker thread from ending.
        m_gate->setOpen(true);
        m_window.reset();
    }

    void shortcutIsCtrlShiftF()
    {
        QAction *action = MainWindowTestAccess::action(*m_window, ConsoleActions::FindUserAction);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        // No other action of the window has it.
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        for (const QAction *other : actions) {
            if (other != action)
                QVERIFY(!other->shortcuts().contains(action->shortcut()));
        }
    }

    // fs-a and fs-down answer while fs-slow is held: their results are shown at once, fs-slow
    // is still being asked (its rows in the main table are from before Find, no answer).
    void showsAnswersAsTheyArrive()
    {
        m_gate->setOpen(false);
        MainWindowTestAccess::action(*m_window, ConsoleActions::FindUserAction)->trigger();
        FindUserDialog *dialog = MainWindowTestAccess::findUserDialog(*m_window);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QLineEdit *field = MainWindowTestAccess::findUserField(*dialog);
        field->setText(QStringLiteral(" alice "));
        QTest::keyClick(field, Qt::Key_Return);

        FindUserModel *model = dialog->model();
        QCOMPARE(model->user(), QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(
            model->state(QStringLiteral("fs-a")), FindUserModel::State::Answered, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            model->state(QStringLiteral("fs-down")), FindUserModel::State::Failed, kTimeoutMs);
        QVERIFY(m_gate->waitHeld(kTimeoutMs));
        QCOMPARE(model->state(QStringLiteral("fs-slow")), FindUserModel::State::Asking);
        QCOMPARE(MainWindowTestAccess::findUserSummary(*dialog),
            QStringLiteral(
                "alice: 2 session(s) on 1 of 3 server(s); 1 server(s) failed; 1 still asking"));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(cells(model, 0), (QStringList {"fs-a", "alice", "PC-A1", "3"}));
        QCOMPARE(cells(model, 1), (QStringList {"fs-a", "ALICE", "PC-A2", "0"}));
        QCOMPARE(cells(model, 2), (QStringList {"fs-slow", "Asking…", "", ""}));
        QCOMPARE(model->index(3, FindUserModel::User).data().toString(),
            SessionErrorText::text(*m_down->failure, 0, SessionErrorText::Operation::List));
        QCOMPARE(model->index(0, FindUserModel::ConnectedTime).data().toString(),
            QStringLiteral("0:06:40"));

        m_gate->setOpen(true);
        QTRY_COMPARE_WITH_TIMEOUT(
            model->state(QStringLiteral("fs-slow")), FindUserModel::State::Answered, kTimeoutMs);
        QCOMPARE(MainWindowTestAccess::findUserSummary(*dialog),
            QStringLiteral("alice: 3 session(s) on 2 of 3 server(s); 1 server(s) failed"));
        QCOMPARE(cells(model, 2), (QStringList {"fs-slow", "Alice", "PC-S1", "4"}));

        // Open, the results follow the servers' next answers, in place.
        const QPersistentModelIndex slowRow = model->index(2, 0);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        {
            QMutexLocker lock(&m_slow->mutex);
            m_slow->sessions[1].openCount = 9;
        }
        m_window->watchedServers()->find(QStringLiteral("fs-slow"))->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(
            model->index(2, FindUserModel::OpenFiles).data().toString(), "9", kTimeoutMs);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(slowRow.row(), 2);
    }

    // A double-click on a result shows every server, clears the filter that hid the session,
    // and selects it in the main table.
    void doubleClickSelectsTheSession()
    {
        ServerConnection *a = m_window->watchedServers()->find(QStringLiteral("fs-a"));
        ServerConnection *slow = m_window->watchedServers()->find(QStringLiteral("fs-slow"));
        m_window->showServer(a);
        MainWindowTestAccess::filterField(*m_window)->setText(QStringLiteral("bob"));
        QCOMPARE(MainWindowTestAccess::proxy(*m_window)->rowCount(), 1);

        FindUserDialog *dialog = m_window->showFindUser();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->find(QStringLiteral("alice"));
        FindUserModel *model = dialog->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->serverCount(FindUserModel::State::Asking), 0, kTimeoutMs);
        QCOMPARE(model->keyOfRow(2) != 0, true);
        QCOMPARE(model->serverOfRow(2), QStringLiteral("fs-slow"));

        QTreeView *results = MainWindowTestAccess::findUserResults(*dialog);
        const QRect rect = results->visualRect(model->index(2, FindUserModel::User));
        QVERIFY(rect.isValid());
        QSignalSpy activated(dialog, &FindUserDialog::sessionActivated);
        // A double-click is a click and then the double-click event (QTest's mouseDClick
        // sends no press of its own on Qt 6.4).
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.count(), 1);

        QCOMPARE(m_window->shownServer(), nullptr);
        QCOMPARE(MainWindowTestAccess::filterField(*m_window)->text(), QString());
        SessionView *view = MainWindowTestAccess::view(*m_window);
        const QModelIndex current = view->currentIndex();
        QVERIFY(current.isValid());
        const QModelIndex source = MainWindowTestAccess::proxy(*m_window)->mapToSource(current);
        SessionTableModel *table = MainWindowTestAccess::model(*m_window);
        QCOMPARE(table->serverOfRow(source.row()), slow);
        QCOMPARE(table->row(source.row()).user, QStringLiteral("Alice"));
        QCOMPARE(table->row(source.row()).key, model->keyOfRow(2));
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->selectionModel()->selectedRows().constFirst().row(), current.row());

        // Go to Session does the same for the current result; a state row is no session.
        results->setCurrentIndex(model->index(3, 0)); // fs-down: failed
        QVERIFY(!MainWindowTestAccess::goToSessionButton(*dialog)->isEnabled());
        results->setCurrentIndex(model->index(0, 0));
        QVERIFY(MainWindowTestAccess::goToSessionButton(*dialog)->isEnabled());
        MainWindowTestAccess::goToSessionButton(*dialog)->click();
        const QModelIndex first
            = MainWindowTestAccess::proxy(*m_window)->mapToSource(view->currentIndex());
        QCOMPARE(table->serverOfRow(first.row()), a);
        QCOMPARE(table->row(first.row()).client, QStringLiteral("PC-A1"));
    }

    // A connection given another server while the question is open: the results follow it,
    // the old server's state goes, and the new server is asked.
    void followsAConnectionToItsNewServer()
    {
        FindUserDialog *dialog = m_window->showFindUser();
        dialog->find(QStringLiteral("alice"));
        FindUserModel *model = dialog->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->serverCount(FindUserModel::State::Asking), 0, kTimeoutMs);
        QCOMPARE(model->state(QStringLiteral("fs-down")), FindUserModel::State::Failed);

        ServerConnection *down = m_window->watchedServers()->find(QStringLiteral("fs-down"));
        sc::ConnectionOptions options = MainWindowTestAccess::helpdeskLogon();
        options.host = "fs-b";
        down->connectTo(QStringLiteral("fs-b"), options);
        QTRY_COMPARE_WITH_TIMEOUT(
            model->state(QStringLiteral("fs-b")), FindUserModel::State::Answered, kTimeoutMs);
        QCOMPARE(model->serverCount(), 3);
        QStringList servers;
        for (int row = 0; row < model->rowCount(); ++row)
            servers.append(model->serverOfRow(row));
        QVERIFY2(!servers.contains(QStringLiteral("fs-down")), qPrintable(servers.join(u',')));
        QCOMPARE(MainWindowTestAccess::findUserSummary(*dialog),
            QStringLiteral("alice: 5 session(s) on 3 of 3 server(s)"));
    }

private:
    static QStringList cells(const FindUserModel *model, int row)
    {
        QStringList texts;
        for (int c : {FindUserModel::Server, FindUserModel::User, FindUserModel::Client,
                 FindUserModel::OpenFiles})
            texts.append(model->index(row, c).data().toString());
        return texts;
    }

    std::shared_ptr<FakeServer> m_a;
    std::shared_ptr<FakeServer> m_slow;
    std::shared_ptr<FakeServer> m_down;
    std::shared_ptr<Gate> m_gate;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestFindUserDialog)
#include "tst_finduserdialog.moc"
