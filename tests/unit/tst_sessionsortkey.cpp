// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsortkey.h"

#include <QTest>

#include <random>

namespace {

int sign(int value)
{
    return (value > 0) - (value < 0);
}

SessionRow rowWithUser(const QString &user, quint64 key)
{
    SessionRow row;
    row.user = user;
    row.client = QStringLiteral("pc");
    row.key = key;
    return row;
}

} // namespace

class tst_SessionSortKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void packedTextOrdersLikeTheFullComparison();
    void comparesCaseInsensitively();
    void durationsCompareAsDurations();
    void tiesBreakOnTheSessionKey();
};

// The packed prefix must never contradict the full comparison, whatever the script: ASCII,
// Latin, Greek, CJK (three UTF-8 bytes), surrogate pairs, long shared prefixes, and prefixes
// that end in the middle of a multi-byte unit.
void tst_SessionSortKey::packedTextOrdersLikeTheFullComparison()
{
    static const char16_t kUnits[] = {u'a', u'B', u'c', u'.', u'0', u'9', u'_', 0x00e9, 0x00c9,
        0x00df, 0x03a3, 0x03c3, 0x0416, 0x4e2d, 0x6587, 0xac00, 0xd83d, 0xde00, 0xffee, 0x0001};
    std::mt19937 random {2026};
    QStringList texts;
    for (int i = 0; i < 400; ++i) {
        QString text;
        // Shared stems make equal prefixes of every length common.
        if (i % 3 == 0)
            text = QStringLiteral("carol.long.name");
        else if (i % 3 == 1)
            text = QString::fromUtf16(u"中文名字");
        const int length = int(random() % 20);
        for (int u = 0; u < length; ++u)
            text.append(QChar(kUnits[random() % std::size(kUnits)]));
        texts.append(text);
    }
    texts.append(QString());
    for (int a = 0; a < texts.size(); ++a) {
        const SessionRow rowA = rowWithUser(texts[a], 1);
        const SessionSortKey keyA(rowA, SessionTableModel::User);
        for (int b = 0; b < texts.size(); ++b) {
            const SessionRow rowB = rowWithUser(texts[b], 2);
            const SessionSortKey keyB(rowB, SessionTableModel::User);
            const int expected = sign(SessionSortKey::compareText(texts[a], texts[b]));
            const std::optional<int> packed
                = SessionSortKey::comparePacked(keyA, keyB, SessionTableModel::User);
            if (packed && *packed != 0)
                QCOMPARE(sign(*packed), expected);
            QCOMPARE(sign(SessionSortKey::compare(keyA, rowA, keyB, rowB, SessionTableModel::User)),
                expected);
        }
    }
}

void tst_SessionSortKey::comparesCaseInsensitively()
{
    const SessionRow upper = rowWithUser(QString::fromUtf16(u"ÉMILE.DUPONT.LONGNAME"), 1);
    const SessionRow lower = rowWithUser(QString::fromUtf16(u"émile.dupont.longname"), 2);
    const SessionRow other = rowWithUser(QString::fromUtf16(u"émile.dupont.longnamf"), 3);
    const SessionSortKey u(upper, SessionTableModel::User);
    const SessionSortKey l(lower, SessionTableModel::User);
    const SessionSortKey o(other, SessionTableModel::User);
    QCOMPARE(SessionSortKey::compare(u, upper, l, lower, SessionTableModel::User), 0);
    QVERIFY(SessionSortKey::compare(u, upper, o, other, SessionTableModel::User) < 0);
    QVERIFY(SessionSortKey::compareStable(u, upper, l, lower, SessionTableModel::User) < 0);
}

void tst_SessionSortKey::durationsCompareAsDurations()
{
    SessionRow longer;
    longer.connectedSinceMs = 1'000'000;
    longer.idleSinceMs = 5'000'000;
    SessionRow shorter;
    shorter.connectedSinceMs = 2'000'000;
    shorter.idleSinceMs = 4'000'000;
    for (const auto column : {SessionTableModel::ConnectedTime, SessionTableModel::IdleTime}) {
        const SessionSortKey a(longer, column);
        const SessionSortKey b(shorter, column);
        const int expected = column == SessionTableModel::ConnectedTime ? 1 : -1;
        QCOMPARE(sign(SessionSortKey::compare(a, longer, b, shorter, column)), expected);
    }
}

void tst_SessionSortKey::tiesBreakOnTheSessionKey()
{
    SessionRow a = rowWithUser(QStringLiteral("same"), 7);
    SessionRow b = rowWithUser(QStringLiteral("same"), 3);
    a.openCount = b.openCount = 4;
    for (const auto column : {SessionTableModel::User, SessionTableModel::OpenFiles}) {
        const SessionSortKey ka(a, column);
        const SessionSortKey kb(b, column);
        QCOMPARE(SessionSortKey::compare(ka, a, kb, b, column), 0);
        QVERIFY(SessionSortKey::compareStable(ka, a, kb, b, column) > 0);
        QVERIFY(!(ka == kb));
    }
}

QTEST_MAIN(tst_SessionSortKey)
#include "tst_sessionsortkey.moc"
