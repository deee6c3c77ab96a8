// SPDX-License-Identifier: GPL-3.0-or-later
// The watched servers kept in QSettings: order, an emptied list, and a hand-edited file.
#include "serverliststore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestServerListStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsTheOrder();
    void emptyListStaysEmpty();
    void nothingSaved();
    void handEditedListIsCleaned();

private:
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("console.ini")); }
    QTemporaryDir m_dir;
};

void TestServerListStore::roundTripKeepsTheOrder()
{
    const QStringList names {QStringLiteral("fs02"), QStringLiteral("fs01:1445"),
        QStringLiteral("[::1]:4450"), QString::fromUtf8("servidor-año")};
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ServerListStore::save(settings, names);
    }
    // Another QSettings object reads the file, as the next run does.
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ServerListStore::load(settings), names);
}

void TestServerListStore::emptyListStaysEmpty()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ServerListStore::save(settings, {QStringLiteral("fs01")});
        ServerListStore::save(settings, {});
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ServerListStore::load(settings), QStringList());
}

void TestServerListStore::nothingSaved()
{
    QSettings settings(m_dir.filePath(QStringLiteral("none.ini")), QSettings::IniFormat);
    QCOMPARE(ServerListStore::load(settings), QStringList());
}

void TestServerListStore::handEditedListIsCleaned()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("servers/watched"),
            QStringList(
                {QStringLiteral(" fs01 "), QStringLiteral("FS01"), QStringLiteral("not a name"),
                    QStringLiteral("fs02:99999"), QStringLiteral("\\\\fs03")}));
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ServerListStore::load(settings),
        QStringList({QStringLiteral("fs01"), QStringLiteral("fs03")}));
}

QTEST_GUILESS_MAIN(TestServerListStore)
#include "tst_serverliststore.moc"
