// SPDX-License-Identifier: GPL-3.0-or-later
#include "testfiles.h"

#include <QFile>

bool writeTestFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(contents) == contents.size() && file.flush();
}

TemporaryTestFile::TemporaryTestFile(const QString &name, const QByteArray &contents)
    : m_path(m_dir.filePath(name))
{
    m_valid = m_dir.isValid() && writeTestFile(m_path, contents);
}
