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
    /// The processes whose parent is @p pid, zombies among them.
    static QList<qint64> children(qint64 pid);
    /// The state of @p pid as /proc/<pid>/stat gives it ('R', 'S', 'Z', ...); 0 once no
    /// process has that pid.
    static char state(qint64 pid);
    /// The parent of @p pid; 0 once no process has that pid.
    static qint64 parent(qint64 pid);
};
