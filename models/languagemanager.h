// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

/// Installs the translations of one language into the application and switches them at run
/// time: Qt's own (qtbase_<lang>, for standard buttons and command line help) and ours
/// (:/i18n/sessionconsole_<lang>, also for English, where it supplies the plural forms).
/// Also makes the language's QLocale the default, so numbers and dates follow it.
///
/// Used by session-console (with a saved choice) and by sessionctl (system locale only).
/// QtCore only.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    /// Languages with a translation, as ISO 639 codes: "en", "es", "de".
    static QStringList availableLanguages();
    /// The language's name in itself ("English", "Español", "Deutsch"): never translated, so
    /// operators find their language whatever the interface currently speaks.
    static QString nativeName(const QString &language);
    /// The first of @p uiLanguages (BCP 47 names, most preferred first, e.g. from
    /// QLocale::uiLanguages()) that has a translation, else "en".
    static QString resolve(const QStringList &uiLanguages);
    /// resolve() applied to the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Unix).
    static QString systemLanguage();

    /// Switches to @p choice: one of availableLanguages(), or empty to follow the system.
    /// Unknown codes count as empty. Sends QEvent::LanguageChange to every widget.
    void setLanguage(const QString &choice);
    /// What was asked for: empty when following the system.
    QString choice() const { return m_choice; }
    /// The language in effect ("en", "es" or "de").
    QString language() const { return m_language; }

    /// The choice saved by saveChoice() in QSettings (empty: follow the system).
    static QString savedChoice();
    static void saveChoice(const QString &choice);

Q_SIGNALS:
    /// After the translators were replaced and the LanguageChange was sent.
    void languageChanged(const QString &language);

private:
    QString m_choice;
    QString m_language;
    QTranslator m_qtTranslator;
    QTranslator m_appTranslator;
    bool m_installed = false;
};
