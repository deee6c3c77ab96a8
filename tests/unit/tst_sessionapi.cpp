// SPDX-License-Identifier: GPL-3.0-or-later
// SessionApi's common logic, driven through RpcSessionApi over a scripted transport whose
// replies are real NDR built by SrvsvcCodec and whose requests are decoded to check what
// went on the wire.

#include "rpcsessionapi.h"
#include "sessionapi.h"
#include "srvsvccodec.h"

#include <QList>
#include <QString>
#include <QTest>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

using namespace sc;

namespace {

QString q(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), static_cast<qsizetype>(s.size()));
}

QString q(const std::u16string &s)
{
    return q(std::u16string_view(s));
}

QString q(const SessionText &s)
{
    return q(s.view());
}

QString q(const std::optional<std::u16string> &s)
{
    return s ? q(std::u16string_view(*s)) : QStringLiteral("<null>");
}

// Everything the fake saw and will answer; shared with the test because the api owns the
// transport.
struct Script
{
    struct Call
    {
        std::uint16_t opnum;
        ByteBuffer request;
    };
    std::deque<Result<ByteBuffer>> replies;
    std::function<Result<ByteBuffer>(std::uint16_t, const ByteBuffer &)> responder;
    std::vector<Call> calls;
    int connects = 0;
    bool overrun = false; ///< a call arrived with nothing scripted for it

    SrvsvcCodec::SessionEnumRequest enumRequest(std::size_t i) const
    {
        return request(i, &SrvsvcCodec::decodeSessionEnumRequest, "NetrSessionEnum");
    }
    SrvsvcCodec::SessionDelRequest delRequest(std::size_t i) const
    {
        return request(i, &SrvsvcCodec::decodeSessionDelRequest, "NetrSessionDel");
    }
    // Call @p i's request, read back with @p decode; one of ours that does not decode is a
    // broken encoder, and no test can go on from there.
    template<class Request>
    Request request(std::size_t i, Result<Request> (*decode)(const std::uint8_t *, std::size_t),
        const char *operation) const
    {
        const ByteBuffer &bytes = calls.at(i).request;
        Result<Request> r = decode(bytes.data(), bytes.size());
        if (!r)
            qFatal("our own %s request did not decode: %s", operation, r.error().message().c_str());
        return *r;
    }
    std::vector<InfoLevel> levelsAsked() const
    {
        std::vector<InfoLevel> out;
        for (std::size_t i = 0; i < calls.size(); ++i) {
            if (calls[i].opnum == SrvsvcCodec::kOpNetrSessionEnum)
                out.push_back(enumRequest(i).level);
        }
        return out;
    }
    int count(std::uint16_t opnum) const
    {
        return int(std::count_if(
            calls.begin(), calls.end(), [opnum](const Call &c) { return c.opnum == opnum; }));
    }
};

// A scripted reply as a transport hands it over.
Result<SharedBytes> stub(const Result<ByteBuffer> &reply)
{
    if (!reply)
        return reply.error();
    return SharedBytes(*reply);
}

class FakeTransport : public RpcTransport
{
public:
    explicit FakeTransport(std::shared_ptr<Script> script)
        : m_script(std::move(script))
    {
    }

    Result<SharedBytes> call(std::uint16_t opnum, const ByteBuffer &request) override
    {
        m_script->calls.push_back({opnum, request});
        if (m_script->responder)
            return stub(m_script->responder(opnum, request));
        if (m_script->replies.empty()) {
            m_script->overrun = true;
            return SessionError::local(ErrorKind::Other, "nothing scripted");
        }
        Result<ByteBuffer> reply = std::move(m_script->replies.front());
        m_script->replies.pop_front();
        return stub(reply);
    }
    Result<void> connect() override
    {
        ++m_script->connects;
        return {};
    }
    void disconnect() override { }
    bool isConnected() const override { return true; }
    ConnectionSecurity security() const override { return {true, false, "SMB3_11"}; }
    std::string localAddress() const override { return "127.0.0.7"; }

private:
    std::shared_ptr<Script> m_script;
};

SessionInfo row(std::u16string client, std::u16string user, InfoLevel level = InfoLevel::Level1)
{
    SessionInfo s;
    s.clientName = std::move(client);
    s.level = level;
    const LevelFields f = fieldsOf(level);
    if (f.userName)
        s.userName = std::move(user);
    if (f.openCount)
        s.openCount = 3;
    if (f.times) {
        s.connectedSeconds = 120;
        s.idleSeconds = 7;
    }
    if (f.clientType)
        s.clientType = u"Windows 10 Enterprise";
    if (f.transport)
        s.transport = u"\\Device\\NetbiosSmb";
    return s;
}

ByteBuffer enumReply(InfoLevel level, SessionList rows, std::uint32_t status = win32::Success,
    std::optional<std::uint32_t> total = std::nullopt,
    std::optional<std::uint32_t> resume = std::nullopt)
{
    SrvsvcCodec::SessionEnumReply reply;
    reply.level = level;
    reply.totalEntries = total ? *total : std::uint32_t(rows.size());
    reply.sessions = std::move(rows);
    reply.resumeHandle = resume;
    reply.status = status;
    return SrvsvcCodec::encodeSessionEnumReply(reply);
}

ByteBuffer refused(InfoLevel level)
{
    return enumReply(level, {}, win32::InvalidLevel);
}

// What Samba 4.17 has: levels 0 and 1 only, and every session whatever the filter.
SessionList sambaRows()
{
    return {row(u"\\\\PC1", u"alice"), row(u"pc1", u"ALICE"), row(u"PC2", u"alice"),
        row(u"pc1", u"bob"), row(u"PC3", u"JOSÉ")};
}

// A page a server answers with ERROR_MORE_DATA: its TotalEntries and its resume handle.
struct MoreDataPage
{
    std::uint32_t total;
    std::optional<std::uint32_t> resumeHandle;
};
using MoreDataPages = QList<MoreDataPage>;

} // namespace

Q_DECLARE_METATYPE(MoreDataPages)

class TstSessionApi : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Script> m_script;

    std::unique_ptr<RpcSessionApi> makeApi(std::string host = "fs1", std::uint16_t port = 445)
    {
        return std::make_unique<RpcSessionApi>(
            std::make_unique<FakeTransport>(m_script), std::move(host), port);
    }
    void script(Result<ByteBuffer> reply) { m_script->replies.push_back(std::move(reply)); }

private slots:
    void init()
    {
        SessionApi::clearLevelCache();
        m_script = std::make_shared<Script>();
    }
    void cleanup() { QVERIFY2(!m_script->overrun, "a call arrived that the test did not expect"); }

    // --- names ---------------------------------------------------------------------------

    void stripAndWireNames()
    {
        QCOMPARE(q(stripBackslashes(u"\\\\PC1")), QStringLiteral("PC1"));
        QCOMPARE(q(stripBackslashes(u"PC1")), QStringLiteral("PC1"));
        QCOMPARE(q(stripBackslashes(u"\\\\")), QString());
        QCOMPARE(q(wireClientName(u"PC1")), QStringLiteral("\\\\PC1"));
        QCOMPARE(q(wireClientName(u"\\\\PC1")), QStringLiteral("\\\\PC1"));
        QCOMPARE(q(wireClientName(u"\\\\10.0.0.5")), QStringLiteral("\\\\10.0.0.5"));
        QCOMPARE(q(wireClientName(u"")), QString());
    }

    void utf8Conversions()
    {
        QCOMPARE(q(fromUtf8("jos\xc3\xa9")), QStringLiteral("josé"));
        QCOMPARE(toUtf8(u"josé"), std::string("jos\xc3\xa9"));
        // U+1F600 needs a surrogate pair in UTF-16.
        const std::u16string emoji = fromUtf8("\xf0\x9f\x98\x80");
        QCOMPARE(emoji.size(), std::size_t(2));
        QCOMPARE(int(emoji[0]), 0xD83D);
        QCOMPARE(int(emoji[1]), 0xDE00);
        QCOMPARE(toUtf8(emoji), std::string("\xf0\x9f\x98\x80"));
        QCOMPARE(toUtf8(u"\u20ac"), std::string("\xe2\x82\xac"));
    }

    void invalidUtf8BecomesReplacement_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        const QString r(QChar(0xFFFD));
        QTest::newRow("truncated at end") << QByteArray("ab\xc3") << (QStringLiteral("ab") + r);
        QTest::newRow("truncated before ASCII") << QByteArray("\xe2\x82"
                                                              "A")
                                                << (r + "A");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << (r + r);
        QTest::newRow("overlong 3 bytes") << QByteArray("\xe0\x80\xaf") << (r + r + r);
        QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80") << (r + r + r);
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << (r + r + r + r);
        QTest::newRow("lone continuation")
            << QByteArray("x\x80y") << (QStringLiteral("x") + r + "y");
        QTest::newRow("invalid lead") << QByteArray("\xff") << r;
    }
    void invalidUtf8BecomesReplacement()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(
            q(fromUtf8(std::string_view(input.constData(), std::size_t(input.size())))), expected);
    }

    void unpairedSurrogatesBecomeReplacement()
    {
        const std::string r = "\xef\xbf\xbd";
        QCOMPARE(toUtf8(std::u16string(1, char16_t(0xD83D))), r);
        QCOMPARE(toUtf8(std::u16string {char16_t(0xDE00), u'a'}), r + "a");
        QCOMPARE(toUtf8(std::u16string {char16_t(0xD83D), u'a'}), r + "a");
    }

    void levelFields()
    {
        QVERIFY(isValidInfoLevel(0) && isValidInfoLevel(1) && isValidInfoLevel(2));
        QVERIFY(isValidInfoLevel(10) && isValidInfoLevel(502));
        QVERIFY(!isValidInfoLevel(3) && !isValidInfoLevel(501) && !isValidInfoLevel(503));
        QVERIFY(!fieldsOf(InfoLevel::Level0).userName);
        QVERIFY(fieldsOf(InfoLevel::Level10).userName && !fieldsOf(InfoLevel::Level10).openCount);
        QVERIFY(fieldsOf(InfoLevel::Level1).userFlags && !fieldsOf(InfoLevel::Level1).clientType);
        QVERIFY(fieldsOf(InfoLevel::Level2).clientType && !fieldsOf(InfoLevel::Level2).transport);
        QVERIFY(fieldsOf(InfoLevel::Level502).transport);
    }

    // --- wire form and passthrough -------------------------------------------------------

    void requestCarriesServerPageSizeAndResume()
    {
        script(enumReply(InfoLevel::Level1, {row(u"PC1", u"alice")}));
        auto api = makeApi("\\\\fs1");
        auto result = api->enumerate({}, InfoLevel::Level1);
        QVERIFY(result.ok());
        QCOMPARE(m_script->calls.size(), std::size_t(1));
        QCOMPARE(m_script->calls[0].opnum, SrvsvcCodec::kOpNetrSessionEnum);
        const auto request = m_script->enumRequest(0);
        QCOMPARE(q(request.serverName), QStringLiteral("\\\\fs1"));
        QVERIFY(!request.clientName);
        QVERIFY(!request.userName);
        QCOMPARE(request.level, InfoLevel::Level1);
        QCOMPARE(request.preferredMaximumLength, std::uint32_t(64 * 1024));
        QVERIFY(request.resumeHandle.has_value());
        QCOMPARE(*request.resumeHandle, std::uint32_t(0));
        QCOMPARE(result->level, InfoLevel::Level1);
        QVERIFY(!result->levelFellBack);
    }

    void serverKeyAndPassthrough()
    {
        QCOMPARE(makeApi("fs1")->serverKey(), std::string("fs1:445"));
        QCOMPARE(makeApi("\\\\fs1", 4450)->serverKey(), std::string("fs1:4450"));
        QCOMPARE(makeApi("::1", 4450)->serverKey(), std::string("[::1]:4450"));
        auto api = makeApi();
        QVERIFY(api->connect().ok());
        QCOMPARE(m_script->connects, 1);
        QCOMPARE(api->localAddress(), std::string("127.0.0.7"));
        QCOMPARE(api->security().protocol, std::string("SMB3_11"));
        QVERIFY(api->security().signing);
    }

    void wrappedElapsedTimesReadAsJustNow()
    {
        // Samba reports a session younger than a second as connected for (uint32_t)-1 s.
        SessionInfo fresh = row(u"PC1", u"alice");
        fresh.connectedSeconds = 0xFFFFFFFFu;
        fresh.idleSeconds = 0xFFFFFFFEu;
        SessionInfo old = row(u"PC2", u"bob");
        old.connectedSeconds = 0x7FFFFFFFu;
        script(enumReply(InfoLevel::Level1, {fresh, old}));
        auto result = makeApi()->enumerate({}, InfoLevel::Level1);
        QVERIFY(result.ok());
        QCOMPARE(result->sessions.size(), std::size_t(2));
        QCOMPARE(result->sessions[0].connectedSeconds, 0u);
        QCOMPARE(result->sessions[0].idleSeconds, 0u);
        QCOMPARE(result->sessions[1].connectedSeconds, 0x7FFFFFFFu);
    }

    // --- level "auto" --------------------------------------------------------------------

    void autoFallsBackAndRemembersPerServer()
    {
        script(refused(InfoLevel::Level502));
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto first = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(first.ok());
        QCOMPARE(first->level, InfoLevel::Level1);
        QVERIFY(first->levelFellBack);
        QCOMPARE(first->sessions.size(), std::size_t(5));
        QCOMPARE(m_script->levelsAsked(),
            (std::vector {InfoLevel::Level502, InfoLevel::Level2, InfoLevel::Level1}));

        // A new connection to the same server goes straight to the level that worked.
        m_script->calls.clear();
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto second = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(second.ok());
        QCOMPARE(second->level, InfoLevel::Level1);
        QVERIFY(second->levelFellBack);
        QCOMPARE(m_script->levelsAsked(), std::vector {InfoLevel::Level1});

        // Another port is another server.
        m_script->calls.clear();
        script(enumReply(InfoLevel::Level502, {row(u"PC9", u"eve", InfoLevel::Level502)}));
        auto other = makeApi("fs1", 1445)->enumerate({}, std::nullopt);
        QVERIFY(other.ok());
        QCOMPARE(other->level, InfoLevel::Level502);
        QVERIFY(!other->levelFellBack);
        QCOMPARE(q(other->sessions.at(0).transport), QStringLiteral("\\Device\\NetbiosSmb"));
        QCOMPARE(m_script->levelsAsked(), std::vector {InfoLevel::Level502});
    }

    void clearLevelCacheForgets()
    {
        script(refused(InfoLevel::Level502));
        script(enumReply(InfoLevel::Level2, {}));
        QVERIFY(makeApi()->enumerate({}, std::nullopt).ok());
        SessionApi::clearLevelCache();
        m_script->calls.clear();
        script(refused(InfoLevel::Level502));
        script(enumReply(InfoLevel::Level2, {}));
        QVERIFY(makeApi()->enumerate({}, std::nullopt).ok());
        QCOMPARE(m_script->levelsAsked(), (std::vector {InfoLevel::Level502, InfoLevel::Level2}));
    }

    void rememberedLevelRefusedStartsOver()
    {
        script(refused(InfoLevel::Level502));
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, {}));
        QVERIFY(makeApi()->enumerate({}, std::nullopt).ok());
        // The server was replaced by one that serves 502 only.
        m_script->calls.clear();
        script(refused(InfoLevel::Level1));
        script(enumReply(InfoLevel::Level502, {}));
        auto result = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(result.ok());
        QCOMPARE(result->level, InfoLevel::Level502);
        QCOMPARE(m_script->levelsAsked(), (std::vector {InfoLevel::Level1, InfoLevel::Level502}));
    }

    void autoReportsRefusalWhenNothingIsServed()
    {
        for (InfoLevel level : kAutoLevelOrder)
            script(refused(level));
        auto result = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidLevel);
        QCOMPARE(result.error().code(), win32::InvalidLevel);
        QCOMPARE(m_script->levelsAsked().size(), std::size_t(5));
    }

    void autoStopsAtOtherErrors()
    {
        script(enumReply(InfoLevel::Level502, {}, win32::AccessDenied));
        auto result = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::AccessDenied);
        QCOMPARE(m_script->calls.size(), std::size_t(1));
    }

    void explicitLevelDoesNotFallBack()
    {
        script(refused(InfoLevel::Level2));
        auto result = makeApi()->enumerate({}, InfoLevel::Level2);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidLevel);
        QCOMPARE(m_script->calls.size(), std::size_t(1));
    }

    void unknownLevelRefusedLocally()
    {
        auto result = makeApi()->enumerate({}, static_cast<InfoLevel>(3));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidLevel);
        QVERIFY(m_script->calls.empty());
    }

    // --- paging --------------------------------------------------------------------------

    void pagesFollowResumeHandle()
    {
        // Windows: TotalEntries is the whole table on the first page, the rest later.
        script(enumReply(InfoLevel::Level10,
            {row(u"A", u"u1", InfoLevel::Level10), row(u"B", u"u2", InfoLevel::Level10)},
            win32::MoreData, 5, 2));
        script(enumReply(InfoLevel::Level10,
            {row(u"C", u"u3", InfoLevel::Level10), row(u"D", u"u4", InfoLevel::Level10)},
            win32::MoreData, 3, 4));
        script(enumReply(
            InfoLevel::Level10, {row(u"E", u"u5", InfoLevel::Level10)}, win32::Success, 1, 0));
        std::vector<std::pair<std::size_t, std::uint32_t>> progress;
        auto result = makeApi()->enumerate(
            {}, InfoLevel::Level10, [&](const SessionList &rows, std::uint32_t total) {
                progress.emplace_back(rows.size(), total);
            });
        QVERIFY(result.ok());
        QCOMPARE(result->sessions.size(), std::size_t(5));
        QCOMPARE(q(result->sessions[0].clientName), QStringLiteral("A"));
        QCOMPARE(q(result->sessions[4].clientName), QStringLiteral("E"));
        QCOMPARE(result->totalEntries, std::uint32_t(5));
        QCOMPARE(m_script->calls.size(), std::size_t(3));
        QCOMPARE(*m_script->enumRequest(0).resumeHandle, std::uint32_t(0));
        QCOMPARE(*m_script->enumRequest(1).resumeHandle, std::uint32_t(2));
        QCOMPARE(*m_script->enumRequest(2).resumeHandle, std::uint32_t(4));
        for (std::size_t i = 0; i < 3; ++i)
            QCOMPARE(m_script->enumRequest(i).level, InfoLevel::Level10);
        QCOMPARE(progress.size(), std::size_t(3));
        QCOMPARE(progress[0], (std::pair<std::size_t, std::uint32_t>(2, 5)));
        QCOMPARE(progress[1], (std::pair<std::size_t, std::uint32_t>(4, 5)));
        QCOMPARE(progress[2], (std::pair<std::size_t, std::uint32_t>(5, 5)));
    }

    // A page that breaks the paging rules ends the enumeration as a protocol error, without
    // asking for another page: a resume handle that does not move on, or ERROR_MORE_DATA
    // with a resume handle of 0 or none at all.
    void pagingRuleBreakIsProtocolError_data()
    {
        QTest::addColumn<MoreDataPages>("pages");
        QTest::addColumn<int>("calls");
        QTest::newRow("stuck resume handle") << MoreDataPages {{9, 7}, {8, 7}} << 2;
        QTest::newRow("zero resume handle") << MoreDataPages {{9, 0}} << 1;
        QTest::newRow("no resume handle") << MoreDataPages {{9, std::nullopt}} << 1;
    }
    void pagingRuleBreakIsProtocolError()
    {
        QFETCH(MoreDataPages, pages);
        QFETCH(int, calls);
        const std::u16string clients[] = {u"A", u"B"};
        for (qsizetype i = 0; i < pages.size(); ++i) {
            script(enumReply(InfoLevel::Level1, {row(clients[i], u"u")}, win32::MoreData,
                pages[i].total, pages[i].resumeHandle));
        }
        auto result = makeApi()->enumerate({}, InfoLevel::Level1);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ProtocolError);
        QCOMPARE(m_script->calls.size(), std::size_t(calls));
    }

    void runawayPagingStops()
    {
        // A server that always has "more", with a fresh resume handle each time.
        std::uint32_t handle = 0;
        m_script->responder = [&handle](std::uint16_t, const ByteBuffer &) -> Result<ByteBuffer> {
            ++handle;
            return enumReply(InfoLevel::Level0, {row(u"X", {}, InfoLevel::Level0)}, win32::MoreData,
                1000000, handle);
        };
        bool progressed = false;
        auto result = makeApi()->enumerate(
            {}, InfoLevel::Level0, [&](const SessionList &, std::uint32_t) { progressed = true; });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ProtocolError);
        QVERIFY(progressed);
        QVERIFY(m_script->calls.size() > 100);
        QVERIFY(m_script->calls.size() <= 100000);
    }

    void pagingStopsAtExactlyTheCap()
    {
        // The cap is a promise about how long a runaway server can keep us busy: 4,096 pages
        // of up to 64 KiB. Pinned to the number so that raising it (or losing it to an
        // off-by-one) is a decision someone makes, not an accident.
        constexpr std::size_t kExpectedPageCap = 4096;
        std::uint32_t handle = 0;
        m_script->responder = [&handle](std::uint16_t, const ByteBuffer &) -> Result<ByteBuffer> {
            ++handle;
            return enumReply(InfoLevel::Level0, {row(u"X", {}, InfoLevel::Level0)}, win32::MoreData,
                1000000, handle);
        };
        std::size_t progressCalls = 0;
        auto result = makeApi()->enumerate(
            {}, InfoLevel::Level0, [&](const SessionList &, std::uint32_t) { ++progressCalls; });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ProtocolError);
        QCOMPARE(m_script->calls.size(), kExpectedPageCap);
        QCOMPARE(m_script->count(SrvsvcCodec::kOpNetrSessionEnum), int(kExpectedPageCap));
        QCOMPARE(progressCalls, kExpectedPageCap);
        // The last page asked for still carries the previous page's handle: no page skipped.
        QCOMPARE(m_script->enumRequest(kExpectedPageCap - 1).resumeHandle,
            std::optional<std::uint32_t>(std::uint32_t(kExpectedPageCap - 1)));
    }

    void pagingUpToTheCapSucceeds()
    {
        // A server that needs every page the cap allows is a legitimate (huge) answer, not
        // a runaway one: the cap must not cut it short.
        static constexpr std::uint32_t kPages = 4096;
        std::uint32_t handle = 0;
        m_script->responder = [&handle](std::uint16_t, const ByteBuffer &) -> Result<ByteBuffer> {
            ++handle;
            const bool last = handle == kPages;
            return enumReply(InfoLevel::Level0, {row(u"X", {}, InfoLevel::Level0)},
                last ? win32::Success : win32::MoreData, kPages,
                last ? std::optional<std::uint32_t>() : std::optional<std::uint32_t>(handle));
        };
        auto result = makeApi()->enumerate({}, InfoLevel::Level0);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().detail().c_str());
        QCOMPARE(result->sessions.size(), std::size_t(kPages));
        QCOMPARE(m_script->calls.size(), std::size_t(kPages));
    }

    // --- client-side filtering -----------------------------------------------------------

    void filtersAgainOnThisSide_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("expected"); // "client/user" of the rows kept
        QTest::newRow("client bare") << "PC1"
                                     << "" << QStringList {"PC1/alice", "pc1/ALICE", "pc1/bob"};
        QTest::newRow("client UNC, lower case")
            << "\\\\pc1"
            << "" << QStringList {"PC1/alice", "pc1/ALICE", "pc1/bob"};
        QTest::newRow("user any case")
            << ""
            << "Alice" << QStringList {"PC1/alice", "pc1/ALICE", "PC2/alice"};
        QTest::newRow("both") << "pc1"
                              << "alice" << QStringList {"PC1/alice", "pc1/ALICE"};
        QTest::newRow("Latin-1 user") << ""
                                      << "josé" << QStringList {"PC3/JOSÉ"};
        QTest::newRow("none") << ""
                              << ""
                              << QStringList {
                                     "PC1/alice", "pc1/ALICE", "PC2/alice", "pc1/bob", "PC3/JOSÉ"};
    }
    void filtersAgainOnThisSide()
    {
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(QStringList, expected);
        script(enumReply(InfoLevel::Level1, sambaRows()));
        SessionFilter filter {client.toStdU16String(), user.toStdU16String()};
        auto result = makeApi()->enumerate(filter, InfoLevel::Level1);
        QVERIFY(result.ok());
        QStringList got;
        for (const SessionInfo &s : result->sessions)
            got << q(s.clientName) + "/" + q(s.userName);
        QCOMPARE(got, expected);
        // Before filtering, as the server said.
        QCOMPARE(result->totalEntries, std::uint32_t(5));

        const auto request = m_script->enumRequest(0);
        if (client.isEmpty())
            QVERIFY(!request.clientName);
        else
            QCOMPARE(q(request.clientName), "\\\\" + QString(client).remove('\\'));
        if (user.isEmpty())
            QVERIFY(!request.userName);
        else
            QCOMPARE(q(request.userName), user);
    }

    void filterMatchingNothingAnswersLikeWindows_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("kind");
        QTest::addColumn<uint>("code");
        QTest::newRow("user only") << ""
                                   << "carol" << int(ErrorKind::UserNotFound) << uint(2221);
        QTest::newRow("client only") << "PC7"
                                     << "" << int(ErrorKind::ClientNameNotFound) << uint(2312);
        QTest::newRow("both") << "PC1"
                              << "carol" << int(ErrorKind::ClientNameNotFound) << uint(2312);
        QTest::newRow("jose is not josé") << ""
                                          << "jose" << int(ErrorKind::UserNotFound) << uint(2221);
    }
    void filterMatchingNothingAnswersLikeWindows()
    {
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(int, kind);
        QFETCH(uint, code);
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = makeApi()->enumerate(
            {client.toStdU16String(), user.toStdU16String()}, InfoLevel::Level1);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind()), kind);
        QCOMPARE(result.error().codeSpace(), CodeSpace::Win32);
        QCOMPARE(result.error().code(), std::uint32_t(code));
    }

    void emptyServerWithoutFilterIsNoError()
    {
        script(enumReply(InfoLevel::Level1, {}));
        auto result = makeApi()->enumerate({}, InfoLevel::Level1);
        QVERIFY(result.ok());
        QVERIFY(result->sessions.empty());
        QCOMPARE(result->totalEntries, std::uint32_t(0));
    }

    void level0WithUserFilterUsesRicherLevel()
    {
        script(refused(InfoLevel::Level502));
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = makeApi()->enumerate({{}, u"bob"}, InfoLevel::Level0);
        QVERIFY(result.ok());
        QCOMPARE(result->level, InfoLevel::Level0);
        QCOMPARE(result->sessions.size(), std::size_t(1));
        QCOMPARE(q(result->sessions[0].clientName), QStringLiteral("pc1"));
        QCOMPARE(result->sessions[0].level, InfoLevel::Level0);
        QVERIFY(result->sessions[0].userName.empty());
        QCOMPARE(result->sessions[0].openCount, std::uint32_t(0));
        QCOMPARE(m_script->levelsAsked(),
            (std::vector {InfoLevel::Level502, InfoLevel::Level2, InfoLevel::Level1}));
        QCOMPARE(q(m_script->enumRequest(2).userName), QStringLiteral("bob"));
    }

    void level0WithoutUserFilterStaysLevel0()
    {
        script(enumReply(InfoLevel::Level0,
            {row(u"\\\\PC1", {}, InfoLevel::Level0), row(u"PC2", {}, InfoLevel::Level0)}));
        auto result = makeApi()->enumerate({u"pc2", {}}, InfoLevel::Level0);
        QVERIFY(result.ok());
        QCOMPARE(result->sessions.size(), std::size_t(1));
        QCOMPARE(m_script->levelsAsked(), std::vector {InfoLevel::Level0});
    }

    void userFilterOnLevel0OnlyServerIsRefused()
    {
        for (InfoLevel level :
            {InfoLevel::Level502, InfoLevel::Level2, InfoLevel::Level1, InfoLevel::Level10})
            script(refused(level));
        script(enumReply(InfoLevel::Level0, {row(u"PC1", {}, InfoLevel::Level0)}));
        auto all = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(all.ok());
        QCOMPARE(all->level, InfoLevel::Level0);

        // Remembered: level 0 only. A user filter cannot be applied, and nothing is asked.
        m_script->calls.clear();
        auto byUser = makeApi()->enumerate({{}, u"alice"}, std::nullopt);
        QVERIFY(!byUser.ok());
        QCOMPARE(byUser.error().kind(), ErrorKind::InvalidLevel);
        auto level0 = makeApi()->enumerate({{}, u"alice"}, InfoLevel::Level0);
        QVERIFY(!level0.ok());
        QCOMPARE(level0.error().kind(), ErrorKind::InvalidLevel);
        QVERIFY(m_script->calls.empty());
    }

    void autoWithUserFilterNeverAsksLevel0()
    {
        for (InfoLevel level :
            {InfoLevel::Level502, InfoLevel::Level2, InfoLevel::Level1, InfoLevel::Level10})
            script(refused(level));
        auto result = makeApi()->enumerate({{}, u"alice"}, std::nullopt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidLevel);
        QCOMPARE(result.error().code(), win32::InvalidLevel);
        QCOMPARE(m_script->levelsAsked(),
            (std::vector {
                InfoLevel::Level502, InfoLevel::Level2, InfoLevel::Level1, InfoLevel::Level10}));
    }

    // --- getInfo -------------------------------------------------------------------------

    void getInfoFindsTheSession()
    {
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = makeApi()->getInfo(u"\\\\PC1", u"Bob", std::nullopt);
        QVERIFY(result.ok());
        QCOMPARE(q(result->clientName), QStringLiteral("pc1"));
        QCOMPARE(q(result->userName), QStringLiteral("bob"));
        QCOMPARE(result->level, InfoLevel::Level1);
        QCOMPARE(result->openCount, std::uint32_t(3));
        // getInfo never asks for 502, and sends both filters.
        QCOMPARE(m_script->levelsAsked(), (std::vector {InfoLevel::Level2, InfoLevel::Level1}));
        QCOMPARE(q(m_script->enumRequest(1).clientName), QStringLiteral("\\\\PC1"));
        QCOMPARE(q(m_script->enumRequest(1).userName), QStringLiteral("Bob"));
    }

    void getInfoUsesWhatEnumerateLearnt()
    {
        script(refused(InfoLevel::Level502));
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto api = makeApi();
        QVERIFY(api->enumerate({}, std::nullopt).ok());
        m_script->calls.clear();
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = api->getInfo(u"PC2", u"alice", std::nullopt);
        QVERIFY(result.ok());
        QCOMPARE(m_script->levelsAsked(), std::vector {InfoLevel::Level1});
    }

    void getInfoDoesNotTeachTheAutoLevel()
    {
        // A success at level 2 says nothing about 502, so enumerate still tries 502 first.
        script(enumReply(InfoLevel::Level2, {row(u"PC1", u"alice", InfoLevel::Level2)}));
        QVERIFY(makeApi()->getInfo(u"PC1", u"alice", std::nullopt).ok());
        m_script->calls.clear();
        script(enumReply(InfoLevel::Level502, {}));
        QVERIFY(makeApi()->enumerate({}, std::nullopt).ok());
        QCOMPARE(m_script->levelsAsked(), std::vector {InfoLevel::Level502});
    }

    void getInfoExplicitLevels()
    {
        script(enumReply(InfoLevel::Level10, {row(u"PC1", u"alice", InfoLevel::Level10)}));
        auto ten = makeApi()->getInfo(u"PC1", u"alice", InfoLevel::Level10);
        QVERIFY(ten.ok());
        QCOMPARE(ten->level, InfoLevel::Level10);
        QCOMPARE(ten->idleSeconds, std::uint32_t(7));

        m_script->calls.clear();
        script(enumReply(InfoLevel::Level502, {row(u"PC1", u"alice", InfoLevel::Level502)}));
        auto zero = makeApi("fs2")->getInfo(u"PC1", u"alice", InfoLevel::Level0);
        QVERIFY(zero.ok());
        QCOMPARE(zero->level, InfoLevel::Level0);
        QVERIFY(zero->userName.empty());
        QCOMPARE(q(zero->clientName), QStringLiteral("PC1"));
    }

    void getInfoNotFound()
    {
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = makeApi()->getInfo(u"PC2", u"bob", InfoLevel::Level1);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ClientNameNotFound);
        QCOMPARE(result.error().code(), win32::NerrClientNameNotFound);
        QCOMPARE(result.error().codeSpace(), CodeSpace::Win32);
    }

    void getInfoRefuses502()
    {
        auto result = makeApi()->getInfo(u"PC1", u"alice", InfoLevel::Level502);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidLevel);
        QCOMPARE(result.error().code(), win32::InvalidLevel);
        QVERIFY(m_script->calls.empty());
    }

    void getInfoNeedsBothNames_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::newRow("no client") << ""
                                   << "alice";
        QTest::newRow("backslashes only") << "\\\\"
                                          << "alice";
        QTest::newRow("no user") << "PC1"
                                 << "";
        QTest::newRow("neither") << ""
                                 << "";
    }
    void getInfoNeedsBothNames()
    {
        QFETCH(QString, client);
        QFETCH(QString, user);
        auto result
            = makeApi()->getInfo(client.toStdU16String(), user.toStdU16String(), std::nullopt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidParameter);
        QVERIFY(m_script->calls.empty());
    }

    // --- remove --------------------------------------------------------------------------

    void removeCountsThenDeletes()
    {
        script(refused(InfoLevel::Level502));
        script(refused(InfoLevel::Level2));
        script(enumReply(InfoLevel::Level1, sambaRows()));
        script(SrvsvcCodec::encodeSessionDelReply(win32::Success));
        auto result = makeApi()->remove({}, u"ALICE");
        QVERIFY(result.ok());
        QCOMPARE(*result, std::uint32_t(3));
        QCOMPARE(m_script->count(SrvsvcCodec::kOpNetrSessionDel), 1);
        QCOMPARE(m_script->calls.back().opnum, SrvsvcCodec::kOpNetrSessionDel);
        const auto del = m_script->delRequest(m_script->calls.size() - 1);
        QCOMPARE(q(del.serverName), QStringLiteral("\\\\fs1"));
        QVERIFY(!del.clientName);
        QCOMPARE(q(del.userName), QStringLiteral("ALICE"));
    }

    void removeByClientSendsUncName()
    {
        script(enumReply(InfoLevel::Level502,
            {row(u"PC1", u"a", InfoLevel::Level502), row(u"PC2", u"b", InfoLevel::Level502)}));
        script(SrvsvcCodec::encodeSessionDelReply(win32::Success));
        auto result = makeApi()->remove(u"pc2", {});
        QVERIFY(result.ok());
        QCOMPARE(*result, std::uint32_t(1));
        const auto del = m_script->delRequest(1);
        QCOMPARE(q(del.clientName), QStringLiteral("\\\\pc2"));
        QVERIFY(!del.userName);
    }

    // What goes on the wire decides which sessions end: a client given alone must not
    // gain a user, a user alone must not gain a client, and both must both be sent, or a
    // delete meant for one user on one PC ends every session of that PC.
    void removeSendsExactlyTheNamesGiven_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("wireClient"); // "<null>" for a null pointer
        QTest::addColumn<QString>("wireUser");
        QTest::addColumn<uint>("matched");
        QTest::newRow("client only") << "pc1"
                                     << ""
                                     << "\\\\pc1"
                                     << "<null>" << 2u;
        QTest::newRow("user only") << ""
                                   << "Alice"
                                   << "<null>"
                                   << "Alice" << 2u;
        QTest::newRow("client and user") << "\\\\PC1"
                                         << "alice"
                                         << "\\\\PC1"
                                         << "alice" << 1u;
    }
    void removeSendsExactlyTheNamesGiven()
    {
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(QString, wireClient);
        QFETCH(QString, wireUser);
        QFETCH(uint, matched);
        script(enumReply(InfoLevel::Level502,
            {row(u"PC1", u"alice", InfoLevel::Level502), row(u"PC1", u"bob", InfoLevel::Level502),
                row(u"PC2", u"alice", InfoLevel::Level502)}));
        script(SrvsvcCodec::encodeSessionDelReply(win32::Success));
        auto result = makeApi()->remove(client.toStdU16String(), user.toStdU16String());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().detail().c_str());
        QCOMPARE(*result, std::uint32_t(matched));
        QCOMPARE(m_script->calls.size(), std::size_t(2));
        QCOMPARE(m_script->calls[1].opnum, SrvsvcCodec::kOpNetrSessionDel);
        const auto del = m_script->delRequest(1);
        QCOMPARE(q(del.serverName), QStringLiteral("\\\\fs1"));
        QCOMPARE(q(del.clientName), wireClient);
        QCOMPARE(q(del.userName), wireUser);
        // The count that is reported must come from the same filter that is sent.
        const auto counted = m_script->enumRequest(0);
        QCOMPARE(q(counted.clientName), wireClient);
        QCOMPARE(q(counted.userName), wireUser);
    }

    void removeNothingMatchedDoesNotDelete_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("kind");
        QTest::newRow("user only") << ""
                                   << "carol" << int(ErrorKind::UserNotFound);
        QTest::newRow("client only") << "PC9"
                                     << "" << int(ErrorKind::ClientNameNotFound);
        QTest::newRow("both") << "PC2"
                              << "bob" << int(ErrorKind::ClientNameNotFound);
    }
    void removeNothingMatchedDoesNotDelete()
    {
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(int, kind);
        script(enumReply(InfoLevel::Level502,
            {row(u"PC1", u"alice", InfoLevel::Level502),
                row(u"PC2", u"alice", InfoLevel::Level502)}));
        auto result = makeApi()->remove(client.toStdU16String(), user.toStdU16String());
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind()), kind);
        QCOMPARE(m_script->count(SrvsvcCodec::kOpNetrSessionDel), 0);
    }

    void removeNeedsAName()
    {
        auto result = makeApi()->remove({}, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidParameter);
        auto backslashes = makeApi()->remove(u"\\\\", {});
        QVERIFY(!backslashes.ok());
        QCOMPARE(backslashes.error().kind(), ErrorKind::InvalidParameter);
        QVERIFY(m_script->calls.empty());
    }

    void removeReportsDeleteFailure()
    {
        script(enumReply(InfoLevel::Level502, {row(u"PC1", u"alice", InfoLevel::Level502)}));
        script(SrvsvcCodec::encodeSessionDelReply(win32::AccessDenied));
        auto result = makeApi()->remove(u"PC1", u"alice");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::AccessDenied);
        QCOMPARE(result.error().code(), win32::AccessDenied);
    }

    // Samba ends the smbd carrying our own pipe when our account's sessions end: the delete's
    // answer never comes although it worked. A new connection and a new list tell the truth.
    void removeVerifiesAfterBrokenConnection_data()
    {
        QTest::addColumn<bool>("listsOurNewSession");
        QTest::newRow("only our new connection is left") << true;
        QTest::newRow("nothing of theirs is left") << false;
    }
    void removeVerifiesAfterBrokenConnection()
    {
        QFETCH(bool, listsOurNewSession);
        const auto admin = [](std::uint32_t connected, InfoLevel level = InfoLevel::Level502) {
            SessionInfo s = row(u"127.0.0.7", u"admin", level);
            s.connectedSeconds = connected;
            return s;
        };
        script(enumReply(InfoLevel::Level502, {admin(300), admin(200), admin(0)}));
        script(SessionError::local(ErrorKind::ConnectionLost, "pipe broke"));
        if (listsOurNewSession)
            script(enumReply(
                InfoLevel::Level502, {admin(0), row(u"PC1", u"bob", InfoLevel::Level502)}));
        else
            script(enumReply(InfoLevel::Level502, {row(u"PC1", u"bob", InfoLevel::Level502)}));
        auto api = makeApi();
        const int connectsBefore = m_script->connects;
        auto result = api->remove({}, u"admin");
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(*result, std::uint32_t(3));
        QCOMPARE(m_script->connects, connectsBefore + 1);
        QCOMPARE(m_script->count(SrvsvcCodec::kOpNetrSessionDel), 1);
        QCOMPARE(m_script->count(SrvsvcCodec::kOpNetrSessionEnum), 2);
    }

    void removeReportsBrokenConnectionWhenSessionsSurvive()
    {
        script(enumReply(InfoLevel::Level502,
            {row(u"PC1", u"alice", InfoLevel::Level502),
                row(u"PC2", u"alice", InfoLevel::Level502)}));
        script(SessionError::local(ErrorKind::ConnectionLost, "pipe broke"));
        // One of alice's sessions outlived the delete; from another computer than ours, it
        // is not our new connection, however young.
        SessionInfo young = row(u"PC2", u"alice", InfoLevel::Level502);
        young.connectedSeconds = 0;
        script(enumReply(InfoLevel::Level502, {young}));
        auto result = makeApi()->remove({}, u"alice");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ConnectionLost);
    }

    // --- errors --------------------------------------------------------------------------

    void statusErrorsAreMapped_data()
    {
        QTest::addColumn<uint>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("access denied") << uint(5) << int(ErrorKind::AccessDenied);
        QTest::newRow("invalid parameter") << uint(87) << int(ErrorKind::InvalidParameter);
        QTest::newRow("invalid level") << uint(124) << int(ErrorKind::InvalidLevel);
        QTest::newRow("server not started") << uint(2114) << int(ErrorKind::ServerNotStarted);
        QTest::newRow("user not found") << uint(2221) << int(ErrorKind::UserNotFound);
        QTest::newRow("client not found") << uint(2312) << int(ErrorKind::ClientNameNotFound);
        QTest::newRow("invalid computer") << uint(2351) << int(ErrorKind::InvalidComputer);
        QTest::newRow("unknown") << uint(0x4711) << int(ErrorKind::Other);
    }
    void statusErrorsAreMapped()
    {
        QFETCH(uint, status);
        QFETCH(int, kind);
        script(enumReply(InfoLevel::Level1, {}, status));
        auto listed = makeApi()->enumerate({}, InfoLevel::Level1);
        QVERIFY(!listed.ok());
        QCOMPARE(int(listed.error().kind()), kind);
        QCOMPARE(listed.error().codeSpace(), CodeSpace::Win32);
        QCOMPARE(listed.error().code(), std::uint32_t(status));

        script(enumReply(InfoLevel::Level502, {row(u"PC1", u"alice", InfoLevel::Level502)}));
        script(SrvsvcCodec::encodeSessionDelReply(status));
        auto removed = makeApi()->remove(u"PC1", {});
        QVERIFY(!removed.ok());
        QCOMPARE(int(removed.error().kind()), kind);
        QCOMPARE(removed.error().code(), std::uint32_t(status));
    }

    void transportErrorPassesThrough()
    {
        m_script->replies.push_back(SessionError::local(ErrorKind::ConnectionLost, "gone"));
        auto result = makeApi()->enumerate({}, std::nullopt);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ConnectionLost);
        QCOMPARE(m_script->calls.size(), std::size_t(1));
    }

    void malformedReply_data()
    {
        QTest::addColumn<QByteArray>("reply");
        const ByteBuffer good = enumReply(InfoLevel::Level1, sambaRows());
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("three bytes") << QByteArray("\x01\x02\x03", 3);
        QTest::newRow("truncated")
            << QByteArray(reinterpret_cast<const char *>(good.data()), qsizetype(good.size() / 2));
    }
    void malformedReply()
    {
        QFETCH(QByteArray, reply);
        script(ByteBuffer(reply.begin(), reply.end()));
        auto result = makeApi()->enumerate({}, InfoLevel::Level1);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::MalformedReply);
    }

    void malformedDeleteReply()
    {
        script(enumReply(InfoLevel::Level502, {row(u"PC1", u"alice", InfoLevel::Level502)}));
        script(ByteBuffer {0x00, 0x01});
        auto result = makeApi()->remove(u"PC1", {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::MalformedReply);
    }

    void replyAtAnotherLevelIsProtocolError()
    {
        script(enumReply(InfoLevel::Level1, sambaRows()));
        auto result = makeApi()->enumerate({}, InfoLevel::Level2);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::ProtocolError);
    }
};

QTEST_GUILESS_MAIN(TstSessionApi)
#include "tst_sessionapi.moc"
