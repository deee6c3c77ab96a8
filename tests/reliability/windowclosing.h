// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include <QElapsedTimer>

#include <memory>

/// Closes @p window and destroys it, as the console does when the operator quits, and returns
/// how long that took in milliseconds: what a hung server must not stretch. -1 if the window
/// refused to close (it is then left as it was).
inline qint64 closeAndDestroy(std::unique_ptr<MainWindow> &window)
{
    QElapsedTimer elapsed;
    elapsed.start();
    if (!window->close())
        return -1;
    window.reset();
    return elapsed.elapsed();
}
