// SPDX-License-Identifier: GPL-3.0-or-later
// SrvsvcFileCodec (NetrFileEnum, NetrFileGetInfo, NetrFileClose, NetrShareEnum) against
// impacket's independent NDR marshalling (tests/data/srvsvc/files, made by
// generate_file_vectors.py), round trips and malformed input.
//
// As in tst_srvsvccodec: requests and replies our encoder writes are compared byte for byte
// with impacket's except for the content of padding after a string's NUL terminator; vectors
// with random referent ids or null string pointers are compared by value.
//
// Decoder choices pinned down here: a null fi3_path_name / fi3_username reads as an empty
// string; a null container is fine with an error status only; a NetrFileGetInfo reply without
// FILE_INFO is fine with an error status only; SHARE_INFO_2's password is never kept.

#include "ndrbuilder.h"
#include "ndrchecks.h"
#include "ndrvectors.h"
#include "srvsvcfilecodec.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <optional>
#include <thread>

#ifndef SC_SRVSVC_FILE_VECTOR_DIR
#error "SC_SRVSVC_FILE_VECTOR_DIR must name tests/data/srvsvc/files"
#endif
#ifndef SC_FUZZ_CORPUS_DIR
#error "SC_FUZZ_CORPUS_DIR must name tests/fuzz/corpus"
#endif

using sc::ByteBuffer;
using sc::ErrorKind;
using sc::FileInfoLevel;
using sc::OpenFileInfo;
using sc::SrvsvcFileCodec;

namespace {

using NdrVectors::describe;
using NdrVectors::differenceExceptPadding;
using NdrVectors::optString;
using NdrVectors::optU32;

QString q(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), qsizetype(s.size()));
}

std::u16string u(const QString &s)
{
    return s.toStdU16String();
}

QString describe(const OpenFileInfo &f)
{
    return QStringLiteral("{id=%1 perms=%2 locks=%3 path=%4 user=%5 level=%6}")
        .arg(f.id)
        .arg(f.permissions)
        .arg(f.lockCount)
        .arg(q(f.path), q(f.userName))
        .arg(std::uint32_t(f.level));
}

QStringList describe(const sc::OpenFileList &list)
{
    QStringList out;
    for (const OpenFileInfo &f : list)
        out << describe(f);
    return out;
}

QString describe(const sc::ShareList &list)
{
    QStringList out;
    for (const sc::ShareInfo &s : list)
        out << QStringLiteral("{%1 type=%2 remark=%3 path=%4 uses=%5}")
                   .arg(q(s.name))
                   .arg(s.type)
                   .arg(q(s.remark), q(s.path))
                   .arg(s.currentUses);
    return out.join(QLatin1Char(' '));
}

ByteBuffer loadBlob(const QString &fileName)
{
    return NdrVectors::blob(QStringLiteral(SC_SRVSVC_FILE_VECTOR_DIR), fileName);
}

std::uint32_t u32(const QJsonObject &o, const char *key)
{
    return std::uint32_t(o.value(QLatin1String(key)).toInteger());
}

OpenFileInfo fileFromJson(const QJsonObject &o)
{
    OpenFileInfo f;
    f.id = u32(o, "id");
    f.permissions = u32(o, "permissions");
    f.lockCount = u32(o, "lockCount");
    f.path = u(o.value(QLatin1String("path")).toString());
    f.userName = u(o.value(QLatin1String("userName")).toString());
    f.level = FileInfoLevel(u32(o, "level"));
    return f;
}

SrvsvcFileCodec::FileEnumReply fileEnumReplyFromJson(const QJsonObject &e)
{
    SrvsvcFileCodec::FileEnumReply r;
    r.level = FileInfoLevel(u32(e, "level"));
    r.status = u32(e, "status");
    r.totalEntries = u32(e, "totalEntries");
    r.resumeHandle = optU32(e.value(QLatin1String("resumeHandle")));
    for (const QJsonValue &f : e.value(QLatin1String("files")).toArray())
        r.files.push_back(fileFromJson(f.toObject()));
    return r;
}

SrvsvcFileCodec::FileEnumRequest fileEnumRequestFromJson(const QJsonObject &e)
{
    SrvsvcFileCodec::FileEnumRequest r;
    r.serverName = optString(e.value(QLatin1String("serverName")));
    r.basePath = optString(e.value(QLatin1String("basePath")));
    r.userName = optString(e.value(QLatin1String("userName")));
    r.level = FileInfoLevel(u32(e, "level"));
    r.preferredMaximumLength = u32(e, "preferredMaximumLength");
    r.resumeHandle = optU32(e.value(QLatin1String("resumeHandle")));
    return r;
}

SrvsvcFileCodec::FileGetInfoReply fileGetInfoReplyFromJson(const QJsonObject &e)
{
    SrvsvcFileCodec::FileGetInfoReply r;
    r.level = FileInfoLevel(u32(e, "level"));
    r.status = u32(e, "status");
    if (!e.value(QLatin1String("file")).isNull())
        r.file = fileFromJson(e.value(QLatin1String("file")).toObject());
    return r;
}

SrvsvcFileCodec::ShareEnumReply shareEnumReplyFromJson(const QJsonObject &e)
{
    SrvsvcFileCodec::ShareEnumReply r;
    r.level = u32(e, "level");
    r.status = u32(e, "status");
    r.totalEntries = u32(e, "totalEntries");
    r.resumeHandle = optU32(e.value(QLatin1String("resumeHandle")));
    for (const QJsonValue &v : e.value(QLatin1String("shares")).toArray()) {
        const QJsonObject o = v.toObject();
        sc::ShareInfo s;
        s.name = u(o.value(QLatin1String("name")).toString());
        s.type = u32(o, "type");
        s.remark = u(o.value(QLatin1String("remark")).toString());
        s.path = u(o.value(QLatin1String("path")).toString());
        s.currentUses = u32(o, "currentUses");
        r.shares.push_back(s);
    }
    return r;
}

// NetrFileEnum replies are decoded both ways, from a plain buffer (texts copied) and from a
// SharedBytes stub as transports hand it over (texts refer to the stub): every vector and
// malformed reply below checks that both give the same answer, then uses the stub's.
sc::Result<SrvsvcFileCodec::FileEnumReply> decodeFileEnum(
    const std::uint8_t *data, std::size_t size)
{
    auto copied = SrvsvcFileCodec::decodeFileEnumReply(data, size);
    const sc::SharedBytes stub = data ? sc::SharedBytes(data, size) : sc::SharedBytes();
    auto referring = SrvsvcFileCodec::decodeFileEnumReply(stub);
    const auto disagree = [] {
        return sc::SessionError::local(
            ErrorKind::Other, "the copying and the stub decoder disagree");
    };
    if (copied.ok() != referring.ok())
        return disagree();
    if (!copied) {
        if (copied.error().kind() != referring.error().kind()
            || copied.error().message() != referring.error().message())
            return disagree();
        return referring;
    }
    if (copied->level != referring->level || copied->files != referring->files
        || copied->totalEntries != referring->totalEntries
        || copied->resumeHandle != referring->resumeHandle || copied->status != referring->status)
        return disagree();
    return referring;
}

bool pointsInto(const sc::SessionText &text, const sc::SharedBytes &stub)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(text.data());
    return p >= stub.data() && p + 2 * text.size() <= stub.data() + stub.size();
}

template<typename R>
std::optional<sc::SessionError> errorOf(const R &r)
{
    return r ? std::nullopt : std::optional(r.error());
}

std::optional<sc::SessionError> decodeAs(const QString &kind, const ByteBuffer &b)
{
    const std::uint8_t *data = b.empty() ? nullptr : b.data();
    if (kind == QLatin1String("file-enum-reply"))
        return errorOf(decodeFileEnum(data, b.size()));
    if (kind == QLatin1String("file-enum-request"))
        return errorOf(SrvsvcFileCodec::decodeFileEnumRequest(data, b.size()));
    if (kind == QLatin1String("file-getinfo-reply"))
        return errorOf(SrvsvcFileCodec::decodeFileGetInfoReply(data, b.size()));
    if (kind == QLatin1String("file-getinfo-request"))
        return errorOf(SrvsvcFileCodec::decodeFileGetInfoRequest(data, b.size()));
    if (kind == QLatin1String("file-close-request"))
        return errorOf(SrvsvcFileCodec::decodeFileCloseRequest(data, b.size()));
    if (kind == QLatin1String("file-close-reply"))
        return errorOf(SrvsvcFileCodec::decodeFileCloseReply(data, b.size()));
    if (kind == QLatin1String("share-enum-request"))
        return errorOf(SrvsvcFileCodec::decodeShareEnumRequest(data, b.size()));
    if (kind == QLatin1String("share-enum-reply"))
        return errorOf(SrvsvcFileCodec::decodeShareEnumReply(data, b.size()));
    qFatal("unknown vector kind %s", qPrintable(kind));
}

// A well-formed level-3 reply with one file; the malformed cases each change one thing.
struct Level3ReplyParts
{
    std::uint32_t level = 3;
    std::uint32_t tag = 3;
    std::uint32_t containerRef = 0x20000;
    std::uint32_t entriesRead = 1;
    std::uint32_t bufferRef = 0x20004;
    std::uint32_t maxCount = 1;
    std::uint32_t pathRef = 0x20008;
    std::uint32_t userRef = 0x2000c;
    std::uint32_t pathOffset = 0;
    int pathActualDelta = 0;
    std::uint32_t status = 0;
};

ByteBuffer level3Reply(const Level3ReplyParts &p)
{
    NdrBuilder n;
    n.u32(p.level).u32(p.tag).u32(p.containerRef);
    if (p.containerRef) {
        n.u32(p.entriesRead).u32(p.bufferRef);
        if (p.bufferRef) {
            n.u32(p.maxCount).u32(0x10001).u32(3).u32(1).u32(p.pathRef).u32(p.userRef);
            if (p.pathRef) {
                const std::u16string path = u"C:\\srv\\lab\\año.txt";
                const auto units = std::uint32_t(path.size() + 1);
                n.strRaw(
                    units, p.pathOffset, std::uint32_t(int(units) + p.pathActualDelta), path, true);
            }
            if (p.userRef)
                n.str(u"josé");
        }
    }
    n.u32(1).u32(0).u32(p.status);
    return n.bytes();
}

SrvsvcFileCodec::FileEnumReply sampleReply(FileInfoLevel level, int count)
{
    const std::u16string paths[] = {u"C:\\srv\\lab\\Abierto ñ\\Presupuesto año 2027.xlsx",
        u"C:\\srv\\lab\\Abierto ñ\\Übersicht Größe.docx", u"", u"D:\\x 𝔘"};
    const std::u16string users[] = {u"josé", u"jürgen", u"alice"};
    SrvsvcFileCodec::FileEnumReply r;
    r.level = level;
    for (int i = 0; i < count; ++i) {
        OpenFileInfo f;
        f.level = level;
        f.id = std::uint32_t(i) * 0x10001u;
        if (level == FileInfoLevel::Level3) {
            f.permissions = std::uint32_t(i % 8);
            f.lockCount = std::uint32_t(i % 3);
            f.path = paths[i % 4];
            f.userName = users[i % 3];
        }
        r.files.push_back(f);
    }
    r.totalEntries = std::uint32_t(count + 2);
    r.resumeHandle = std::uint32_t(count);
    r.status = sc::win32::MoreData;
    return r;
}

} // namespace

class TestSrvsvcFileCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorsPresent();
    void decodeVectors_data();
    void decodeVectors();
    void encodeMatchesVectors_data();
    void encodeMatchesVectors();
    void truncatedVectorsFail_data();
    void truncatedVectorsFail();
    void pagedReply();
    void nullPathAndUser();
    void nonAsciiPaths();
    void roundTripReplies_data();
    void roundTripReplies();
    void emptyAndNullInput();
    void hugeCounts();
    void countMismatch();
    void nullPointers();
    void stringHeaders();
    void levelChecks();
    void getInfoReplyChecks();
    void fuzzCorpusDecodesCleanly();
    void decodedTextsOutliveTheReply();
    void stubTextsReferToTheStub();
    void stubTextsOutliveTheStubOnAnotherThread();
    void arenaCopiesTextsOutsideTheStub();
};

void TestSrvsvcFileCodec::vectorsPresent()
{
    const QString missing = NdrVectors::missing(QStringLiteral(SC_SRVSVC_FILE_VECTOR_DIR), 30, 8);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void TestSrvsvcFileCodec::decodeVectors_data()
{
    NdrVectors::addDataRows(QStringLiteral(SC_SRVSVC_FILE_VECTOR_DIR));
}

void TestSrvsvcFileCodec::decodeVectors()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(QJsonObject, expected);
    const ByteBuffer blob = loadBlob(file);
    QVERIFY(!blob.empty());

    if (kind == QLatin1String("file-enum-reply")) {
        auto r = decodeFileEnum(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = fileEnumReplyFromJson(expected);
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->status, want.status);
        QCOMPARE(r->totalEntries, want.totalEntries);
        QCOMPARE(describe(r->resumeHandle), describe(want.resumeHandle));
        QCOMPARE(describe(r->files), describe(want.files));
        QVERIFY(r->files == want.files);
    } else if (kind == QLatin1String("file-enum-request")) {
        auto r = SrvsvcFileCodec::decodeFileEnumRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = fileEnumRequestFromJson(expected);
        QCOMPARE(describe(r->serverName), describe(want.serverName));
        QCOMPARE(describe(r->basePath), describe(want.basePath));
        QCOMPARE(describe(r->userName), describe(want.userName));
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->preferredMaximumLength, want.preferredMaximumLength);
        QCOMPARE(describe(r->resumeHandle), describe(want.resumeHandle));
    } else if (kind == QLatin1String("file-getinfo-reply")) {
        auto r = SrvsvcFileCodec::decodeFileGetInfoReply(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = fileGetInfoReplyFromJson(expected);
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->status, want.status);
        QCOMPARE(r->file.has_value(), want.file.has_value());
        if (want.file)
            QCOMPARE(describe(*r->file), describe(*want.file));
    } else if (kind == QLatin1String("file-getinfo-request")) {
        auto r = SrvsvcFileCodec::decodeFileGetInfoRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        QCOMPARE(describe(r->serverName),
            describe(optString(expected.value(QLatin1String("serverName")))));
        QCOMPARE(r->fileId, u32(expected, "fileId"));
        QCOMPARE(std::uint32_t(r->level), u32(expected, "level"));
    } else if (kind == QLatin1String("file-close-request")) {
        auto r = SrvsvcFileCodec::decodeFileCloseRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        QCOMPARE(describe(r->serverName),
            describe(optString(expected.value(QLatin1String("serverName")))));
        QCOMPARE(r->fileId, u32(expected, "fileId"));
    } else if (kind == QLatin1String("file-close-reply")) {
        auto r = SrvsvcFileCodec::decodeFileCloseReply(blob.data(), blob.size());
        QVERIFY(r.ok());
        QCOMPARE(*r, u32(expected, "status"));
    } else if (kind == QLatin1String("share-enum-request")) {
        auto r = SrvsvcFileCodec::decodeShareEnumRequest(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        QCOMPARE(describe(r->serverName),
            describe(optString(expected.value(QLatin1String("serverName")))));
        QCOMPARE(r->level, u32(expected, "level"));
        QCOMPARE(r->preferredMaximumLength, u32(expected, "preferredMaximumLength"));
        QCOMPARE(describe(r->resumeHandle),
            describe(optU32(expected.value(QLatin1String("resumeHandle")))));
    } else {
        QCOMPARE(kind, QStringLiteral("share-enum-reply"));
        auto r = SrvsvcFileCodec::decodeShareEnumReply(blob.data(), blob.size());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().detail().c_str());
        const auto want = shareEnumReplyFromJson(expected);
        QCOMPARE(r->level, want.level);
        QCOMPARE(r->status, want.status);
        QCOMPARE(r->totalEntries, want.totalEntries);
        QCOMPARE(describe(r->resumeHandle), describe(want.resumeHandle));
        QCOMPARE(describe(r->shares), describe(want.shares));
        QVERIFY(r->shares == want.shares);
    }
}

void TestSrvsvcFileCodec::encodeMatchesVectors_data()
{
    decodeVectors_data();
}

void TestSrvsvcFileCodec::encodeMatchesVectors()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(bool, encoderExact);
    QFETCH(QJsonObject, expected);
    const ByteBuffer blob = loadBlob(file);
    QVERIFY(!blob.empty());

    ByteBuffer ours;
    if (kind == QLatin1String("file-enum-reply")) {
        ours = SrvsvcFileCodec::encodeFileEnumReply(fileEnumReplyFromJson(expected));
    } else if (kind == QLatin1String("file-enum-request")) {
        ours = SrvsvcFileCodec::encodeFileEnumRequest(fileEnumRequestFromJson(expected));
    } else if (kind == QLatin1String("file-getinfo-reply")) {
        ours = SrvsvcFileCodec::encodeFileGetInfoReply(fileGetInfoReplyFromJson(expected));
    } else if (kind == QLatin1String("file-getinfo-request")) {
        SrvsvcFileCodec::FileGetInfoRequest r;
        r.serverName = optString(expected.value(QLatin1String("serverName")));
        r.fileId = u32(expected, "fileId");
        r.level = FileInfoLevel(u32(expected, "level"));
        ours = SrvsvcFileCodec::encodeFileGetInfoRequest(r);
    } else if (kind == QLatin1String("file-close-request")) {
        SrvsvcFileCodec::FileCloseRequest r;
        r.serverName = optString(expected.value(QLatin1String("serverName")));
        r.fileId = u32(expected, "fileId");
        ours = SrvsvcFileCodec::encodeFileCloseRequest(r);
    } else if (kind == QLatin1String("file-close-reply")) {
        ours = SrvsvcFileCodec::encodeFileCloseReply(u32(expected, "status"));
    } else if (kind == QLatin1String("share-enum-request")) {
        SrvsvcFileCodec::ShareEnumRequest r;
        r.serverName = optString(expected.value(QLatin1String("serverName")));
        r.preferredMaximumLength = u32(expected, "preferredMaximumLength");
        r.resumeHandle = optU32(expected.value(QLatin1String("resumeHandle")));
        ours = SrvsvcFileCodec::encodeShareEnumRequest(r);
    } else {
        ours = SrvsvcFileCodec::encodeShareEnumReply(shareEnumReplyFromJson(expected));
    }

    if (encoderExact) {
        const QString difference = differenceExceptPadding(ours, blob);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    // Either way, what we write must decode to what impacket's bytes decode to.
    QVERIFY(!decodeAs(kind, ours));
}

void TestSrvsvcFileCodec::truncatedVectorsFail_data()
{
    decodeVectors_data();
}

void TestSrvsvcFileCodec::truncatedVectorsFail()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    const ByteBuffer blob = loadBlob(file);
    QVERIFY(!blob.empty());
    const QString failure = NdrChecks::truncationFailure(
        blob, [&kind](const ByteBuffer &b) { return decodeAs(kind, b); });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSrvsvcFileCodec::pagedReply()
{
    // Windows' first page: 2 of 5 entries, ERROR_MORE_DATA and where to go on.
    for (const char *name :
        {"file_enum_reply_level3_more_data.bin", "file_enum_reply_level2_more_data.bin"}) {
        const ByteBuffer blob = loadBlob(QLatin1String(name));
        auto r = decodeFileEnum(blob.data(), blob.size());
        QVERIFY(r.ok());
        QCOMPARE(r->status, sc::win32::MoreData);
        QCOMPARE(r->files.size(), std::size_t(2));
        QCOMPARE(r->totalEntries, 5u);
        QCOMPARE(describe(r->resumeHandle), QStringLiteral("2"));
        QCOMPARE(r->files[1].id, 0x1A2B0002u);
    }
    const ByteBuffer last = loadBlob(QStringLiteral("file_enum_reply_level3_last_page.bin"));
    auto r = decodeFileEnum(last.data(), last.size());
    QVERIFY(r.ok());
    QCOMPARE(r->status, sc::win32::Success);
    QCOMPARE(r->files.size(), std::size_t(2));
    QCOMPARE(describe(r->resumeHandle), QStringLiteral("0"));
}

void TestSrvsvcFileCodec::nullPathAndUser()
{
    const ByteBuffer blob = loadBlob(QStringLiteral("file_enum_reply_level3_null_path_user.bin"));
    auto r = decodeFileEnum(blob.data(), blob.size());
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), std::size_t(1));
    QVERIFY(r->files[0].path.empty());
    QVERIFY(r->files[0].userName.empty());
    QCOMPARE(r->files[0].id, 0x00070005u);
    QCOMPARE(r->files[0].lockCount, 1u);
    // Hand-built: the path pointer null, the user's string right after the fixed part.
    Level3ReplyParts p;
    p.pathRef = 0;
    const ByteBuffer b = level3Reply(p);
    auto h = decodeFileEnum(b.data(), b.size());
    QVERIFY(h.ok());
    QVERIFY(h->files[0].path.empty());
    QCOMPARE(q(h->files[0].userName), QStringLiteral("josé"));
}

void TestSrvsvcFileCodec::nonAsciiPaths()
{
    const ByteBuffer blob = loadBlob(QStringLiteral("file_enum_reply_level3.bin"));
    auto r = decodeFileEnum(blob.data(), blob.size());
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), std::size_t(4));
    QCOMPARE(
        q(r->files[0].path), QStringLiteral("C:\\srv\\lab\\Abierto ñ\\Presupuesto año 2027.xlsx"));
    QCOMPARE(q(r->files[1].path), QStringLiteral("C:\\srv\\lab\\Abierto ñ\\Übersicht Größe.docx"));
    QCOMPARE(q(r->files[2].path), QStringLiteral("C:\\srv\\lab\\Abierto ñ\\straße plan.txt"));
    QCOMPARE(q(r->files[3].path), QStringLiteral("D:\\Daten\\Notizen 𝔘.md"));
    QCOMPARE(q(r->files[0].userName), QStringLiteral("josé"));
    QCOMPARE(q(r->files[1].userName), QStringLiteral("jürgen"));
    QVERIFY(r->files[1].canRead() && r->files[1].canWrite() && !r->files[1].canCreate());
    QVERIFY(r->files[3].canCreate());
    QCOMPARE(r->files[3].lockCount, 0xFFFFFFFFu);
}

void TestSrvsvcFileCodec::roundTripReplies_data()
{
    QTest::addColumn<FileInfoLevel>("level");
    QTest::addColumn<int>("count");
    for (FileInfoLevel level : sc::kFileAutoLevelOrder) {
        for (int count : {0, 1, 7, 3000}) {
            QTest::addRow("level%u_%d", std::uint32_t(level), count) << level << count;
        }
    }
}

void TestSrvsvcFileCodec::roundTripReplies()
{
    QFETCH(FileInfoLevel, level);
    QFETCH(int, count);
    const auto reply = sampleReply(level, count);
    const ByteBuffer wire = SrvsvcFileCodec::encodeFileEnumReply(reply);
    auto back = decodeFileEnum(wire.data(), wire.size());
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().detail().c_str());
    QVERIFY(back->files == reply.files);
    QCOMPARE(back->totalEntries, reply.totalEntries);
    QCOMPARE(describe(back->resumeHandle), describe(reply.resumeHandle));
    QCOMPARE(back->status, reply.status);

    if (count == 0)
        return;
    SrvsvcFileCodec::FileGetInfoReply one;
    one.level = level;
    one.file = reply.files.back();
    const ByteBuffer w1 = SrvsvcFileCodec::encodeFileGetInfoReply(one);
    auto b1 = SrvsvcFileCodec::decodeFileGetInfoReply(w1.data(), w1.size());
    QVERIFY(b1.ok());
    QVERIFY(b1->file == one.file);
}

void TestSrvsvcFileCodec::emptyAndNullInput()
{
    VERIFY_MALFORMED(decodeFileEnum(nullptr, 0), "InfoStruct.Level");
    VERIFY_MALFORMED(decodeFileEnum(nullptr, 100), "InfoStruct.Level");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileGetInfoReply(nullptr, 8), "InfoStruct tag");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileCloseReply(nullptr, 4), "return status");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeShareEnumReply(nullptr, 0), "InfoStruct.Level");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileEnumRequest(nullptr, 0), "ServerName");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileGetInfoRequest(nullptr, 0), "ServerName");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileCloseRequest(nullptr, 0), "ServerName");
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeShareEnumRequest(nullptr, 0), "ServerName");
}

void TestSrvsvcFileCodec::hugeCounts()
{
    // Counts that would make a naive decoder reserve gigabytes must fail before allocating.
    for (std::uint32_t count : {0xffffffffu, 0x80000000u, 0x0CCCCCCDu, 8u}) {
        Level3ReplyParts p;
        p.entriesRead = count;
        p.maxCount = count;
        const ByteBuffer b = level3Reply(p);
        VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()), "FILE_INFO_3 array");
    }
    // Level 2: 4 bytes an entry, so 5 entries fit the bytes of the tail but one is missing.
    const ByteBuffer l2 = NdrBuilder().u32s({2, 2, 0x20000, 6, 0x20004, 6, 1, 2, 3, 4, 5}).bytes();
    VERIFY_MALFORMED(decodeFileEnum(l2.data(), l2.size()), "FILE_INFO_2 array");
    // Shares: 32 bytes an entry.
    const ByteBuffer s
        = NdrBuilder().u32s({2, 2, 0x20000, 0x08000000, 0x20004, 0x08000000, 0, 0, 0}).bytes();
    VERIFY_MALFORMED(
        SrvsvcFileCodec::decodeShareEnumReply(s.data(), s.size()), "SHARE_INFO_2 array");
}

void TestSrvsvcFileCodec::countMismatch()
{
    Level3ReplyParts p;
    p.maxCount = 2;
    const ByteBuffer b = level3Reply(p);
    VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()),
        "FILE_INFO_3_CONTAINER.Buffer max_count: differs from EntriesRead");
}

void TestSrvsvcFileCodec::nullPointers()
{
    Level3ReplyParts p;
    p.bufferRef = 0; // EntriesRead 1 but no array
    ByteBuffer b = level3Reply(p);
    VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()), "null with EntriesRead > 0");
    // No container: fine with an error status, malformed with success or ERROR_MORE_DATA.
    p = {};
    p.containerRef = 0;
    p.status = sc::win32::AccessDenied;
    b = level3Reply(p);
    auto denied = decodeFileEnum(b.data(), b.size());
    QVERIFY(denied.ok());
    QCOMPARE(denied->status, sc::win32::AccessDenied);
    QVERIFY(denied->files.empty());
    for (std::uint32_t status : {sc::win32::Success, sc::win32::MoreData}) {
        p.status = status;
        b = level3Reply(p);
        VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()), "null in a successful reply");
    }
}

void TestSrvsvcFileCodec::stringHeaders()
{
    Level3ReplyParts p;
    p.pathOffset = 1;
    ByteBuffer b = level3Reply(p);
    VERIFY_MALFORMED(
        decodeFileEnum(b.data(), b.size()), "FILE_INFO_3[0].fi3_path_name: offset != 0");
    p = {};
    p.pathActualDelta = 1;
    b = level3Reply(p);
    VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()),
        "FILE_INFO_3[0].fi3_path_name: actual_count > max_count");
    // Truncated user name: the reply ends inside fi3_username.
    b = level3Reply({});
    b.resize(b.size() - 20);
    VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()), "FILE_INFO_3[0].fi3_username: truncated");
}

void TestSrvsvcFileCodec::levelChecks()
{
    for (std::uint32_t level : {0u, 1u, 4u, 502u}) {
        Level3ReplyParts p;
        p.level = p.tag = level;
        const ByteBuffer b = level3Reply(p);
        VERIFY_MALFORMED(decodeFileEnum(b.data(), b.size()), "InfoStruct.Level: unknown level");
    }
    Level3ReplyParts p;
    p.tag = 2;
    const ByteBuffer b = level3Reply(p);
    VERIFY_MALFORMED(
        decodeFileEnum(b.data(), b.size()), "InfoStruct.FileInfo tag: differs from Level");
    // NetrShareEnum: only SHARE_INFO_2 is decoded.
    const ByteBuffer s = NdrBuilder().u32s({502, 502, 0, 0, 0, 5}).bytes();
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeShareEnumReply(s.data(), s.size()),
        "InfoStruct.Level: unknown level");
    const ByteBuffer g = NdrBuilder().u32(0).u32(1).u32(0x20000).u32(2).bytes();
    VERIFY_MALFORMED(
        SrvsvcFileCodec::decodeFileGetInfoRequest(g.data(), g.size()), "Level: unknown level");
}

void TestSrvsvcFileCodec::getInfoReplyChecks()
{
    // Samba's NetrFileGetInfo faults instead of answering, but Windows answers
    // ERROR_FILE_NOT_FOUND without a FILE_INFO; without an error that is malformed.
    ByteBuffer b = NdrBuilder().u32(3).u32(0).u32(2).bytes();
    auto notFound = SrvsvcFileCodec::decodeFileGetInfoReply(b.data(), b.size());
    QVERIFY(notFound.ok());
    QVERIFY(!notFound->file);
    QCOMPARE(notFound->status, 2u);
    b = NdrBuilder().u32(3).u32(0).u32(0).bytes();
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileGetInfoReply(b.data(), b.size()),
        "InfoStruct.FILE_INFO_3: null in a successful reply");
    b = NdrBuilder().u32(7).u32(0x20000).u32(1).u32(0).bytes();
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileGetInfoReply(b.data(), b.size()),
        "InfoStruct tag: unknown level");
    // The pointee's fixed part cut short.
    b = NdrBuilder().u32(3).u32(0x20000).u32(1).u32(3).bytes();
    VERIFY_MALFORMED(SrvsvcFileCodec::decodeFileGetInfoReply(b.data(), b.size()),
        "FILE_INFO_3 array: count exceeds the data");
}

void TestSrvsvcFileCodec::fuzzCorpusDecodesCleanly()
{
    // Every seed and every input a fuzzer ever crashed on must decode or fail with
    // MalformedReply, with every decoder its target runs.
    const QDir root(QStringLiteral(SC_FUZZ_CORPUS_DIR));
    const std::pair<const char *, QStringList> targets[] = {
        {"fuzz_file_enum_reply", {QStringLiteral("file-enum-reply")}},
        {"fuzz_file_getinfo_reply", {QStringLiteral("file-getinfo-reply")}},
        {"fuzz_share_enum_reply", {QStringLiteral("share-enum-reply")}},
        {"fuzz_file_requests",
            {QStringLiteral("file-enum-request"), QStringLiteral("file-getinfo-request"),
                QStringLiteral("file-close-request"), QStringLiteral("file-close-reply"),
                QStringLiteral("share-enum-request")}},
    };
    int files = 0;
    for (const auto &[target, kinds] : targets) {
        const auto corpus = NdrVectors::corpus(root.filePath(QLatin1String(target)));
        QVERIFY2(corpus && !corpus->isEmpty(), target);
        for (const NdrVectors::CorpusFile &file : *corpus) {
            for (const QString &kind : kinds) {
                if (const auto error = decodeAs(kind, file.bytes))
                    QCOMPARE(error->kind(), ErrorKind::MalformedReply);
            }
            ++files;
        }
    }
    QVERIFY(files >= 30);
}

void TestSrvsvcFileCodec::decodedTextsOutliveTheReply()
{
    auto reply = sampleReply(FileInfoLevel::Level3, 3000);
    const ByteBuffer wire = SrvsvcFileCodec::encodeFileEnumReply(reply);
    OpenFileInfo kept;
    {
        auto back = decodeFileEnum(wire.data(), wire.size());
        QVERIFY(back.ok());
        kept = back->files[2999];
    }
    QVERIFY(kept == reply.files[2999]);
}

void TestSrvsvcFileCodec::stubTextsReferToTheStub()
{
    // No copy: the paths are most of a reply's bytes.
    const sc::SharedBytes stub(loadBlob(QStringLiteral("file_enum_reply_level3.bin")));
    auto r = SrvsvcFileCodec::decodeFileEnumReply(stub);
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), std::size_t(4));
    for (const OpenFileInfo &f : r->files) {
        QVERIFY2(pointsInto(f.path, stub), qPrintable(q(f.path)));
        QVERIFY2(pointsInto(f.userName, stub), qPrintable(q(f.userName)));
    }
    QCOMPARE(q(r->files[3].path), QStringLiteral("D:\\Daten\\Notizen 𝔘.md"));
    // The plain-buffer decoder still copies: its texts must not depend on the caller's buffer.
    auto copied = SrvsvcFileCodec::decodeFileEnumReply(stub.data(), stub.size());
    QVERIFY(copied.ok());
    QVERIFY(!pointsInto(copied->files[0].path, stub));
}

void TestSrvsvcFileCodec::stubTextsOutliveTheStubOnAnotherThread()
{
    auto reply = sampleReply(FileInfoLevel::Level3, 3000);
    std::optional<sc::SharedBytes> stub(SrvsvcFileCodec::encodeFileEnumReply(reply));
    OpenFileInfo first;
    OpenFileInfo last;
    {
        auto back = SrvsvcFileCodec::decodeFileEnumReply(*stub);
        QVERIFY(back.ok());
        QVERIFY(pointsInto(back->files[2999].path, *stub));
        first = back->files.front();
        last = back->files.back();
    }
    // The transport's reference is gone, and so are the other 2998 rows: the two copies keep
    // the stub alive by themselves, also on another thread (ASan builds check the reads).
    stub.reset();
    bool same = false;
    std::thread reader([&] {
        const OpenFileInfo a = first;
        const OpenFileInfo b = std::move(last);
        same = a == reply.files.front() && b == reply.files.back();
    });
    reader.join();
    QVERIFY(same);
    first = {};
    QVERIFY(last.path.empty());
}

void TestSrvsvcFileCodec::arenaCopiesTextsOutsideTheStub()
{
    // UTF-16LE "añb" twice: at an even and at an odd offset of the stub.
    const ByteBuffer bytes = {'a', 0, 0xF1, 0, 'b', 0, 0, 'a', 0, 0xF1, 0, 'b', 0};
    const sc::SharedBytes stub(bytes);
    sc::SessionText inside;
    sc::SessionText odd;
    sc::SessionText outside;
    {
        sc::SessionText::Arena arena(stub);
        inside = arena.addLittleEndian(stub.data(), 3);
        odd = arena.addRepeatingLittleEndian(0, stub.data() + 7, 3);
        outside = arena.addLittleEndian(bytes.data(), 3);
    }
    QVERIFY(pointsInto(inside, stub));
    QVERIFY(!pointsInto(odd, stub));
    QVERIFY(!pointsInto(outside, stub));
    QCOMPARE(q(inside), QStringLiteral("añb"));
    QCOMPARE(q(odd), QStringLiteral("añb"));
    QCOMPARE(q(outside), QStringLiteral("añb"));
}

QTEST_GUILESS_MAIN(TestSrvsvcFileCodec)
#include "tst_srvsvcfilecodec.moc"
