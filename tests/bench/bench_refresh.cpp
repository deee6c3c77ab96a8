// SPDX-License-Identifier: GPL-3.0-or-later
// One refresh of the console over its kept-open connection, against the lab's smbd, beside
// the floor: a raw DCE/RPC call on a kept-open SambaRpcTransport with a prebuilt request
// and no decoding. Run while the lab holds the sessions (scripts/bench.sh does that).
//
//   SC_LAB_DIR=... bench_refresh [--label N] [--repeats 15] [--warmup 2]
//
// All variants use one kept-open connection (so one smbd process and one rpcd worker serve
// them all). Per repetition, interleaved (and in rotating order) so drifts in the machine's
// load hit every variant alike:
//   raw      RpcTransport::call(NetrSessionEnum level 1, prebuilt request)
//   api      SessionApi::enumerate(level 1) on a kept connection (encode, call, decode)
//   console  api + SessionRow conversion + SessionDiffer (worker side) + applySnapshot of
//            a SessionTableModel behind the sorted proxy (GUI side): the poller's work in
//            one thread, each step timed
//   poller   the real SessionPoller: refresh() until its snapshot is applied to the model
//            (adds the hop to the worker thread and back)

#include "benchcommandline.h"
#include "benchstats.h"
#include "labsupport.h"
#include "rpcsessionapi.h"
#include "sambarpctransport.h"
#include "sessiondiffer.h"
#include "sessionpoller.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "srvsvccodec.h"

#include <QDateTime>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

struct Options
{
    std::string label;
    int repeats = 15;
    int warmup = 2;
};

bool parse(int argc, char **argv, Options &o)
{
    return bench::CommandLine("bench_refresh [--label N] [--repeats N] [--warmup N]")
        .option("--label", bench::store(o.label))
        .option("--repeats", bench::store(o.repeats, 1, 500))
        .option("--warmup", bench::store(o.warmup, 0, 50))
        .parse(argc, argv);
}

[[noreturn]] void fail(const std::string &what, const sc::SessionError &error)
{
    std::fprintf(stderr, "bench_refresh: %s: %s\n", what.c_str(), error.message().c_str());
    std::exit(1);
}

/// A call's answer and how long it took.
template<typename Answer>
struct Timed
{
    Answer answer;
    double ms;
};

/// Runs and times @p call, which must succeed: else the benchmark ends saying that @p what
/// failed.
template<typename Call>
auto timedOrFail(const char *what, Call call)
{
    const auto start = bench::Clock::now();
    auto answer = call();
    const double ms = bench::msSince(start);
    if (!answer)
        fail(what, answer.error());
    return Timed<decltype(answer)> {std::move(answer), ms};
}

/// Lends one kept-open transport to several SessionApi instances, so that every variant talks
/// to the same smbd process and the same rpcd worker: separate connections land on different
/// server processes, whose differences would otherwise show up as ours. Calls never overlap
/// (each variant waits for its answer), which is all RpcTransport asks.
class BorrowedTransport : public sc::RpcTransport
{
public:
    explicit BorrowedTransport(sc::RpcTransport &owner)
        : m_owner(owner)
    {
    }
    sc::Result<sc::SharedBytes> call(std::uint16_t opnum, const sc::ByteBuffer &request) override
    {
        return m_owner.call(opnum, request);
    }
    sc::Result<void> connect() override { return m_owner.connect(); }
    void disconnect() override { } // the owner's connection outlives the borrowers
    bool isConnected() const override { return m_owner.isConnected(); }
    sc::ConnectionSecurity security() const override { return m_owner.security(); }
    std::string localAddress() const override { return m_owner.localAddress(); }

private:
    sc::RpcTransport &m_owner;
};

std::unique_ptr<sc::SessionApi> borrowingApi(
    sc::RpcTransport &transport, const sc::ConnectionOptions &options)
{
    return std::make_unique<sc::RpcSessionApi>(
        std::make_unique<BorrowedTransport>(transport), options.host, options.port);
}

/// The console's refresh without the thread hop: each step timed on its own.
struct ConsolePath
{
    std::unique_ptr<sc::SessionApi> api;
    SessionDiffer differ;
    SessionTableModel model;
    SessionSortFilterProxyModel proxy;

    ConsolePath()
    {
        proxy.setSourceModel(&model);
        proxy.sort(SessionTableModel::User, Qt::AscendingOrder);
    }

    struct Split
    {
        double enumerate = 0, convert = 0, diff = 0, apply = 0;
        double total() const { return enumerate + convert + diff + apply; }
    };

    Split refresh()
    {
        Split s;
        auto [result, enumerateMs]
            = timedOrFail("enumerate", [&] { return api->enumerate({}, sc::InfoLevel::Level1); });
        s.enumerate = enumerateMs;
        auto start = bench::Clock::now();
        const qint64 pollTime = QDateTime::currentMSecsSinceEpoch();
        // The differ converts while it diffs, as in the console: no separate conversion step.
        s.convert = bench::msSince(start);
        start = bench::Clock::now();
        SessionSnapshot snapshot;
        snapshot.epoch = 1;
        snapshot.pollTimeMs = pollTime;
        snapshot.hasRows = true;
        snapshot.level = result->level;
        snapshot.totalEntries = result->totalEntries;
        snapshot.delta = differ.update(result->sessions, pollTime);
        s.diff = bench::msSince(start);
        start = bench::Clock::now();
        model.applySnapshot(snapshot);
        s.apply = bench::msSince(start);
        // The poller's worker frees the previous rows once the model has switched.
        start = bench::Clock::now();
        differ.releaseRetired();
        s.diff += bench::msSince(start);
        return s;
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Options o;
    if (!parse(argc, argv, o))
        return 2;
    const Lab lab = Lab::fromEnvironment();
    if (!lab.isValid()) {
        std::fprintf(stderr, "bench_refresh: %s\n", qPrintable(lab.errorString()));
        return 2;
    }
    const sc::ConnectionOptions options = lab.adminOptions();

    // raw: the floor, a prebuilt request on a kept-open pipe.
    sc::SambaRpcTransport transport(options);
    if (auto r = transport.connect(); !r)
        fail("connect", r.error());
    sc::SrvsvcCodec::SessionEnumRequest request;
    request.serverName = u"\\\\" + sc::fromUtf8(options.host);
    request.level = sc::InfoLevel::Level1;
    request.preferredMaximumLength = sc::RpcSessionApi::kPreferredMaximumLength;
    request.resumeHandle = 0;
    const sc::ByteBuffer requestStub = sc::SrvsvcCodec::encodeSessionEnumRequest(request);
    std::size_t replyBytes = 0;
    std::size_t rows = 0;
    {
        auto reply = transport.call(sc::SrvsvcCodec::kOpNetrSessionEnum, requestStub);
        if (!reply)
            fail("raw call", reply.error());
        auto decoded = sc::SrvsvcCodec::decodeSessionEnumReply(reply->data(), reply->size());
        if (!decoded)
            fail("decoding the raw reply", decoded.error());
        if (decoded->status != 0) {
            std::fprintf(stderr, "bench_refresh: NetrSessionEnum answered %u\n", decoded->status);
            return 1;
        }
        replyBytes = reply->size();
        rows = decoded->sessions.size();
    }

    ConsolePath console;
    console.api = borrowingApi(transport, options);
    auto api = borrowingApi(transport, options);

    // The real poller, level 1 as the console settles on with Samba, refreshed by hand.
    SessionTableModel pollerModel;
    SessionSortFilterProxyModel pollerProxy;
    pollerProxy.setSourceModel(&pollerModel);
    pollerProxy.sort(SessionTableModel::User, Qt::AscendingOrder);
    // The poller builds its SessionApi on its worker thread; this one borrows the same
    // connection (the GUI thread waits while the worker uses it).
    SessionPoller poller(
        [&transport](const sc::ConnectionOptions &o) { return borrowingApi(transport, o); });
    poller.setInterval(0);
    poller.setLevel(sc::InfoLevel::Level1);
    QObject::connect(
        &poller, &SessionPoller::snapshotReady, &pollerModel, &SessionTableModel::applySnapshot);
    QObject::connect(
        &pollerModel, &SessionTableModel::resyncRequested, &poller, &SessionPoller::requestReplace);
    auto pollOnce = [&](bool first) -> double {
        QEventLoop loop;
        bool ok = false;
        const auto connection
            = QObject::connect(&pollerModel, &SessionTableModel::snapshotApplied, &loop, [&] {
                  ok = !pollerModel.isStale();
                  loop.quit();
              });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        const auto start = bench::Clock::now();
        if (first)
            poller.setConnection(options); // polls at once
        else
            poller.refresh();
        loop.exec();
        const double ms = bench::msSince(start);
        QObject::disconnect(connection);
        if (!ok) {
            const auto error = pollerModel.lastError();
            std::fprintf(stderr, "bench_refresh: the poller's refresh failed: %s\n",
                error ? error->message().c_str() : "timed out");
            std::exit(1);
        }
        return ms;
    };
    pollOnce(true);

    std::vector<double> rawTimes, apiTimes, consoleTimes, pollerTimes;
    std::vector<double> enumerateTimes, convertTimes, diffTimes, applyTimes;
    // The four variants take turns, and the one that goes first rotates: whatever the
    // server or the machine does between calls does not always hit the same variant.
    for (int i = 0; i < o.warmup + o.repeats; ++i) {
        const bool measured = i >= o.warmup;
        for (int step = 0; step < 4; ++step) {
            switch ((i + step) % 4) {
            case 0: {
                const double ms = timedOrFail("raw call", [&] {
                    return transport.call(sc::SrvsvcCodec::kOpNetrSessionEnum, requestStub);
                }).ms;
                if (measured)
                    rawTimes.push_back(ms);
                break;
            }
            case 1: {
                const double ms = timedOrFail("enumerate", [&] {
                    return api->enumerate({}, sc::InfoLevel::Level1);
                }).ms;
                if (measured)
                    apiTimes.push_back(ms);
                break;
            }
            case 2: {
                const ConsolePath::Split split = console.refresh();
                if (measured) {
                    consoleTimes.push_back(split.total());
                    enumerateTimes.push_back(split.enumerate);
                    convertTimes.push_back(split.convert);
                    diffTimes.push_back(split.diff);
                    applyTimes.push_back(split.apply);
                }
                break;
            }
            default: {
                const double ms = pollOnce(false);
                if (measured)
                    pollerTimes.push_back(ms);
                break;
            }
            }
        }
    }

    const auto raw = bench::Stats::of(rawTimes);
    const auto apiStats = bench::Stats::of(apiTimes);
    const auto consoleStats = bench::Stats::of(consoleTimes);
    const auto pollerStats = bench::Stats::of(pollerTimes);
    std::printf("%zu sessions listed, reply %zu bytes (%.0f B/session), %d repeats\n", rows,
        replyBytes, rows ? double(replyBytes) / double(rows) : 0.0, o.repeats);
    auto line = [&](const char *name, const bench::Stats &s) {
        std::printf("  %-8s %8.2f ms (%.2f-%.2f)  %5.2fx raw\n", name, s.median, s.min, s.max,
            s.median / raw.median);
    };
    line("raw", raw);
    line("api", apiStats);
    line("console", consoleStats);
    std::printf("           [enumerate %.2f, convert %.2f, diff %.2f, apply %.2f ms]\n",
        bench::Stats::of(enumerateTimes).median, bench::Stats::of(convertTimes).median,
        bench::Stats::of(diffTimes).median, bench::Stats::of(applyTimes).median);
    line("poller", pollerStats);

    const std::string key = "refresh.n" + (o.label.empty() ? std::to_string(rows) : o.label);
    bench::result(key + ".rows", double(rows), "");
    bench::result(key + ".reply_bytes", double(replyBytes), "B");
    bench::result(key + ".raw_ms", raw, "ms");
    bench::result(key + ".api_ms", apiStats, "ms");
    bench::result(key + ".console_ms", consoleStats, "ms");
    bench::result(key + ".console_enumerate_ms", bench::Stats::of(enumerateTimes).median, "ms");
    bench::result(key + ".console_convert_ms", bench::Stats::of(convertTimes).median, "ms");
    bench::result(key + ".console_diff_ms", bench::Stats::of(diffTimes).median, "ms");
    bench::result(key + ".console_apply_ms", bench::Stats::of(applyTimes).median, "ms");
    bench::result(key + ".poller_ms", pollerStats, "ms");
    bench::result(key + ".api_ratio", apiStats.median / raw.median, "x");
    bench::result(key + ".console_ratio", consoleStats.median / raw.median, "x");
    bench::result(key + ".poller_ratio", pollerStats.median / raw.median, "x");
    return 0;
}
