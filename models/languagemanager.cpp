// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include "settingskeys.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "sessionconsole.language")

QString languageCode(const QLocale &locale)
{
    return QLocale::languageToCode(locale.language(), QLocale::ISO639Part1);
}

// Formats follow the operator's regional settings where they fit the language: es_MX keeps
// Mexican formats under the Spanish translation, and an untranslated system language keeps
// its own formats under the English fallback.
QLocale localeFor(const QString &choice, const QString &language)
{
    const QLocale system = QLocale::system();
    if (choice.isEmpty() || languageCode(system) == language)
        return system;
    return QLocale(language);
}

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_appTranslator);
        QCoreApplication::removeTranslator(&m_qtTranslator);
    }
}

QStringList LanguageManager::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("de")};
}

QString LanguageManager::nativeName(const QString &language)
{
    if (language == QLatin1String("es"))
        return QStringLiteral("Español");
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

QString LanguageManager::resolve(const QStringList &uiLanguages)
{
    const QStringList available = availableLanguages();
    for (const QString &name : uiLanguages) {
        const QString code = languageCode(QLocale(name));
        if (available.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString LanguageManager::systemLanguage()
{
    return resolve(QLocale::system().uiLanguages());
}

void LanguageManager::setLanguage(const QString &choice)
{
    m_choice = availableLanguages().contains(choice) ? choice : QString();
    const QString language = m_choice.isEmpty() ? systemLanguage() : m_choice;
    const QLocale locale = localeFor(m_choice, language);
    if (language == m_language && locale == QLocale())
        return;

    // The locale first: widgets and models re-format numbers and dates when the
    // LanguageChange of the translators arrives.
    QLocale::setDefault(locale);
    m_language = language;

    // Qt's texts are English already; for other languages its standard buttons ("Cancel"),
    // and the command line help would stay English without qtbase_<lang>. Loading nothing
    // empties the translator.
    const QString directory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QString qtFile
        = language == QLatin1String("en") ? QString() : QStringLiteral("qtbase_") + language;
    if (!m_qtTranslator.load(qtFile, directory) && !qtFile.isEmpty()) {
        qCWarning(lcLanguage, "Cannot load Qt's translation %s from %s", qUtf8Printable(qtFile),
            qUtf8Printable(directory));
    }
    const QString catalogue = QStringLiteral(":/i18n/sessionconsole_") + language;
    if (!m_appTranslator.load(catalogue))
        qCWarning(lcLanguage, "Cannot load the translation %s", qUtf8Printable(catalogue));

    if (!m_installed) {
        QCoreApplication::installTranslator(&m_qtTranslator);
        QCoreApplication::installTranslator(&m_appTranslator);
        m_installed = true;
    }
    // Reloading installed translators posts one LanguageChange (compressed), where removing
    // and installing them would send one per step, each making the session model announce
    // every row anew. Delivered now, so models and texts outside widgets are current when
    // this returns; widgets follow with their own posted event.
    QCoreApplication::sendPostedEvents(QCoreApplication::instance(), QEvent::LanguageChange);
    Q_EMIT languageChanged(m_language);
}

QString LanguageManager::savedChoice()
{
    return QSettings().value(SettingsKeys::Language).toString();
}

void LanguageManager::saveChoice(const QString &choice)
{
    QSettings().setValue(SettingsKeys::Language, choice);
}
