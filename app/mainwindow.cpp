// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "auditlog.h"
#include "auditlogdialog.h"
#include "connectdialog.h"
#include "disconnectdialog.h"
#include "icons.h"
#include "passwordkeyring.h"
#include "sessiondetailsdialog.h"
#include "sessionerrortext.h"
#include "sessionpoller.h"
#include "sessionsortfilterproxymodel.h"
#include "sessiontablemodel.h"
#include "sessionview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

constexpr int kMaxHistory = 15;
constexpr quint16 kDefaultPort = 445;

// QSettings keys, in one place so a rename cannot miss one.
const char kGeometryKey[] = "window/geometry";
const char kStateKey[] = "window/state";
const char kViewKey[] = "window/sessionView";
const char kHistoryKey[] = "servers/history";
const char kIntervalKey[] = "refresh/interval";
const char kDomainKey[] = "logon/domain";
const char kUserKey[] = "logon/user";
const char kKerberosKey[] = "logon/kerberos";
const char kSealingKey[] = "logon/requireSealing";
// Whether the operator chose to keep the password in the desktop keyring (never the password).
const char kRememberKey[] = "logon/rememberPassword";

struct ServerAddress
{
    QString host;
    std::optional<quint16> port;
};

// "host", "host:port", "\\host", "[::1]:port" and bare IPv6 addresses.
ServerAddress parseServer(const QString &text)
{
    QString s = text.trimmed();
    while (s.startsWith(QLatin1Char('\\')) || s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    ServerAddress address;
    auto takePort = [&](qsizetype colon) {
        bool ok = false;
        const uint port = s.mid(colon + 1).toUInt(&ok);
        if (ok && port > 0 && port <= 65535)
            address.port = quint16(port);
    };
    if (s.startsWith(QLatin1Char('['))) {
        const qsizetype end = s.indexOf(QLatin1Char(']'));
        if (end > 0) {
            address.host = s.mid(1, end - 1);
            if (s.size() > end + 1 && s.at(end + 1) == QLatin1Char(':'))
                takePort(end + 1);
            return address;
        }
    }
    // More than one colon without brackets: an IPv6 address without port.
    if (s.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = s.indexOf(QLatin1Char(':'));
        takePort(colon);
        address.host = s.left(colon);
    } else {
        address.host = s;
    }
    return address;
}

QString serverDisplayName(const QString &host, quint16 port)
{
    const QString h
        = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return port == kDefaultPort ? h : QStringLiteral("%1:%2").arg(h).arg(port);
}

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

QString levelNumber(sc::InfoLevel level)
{
    return QString::number(static_cast<quint32>(level));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(SessionPoller::ApiFactory(&sc::createSessionApi), parent)
{
}

MainWindow::MainWindow(SessionPoller::ApiFactory apiFactory, QWidget *parent)
    : QMainWindow(parent)
    , m_poller(new SessionPoller(std::move(apiFactory), this))
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionSortFilterProxyModel(this))
    , m_view(new SessionView(this))
{
    setWindowIcon(Icons::icon(Icons::Application));
    m_model->setDecorationIcons(Icons::icon(Icons::OwnSession), Icons::icon(Icons::Unencrypted));
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("sessionView"));
    m_view->setModel(m_proxy);

    // The model applies the snapshot first: onSnapshot() reads the model's new state.
    connect(m_poller, &SessionPoller::snapshotReady, m_model, &SessionTableModel::applySnapshot);
    connect(m_poller, &SessionPoller::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_model, &SessionTableModel::resyncRequested, m_poller, &SessionPoller::requestReplace);
    connect(m_poller, &SessionPoller::disconnectFinished, this, &MainWindow::onDisconnectFinished);
    connect(m_poller, &SessionPoller::pollScheduled, this, &MainWindow::onPollScheduled);
    connect(m_poller, &SessionPoller::pollStarted, this, [this] {
        m_nextPollMs = -1;
        updateBanner();
    });
    connect(m_poller, &SessionPoller::pollProgress, this, [this](int rows, quint32 total) {
        m_loadedRows = rows;
        m_loadingTotal = total;
        updateStatus();
    });
    connect(m_model, &SessionTableModel::availableColumnsChanged, this,
        &MainWindow::updateAvailableColumns);
    connect(m_model, &SessionTableModel::staleChanged, m_view->viewport(),
        qOverload<>(&QWidget::update));
    connect(m_model, &SessionTableModel::ticked, m_view, [this] {
        m_view->updateColumns({SessionTableModel::ConnectedTime, SessionTableModel::IdleTime});
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &SessionTableModel::tick);
    m_tick.start();

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createSafetyActions();

    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setAutoFillBackground(true);
    m_bannerIcon = new QLabel(m_banner);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_bannerIcon->setPixmap(Icons::icon(Icons::Warning).pixmap(iconSize * 3 / 2));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerConnectAs = new QPushButton(m_banner);
    connect(
        m_bannerConnectAs, &QPushButton::clicked, m_actions[ConnectAsAction], &QAction::trigger);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerConnectAs, 0, Qt::AlignVCenter);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::ToolTipBase));
    bannerPalette.setColor(QPalette::WindowText, bannerPalette.color(QPalette::ToolTipText));
    m_banner->setPalette(bannerPalette);
    m_banner->hide();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &SessionView::detailsRequested, this, &MainWindow::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onSelectionChanged);

    // Sensible first-run layout; loadSettings() replaces it with the operator's.
    QHeaderView *header = m_view->header();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(SessionTableModel::User, 12 * em);
    header->resizeSection(SessionTableModel::Computer, 12 * em);
    header->resizeSection(SessionTableModel::ClientType, 12 * em);
    header->resizeSection(SessionTableModel::OpenFiles, 7 * em);
    header->resizeSection(SessionTableModel::ConnectedTime, 9 * em);
    header->resizeSection(SessionTableModel::IdleTime, 9 * em);
    header->resizeSection(SessionTableModel::Guest, 5 * em);
    header->resizeSection(SessionTableModel::Transport, 16 * em);
    header->resizeSection(SessionTableModel::Encryption, 8 * em);
    m_view->sortByColumn(SessionTableModel::User, Qt::AscendingOrder);
    QSize size(100 * em, 60 * em);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    resize(size);

    retranslateUi();
    loadSettings();
    fitWidthToToolBar();
    updateAvailableColumns();
    onSelectionChanged();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Dialogs refer to the model; close them before it goes.
    for (const auto &dialog : std::as_const(m_details))
        delete dialog.data();
    m_logon.password.wipe();
}

void MainWindow::createActions()
{
    auto make = [this](ActionId id, Icons::Id icon, const QList<QKeySequence> &keys,
                    Qt::ShortcutContext context = Qt::WindowShortcut) {
        auto *action = new QAction(Icons::icon(icon), QString(), this);
        action->setShortcuts(keys);
        action->setShortcutContext(context);
        m_actions[id] = action;
        return action;
    };
    auto makePlain = [this](ActionId id, const QList<QKeySequence> &keys) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        m_actions[id] = action;
        return action;
    };

    connect(make(ConnectAction, Icons::Connect, {QKeySequence(Qt::CTRL | Qt::Key_O)}),
        &QAction::triggered, this, &MainWindow::connectFromField);
    connect(
        make(ConnectAsAction, Icons::ConnectAs, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}),
        &QAction::triggered, this,
        [this] { showConnectAsDialog(m_server->currentText().trimmed()); });
    connect(makePlain(FocusServerAction, {QKeySequence(Qt::CTRL | Qt::Key_L)}), &QAction::triggered,
        this, [this] {
            m_server->setFocus(Qt::ShortcutFocusReason);
            m_server->lineEdit()->selectAll();
        });
    auto *quit = makePlain(QuitAction, {QKeySequence::Quit});
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    connect(make(RefreshAction, Icons::Refresh, {QKeySequence::Refresh}), &QAction::triggered, this,
        [this] {
            if (m_poller->hasConnection())
                m_poller->refresh();
            else
                connectFromField();
        });
    connect(
        make(FilterAction, Icons::Filter, {QKeySequence::Find}), &QAction::triggered, this, [this] {
            m_filter->setFocus(Qt::ShortcutFocusReason);
            m_filter->selectAll();
        });

    // Actions on selected rows only fire while the list has focus: Delete in the filter field
    // deletes text, Return in the server field connects.
    connect(make(DetailsAction, Icons::Details,
                {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, &MainWindow::showDetailsOfSelection);
    connect(make(DisconnectAction, Icons::Disconnect, {QKeySequence::Delete},
                Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, [this] { confirmDisconnectSelected(); });
    connect(make(CopyAction, Icons::Copy, {QKeySequence::Copy}, Qt::WidgetWithChildrenShortcut),
        &QAction::triggered, this, &MainWindow::copySelection);
    auto *selectAll = makePlain(SelectAllAction, {QKeySequence::SelectAll});
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(selectAll, &QAction::triggered, m_view, &QAbstractItemView::selectAll);
    m_view->addActions(
        {m_actions[DetailsAction], m_actions[DisconnectAction], m_actions[CopyAction], selectAll});

    auto *about = make(AboutAction, Icons::Application, {QKeySequence::HelpContents});
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    m_intervalGroup = new QActionGroup(this);
    m_intervalGroup->setExclusive(true);
    const QList<int> choices = SessionPoller::intervalChoices();
    for (int i = 0; i < choices.size(); ++i) {
        auto *action = new QAction(this);
        action->setCheckable(true);
        action->setData(choices[i]);
        // Ctrl+0 is "off", then Ctrl+1, Ctrl+2, … from the shortest interval up.
        if (i < 10)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + i)));
        m_intervalGroup->addAction(action);
        m_intervalActions.insert(choices[i], action);
        connect(action, &QAction::triggered, this,
            [this, seconds = choices[i]] { setRefreshInterval(seconds); });
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actions[ConnectAction]);
    m_fileMenu->addAction(m_actions[ConnectAsAction]);
    m_fileMenu->addAction(m_actions[FocusServerAction]);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions[QuitAction]);

    m_sessionMenu = menuBar()->addMenu(QString());
    m_sessionMenu->addAction(m_actions[DetailsAction]);
    m_sessionMenu->addAction(m_actions[DisconnectAction]);
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(m_actions[CopyAction]);
    m_sessionMenu->addAction(m_actions[SelectAllAction]);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_actions[RefreshAction]);
    m_intervalMenu = m_viewMenu->addMenu(QString());
    m_intervalMenu->addActions(m_intervalGroup->actions());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions[FilterAction]);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions[AboutAction]);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar")); // for saveState()
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_serverLabel = new QLabel(m_toolBar);
    m_server = new QComboBox(m_toolBar);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setEditable(true);
    // History is managed by addToHistory(): most recent first, no duplicates.
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->setMinimumContentsLength(22);
    m_server->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_serverLabel->setBuddy(m_server);
    connect(m_server->lineEdit(), &QLineEdit::returnPressed, this, &MainWindow::connectFromField);
    connect(m_server, &QComboBox::activated, this, [this] { connectFromField(); });

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
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &SessionSortFilterProxyModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::updateStatus);

    m_toolBar->addWidget(m_serverLabel);
    m_toolBar->addWidget(m_server);
    m_toolBar->addAction(m_actions[ConnectAction]);
    m_toolBar->addAction(m_actions[ConnectAsAction]);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions[RefreshAction]);
    m_toolBar->addWidget(m_intervalLabel);
    m_toolBar->addWidget(m_interval);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_filter);
}

void MainWindow::createStatusBar()
{
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("message"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    // Long messages must not push the permanent fields off the bar: full text in the tooltip.
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("count"));
    m_levelLabel = new QLabel(this);
    m_levelLabel->setObjectName(QStringLiteral("level"));
    m_securityIcon = new QLabel(this);
    m_securityLabel = new QLabel(this);
    m_securityLabel->setObjectName(QStringLiteral("security"));
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(QStringLiteral("lastRefresh"));
    for (QLabel *label : {m_countLabel, m_levelLabel, m_securityLabel, m_refreshLabel})
        label->setTextFormat(Qt::PlainText);

    statusBar()->addWidget(m_messageLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_levelLabel);
    statusBar()->addPermanentWidget(m_securityIcon);
    statusBar()->addPermanentWidget(m_securityLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_sessionMenu->setTitle(tr("&Session"));
    m_viewMenu->setTitle(tr("&View"));
    m_intervalMenu->setTitle(tr("&Automatic Refresh"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));

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
    };
    for (const Text &t : texts) {
        QAction *a = m_actions[t.id];
        a->setText(t.text);
        a->setStatusTip(t.tip);
        a->setToolTip(a->shortcut().isEmpty()
                ? plainText(t.text)
                : tr("%1 (%2)", "tooltip: action (shortcut)")
                      .arg(plainText(t.text), a->shortcut().toString(QKeySequence::NativeText)));
        if (QWidget *button = m_toolBar ? m_toolBar->widgetForAction(a) : nullptr)
            button->setAccessibleName(plainText(t.text));
    }
    // Short toolbar labels: the menus keep the longer texts.
    m_actions[ConnectAction]->setIconText(tr("Connect"));
    m_actions[ConnectAsAction]->setIconText(tr("Connect As…"));
    m_actions[RefreshAction]->setIconText(tr("Refresh"));

    for (auto it = m_intervalActions.cbegin(); it != m_intervalActions.cend(); ++it)
        it.value()->setText(intervalText(it.key()));
    for (int i = 0; i < m_interval->count(); ++i)
        m_interval->setItemText(i, intervalText(m_interval->itemData(i).toInt()));

    m_serverLabel->setText(tr("Se&rver:"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setToolTip(tr("Name or address of the file server, optionally with :port"));
    m_server->lineEdit()->setPlaceholderText(tr("Server name or address"));
    m_intervalLabel->setText(tr("A&uto:", "automatic refresh interval"));
    m_interval->setAccessibleName(tr("Automatic refresh interval"));
    m_interval->setToolTip(tr("How often the list is refreshed"));
    m_filter->setPlaceholderText(tr("Filter by user or computer"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setToolTip(
        tr("Show only sessions whose user or computer contains this text (%1)")
            .arg(m_actions[FilterAction]->shortcut().toString(QKeySequence::NativeText)));
    m_view->setAccessibleName(tr("Sessions"));
    m_bannerConnectAs->setText(tr("Connect As…"));
    m_messageLabel->setAccessibleName(tr("Last message"));
    m_countLabel->setAccessibleName(tr("Number of sessions"));
    m_levelLabel->setAccessibleName(tr("Information level"));
    m_securityLabel->setAccessibleName(tr("Connection security"));
    m_refreshLabel->setAccessibleName(tr("Last refresh"));

    setWindowTitle(m_currentServer);
    retranslateSafetyUi();
    updateStatus();
    updateBanner();
}

QString MainWindow::intervalText(int seconds) const
{
    if (seconds <= 0)
        return tr("Off", "automatic refresh");
    return tr("Every %n second(s)", "automatic refresh", seconds);
}

void MainWindow::loadSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_view->restoreViewState(settings.value(kViewKey).toByteArray());

    m_history = settings.value(kHistoryKey).toStringList();
    m_history.removeAll(QString());
    while (m_history.size() > kMaxHistory)
        m_history.removeLast();
    m_server->addItems(m_history);
    m_server->setCurrentIndex(m_history.isEmpty() ? -1 : 0);

    m_logon.domain = settings.value(kDomainKey).toString().toStdString();
    m_logon.user = settings.value(kUserKey).toString().toStdString();
    m_logon.kerberos = settings.value(kKerberosKey, false).toBool();
    m_logon.requireSealing = settings.value(kSealingKey, false).toBool();
    m_rememberPassword = settings.value(kRememberKey, false).toBool();

    bool ok = false;
    const int interval = settings.value(kIntervalKey).toInt(&ok);
    setRefreshInterval(ok ? interval : m_poller->interval());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kViewKey, m_view->saveViewState());
    settings.setValue(kHistoryKey, m_history);
    settings.setValue(kIntervalKey, m_poller->interval());
    // Who, never the password: that goes to the desktop keyring, and only if asked.
    settings.setValue(kDomainKey, QString::fromStdString(m_logon.domain));
    settings.setValue(kUserKey, QString::fromStdString(m_logon.user));
    settings.setValue(kKerberosKey, m_logon.kerberos);
    settings.setValue(kSealingKey, m_logon.requireSealing);
    settings.setValue(kRememberKey, m_rememberPassword);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    for (const auto &dialog : std::as_const(m_details)) {
        if (dialog)
            dialog->close();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fitWidthToToolBar();
    }
    QMainWindow::changeEvent(event);
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
    m_poller->setInterval(seconds);
    int index = m_interval->findData(seconds);
    if (index < 0) {
        // A value from the command line that is not one of the choices.
        m_interval->addItem(intervalText(seconds), seconds);
        index = m_interval->count() - 1;
    }
    m_interval->setCurrentIndex(index);
    if (QAction *action = m_intervalActions.value(seconds)) {
        action->setChecked(true);
    } else if (QAction *checked = m_intervalGroup->checkedAction()) {
        checked->setChecked(false);
    }
}

int MainWindow::refreshInterval() const
{
    return m_poller->interval();
}

void MainWindow::connectFromField()
{
    const QString text = m_server->currentText().trimmed();
    if (text.isEmpty()) {
        m_actions[FocusServerAction]->trigger();
        return;
    }
    connectToServer(text);
}

void MainWindow::connectToServer(const QString &server)
{
    sc::ConnectionOptions logon = m_logon;
    logon.port = kDefaultPort;
    connectToServer(server, logon);
}

void MainWindow::connectToServer(const QString &server, const sc::ConnectionOptions &logon)
{
    connectWith(server, logon, true);
}

void MainWindow::connectWith(
    const QString &server, const sc::ConnectionOptions &logon, bool askIfIncomplete)
{
    const ServerAddress address = parseServer(server);
    if (address.host.isEmpty())
        return;
    // Nobody lists sessions anonymously, and a saved user name comes without its password
    // (never stored): ask first rather than fail the logon.
    const bool hasAccount
        = logon.kerberos || (!logon.user.empty() && (!logon.password.empty() || !askIfIncomplete));
    sc::ConnectionOptions options = logon;
    options.host = sc::normalizedHost(address.host.toStdString());
    options.port = address.port.value_or(logon.port);
    const QString display = serverDisplayName(address.host, options.port);

    m_logon = logon;
    m_logon.host.clear();
    m_logon.port = kDefaultPort;
    m_server->setEditText(display);
    if (!hasAccount && askIfIncomplete && m_rememberPassword && !logon.kerberos
        && !logon.user.empty() && PasswordKeyring::isCompiledIn()) {
        // The keyring may have the password; ask the operator only if it has none.
        const quint64 read = ++m_keyringRead;
        m_keyring->read(AuditLog::accountName(QString::fromStdString(logon.domain),
                            QString::fromStdString(logon.user)),
            this, [this, read, server, logon, display](std::optional<sc::SecretString> password) {
                if (read != m_keyringRead)
                    return; // the operator has moved on
                if (!password || password->empty()) {
                    showConnectAsDialog(display);
                    return;
                }
                sc::ConnectionOptions remembered = logon;
                remembered.password = std::move(*password);
                connectWith(server, remembered, false);
            });
        return;
    }
    ++m_keyringRead;
    if (!hasAccount) {
        showConnectAsDialog(display);
        return;
    }

    for (const auto &dialog : std::as_const(m_details)) {
        if (dialog)
            dialog->close();
    }
    m_currentServer = display;
    m_connecting = true;
    m_hadAnswer = false;
    m_loadedRows = -1;
    m_lastSuccessMs = 0;
    m_nextPollMs = -1;
    m_pendingDisconnects.clear();
    // Rows of the previous server must not linger under the new name if it fails to answer.
    m_model->clear();
    setMessage([display] { return tr("Connecting to %1…").arg(display); }, false);
    setWindowTitle(display);
    addToHistory(display);
    m_poller->setConnection(options);
    // The poller holds the password for as long as this connection needs it; the window keeps
    // only the account, so another server asks again (or reads the keyring).
    options.password.wipe();
    m_logon.password.wipe();
    onSelectionChanged();
    updateStatus();
    updateBanner();
}

void MainWindow::showConnectAsDialog(const QString &server)
{
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServer(server);
    dialog->setDomain(QString::fromStdString(m_logon.domain));
    dialog->setUser(QString::fromStdString(m_logon.user));
    dialog->setUseKerberos(m_logon.kerberos);
    dialog->setRequireSealing(m_logon.requireSealing);
    dialog->setRememberPasswordAvailable(m_keyring->isAvailable());
    dialog->setRememberPassword(m_rememberPassword);
    connect(m_keyring, &PasswordKeyring::availabilityChanged, dialog,
        &ConnectDialog::setRememberPasswordAvailable);
    connect(dialog, &QDialog::accepted, this, [this, dialog, server] {
        sc::ConnectionOptions logon = m_logon;
        logon.domain = dialog->domain().toStdString();
        logon.user = dialog->user().toStdString();
        logon.kerberos = dialog->useKerberos();
        logon.requireSealing = dialog->requireSealing();
        {
            QByteArray utf8 = dialog->password().toUtf8();
            logon.password = sc::SecretString(std::string(utf8.constData(), utf8.size()));
            sc::secureZero(utf8.data(), utf8.size());
        }
        dialog->clearPassword();
        if (logon.kerberos)
            logon.password.wipe();
        if (m_keyring->isAvailable()) {
            // Offered: the operator's choice stands, for this account from now on.
            const QString account = AuditLog::accountName(
                QString::fromStdString(logon.domain), QString::fromStdString(logon.user));
            m_rememberPassword = dialog->rememberPassword();
            if (m_rememberPassword && !logon.password.empty())
                m_keyring->write(account, logon.password);
            else if (!m_rememberPassword && !logon.kerberos)
                m_keyring->remove(account);
        }
        const QString target = server.isEmpty() ? m_server->currentText().trimmed() : server;
        if (target.isEmpty()) {
            m_logon = logon;
            return;
        }
        logon.port = kDefaultPort;
        // What the operator just confirmed is used as it is, even with an empty password.
        connectWith(target, logon, false);
    });
    dialog->open();
}

void MainWindow::addToHistory(const QString &server)
{
    m_history.removeIf(
        [&](const QString &s) { return s.compare(server, Qt::CaseInsensitive) == 0; });
    m_history.prepend(server);
    while (m_history.size() > kMaxHistory)
        m_history.removeLast();
    const QSignalBlocker blocker(m_server);
    m_server->clear();
    m_server->addItems(m_history);
    m_server->setCurrentIndex(0);
}

void MainWindow::onSnapshot(const SessionSnapshot &snapshot)
{
    const bool wasConnecting = m_connecting;
    m_connecting = false;
    // "Connecting to …" is answered either way: rows, or the error shown from the model.
    if (wasConnecting && !m_messageIsError)
        setMessage({}, false);
    // A partial answer leaves "Loading …" in place until the whole list is there.
    if (!snapshot.partial)
        m_loadedRows = -1;
    if (snapshot.ok()) {
        m_hadAnswer = true;
        if (!snapshot.partial)
            m_lastSuccessMs = snapshot.pollTimeMs;
        m_signing = snapshot.signing;
        m_sealing = snapshot.sealing;
        m_protocol = snapshot.protocol;
        updateAvailableColumns();
    }
    updateStatus();
    updateBanner();
    Q_EMIT snapshotShown(snapshot);
}

void MainWindow::onPollScheduled(int msecs)
{
    m_nextPollMs = msecs < 0 ? -1 : QDateTime::currentMSecsSinceEpoch() + msecs;
    updateBanner();
}

void MainWindow::updateAvailableColumns()
{
    QSet<int> unavailable;
    // Before the first answer nothing is known; show the full set rather than a bare list.
    if (m_hadAnswer) {
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
            if (!m_model->columnAvailable(static_cast<SessionTableModel::Column>(c)))
                unavailable.insert(c);
        }
    }
    m_view->setUnavailableColumns(unavailable);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_countLabel)
        return;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const bool known = m_hadAnswer || total > 0;
    if (!known)
        m_countLabel->clear();
    else if (m_proxy->filterText().isEmpty())
        m_countLabel->setText(tr("%n session(s)", "", total));
    else
        //: %1 sessions shown by the filter, %n all sessions of the server
        m_countLabel->setText(tr("%1 of %n session(s)", "", total).arg(shown));

    if (!known) {
        m_levelLabel->clear();
        m_levelLabel->setToolTip(QString());
    } else {
        const QString level = levelNumber(m_model->level());
        QStringList missing;
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
            if (!m_model->columnAvailable(static_cast<SessionTableModel::Column>(c)))
                missing.append(m_model->headerData(c, Qt::Horizontal).toString());
        }
        if (m_model->levelFellBack())
            //: NetSessionEnum information level, e.g. "Server answers level 1 only"
            m_levelLabel->setText(tr("Server answers level %1 only").arg(level));
        else
            m_levelLabel->setText(tr("Level %1", "NetSessionEnum information level").arg(level));
        QString tip = tr("The server answered NetSessionEnum at information level %1.").arg(level);
        if (m_model->levelFellBack())
            tip += QLatin1Char(' ') + tr("It refused the richer levels.");
        if (!missing.isEmpty())
            tip += QLatin1Char(' ')
                + tr("Not provided at this level: %1.").arg(QLocale().createSeparatedList(missing));
        m_levelLabel->setToolTip(tip);
    }

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    if (!m_hadAnswer) {
        m_securityIcon->clear();
        m_securityLabel->clear();
        m_securityLabel->setToolTip(QString());
    } else if (m_model->isStale()) {
        m_securityIcon->setPixmap(Icons::icon(Icons::Warning).pixmap(iconSize));
        m_securityLabel->setText(tr("Not connected"));
        m_securityLabel->setToolTip(QString());
    } else {
        QString text;
        if (m_sealing) {
            text = tr("Signed and encrypted");
            m_securityIcon->setPixmap(Icons::icon(Icons::Sealed).pixmap(iconSize));
        } else if (m_signing) {
            text = tr("Signed, not encrypted");
            m_securityIcon->setPixmap(Icons::icon(Icons::Signed).pixmap(iconSize));
        } else {
            text = tr("Not signed");
            m_securityIcon->setPixmap(Icons::icon(Icons::Unsigned).pixmap(iconSize));
        }
        if (!m_protocol.isEmpty())
            text = tr("%1 (%2)", "security (protocol)").arg(text, m_protocol);
        m_securityLabel->setText(text);
        m_securityLabel->setToolTip(tr("Protection of the console's own connection, as "
                                       "negotiated with the server"));
    }

    if (m_loadedRows >= 0)
        //: A server that sends its sessions in pages: %1 received so far, %Ln in all
        m_refreshLabel->setText(
            tr("Loading %1 of %Ln session(s)…", "", int(std::min<quint32>(m_loadingTotal, INT_MAX)))
                .arg(QLocale().toString(m_loadedRows)));
    else if (m_connecting)
        m_refreshLabel->setText(tr("Connecting…"));
    else if (m_lastSuccessMs > 0)
        m_refreshLabel->setText(
            tr("Updated %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_lastSuccessMs).time(),
                    QStringLiteral("HH:mm:ss"))));
    else
        m_refreshLabel->clear();
    for (QLabel *label :
        {m_countLabel, m_levelLabel, m_securityIcon, m_securityLabel, m_refreshLabel})
        label->setVisible(!label->text().isEmpty() || !label->pixmap().isNull());

    QString message = m_message ? m_message() : QString();
    bool error = m_messageIsError;
    if (message.isEmpty() && m_model->lastError()) {
        message = SessionErrorText::message(*m_model->lastError());
        error = true;
    }
    m_messageLabel->setText(message);
    m_messageLabel->setToolTip(message);
    QPalette p = statusBar()->palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_messageLabel->setPalette(p);
}

void MainWindow::updateBanner()
{
    const std::optional<sc::SessionError> error = m_model->lastError();
    const bool failing
        = !m_connecting && error.has_value() && (m_model->isStale() || m_model->rowCount() == 0);
    if (!failing) {
        m_banner->hide();
        return;
    }
    const QString reason = SessionErrorText::text(*error);
    QString text;
    if (m_hadAnswer && m_model->rowCount() > 0) {
        text = tr("Connection to %1 lost: %2").arg(m_currentServer, reason);
        text += QLatin1Char('\n')
            + tr("The list shows the sessions as they were at the last "
                 "refresh and may be out of date.");
    } else {
        text = tr("Cannot list the sessions of %1: %2").arg(m_currentServer, reason);
    }
    if (m_poller->isBusy()) {
        text += QLatin1Char(' ') + tr("Trying again…");
    } else if (m_nextPollMs > 0) {
        const QTime at = QDateTime::fromMSecsSinceEpoch(m_nextPollMs).time();
        text += QLatin1Char(' ')
            + tr("Next attempt at %1.").arg(QLocale().toString(at, QStringLiteral("HH:mm:ss")));
    } else {
        // Automatic refresh is off: nothing will retry unless the operator does.
        text += QLatin1Char(' ')
            + tr("Press %1 to try again.")
                  .arg(m_actions[RefreshAction]->shortcut().toString(QKeySequence::NativeText));
    }
    m_bannerText->setText(text);
    const sc::ErrorKind kind = error->kind();
    m_bannerConnectAs->setVisible(kind == sc::ErrorKind::LogonFailure
        || kind == sc::ErrorKind::AccessDenied || sc::isCredentialProblem(kind));
    m_banner->show();
}

void MainWindow::setMessage(std::function<QString()> text, bool error)
{
    m_message = std::move(text);
    m_messageIsError = error;
    updateStatus();
}

QString MainWindow::messageText() const
{
    return m_messageLabel->text();
}

QString MainWindow::countText() const
{
    return m_countLabel->text();
}

QString MainWindow::levelText() const
{
    return m_levelLabel->text();
}

QString MainWindow::securityText() const
{
    return m_securityLabel->text();
}

QString MainWindow::lastRefreshText() const
{
    return m_refreshLabel->text();
}

QString MainWindow::bannerText() const
{
    return m_bannerText->text();
}

bool MainWindow::isBannerVisible() const
{
    return !m_banner->isHidden();
}

QList<SessionDetailsDialog *> MainWindow::detailsDialogs() const
{
    QList<SessionDetailsDialog *> dialogs;
    for (const auto &dialog : m_details) {
        if (dialog)
            dialogs.append(dialog.data());
    }
    return dialogs;
}

void MainWindow::onSelectionChanged()
{
    const bool any = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    m_actions[DetailsAction]->setEnabled(any);
    m_actions[DisconnectAction]->setEnabled(any && m_poller->hasConnection());
    m_actions[CopyAction]->setEnabled(any);
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {}))
        m_view->selectionModel()->select(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    onSelectionChanged();

    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sessionContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        menu->addAction(m_actions[DetailsAction]);
        menu->addAction(m_actions[DisconnectAction]);
        menu->addSeparator();
        menu->addAction(m_actions[CopyAction]);
        menu->addSeparator();
    }
    menu->addAction(m_actions[RefreshAction]);
    menu->addAction(m_actions[SelectAllAction]);
    if (index.isValid())
        menu->setDefaultAction(m_actions[DetailsAction]);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void MainWindow::showDetailsOfSelection()
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), {})) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        index = rows.first();
    }
    showDetails(index);
}

SessionDetailsDialog *MainWindow::showDetails(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return nullptr;
    const quint64 key = source.data(SessionTableModel::KeyRole).toULongLong();
    m_details.removeIf([](const QPointer<SessionDetailsDialog> &d) { return d.isNull(); });
    for (const auto &dialog : std::as_const(m_details)) {
        if (!dialog->hasEnded()
            && dialog->index().data(SessionTableModel::KeyRole).toULongLong() == key) {
            dialog->raise();
            dialog->activateWindow();
            return dialog;
        }
    }
    auto *dialog = new SessionDetailsDialog(source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SessionDetailsDialog::disconnectRequested, this,
        [this](const QPersistentModelIndex &index) {
            if (!index.isValid())
                return;
            const QModelIndex proxyIndex = m_proxy->mapFromSource(index);
            if (proxyIndex.isValid()) {
                m_view->selectionModel()->select(
                    proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                m_view->setCurrentIndex(proxyIndex);
                confirmDisconnectSelected();
            }
        });
    m_details.append(dialog);
    dialog->show();
    return dialog;
}

DisconnectDialog *MainWindow::confirmDisconnectSelected()
{
    if (!m_poller->hasConnection())
        return nullptr;
    QList<DisconnectDialog::Target> rows;
    for (const QModelIndex &source : m_view->selectedSourceRows()) {
        const SessionRow &row = m_model->row(source.row());
        rows.append({row.client, row.user, row.openCount, row.isOwnSession});
    }
    if (rows.isEmpty())
        return nullptr;
    // NetSessionDel ends every session of the pair, selected or not: the dialog counts them.
    QList<DisconnectDialog::Target> everyRow;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const SessionRow &row = m_model->row(i);
        everyRow.append({row.client, row.user, row.openCount, row.isOwnSession});
    }
    auto *dialog = new DisconnectDialog(DisconnectDialog::affectedRows(rows, everyRow), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QList<DisconnectTarget> targets;
        for (const DisconnectDialog::Target &t : dialog->targets())
            targets.append({t.client, t.user});
        disconnectTargets(targets);
    });
    // Window-modal and asynchronous: polling and painting go on while the operator reads.
    dialog->open();
    return dialog;
}

void MainWindow::disconnectTargets(const QList<DisconnectTarget> &targets)
{
    const quint64 id = m_poller->disconnectSessions(targets);
    if (id == 0) {
        setMessage([] { return tr("Not connected to a server."); }, true);
        return;
    }
    m_pendingDisconnects.insert(id, targets);
    setMessage(
        [targets] {
            QStringList names;
            for (const DisconnectTarget &t : targets) {
                //: %1 user, %2 computer
                names.append(tr("%1 on %2").arg(t.user, t.client));
            }
            return tr("Disconnecting %1…").arg(QLocale().createSeparatedList(names));
        },
        false);
}

void MainWindow::onDisconnectFinished(quint64 requestId, const QList<DisconnectResult> &results)
{
    if (!m_pendingDisconnects.remove(requestId))
        return; // from a previous connection
    const bool failed = std::any_of(results.cbegin(), results.cend(),
        [](const DisconnectResult &r) { return !r.ok() || !r.auditError.isEmpty(); });
    setMessage(
        [results] {
            QStringList parts;
            for (const DisconnectResult &r : results) {
                if (r.ok()) {
                    //: %1 user, %2 computer
                    parts.append(tr("Ended %n session(s) of %1 on %2.", "", int(r.ended))
                                     .arg(r.target.user, r.target.client));
                } else {
                    //: %1 user, %2 computer, %3 the reason
                    parts.append(
                        tr("Could not disconnect %1 on %2: %3")
                            .arg(r.target.user, r.target.client, SessionErrorText::text(*r.error)));
                }
            }
            for (const DisconnectResult &r : results) {
                if (!r.auditError.isEmpty()) {
                    //: %1 is the reason (a file name and an error)
                    parts.append(tr("The audit log could not record this: %1").arg(r.auditError));
                    break;
                }
            }
            return parts.join(QLatin1Char(' '));
        },
        failed);
    Q_EMIT disconnectReported(results);
}

void MainWindow::setRequireSealing(bool require)
{
    m_logon.requireSealing = require;
}

void MainWindow::createSafetyActions()
{
    m_keyring = new PasswordKeyring(this);
    m_keyring->probe();
    // Every disconnect this window asks for is recorded by the poller's worker, as soon as
    // the server has answered.
    m_poller->setAuditLog(AuditLog(QStringLiteral("session-console")));

    m_auditLogAction = new QAction(this);
    m_auditLogAction->setObjectName(QStringLiteral("auditLogAction"));
    connect(m_auditLogAction, &QAction::triggered, this, [this] { showAuditLog(); });
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(m_auditLogAction);
}

void MainWindow::retranslateSafetyUi()
{
    m_auditLogAction->setText(tr("Audit &Log…"));
    m_auditLogAction->setStatusTip(tr("Show the record of every request to end sessions"));
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

void MainWindow::copySelection() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    const QHeaderView *header = m_view->header();
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            if (header->isSectionHidden(column))
                continue;
            QString text = row.siblingAtColumn(column).data(Qt::DisplayRole).toString();
            // Tabs and newlines inside a name would break the columns of the paste.
            text.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells.append(text);
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Session Console"),
        tr("<h3>Session Console %1</h3><p>See, inspect and end the sessions of an SMB file "
           "server.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}
