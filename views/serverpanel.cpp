// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverpanel.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "serveraddress.h"
#include "serverconnection.h"
#include "serverlistfile.h"
#include "serverlistmodel.h"
#include "serverpanelmodel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

// A list of servers, not a data file: anything larger is a wrong file chosen by mistake
// (sessionctl's --servers-file draws the same line).
constexpr qint64 kMaxListFileSize = 1024 * 1024;

// One name as typed, compared by ServerListFile's rule.
std::optional<ServerListFile::Entry> entryOf(const QString &text)
{
    const std::optional<ServerAddress> address = ServerAddress::parseStrict(text);
    if (!address)
        return std::nullopt;
    ServerListFile::Entry entry;
    entry.address = *address;
    entry.port = address->port.value_or(ServerAddress::kDefaultPort);
    entry.name = ServerAddress::displayName(address->host, entry.port);
    return entry;
}

} // namespace

ServerPanel::ServerPanel(ServerListModel *servers, QWidget *parent)
    : QDockWidget(parent)
    , m_servers(servers)
    , m_model(new ServerPanelModel(servers, this))
{
    // Saved and restored with the window's state under this name.
    setObjectName(QStringLiteral("serverPanel"));

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_addAction = new QAction(Icons::icon(Icons::Connect), QString(), this);
    connect(m_addAction, &QAction::triggered, this, &ServerPanel::promptAddServer);
    // No icon: the console's "disconnect" one ends sessions, which this does not.
    m_removeAction = new QAction(QString(), this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    // Delete in the list only: elsewhere in the window it means other things.
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, &ServerPanel::requestRemoveCurrentServer);
    m_importAction = new QAction(QString(), this);
    connect(m_importAction, &QAction::triggered, this, &ServerPanel::promptImportServerList);
    m_connectAsAction = new QAction(Icons::icon(Icons::ConnectAs), QString(), this);
    connect(m_connectAsAction, &QAction::triggered, this, [this] {
        if (m_current)
            Q_EMIT connectAsRequested(m_current);
    });
    m_sharedAccountAction = new QAction(QString(), this);
    connect(m_sharedAccountAction, &QAction::triggered, this, [this] {
        if (m_current)
            Q_EMIT sharedAccountRequested(m_current);
    });

    auto *toolBar = new QToolBar(content);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_removeAction);
    toolBar->addAction(m_importAction);
    layout->addWidget(toolBar);

    m_message = new QLabel(content);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setContentsMargins(6, 4, 6, 4);
    m_message->hide();
    layout->addWidget(m_message);

    m_view = new QListView(content);
    // The selected server leaving the list leaves "All servers" selected, rather than
    // whichever server the selection model would move on to. Connected before setModel()
    // so that it runs before the selection model's own handler makes that move.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &, int first, int last) {
            const int row = m_view->currentIndex().row();
            if (row >= first && row <= last)
                m_view->setCurrentIndex(m_model->index(ServerPanelModel::kAllServersRow, 0));
        });
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_addAction);
    m_view->addAction(m_removeAction);
    m_view->addAction(m_importAction);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->addAction(separator);
    m_view->addAction(m_connectAsAction);
    m_view->addAction(m_sharedAccountAction);
    layout->addWidget(m_view);
    setWidget(content);

    m_view->setCurrentIndex(m_model->index(ServerPanelModel::kAllServersRow, 0));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ServerPanel::onCurrentChanged);
    // Whether the selected server has an account of its own changes with its row.
    connect(m_servers, &QAbstractItemModel::dataChanged, this, &ServerPanel::updateActions);

    LanguageChangeFilter::install(this, [this] {
        retranslateUi();
        // The list model is no widget and gets no LanguageChange of its own.
        m_servers->retranslate();
    });
    retranslateUi();
    updateActions();
}

ServerPanel::~ServerPanel() = default;

void ServerPanel::setCurrentServer(ServerConnection *connection)
{
    const int row = connection ? ServerPanelModel::panelRow(m_servers->rowOf(connection))
                               : ServerPanelModel::kAllServersRow;
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void ServerPanel::promptAddServer()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add Server"));
    dialog->setLabelText(tr("Server (host, host:port, \\\\host or [IPv6 address]:port):"));
    dialog->setInputMode(QInputDialog::TextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, &ServerPanel::requestAddServer);
    dialog->open();
}

void ServerPanel::promptImportServerList()
{
    auto *dialog = new QFileDialog(this, tr("Import Server List"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Text files (*.txt)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &ServerPanel::importServerList);
    dialog->open();
}

bool ServerPanel::requestAddServer(const QString &text)
{
    const std::optional<ServerListFile::Entry> entry = entryOf(text);
    if (!entry) {
        //: %1 is what the operator typed.
        showMessage(tr("\"%1\" is not a server name (use host, host:port, \\\\host or "
                       "[IPv6 address]:port).")
                        .arg(text.trimmed()));
        return false;
    }
    if (const int row = listedRowOf(entry->name); row >= 0) {
        m_view->setCurrentIndex(m_model->index(ServerPanelModel::panelRow(row), 0));
        showMessage(tr("%1 is already in the list.").arg(m_servers->index(row).data().toString()));
        return false;
    }
    clearMessage();
    Q_EMIT addServerRequested(entry->name);
    return true;
}

void ServerPanel::requestRemoveCurrentServer()
{
    if (m_current)
        Q_EMIT removeServerRequested(m_current);
}

bool ServerPanel::importServerList(const QString &path)
{
    const QString shownName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(
            tr("Cannot read the server list \"%1\": %2").arg(shownName, file.errorString()));
        return false;
    }
    if (file.size() > kMaxListFileSize) {
        showMessage(tr("The server list \"%1\" is too large.").arg(shownName));
        return false;
    }
    const ServerListFile::Contents contents
        = ServerListFile::parse(QString::fromUtf8(file.readAll()));
    QStringList names;
    for (const ServerListFile::Entry &entry : contents.servers) {
        if (listedRowOf(entry.name) < 0)
            names << entry.name;
    }
    if (!contents.badLines.isEmpty())
        showMessage(ServerListFile::badLinesMessage(contents.badLines, shownName));
    else if (contents.servers.isEmpty())
        showMessage(tr("The server list \"%1\" names no server.").arg(shownName));
    else
        clearMessage();
    if (!names.isEmpty())
        Q_EMIT serversImported(names);
    return true;
}

void ServerPanel::retranslateUi()
{
    setWindowTitle(tr("Servers"));
    m_model->retranslate();
    m_addAction->setText(tr("&Add Server…"));
    m_addAction->setIconText(tr("Add"));
    m_addAction->setToolTip(tr("Watch another server"));
    m_removeAction->setText(tr("&Remove Server"));
    m_removeAction->setIconText(tr("Remove"));
    m_removeAction->setToolTip(
        tr("Stop watching the selected server (%1)")
            .arg(m_removeAction->shortcut().toString(QKeySequence::NativeText)));
    m_importAction->setText(tr("&Import Server List…"));
    m_importAction->setToolTip(
        tr("Watch the servers of a text file: one server per line, # starts a comment"));
    m_importAction->setIconText(tr("Import"));
    m_connectAsAction->setText(tr("Connect &As…"));
    m_connectAsAction->setToolTip(tr("Choose the account used on the selected server alone"));
    m_sharedAccountAction->setText(tr("Use the &Shared Account"));
    m_sharedAccountAction->setToolTip(
        tr("Connect the selected server with the account shared by all servers"));
}

void ServerPanel::onCurrentChanged()
{
    const int row = ServerPanelModel::serverRow(m_view->currentIndex().row());
    ServerConnection *connection = row >= 0 ? m_servers->connectionAt(row) : nullptr;
    if (connection == m_current)
        return;
    m_current = connection;
    updateActions();
    Q_EMIT currentServerChanged(connection);
}

void ServerPanel::updateActions()
{
    m_removeAction->setEnabled(m_current != nullptr);
    m_connectAsAction->setEnabled(m_current != nullptr);
    const int row = m_current ? m_servers->rowOf(m_current) : -1;
    m_sharedAccountAction->setEnabled(
        row >= 0 && !m_servers->index(row).data(ServerListModel::AccountRole).toString().isEmpty());
}

int ServerPanel::listedRowOf(const QString &name) const
{
    const std::optional<ServerListFile::Entry> wanted = entryOf(name);
    if (!wanted)
        return -1;
    for (int row = 0; row < m_servers->rowCount(); ++row) {
        const std::optional<ServerListFile::Entry> listed
            = entryOf(m_servers->index(row).data(ServerListModel::NameRole).toString());
        if (listed && ServerListFile::sameServer(*listed, *wanted))
            return row;
    }
    return -1;
}

void ServerPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void ServerPanel::clearMessage()
{
    m_message->clear();
    m_message->hide();
}
