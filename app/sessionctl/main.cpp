// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"
#include "sessionctlcommand.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sessionctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SC_VERSION));

    // The language of the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English
    // otherwise, which still needs its catalogue for "1 session" rather than "1 session(s)".
    LanguageManager language;
    language.setLanguage(QString());

    SessionCtlCommand command;
    return command.run(QCoreApplication::arguments());
}
