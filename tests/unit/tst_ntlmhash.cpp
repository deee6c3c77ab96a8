// SPDX-License-Identifier: GPL-3.0-or-later
// MD4 (nettle's, behind our wiping wrapper) against the test suite of RFC 1320 (appendix
// A.5), and the NT hash against known
// values. The non-ASCII and padding-boundary expectations were computed once with an
// independent MD4 (OpenSSL's legacy provider and PyCryptodome) and are fixed here.

#include "ntlmhash.h"

#include <QtTest>

#include <cstring>

namespace {

QByteArray md4(const QByteArray &data)
{
    uint8_t digest[SC_MD4_DIGEST_SIZE];
    sc_md4(data.constData(), std::size_t(data.size()), digest);
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

// Returns the hex hash, or "invalid" when the function refused the input.
QByteArray ntHashOf(const QByteArray &utf8)
{
    uint8_t hash[SC_MD4_DIGEST_SIZE];
    std::memset(hash, 0xee, sizeof hash);
    if (sc_ntlm_nt_hash(utf8.constData(), std::size_t(utf8.size()), hash) != 0) {
        for (const uint8_t b : hash) {
            if (b != 0)
                return QByteArrayLiteral("refused, but the hash was not cleared");
        }
        return QByteArrayLiteral("invalid");
    }
    return QByteArray(reinterpret_cast<const char *>(hash), sizeof hash).toHex();
}

} // namespace

class TestNtlmHash : public QObject
{
    Q_OBJECT

private slots:
    void rfc1320Suite_data();
    void rfc1320Suite();
    void paddingBoundaries_data();
    void paddingBoundaries();
    void incrementalEqualsOneShot();
    void finalWipesTheContext();
    void ntHash_data();
    void ntHash();
    void ntHashIgnoresWhatFollowsTheGivenSize();
    void invalidUtf8IsRefused_data();
    void invalidUtf8IsRefused();
};

void TestNtlmHash::rfc1320Suite_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("empty") << QByteArray() << QByteArray("31d6cfe0d16ae931b73c59d7e0c089c0");
    QTest::newRow("a") << QByteArray("a") << QByteArray("bde52cb31de33e46245e05fbdbd6fb24");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("a448017aaf21d8525fc10ae87aa6729d");
    QTest::newRow("message digest")
        << QByteArray("message digest") << QByteArray("d9130a8164549fe818874806e1c7014b");
    QTest::newRow("alphabet") << QByteArray("abcdefghijklmnopqrstuvwxyz")
                              << QByteArray("d79e1c308aa5bbcdeea8ed63df412da9");
    QTest::newRow("alphanumeric") << QByteArray(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                                  << QByteArray("043f8582f241db351ce627e153e7f0e4");
    QTest::newRow("digits x8") << QByteArray("1234567890").repeated(8)
                               << QByteArray("e33b4ddc9c38f2199c3e7b164fcc0536");
}

void TestNtlmHash::rfc1320Suite()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digest);
    QCOMPARE(md4(message), digest);
}

void TestNtlmHash::paddingBoundaries_data()
{
    // 55 is the longest message whose padding fits its one block; 56..63 need a second block;
    // 64 and 120 end exactly on a block or on the length field.
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("55") << 55 << QByteArray("92f32bb82c95ad10e8f87ae58ab06807");
    QTest::newRow("56") << 56 << QByteArray("374d5f08103b7092c83b4626ebceffab");
    QTest::newRow("57") << 57 << QByteArray("eebaefd8f3ba932d44239a789c38317a");
    QTest::newRow("63") << 63 << QByteArray("2870452596e98fffd48332289b3472b9");
    QTest::newRow("64") << 64 << QByteArray("b1abf956a5ae6f3221e5fe85e300fbb0");
    QTest::newRow("65") << 65 << QByteArray("afc1a3308fc176a53238a09aeddec2e6");
    QTest::newRow("119") << 119 << QByteArray("b55ae15e41e55643b0c3daad5e05c905");
    QTest::newRow("120") << 120 << QByteArray("d8f9adfc41ec43552619606c70cfd287");
    QTest::newRow("128") << 128 << QByteArray("7c087dd92a6743e09f3763a6d99c9d26");
    QTest::newRow("1000") << 1000 << QByteArray("4b4cacfefc79bf951c60620df38532dc");
}

void TestNtlmHash::paddingBoundaries()
{
    QFETCH(int, length);
    QFETCH(QByteArray, digest);
    QCOMPARE(md4(QByteArray(length, 'x')), digest);
}

void TestNtlmHash::incrementalEqualsOneShot()
{
    QByteArray message;
    for (int i = 0; i < 300; ++i)
        message.append(char(i * 7 + 3));
    const QByteArray expected = md4(message);
    // Every split point, and pieces of every size up to two blocks.
    for (int split = 0; split <= message.size(); ++split) {
        sc_md4_ctx ctx;
        sc_md4_init(&ctx);
        sc_md4_update(&ctx, message.constData(), std::size_t(split));
        sc_md4_update(&ctx, message.constData() + split, std::size_t(message.size() - split));
        uint8_t digest[SC_MD4_DIGEST_SIZE];
        sc_md4_final(&ctx, digest);
        QCOMPARE(
            QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex(), expected);
    }
    for (int piece = 1; piece <= 128; ++piece) {
        sc_md4_ctx ctx;
        sc_md4_init(&ctx);
        for (int at = 0; at < message.size(); at += piece) {
            sc_md4_update(&ctx, message.constData() + at,
                std::size_t(std::min<qsizetype>(piece, message.size() - at)));
        }
        uint8_t digest[SC_MD4_DIGEST_SIZE];
        sc_md4_final(&ctx, digest);
        QCOMPARE(
            QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex(), expected);
    }
}

void TestNtlmHash::finalWipesTheContext()
{
    sc_md4_ctx ctx;
    sc_md4_init(&ctx);
    sc_md4_update(&ctx, "secret!", 7); // stays in the block buffer until final
    const auto *held = reinterpret_cast<const char *>(&ctx);
    QVERIFY(QByteArray::fromRawData(held, sizeof ctx).contains("secret!"));
    uint8_t digest[SC_MD4_DIGEST_SIZE];
    sc_md4_final(&ctx, digest);
    const auto *bytes = reinterpret_cast<const unsigned char *>(&ctx);
    QVERIFY(std::all_of(bytes, bytes + sizeof ctx, [](unsigned char b) { return b == 0; }));
}

void TestNtlmHash::ntHash_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("hash");
    QTest::newRow("empty") << QByteArray() << QByteArray("31d6cfe0d16ae931b73c59d7e0c089c0");
    QTest::newRow("password") << QByteArray("password")
                              << QByteArray("8846f7eaee8fb117ad06bdd830b7586c");
    // Two-byte, three-byte and four-byte (surrogate pair in UTF-16) characters.
    QTest::newRow("Contraseña") << QByteArray("Contrase\xc3\xb1"
                                              "a")
                                << QByteArray("54749d476331b5bd92d38277df96fb04");
    QTest::newRow("Passwört€") << QByteArray("Passw\xc3\xb6rt\xe2\x82\xac")
                               << QByteArray("c279b12f518d40548397323dfd0262e2");
    QTest::newRow("umlauts") << QByteArray(
        "\xc3\x84\xc3\x96\xc3\x9c\xc3\xa4\xc3\xb6\xc3\xbc\xc3\x9f")
                             << QByteArray("3ffa14aa41d44e99d0d14b01da2f874c");
    // The edges of the valid ranges: U+FFFF, U+E000, U+D7FF; U+10FFFF, U+10000.
    QTest::newRow("BMP edges") << QByteArray("\xef\xbf\xbf\xee\x80\x80\xed\x9f\xbf")
                               << QByteArray("038ad9b3069d24cbb49e26fc4bab89c8");
    QTest::newRow("astral edges") << QByteArray("\xf4\x8f\xbf\xbf\xf0\x90\x80\x80")
                                  << QByteArray("71ba03cc757761b43b3757aa1b0b6ef3");
    QTest::newRow("astral") << QByteArray("pa\xf0\x9f\x94\x91ss")
                            << QByteArray("74edb6aa0a88c3e0a23d7ef34f9313f7");
}

void TestNtlmHash::ntHash()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, hash);
    QCOMPARE(ntHashOf(password), hash);
}

void TestNtlmHash::ntHashIgnoresWhatFollowsTheGivenSize()
{
    const char buffer[] = "password\xff\xfe trailing";
    uint8_t hash[SC_MD4_DIGEST_SIZE];
    QCOMPARE(sc_ntlm_nt_hash(buffer, 8, hash), 0);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(hash), sizeof hash).toHex(),
        QByteArray("8846f7eaee8fb117ad06bdd830b7586c"));
}

void TestNtlmHash::invalidUtf8IsRefused_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("lone continuation byte") << QByteArray("ab\x80"
                                                          "cd");
    QTest::newRow("Latin-1 instead of UTF-8") << QByteArray("Contrase\xf1"
                                                            "a");
    QTest::newRow("truncated two-byte") << QByteArray("abc\xc3");
    QTest::newRow("truncated four-byte") << QByteArray("abc\xf0\x9f\x94");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
    QTest::newRow("overlong NUL") << QByteArray("a\xc0\x80");
    QTest::newRow("overlong three-byte") << QByteArray("\xe0\x80\xaf");
    QTest::newRow("UTF-16 surrogate") << QByteArray("\xed\xa0\x80");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
    QTest::newRow("five-byte lead") << QByteArray("\xf8\x88\x80\x80\x80");
    QTest::newRow("0xff") << QByteArray("\xff");
    QTest::newRow("bad continuation") << QByteArray("\xe2\x28\xa1");
}

void TestNtlmHash::invalidUtf8IsRefused()
{
    QFETCH(QByteArray, password);
    QCOMPARE(ntHashOf(password), QByteArray("invalid"));
}

QTEST_GUILESS_MAIN(TestNtlmHash)
#include "tst_ntlmhash.moc"
