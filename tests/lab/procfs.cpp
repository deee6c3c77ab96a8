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

QList<qint64> Procfs::processTree(qint64 pid)
{
    QList<qint64> all {pid};
    for (int i = 0; i < all.size(); ++i) {
        // Children are listed per thread: a child forked from a worker thread is only there.
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(all[i]));
        for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile children(tasks.filePath(task) + QStringLiteral("/children"));
            if (!children.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &child : children.readAll().simplified().split(' ')) {
                if (const qint64 c = child.toLongLong(); c > 0 && !all.contains(c))
                    all.append(c);
            }
        }
    }
    return all;
}
