// SPDX-License-Identifier: GPL-3.0-or-later
#include "procfs.h"

#include <QDir>
#include <QFile>
#include <QString>

QByteArray Procfs::file(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<qint64> Procfs::children(qint64 pid)
{
    QList<qint64> found;
    // Children are listed per thread: a child forked from a worker thread is only there.
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile list(tasks.filePath(task) + QStringLiteral("/children"));
        if (!list.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &child : list.readAll().simplified().split(' ')) {
            if (const qint64 c = child.toLongLong(); c > 0 && !found.contains(c))
                found.append(c);
        }
    }
    return found;
}

QList<qint64> Procfs::processTree(qint64 pid)
{
    QList<qint64> all {pid};
    for (int i = 0; i < all.size(); ++i) {
        for (const qint64 child : children(all[i])) {
            if (!all.contains(child))
                all.append(child);
        }
    }
    return all;
}

namespace {

// The fields of /proc/<pid>/stat after the command's name: state, parent, ...
QList<QByteArray> statusFields(qint64 pid)
{
    const QByteArray stat = Procfs::file(pid, "stat");
    const qsizetype end = stat.lastIndexOf(')');
    return end > 0 ? stat.mid(end + 2).split(' ') : QList<QByteArray>();
}

} // namespace

char Procfs::state(qint64 pid)
{
    const QList<QByteArray> fields = statusFields(pid);
    return fields.isEmpty() || fields.first().isEmpty() ? 0 : fields.first().at(0);
}

qint64 Procfs::parent(qint64 pid)
{
    const QList<QByteArray> fields = statusFields(pid);
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}
