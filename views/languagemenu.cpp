// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemenu.h"

#include "languagechangefilter.h"
#include "languagemanager.h"

#include <QActionGroup>

LanguageMenu::LanguageMenu(LanguageManager *manager, QWidget *parent)
    : QMenu(parent)
    , m_manager(manager)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    const QStringList choices = QStringList {QString()} + LanguageManager::availableLanguages();
    for (const QString &choice : choices) {
        QAction *action = addAction(QString());
        action->setCheckable(true);
        action->setData(choice);
        m_group->addAction(action);
        if (choice.isEmpty())
            addSeparator();
        connect(action, &QAction::triggered, this, [this, choice] {
            m_manager->setLanguage(choice);
            LanguageManager::saveChoice(choice);
            updateChecked();
        });
    }
    connect(m_manager, &LanguageManager::languageChanged, this, &LanguageMenu::updateChecked);
    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
    updateChecked();
}

QAction *LanguageMenu::action(const QString &choice) const
{
    for (QAction *action : m_group->actions()) {
        if (action->data().toString() == choice)
            return action;
    }
    return nullptr;
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("&Language"));
    for (QAction *action : m_group->actions()) {
        const QString choice = action->data().toString();
        // Languages are named in themselves, so an operator finds theirs in any interface.
        action->setText(choice.isEmpty()
                //: Language menu entry; %1 is the system's language named in itself, e.g. "Deutsch"
                ? tr("&System (%1)")
                      .arg(LanguageManager::nativeName(LanguageManager::systemLanguage()))
                : LanguageManager::nativeName(choice));
    }
}

void LanguageMenu::updateChecked()
{
    if (QAction *current = action(m_manager->choice()))
        current->setChecked(true);
}
