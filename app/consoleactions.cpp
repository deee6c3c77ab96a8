// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoleactions.h"

#include "icons.h"
#include "serverconnection.h"
#include "sessionpoller.h"
#include "sessionspage.h"

#include <QAction>
#include <QActionGroup>
#include <QToolBar>

namespace {

QString plainText(QString text)
{
    // "&Refresh" -> "Refresh" for accessible names; "&&" is a literal ampersand.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

} // namespace

ConsoleActions::ConsoleActions(QWidget *window)
    : QObject(window)
{
    auto make = [this, window](ActionId id, Icons::Id icon, const QList<QKeySequence> &keys,
                    Qt::ShortcutContext context = Qt::WindowShortcut) {
        auto *action = new QAction(Icons::icon(icon), QString(), window);
        action->setShortcuts(keys);
        action->setShortcutContext(context);
        m_actions[id] = action;
        return action;
    };
    auto makePlain = [this, window](ActionId id, const QList<QKeySequence> &keys) {
        auto *action = new QAction(window);
        action->setShortcuts(keys);
        m_actions[id] = action;
        return action;
    };

    make(ConnectAction, Icons::Connect, {QKeySequence(Qt::CTRL | Qt::Key_O)});
    make(ConnectAsAction, Icons::ConnectAs, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    makePlain(FocusServerAction, {QKeySequence(Qt::CTRL | Qt::Key_L)});
    makePlain(QuitAction, {QKeySequence::Quit})->setMenuRole(QAction::QuitRole);
    make(RefreshAction, Icons::Refresh, {QKeySequence::Refresh});
    make(FilterAction, Icons::Filter, {QKeySequence::Find});

    // Actions on selected rows only fire while the list has focus: Delete in the filter field
    // deletes text, Return in the server field connects.
    connect(make(DetailsAction, Icons::Details,
                {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, [this] {
            if (m_page)
                m_page->showDetailsOfSelection();
        });
    connect(make(DisconnectAction, Icons::Disconnect, {QKeySequence::Delete},
                Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, [this] {
            if (m_page)
                m_page->confirmDisconnectSelected();
        });
    connect(make(CopyAction, Icons::Copy, {QKeySequence::Copy}, Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, [this] {
            if (m_page)
                m_page->copySelection();
        });
    auto *selectAll = makePlain(SelectAllAction, {QKeySequence::SelectAll});
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(selectAll, &QAction::triggered, this, [this] {
        if (m_page)
            m_page->selectAll();
    });

    make(AboutAction, Icons::Application, {QKeySequence::HelpContents})
        ->setMenuRole(QAction::AboutRole);
    // Ctrl+E: free in the window and in its line edits (Ctrl+S would promise a document).
    makePlain(ExportAction, {QKeySequence(Qt::CTRL | Qt::Key_E)});
    // Ctrl+Shift+F: Find (Ctrl+F) is the filter of the list shown; this one searches everywhere.
    makePlain(FindUserAction, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)});
    m_actions[AuditLogAction] = new QAction(window);
    m_actions[AuditLogAction]->setObjectName(QStringLiteral("auditLogAction"));

    m_intervalGroup = new QActionGroup(this);
    m_intervalGroup->setExclusive(true);
    const QList<int> choices = SessionPoller::intervalChoices();
    for (int i = 0; i < choices.size(); ++i) {
        auto *action = new QAction(window);
        action->setCheckable(true);
        action->setData(choices[i]);
        // Ctrl+0 is "off", then Ctrl+1, Ctrl+2, … from the shortest interval up.
        if (i < 10)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + i)));
        m_intervalGroup->addAction(action);
        m_intervalActions.insert(choices[i], action);
        connect(action, &QAction::triggered, this,
            [this, seconds = choices[i]] { Q_EMIT intervalChosen(seconds); });
    }
    updateSelectionActions();
}

QList<QAction *> ConsoleActions::intervalActions() const
{
    return m_intervalGroup->actions();
}

void ConsoleActions::setInterval(int seconds)
{
    if (QAction *action = m_intervalActions.value(seconds)) {
        action->setChecked(true);
    } else if (QAction *checked = m_intervalGroup->checkedAction()) {
        checked->setChecked(false);
    }
}

void ConsoleActions::setCurrentPage(SessionsPage *page)
{
    for (const QMetaObject::Connection &c : std::as_const(m_pageConnections))
        disconnect(c);
    m_pageConnections.clear();
    if (m_page)
        m_page->setContextActions({});
    m_page = page;
    if (page) {
        page->setContextActions({m_actions[DetailsAction], m_actions[DisconnectAction],
            m_actions[CopyAction], m_actions[RefreshAction], m_actions[SelectAllAction]});
        m_pageConnections = {
            connect(page, &SessionsPage::selectionChanged, this,
                &ConsoleActions::updateSelectionActions),
            connect(page, &SessionsPage::serverStatusChanged, this,
                &ConsoleActions::updateSelectionActions),
        };
    }
    updateSelectionActions();
}

SessionsPage *ConsoleActions::currentPage() const
{
    return m_page;
}

void ConsoleActions::setToolBar(QToolBar *toolBar)
{
    m_toolBar = toolBar;
}

void ConsoleActions::updateSelectionActions()
{
    const bool any = m_page && m_page->hasSelection();
    m_actions[DetailsAction]->setEnabled(any);
    // Rights are learnt from the server's refusal: once it said no, the action says why
    // instead of offering to fail again.
    const bool refused = m_page && m_page->disconnectRefusedForSelection();
    m_actions[DisconnectAction]->setEnabled(any && m_page->selectionConnected() && !refused);
    QAction *disconnect = m_actions[DisconnectAction];
    if (refused) {
        const QString why = tr("The server refused to end sessions for your account: it lacks "
                               "the right. Use Connect As with an administrator of the server.");
        disconnect->setToolTip(why);
        disconnect->setStatusTip(why);
    } else {
        disconnect->setToolTip(toolTipOf(disconnect));
        disconnect->setStatusTip(tr("End the sessions of the selected users on their computers"));
    }
    m_actions[CopyAction]->setEnabled(any);
}

void ConsoleActions::retranslateUi()
{
    struct Text
    {
        ActionId id;
        QString text;
        QString tip;
    };
    const Text texts[] = {
        {ConnectAction, tr("&Connect"), tr("List the sessions of the server in the server field")},
        {ConnectAsAction, tr("Connect &As…"), tr("Choose the account used on the server")},
        {FocusServerAction, tr("Go to &Server Field"), tr("Type another server name")},
        {QuitAction, tr("&Quit"), tr("Close the console")},
        {RefreshAction, tr("&Refresh"), tr("Ask the server for its sessions now")},
        {FilterAction, tr("&Filter…"), tr("Show only sessions whose user or computer matches")},
        {DetailsAction, tr("&Details…"), tr("Show every field of the selected session")},
        {DisconnectAction, tr("D&isconnect…", "end a session"),
            tr("End the sessions of the selected users on their computers")},
        {CopyAction, tr("&Copy"), tr("Copy the selected rows as tab-separated text")},
        {SelectAllAction, tr("Select &All"), tr("Select every session shown")},
        {AboutAction, tr("&About Session Console"), tr("Version and licence")},
        {ExportAction, tr("&Export…"), tr("Save the rows shown as a CSV or JSON file")},
        {FindUserAction, tr("Find &User…"),
            tr("Find the sessions of a user on every watched server")},
    };
    for (const Text &t : texts) {
        QAction *a = m_actions[t.id];
        a->setText(t.text);
        a->setStatusTip(t.tip);
        a->setToolTip(toolTipOf(a));
        if (QWidget *button = m_toolBar ? m_toolBar->widgetForAction(a) : nullptr)
            button->setAccessibleName(plainText(t.text));
    }
    // Short toolbar labels: the menus keep the longer texts.
    m_actions[ConnectAction]->setIconText(tr("Connect"));
    m_actions[ConnectAsAction]->setIconText(tr("Connect As…"));
    m_actions[RefreshAction]->setIconText(tr("Refresh"));
    m_actions[AuditLogAction]->setText(tr("Audit &Log…"));
    m_actions[AuditLogAction]->setStatusTip(tr("Show the record of every request to end sessions"));

    for (auto it = m_intervalActions.cbegin(); it != m_intervalActions.cend(); ++it)
        it.value()->setText(intervalText(it.key()));
    updateSelectionActions();
}

QString ConsoleActions::toolTipOf(const QAction *action)
{
    return action->shortcut().isEmpty()
        ? plainText(action->text())
        : tr("%1 (%2)", "tooltip: action (shortcut)")
              .arg(
                  plainText(action->text()), action->shortcut().toString(QKeySequence::NativeText));
}

QString ConsoleActions::intervalText(int seconds)
{
    if (seconds <= 0)
        return tr("Off", "automatic refresh");
    return tr("Every %n second(s)", "automatic refresh", seconds);
}
