// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textpool.h"

#include <QMutex>

/// The texts of several tables that fill on threads of their own: the pollers of a window's
/// servers (WatchedServers gives each the same one, TextPool::share()). File servers of one
/// organisation see the same accounts, so a user name that recurs on every server is held
/// once, not once per server: with 20 servers that was about 50 B per row (BENCHMARKS.md).
///
/// A TextPool behind a mutex. The pollers intern new rows' texts only, a few per changed row,
/// so the lock is short and rarely contended; prune() holds it for one scan of the texts,
/// after they grew by a sixteenth (see TextPool::prune()). A text that any row of any server
/// holds has a reference besides the pool's, so pruning never drops it.
class SharedTextPool
{
public:
    QString intern(QStringView text)
    {
        const QMutexLocker lock(&m_mutex);
        return m_pool.intern(text);
    }
    void intern(QString &text)
    {
        const QMutexLocker lock(&m_mutex);
        m_pool.intern(text);
    }
    void prune()
    {
        const QMutexLocker lock(&m_mutex);
        m_pool.prune();
    }
    /// Distinct texts held.
    size_t size() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_pool.size();
    }

private:
    mutable QMutex m_mutex;
    TextPool m_pool;
};
