// SPDX-License-Identifier: GPL-3.0-or-later
#include "testfiles.h"

#include <QFile>

bool writeTestFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(contents) == contents.size() && file.flush();
}
