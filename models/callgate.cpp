// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgate.h"

#include <algorithm>
#include <utility>

CallGate::Slot::Slot(Slot &&other) noexcept
    : m_gate(std::exchange(other.m_gate, nullptr))
{
}

CallGate::Slot &CallGate::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        release();
        m_gate = std::exchange(other.m_gate, nullptr);
    }
    return *this;
}

CallGate::Slot::~Slot()
{
    release();
}

void CallGate::Slot::release()
{
    if (CallGate *gate = std::exchange(m_gate, nullptr))
        gate->release();
}

CallGate::CallGate(int limit)
    : m_limit(std::max(1, limit))
{
}

int CallGate::inFlight() const
{
    const std::lock_guard lock(m_mutex);
    return m_inFlight;
}

CallGate::Slot CallGate::acquire(const std::atomic_bool &abandoned)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_inFlight < m_limit || abandoned.load(); });
    if (abandoned.load())
        return Slot();
    ++m_inFlight;
    return Slot(this);
}

void CallGate::wake()
{
    // Taken and let go so that a waiter between its check and its wait cannot miss this.
    {
        const std::lock_guard lock(m_mutex);
    }
    m_changed.notify_all();
}

void CallGate::release()
{
    {
        const std::lock_guard lock(m_mutex);
        --m_inFlight;
    }
    // All, not one: a waiter woken for a slot may be abandoned and not take it.
    m_changed.notify_all();
}
