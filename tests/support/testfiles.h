// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Writes @p contents to @p path, replacing what was there; false when it cannot. For the
/// password files, server lists and scripts a test makes in its temporary folder.
bool writeTestFile(const QString &path, const QByteArray &contents);
