// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "auditlog.h"
#include "auditlogdialog.h"
#include "connectionbanner.h"
#include "consoleactions.h"
#include "consolestatusbar.h"
#include "exportcontroller.h"
#include "finduserdialog.h"
#include "icons.h"
#include "languagechangefilter.h"
#include "logoncontroller.h"
#include "openfilespage.h"
#include "serverconnection.h"
#include "serverlistmodel.h"
#include "serverliststore.h"
#include "serverpanel.h"
#include "sessionspage.h"
#include "settingskeys.h"
#include "watchedservers.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr int kMaxHistory = 15;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(SessionPoller::ApiFactory(&sc::createSessionApi), parent)
{
}

MainWindow::MainWindow(SessionPoller::ApiFactory apiFactory, QWidget *parent)
    : QMainWindow(parent)
    , m_watched(new WatchedServers(std::move(apiFactory), this))
{
    setWindowIcon(Icons::icon(Icons::Application));
    // Every disconnect this window asks for is recorded by the poller's worker, as soon as
    // the server has answered.
    m_watched->setAuditLog(AuditLog(QStringLiteral("session-console")));
    // The first window has one connection, not connected yet: the first server takes it.
    m_connection = m_watched->add(QString());

    m_sessions = new SessionsPage(m_watched, this);
    m_files = new OpenFilesPage(m_watched, this);
    m_actions = new ConsoleActions(this);
    m_export = new ExportController(this);
    m_actions->setCurrentPage(m_sessions);
    m_banner = new ConnectionBanner(this);
    m_statusBar = new ConsoleStatusBar(this);
    setStatusBar(m_statusBar);

    m_serverList = new ServerListModel(this);
    m_serverPanel = new ServerPanel(m_serverList, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_serverPanel);

    createMenus();
    createToolBar();
    m_logon = new LogonController(m_connection, m_server, this);
    m_logon->setConnectionResolver([this](const QString &server) { return connectionFor(server); });
    m_logon->setSharedWithOthers([this](const QString &server) {
        return m_watched->count() > 1 && m_watched->find(server) != nullptr;
    });
    connectActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    m_pages = new QTabWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_sessions, QString());
    m_pages->addTab(m_files, QString());
    layout->addWidget(m_pages, 1);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);
    setCentralWidget(central);

    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QSize size(100 * em, 60 * em);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    resize(size);

    LanguageChangeFilter::install(this, [this] {
        retranslateUi();
        fitWidthToToolBar();
    });
    retranslateUi();
    loadSettings();
    fitWidthToToolBar();
    showConnectionStatus();
    showCounts();
}

MainWindow::~MainWindow()
{
    // The page and its dialogs go before the connection that feeds them.
    // Removing the pages switches tabs: nothing must react to that any more.
    disconnect(m_pages, nullptr, this, nullptr);
    // Nor to their counts, which File > Export follows across both pages.
    disconnect(m_sessions, nullptr, this, nullptr);
    disconnect(m_files, nullptr, this, nullptr);
    m_actions->setCurrentPage(nullptr);
    delete m_files;
    delete m_sessions;
    // The connections (and their worker threads) go with m_watched, a child.
}

void MainWindow::connectActions()
{
    m_watched->follow(
        this, [this](ServerConnection *c) { watchConnection(c); },
        [this](ServerConnection *c) {
            if (m_shown == c)
                showServer(nullptr);
            // The window's first connection may go too; another one (there is one left) takes
            // its place as the one shown when a single server is watched.
            if (m_connection == c) {
                const QList<ServerConnection *> connections = m_watched->connections();
                m_connection = connections.at(connections.indexOf(c) == 0 ? 1 : 0);
            }
            if (m_connecting == c)
                m_connecting = nullptr;
            m_logon->forgetServer(c->status().server);
        });
    connect(m_watched, &WatchedServers::aboutToRemove, m_serverList,
        &ServerListModel::removeConnection);
    connect(m_watched, &WatchedServers::removed, this, &MainWindow::showConnectionStatus);
    // The panel asks; the window (its logon) adds, and WatchedServers removes.
    connect(m_serverPanel, &ServerPanel::addServerRequested, this,
        qOverload<const QString &>(&MainWindow::watchServer));
    connect(m_serverPanel, &ServerPanel::serversImported, this, [this](const QStringList &servers) {
        for (const QString &server : servers)
            watchServer(server);
    });
    connect(m_serverPanel, &ServerPanel::removeServerRequested, this, [this](ServerConnection *c) {
        if (!m_watched->remove(c)) {
            m_statusBar->setMessage(
                [server = c->status().server] {
                    //: Status bar: the window watches at least one server.
                    return MainWindow::tr("%1 is the only server watched; it stays watched.")
                        .arg(server);
                },
                false);
        }
    });
    connect(m_serverPanel, &ServerPanel::connectAsRequested, this,
        [this](ServerConnection *c) { m_logon->showConnectAsDialog(c->status().server); });
    connect(m_serverPanel, &ServerPanel::sharedAccountRequested, this,
        [this](ServerConnection *c) { m_logon->useSharedAccount(c->status().server); });
    connect(m_logon, &LogonController::accountOverrideChanged, this,
        [this](const QString &server, const QString &account) {
            if (ServerConnection *c = m_watched->find(server))
                m_serverList->setAccountOverride(c, account);
        });
    connect(m_serverPanel, &ServerPanel::currentServerChanged, this, &MainWindow::showServer);
    connect(this, &MainWindow::shownServerChanged, m_serverPanel, &ServerPanel::setCurrentServer);
    for (TablePage *page : std::initializer_list<TablePage *> {m_sessions, m_files}) {
        connect(page, &TablePage::countsChanged, this, &MainWindow::showCounts);
        connect(page, &TablePage::countsChanged, this, &MainWindow::updateExportAction);
        connect(page, &TablePage::message, m_statusBar, &ConsoleStatusBar::setMessage);
    }
    connect(m_sessions, &SessionsPage::disconnectReported, this, &MainWindow::disconnectReported);
    connect(m_files, &OpenFilesPage::sessionsOfUserRequested, this,
        [this](ServerConnection *server, const QString &user) {
            showOpenFilesPage(false);
            // All servers shown: narrow to the file's own server, where the file is held.
            if (m_watched->count() > 1)
                showServer(server);
            m_filter->setText(user);
        });
    connect(m_sessions, &SessionsPage::openFilesRequested, this,
        [this](const QString &user, int sessionCount) {
            showOpenFilesPage(true);
            m_filter->clear();
            m_files->showFilesOfUser(user, sessionCount);
        });
    connect(m_logon, &LogonController::serverNamed, m_server, &QComboBox::setEditText);
    connect(m_logon, &LogonController::connecting, this, &MainWindow::onConnecting);
    // The banner speaks of the server that failed, whatever the field shows meanwhile.
    connect(m_banner, &ConnectionBanner::connectAsClicked, this, [this] {
        // The banner speaks of the current server: Connect As replaces its logon.
        m_replacesServer = false;
        m_logon->showConnectAsDialog(currentConnection()->status().server);
    });

    auto on = [this](ConsoleActions::ActionId id, auto slot) {
        connect(m_actions->action(id), &QAction::triggered, this, slot);
    };
    on(ConsoleActions::ConnectAction, [this] { connectFromField(); });
    on(ConsoleActions::ConnectAsAction, [this] {
        m_narrowsToServer = true;
        m_logon->showConnectAsDialog(m_server->currentText().trimmed());
    });
    on(ConsoleActions::FocusServerAction, [this] {
        m_server->setFocus(Qt::ShortcutFocusReason);
        m_server->lineEdit()->selectAll();
    });
    on(ConsoleActions::QuitAction, [this] { close(); });
    on(ConsoleActions::RefreshAction, [this] {
        if (!m_shown && m_watched->count() > 1) {
            // All servers shown: all of them are refreshed.
            const QList<ServerConnection *> connections = m_watched->connections();
            for (ServerConnection *connection : connections) {
                if (connection->isConnected())
                    connection->refresh();
            }
            return;
        }
        ServerConnection *connection = currentConnection();
        if (!connection->isConnected()) {
            connectFromField();
            return;
        }
        // Refresh is about the server shown, as a browser's reload is about the page shown:
        // an unconfirmed edit of the field goes, so the field never names another server
        // than the one refreshed.
        const QString shown = connection->status().server;
        if (m_server->currentText().trimmed() != shown)
            m_server->setEditText(shown);
        connection->refresh();
    });
    on(ConsoleActions::FilterAction, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    on(ConsoleActions::AboutAction, [this] { showAbout(); });
    on(ConsoleActions::AuditLogAction, [this] { showAuditLog(); });
    on(ConsoleActions::ExportAction, [this] { exportShownRows(); });
    on(ConsoleActions::FindUserAction, [this] { showFindUser(); });
    connect(m_export, &ExportController::exported, this, [this](const QString &path, int rows) {
        m_statusBar->setMessage(
            [path = QDir::toNativeSeparators(path), rows] {
                //: %1 is a file path.
                return tr("Exported %n row(s) to %1.", nullptr, rows).arg(path);
            },
            false);
    });
    updateExportAction();
    connect(m_actions, &ConsoleActions::intervalChosen, this, &MainWindow::setRefreshInterval);
}

void MainWindow::createMenus()
{
    auto action = [this](ConsoleActions::ActionId id) { return m_actions->action(id); };
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(action(ConsoleActions::ConnectAction));
    m_fileMenu->addAction(action(ConsoleActions::ConnectAsAction));
    m_fileMenu->addAction(action(ConsoleActions::FocusServerAction));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(ConsoleActions::ExportAction));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(ConsoleActions::QuitAction));

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(action(ConsoleActions::FindUserAction));

    m_sessionMenu = menuBar()->addMenu(QString());
    m_sessionMenu->addAction(action(ConsoleActions::DetailsAction));
    m_sessionMenu->addAction(action(ConsoleActions::DisconnectAction));
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(action(ConsoleActions::CopyAction));
    m_sessionMenu->addAction(action(ConsoleActions::SelectAllAction));
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(action(ConsoleActions::AuditLogAction));

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(action(ConsoleActions::RefreshAction));
    m_intervalMenu = m_viewMenu->addMenu(QString());
    m_intervalMenu->addActions(m_actions->intervalActions());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(ConsoleActions::FilterAction));
    m_viewMenu->addAction(m_serverPanel->toggleViewAction());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(action(ConsoleActions::AboutAction));
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar")); // for saveState()
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->setToolBar(m_toolBar);

    m_serverLabel = new QLabel(m_toolBar);
    m_server = new QComboBox(m_toolBar);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setEditable(true);
    // History is managed by addToHistory(): most recent first, no duplicates.
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->setMinimumContentsLength(22);
    m_server->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_serverLabel->setBuddy(m_server);
    // One Enter can emit both returnPressed() and activated() (the typed text matches a
    // history entry, or the completer took it): both only ask, and one connection follows.
    connect(m_server->lineEdit(), &QLineEdit::returnPressed, this,
        &MainWindow::requestConnectFromField);
    connect(m_server, &QComboBox::activated, this, &MainWindow::requestConnectFromField);

    m_intervalLabel = new QLabel(m_toolBar);
    m_interval = new QComboBox(m_toolBar);
    m_interval->setObjectName(QStringLiteral("interval"));
    for (int seconds : SessionPoller::intervalChoices())
        m_interval->addItem(QString(), seconds);
    m_intervalLabel->setBuddy(m_interval);
    connect(m_interval, &QComboBox::activated, this,
        [this](int i) { setRefreshInterval(m_interval->itemData(i).toInt()); });

    m_filter = new QLineEdit(m_toolBar);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::icon(Icons::Filter), QLineEdit::LeadingPosition);
    // Wide enough for its placeholder; the toolbar's spacer takes the rest.
    m_filter->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 20);
    connect(m_filter, &QLineEdit::textChanged, this,
        [this](const QString &text) { currentPage()->setFilterText(text); });
    // Esc in the filter clears it, as in a file manager's filter bar (eventFilter()).
    m_filter->installEventFilter(this);
    // Delete in the server list's drop-down forgets the highlighted server.
    m_server->view()->installEventFilter(this);

    m_toolBar->addWidget(m_serverLabel);
    m_toolBar->addWidget(m_server);
    m_toolBar->addAction(m_actions->action(ConsoleActions::ConnectAction));
    m_toolBar->addAction(m_actions->action(ConsoleActions::ConnectAsAction));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->action(ConsoleActions::RefreshAction));
    m_toolBar->addWidget(m_intervalLabel);
    m_toolBar->addWidget(m_interval);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_filter);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_sessionMenu->setTitle(tr("&Session"));
    m_viewMenu->setTitle(tr("&View"));
    m_intervalMenu->setTitle(tr("&Automatic Refresh"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    m_actions->retranslateUi();

    for (int i = 0; i < m_interval->count(); ++i)
        m_interval->setItemText(i, ConsoleActions::intervalText(m_interval->itemData(i).toInt()));
    m_serverLabel->setText(tr("Se&rver:"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setToolTip(tr("Name or address of the file server, optionally with :port. In "
                            "the list of servers used before, Delete removes an entry."));
    m_server->lineEdit()->setPlaceholderText(tr("Server name or address"));
    m_intervalLabel->setText(tr("A&uto:", "automatic refresh interval"));
    m_interval->setAccessibleName(tr("Automatic refresh interval"));
    m_interval->setToolTip(tr("How often the list is refreshed"));
    m_pages->setTabText(m_pages->indexOf(m_sessions), tr("Sessions"));
    //: Windows' term (Computer Management > Shared Folders > Open Files)
    m_pages->setTabText(m_pages->indexOf(m_files), tr("Open Files"));
    retranslateFilter();
}

void MainWindow::retranslateFilter()
{
    const QString shortcut = m_actions->action(ConsoleActions::FilterAction)
                                 ->shortcut()
                                 .toString(QKeySequence::NativeText);
    m_filter->setAccessibleName(tr("Filter"));
    if (m_pages->currentWidget() == m_files) {
        m_filter->setPlaceholderText(tr("Filter by path or user"));
        m_filter->setToolTip(
            tr("Show only open files whose path or user contains this text (%1)").arg(shortcut));
    } else {
        m_filter->setPlaceholderText(tr("Filter by user or computer"));
        m_filter->setToolTip(
            tr("Show only sessions whose user or computer contains this text (%1)").arg(shortcut));
    }
}

void MainWindow::loadSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::WindowGeometry).toByteArray());
    restoreState(settings.value(SettingsKeys::WindowState).toByteArray());
    m_sessions->restoreViewState(settings.value(SettingsKeys::SessionsView).toByteArray());
    m_files->restoreViewState(settings.value(SettingsKeys::OpenFilesView).toByteArray());

    m_history = settings.value(SettingsKeys::ServerHistory).toStringList();
    m_history.removeAll(QString());
    while (m_history.size() > kMaxHistory)
        m_history.removeLast();
    m_server->addItems(m_history);
    m_server->setCurrentIndex(m_history.isEmpty() ? -1 : 0);

    m_logon->loadSettings(settings);

    bool ok = false;
    const int interval = settings.value(SettingsKeys::RefreshInterval).toInt(&ok);
    setRefreshInterval(ok ? interval : m_watched->interval());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::WindowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::WindowState, saveState());
    settings.setValue(SettingsKeys::SessionsView, m_sessions->saveViewState());
    settings.setValue(SettingsKeys::OpenFilesView, m_files->saveViewState());
    settings.setValue(SettingsKeys::ServerHistory, m_history);
    settings.setValue(SettingsKeys::RefreshInterval, m_watched->interval());
    ServerListStore::save(settings, listedServers());
    m_logon->saveSettings(settings, listedServers());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_sessions->closeDetails();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && !m_filter->text().isEmpty()) {
        m_filter->clear();
        return true;
    }
    if (watched == m_server->view() && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Delete) {
            const QModelIndex current = m_server->view()->currentIndex();
            if (current.isValid()) {
                removeFromHistory(current.row());
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitWidthToToolBar()
{
    // Spanish and German toolbar texts are longer than the English ones the default width
    // was chosen for: grow the window (within the screen) rather than hide the filter field
    // in the toolbar's extension menu. Never shrinks; leaves maximized windows alone.
    if (windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    int needed = m_toolBar->sizeHint().width();
    if (const QScreen *screen = this->screen())
        needed = qMin(needed, screen->availableSize().width() * 9 / 10);
    if (needed > width())
        resize(needed, height());
}

void MainWindow::setRefreshInterval(int seconds)
{
    seconds = qMax(0, seconds);
    m_watched->setInterval(seconds);
    int index = m_interval->findData(seconds);
    if (index < 0) {
        // A value from the command line that is not one of the choices.
        m_interval->addItem(ConsoleActions::intervalText(seconds), seconds);
        index = m_interval->count() - 1;
    }
    m_interval->setCurrentIndex(index);
    m_actions->setInterval(seconds);
}

int MainWindow::refreshInterval() const
{
    return m_watched->interval();
}

void MainWindow::setRequireSealing(bool require)
{
    m_logon->setRequireSealing(require);
}

void MainWindow::connectToServer(const QString &server)
{
    m_logon->connectToServer(server);
}

void MainWindow::connectToServer(const QString &server, const sc::ConnectionOptions &logon)
{
    m_replacesServer = true;
    m_logon->connectToServer(server, logon);
    m_replacesServer = false;
}

void MainWindow::watchServer(const QString &server, const sc::ConnectionOptions &logon)
{
    m_logon->connectToServer(server, logon);
}

void MainWindow::watchServer(const QString &server)
{
    m_logon->connectToServer(server);
}

ServerConnection *MainWindow::connectionFor(const QString &server)
{
    ServerConnection *connection = m_watched->find(server);
    if (!connection)
        connection = m_replacesServer ? currentConnection() : m_watched->add(server);
    m_connecting = connection;
    return connection;
}

ServerConnection *MainWindow::currentConnection() const
{
    return m_shown ? m_shown : m_connection;
}

void MainWindow::watchConnection(ServerConnection *connection)
{
    listConnection(connection);
    connect(connection, &ServerConnection::statusChanged, this,
        [this, connection] { listConnection(connection); });
    connect(connection, &ServerConnection::statusChanged, this, &MainWindow::showConnectionStatus);
    connect(connection, &ServerConnection::snapshotHandled, this, &MainWindow::snapshotShown);
}

void MainWindow::listConnection(ServerConnection *connection)
{
    // The window's first connection exists before it names a server.
    const QString server = connection->status().server;
    if (m_serverList->rowOf(connection) < 0 && !server.isEmpty()) {
        m_serverList->addConnection(connection);
        m_serverList->setAccountOverride(connection, m_logon->accountOverride(server));
    }
}

QStringList MainWindow::listedServers() const
{
    QStringList servers;
    for (int row = 0; row < m_serverList->rowCount(); ++row)
        servers.append(m_serverList->connectionAt(row)->status().server);
    return servers;
}

int MainWindow::restoreSavedServers(const QStringList &saved)
{
    for (qsizetype i = 0; i < saved.size(); ++i) {
        if (i == 0)
            connectToServer(saved.at(i));
        else
            watchServer(saved.at(i));
    }
    if (saved.size() > 1)
        showServer(nullptr);
    return int(saved.size());
}

void MainWindow::showServer(ServerConnection *server)
{
    if (server && !m_watched->connections().contains(server))
        return;
    if (server == m_shown)
        return;
    m_shown = server;
    m_sessions->setServerFilter(server);
    m_files->setServerFilter(server);
    if (server && !server->status().server.isEmpty()) {
        const QSignalBlocker blocker(m_server);
        m_server->setEditText(server->status().server);
    }
    showConnectionStatus();
    showCounts();
    Q_EMIT shownServerChanged(server);
}

void MainWindow::requestConnectFromField()
{
    if (m_connectRequested)
        return;
    m_connectRequested = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_connectRequested = false;
            connectFromField();
        },
        Qt::QueuedConnection);
}

void MainWindow::connectFromField()
{
    const QString text = m_server->currentText().trimmed();
    if (text.isEmpty()) {
        m_actions->action(ConsoleActions::FocusServerAction)->trigger();
        return;
    }
    // The field's server joins the watched ones (if new), and the view shows it.
    m_narrowsToServer = true;
    // A name typed and then cancelled is not kept in the server panel.
    m_logon->connectToServer(text, false);
}

void MainWindow::onConnecting(const QString &server)
{
    if (std::exchange(m_narrowsToServer, false) && m_connecting && m_watched->count() > 1)
        showServer(m_connecting);
    m_statusBar->setMessage([server] { return tr("Connecting to %1…").arg(server); }, false);
    setWindowTitle(server);
    // The history is of servers that answered: a typo or a dead server does not stay in it.
    m_historyPending = true;
}

void MainWindow::addToHistory(const QString &server)
{
    m_history.removeIf(
        [&](const QString &s) { return s.compare(server, Qt::CaseInsensitive) == 0; });
    m_history.prepend(server);
    while (m_history.size() > kMaxHistory)
        m_history.removeLast();
    const QSignalBlocker blocker(m_server);
    // The operator may be typing the next name already: keep it.
    const QString typed = m_server->currentText();
    m_server->clear();
    m_server->addItems(m_history);
    m_server->setCurrentIndex(0);
    m_server->setEditText(typed);
}

void MainWindow::removeFromHistory(int row)
{
    if (row < 0 || row >= m_history.size())
        return;
    // Entries saved before only answering servers were kept, or servers since retired: the
    // operator decides. The text being typed stays.
    m_history.removeAt(row);
    const QSignalBlocker blocker(m_server);
    const QString typed = m_server->currentText();
    m_server->removeItem(row);
    m_server->setEditText(typed);
    QSettings().setValue(SettingsKeys::ServerHistory, m_history);
    if (m_history.isEmpty())
        m_server->hidePopup();
}

void MainWindow::showConnectionStatus()
{
    if (m_historyPending && m_connecting && m_connecting->status().answered) {
        m_historyPending = false;
        addToHistory(m_connecting->status().server);
    }
    m_banner->setRetryShortcut(m_actions->action(ConsoleActions::RefreshAction)->shortcut());
    const QList<ServerConnection *> connections = m_watched->connections();
    if (m_shown || connections.size() < 2) {
        const ConnectionStatus status = currentConnection()->status();
        m_statusBar->setServerSummary(0, 0, 0);
        m_statusBar->setConnectionStatus(status);
        m_banner->setConnectionStatus(status, m_sessions->sessionCount() > 0);
        return;
    }
    // All servers: only what the servers said, counted; the banner names the first that
    // failed (its rows are kept, marked stale).
    int online = 0;
    int failed = 0;
    bool connecting = false;
    ConnectionStatus all;
    ConnectionStatus firstFailed;
    for (const ServerConnection *connection : connections) {
        const ConnectionStatus status = connection->status();
        all.answered = all.answered || status.answered;
        connecting = connecting || status.isConnecting();
        if (status.state == ConnectionStatus::State::Online) {
            ++online;
        } else if (status.isStale()) {
            if (failed++ == 0)
                firstFailed = status;
        }
    }
    // While a server connects, the summary is connecting too: its answer (or error) then ends
    // the status bar's "Connecting to …".
    all.state = connecting ? ConnectionStatus::State::Connecting : ConnectionStatus::State::Online;
    m_statusBar->setConnectionStatus(all);
    m_statusBar->setServerSummary(int(connections.size()), online, failed);
    m_banner->setConnectionStatus(firstFailed, failed > 0 && m_sessions->sessionCount() > 0);
}

void MainWindow::showCounts()
{
    // The counts of the page in view.
    if (currentPage() == m_files) {
        m_statusBar->setOpenFileCounts(m_files->hasAnswer(), m_files->fileCount(),
            m_files->shownCount(), m_files->isFiltered());
    } else {
        m_statusBar->setSessionCounts(m_sessions->sessionCount(), m_sessions->shownCount(),
            m_sessions->isFiltered(), m_sessions->missingColumnTitles());
    }
}

TablePage *MainWindow::currentPage() const
{
    // Before the tabs exist (the pages' first signals), the Sessions page is the current one.
    if (m_pages && m_pages->currentWidget() == m_files)
        return m_files;
    return m_sessions;
}

void MainWindow::showOpenFilesPage(bool files)
{
    m_pages->setCurrentWidget(files ? static_cast<QWidget *>(m_files) : m_sessions);
}

void MainWindow::onPageChanged()
{
    // One filter field for both pages: it shows and edits the current page's filter.
    {
        const QSignalBlocker blocker(m_filter);
        m_filter->setText(currentPage()->filterText());
    }
    // The session actions act on the Sessions page only.
    m_actions->setCurrentPage(currentPage() == m_sessions ? m_sessions : nullptr);
    retranslateFilter();
    showCounts();
    updateExportAction();
}

void MainWindow::updateExportAction()
{
    m_actions->action(ConsoleActions::ExportAction)->setEnabled(currentPage()->shownCount() > 0);
}

void MainWindow::exportShownRows()
{
    if (m_pages->currentWidget() == m_files) {
        m_export->exportRows(QStringLiteral("open-files"), m_files->exportServerName(),
            [this](TableExport::Format format, int *rows) {
                *rows = m_files->shownCount();
                return m_files->exportShown(format);
            });
    } else {
        // All servers: the file is named after none of them.
        m_export->exportRows(QStringLiteral("sessions"),
            m_shown || m_watched->count() < 2 ? currentConnection()->status().server : QString(),
            [this](TableExport::Format format, int *rows) {
                *rows = m_sessions->shownCount();
                return m_sessions->exportShown(format);
            });
    }
}

AuditLogDialog *MainWindow::showAuditLog()
{
    if (m_auditLogDialog) {
        m_auditLogDialog->reload();
    } else {
        m_auditLogDialog = new AuditLogDialog(AuditLog(QStringLiteral("session-console")), this);
        m_auditLogDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_auditLogDialog->show();
    m_auditLogDialog->raise();
    m_auditLogDialog->activateWindow();
    return m_auditLogDialog;
}

FindUserDialog *MainWindow::showFindUser()
{
    if (!m_findUserDialog) {
        m_findUserDialog = new FindUserDialog(m_watched, this);
        m_findUserDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(
            m_findUserDialog, &FindUserDialog::sessionActivated, this, &MainWindow::showSession);
    }
    m_findUserDialog->show();
    m_findUserDialog->raise();
    m_findUserDialog->activateWindow();
    return m_findUserDialog;
}

bool MainWindow::showSession(const QString &server, quint64 key)
{
    ServerConnection *connection = m_watched->find(server);
    if (!connection)
        return false;
    showOpenFilesPage(false);
    if (m_shown && m_shown != connection)
        showServer(nullptr);
    const bool shown = m_sessions->showSession(connection, key);
    // The page may have cleared its filter to show the session: the field says so too.
    if (m_filter->text() != m_sessions->filterText()) {
        const QSignalBlocker blocker(m_filter);
        m_filter->setText(m_sessions->filterText());
        showCounts();
    }
    if (shown) {
        raise();
        activateWindow();
    }
    return shown;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Session Console"),
        tr("<h3>Session Console %1</h3><p>See, inspect and end the sessions of an SMB file "
           "server.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}
