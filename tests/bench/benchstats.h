// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers every benchmark shares: timing, summary statistics, memory figures and the
// machine-readable RESULT lines scripts/bench.sh turns into its table.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <malloc.h>
#include <time.h>
#include <unistd.h>

namespace bench {

/// A command line list such as "1000,10000,100000".
template<typename T>
std::vector<T> parseList(const char *text)
{
    std::vector<T> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        out.push_back(T(std::strtoull(item.c_str(), nullptr, 10)));
    return out;
}

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// How long a series of timed runs goes on (see repeat()).
struct RepeatLimits
{
    double minTimeMs = 400;
    int minRepeats = 7;
    int maxRepeats = 200;
};

/// Repeats @p run until both the minimum time and the minimum count are reached (bounded by
/// the maximum count) and returns what each run returned, its milliseconds.
template<typename F>
std::vector<double> repeat(const RepeatLimits &limits, F &&run)
{
    std::vector<double> times;
    const auto start = Clock::now();
    while (int(times.size()) < limits.maxRepeats
        && (int(times.size()) < limits.minRepeats || msSince(start) < limits.minTimeMs)) {
        times.push_back(run());
    }
    return times;
}

/// CPU time of the calling thread in milliseconds. Unlike the wall clock it does not count
/// the time the thread waited for a core, so it barely moves when the machine is busy.
inline double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Median, min and max of a series (milliseconds or any other unit).
struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
    std::size_t count = 0;

    static Stats of(std::vector<double> values)
    {
        Stats s;
        if (values.empty())
            return s;
        std::sort(values.begin(), values.end());
        s.count = values.size();
        s.min = values.front();
        s.max = values.back();
        const std::size_t mid = values.size() / 2;
        s.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return s;
    }
};

/// One figure for scripts/bench.sh: "RESULT<TAB>key<TAB>value<TAB>unit".
inline void result(const std::string &key, double value, const char *unit)
{
    std::printf("RESULT\t%s\t%.6g\t%s\n", key.c_str(), value, unit);
}

/// A series as key.median, key.min and key.max.
inline void result(const std::string &key, const Stats &s, const char *unit)
{
    result(key + ".median", s.median, unit);
    result(key + ".min", s.min, unit);
    result(key + ".max", s.max, unit);
}

/// Resident set size in bytes (/proc/self/statm), after giving freed heap back to the system
/// so a delta measures what is still held.
inline long long residentBytes()
{
    malloc_trim(0);
    long long pages = 0;
    long long resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%lld %lld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * sysconf(_SC_PAGESIZE);
}

/// Bytes the allocator has handed out and not got back (independent of page granularity).
inline long long heapInUseBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<long long>(info.uordblks + info.hblkhd);
}

/// Keeps the optimiser from dropping a computation whose result is otherwise unused.
template<typename T>
inline void keep(const T &value)
{
    asm volatile("" : : "r,m"(value) : "memory");
}

} // namespace bench
