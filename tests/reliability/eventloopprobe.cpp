// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventloopprobe.h"

#include <algorithm>

EventLoopProbe::EventLoopProbe()
{
    // A precise timer: a coarse one may legitimately fire up to 5 % late and blur the figure.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(10);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        m_maxGapMs = std::max(m_maxGapMs, m_lastTick.restart());
        ++m_ticks;
    });
    restart();
    m_timer.start();
}

void EventLoopProbe::restart()
{
    m_maxGapMs = 0;
    m_ticks = 0;
    m_lastTick.start();
    m_since.start();
}
