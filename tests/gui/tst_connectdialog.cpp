// SPDX-License-Identifier: GPL-3.0-or-later
// "Connect as…": a masked password that does not outlive the dialog, and Kerberos instead.
#include "connectdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

class TestConnectDialog : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *field(ConnectDialog &d, const char *name)
    {
        return d.findChild<QLineEdit *>(QLatin1String(name));
    }
    static QPushButton *okButton(ConnectDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void passwordIsMasked()
    {
        ConnectDialog dialog;
        QCOMPARE(field(dialog, "password")->echoMode(), QLineEdit::Password);
        QVERIFY(field(dialog, "password")->inputMethodHints() & Qt::ImhSensitiveData);
    }

    void returnsWhatWasTyped()
    {
        ConnectDialog dialog;
        dialog.setServer(QStringLiteral("files01"));
        dialog.setDomain(QStringLiteral("CORP"));
        dialog.show();
        QVERIFY(!okButton(dialog)->isEnabled()); // no user yet
        QTest::keyClicks(field(dialog, "user"), QStringLiteral(" helpdesk "));
        QVERIFY(okButton(dialog)->isEnabled());
        // keyClicks() only types ASCII; insert() stands for typing the rest.
        field(dialog, "password")->insert(QStringLiteral("pässwörd"));
        QCOMPARE(dialog.domain(), QStringLiteral("CORP"));
        QCOMPARE(dialog.user(), QStringLiteral("helpdesk"));
        QCOMPARE(dialog.password(), QStringLiteral("pässwörd"));
        QVERIFY(!dialog.useKerberos());
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // Still readable right after accept, for the caller to move it into a SecretString.
        QCOMPARE(dialog.password(), QStringLiteral("pässwörd"));
        dialog.clearPassword();
        QVERIFY(dialog.password().isEmpty());
    }

    void cancelForgetsThePassword()
    {
        ConnectDialog dialog;
        dialog.setUser(QStringLiteral("helpdesk"));
        dialog.show();
        QTest::keyClicks(field(dialog, "password"), QStringLiteral("secret"));
        dialog.reject();
        QVERIFY(dialog.password().isEmpty());
    }

    void kerberosNeedsNoPassword()
    {
        ConnectDialog dialog;
        dialog.show();
        QVERIFY(!okButton(dialog)->isEnabled());
        dialog.findChild<QCheckBox *>(QStringLiteral("kerberos"))->click();
        QVERIFY(dialog.useKerberos());
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!field(dialog, "password")->isEnabled());
        QVERIFY(!field(dialog, "user")->isEnabled());
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
