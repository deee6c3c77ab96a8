// SPDX-License-Identifier: GPL-3.0-or-later
// SrvsvcCodec against impacket's independent NDR marshalling (tests/data/srvsvc, made by
// generate_vectors.py), hand-checked blobs, round trips and malformed input.
//
// Requests are compared byte for byte with impacket's: the generator renumbers impacket's
// random referent ids the way Windows (and our encoder) number them, and NDR leaves the content
// of alignment padding unspecified (impacket writes 0xaa/0xab.., we write zeros), so padding
// bytes after a string's NUL terminator are the only difference allowed. Vectors that keep
// random ids or carry null string pointers (which our encoder never writes) are checked by
// decoding both sides and comparing values instead.
//
// Decoder choices this test pins down:
// - a string ends at its first NUL; a missing terminator is tolerated (all actual_count units);
// - a null string pointer inside an entry decodes as an empty string;
// - a null container is fine with an error status and malformed with success/ERROR_MORE_DATA;
// - bytes after the last field are ignored.

#include "ndrbuilder.h"
#include "ndrchecks.h"
#include "ndrvectors.h"
#include "srvsvccodec.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <bit>
#include <cstring>
#include <optional>
#include <thread>

#ifndef SC_SRVSVC_VECTOR_DIR
#error "SC_SRVSVC_VECTOR_DIR must name tests/data/srvsvc"
#endif
#ifndef SC_FUZZ_CORPUS_DIR
#error "SC_FUZZ_CORPUS_DIR must name tests/fuzz/corpus"
#endif

using sc::ByteBuffer;
using sc::ErrorKind;
using sc::InfoLevel;
using sc::SessionInfo;
using sc::SrvsvcCodec;

namespace {

using NdrVectors::describe;
using NdrVectors::differenceExceptPadding;
using NdrVectors::optString;
using NdrVectors::optU32;

QString q(const sc::SessionText &s)
{
    return QString::fromUtf16(s.data(), qsizetype(s.size()));
}

std::u16string u(const QString &s)
{
    return s.toStdU16String();
}

QString describe(const SessionInfo &s)
{
    return QStringLiteral("{client=%1 user=%2 opens=%3 time=%4 idle=%5 flags=%6 type=%7 "
                          "transport=%8 level=%9}")
        .arg(q(s.clientName), q(s.userName))
        .arg(s.openCount)
        .arg(s.connectedSeconds)
        .arg(s.idleSeconds)
        .arg(s.userFlags)
        .arg(q(s.clientType), q(s.transport))
        .arg(std::uint32_t(s.level));
}

QStringList describe(const sc::SessionList &list)
{
    QStringList out;
    for (const SessionInfo &s : list) {
        out << describe(s);
    }
    return out;
}

// A well-formed level-1 reply with one session; the malformed cases each change one thing.
struct Level1ReplyParts
{
    std::uint32_t level = 1;
    std::uint32_t tag = 1;
    std::uint32_t containerRef = 0x20000;
    std::uint32_t entriesRead = 1;
    std::uint32_t bufferRef = 0x20004;
    std::uint32_t maxCount = 1;
    std::uint32_t cnameRef = 0x20008;
    std::uint32_t userRef = 0x2000c;
    std::uint32_t status = 0;
    bool cnameNul = true;
    std::uint32_t cnameMax = 0, cnameOffset = 0, cnameActual = 0; // 0: consistent values
};

ByteBuffer level1Reply(const Level1ReplyParts &p)
{
    NdrBuilder n;
    n.u32(p.level).u32(p.tag).u32(p.containerRef);
    if (p.containerRef) {
        n.u32(p.entriesRead).u32(p.bufferRef);
        if (p.bufferRef) {
            n.u32(p.maxCount);
            n.u32(p.cnameRef).u32(p.userRef).u32(2).u32(300).u32(15).u32(0);
            const std::u16string cname = u"pc-ana";
            if (p.cnameRef) {
                const auto units = std::uint32_t(cname.size() + (p.cnameNul ? 1 : 0));
                n.strRaw(p.cnameMax ? p.cnameMax : units, p.cnameOffset,
                    p.cnameActual ? p.cnameActual : units, cname, p.cnameNul);
            }
            if (p.userRef) {
                n.str(u"ana");
            }
        }
    }
    n.u32(1).u32(0).u32(p.status);
    return n.bytes();
}

// Hand-checked level-0 reply: two sessions, both names with an odd unit count so that
// each string is followed by 2 padding bytes.
const ByteBuffer kHandLevel0 = {
    0x00, 0x00, 0x00, 0x00, // InfoStruct.Level = 0
    0x00, 0x00, 0x00, 0x00, // SessionInfo union discriminant = 0
    0x00, 0x00, 0x02, 0x00, // Level0: container referent 0x00020000
    0x02, 0x00, 0x00, 0x00, // [deferred] EntriesRead = 2
    0x04, 0x00, 0x02, 0x00, //            Buffer referent 0x00020004
    0x02, 0x00, 0x00, 0x00, // [deferred] array max_count = 2
    0x08, 0x00, 0x02, 0x00, //            [0].sesi0_cname referent
    0x0c, 0x00, 0x02, 0x00, //            [1].sesi0_cname referent
    0x03, 0x00, 0x00, 0x00, // [0].cname: max_count = 3 ("pc" + NUL)
    0x00, 0x00, 0x00, 0x00, //            offset = 0
    0x03, 0x00, 0x00, 0x00, //            actual_count = 3
    0x70, 0x00, 0x63, 0x00, //            'p' 'c'
    0x00, 0x00, 0x00, 0x00, //            NUL, 2 bytes padding to 4
    0x05, 0x00, 0x00, 0x00, // [1].cname: max_count = 5 ("josé" + NUL)
    0x00, 0x00, 0x00, 0x00, //            offset = 0
    0x05, 0x00, 0x00, 0x00, //            actual_count = 5
    0x6a, 0x00, 0x6f, 0x00, //            'j' 'o'
    0x73, 0x00, 0xe9, 0x00, //            's' U+00E9 'é'
    0x00, 0x00, 0x00, 0x00, //            NUL, 2 bytes padding
    0x02, 0x00, 0x00, 0x00, // TotalEntries = 2
    0x00, 0x00, 0x00, 0x00, // ResumeHandle: null pointer
    0x00, 0x00, 0x00, 0x00, // NET_API_STATUS = NERR_Success
};

// Hand-checked level-1 reply: one session, with a resume handle.
const ByteBuffer kHandLevel1 = {
    0x01, 0x00, 0x00, 0x00, // InfoStruct.Level = 1
    0x01, 0x00, 0x00, 0x00, // union discriminant = 1
    0x00, 0x00, 0x02, 0x00, // Level1: container referent 0x00020000
    0x01, 0x00, 0x00, 0x00, // [deferred] EntriesRead = 1
    0x04, 0x00, 0x02, 0x00, //            Buffer referent 0x00020004
    0x01, 0x00, 0x00, 0x00, // [deferred] array max_count = 1
    0x08, 0x00, 0x02, 0x00, //            [0].sesi1_cname referent
    0x0c, 0x00, 0x02, 0x00, //            [0].sesi1_username referent
    0x02, 0x00, 0x00, 0x00, //            [0].sesi1_num_opens = 2
    0x2c, 0x01, 0x00, 0x00, //            [0].sesi1_time = 300
    0x0f, 0x00, 0x00, 0x00, //            [0].sesi1_idle_time = 15
    0x02, 0x00, 0x00, 0x00, //            [0].sesi1_user_flags = SESS_NOENCRYPTION
    0x09, 0x00, 0x00, 0x00, // cname: max_count = 9 ("10.0.0.7" + NUL)
    0x00, 0x00, 0x00, 0x00, //        offset = 0
    0x09, 0x00, 0x00, 0x00, //        actual_count = 9
    0x31, 0x00, 0x30, 0x00, //        '1' '0'
    0x2e, 0x00, 0x30, 0x00, //        '.' '0'
    0x2e, 0x00, 0x30, 0x00, //        '.' '0'
    0x2e, 0x00, 0x37, 0x00, //        '.' '7'
    0x00, 0x00, 0x00, 0x00, //        NUL, 2 bytes padding
    0x07, 0x00, 0x00, 0x00, // username: max_count = 7 ("jürgen" + NUL)
    0x00, 0x00, 0x00, 0x00, //           offset = 0
    0x07, 0x00, 0x00, 0x00, //           actual_count = 7
    0x6a, 0x00, 0xfc, 0x00, //           'j' U+00FC 'ü'
    0x72, 0x00, 0x67, 0x00, //           'r' 'g'
    0x65, 0x00, 0x6e, 0x00, //           'e' 'n'
    0x00, 0x00, 0x00, 0x00, //           NUL, 2 bytes padding
    0x01, 0x00, 0x00, 0x00, // TotalEntries = 1
    0x10, 0x00, 0x02, 0x00, // ResumeHandle referent 0x00020010
    0x00, 0x00, 0x00, 0x00, //              value 0
    0x00, 0x00, 0x00, 0x00, // NET_API_STATUS = NERR_Success
};

ByteBuffer loadBlob(const QString &fileName)
{
    return NdrVectors::blob(QStringLiteral(SC_SRVSVC_VECTOR_DIR), fileName);
}

SessionInfo sessionFromJson(const QJsonObject &o, bool wireName)
{
    SessionInfo s;
    s.clientName
        = u(o.value(wireName ? QLatin1String("wireClientName") : QLatin1String("clientName"))
                .toString());
    s.userName = u(o.value(QLatin1String("userName")).toString());
    s.openCount = std::uint32_t(o.value(QLatin1String("openCount")).toInteger());
    s.connectedSeconds = std::uint32_t(o.value(QLatin1String("connectedSeconds")).toInteger());
    s.idleSeconds = std::uint32_t(o.value(QLatin1String("idleSeconds")).toInteger());
    s.userFlags = std::uint32_t(o.value(QLatin1String("userFlags")).toInteger());
    s.clientType = u(o.value(QLatin1String("clientType")).toString());
    s.transport = u(o.value(QLatin1String("transport")).toString());
    s.level = InfoLevel(o.value(QLatin1String("level")).toInteger());
    return s;
}

SrvsvcCodec::SessionEnumReply enumReplyFromJson(const QJsonObject &e, bool wireNames)
{
    SrvsvcCodec::SessionEnumReply r;
    r.level = InfoLevel(e.value(QLatin1String("level")).toInteger());
    r.status = std::uint32_t(e.value(QLatin1String("status")).toInteger());
    r.totalEntries = std::uint32_t(e.value(QLatin1String("totalEntries")).toInteger());
    r.resumeHandle = optU32(e.value(QLatin1String("resumeHandle")));
    for (const QJsonValue &s : e.value(QLatin1String("sessions")).toArray()) {
        r.sessions.push_back(sessionFromJson(s.toObject(), wireNames));
    }
    return r;
}

SrvsvcCodec::SessionEnumRequest enumRequestFromJson(const QJsonObject &e)
{
    SrvsvcCodec::SessionEnumRequest r;
    r.serverName = optString(e.value(QLatin1String("serverName")));
    r.clientName = optString(e.value(QLatin1String("clientName")));
    r.userName = optString(e.value(QLatin1String("userName")));
    r.level = InfoLevel(e.value(QLatin1String("level")).toInteger());
    r.preferredMaximumLength
        = std::uint32_t(e.value(QLatin1String("preferredMaximumLength")).toInteger());
    r.resumeHandle = optU32(e.value(QLatin1String("resumeHandle")));
    return r;
}

SrvsvcCodec::SessionDelRequest delRequestFromJson(const QJsonObject &e)
{
    SrvsvcCodec::SessionDelRequest r;
    r.serverName = optString(e.value(QLatin1String("serverName")));
    r.clientName = optString(e.value(QLatin1String("clientName")));
    r.userName = optString(e.value(QLatin1String("userName")));
    return r;
}

// Decodes with the decoder for `kind`; returns the error, or nothing on success.
std::optional<sc::SessionError> decodeAs(const QString &kind, const ByteBuffer &b)
{
    const std::uint8_t *data = b.empty() ? nullptr : b.data();
    if (kind == QLatin1String("enum-reply")) {
        auto r = SrvsvcCodec::decodeSessionEnumReply(data, b.size());
        return r ? std::nullopt : std::optional(r.error());
    }
    if (kind == QLatin1String("enum-request")) {
        auto r = SrvsvcCodec::decodeSessionEnumRequest(data, b.size());
        return r ? std::nullopt : std::optional(r.error());
    }
    if (kind == QLatin1String("del-request")) {
        auto r = SrvsvcCodec::decodeSessionDelRequest(data, b.size());
        return r ? std::nullopt : std::optional(r.error());
    }
    auto r = SrvsvcCodec::decodeSessionDelReply(data, b.size());
    return r ? std::nullopt : std::optional(r.error());
}

SrvsvcCodec::SessionEnumReply sampleReply(InfoLevel level, int count)
{
    const std::u16string clients[] = {u"192.168.0.5", u"JÜRGEN-NB", u"", u"josé-pc", u"ws-ñandú"};
    const std::u16string users[] = {u"josé", u"jürgen", u"", u"Administrator", u"Ἀθηνᾶ"};
    const std::u16string types[] = {u"Windows 10 Enterprise 19045", u"", u"Samba 4.17"};
    const std::u16string transports[] = {u"\\Device\\NetbiosSmb", u"", u"tcp 🖧"};
    const sc::LevelFields f = [level] {
        sc::LevelFields lf;
        lf.userName = level != InfoLevel::Level0;
        lf.openCount = level == InfoLevel::Level1 || level == InfoLevel::Level2
            || level == InfoLevel::Level502;
        lf.times = level != InfoLevel::Level0;
        lf.userFlags = lf.openCount;
        lf.clientType = level == InfoLevel::Level2 || level == InfoLevel::Level502;
        lf.transport = level == InfoLevel::Level502;
        return lf;
    }();
    SrvsvcCodec::SessionEnumReply r;
    r.level = level;
    for (int i = 0; i < count; ++i) {
        SessionInfo s;
        s.level = level;
        s.clientName = clients[i % 5];
        if (f.userName) {
            s.userName = users[i % 5];
        }
        if (f.openCount) {
            s.openCount = std::uint32_t(i * 7);
        }
        if (f.times) {
            s.connectedSeconds = std::uint32_t(1000 + i);
            s.idleSeconds = std::uint32_t(i);
        }
        if (f.userFlags) {
            s.userFlags = std::uint32_t(i % 4);
        }
        if (f.clientType) {
            s.clientType = types[i % 3];
        }
        if (f.transport) {
            s.transport = transports[i % 3];
        }
        r.sessions.push_back(s);
    }
    r.totalEntries = std::uint32_t(count + 3);
    r.resumeHandle = std::uint32_t(count);
    r.status = sc::win32::MoreData;
    return r;
}

} // namespace

class TestSrvsvcCodec : public QObject
{
    Q_OBJECT

private slots:
    void vectorsPresent();
    void decodeVectors_data();
    void decodeVectors();
    void encodeMatchesVectors_data();
    void encodeMatchesVectors();
    void handCheckedLevel0();
    void handCheckedLevel1();
    void roundTripReply_data();
    void roundTripReply();
    void roundTripRequests();
    void pagingFields();
    void errorReplyWithoutContainer();
    void truncatedVectorsFail_data();
    void truncatedVectorsFail();
    void emptyAndNullInput();
    void hugeCounts();
    void countMismatch();
    void nullPointers();
    void stringHeaders();
    void levelChecks();
    void terminatorHandling();
    void clientNameBackslashes();
    void trailingBytesIgnored();
    void fuzzCorpusDecodesCleanly();
    void decodedTextsOutliveTheReply();
    void repeatedTextsShareStorage();
    void sessionTextValueSemantics();
};

void TestSrvsvcCodec::vectorsPresent()
{
    const QString missing = NdrVectors::missing(QStringLiteral(SC_SRVSVC_VECTOR_DIR), 25, 4);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void TestSrvsvcCodec::decodeVectors_data()
{
    NdrVectors::addDataRows(QStringLiteral(SC_SRVSVC_VECTOR_DIR));
}

void TestSrvsvcCodec::decodeVectors()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(QJsonObject, expected);
    const ByteBuffer blob = loadBlob(file);
    QVERIFY(!blob.empty());

    if (kind == QLatin1String("enum-reply")) {
        auto r = SrvsvcCodec::decodeSessionEnumReply(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = enumReplyFromJson(expected, false);
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->status, want.status);
        QCOMPARE(r->totalEntries, want.totalEntries);
        QCOMPARE(describe(r->resumeHandle), describe(want.resumeHandle));
        QCOMPARE(describe(r->sessions), describe(want.sessions));
        QVERIFY(r->sessions == want.sessions);
    } else if (kind == QLatin1String("enum-request")) {
        auto r = SrvsvcCodec::decodeSessionEnumRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = enumRequestFromJson(expected);
        QCOMPARE(describe(r->serverName), describe(want.serverName));
        QCOMPARE(describe(r->clientName), describe(want.clientName));
        QCOMPARE(describe(r->userName), describe(want.userName));
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->preferredMaximumLength, want.preferredMaximumLength);
        QCOMPARE(describe(r->resumeHandle), describe(want.resumeHandle));
    } else if (kind == QLatin1String("del-request")) {
        auto r = SrvsvcCodec::decodeSessionDelRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = delRequestFromJson(expected);
        QCOMPARE(describe(r->serverName), describe(want.serverName));
        QCOMPARE(describe(r->clientName), describe(want.clientName));
        QCOMPARE(describe(r->userName), describe(want.userName));
    } else {
        QCOMPARE(kind, QStringLiteral("del-reply"));
        auto r = SrvsvcCodec::decodeSessionDelReply(blob.data(), blob.size());
        QVERIFY(r.ok());
        QCOMPARE(*r, std::uint32_t(expected.value(QLatin1String("status")).toInteger()));
    }
}

void TestSrvsvcCodec::encodeMatchesVectors_data()
{
    decodeVectors_data();
}

void TestSrvsvcCodec::encodeMatchesVectors()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(bool, encoderExact);
    QFETCH(QJsonObject, expected);
    const ByteBuffer theirs = loadBlob(file);

    ByteBuffer ours;
    if (kind == QLatin1String("enum-reply")) {
        ours = SrvsvcCodec::encodeSessionEnumReply(enumReplyFromJson(expected, true));
    } else if (kind == QLatin1String("enum-request")) {
        ours = SrvsvcCodec::encodeSessionEnumRequest(enumRequestFromJson(expected));
    } else if (kind == QLatin1String("del-request")) {
        ours = SrvsvcCodec::encodeSessionDelRequest(delRequestFromJson(expected));
    } else {
        ours = SrvsvcCodec::encodeSessionDelReply(
            std::uint32_t(expected.value(QLatin1String("status")).toInteger()));
    }

    if (encoderExact) {
        const QString diff = differenceExceptPadding(ours, theirs);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        return;
    }
    // Random referent ids or null strings: compare what both sides mean.
    if (kind == QLatin1String("enum-reply")) {
        auto a = SrvsvcCodec::decodeSessionEnumReply(ours.data(), ours.size());
        auto b = SrvsvcCodec::decodeSessionEnumReply(theirs.data(), theirs.size());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(describe(a->sessions), describe(b->sessions));
        QCOMPARE(a->totalEntries, b->totalEntries);
        QCOMPARE(describe(a->resumeHandle), describe(b->resumeHandle));
        QCOMPARE(a->status, b->status);
        QCOMPARE(a->level, b->level);
    } else {
        QCOMPARE(kind, QStringLiteral("enum-request"));
        auto a = SrvsvcCodec::decodeSessionEnumRequest(ours.data(), ours.size());
        auto b = SrvsvcCodec::decodeSessionEnumRequest(theirs.data(), theirs.size());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(describe(a->serverName), describe(b->serverName));
        QCOMPARE(describe(a->clientName), describe(b->clientName));
        QCOMPARE(describe(a->userName), describe(b->userName));
        QCOMPARE(a->level, b->level);
        QCOMPARE(a->preferredMaximumLength, b->preferredMaximumLength);
        QCOMPARE(describe(a->resumeHandle), describe(b->resumeHandle));
        QVERIFY(ours != theirs); // it really has other referent ids
    }
}

void TestSrvsvcCodec::handCheckedLevel0()
{
    auto r = SrvsvcCodec::decodeSessionEnumReply(kHandLevel0.data(), kHandLevel0.size());
    QVERIFY(r.ok());
    QCOMPARE(r->level, InfoLevel::Level0);
    QCOMPARE(r->sessions.size(), std::size_t(2));
    QCOMPARE(q(r->sessions[0].clientName), QStringLiteral("pc"));
    QCOMPARE(q(r->sessions[1].clientName), QStringLiteral("jos\u00e9"));
    QCOMPARE(r->sessions[1].level, InfoLevel::Level0);
    QVERIFY(r->sessions[1].userName.empty());
    QCOMPARE(r->totalEntries, 2u);
    QVERIFY(!r->resumeHandle);
    QCOMPARE(r->status, 0u);
    QVERIFY(SrvsvcCodec::encodeSessionEnumReply(*r) == kHandLevel0);
}

void TestSrvsvcCodec::handCheckedLevel1()
{
    auto r = SrvsvcCodec::decodeSessionEnumReply(kHandLevel1.data(), kHandLevel1.size());
    QVERIFY(r.ok());
    QCOMPARE(r->level, InfoLevel::Level1);
    QCOMPARE(r->sessions.size(), std::size_t(1));
    const SessionInfo &s = r->sessions[0];
    QCOMPARE(q(s.clientName), QStringLiteral("10.0.0.7"));
    QCOMPARE(q(s.userName), QStringLiteral("j\u00fcrgen"));
    QCOMPARE(s.openCount, 2u);
    QCOMPARE(s.connectedSeconds, 300u);
    QCOMPARE(s.idleSeconds, 15u);
    QCOMPARE(s.userFlags, sc::kSessNoEncryption);
    QVERIFY(s.isUnencrypted());
    QVERIFY(!s.isGuest());
    QCOMPARE(r->totalEntries, 1u);
    QCOMPARE(describe(r->resumeHandle), QStringLiteral("0"));
    QVERIFY(SrvsvcCodec::encodeSessionEnumReply(*r) == kHandLevel1);
}

void TestSrvsvcCodec::roundTripReply_data()
{
    QTest::addColumn<InfoLevel>("level");
    QTest::addColumn<int>("count");
    for (InfoLevel level : sc::kAutoLevelOrder) {
        for (int count : {0, 1, 5, 64}) {
            QTest::addRow("level%u x%d", std::uint32_t(level), count) << level << count;
        }
    }
}

void TestSrvsvcCodec::roundTripReply()
{
    QFETCH(InfoLevel, level);
    QFETCH(int, count);
    const auto reply = sampleReply(level, count);
    const ByteBuffer wire = SrvsvcCodec::encodeSessionEnumReply(reply);
    QCOMPARE(wire.size() % 4, std::size_t(0));
    auto back = SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().detail().c_str());
    QCOMPARE(back->level, level);
    QCOMPARE(describe(back->sessions), describe(reply.sessions));
    QVERIFY(back->sessions == reply.sessions);
    QCOMPARE(back->totalEntries, reply.totalEntries);
    QCOMPARE(describe(back->resumeHandle), describe(reply.resumeHandle));
    QCOMPARE(back->status, reply.status);
}

void TestSrvsvcCodec::roundTripRequests()
{
    const std::optional<std::u16string> names[] = {std::nullopt, u"", u"\\\\fs-ñ", u"jürgen"};
    int cases = 0;
    for (const auto &server : names) {
        for (const auto &client : names) {
            for (const auto &user : names) {
                for (InfoLevel level : sc::kAutoLevelOrder) {
                    SrvsvcCodec::SessionEnumRequest in;
                    in.serverName = server;
                    in.clientName = client;
                    in.userName = user;
                    in.level = level;
                    in.preferredMaximumLength = 1000u + std::uint32_t(cases);
                    in.resumeHandle
                        = cases % 2 ? std::optional<std::uint32_t>(cases) : std::nullopt;
                    const ByteBuffer wire = SrvsvcCodec::encodeSessionEnumRequest(in);
                    auto out = SrvsvcCodec::decodeSessionEnumRequest(wire.data(), wire.size());
                    QVERIFY(out.ok());
                    QCOMPARE(describe(out->serverName), describe(server));
                    QCOMPARE(describe(out->clientName), describe(client));
                    QCOMPARE(describe(out->userName), describe(user));
                    QCOMPARE(out->level, level);
                    QCOMPARE(out->preferredMaximumLength, in.preferredMaximumLength);
                    QCOMPARE(describe(out->resumeHandle), describe(in.resumeHandle));
                    ++cases;
                }
                SrvsvcCodec::SessionDelRequest del {server, client, user};
                const ByteBuffer wire = SrvsvcCodec::encodeSessionDelRequest(del);
                auto out = SrvsvcCodec::decodeSessionDelRequest(wire.data(), wire.size());
                QVERIFY(out.ok());
                QCOMPARE(describe(out->serverName), describe(server));
                QCOMPARE(describe(out->clientName), describe(client));
                QCOMPARE(describe(out->userName), describe(user));
            }
        }
    }
    QCOMPARE(cases, 4 * 4 * 4 * 5);
    for (std::uint32_t status : {0u, 5u, 2312u, 0xffffffffu}) {
        const ByteBuffer wire = SrvsvcCodec::encodeSessionDelReply(status);
        auto out = SrvsvcCodec::decodeSessionDelReply(wire.data(), wire.size());
        QVERIFY(out.ok());
        QCOMPARE(*out, status);
    }
}

void TestSrvsvcCodec::pagingFields()
{
    const ByteBuffer blob = loadBlob(QStringLiteral("enum_reply_level1_more_data.bin"));
    auto r = SrvsvcCodec::decodeSessionEnumReply(blob.data(), blob.size());
    QVERIFY(r.ok());
    QCOMPARE(r->status, sc::win32::MoreData);
    QCOMPARE(r->sessions.size(), std::size_t(2));
    QCOMPARE(r->totalEntries, 7u);
    QCOMPARE(describe(r->resumeHandle), QStringLiteral("2"));

    const ByteBuffer request = loadBlob(QStringLiteral("enum_request_level1_filters_resume.bin"));
    auto req = SrvsvcCodec::decodeSessionEnumRequest(request.data(), request.size());
    QVERIFY(req.ok());
    QCOMPARE(describe(req->resumeHandle), QStringLiteral("3"));
    QCOMPARE(req->preferredMaximumLength, 4096u);
}

void TestSrvsvcCodec::errorReplyWithoutContainer()
{
    for (const char *file :
        {"enum_reply_level2_invalid_level.bin", "enum_reply_level1_access_denied.bin"}) {
        const ByteBuffer blob = loadBlob(QString::fromLatin1(file));
        auto r = SrvsvcCodec::decodeSessionEnumReply(blob.data(), blob.size());
        QVERIFY2(r.ok(), file);
        QVERIFY(r->sessions.empty());
        QVERIFY(r->status == sc::win32::InvalidLevel || r->status == sc::win32::AccessDenied);
    }
}

void TestSrvsvcCodec::truncatedVectorsFail_data()
{
    decodeVectors_data();
}

void TestSrvsvcCodec::truncatedVectorsFail()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    const ByteBuffer blob = loadBlob(file);
    QVERIFY(!blob.empty());
    const QString failure = NdrChecks::truncationFailure(
        blob, [&kind](const ByteBuffer &b) { return decodeAs(kind, b); });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSrvsvcCodec::emptyAndNullInput()
{
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(nullptr, 0), "InfoStruct.Level");
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(nullptr, 100), "InfoStruct.Level");
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionDelReply(nullptr, 4), "return status");
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumRequest(nullptr, 0), "ServerName");
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionDelRequest(nullptr, 0), "ServerName");
}

void TestSrvsvcCodec::hugeCounts()
{
    // Counts that would make a naive decoder reserve gigabytes must fail before allocating.
    for (std::uint32_t count : {0xffffffffu, 0x80000000u, 0x10000000u, 4u}) {
        Level1ReplyParts p;
        p.entriesRead = count;
        p.maxCount = count;
        const ByteBuffer b = level1Reply(p);
        VERIFY_MALFORMED(
            SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()), "SESSION_INFO_1 array");
    }
    // A huge string length with a matching max_count.
    Level1ReplyParts p;
    p.cnameMax = 0xffffffffu;
    p.cnameActual = 0xffffffffu;
    const ByteBuffer b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "SESSION_INFO_1[0].sesi1_cname: truncated");
    // Count fits the remaining bytes for level 0 (4 bytes each) but not their strings.
    const ByteBuffer l0
        = NdrBuilder().u32s({0, 0, 0x20000, 6, 0x20004, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0}).bytes();
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(l0.data(), l0.size()), "SESSION_INFO_0[");
}

void TestSrvsvcCodec::countMismatch()
{
    Level1ReplyParts p;
    p.maxCount = 2; // array max_count != EntriesRead
    ByteBuffer b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "SESSION_INFO_1_CONTAINER.Buffer max_count");
    p.maxCount = 0;
    b = level1Reply(p);
    VERIFY_MALFORMED(
        SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()), "differs from EntriesRead");
}

void TestSrvsvcCodec::nullPointers()
{
    Level1ReplyParts p;
    p.bufferRef = 0; // EntriesRead 1 but no array
    ByteBuffer b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "SESSION_INFO_1_CONTAINER.Buffer: null with EntriesRead > 0");

    p = {};
    p.containerRef = 0; // no container but success
    b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "container: null in a successful reply");
    p.status = sc::win32::MoreData;
    b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()), "container");
    p.status = sc::win32::AccessDenied;
    b = level1Reply(p);
    auto denied = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
    QVERIFY(denied.ok());
    QCOMPARE(denied->status, sc::win32::AccessDenied);
    QVERIFY(denied->sessions.empty());

    // Null string pointers in an entry are allowed by the IDL and read as empty strings.
    p = {};
    p.cnameRef = 0;
    p.userRef = 0;
    b = level1Reply(p);
    auto nulls = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
    QVERIFY(nulls.ok());
    QCOMPARE(nulls->sessions.size(), std::size_t(1));
    QVERIFY(nulls->sessions[0].clientName.empty());
    QVERIFY(nulls->sessions[0].userName.empty());
    QCOMPARE(nulls->sessions[0].openCount, 2u);
}

void TestSrvsvcCodec::stringHeaders()
{
    Level1ReplyParts p;
    p.cnameOffset = 1;
    ByteBuffer b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "SESSION_INFO_1[0].sesi1_cname: offset != 0");

    p = {};
    p.cnameMax = 3; // "pc-ana" + NUL is 7 units
    b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "SESSION_INFO_1[0].sesi1_cname: actual_count > max_count");

    // max_count above actual_count is legal (a sized buffer only partly used).
    p = {};
    p.cnameMax = 100;
    b = level1Reply(p);
    auto big = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
    QVERIFY(big.ok());
    QCOMPARE(q(big->sessions[0].clientName), QStringLiteral("pc-ana"));

    // actual_count promising one more unit than is left, with an odd number of bytes left:
    // the string is cut in the middle of a UTF-16 unit.
    const ByteBuffer odd
        = NdrBuilder().u32(0x20000).u32(4).u32(0).u32(4).raw({'a', 0, 'b', 0, 'c'}).bytes();
    VERIFY_MALFORMED(
        SrvsvcCodec::decodeSessionDelRequest(odd.data(), odd.size()), "ServerName: truncated");
    // A string whose byte length would overflow 32 bits if computed carelessly.
    const ByteBuffer wrap = NdrBuilder()
                                .u32(0x20000)
                                .u32(0x80000001u)
                                .u32(0)
                                .u32(0x80000001u)
                                .raw({'a', 0, 0, 0})
                                .bytes();
    VERIFY_MALFORMED(
        SrvsvcCodec::decodeSessionDelRequest(wrap.data(), wrap.size()), "ServerName: truncated");
    // The same rules hold for the request decoders.
    const ByteBuffer reqOffset
        = NdrBuilder().u32(0).u32(0x20000).strRaw(3, 2, 3, u"ab", true).u32(0).bytes();
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionDelRequest(reqOffset.data(), reqOffset.size()),
        "ClientName: offset != 0");
}

void TestSrvsvcCodec::levelChecks()
{
    Level1ReplyParts p;
    p.tag = 2; // discriminant differs from Level
    ByteBuffer b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
        "InfoStruct.SessionInfo tag: differs from Level");
    for (std::uint32_t level : {3u, 11u, 501u, 503u, 0xffffffffu}) {
        p.level = level;
        p.tag = level;
        b = level1Reply(p);
        VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()),
            "InfoStruct.Level: unknown level");
    }
    // A level-1 body labelled level 502 is read as 502 entries and runs out of data.
    p = {};
    p.level = 502;
    p.tag = 502;
    b = level1Reply(p);
    VERIFY_MALFORMED(SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size()), "SESSION_INFO_502");

    // Requests: the level and discriminant must agree too.
    SrvsvcCodec::SessionEnumRequest req;
    req.level = InfoLevel::Level10;
    ByteBuffer wire = SrvsvcCodec::encodeSessionEnumRequest(req);
    // No names: Level sits at offset 12, the discriminant at 16.
    QCOMPARE(wire[12], std::uint8_t(10));
    wire[16] = 2;
    VERIFY_MALFORMED(
        SrvsvcCodec::decodeSessionEnumRequest(wire.data(), wire.size()), "tag: differs from Level");
    wire[12] = 7;
    wire[16] = 7;
    VERIFY_MALFORMED(
        SrvsvcCodec::decodeSessionEnumRequest(wire.data(), wire.size()), "unknown level");
}

void TestSrvsvcCodec::terminatorHandling()
{
    // Missing terminator: tolerated, the value is every unit sent.
    Level1ReplyParts p;
    p.cnameNul = false;
    ByteBuffer b = level1Reply(p);
    auto r = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
    QVERIFY(r.ok());
    QCOMPARE(q(r->sessions[0].clientName), QStringLiteral("pc-ana"));
    QCOMPARE(q(r->sessions[0].userName), QStringLiteral("ana"));

    // Embedded NUL: the value ends there, as it would for a C caller.
    const ByteBuffer embedded = NdrBuilder()
                                    .u32(0x20000)
                                    .strRaw(6, 0, 6, std::u16string(u"ab\0cd", 5), true)
                                    .u32(0)
                                    .u32(0)
                                    .bytes();
    auto d = SrvsvcCodec::decodeSessionDelRequest(embedded.data(), embedded.size());
    QVERIFY(d.ok());
    QCOMPARE(describe(d->serverName), QStringLiteral("\"ab\""));

    // actual_count 0: an empty string, not an error.
    const ByteBuffer empty
        = NdrBuilder().u32(0x20000).strRaw(0, 0, 0, u"", false).u32(0).u32(0).bytes();
    auto e = SrvsvcCodec::decodeSessionDelRequest(empty.data(), empty.size());
    QVERIFY(e.ok());
    QCOMPARE(describe(e->serverName), QStringLiteral("\"\""));

    // Characters outside the BMP survive as surrogate pairs.
    SrvsvcCodec::SessionDelRequest del;
    del.userName = u"\U0001D518-\u00f1";
    const ByteBuffer wire = SrvsvcCodec::encodeSessionDelRequest(del);
    auto back = SrvsvcCodec::decodeSessionDelRequest(wire.data(), wire.size());
    QVERIFY(back.ok());
    QCOMPARE(back->userName->size(), std::size_t(4));
    QVERIFY(*back->userName == *del.userName);
}

void TestSrvsvcCodec::clientNameBackslashes()
{
    // Only SessionInfo::clientName is normalised; request fields keep what was sent.
    for (const auto &[wire, bare] : std::initializer_list<std::pair<std::u16string, QString>> {
             {u"\\\\host", QStringLiteral("host")}, {u"\\single", QStringLiteral("single")},
             {u"host", QStringLiteral("host")}, {u"\\\\", QString()},
             {u"a\\\\b", QStringLiteral("a\\\\b")}}) {
        SrvsvcCodec::SessionEnumReply reply;
        reply.level = InfoLevel::Level0;
        SessionInfo s;
        s.clientName = wire;
        reply.sessions.push_back(s);
        const ByteBuffer b = SrvsvcCodec::encodeSessionEnumReply(reply);
        auto r = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
        QVERIFY(r.ok());
        QCOMPARE(q(r->sessions[0].clientName), bare);
    }
    SrvsvcCodec::SessionDelRequest del;
    del.clientName = u"\\\\host";
    const ByteBuffer b = SrvsvcCodec::encodeSessionDelRequest(del);
    auto r = SrvsvcCodec::decodeSessionDelRequest(b.data(), b.size());
    QVERIFY(r.ok());
    QCOMPARE(describe(r->clientName), QStringLiteral("\"\\\\host\""));
}

void TestSrvsvcCodec::trailingBytesIgnored()
{
    ByteBuffer b = kHandLevel1;
    b.insert(b.end(), {0xde, 0xad, 0xbe, 0xef, 0x00});
    auto r = SrvsvcCodec::decodeSessionEnumReply(b.data(), b.size());
    QVERIFY(r.ok());
    QCOMPARE(r->sessions.size(), std::size_t(1));
}

void TestSrvsvcCodec::fuzzCorpusDecodesCleanly()
{
    // Every seed and every input a fuzzer ever crashed on (kept in the corpus as regression
    // cases) must decode or fail with MalformedReply. Run under the sanitizer build too.
    const QDir root(QStringLiteral(SC_FUZZ_CORPUS_DIR));
    const QStringList targets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(targets.size() >= 4);
    int files = 0;
    for (const QString &target : targets) {
        // The open-file and share decoders' seeds are tst_srvsvcfilecodec's; the Samba
        // worker's replies are not srvsvc NDR (tst_rpcworkerprotocol decodes its seeds).
        if (target.startsWith(QLatin1String("fuzz_file_"))
            || target.startsWith(QLatin1String("fuzz_share_"))
            || target.startsWith(QLatin1String("fuzz_rpcworker_"))) {
            continue;
        }
        // Directories are named after the fuzz targets: fuzz_enum_reply -> "enum-reply".
        QString kind = target;
        kind.remove(0, int(qstrlen("fuzz_"))).replace(QLatin1Char('_'), QLatin1Char('-'));
        QVERIFY2(kind == QLatin1String("enum-reply") || kind == QLatin1String("enum-request")
                || kind == QLatin1String("del-request") || kind == QLatin1String("del-reply"),
            qPrintable(target));
        const auto corpus = NdrVectors::corpus(root.filePath(target));
        QVERIFY2(corpus, qPrintable(target));
        for (const NdrVectors::CorpusFile &file : *corpus) {
            if (const auto error = decodeAs(kind, file.bytes))
                QCOMPARE(error->kind(), ErrorKind::MalformedReply);
            ++files;
        }
    }
    QVERIFY(files > 0);
}

// A reply large enough to fill several of the decoder's text blocks (32k units each).
SrvsvcCodec::SessionEnumReply bigReply()
{
    SrvsvcCodec::SessionEnumReply reply = sampleReply(InfoLevel::Level502, 2000);
    for (std::size_t i = 0; i < reply.sessions.size(); ++i) {
        // Unique names, so a text that came from the wrong place shows.
        const std::string n = std::to_string(i);
        reply.sessions[i].clientName = u"pc-" + std::u16string(n.begin(), n.end()) + u"-ñ";
        reply.sessions[i].userName = u"usuario" + std::u16string(n.begin(), n.end());
    }
    return reply;
}

void TestSrvsvcCodec::decodedTextsOutliveTheReply()
{
    // The texts of a decoded reply share a few blocks; every copy must keep what it needs
    // alive on its own, also on another thread, after the list it came from is gone.
    const SrvsvcCodec::SessionEnumReply reply = bigReply();
    const ByteBuffer wire = SrvsvcCodec::encodeSessionEnumReply(reply);
    SessionInfo first;
    SessionInfo last;
    std::vector<SessionInfo> everyThird;
    bool threadSawEqual = false;
    {
        auto back = SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
        QVERIFY(back.ok());
        QVERIFY(back->sessions == reply.sessions);
        first = back->sessions.front();
        last = back->sessions.back();
        for (std::size_t i = 0; i < back->sessions.size(); i += 3)
            everyThird.push_back(back->sessions[i]);
        std::thread reader([copy = back->sessions, &reply, &threadSawEqual]() mutable {
            threadSawEqual = copy == reply.sessions;
            copy.clear();
        });
        back->sessions.clear(); // while the other thread still reads its copy
        reader.join();
    }
    QVERIFY(threadSawEqual);
    QCOMPARE(describe(first), describe(reply.sessions.front()));
    QCOMPARE(describe(last), describe(reply.sessions.back()));
    for (std::size_t i = 0; i < everyThird.size(); ++i)
        QVERIFY(everyThird[i] == reply.sessions[3 * i]);
}

void TestSrvsvcCodec::repeatedTextsShareStorage()
{
    const SrvsvcCodec::SessionEnumReply reply = bigReply();
    const ByteBuffer wire = SrvsvcCodec::encodeSessionEnumReply(reply);
    auto back = SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
    QVERIFY(back.ok());
    const sc::SessionList &s = back->sessions;
    // sampleReply() cycles three client types and transports: equal texts share their units
    // (within one block), different ones do not.
    QCOMPARE(q(s[0].clientType), q(s[3].clientType));
    QVERIFY(s[0].clientType.isSharedWith(s[3].clientType));
    QVERIFY(s[0].transport.isSharedWith(s[3].transport));
    QVERIFY(!s[0].clientType.isSharedWith(s[2].clientType));
    QVERIFY(!s[0].userName.isSharedWith(s[5].userName));
    int repeats = 0;
    int shared = 0;
    for (std::size_t i = 3; i < s.size(); ++i) {
        if (s[i].clientType.empty())
            continue;
        ++repeats;
        shared += s[i].clientType.isSharedWith(s[i - 3].clientType) ? 1 : 0;
    }
    // Only where a new block starts may a repeat get its own copy.
    QVERIFY(repeats > 1000);
    QVERIFY2(shared > repeats * 9 / 10, qPrintable(QString::number(shared)));
}

void TestSrvsvcCodec::sessionTextValueSemantics()
{
    sc::SessionText a(u"\\\\fs-ñandú");
    const sc::SessionText copy = a;
    QVERIFY(copy.isSharedWith(a));
    const sc::SessionText tail = a.mid(2);
    QCOMPARE(q(tail), QStringLiteral("fs-ñandú"));
    QVERIFY(tail == u"fs-ñandú");
    QVERIFY(tail == std::u16string(u"fs-ñandú"));
    QVERIFY(tail != a);
    QVERIFY(a.mid(100).empty());
    a.clear();
    QVERIFY(a.empty());
    QCOMPARE(a.size(), std::size_t(0));
    QVERIFY(a == u"");
    // The copies stay intact after the original changed.
    QCOMPARE(q(copy), QStringLiteral("\\\\fs-ñandú"));
    QCOMPARE(q(tail), QStringLiteral("fs-ñandú"));
    const std::u16string asString = tail;
    QVERIFY(asString == u"fs-ñandú");
    QVERIFY(sc::SessionText(u"a") < sc::SessionText(u"b"));
    QVERIFY(sc::SessionText() == sc::SessionText(u""));
}

QTEST_APPLESS_MAIN(TestSrvsvcCodec)
#include "tst_srvsvccodec.moc"
