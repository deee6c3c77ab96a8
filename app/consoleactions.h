// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QToolBar;
class QWidget;
class SessionsPage;

/// The console's actions, created once: their icons, shortcuts and texts (again after a
/// language change), and the page they act on.
///
/// The actions on selected sessions (details, disconnect, copy, select all) follow the
/// current page (setCurrentPage()), which gets them for its context menu; they are enabled
/// by its selection. The window connects the others (connect, refresh, quit, …) to what
/// it does with them. The refresh intervals are a group of checkable actions.
class ConsoleActions : public QObject
{
    Q_OBJECT
public:
    enum ActionId {
        ConnectAction,
        ConnectAsAction,
        FocusServerAction,
        QuitAction,
        RefreshAction,
        FilterAction,
        DetailsAction,
        DisconnectAction,
        CopyAction,
        SelectAllAction,
        AboutAction,
        AuditLogAction,
        ExportAction,
        FindUserAction,
        ActionCount
    };

    /// The actions belong to @p window (their shortcuts work in it).
    explicit ConsoleActions(QWidget *window);

    QAction *action(ActionId id) const { return m_actions[id]; }
    /// "Off", then one checkable action per SessionPoller::intervalChoices().
    QList<QAction *> intervalActions() const;
    /// Checks the action of @p seconds (none for a value that is not one of the choices).
    void setInterval(int seconds);

    /// The page the selection actions act on, or nullptr.
    void setCurrentPage(SessionsPage *page);
    SessionsPage *currentPage() const;

    /// Toolbar buttons get the actions' plain texts as accessible names.
    void setToolBar(QToolBar *toolBar);
    void retranslateUi();

    /// "Off" or "Every 5 seconds", for the menu and the toolbar's field.
    static QString intervalText(int seconds);

Q_SIGNALS:
    /// The operator chose another refresh interval (0: off).
    void intervalChosen(int seconds);

private:
    void updateSelectionActions();
    /// "Text (shortcut)" of @p action, without its mnemonic.
    static QString toolTipOf(const QAction *action);

    QAction *m_actions[ActionCount] = {};
    QActionGroup *m_intervalGroup = nullptr;
    QHash<int, QAction *> m_intervalActions; // seconds -> action
    QPointer<SessionsPage> m_page;
    QList<QMetaObject::Connection> m_pageConnections;
    QPointer<QToolBar> m_toolBar;
};
