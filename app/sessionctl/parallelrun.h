// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

/// Calls @p job(i) for every i in [0, count), on up to @p threads threads at once (at least
/// one, never more than count), and returns once every call has returned. Jobs are started in
/// index order; each must only touch its own index's data.
void runInParallel(std::size_t count, int threads, const std::function<void(std::size_t)> &job);
