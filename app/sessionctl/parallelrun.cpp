// SPDX-License-Identifier: GPL-3.0-or-later
#include "parallelrun.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

void runInParallel(std::size_t count, int threads, const std::function<void(std::size_t)> &job)
{
    // Plain std::thread rather than QThreadPool: sessionctl has no event loop, and a worker
    // that waits on a hung server must not hold a pool slot another command could need.
    std::atomic<std::size_t> next {0};
    const auto worker = [&]() {
        for (std::size_t i = next++; i < count; i = next++)
            job(i);
    };
    const std::size_t n = std::min(count, static_cast<std::size_t>(std::max(threads, 1)));
    if (n <= 1) {
        worker();
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        pool.emplace_back(worker);
    for (std::thread &t : pool)
        t.join();
}
