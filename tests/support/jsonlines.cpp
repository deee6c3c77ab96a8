// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlines.h"

#include <QFile>
#include <QJsonDocument>

QList<QJsonObject> readJsonLines(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}
