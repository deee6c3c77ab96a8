// SPDX-License-Identifier: GPL-3.0-or-later
// SecretString really overwrites the memory a password was in, and secureZero zeroes.

#include "secretstring.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

using sc::SecretString;

namespace {

bool allZero(const char *data, std::size_t size)
{
    return std::all_of(data, data + size, [](char c) { return c == 0; });
}

} // namespace

class TestSecretString : public QObject
{
    Q_OBJECT

private slots:
    void secureZeroZeroesExactlyTheRange();
    void secureZeroAcceptsEmpty();
    void holdsAndRevealsTheValue();
    void wipeOverwritesHeapBuffer();
    void wipeOverwritesShortString();
    void moveConstructionWipesTheSource();
    void moveAssignmentWipesTheSource();
    void copyKeepsBothUsable();
    void selfAssignmentKeepsTheValue();
    void destructorWipes();
};

void TestSecretString::secureZeroZeroesExactlyTheRange()
{
    char buffer[32];
    std::memset(buffer, 'x', sizeof buffer);
    sc::secureZero(buffer + 4, 20);
    QVERIFY(std::all_of(buffer, buffer + 4, [](char c) { return c == 'x'; }));
    QVERIFY(allZero(buffer + 4, 20));
    QVERIFY(std::all_of(buffer + 24, buffer + 32, [](char c) { return c == 'x'; }));
}

void TestSecretString::secureZeroAcceptsEmpty()
{
    sc::secureZero(nullptr, 0);
    sc::secureZero(nullptr, 16);
    char c = 'x';
    sc::secureZero(&c, 0);
    QCOMPARE(c, 'x');
}

void TestSecretString::holdsAndRevealsTheValue()
{
    const SecretString s(std::string("pässwörd"));
    QVERIFY(!s.empty());
    QCOMPARE(QByteArray(s.reveal().data(), int(s.reveal().size())), QByteArray("pässwörd"));
    QCOMPARE(QByteArray(s.c_str()), QByteArray("pässwörd"));
    QVERIFY(SecretString().empty());
}

void TestSecretString::wipeOverwritesHeapBuffer()
{
    // Longer than any small-string buffer, so it lives on the heap.
    const std::string secret(200, 'S');
    SecretString s(secret);
    const char *buffer = s.c_str();
    s.wipe();
    QVERIFY(s.empty());
    // wipe() keeps the allocation, so the old buffer is still s's own memory.
    QCOMPARE(s.c_str(), buffer);
    QVERIFY(allZero(buffer, secret.size()));
}

void TestSecretString::wipeOverwritesShortString()
{
    SecretString s(std::string("short"));
    const char *buffer = s.c_str();
    s.wipe();
    QVERIFY(s.empty());
    QCOMPARE(s.c_str(), buffer);
    QVERIFY(allZero(buffer, 5));
}

void TestSecretString::moveConstructionWipesTheSource()
{
    // A short string is copied by a move and its characters stay behind in the source's
    // inline buffer unless something overwrites them.
    SecretString source(std::string("hunter2"));
    const char *sourceBuffer = source.c_str();
    SecretString target(std::move(source));
    QCOMPARE(QByteArray(target.c_str()), QByteArray("hunter2"));
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
    QCOMPARE(source.c_str(), sourceBuffer);
    QVERIFY(allZero(sourceBuffer, 7));
}

void TestSecretString::moveAssignmentWipesTheSource()
{
    SecretString source(std::string("hunter2"));
    const char *sourceBuffer = source.c_str();
    SecretString target(std::string("previous value"));
    target = std::move(source);
    QCOMPARE(QByteArray(target.c_str()), QByteArray("hunter2"));
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(source.c_str(), sourceBuffer);
    QVERIFY(allZero(sourceBuffer, 7));
}

void TestSecretString::copyKeepsBothUsable()
{
    SecretString a(std::string("one"));
    SecretString b(a);
    QCOMPARE(QByteArray(b.c_str()), QByteArray("one"));
    SecretString c(std::string("a much longer value that needs the heap, surely"));
    c = a;
    QCOMPARE(QByteArray(c.c_str()), QByteArray("one"));
    QCOMPARE(QByteArray(a.c_str()), QByteArray("one"));
    a.wipe();
    QCOMPARE(QByteArray(b.c_str()), QByteArray("one"));
}

void TestSecretString::selfAssignmentKeepsTheValue()
{
    SecretString s(std::string("same"));
    SecretString &alias = s;
    s = alias;
    QCOMPARE(QByteArray(s.c_str()), QByteArray("same"));
    s = std::move(alias);
    QCOMPARE(QByteArray(s.c_str()), QByteArray("same"));
}

void TestSecretString::destructorWipes()
{
    // Destroy in place inside storage we own, then look at what is left there.
    alignas(SecretString) unsigned char storage[sizeof(SecretString)];
    auto *s = new (storage) SecretString(std::string("inline!"));
    const char *buffer = s->c_str();
    const bool inside = buffer >= reinterpret_cast<const char *>(storage)
        && buffer < reinterpret_cast<const char *>(storage) + sizeof storage;
    if (!inside) {
        s->~SecretString();
        QSKIP("this standard library keeps short strings on the heap");
    }
    s->~SecretString();
    QVERIFY(allZero(buffer, 7));
}

QTEST_APPLESS_MAIN(TestSecretString)
#include "tst_secretstring.moc"
