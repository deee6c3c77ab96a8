// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchstats.h"

#include <QApplication>
#include <QEvent>

#include <array>

/// Times every event the GUI thread handles at the top level: the longest one is the
/// longest time the window could not react (a dropped frame when it exceeds ~16 ms). Also
/// sums the time per kind of work, to split a refresh into its parts.
class FrameTimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    enum Work {
        Apply, ///< queued calls: the snapshot applied to the model, proxy and view signals
        Layout, ///< timers: the view's deferred item layout
        Paint, ///< update requests and paint events
        Other,
        WorkCount
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0) {
            ++m_depth;
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        ++m_depth;
        ++m_events;
        const auto start = bench::Clock::now();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = bench::msSince(start);
        --m_depth;
        m_workMs[size_t(workOf(event->type()))] += ms;
        if (ms > m_longestMs) {
            m_longestMs = ms;
            m_longestType = event->type();
        }
        return handled;
    }

    void resetLongest()
    {
        m_longestMs = 0;
        m_longestType = QEvent::None;
    }
    double longestMs() const { return m_longestMs; }
    void resetWork() { m_workMs = {}; }
    double workMs(Work work) const { return m_workMs[size_t(work)]; }
    QEvent::Type longestType() const { return m_longestType; }
    quint64 events() const { return m_events; }

private:
    static Work workOf(QEvent::Type type)
    {
        switch (type) {
        case QEvent::MetaCall:
            return Apply;
        case QEvent::Timer:
            return Layout;
        case QEvent::UpdateRequest:
        case QEvent::UpdateLater:
        case QEvent::Paint:
            return Paint;
        default:
            return Other;
        }
    }

    int m_depth = 0;
    std::array<double, WorkCount> m_workMs {};
    quint64 m_events = 0;
    double m_longestMs = 0;
    QEvent::Type m_longestType = QEvent::None;
};
