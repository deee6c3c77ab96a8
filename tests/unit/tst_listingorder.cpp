// SPDX-License-Identifier: GPL-3.0-or-later
// The order of `sessionctl list`: by user, then client, then a fixed tie-break, whatever order
// the server answered in.
#include "listingorder.h"

#include <QString>
#include <QTest>

#include <algorithm>

using namespace sc;

namespace {

SessionInfo session(std::u16string client, std::u16string user, std::uint32_t connected)
{
    SessionInfo s;
    s.clientName = std::move(client);
    s.userName = std::move(user);
    s.connectedSeconds = connected;
    s.level = InfoLevel::Level1;
    return s;
}

QString describe(const SessionList &list)
{
    QStringList out;
    for (const SessionInfo &s : list) {
        out << QString::fromUtf16(s.userName.data(), qsizetype(s.userName.size()))
                + QLatin1Char('@')
                + QString::fromUtf16(s.clientName.data(), qsizetype(s.clientName.size()))
                + QLatin1Char('/') + QString::number(s.connectedSeconds);
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestListingOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsByUserThenClientThenAge()
    {
        const SessionList expected {session(u"pc1", u"alice", 90), session(u"pc1", u"alice", 30),
            session(u"PC2", u"Alice", 5), session(u"pc1", u"bob", 1),
            session(u"10.0.0.1", u"josé", 7), session(u"10.0.0.9", u"josé", 7)};
        SessionList shuffled = expected;
        // Every order the server might answer in gives the same output.
        std::sort(shuffled.begin(), shuffled.end(), [](const SessionInfo &a, const SessionInfo &b) {
            return a.connectedSeconds < b.connectedSeconds;
        });
        int orders = 0;
        do {
            SessionList sorted = shuffled;
            sortForListing(sorted);
            QCOMPARE(describe(sorted), describe(expected));
            ++orders;
        } while (std::next_permutation(shuffled.begin(), shuffled.end(),
                     [](const SessionInfo &a, const SessionInfo &b) {
                         return a.connectedSeconds < b.connectedSeconds;
                     })
            && orders < 200);
        QVERIFY(orders > 1);
    }
};

QTEST_APPLESS_MAIN(TestListingOrder)
#include "tst_listingorder.moc"
