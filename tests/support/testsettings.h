// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Gives the test's QSettings an organisation and application of their own
/// ("SessionConsoleTests", @p testName), so that nothing an operator saved is read or
/// overwritten, and empties them.
void useOwnEmptySettings(const QString &testName);
