// SPDX-License-Identifier: GPL-3.0-or-later
// One open file as `sessionctl files --json/--csv` and the console's File > Export write it.
#include "openfilerecord.h"

#include <QJsonArray>
#include <QtTest>

namespace {

sc::OpenFileInfo file(sc::FileInfoLevel level)
{
    sc::OpenFileInfo f;
    f.id = 4242;
    f.path = u"C:\\srv\\lab\\Año \"final\", v2.txt";
    f.userName = u"jürgen";
    f.permissions = sc::kPermFileRead | sc::kPermFileWrite | sc::kPermFileCreate;
    f.lockCount = 3;
    f.level = level;
    return f;
}

} // namespace

class TestOpenFileRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonOfLevel3()
    {
        const QJsonObject o = OpenFileRecord::toJson(file(sc::FileInfoLevel::Level3));
        QCOMPARE(o.keys(),
            (QStringList {QStringLiteral("id"), QStringLiteral("locks"), QStringLiteral("path"),
                QStringLiteral("permissions"), QStringLiteral("user")}));
        QCOMPARE(o.value(QStringLiteral("id")), QJsonValue(4242));
        QCOMPARE(o.value(QStringLiteral("path")).toString(),
            QStringLiteral("C:\\srv\\lab\\Año \"final\", v2.txt"));
        QCOMPARE(o.value(QStringLiteral("user")).toString(), QStringLiteral("jürgen"));
        QCOMPARE(o.value(QStringLiteral("locks")), QJsonValue(3));
        QCOMPARE(o.value(QStringLiteral("permissions")).toArray(),
            (QJsonArray {
                QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("create")}));
    }

    void jsonOfLevel2IsNullButTheId()
    {
        const QJsonObject o = OpenFileRecord::toJson(file(sc::FileInfoLevel::Level2));
        QCOMPARE(o.size(), 5);
        QCOMPARE(o.value(QStringLiteral("id")), QJsonValue(4242));
        for (const char *key : {"path", "user", "locks", "permissions"})
            QVERIFY2(o.value(QLatin1String(key)).isNull(), key);
    }

    void csv()
    {
        QCOMPARE(OpenFileRecord::csvHeader(), QStringLiteral("id,path,user,locks,permissions\r\n"));
        QCOMPARE(OpenFileRecord::csvLine(file(sc::FileInfoLevel::Level3)),
            QStringLiteral(
                "4242,\"C:\\srv\\lab\\Año \"\"final\"\", v2.txt\",jürgen,3,read write create\r\n"));
        QCOMPARE(OpenFileRecord::csvLine(file(sc::FileInfoLevel::Level2)),
            QStringLiteral("4242,,,,\r\n"));
        // The files of several servers: each line names its server first, quoted as needed.
        QCOMPARE(OpenFileRecord::csvHeader(true),
            QStringLiteral("server,id,path,user,locks,permissions\r\n"));
        const QString server = QStringLiteral("fs,01");
        QCOMPARE(OpenFileRecord::csvLine(file(sc::FileInfoLevel::Level2), &server),
            QStringLiteral("\"fs,01\",4242,,,,\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestOpenFileRecord)
#include "tst_openfilerecord.moc"
