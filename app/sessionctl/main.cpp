// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishplurals.h"
#include "sessionctlcommand.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sessionctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SC_VERSION));

    // Translations are optional for a command line tool: without them it speaks English.
    EnglishPlurals englishPlurals;
    QCoreApplication::installTranslator(&englishPlurals);
    QTranslator translator;
    if (translator.load(
            QLocale(), QStringLiteral("sessionctl"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    SessionCtlCommand command;
    return command.run(QCoreApplication::arguments());
}
