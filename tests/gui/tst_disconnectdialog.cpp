// SPDX-License-Identifier: GPL-3.0-or-later
// The confirmation before NetSessionDel: what it lists, what it warns about, and that only an
// explicit click on Disconnect accepts it.
#include "disconnectdialog.h"
#include "languagemanager.h"

#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

using Target = DisconnectDialog::Target;

namespace {

Target target(const QString &client, const QString &user, quint32 openFiles, bool ownSession)
{
    return {.client = client,
        .user = user,
        .openFiles = openFiles,
        .ownSession = ownSession,
        .server = QString()};
}

} // namespace

class TestDisconnectDialog : public QObject
{
    Q_OBJECT
    LanguageManager m_language;

private Q_SLOTS:
    // The English catalogue holds the plural forms ("1 session", "5 sessions").
    void initTestCase() { m_language.setLanguage(QStringLiteral("en")); }

    void mergesRowsOfTheSameUserAndComputer()
    {
        const QList<Target> merged = DisconnectDialog::mergeTargets({
            target(QStringLiteral("10.0.0.5"), QStringLiteral("alice"), 2, false),
            target(QStringLiteral("10.0.0.6"), QStringLiteral("alice"), 1, false),
            target(QStringLiteral("10.0.0.5"), QStringLiteral("ALICE"), 3, true),
            target(QStringLiteral("10.0.0.5"), QStringLiteral("Jürgen"), 0, false),
            target(QStringLiteral("10.0.0.5"), QStringLiteral("JÜRGEN"), 4, false),
        });
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged[0].client, QStringLiteral("10.0.0.5"));
        QCOMPARE(merged[0].user, QStringLiteral("alice"));
        QCOMPARE(merged[0].openFiles, 5u);
        QVERIFY(merged[0].ownSession);
        QCOMPARE(merged[1].client, QStringLiteral("10.0.0.6"));
        QVERIFY(!merged[1].ownSession);
        QCOMPARE(merged[2].user, QStringLiteral("Jürgen"));
        QCOMPARE(merged[2].openFiles, 4u);
    }

    // One alice row selected, but NetSessionDel ends all five of her sessions from that
    // computer: the dialog says 5 sessions and their 15 files, not 1 and 3.
    void statesEverySessionThatEnds()
    {
        const QString pc = QStringLiteral("127.0.0.1");
        const QString alice = QStringLiteral("alice");
        QList<Target> all;
        for (int i = 0; i < 5; ++i)
            all.append(target(pc, i == 2 ? QStringLiteral("ALICE") : alice, 3, false));
        all.append(target(pc, QStringLiteral("bob"), 4, false));
        all.append(target(QStringLiteral("10.0.0.7"), alice, 9, false));
        const QList<Target> selected {target(pc, alice, 3, false)};

        DisconnectDialog dialog(DisconnectDialog::affectedRows(selected, all));
        QCOMPARE(dialog.targets().size(), 1);
        QCOMPARE(dialog.sessionCount(), 5u);
        QCOMPARE(dialog.openFileCount(), 15u);
        QCOMPARE(dialog.impactLabel()->text(),
            QStringLiteral("This ends 5 sessions and closes 15 open files."));
        QVERIFY(dialog.impactLabel()->isVisibleTo(&dialog));
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("targets"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("15"));
    }

    // Several users on one computer are users, not "clients"; singular where it is one.
    void countsUsersComputersAndSessions()
    {
        const QString pc = QStringLiteral("127.0.0.1");
        DisconnectDialog three({target(pc, QStringLiteral("alice"), 1, false),
            target(pc, QStringLiteral("bob"), 0, false),
            target(pc, QStringLiteral("josé"), 0, false)});
        QCOMPARE(three.userCount(), 3);
        QCOMPARE(three.computerCount(), 1);
        auto *question = three.findChild<QLabel *>(QStringLiteral("question"));
        QCOMPARE(question->text(), QStringLiteral("Disconnect 3 users on 1 computer?"));
        QCOMPARE(three.impactLabel()->text(),
            QStringLiteral("This ends 3 sessions and closes 1 open file."));

        DisconnectDialog two({target(pc, QStringLiteral("alice"), 0, false),
            target(QStringLiteral("10.0.0.7"), QStringLiteral("alice"), 0, false)});
        QCOMPARE(two.findChild<QLabel *>(QStringLiteral("question"))->text(),
            QStringLiteral("Disconnect 1 user on 2 computers?"));
        QCOMPARE(two.impactLabel()->text(),
            QStringLiteral("This ends 2 sessions and closes 0 open files."));
    }

    // The server's rule (sc::namesEqual), not Qt's case folding: dotless ı upper-cases to I,
    // so "yıldız" and "YILDIZ" are one user, on two computers, and one server.
    void countsNamesAsTheServerCompares()
    {
        DisconnectDialog dialog({{QStringLiteral("10.0.0.5"), QStringLiteral("yıldız"), 0, false, 1,
                                     QStringLiteral("fs1")},
            {QStringLiteral("10.0.0.6"), QStringLiteral("YILDIZ"), 0, false, 1,
                QStringLiteral("FS1")}});
        QCOMPARE(dialog.userCount(), 1);
        QCOMPARE(dialog.computerCount(), 2);
        QCOMPARE(dialog.servers(), QStringList {QStringLiteral("fs1")});
        QCOMPARE(dialog.sessionCount(QStringLiteral("FS1")), 2u);
    }

    void namesEachClientAndUser()
    {
        DisconnectDialog dialog(
            {target(QStringLiteral("10.0.0.5"), QStringLiteral("bob"), 7, false),
                target(QStringLiteral("10.0.0.9"), QStringLiteral("josé"), 0, false)});
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("targets"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("10.0.0.5"));
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("bob"));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("7"));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("josé"));
        // The warning that NetSessionDel ends more than the selected row, and about data.
        QString text;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            text += label->text() + QLatin1Char('\n');
        QVERIFY2(text.contains(QStringLiteral("All sessions of each user from that computer")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Unsaved data")));
    }

    void cancelIsTheDefault()
    {
        DisconnectDialog dialog(
            {target(QStringLiteral("10.0.0.5"), QStringLiteral("bob"), 1, false)});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.disconnectButton()->isDefault());
        QVERIFY(!dialog.disconnectButton()->autoDefault());
        // Enter must not end sessions.
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }

    void disconnectButtonAccepts()
    {
        DisconnectDialog dialog(
            {target(QStringLiteral("10.0.0.5"), QStringLiteral("bob"), 1, false)});
        dialog.show();
        dialog.disconnectButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void warnsOnlyAboutTheOwnSession()
    {
        DisconnectDialog plain(
            {target(QStringLiteral("10.0.0.5"), QStringLiteral("bob"), 1, false)});
        plain.show();
        QVERIFY(!plain.includesOwnSession());
        QVERIFY(!plain.ownSessionWarning()->isVisible());

        DisconnectDialog own({target(QStringLiteral("10.0.0.5"), QStringLiteral("bob"), 1, false),
            target(QStringLiteral("127.0.0.1"), QStringLiteral("admin"), 1, true)});
        own.show();
        QVERIFY(own.includesOwnSession());
        QVERIFY(own.ownSessionWarning()->isVisible());
        QVERIFY2(own.ownSessionWarning()->text().contains(QStringLiteral("own connection")),
            qPrintable(own.ownSessionWarning()->text()));
    }
};

QTEST_MAIN(TestDisconnectDialog)
#include "tst_disconnectdialog.moc"
