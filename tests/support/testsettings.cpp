// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsettings.h"

#include <QCoreApplication>
#include <QSettings>

void useOwnEmptySettings(const QString &testName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SessionConsoleTests"));
    QCoreApplication::setApplicationName(testName);
    QSettings().clear();
}
