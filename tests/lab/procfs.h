// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

/// Reads what other local users could see of a process through /proc, for tests that prove
/// a password never shows up there.
class Procfs
{
public:
    /// The NUL-separated contents of /proc/<pid>/<what> (cmdline, environ); empty if gone.
    static QByteArray file(qint64 pid, const char *what);
    /// @p pid and every process below it, in breadth-first order.
    static QList<qint64> processTree(qint64 pid);
};
