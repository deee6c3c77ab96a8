// SPDX-License-Identifier: GPL-3.0-or-later
// Console start: from the moment the process is started to the moment the session list has
// painted its first row, against the lab (scripts/bench.sh holds 1,000 sessions meanwhile).
//
//   SC_LAB_DIR=... bench_startup [--runs 7] [--label N] [--servers HOST:PORT,...]
//
// With --servers the window watches every server given (the lab's admin account on each, as
// the members of a lab fleet share their users) and the clock stops at the first paint after
// the last of them answered: the complete picture of a fleet, issue "many servers".
//
// The parent notes the monotonic clock, forks and execs itself as the child, which builds
// the real MainWindow (QT_QPA_PLATFORM=offscreen), connects to the lab as the admin and
// watches the list's viewport: the first paint with rows is painted there and then, and the
// child reports how long after the parent's clock reading that finished. Loading the shared
// libraries, QApplication, the window, the SMB logon, the first NetrSessionEnum (with the
// "auto" level stepping down to what Samba serves), the model, the sort and the paint all
// count, as they do for an operator.

#include "benchcommandline.h"
#include "benchstats.h"
#include "labsupport.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"
#include "serverconnection.h"
#include "sessionapi.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"
#include "watchedservers.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr char kT0Variable[] = "SC_BENCH_STARTUP_T0_NS";
// The servers the child watches, comma-separated; the lab's own server when empty.
constexpr char kServersVariable[] = "SC_BENCH_STARTUP_SERVERS";
constexpr int kChildTimeoutMs = 60000;

long long monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/// Milliseconds since the parent's clock reading before fork().
double sinceStart()
{
    static const long long t0 = std::atoll(qgetenv(kT0Variable).constData());
    return double(monotonicNs() - t0) / 1e6;
}

/// Paints the first frame that shows a row right away and notes when it is done.
class FirstRowWatcher : public QObject
{
public:
    FirstRowWatcher(MainWindow *window)
        : m_window(window)
    {
    }
    double paintedMs = -1;
    double windowPaintedMs = -1;
    // Servers that must have answered before a paint counts (the whole fleet's picture).
    int serversToAnswer = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint)
            return QObject::eventFilter(watched, event);
        if (windowPaintedMs < 0)
            windowPaintedMs = sinceStart();
        if (paintedMs >= 0 || serversToAnswer > 0
            || MainWindowTestAccess::proxy(*m_window)->rowCount() == 0)
            return QObject::eventFilter(watched, event);
        // Let the view paint now, inside this same paint, and stop the clock after it.
        watched->removeEventFilter(this);
        QCoreApplication::sendEvent(watched, event);
        paintedMs = sinceStart();
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        return true;
    }

private:
    MainWindow *m_window;
};

int runChild(int argc, char **argv)
{
    const double mainMs = sinceStart();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SessionConsoleBench"));
    QCoreApplication::setApplicationName(QStringLiteral("session-console"));
    const double appMs = sinceStart();

    const Lab lab = Lab::fromEnvironment();
    if (!lab.isValid()) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(lab.errorString()));
        return 2;
    }
    QStringList servers = qEnvironmentVariable(kServersVariable).split(u',', Qt::SkipEmptyParts);
    if (servers.isEmpty())
        servers.append(QStringLiteral("%1:%2").arg(lab.host()).arg(lab.port()));
    // As main() does when it has servers to ask (SC_BENCH_NO_PREPARE: as before it did).
    if (qEnvironmentVariableIsEmpty("SC_BENCH_NO_PREPARE"))
        sc::prepareSessionApi();
    MainWindow window;
    FirstRowWatcher watcher(&window);
    watcher.serversToAnswer = int(servers.size());
    MainWindowTestAccess::view(window)->viewport()->installEventFilter(&watcher);
    double snapshotMs = -1;
    int rows = 0;
    QSet<ServerConnection *> answered;
    const auto onAnswer = [&](ServerConnection *server, const SessionSnapshot &snapshot) {
        if (!snapshot.ok()) {
            std::fprintf(stderr, "bench_startup: the first poll of %s failed: %s\n",
                qPrintable(server->status().server),
                snapshot.error ? snapshot.error->message().c_str() : "?");
            QCoreApplication::exit(1);
            return;
        }
        if (answered.contains(server))
            return;
        answered.insert(server);
        watcher.serversToAnswer = int(servers.size() - answered.size());
        if (watcher.serversToAnswer == 0) {
            snapshotMs = sinceStart();
            rows = MainWindowTestAccess::model(window)->rowCount();
        }
    };
    QObject::connect(
        window.watchedServers(), &WatchedServers::added, &window, [&](ServerConnection *server) {
            QObject::connect(server, &ServerConnection::snapshotHandled, &window,
                [&, server](const SessionSnapshot &s) { onAnswer(server, s); });
        });
    for (ServerConnection *server : window.watchedServers()->connections()) {
        QObject::connect(server, &ServerConnection::snapshotHandled, &window,
            [&, server](const SessionSnapshot &s) { onAnswer(server, s); });
    }
    window.show();
    const double shownMs = sinceStart();
    window.connectToServer(servers.first(), lab.adminOptions());
    for (qsizetype i = 1; i < servers.size(); ++i)
        window.watchServer(servers.at(i), lab.adminOptions());
    QTimer::singleShot(kChildTimeoutMs, &app, [] {
        std::fprintf(stderr, "bench_startup: no row painted within %d ms\n", kChildTimeoutMs);
        QCoreApplication::exit(1);
    });
    const int rc = app.exec();
    if (rc != 0 || watcher.paintedMs < 0)
        return rc ? rc : 1;
    std::printf("CHILD %.3f %.3f %.3f %.3f %.3f %.3f %d\n", mainMs, appMs, shownMs,
        watcher.windowPaintedMs, snapshotMs, watcher.paintedMs, rows);
    return 0;
}

struct ChildFigures
{
    double main = 0, app = 0, shown = 0, windowPainted = 0, snapshot = 0, firstRow = 0;
    int rows = 0;
};

bool runOnce(
    const char *self, const QString &configDir, const std::string &servers, ChildFigures &out)
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return false;
    const long long t0 = monotonicNs();
    const pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        close(pipeFds[0]);
        close(pipeFds[1]);
        setenv(kT0Variable, std::to_string(t0).c_str(), 1);
        setenv(kServersVariable, servers.c_str(), 1);
        setenv("XDG_CONFIG_HOME", configDir.toLocal8Bit().constData(), 1);
        if (!getenv("QT_QPA_PLATFORM"))
            setenv("QT_QPA_PLATFORM", "offscreen", 1);
        execl(self, self, "--child", static_cast<char *>(nullptr));
        std::fprintf(stderr, "bench_startup: exec %s: %s\n", self, std::strerror(errno));
        _exit(127);
    }
    close(pipeFds[1]);
    std::string text;
    char buffer[512];
    ssize_t n;
    while ((n = read(pipeFds[0], buffer, sizeof buffer)) > 0)
        text.append(buffer, std::size_t(n));
    close(pipeFds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return false;
    const auto at = text.find("CHILD ");
    return at != std::string::npos
        && std::sscanf(text.c_str() + at, "CHILD %lf %lf %lf %lf %lf %lf %d", &out.main, &out.app,
               &out.shown, &out.windowPainted, &out.snapshot, &out.firstRow, &out.rows)
        == 7;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return runChild(argc, argv);

    int runs = 7;
    std::string label;
    std::string servers;
    if (!bench::CommandLine("bench_startup [--runs N] [--label N] [--servers HOST:PORT,...]")
             .option("--runs", bench::store(runs, 1, 100))
             .option("--label", bench::store(label))
             .option("--servers", bench::store(servers))
             .parse(argc, argv)) {
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("SC_LAB_DIR")) {
        std::fprintf(stderr, "bench_startup: SC_LAB_DIR is not set (run it with the lab up)\n");
        return 2;
    }
    // Settings of a real user must neither influence nor receive the benchmark's.
    QTemporaryDir configDir;
    if (!configDir.isValid())
        return 1;
    char self[4096];
    const ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0)
        return 1;
    self[len] = '\0';

    std::vector<double> mainT, appT, shownT, windowT, snapshotT, firstRowT;
    int rows = 0;
    // One unmeasured start warms the page cache as an operator's second start would find it.
    for (int i = 0; i <= runs; ++i) {
        ChildFigures f;
        if (!runOnce(self, configDir.path(), servers, f)) {
            std::fprintf(stderr, "bench_startup: run %d failed\n", i);
            return 1;
        }
        if (i == 0)
            continue;
        mainT.push_back(f.main);
        appT.push_back(f.app);
        shownT.push_back(f.shown);
        windowT.push_back(f.windowPainted);
        snapshotT.push_back(f.snapshot);
        firstRowT.push_back(f.firstRow);
        rows = f.rows;
    }
    const auto first = bench::Stats::of(firstRowT);
    std::printf("start to %s, %d rows, %d runs: %.1f ms (%.1f-%.1f)\n",
        servers.empty() ? "first painted row" : "every server's rows painted", rows, runs,
        first.median, first.min, first.max);
    std::printf("  medians: main() %.1f, QApplication %.1f, window shown %.1f, window painted "
                "%.1f, %s applied %.1f, rows painted %.1f ms\n",
        bench::Stats::of(mainT).median, bench::Stats::of(appT).median,
        bench::Stats::of(shownT).median, bench::Stats::of(windowT).median,
        servers.empty() ? "first answer" : "last server's answer",
        bench::Stats::of(snapshotT).median, first.median);
    const std::string key = "startup.n" + (label.empty() ? std::to_string(rows) : label);
    bench::result(key + ".rows", rows, "");
    bench::result(key + ".first_row_ms", first, "ms");
    bench::result(key + ".main_ms", bench::Stats::of(mainT).median, "ms");
    bench::result(key + ".qapplication_ms", bench::Stats::of(appT).median, "ms");
    bench::result(key + ".window_shown_ms", bench::Stats::of(shownT).median, "ms");
    bench::result(key + ".window_painted_ms", bench::Stats::of(windowT).median, "ms");
    bench::result(key + ".first_answer_ms", bench::Stats::of(snapshotT).median, "ms");
    return 0;
}
