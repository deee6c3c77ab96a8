// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

/// The objects of a JSON Lines file (the audit log), one per non-empty line; none when the
/// file cannot be read, so a test comparing counts before and after sees a missing log as empty.
QList<QJsonObject> readJsonLines(const QString &path);
