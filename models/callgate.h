// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

/// Bounds the network calls in flight across the console's connections: each poller's worker
/// holds a slot around its connect and call, and waits here while every slot is taken.
///
/// Plain C++ (no Qt) on purpose: it is taken on the worker threads, and whoever waits here is
/// a worker, never the GUI thread. Shared by the connections of one window (WatchedServers)
/// through a std::shared_ptr, so a worker left behind by a closed window keeps it alive.
///
/// A wait ends early when the waiter's @c abandoned flag is set and wake() is called, so
/// closing a window never waits for another server's slot.
class CallGate
{
public:
    /// As the issue asks and as tools that ask many servers at once do (sessionctl --jobs).
    static constexpr int kDefaultLimit = 8;
    /// The most a window or sessionctl --jobs allows: beyond it the machine, not the network,
    /// is the limit (each connection of the console is a process of its own).
    static constexpr int kMaxLimit = 64;

    /// Holds one slot until destroyed (RAII), so every path out of a call releases it.
    class Slot
    {
    public:
        Slot() = default;
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        ~Slot();

        /// False when the wait was abandoned: no slot is held, make no call.
        explicit operator bool() const { return m_gate != nullptr; }

    private:
        friend class CallGate;
        explicit Slot(CallGate *gate)
            : m_gate(gate)
        {
        }
        void release();

        CallGate *m_gate = nullptr;
    };

    explicit CallGate(int limit = kDefaultLimit);
    CallGate(const CallGate &) = delete;
    CallGate &operator=(const CallGate &) = delete;

    int limit() const { return m_limit; }
    /// Slots held now.
    int inFlight() const;

    /// Waits for a free slot. Returns an empty Slot, at once, once @p abandoned is true (set
    /// it, then call wake()).
    Slot acquire(const std::atomic_bool &abandoned);
    /// Lets every waiter look at its abandoned flag again.
    void wake();

private:
    void release();

    const int m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_inFlight = 0;
};
