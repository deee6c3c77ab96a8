// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

/// Writes @p contents to @p path, replacing what was there; false when it cannot. For the
/// password files, server lists and scripts a test makes in its temporary folder.
bool writeTestFile(const QString &path, const QByteArray &contents);

/// One file a test prepares (a server list, a password file) in a temporary folder of its
/// own; the folder goes with the object. For the tests that need that single file and no
/// folder of their own, so none of them forgets to check that the folder was made.
class TemporaryTestFile
{
public:
    TemporaryTestFile(const QString &name, const QByteArray &contents);

    /// False when the folder could not be made or the file not written; check it first.
    bool isValid() const { return m_valid; }
    QString path() const { return m_path; }
    /// @p name in the same folder: where a test looks for a file that must be missing.
    QString siblingPath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    bool m_valid = false;
};
