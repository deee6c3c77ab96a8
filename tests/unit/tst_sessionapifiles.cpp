// SPDX-License-Identifier: GPL-3.0-or-later
// SessionApi's open-file half (enumerateFiles, fileInfo, closeFiles, enumerateShares) through
// RpcSessionApi over a fake srvsvc server that speaks real NDR (SrvsvcFileCodec) and can
// behave like Samba 4.17, Samba 4.21 or Windows: level 3 only or level 2 only, paging or not,
// NetrFileGetInfo served or answered with "procedure number out of range", closes refused.
#include "rpcsessionapi.h"
#include "sessionapi.h"
#include "sharepathmap.h"
#include "srvsvcfilecodec.h"
#include "testrecords.h"

#include <QString>
#include <QTest>

#include <memory>

using namespace sc;

namespace {

using TestRecords::openFileInfo;

QString q(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), static_cast<qsizetype>(s.size()));
}

// What the fake server holds and how it behaves; shared with the test (the api owns the
// transport).
struct FileServer
{
    OpenFileList open;
    ShareList shares;
    bool level2Only = false; ///< Windows NT 4-like: level 3 refused
    bool getInfoFaults = true; ///< Samba: NetrFileGetInfo is not implemented
    bool closeAlwaysNotFound = false; ///< Samba 4.21: ERROR_FILE_NOT_FOUND after a close
    bool closeDenied = false; ///< no SeDiskOperatorPrivilege
    bool closeIgnored = false; ///< answers success but keeps the file open
    std::size_t pageSize = 0; ///< 0: everything in one reply (Samba)
    /// Like Samba, which only asks the holder's smbd to close: the file stays listed for
    /// this many NetrFileEnum calls after the close.
    int closeLagEnums = 0;
    std::vector<std::uint32_t> closing;

    struct Call
    {
        std::uint16_t opnum;
        ByteBuffer request;
    };
    std::vector<Call> calls;

    int count(std::uint16_t opnum) const
    {
        return int(std::count_if(
            calls.begin(), calls.end(), [opnum](const Call &c) { return c.opnum == opnum; }));
    }
    std::vector<SrvsvcFileCodec::FileEnumRequest> enumRequests() const
    {
        std::vector<SrvsvcFileCodec::FileEnumRequest> out;
        for (const Call &c : calls) {
            if (c.opnum == SrvsvcFileCodec::kOpNetrFileEnum)
                out.push_back(
                    *SrvsvcFileCodec::decodeFileEnumRequest(c.request.data(), c.request.size()));
        }
        return out;
    }

    Result<ByteBuffer> answer(std::uint16_t opnum, const ByteBuffer &request)
    {
        calls.push_back({opnum, request});
        switch (opnum) {
        case SrvsvcFileCodec::kOpNetrFileEnum:
            return enumFiles(
                *SrvsvcFileCodec::decodeFileEnumRequest(request.data(), request.size()));
        case SrvsvcFileCodec::kOpNetrFileGetInfo: {
            if (getInfoFaults)
                return SessionError::fromRpcFault(0x1C010002, "opnum 10: DCE/RPC fault");
            const auto r
                = *SrvsvcFileCodec::decodeFileGetInfoRequest(request.data(), request.size());
            SrvsvcFileCodec::FileGetInfoReply reply;
            reply.level = r.level;
            reply.status = win32::FileNotFound;
            for (const OpenFileInfo &f : open) {
                if (f.id == r.fileId) {
                    reply.file = f;
                    reply.status = 0;
                }
            }
            return SrvsvcFileCodec::encodeFileGetInfoReply(reply);
        }
        case SrvsvcFileCodec::kOpNetrFileClose: {
            const auto r = *SrvsvcFileCodec::decodeFileCloseRequest(request.data(), request.size());
            if (closeDenied)
                return SrvsvcFileCodec::encodeFileCloseReply(win32::AccessDenied);
            const auto before = open.size();
            if (closeLagEnums > 0) {
                closing.push_back(r.fileId);
                return SrvsvcFileCodec::encodeFileCloseReply(0u);
            }
            if (!closeIgnored)
                std::erase_if(open, [&r](const OpenFileInfo &f) { return f.id == r.fileId; });
            const bool found = before != open.size() || closeIgnored;
            return SrvsvcFileCodec::encodeFileCloseReply(
                found && !closeAlwaysNotFound ? 0u : win32::FileNotFound);
        }
        case SrvsvcFileCodec::kOpNetrShareEnum: {
            const auto r = *SrvsvcFileCodec::decodeShareEnumRequest(request.data(), request.size());
            SrvsvcFileCodec::ShareEnumReply reply;
            const std::size_t first = r.resumeHandle.value_or(0);
            const std::size_t n = pageSize ? pageSize : shares.size();
            for (std::size_t i = first; i < shares.size() && i < first + n; ++i)
                reply.shares.push_back(shares[i]);
            reply.totalEntries = std::uint32_t(shares.size() - first);
            const bool more = first + n < shares.size();
            reply.resumeHandle = std::uint32_t(more ? first + n : 0);
            reply.status = more ? win32::MoreData : 0;
            return SrvsvcFileCodec::encodeShareEnumReply(reply);
        }
        }
        return SessionError::fromRpcFault(0x1C010002, "unexpected opnum");
    }

    ByteBuffer enumFiles(const SrvsvcFileCodec::FileEnumRequest &r)
    {
        if (!closing.empty() && closeLagEnums-- == 0) {
            for (std::uint32_t id : closing)
                std::erase_if(open, [id](const OpenFileInfo &f) { return f.id == id; });
            closing.clear();
        }
        SrvsvcFileCodec::FileEnumReply reply;
        reply.level = r.level;
        if ((r.level == FileInfoLevel::Level3) == level2Only) {
            reply.status = win32::InvalidLevel;
            return SrvsvcFileCodec::encodeFileEnumReply(reply);
        }
        // Like Samba: the user filter works, the path filter is ignored.
        OpenFileList matching;
        for (const OpenFileInfo &f : open) {
            if (!r.userName || f.userName == *r.userName)
                matching.push_back(f);
        }
        const std::size_t first = r.resumeHandle.value_or(0);
        const std::size_t n = pageSize ? pageSize : matching.size();
        for (std::size_t i = first; i < matching.size() && i < first + n; ++i) {
            OpenFileInfo f = matching[i];
            if (r.level == FileInfoLevel::Level2) {
                OpenFileInfo two;
                two.id = f.id;
                two.level = FileInfoLevel::Level2;
                f = two;
            }
            reply.files.push_back(f);
        }
        reply.totalEntries = std::uint32_t(matching.size() - std::min(first, matching.size()));
        const bool more = first + n < matching.size();
        reply.resumeHandle = std::uint32_t(more ? first + n : 0);
        reply.status = more ? win32::MoreData : 0;
        return SrvsvcFileCodec::encodeFileEnumReply(reply);
    }
};

class FakeTransport : public RpcTransport
{
public:
    explicit FakeTransport(std::shared_ptr<FileServer> server)
        : m_server(std::move(server))
    {
    }
    Result<SharedBytes> call(std::uint16_t opnum, const ByteBuffer &request) override
    {
        Result<ByteBuffer> reply = m_server->answer(opnum, request);
        if (!reply)
            return reply.error();
        return SharedBytes(*reply);
    }
    Result<void> connect() override { return {}; }
    void disconnect() override { }
    bool isConnected() const override { return true; }
    ConnectionSecurity security() const override { return {}; }
    std::string localAddress() const override { return {}; }

private:
    std::shared_ptr<FileServer> m_server;
};

struct Fixture
{
    std::shared_ptr<FileServer> server = std::make_shared<FileServer>();
    std::unique_ptr<RpcSessionApi> api
        = std::make_unique<RpcSessionApi>(std::make_unique<FakeTransport>(server), "fs01");

    Fixture()
    {
        server->open = {
            openFileInfo(
                0x10001, u"C:\\srv\\lab\\Abierto ñ\\Presupuesto año 2027.xlsx", u"josé", 1, 3),
            openFileInfo(
                0x10002, u"C:\\srv\\lab\\Abierto ñ\\Übersicht Größe.docx", u"jürgen", 0, 1),
            openFileInfo(0x20001, u"C:\\srv\\lab\\Abierto ñ\\straße plan.txt", u"alice", 4, 2),
            openFileInfo(0x20002, u"C:\\srv\\otro\\notas.txt", u"alice"),
            openFileInfo(0x30001, u"C:\\srv\\lab\\raíz.txt", u"josé"),
        };
    }
};

QStringList ids(const OpenFileList &files)
{
    QStringList out;
    for (const OpenFileInfo &f : files)
        out << QString::number(f.id, 16);
    return out;
}

} // namespace

class TestSessionApiFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void autoLevelIsThree();
    void pathFilterAppliedHere();
    void userFilter();
    void levelTwoOnlyServer();
    void levelTwoWithFilterChoosesAtLevelThree();
    void paging();
    void fileInfoOnSamba();
    void fileInfoOnWindows();
    void closeOnSamba417();
    void closeOnSamba421();
    void closeUnknownIdWasNotOpen();
    void closeDeniedChangesNothing();
    void closeIgnoredIsStillOpen();
    void closeThatTakesAMomentIsClosed();
    void closeSeveral();
    void sharesPaged();
    void sharePathMap();
    void pathStartsWithFolds();
};

void TestSessionApiFiles::autoLevelIsThree()
{
    Fixture f;
    auto r = f.api->enumerateFiles({}, std::nullopt);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    QCOMPARE(r->level, FileInfoLevel::Level3);
    QVERIFY(!r->levelFellBack);
    QCOMPARE(r->files.size(), std::size_t(5));
    QCOMPARE(r->totalEntries, 5u);
    QCOMPARE(
        q(r->files[0].path), QStringLiteral("C:\\srv\\lab\\Abierto ñ\\Presupuesto año 2027.xlsx"));
    QCOMPARE(r->files[0].lockCount, 1u);
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileEnum), 1);
}

void TestSessionApiFiles::pathFilterAppliedHere()
{
    Fixture f;
    // Case and slashes as an operator might type them; the server ignores BasePath.
    auto r = f.api->enumerateFiles({u"c:/SRV/lab/abierto Ñ", {}}, std::nullopt);
    QVERIFY(r.ok());
    QCOMPARE(ids(r->files),
        QStringList({QStringLiteral("10001"), QStringLiteral("10002"), QStringLiteral("20001")}));
    // The filter still goes on the wire, in the server's form, for servers that honour it.
    const auto sent = f.server->enumRequests();
    QCOMPARE(sent.size(), std::size_t(1));
    QVERIFY(sent[0].basePath);
    QCOMPARE(q(*sent[0].basePath), QStringLiteral("c:\\SRV\\lab\\abierto Ñ"));
    QCOMPARE(r->totalEntries, 5u); // what the server reported, before filtering
}

void TestSessionApiFiles::userFilter()
{
    Fixture f;
    auto r = f.api->enumerateFiles({{}, u"JOSÉ"}, std::nullopt);
    QVERIFY(r.ok());
    // The fake compares exactly (as Samba compares Unix names), so "JOSÉ" finds nothing there;
    // an empty list is an answer, not an error.
    QVERIFY(r->files.empty());
    r = f.api->enumerateFiles({{}, u"josé"}, std::nullopt);
    QVERIFY(r.ok());
    QCOMPARE(ids(r->files), QStringList({QStringLiteral("10001"), QStringLiteral("30001")}));
    QCOMPARE(q(*f.server->enumRequests().back().userName), QStringLiteral("josé"));
}

void TestSessionApiFiles::levelTwoOnlyServer()
{
    Fixture f;
    f.server->level2Only = true;
    auto r = f.api->enumerateFiles({}, std::nullopt);
    QVERIFY(r.ok());
    QCOMPARE(r->level, FileInfoLevel::Level2);
    QVERIFY(r->levelFellBack);
    QCOMPARE(r->files.size(), std::size_t(5));
    QVERIFY(r->files[0].path.empty());
    // The connection remembers: the next call asks for level 2 straight away.
    const int before = f.server->count(SrvsvcFileCodec::kOpNetrFileEnum);
    QVERIFY(f.api->enumerateFiles({}, std::nullopt).ok());
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileEnum), before + 1);
    // Samba's case: level 2 asked for explicitly is refused, as the server said.
    Fixture samba;
    auto refused = samba.api->enumerateFiles({}, FileInfoLevel::Level2);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), ErrorKind::InvalidLevel);
}

void TestSessionApiFiles::levelTwoWithFilterChoosesAtLevelThree()
{
    Fixture f;
    auto r = f.api->enumerateFiles({u"C:\\srv\\otro", {}}, FileInfoLevel::Level2);
    QVERIFY(r.ok());
    QCOMPARE(r->level, FileInfoLevel::Level2);
    QCOMPARE(ids(r->files), QStringList({QStringLiteral("20002")}));
    QVERIFY(r->files[0].path.empty()); // reported at level 2
    QCOMPARE(r->files[0].level, FileInfoLevel::Level2);
}

void TestSessionApiFiles::paging()
{
    Fixture f;
    f.server->pageSize = 2;
    std::vector<std::size_t> progress;
    auto r = f.api->enumerateFiles(
        {}, std::nullopt, [&progress](const OpenFileList &rows, std::uint32_t total) {
            progress.push_back(rows.size());
            QCOMPARE(total, 5u);
        });
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), std::size_t(5));
    QCOMPARE(r->totalEntries, 5u);
    QCOMPARE(progress, (std::vector<std::size_t> {2, 4, 5}));
    const auto sent = f.server->enumRequests();
    QCOMPARE(sent.size(), std::size_t(3));
    QCOMPARE(*sent[0].resumeHandle, 0u);
    QCOMPARE(*sent[1].resumeHandle, 2u);
    QCOMPARE(*sent[2].resumeHandle, 4u);
    QCOMPARE(sent[0].preferredMaximumLength, RpcSessionApi::kPreferredMaximumLength);
}

void TestSessionApiFiles::fileInfoOnSamba()
{
    Fixture f;
    auto strict = f.api->fileInfo(0x20001, false);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().kind(), ErrorKind::NotSupported);
    QVERIFY(
        strict.error().detail().find("does not support looking up one file") != std::string::npos);
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileGetInfo), 1);

    auto found = f.api->fileInfo(0x20001);
    QVERIFY(found.ok());
    QCOMPARE(q(found->path), QStringLiteral("C:\\srv\\lab\\Abierto ñ\\straße plan.txt"));
    QCOMPARE(found->lockCount, 4u);
    // Known now: no second NetrFileGetInfo on this connection.
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileGetInfo), 1);

    auto missing = f.api->fileInfo(0xdead);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind(), ErrorKind::FileNotFound);
}

void TestSessionApiFiles::fileInfoOnWindows()
{
    Fixture f;
    f.server->getInfoFaults = false;
    auto found = f.api->fileInfo(0x10002, false);
    QVERIFY(found.ok());
    QCOMPARE(q(found->userName), QStringLiteral("jürgen"));
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileEnum), 0);
    auto missing = f.api->fileInfo(7);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind(), ErrorKind::FileNotFound);
    QCOMPARE(missing.error().code(), win32::FileNotFound);
}

void TestSessionApiFiles::closeOnSamba417()
{
    Fixture f;
    auto r = f.api->closeFile(0x10002);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, FileCloseOutcome::Closed);
    QVERIFY(!r->error);
    QVERIFY(r->file);
    QCOMPARE(q(r->file->userName), QStringLiteral("jürgen"));
    QCOMPARE(f.server->open.size(), std::size_t(4));
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileClose), 1);
}

void TestSessionApiFiles::closeOnSamba421()
{
    // Samba 4.21 answers ERROR_FILE_NOT_FOUND to a close that worked: still "closed".
    Fixture f;
    f.server->closeAlwaysNotFound = true;
    auto r = f.api->closeFile(0x10002);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, FileCloseOutcome::Closed);
    QVERIFY(!r->error);
}

void TestSessionApiFiles::closeUnknownIdWasNotOpen()
{
    Fixture f;
    QCOMPARE(f.api->closeFile(0x10002)->outcome, FileCloseOutcome::Closed);
    auto again = f.api->closeFile(0x10002);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, FileCloseOutcome::WasNotOpen);
    QVERIFY(!again->file);
    // Nothing was sent for a file that was not open.
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileClose), 1);
}

void TestSessionApiFiles::closeDeniedChangesNothing()
{
    Fixture f;
    f.server->closeDenied = true;
    auto r = f.api->closeFile(0x10002);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, FileCloseOutcome::Failed);
    QVERIFY(r->error);
    QCOMPARE(r->error->kind(), ErrorKind::AccessDenied);
    QCOMPARE(f.server->open.size(), std::size_t(5));
}

void TestSessionApiFiles::closeIgnoredIsStillOpen()
{
    Fixture f;
    f.server->closeIgnored = true;
    auto r = f.api->closeFile(0x10002);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, FileCloseOutcome::StillOpen);
}

void TestSessionApiFiles::closeThatTakesAMomentIsClosed()
{
    // Samba answers NetrFileClose before the holder's smbd has closed the file.
    Fixture f;
    f.server->closeLagEnums = 2;
    auto r = f.api->closeFile(0x10002);
    QVERIFY(r.ok());
    QCOMPARE(r->outcome, FileCloseOutcome::Closed);
    QCOMPARE(f.server->open.size(), std::size_t(4));
    // Before, then after until the file is gone: listed twice more, gone the third time.
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileEnum), 4);
}

void TestSessionApiFiles::closeSeveral()
{
    Fixture f;
    const std::uint32_t wanted[] = {0x10001, 0xbeef, 0x30001};
    auto r = f.api->closeFiles(wanted);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), std::size_t(3));
    QCOMPARE((*r)[0].outcome, FileCloseOutcome::Closed);
    QCOMPARE((*r)[1].outcome, FileCloseOutcome::WasNotOpen);
    QCOMPARE((*r)[2].outcome, FileCloseOutcome::Closed);
    QCOMPARE(ids(f.server->open),
        QStringList({QStringLiteral("10002"), QStringLiteral("20001"), QStringLiteral("20002")}));
    // One listing before, one after, whatever the number of files.
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrFileEnum), 2);
}

void TestSessionApiFiles::sharesPaged()
{
    Fixture f;
    f.server->pageSize = 2;
    f.server->shares = {{u"lab", 0, u"", u"C:\\srv\\lab", 1},
        {u"otro", 0, u"", u"C:\\srv\\otro", 0}, {u"IPC$", 0x80000003u, u"IPC", u"C:\\tmp", 1}};
    auto r = f.api->enumerateShares();
    QVERIFY(r.ok());
    QCOMPARE(r->size(), std::size_t(3));
    QVERIFY(*r == f.server->shares);
    QCOMPARE(f.server->count(SrvsvcFileCodec::kOpNetrShareEnum), 2);
}

void TestSessionApiFiles::sharePathMap()
{
    const SharePathMap map({{u"lab", 0, u"", u"C:\\srv\\lab", 0},
        {u"Abierto", 0, u"", u"C:\\srv\\lab\\Abierto ñ\\", 0},
        {u"lab2", 0, u"", u"C:\\srv\\lab2", 0}, {u"IPC$", 0x80000003u, u"", u"C:\\tmp", 0},
        {u"print", 1, u"", u"C:\\var\\spool", 0}});
    auto unc = [&map](std::u16string_view path) {
        const auto p = map.uncPath(u"\\\\fs01", path);
        return p ? q(*p) : QStringLiteral("<none>");
    };
    QCOMPARE(unc(u"C:\\srv\\lab\\Abierto ñ\\straße plan.txt"),
        QStringLiteral("\\\\fs01\\Abierto\\straße plan.txt"));
    QCOMPARE(unc(u"C:\\srv\\lab\\raíz.txt"), QStringLiteral("\\\\fs01\\lab\\raíz.txt"));
    QCOMPARE(unc(u"c:\\SRV\\LAB2\\x"), QStringLiteral("\\\\fs01\\lab2\\x"));
    QCOMPARE(unc(u"C:\\srv\\lab"), QStringLiteral("\\\\fs01\\lab"));
    QCOMPARE(unc(u"C:\\srv\\lab3\\x"), QStringLiteral("<none>"));
    QCOMPARE(unc(u"C:\\tmp\\x"), QStringLiteral("<none>")); // IPC$ is never a file's share
    QCOMPARE(unc(u"C:\\var\\spool\\job"), QStringLiteral("<none>"));
    QVERIFY(SharePathMap().isEmpty());
}

void TestSessionApiFiles::pathStartsWithFolds()
{
    QVERIFY(pathStartsWith(u"C:\\Srv\\Año\\x", u"c:/srv/AÑO"));
    QVERIFY(pathStartsWith(u"C:\\x", u""));
    QVERIFY(!pathStartsWith(u"C:\\x", u"C:\\xy"));
    QVERIFY(!pathStartsWith(u"C:\\Straße", u"C:\\STRASSE"));
}

QTEST_GUILESS_MAIN(TestSessionApiFiles)
#include "tst_sessionapifiles.moc"
