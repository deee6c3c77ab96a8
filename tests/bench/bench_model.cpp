// SPDX-License-Identifier: GPL-3.0-or-later
// The console's list on a big file server: the initial load of N sessions into
// SessionTableModel, shown through SessionSortFilterProxyModel (sorted) in the real
// SessionView, then refreshes in which 1 % of the sessions ended, 1 % are new and 10 % were
// active. Splits each refresh into what the poller's worker thread does (row conversion and
// the keyed diff) and what the GUI thread does (applying the delta, the proxy and the view
// reacting, painting), and reports the longest single GUI-thread event ("frame") and the
// memory held per row.
//
//   bench_model [--sizes 1000,10000,100000] [--levels 502] [--refreshes 10]
//               [--sort-column user|computer|open|connected|idle] [--no-view]
//               [--no-proxy] [--no-sort] [--one-user] [--servers S] [--tag NAME]
// --no-proxy and --no-sort split the GUI-side cost; --tag names such a variant's figures.
// --servers S: S servers of N sessions each in one table (each its own block of rows, as the
// console watching a fleet), every refresh one server's answer; the figures are per server
// update.
// --one-user: all sessions from one client and user, as the lab's load generator makes them.

#include "benchcommandline.h"
#include "benchstats.h"
#include "frametimingapplication.h"
#include "serverconnection.h"
#include "sessiondiffer.h"
#include "sessiongenerator.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "sharedtextpool.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QThread>

#include <array>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// Counts paint events of the view's viewport, to know that a refresh reached the screen.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

struct Options
{
    std::vector<std::size_t> sizes {1000, 10000, 100000};
    std::vector<unsigned> levels {502};
    int refreshes = 10;
    SessionTableModel::Column sortColumn = SessionTableModel::User;
    std::string sortName = "user";
    std::string tag; // --tag: RESULT keys "model-TAG.…", for variants of one run
    bool view = true;
    bool proxy = true; // --no-proxy: the view shows the model directly (to split the costs)
    bool sort = true; // --no-sort: the proxy keeps the model's order
    bool singleIdentity = false; // --one-user: every session from one client and user
    int servers = 0; // --servers: that many servers' blocks; 0: rows without a server
};

bool parse(int argc, char **argv, Options &o)
{
    static const std::map<std::string, SessionTableModel::Column> sortColumns {
        {"user", SessionTableModel::User},
        {"computer", SessionTableModel::Computer},
        {"open", SessionTableModel::OpenFiles},
        {"connected", SessionTableModel::ConnectedTime},
        {"idle", SessionTableModel::IdleTime},
    };
    bench::CommandLine line("bench_model [--sizes N,N,...] [--levels 1,502] [--refreshes N] "
                            "[--sort-column user|computer|open|connected|idle] [--no-view] "
                            "[--no-proxy] [--no-sort] [--one-user] [--servers S] [--tag NAME]");
    line.flag("--no-view", [&o] { o.view = false; })
        .flag("--no-proxy", [&o] { o.proxy = false; })
        .flag("--no-sort", [&o] { o.sort = false; })
        .flag("--one-user", [&o] { o.singleIdentity = true; })
        .option("--servers",
            [&o](const char *v) {
                o.servers = std::atoi(v);
                return o.servers >= 1 && o.servers <= 1000;
            })
        .option("--tag", bench::store(o.tag))
        .option("--sizes", bench::storeList(o.sizes))
        .option("--levels", bench::storeList(o.levels))
        .option("--refreshes", bench::store(o.refreshes, 1, 1000))
        .option("--sort-column", [&o](const char *v) {
            const auto column = sortColumns.find(v);
            if (column == sortColumns.end())
                return false;
            o.sortName = column->first;
            o.sortColumn = column->second;
            return true;
        });
    if (!line.parse(argc, argv))
        return false;
    for (unsigned level : o.levels) {
        if (!sc::isValidInfoLevel(level))
            return line.usage();
    }
    return true;
}

/// Handles events until a pass handles none (bounded): layouts, the proxy's and the view's
/// deferred work and the paint all happen in here.
void settle(FrameTimingApplication &app)
{
    for (int pass = 0; pass < 50; ++pass) {
        const quint64 before = app.events();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (app.events() == before)
            return;
    }
}

/// What the poller's worker does with an answer, minus the network: convert the rows while
/// diffing them against the previous answer (and, once the GUI applied it, free the rows
/// before), as SessionPollWorker::poll() does.
struct WorkerSide
{
    SessionDiffer differ;
    quint64 epoch = 1;

    SessionSnapshot poll(
        const sc::SessionList &infos, sc::InfoLevel level, qint64 pollTimeMs, double *diffMs)
    {
        // Like SessionPollWorker: converts while it diffs, so a kept session reuses its texts.
        const auto start = bench::Clock::now();
        SessionSnapshot snapshot;
        snapshot.epoch = epoch;
        snapshot.pollTimeMs = pollTimeMs;
        snapshot.hasRows = true;
        snapshot.level = level;
        snapshot.totalEntries = quint32(infos.size());
        snapshot.delta = differ.update(infos, pollTimeMs);
        *diffMs = bench::msSince(start);
        return snapshot;
    }
};

/// The poller's thread: work runs there while the caller waits.
class WorkerThread
{
public:
    WorkerThread()
    {
        m_thread.setObjectName(QStringLiteral("bench worker"));
        m_thread.start();
        m_context->moveToThread(&m_thread);
    }
    ~WorkerThread()
    {
        m_thread.quit();
        m_thread.wait();
        delete m_context;
    }
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    void run(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_context = new QObject;
};

int runOne(FrameTimingApplication &app, const Options &o, std::size_t n, sc::InfoLevel level)
{
    const std::string key = "model" + (o.tag.empty() ? std::string() : "-" + o.tag)
        + (o.servers > 0 ? ".s" + std::to_string(o.servers) : std::string()) + ".l"
        + std::to_string(unsigned(level)) + ".n" + std::to_string(n);
    // With --servers, each server's block of n rows; without, one table of n rows.
    const std::size_t serverCount = o.servers > 0 ? std::size_t(o.servers) : 1;
    const std::size_t totalRows = n * serverCount;
    qint64 nowMs = 1'718'000'000'000;

    auto *model = new SessionTableModel;
    model->setClock([&nowMs] { return nowMs; });
    model->setDecorationIcons(QIcon(), QIcon());
    auto *proxy = new SessionSortFilterProxyModel;
    proxy->setSourceModel(model);
    QAbstractItemModel *shown = o.proxy ? static_cast<QAbstractItemModel *>(proxy) : model;
    const int sortColumn = o.sort && o.proxy ? int(o.sortColumn) : -1;
    SessionView *view = nullptr;
    PaintCounter paints;
    if (o.view) {
        view = new SessionView;
        // Before setModel(): a view with sorting enabled sorts its new model at once.
        view->setSortingEnabled(sortColumn >= 0);
        view->setModel(shown);
        if (sortColumn >= 0)
            view->sortByColumn(sortColumn, Qt::AscendingOrder);
        view->resize(1280, 800);
        view->viewport()->installEventFilter(&paints);
        view->show();
    } else {
        proxy->sort(sortColumn, Qt::AscendingOrder);
    }
    if (!o.proxy)
        proxy->setSourceModel(nullptr);
    int resets = 0;
    QObject::connect(model, &QAbstractItemModel::modelReset, model, [&resets] { ++resets; });
    settle(app);

    // The poller's side runs on a thread of its own, as in the console: its allocations land
    // in that thread's malloc arena, and the GUI thread's stays as small as the console's.
    WorkerThread workerThread;
    const auto onWorker
        = [&workerThread](const std::function<void()> &work) { workerThread.run(work); };

    // The servers are never connected: they only name the blocks, as in WatchedServers.
    std::vector<std::unique_ptr<ServerConnection>> connections;
    for (int i = 0; i < o.servers; ++i) {
        connections.push_back(std::make_unique<ServerConnection>(SessionPoller::ApiFactory()));
        model->addServer(
            connections.back().get(), QStringLiteral("fs%1").arg(i + 1, 2, 10, QLatin1Char('0')));
    }
    settle(app);

    const long long rss0 = bench::residentBytes();
    const long long heap0 = bench::heapInUseBytes();
    std::vector<SessionGenerator> generators;
    for (std::size_t i = 0; i < serverCount; ++i) {
        generators.emplace_back(20240611 + i);
        if (o.singleIdentity)
            generators.back().setSingleIdentity(u"127.0.0.1", u"alice");
    }
    std::vector<sc::SessionList> infos(serverCount);
    onWorker([&] {
        for (std::size_t i = 0; i < serverCount; ++i)
            infos[i] = generators[i].make(n, level);
    });
    // The server's answer is transient in the console (freed after each poll); keep its
    // memory out of the per-row figure.
    const long long rssInfos = bench::residentBytes() - rss0;
    const long long heapInfos = bench::heapInUseBytes() - heap0;

    std::vector<WorkerSide> workers(serverCount);
    // As WatchedServers does: the servers' differs keep their texts in one pool.
    if (o.servers > 0) {
        const auto texts = std::make_shared<SharedTextPool>();
        for (WorkerSide &worker : workers)
            worker.differ.shareTexts(texts);
    }
    double diffMs = 0;
    double applyMs = 0;
    double guiCpuMs = 0; // CPU time of the GUI thread in deliver(): robust to a busy machine
    std::vector<SessionSnapshot> loadSnapshots(serverCount);
    double loadWorkerCpuMs = 0;
    double loadWorkerMs = 0;
    onWorker([&] {
        const double cpu = bench::threadCpuMs();
        for (std::size_t i = 0; i < serverCount; ++i) {
            loadSnapshots[i] = workers[i].poll(infos[i], level, nowMs, &diffMs);
            loadWorkerMs += diffMs;
        }
        loadWorkerCpuMs = bench::threadCpuMs() - cpu;
    });

    // The snapshot reaches the GUI thread as a queued call, as from the poller's thread.
    auto deliver = [&](std::size_t server, const SessionSnapshot &s) {
        QMetaObject::invokeMethod(
            model,
            [&, server, s] {
                const auto start = bench::Clock::now();
                if (connections.empty())
                    model->applySnapshot(s);
                else
                    model->applyServerSnapshot(connections[server].get(), s);
                applyMs = bench::msSince(start);
            },
            Qt::QueuedConnection);
        const double cpuStart = bench::threadCpuMs();
        const auto start = bench::Clock::now();
        settle(app);
        // Without a view nobody asks the proxy for rows, and it would rebuild its mapping
        // lazily, outside the clock: ask as a view would.
        if (!view)
            bench::keep(shown->index(0, 0).row());
        const double ms = bench::msSince(start);
        guiCpuMs = bench::threadCpuMs() - cpuStart;
        return ms;
    };

    app.resetLongest();
    double loadGuiMs = 0;
    for (std::size_t i = 0; i < serverCount; ++i) {
        loadGuiMs += deliver(i, loadSnapshots[i]);
        loadSnapshots[i] = {};
    }
    const double loadFrameMs = app.longestMs();
    onWorker([&] {
        for (WorkerSide &worker : workers)
            worker.differ.releaseRetired();
    });
    if (model->rowCount() != int(totalRows) || shown->rowCount() != int(totalRows)
        || (view && paints.paints == 0)) {
        std::fprintf(stderr,
            "bench_model: after the load the model has %d rows, the proxy %d, "
            "the view painted %d times; expected %zu rows\n",
            model->rowCount(), shown->rowCount(), paints.paints, totalRows);
        return 1;
    }
    const long long rssLoaded = bench::residentBytes() - rss0 - rssInfos;
    const long long heapLoaded = bench::heapInUseBytes() - heap0 - heapInfos;
    if (o.servers > 0)
        std::printf("%d servers of ", o.servers);
    std::printf("level %u, %zu sessions, %s, sorted by %s%s\n", unsigned(level), n,
        o.proxy ? "through the proxy" : "no proxy",
        sortColumn >= 0 ? o.sortName.c_str() : "nothing", o.view ? ", SessionView attached" : "");
    std::printf("  initial load: worker %.1f ms (converting while diffing), GUI %.1f ms "
                "(apply %.1f + view/paint %.1f), longest event %.1f ms\n",
        loadWorkerMs, loadGuiMs, applyMs, loadGuiMs - applyMs, loadFrameMs);
    bench::result(key + ".load_worker_ms", loadWorkerMs, "ms");
    bench::result(key + ".load_apply_ms", applyMs, "ms");
    bench::result(key + ".load_gui_ms", loadGuiMs, "ms");
    bench::result(key + ".load_total_ms", loadWorkerMs + loadGuiMs, "ms");
    bench::result(key + ".load_frame_ms", loadFrameMs, "ms");
    bench::result(key + ".load_total_cpu_ms", loadWorkerCpuMs + guiCpuMs, "ms");

    // Scroll to the middle so the refreshes touch rows on screen and off it.
    if (view) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        settle(app);
    }

    std::vector<double> workerTimes, diffTimes, applyTimes, guiTimes, frameTimes;
    std::vector<double> guiCpuTimes, workerCpuTimes, layoutTimes, paintTimes, otherTimes;
    std::size_t inserted = 0, removed = 0, changedRanges = 0;
    const int resetsBefore = resets;
    // With several servers each refresh is one server's answer, the servers in turn.
    const int updates = o.refreshes * int(serverCount);
    for (int r = 0; r < updates; ++r) {
        const std::size_t server = std::size_t(r) % serverCount;
        if (server == 0)
            nowMs += 5000;
        double workerCpuMs = 0;
        SessionSnapshot snapshot;
        onWorker([&] {
            generators[server].advance(infos[server], 5, 0.01, 0.01, 0.10, level);
            const double cpu = bench::threadCpuMs();
            snapshot = workers[server].poll(infos[server], level, nowMs, &diffMs);
            workerCpuMs = bench::threadCpuMs() - cpu;
        });
        inserted += std::size_t(snapshot.delta.insertedCount());
        removed += std::size_t(snapshot.delta.removedCount());
        changedRanges += std::size_t(snapshot.delta.changed.size());
        app.resetLongest();
        app.resetWork();
        const double guiMs = deliver(server, snapshot);
        layoutTimes.push_back(app.workMs(FrameTimingApplication::Layout));
        paintTimes.push_back(app.workMs(FrameTimingApplication::Paint));
        otherTimes.push_back(app.workMs(FrameTimingApplication::Other));
        snapshot = {};
        // As SessionPoller does once the model has switched: the worker frees the old rows.
        onWorker([&] {
            const auto releaseStart = bench::Clock::now();
            const double cpu = bench::threadCpuMs();
            workers[server].differ.releaseRetired();
            diffMs += bench::msSince(releaseStart);
            workerCpuMs += bench::threadCpuMs() - cpu;
        });
        workerCpuTimes.push_back(workerCpuMs);
        guiCpuTimes.push_back(guiCpuMs);
        workerTimes.push_back(diffMs);
        diffTimes.push_back(diffMs);
        applyTimes.push_back(applyMs);
        guiTimes.push_back(guiMs);
        frameTimes.push_back(app.longestMs());
        std::size_t serverRows = 0;
        for (const sc::SessionList &list : infos)
            serverRows += list.size();
        if (model->rowCount() != int(serverRows) || shown->rowCount() != int(serverRows)) {
            std::fprintf(stderr,
                "bench_model: refresh %d left %d rows in the model, %d shown; "
                "the servers have %zu\n",
                r + 1, model->rowCount(), shown->rowCount(), serverRows);
            return 1;
        }
    }
    const long long rssSteady = bench::residentBytes() - rss0 - rssInfos;
    const long long heapSteady = bench::heapInUseBytes() - heap0 - heapInfos;
    const double rows = double(model->rowCount());

    // An operator typing a name into the filter, one letter at a time, then clearing it: each
    // step filters every row on the GUI thread. "gar" finds the García rows through their
    // folded names (most of this generator's names are beyond ASCII).
    std::vector<double> filterMs;
    int filteredRows = 0;
    if (o.proxy) {
        for (const char *typed : {"g", "ga", "gar", ""}) {
            const auto start = bench::Clock::now();
            proxy->setFilterText(QString::fromLatin1(typed));
            settle(app);
            filterMs.push_back(bench::msSince(start));
            if (*typed)
                filteredRows = shown->rowCount();
        }
    }

    const auto workerStats = bench::Stats::of(workerTimes);
    const auto apply = bench::Stats::of(applyTimes);
    const auto gui = bench::Stats::of(guiTimes);
    const auto frame = bench::Stats::of(frameTimes);
    std::printf("  %d %s (per %s %.0f inserted, %.0f removed, %.0f changed ranges):\n", updates,
        o.servers > 0 ? "server updates" : "refreshes", o.servers > 0 ? "update" : "refresh",
        double(inserted) / updates, double(removed) / updates, double(changedRanges) / updates);
    std::printf("    worker %.2f ms (%.2f-%.2f), converting while diffing\n", workerStats.median,
        workerStats.min, workerStats.max);
    std::printf("    GUI    %.2f ms (%.2f-%.2f) [apply %.2f ms (%.2f-%.2f)]\n", gui.median, gui.min,
        gui.max, apply.median, apply.min, apply.max);
    const double layoutMs = bench::Stats::of(layoutTimes).median;
    const double paintMs = bench::Stats::of(paintTimes).median;
    std::printf("      of which view layout %.2f, paint %.2f, other %.2f (medians)\n", layoutMs,
        paintMs, bench::Stats::of(otherTimes).median);
    std::printf("    longest GUI event %.2f ms (median of refreshes %.2f), resets %d\n", frame.max,
        frame.median, resets - resetsBefore);
    if (!filterMs.empty()) {
        std::printf("  filter typed \"g\", \"ga\", \"gar\" (%d rows match), cleared: %.2f, %.2f, "
                    "%.2f, %.2f ms\n",
            filteredRows, filterMs[0], filterMs[1], filterMs[2], filterMs[3]);
        bench::result(key + ".filter_typed_ms", filterMs[2], "ms");
    }
    std::printf("  memory per row: RSS %.0f B after load, %.0f B after refreshes; heap %.0f / "
                "%.0f B\n",
        double(rssLoaded) / double(totalRows), double(rssSteady) / rows,
        double(heapLoaded) / double(totalRows), double(heapSteady) / rows);
    bench::result(key + ".refresh_worker_ms", workerStats, "ms");
    bench::result(key + ".refresh_diff_ms", bench::Stats::of(diffTimes).median, "ms");
    bench::result(key + ".refresh_apply_ms", apply, "ms");
    bench::result(key + ".refresh_gui_ms", gui, "ms");
    bench::result(key + ".refresh_gui_cpu_ms", bench::Stats::of(guiCpuTimes).median, "ms");
    bench::result(key + ".refresh_worker_cpu_ms", bench::Stats::of(workerCpuTimes).median, "ms");
    bench::result(key + ".refresh_frame_ms", frame, "ms");
    bench::result(key + ".refresh_layout_ms", layoutMs, "ms");
    bench::result(key + ".refresh_paint_ms", paintMs, "ms");
    bench::result(key + ".refresh_resets", double(resets - resetsBefore), "");
    bench::result(key + ".refresh_changed_ranges", double(changedRanges) / updates, "");
    bench::result(key + ".bytes_per_row_load", double(rssLoaded) / double(totalRows), "B");
    bench::result(key + ".bytes_per_row", double(rssSteady) / rows, "B");
    bench::result(key + ".heap_bytes_per_row", double(heapSteady) / rows, "B");
    std::fflush(stdout);

    delete view;
    delete proxy;
    delete model;
    connections.clear();
    // The worker's rows and answer go on the worker, like everything it allocated.
    onWorker([&] {
        infos = {};
        for (WorkerSide &worker : workers)
            worker.differ.reset();
    });
    settle(app);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // Offscreen unless told otherwise: the benchmark must run without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    FrameTimingApplication app(argc, argv);
    Options o;
    if (!parse(argc, argv, o))
        return 2;
    for (unsigned level : o.levels) {
        for (std::size_t n : o.sizes) {
            if (const int rc = runOne(app, o, n, sc::InfoLevel(level)); rc != 0)
                return rc;
        }
    }
    return 0;
}
