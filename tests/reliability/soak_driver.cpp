// SPDX-License-Identifier: GPL-3.0-or-later
// sc-soak-driver: the console's data path without a window (SessionPoller on its worker
// thread, SessionTableModel, the sort/filter proxy, the 1 s clock tick) polling the lab for a
// long time. Checks that no poll fails, that every poll lists exactly the sessions the lab
// holds, and that resident memory after the warm-up stays within a bound. scripts/soak.sh
// starts the lab and the sessions and runs this.
//
//   sc-soak-driver --lab-dir DIR --expected-sessions N [--seconds S] [--interval-ms MS]
//                  [--warmup-seconds W] [--sample-seconds P] [--max-growth-percent G]
//
// Exit status 0 when every check held, 1 when one failed, 2 on usage errors.
#include "labsupport.h"
#include "sessionerrortext.h"
#include "sessionpoller.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

// VmRSS of this process in KiB, or -1.
qint64 residentKib()
{
    // /proc files report size 0, so read them whole instead of testing atEnd().
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Options
{
    QString labDir;
    int expectedSessions = 0;
    int seconds = 600;
    int intervalMs = 1000;
    int warmupSeconds = 60;
    int sampleSeconds = 60;
    double maxGrowthPercent = 5.0;
};

void say(const QString &text)
{
    std::printf("soak: %s\n", qPrintable(text));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    // A model and proxy need a GUI application object (icons), not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption labDir(
        QStringLiteral("lab-dir"), QStringLiteral("Lab directory."), QStringLiteral("DIR"));
    const QCommandLineOption expected(QStringLiteral("expected-sessions"),
        QStringLiteral("Sessions every poll must list (held ones plus our own)."),
        QStringLiteral("N"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Duration."),
        QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"),
        QStringLiteral("Time between polls."), QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption warmup(QStringLiteral("warmup-seconds"),
        QStringLiteral("Memory growth is measured from here."), QStringLiteral("W"),
        QStringLiteral("60"));
    const QCommandLineOption sample(QStringLiteral("sample-seconds"),
        QStringLiteral("Memory sample period."), QStringLiteral("P"), QStringLiteral("60"));
    const QCommandLineOption growth(QStringLiteral("max-growth-percent"),
        QStringLiteral("Allowed RSS growth after warm-up."), QStringLiteral("G"),
        QStringLiteral("5"));
    parser.addOptions({labDir, expected, seconds, interval, warmup, sample, growth});
    parser.process(app);

    Options o;
    bool ok[6] = {};
    o.labDir = parser.value(labDir);
    o.expectedSessions = parser.value(expected).toInt(&ok[0]);
    o.seconds = parser.value(seconds).toInt(&ok[1]);
    o.intervalMs = parser.value(interval).toInt(&ok[2]);
    o.warmupSeconds = parser.value(warmup).toInt(&ok[3]);
    o.sampleSeconds = parser.value(sample).toInt(&ok[4]);
    o.maxGrowthPercent = parser.value(growth).toDouble(&ok[5]);
    if (o.labDir.isEmpty() || !std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })
        || o.expectedSessions < 1 || o.seconds < 1 || o.intervalMs < 1 || o.warmupSeconds < 0
        || o.warmupSeconds >= o.seconds || o.sampleSeconds < 1) {
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        return 2;
    }

    qputenv("SC_LAB_DIR", o.labDir.toLocal8Bit());
    const Lab lab = Lab::fromEnvironment();
    if (!lab.isValid()) {
        std::fprintf(stderr, "soak: %s\n", qPrintable(lab.errorString()));
        return 2;
    }

    SessionPoller poller;
    SessionTableModel model;
    SessionSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    // Sorted on a column that changes between polls, as an operator watching idle times would.
    proxy.sort(SessionTableModel::IdleTime, Qt::DescendingOrder);
    QObject::connect(
        &poller, &SessionPoller::snapshotReady, &model, &SessionTableModel::applySnapshot);
    QObject::connect(
        &model, &SessionTableModel::resyncRequested, &poller, &SessionPoller::requestReplace);
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &model, &SessionTableModel::tick);
    tick.start(1000);

    // Whole seconds go through the poller's own schedule, as in the console; anything else is
    // driven from here, one poll after the other.
    const bool ownSchedule = o.intervalMs % 1000 == 0;
    QTimer next;
    next.setSingleShot(true);
    QObject::connect(&next, &QTimer::timeout, &poller, &SessionPoller::refresh);
    poller.setInterval(ownSchedule ? o.intervalMs / 1000 : 0);

    QElapsedTimer clock;
    clock.start();
    qint64 polls = 0, failures = 0, mismatches = 0, resyncs = 0, maxDurationMs = 0;
    qint64 totalDurationMs = 0;
    QObject::connect(&model, &SessionTableModel::resyncRequested, [&] { ++resyncs; });
    QObject::connect(&poller, &SessionPoller::snapshotReady, [&](const SessionSnapshot &s) {
        ++polls;
        maxDurationMs = std::max(maxDurationMs, s.durationMs);
        totalDurationMs += s.durationMs;
        if (!s.ok()) {
            ++failures;
            say(QStringLiteral("poll %1 FAILED at %2 s: %3")
                    .arg(polls)
                    .arg(clock.elapsed() / 1000)
                    .arg(SessionErrorText::text(*s.error)));
        } else if (model.rowCount() != o.expectedSessions
            || proxy.rowCount() != o.expectedSessions) {
            ++mismatches;
            say(QStringLiteral("poll %1 at %2 s listed %3 sessions (proxy %4), the lab holds %5")
                    .arg(polls)
                    .arg(clock.elapsed() / 1000)
                    .arg(model.rowCount())
                    .arg(proxy.rowCount())
                    .arg(o.expectedSessions));
        }
        if (!ownSchedule)
            next.start(o.intervalMs);
    });

    const qint64 startKib = residentKib();
    qint64 warmKib = -1, maxAfterWarmKib = -1;
    say(QStringLiteral("%1 s, poll every %2 ms, expecting %3 sessions; RSS at start %4 KiB")
            .arg(o.seconds)
            .arg(o.intervalMs)
            .arg(o.expectedSessions)
            .arg(startKib));

    // Times come from the clock, not from counting ticks: a busy event loop delays ticks.
    QTimer sampler;
    qint64 nextSampleS = o.sampleSeconds;
    qint64 nowS = 0;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        nowS = clock.elapsed() / 1000;
        const qint64 kib = residentKib();
        bool printed = false;
        if (warmKib < 0 && nowS >= o.warmupSeconds) {
            printed = true;
            warmKib = kib;
            say(QStringLiteral("t=%1 s RSS %2 KiB (after warm-up), %3 polls")
                    .arg(nowS)
                    .arg(kib)
                    .arg(polls));
        }
        if (warmKib > 0)
            maxAfterWarmKib = std::max(maxAfterWarmKib, kib);
        if (nowS >= nextSampleS) {
            if (!printed)
                say(QStringLiteral("t=%1 s RSS %2 KiB, %3 polls").arg(nowS).arg(kib).arg(polls));
            nextSampleS += o.sampleSeconds;
        }
        if (nowS >= o.seconds)
            app.quit();
    });
    sampler.start(250);

    poller.setConnection(lab.adminOptions());
    app.exec();

    const qint64 endKib = residentKib();
    const double growthPercent
        = warmKib > 0 ? 100.0 * double(endKib - warmKib) / double(warmKib) : 0;
    const double peakPercent
        = warmKib > 0 ? 100.0 * double(maxAfterWarmKib - warmKib) / double(warmKib) : 0;
    say(QStringLiteral("t=%1 s RSS %2 KiB (end)").arg(clock.elapsed() / 1000).arg(endKib));
    say(QStringLiteral("RSS start %1 KiB, after warm-up %2 KiB, peak after warm-up %3 KiB "
                       "(%4 %), end %5 KiB (%6 % vs warm-up, limit %7 %)")
            .arg(startKib)
            .arg(warmKib)
            .arg(maxAfterWarmKib)
            .arg(peakPercent, 0, 'f', 2)
            .arg(endKib)
            .arg(growthPercent, 0, 'f', 2)
            .arg(o.maxGrowthPercent, 0, 'f', 1));
    say(QStringLiteral("%1 polls, %2 failed, %3 with a wrong count, %4 resyncs; poll round trip "
                       "mean %5 ms, max %6 ms")
            .arg(polls)
            .arg(failures)
            .arg(mismatches)
            .arg(resyncs)
            .arg(polls ? totalDurationMs / polls : 0)
            .arg(maxDurationMs));

    bool pass = true;
    auto check = [&](bool condition, const QString &what) {
        if (!condition) {
            say(QStringLiteral("FAIL: ") + what);
            pass = false;
        }
    };
    // At least one poll per two intervals: a stalled poller must not pass as quiet.
    check(polls >= qint64(o.seconds) * 1000 / o.intervalMs / 2,
        QStringLiteral("only %1 polls in %2 s").arg(polls).arg(o.seconds));
    check(failures == 0, QStringLiteral("%1 polls failed").arg(failures));
    check(mismatches == 0,
        QStringLiteral("%1 polls listed a wrong number of sessions").arg(mismatches));
    check(warmKib > 0 && endKib > 0, QStringLiteral("could not read VmRSS"));
    check(growthPercent < o.maxGrowthPercent,
        QStringLiteral("RSS grew by %1 % after the warm-up").arg(growthPercent, 0, 'f', 2));
    say(pass ? QStringLiteral("PASS") : QStringLiteral("FAILED"));
    return pass ? 0 : 1;
}
