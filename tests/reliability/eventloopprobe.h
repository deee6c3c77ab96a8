// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QTimer>

/// Measures how responsive the thread's event loop is: a 10 ms timer records the longest gap
/// between two of its ticks. Anything that blocks the GUI thread (a wait on the network, a
/// lock held by a hung call) shows up as a long gap.
class EventLoopProbe
{
public:
    EventLoopProbe();

    /// Starts over: forgets the gaps seen so far.
    void restart();
    qint64 maxGapMs() const { return m_maxGapMs; }
    int ticks() const { return m_ticks; }
    /// Milliseconds since construction or restart().
    qint64 elapsedMs() const { return m_since.elapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_lastTick;
    QElapsedTimer m_since;
    qint64 m_maxGapMs = 0;
    int m_ticks = 0;
};
