// SPDX-License-Identifier: GPL-3.0-or-later
#include "packedsortkey.h"
#include "sessiontablemodel.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

namespace {

int sign(int value)
{
    return (value > 0) - (value < 0);
}

using Column = SessionTableModel::Column;

PackedSortKey keyOf(const SessionRow &row, Column column)
{
    return SessionTableModel::sortKeyOfRow(row, column);
}

// PackedSortKey::compare() / compareStable() as the proxy calls them: texts read lazily.
int compare(const PackedSortKey &a, const SessionRow &rowA, const PackedSortKey &b,
    const SessionRow &rowB, Column column)
{
    return PackedSortKey::compare(
        a, [&] { return SessionTableModel::sortTextOfRow(rowA, column); }, b,
        [&] { return SessionTableModel::sortTextOfRow(rowB, column); });
}

int compareStable(const PackedSortKey &a, const SessionRow &rowA, const PackedSortKey &b,
    const SessionRow &rowB, Column column)
{
    return PackedSortKey::compareStable(
        a, [&] { return SessionTableModel::sortTextOfRow(rowA, column); }, b,
        [&] { return SessionTableModel::sortTextOfRow(rowB, column); });
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

class tst_PackedSortKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void packedTextOrdersLikeTheFullComparison();
    void comparesCaseInsensitively();
    void durationsCompareAsDurations();
    void tiesBreakOnTheSessionKey();
    void pathsSharingLongPrefixesOrderByTheirTails();
    void namesEqualAsNamesCompareEqual();
};

// The packed prefix must never contradict the full comparison, whatever the script: ASCII,
// Latin, Greek, CJK (three UTF-8 bytes), surrogate pairs, long shared prefixes, and prefixes
// that end in the middle of a multi-byte unit.
void tst_PackedSortKey::packedTextOrdersLikeTheFullComparison()
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
        const PackedSortKey keyA = keyOf(rowA, SessionTableModel::User);
        for (int b = 0; b < texts.size(); ++b) {
            const SessionRow rowB = rowWithUser(texts[b], 2);
            const PackedSortKey keyB = keyOf(rowB, SessionTableModel::User);
            const int expected = sign(PackedSortKey::compareText(texts[a], texts[b]));
            const std::optional<int> packed = PackedSortKey::comparePacked(keyA, keyB);
            if (packed && *packed != 0)
                QCOMPARE(sign(*packed), expected);
            QCOMPARE(sign(compare(keyA, rowA, keyB, rowB, SessionTableModel::User)), expected);
        }
    }
}

void tst_PackedSortKey::comparesCaseInsensitively()
{
    const SessionRow upper = rowWithUser(QString::fromUtf16(u"ÉMILE.DUPONT.LONGNAME"), 1);
    const SessionRow lower = rowWithUser(QString::fromUtf16(u"émile.dupont.longname"), 2);
    const SessionRow other = rowWithUser(QString::fromUtf16(u"émile.dupont.longnamf"), 3);
    const PackedSortKey u = keyOf(upper, SessionTableModel::User);
    const PackedSortKey l = keyOf(lower, SessionTableModel::User);
    const PackedSortKey o = keyOf(other, SessionTableModel::User);
    QCOMPARE(compare(u, upper, l, lower, SessionTableModel::User), 0);
    QVERIFY(compare(u, upper, o, other, SessionTableModel::User) < 0);
    QVERIFY(compareStable(u, upper, l, lower, SessionTableModel::User) < 0);
}

void tst_PackedSortKey::durationsCompareAsDurations()
{
    SessionRow longer;
    longer.connectedSinceMs = 1'000'000;
    longer.idleSinceMs = 5'000'000;
    SessionRow shorter;
    shorter.connectedSinceMs = 2'000'000;
    shorter.idleSinceMs = 4'000'000;
    for (const auto column : {SessionTableModel::ConnectedTime, SessionTableModel::IdleTime}) {
        const PackedSortKey a = keyOf(longer, column);
        const PackedSortKey b = keyOf(shorter, column);
        const int expected = column == SessionTableModel::ConnectedTime ? 1 : -1;
        QCOMPARE(sign(compare(a, longer, b, shorter, column)), expected);
    }
}

void tst_PackedSortKey::tiesBreakOnTheSessionKey()
{
    SessionRow a = rowWithUser(QStringLiteral("same"), 7);
    SessionRow b = rowWithUser(QStringLiteral("same"), 3);
    a.openCount = b.openCount = 4;
    for (const auto column : {SessionTableModel::User, SessionTableModel::OpenFiles}) {
        const PackedSortKey ka = keyOf(a, column);
        const PackedSortKey kb = keyOf(b, column);
        QCOMPARE(compare(ka, a, kb, b, column), 0);
        QVERIFY(compareStable(ka, a, kb, b, column) > 0);
        QVERIFY(!(ka == kb));
    }
}

// Open files are paths: thousands share "\\srv\share\projects\2026\" and more, far
// beyond the 16 packed bytes. The packed keys tie there and must not decide; the full
// comparison orders by the tails, and sorting by the keys gives the order of sorting by text.
void tst_PackedSortKey::pathsSharingLongPrefixesOrderByTheirTails()
{
    const QString stem = QStringLiteral("\\\\fs01\\Projects\\2026\\Quarterly reports\\Finance\\");
    QVERIFY(stem.size() > 16);
    QStringList paths;
    for (const char *tail : {"report-b.docx", "Report-A.docx", "report-a.docx.bak", "report-c.xlsx",
             "REPORT-B.DOCX", "report-ä.docx", "report-a.docx", "archive\\report-a.docx", ""}) {
        paths.append(stem + QString::fromUtf8(tail));
    }
    // Another stem that differs only at its last unit before the tails.
    paths.append(stem.chopped(1) + QStringLiteral("X\\report-a.docx"));

    std::vector<std::pair<PackedSortKey, QString>> keyed;
    quint64 rowKey = 1;
    for (const QString &path : std::as_const(paths))
        keyed.emplace_back(PackedSortKey::text(path, rowKey++), path);
    // Every packed comparison between different texts with the shared stem ties.
    QVERIFY(!PackedSortKey::comparePacked(keyed[0].first, keyed[1].first).has_value());

    auto sortedByKeys = keyed;
    std::sort(sortedByKeys.begin(), sortedByKeys.end(), [](const auto &a, const auto &b) {
        return PackedSortKey::compareStable(
                   a.first, [&] { return QStringView(a.second); }, b.first,
                   [&] { return QStringView(b.second); })
            < 0;
    });
    QStringList byKeys;
    for (const auto &[key, path] : sortedByKeys)
        byKeys.append(path.mid(stem.size() - 1));
    const QStringList expected = {
        QStringLiteral("\\"), // the stem alone
        QStringLiteral("\\archive\\report-a.docx"),
        QStringLiteral("\\Report-A.docx"), // equal to the next but for case: row key decides
        QStringLiteral("\\report-a.docx"),
        QStringLiteral("\\report-a.docx.bak"),
        QStringLiteral("\\report-b.docx"),
        QStringLiteral("\\REPORT-B.DOCX"),
        QStringLiteral("\\report-c.xlsx"),
        QString::fromUtf16(u"\\report-ä.docx"),
        QStringLiteral("X\\report-a.docx"),
    };
    QCOMPARE(byKeys, expected);
}

void tst_PackedSortKey::namesEqualAsNamesCompareEqual()
{
    // The sort key's case-insensitivity is the name rule's (nameequality.h).
    const auto same = [](const char16_t *a, const char16_t *b) {
        return PackedSortKey::compareText(QStringView(a), QStringView(b)) == 0;
    };
    QVERIFY(same(u"ΟΔΥΣΣΕΥΣ", u"οδυσσευς"));
    QVERIFY(same(u"дмитрий", u"ДМИТРИЙ"));
    QVERIFY(same(u"ı", u"I"));
    QVERIFY(!same(u"İ", u"i"));
    QVERIFY(!same(u"ß", u"ẞ"));
    // ASCII letters keep their place among punctuation.
    QVERIFY(PackedSortKey::compareText(u"a_b", u"AB") < 0);
}

QTEST_MAIN(tst_PackedSortKey)
#include "tst_packedsortkey.moc"
