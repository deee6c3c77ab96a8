// SPDX-License-Identifier: GPL-3.0-or-later
// Server names as operators type or paste them, and the defaults a connection starts with.

#include "connectionoptions.h"

#include <QtTest>

class TestConnectionOptions : public QObject
{
    Q_OBJECT

private slots:
    void normalizedHost_data();
    void normalizedHost();
    void defaultsAreSafe();
    void copiesCarryThePassword();
};

void TestConnectionOptions::normalizedHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "fileserver"
                           << "fileserver";
    QTest::newRow("unc") << "\\\\fileserver"
                         << "fileserver";
    QTest::newRow("one backslash") << "\\fileserver"
                                   << "fileserver";
    QTest::newRow("blanks around") << "  \\\\fileserver \t"
                                   << "fileserver";
    QTest::newRow("blank after backslashes") << "\\\\ fileserver"
                                             << "fileserver";
    QTest::newRow("newline from a paste") << "fileserver.example.com\n"
                                          << "fileserver.example.com";
    QTest::newRow("address") << "\\\\127.0.0.1"
                             << "127.0.0.1";
    QTest::newRow("ipv6") << "::1"
                          << "::1";
    QTest::newRow("bracketed ipv6") << "[fe80::1]"
                                    << "fe80::1";
    QTest::newRow("inner blank kept") << "file server"
                                      << "file server";
    QTest::newRow("only backslashes") << "\\\\"
                                      << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("non-ascii") << "\\\\servidor-año"
                               << "servidor-año";
}

void TestConnectionOptions::normalizedHost()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::string in = input.toStdString();
    QCOMPARE(QString::fromStdString(sc::normalizedHost(in)), expected);
}

void TestConnectionOptions::defaultsAreSafe()
{
    const sc::ConnectionOptions o;
    QCOMPARE(o.port, std::uint16_t(445));
    QVERIFY(o.requireSigning);
    QVERIFY(!o.requireSealing);
    QVERIFY(!o.kerberos);
    QCOMPARE(o.connectTimeout.count(), 10000);
    QCOMPARE(o.callTimeout.count(), 10000);
    QVERIFY(o.password.empty());
}

void TestConnectionOptions::copiesCarryThePassword()
{
    sc::ConnectionOptions o;
    o.password = sc::SecretString(std::string("s3cret"));
    const sc::ConnectionOptions copy = o;
    QCOMPARE(QByteArray(copy.password.c_str()), QByteArray("s3cret"));
}

QTEST_APPLESS_MAIN(TestConnectionOptions)
#include "tst_connectionoptions.moc"
