// SPDX-License-Identifier: GPL-3.0-or-later
// A refresh of a big server's open files as the console's GUI thread sees it: OpenFileDiffer
// computes the delta (in the console on the poller's thread), OpenFileTableModel applies it
// and the sort/filter proxy (sorted by path) and a view attached to it follow. Per refresh 1 %
// of the files are closed, 1 % are new and 10 % change their lock count. Prints the GUI
// thread's time (apply, then the events that follow: the view's layout and an offscreen
// paint), the apply alone, the resets (must be 0) and the heap held per row.
//
//   bench_openfilesmodel [--sizes 1000,100000] [--refreshes 9]

#include "benchcommandline.h"
#include "benchstats.h"
#include "frametimingapplication.h"
#include "openfilediffer.h"
#include "openfiletablemodel.h"
#include "sessionsortfilterproxymodel.h"
#include "sessionview.h"

#include <QApplication>

#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options
{
    std::vector<std::size_t> sizes {1000, 100000};
    int refreshes = 9;
};

bool parse(int argc, char **argv, Options &o)
{
    return bench::CommandLine("bench_openfilesmodel [--sizes N,N,...] [--refreshes N]")
        .option("--sizes", bench::storeList(o.sizes))
        .option("--refreshes", bench::store(o.refreshes, 1, 1000000))
        .parse(argc, argv);
}

std::u16string u16(const std::string &s)
{
    return QString::fromStdString(s).toStdU16String();
}

// Files as on a busy Samba server: "C:" + a share's directory + folders + name, 400 users.
class FileGenerator
{
public:
    sc::OpenFileInfo make()
    {
        const std::uint32_t n = m_next++;
        static const char *const folders[]
            = {"C:\\srv\\datos\\Contabilidad año 2027", "C:\\srv\\datos\\Übersicht Größe",
                "C:\\srv\\proyectos\\Diseño\\Entregas", "C:\\srv\\home\\Vertrieb\\Angebote 2027"};
        sc::OpenFileInfo f;
        f.id = n;
        f.level = sc::FileInfoLevel::Level3;
        f.permissions = sc::kPermFileRead | (n % 3 ? sc::kPermFileWrite : 0);
        f.lockCount = n % 5 == 0 ? 1 : 0;
        f.path = u16(std::string(folders[n % 4]) + "\\Informe " + std::to_string(n) + ".xlsx");
        f.userName = u16("usuario" + std::to_string(n % 400));
        return f;
    }

    // 1 % closed, 1 % new, 10 % with another lock count.
    void advance(sc::OpenFileList &files)
    {
        const std::size_t n = files.size();
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        for (std::size_t k = 0; k < n / 10; ++k)
            files[pick(m_random)].lockCount += 1;
        for (std::size_t k = 0; k < n / 100 && !files.empty(); ++k)
            files.erase(files.begin() + std::ptrdiff_t(pick(m_random) % files.size()));
        for (std::size_t k = 0; k < n / 100; ++k)
            files.push_back(make());
    }

private:
    std::uint32_t m_next = 1;
    std::mt19937 m_random {2027};
};

void settle(FrameTimingApplication &app)
{
    for (int i = 0; i < 3; ++i)
        app.processEvents();
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parse(argc, argv, o))
        return 2;
    FrameTimingApplication app(argc, argv);

    for (const std::size_t n : o.sizes) {
        const long long heap0 = bench::heapInUseBytes();
        FileGenerator generator;
        sc::OpenFileList files;
        files.reserve(n + n / 50);
        for (std::size_t i = 0; i < n; ++i)
            files.push_back(generator.make());
        const long long heapFiles = bench::heapInUseBytes() - heap0;

        auto *model = new OpenFileTableModel;
        auto *proxy = new SessionSortFilterProxyModel;
        proxy->setSourceModel(model);
        auto *view = new SessionView;
        view->setModel(proxy);
        view->sortByColumn(OpenFileTableModel::Path, Qt::AscendingOrder);
        view->resize(1280, 800);
        view->show();
        int resets = 0;
        QObject::connect(model, &QAbstractItemModel::modelReset, [&resets] { ++resets; });
        settle(app);

        OpenFileDiffer differ;
        OpenFilesSnapshot snapshot;
        snapshot.hasRows = true;
        snapshot.delta = differ.update(files);
        model->applySnapshot(snapshot);
        snapshot = {};
        differ.releaseRetired();
        settle(app);
        const long long heapLoaded = bench::heapInUseBytes() - heap0 - heapFiles;
        const int resetsAfterLoad = resets;

        std::vector<double> guiTimes, guiCpuTimes, diffTimes, applyTimes, applyCpuTimes;
        std::vector<double> layoutTimes, paintTimes;
        for (int r = 0; r < o.refreshes; ++r) {
            generator.advance(files);
            const auto diffStart = bench::Clock::now();
            snapshot.hasRows = true;
            snapshot.delta = differ.update(files);
            diffTimes.push_back(bench::msSince(diffStart));
            // Queued, as from the poller's thread: the time runs from the event to the view's
            // layout done.
            double applyMs = 0;
            double applyCpuMs = 0;
            QMetaObject::invokeMethod(
                model,
                [&, s = snapshot] {
                    const double applyCpu = bench::threadCpuMs();
                    const auto applyStart = bench::Clock::now();
                    model->applySnapshot(s);
                    applyMs = bench::msSince(applyStart);
                    applyCpuMs = bench::threadCpuMs() - applyCpu;
                },
                Qt::QueuedConnection);
            snapshot = {};
            const double cpu = bench::threadCpuMs();
            const auto start = bench::Clock::now();
            app.resetWork();
            settle(app);
            bench::keep(proxy->index(0, 0).row());
            guiTimes.push_back(bench::msSince(start));
            guiCpuTimes.push_back(bench::threadCpuMs() - cpu);
            applyTimes.push_back(applyMs);
            layoutTimes.push_back(app.workMs(FrameTimingApplication::Layout));
            paintTimes.push_back(app.workMs(FrameTimingApplication::Paint));
            applyCpuTimes.push_back(applyCpuMs);
            differ.releaseRetired();
            if (model->rowCount() != int(files.size()) || proxy->rowCount() != int(files.size())) {
                std::fprintf(stderr,
                    "bench_openfilesmodel: %d rows in the model, %d shown; %zu open\n",
                    model->rowCount(), proxy->rowCount(), files.size());
                return 1;
            }
        }
        const long long heapSteady = bench::heapInUseBytes() - heap0 - heapFiles;
        const auto gui = bench::Stats::of(guiTimes);
        const auto guiCpu = bench::Stats::of(guiCpuTimes);
        const auto diff = bench::Stats::of(diffTimes);
        const auto apply = bench::Stats::of(applyTimes);
        const auto applyCpu = bench::Stats::of(applyCpuTimes);
        const auto layout = bench::Stats::of(layoutTimes);
        const auto paint = bench::Stats::of(paintTimes);
        std::printf("%zu open files, sorted by path, view attached; %d refreshes of 1 %% closed, "
                    "1 %% new, 10 %% lock changes:\n",
            n, o.refreshes);
        std::printf(
            "  GUI thread (apply + layout + paint): %.2f ms (%.2f-%.2f), CPU %.2f ms; resets %d\n",
            gui.median, gui.min, gui.max, guiCpu.median, resets - resetsAfterLoad);
        std::printf("    of which the model and proxy applying the delta: %.2f ms (%.2f-%.2f), CPU "
                    "%.2f ms\n",
            apply.median, apply.min, apply.max, applyCpu.median);
        std::printf(
            "    view layout %.2f ms (%.2f-%.2f), paint %.2f ms (%.2f-%.2f); apply + layout "
            "%.2f ms\n",
            layout.median, layout.min, layout.max, paint.median, paint.min, paint.max,
            apply.median + layout.median);
        std::printf("  diff (worker side): %.2f ms (%.2f-%.2f)\n", diff.median, diff.min, diff.max);
        std::printf("  heap per row: %.0f B after load, %.0f B after refreshes\n",
            double(heapLoaded) / double(n), double(heapSteady) / double(model->rowCount()));
        const std::string key = "openfilesmodel." + std::to_string(n);
        bench::result(key + ".refresh_gui_ms", gui, "ms");
        bench::result(key + ".refresh_gui_cpu_ms", guiCpu.median, "ms");
        bench::result(key + ".refresh_diff_ms", diff, "ms");
        bench::result(key + ".refresh_apply_ms", apply, "ms");
        bench::result(key + ".refresh_apply_cpu_ms", applyCpu.median, "ms");
        bench::result(key + ".refresh_layout_ms", layout, "ms");
        bench::result(key + ".refresh_paint_ms", paint, "ms");
        bench::result(key + ".refresh_resets", double(resets - resetsAfterLoad), "");
        bench::result(key + ".bytes_per_row", double(heapSteady) / double(model->rowCount()), "B");
        delete view;
        delete proxy;
        delete model;
    }
    return 0;
}
