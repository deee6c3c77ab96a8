// SPDX-License-Identifier: GPL-3.0-or-later
#include "nameequality.h"

#include <QChar>
#include <QString>
#include <QTest>

using sc::namesEqual;

class tst_NameEquality : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void latinNamesFoldLikeWindows();
    void greekSigmaIsOneLetter();
    void cyrillicFolds();
    void turkishDotlessIFoldsToI();
    void germanSharpSHasNoCapital();
    void qtStringsUseTheSameRule();
    void tableMatchesUnicodeSimpleUpperCase();
};

void tst_NameEquality::latinNamesFoldLikeWindows()
{
    QVERIFY(namesEqual(u"alice", u"ALICE"));
    QVERIFY(namesEqual(u"josé", u"JOSÉ"));
    QVERIFY(namesEqual(u"Müller", u"MÜLLER"));
    QVERIFY(namesEqual(u"ÿ", u"Ÿ"));
    QVERIFY(!namesEqual(u"jose", u"josé"));
    QVERIFY(!namesEqual(u"alice", u"alice2"));
    QVERIFY(!namesEqual(u"÷", u"×")); // signs, not letters: no case
    QVERIFY(namesEqual(u"", u""));
}

void tst_NameEquality::greekSigmaIsOneLetter()
{
    QVERIFY(namesEqual(u"σ", u"Σ"));
    QVERIFY(namesEqual(u"ς", u"Σ")); // final sigma upper-cases to Σ too
    QVERIFY(namesEqual(u"ΟΔΥΣΣΕΥΣ", u"οδυσσευς")); // σ inside, ς at the end
    QVERIFY(!namesEqual(u"ΟΔΥΣΣΕΥΣ", u"οδυσσευςς"));
    QVERIFY(!namesEqual(u"α", u"β"));
}

void tst_NameEquality::cyrillicFolds()
{
    QVERIFY(namesEqual(u"дмитрий", u"ДМИТРИЙ"));
    QVERIFY(namesEqual(u"ёлка", u"ЁЛКА")); // ё lies outside а–я
    QVERIFY(!namesEqual(u"дмитрий", u"дмитрии"));
}

void tst_NameEquality::turkishDotlessIFoldsToI()
{
    QVERIFY(namesEqual(u"ı", u"I")); // dotless i upper-cases to I
    QVERIFY(namesEqual(u"ı", u"i")); // ... and so does i: no locale, as on the server
    QVERIFY(!namesEqual(u"İ", u"i")); // dotted İ has no simple upper-case partner
    QVERIFY(!namesEqual(u"İ", u"I"));
    QVERIFY(namesEqual(u"İstanbul", u"İSTANBUL"));
}

void tst_NameEquality::germanSharpSHasNoCapital()
{
    QVERIFY(!namesEqual(u"straße", u"STRASSE"));
    QVERIFY(!namesEqual(u"ß", u"ẞ")); // U+1E9E upper-cases to itself; ß has no simple upper
    QVERIFY(namesEqual(u"straße", u"STRAßE"));
}

void tst_NameEquality::qtStringsUseTheSameRule()
{
    QVERIFY(namesEqual(QString::fromUtf16(u"Σοφία"), QString::fromUtf16(u"ΣΟΦΊΑ")));
    QVERIFY(namesEqual(QStringView(u"ıI"), QStringView(u"ii")));
    QVERIFY(!namesEqual(QStringLiteral("straße"), QStringLiteral("STRASSE")));
}

// The compact table must give what Unicode's simple upper-case mapping gives, unit by unit.
void tst_NameEquality::tableMatchesUnicodeSimpleUpperCase()
{
    int checked = 0;
    for (char32_t u = 0; u < 0x10000; ++u) {
        char32_t expected = u;
        if (!QChar::isSurrogate(u)) {
            const char32_t upper = QChar::toUpper(u);
            expected = upper > 0xffff ? u : upper; // Windows' table is one unit to one unit
        }
        if (sc::upcaseUnit(char16_t(u)) != expected) {
            QFAIL(qPrintable(QStringLiteral("U+%1 upper-cases to U+%2, expected U+%3")
                                 .arg(uint(u), 4, 16, QLatin1Char('0'))
                                 .arg(uint(sc::upcaseUnit(char16_t(u))), 4, 16, QLatin1Char('0'))
                                 .arg(uint(expected), 4, 16, QLatin1Char('0'))));
        }
        ++checked;
    }
    QCOMPARE(checked, 0x10000);
}

QTEST_MAIN(tst_NameEquality)
#include "tst_nameequality.moc"
