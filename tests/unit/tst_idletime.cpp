// SPDX-License-Identifier: GPL-3.0-or-later
// The rule that tells a server which never reports idle time (Samba: always 0) from one whose
// sessions simply are busy.
#include "idletime.h"
#include "testrecords.h"

#include <QTest>

using namespace sc;

using TestRecords::sessionInfo;

Q_DECLARE_METATYPE(sc::SessionInfo)

namespace {

constexpr std::u16string_view kOwnAddress = u"10.0.0.2";
constexpr std::u16string_view kOwnUser = u"admin";

} // namespace

class TestIdleTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<QList<SessionInfo>>("sessions");
        QTest::addColumn<bool>("unreported");
        const SessionInfo own = sessionInfo(u"10.0.0.2", u"ADMIN", 0);
        QTest::newRow("all 0, another session 5 s old")
            << QList<SessionInfo> {own, sessionInfo(u"pc1", u"alice", 5)} << true;
        QTest::newRow("all 0, others only 4 s old")
            << QList<SessionInfo> {own, sessionInfo(u"pc1", u"alice", 4)} << false;
        QTest::newRow("one session reports idle time") << QList<SessionInfo> {own,
            sessionInfo(u"pc1", u"alice", 600), sessionInfo(u"pc2", u"bob", 60, 1)}
                                                       << false;
        QTest::newRow("only our own session, however old")
            << QList<SessionInfo> {sessionInfo(u"\\\\10.0.0.2", u"admin", 100)} << false;
        // Two sessions of our account from our computer: the younger is ours, the older one
        // has had time to be idle.
        QTest::newRow("an older session of our account")
            << QList<SessionInfo> {sessionInfo(u"10.0.0.2", u"admin", 10), own} << true;
        QTest::newRow("our account from another computer")
            << QList<SessionInfo> {own, sessionInfo(u"pc1", u"admin", 30)} << true;
        QTest::newRow("empty answer") << QList<SessionInfo> {} << false;
        QTest::newRow("level without times")
            << QList<SessionInfo> {sessionInfo(u"pc1", u"alice", 0, 0, 0, 0, InfoLevel::Level0),
                   sessionInfo(u"pc2", u"bob", 0, 0, 0, 0, InfoLevel::Level0)}
            << false;
    }

    void rule()
    {
        QFETCH(QList<SessionInfo>, sessions);
        QFETCH(bool, unreported);
        const SessionList list(sessions.cbegin(), sessions.cend());
        QCOMPARE(idleTimeUnreported(list, kOwnAddress, kOwnUser), unreported);
    }

    // With Kerberos the account is unknown: the youngest session from our address is ours.
    void unknownAccount()
    {
        const SessionList list {
            sessionInfo(u"10.0.0.2", u"someone", 0), sessionInfo(u"pc1", u"alice", 9)};
        QVERIFY(idleTimeUnreported(list, kOwnAddress, {}));
        const SessionList onlyOurs {sessionInfo(u"10.0.0.2", u"someone", 50)};
        QVERIFY(!idleTimeUnreported(onlyOurs, kOwnAddress, {}));
    }

    // Without our address nothing is left out, and the rule still holds for the rest.
    void unknownAddress()
    {
        const SessionList list {sessionInfo(u"pc1", u"alice", 9)};
        QVERIFY(idleTimeUnreported(list, {}, kOwnUser));
    }
};

QTEST_APPLESS_MAIN(TestIdleTime)
#include "tst_idletime.moc"
