// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;
class LanguageManager;

/// View ▸ Language: the system's language or one of the translations, switched at once
/// through a LanguageManager and remembered for the next start.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(LanguageManager *manager, QWidget *parent = nullptr);

    /// The entry for @p choice ("" for the system's language, or "en", "es", "de").
    QAction *action(const QString &choice) const;

private:
    void retranslateUi();
    void updateChecked();

    LanguageManager *m_manager = nullptr;
    QActionGroup *m_group = nullptr;
};
