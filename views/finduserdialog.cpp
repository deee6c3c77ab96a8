// SPDX-License-Identifier: GPL-3.0-or-later
#include "finduserdialog.h"

#include "findusermodel.h"
#include "languagechangefilter.h"
#include "serverconnection.h"
#include "sessionerrortext.h"
#include "sessiontablemodel.h"
#include "watchedservers.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

FindUserDialog::FindUserDialog(WatchedServers *servers, QWidget *parent)
    : QDialog(parent)
    , m_servers(servers)
    , m_table(servers->sessionModel())
    , m_model(new FindUserModel(this))
    , m_userLabel(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_findButton(new QPushButton(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setModal(false);
    m_userLabel->setBuddy(m_user);
    m_user->setObjectName(QStringLiteral("findUserName"));
    m_user->setClearButtonEnabled(true);
    // Enter in the name field finds; Enter in the results goes to the session (the view
    // takes that key itself, see activated below).
    m_findButton->setDefault(true);
    m_findButton->setObjectName(QStringLiteral("findUserButton"));
    connect(m_findButton, &QPushButton::clicked, this, [this] { find(m_user->text()); });
    connect(m_user, &QLineEdit::textChanged, this, &FindUserDialog::updateButtons);

    m_view->setObjectName(QStringLiteral("findUserResults"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    // Rows come in per server as the servers answer; sorting would scatter a server's block.
    m_view->setSortingEnabled(false);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FindUserModel::User, QHeaderView::Stretch);
    // Double-click and Enter (activated) go to the session.
    connect(m_view, &QAbstractItemView::activated, this, &FindUserDialog::activateCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &FindUserDialog::updateButtons);

    m_summary->setObjectName(QStringLiteral("findUserSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_model, &FindUserModel::summaryChanged, this,
        [this] { m_summary->setText(m_model->summary()); });

    m_goButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_goButton->setAutoDefault(false);
    connect(m_goButton, &QPushButton::clicked, this, &FindUserDialog::activateCurrent);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *field = new QHBoxLayout;
    field->addWidget(m_userLabel);
    field->addWidget(m_user, 1);
    field->addWidget(m_findButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(field);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    m_servers->follow(
        this,
        [this](ServerConnection *connection) {
            watch(connection);
            // A server added while the question is open is asked too.
            if (!m_model->user().isEmpty() && connection->isConnected()) {
                m_model->addServer(connection->status().server);
                connection->refresh();
            }
        },
        [this](ServerConnection *connection) { m_model->removeServer(m_names.take(connection)); });

    resize(720, 360);
    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
    updateButtons();
}

FindUserDialog::~FindUserDialog() = default;

void FindUserDialog::watch(ServerConnection *connection)
{
    m_names.insert(connection, connection->status().server);
    connect(connection, &ServerConnection::aboutToConnect, this,
        [this, connection] { onServerChosen(connection); });
    // snapshotHandled: the sessions table has applied this answer, so its rows are current.
    connect(connection, &ServerConnection::snapshotHandled, this,
        [this, connection](const SessionSnapshot &snapshot) { onAnswer(connection, snapshot); });
}

void FindUserDialog::onServerChosen(ServerConnection *connection)
{
    // The connection now polls another server (or the same one under another account, or
    // one that had no password until now): the previous server's results are no longer its,
    // and the new one is asked, since a connection polls as soon as it is given a server.
    const QString previous = m_names.value(connection);
    const QString server = connection->status().server;
    m_names.insert(connection, server);
    if (m_model->user().isEmpty())
        return;
    m_model->removeServer(previous);
    m_model->addServer(server);
}

void FindUserDialog::find(const QString &user)
{
    const QString name = user.trimmed();
    if (m_user->text() != name)
        m_user->setText(name);
    if (name.isEmpty())
        return;
    QStringList names;
    QList<ServerConnection *> asked;
    const QList<ServerConnection *> connections = m_servers->connections();
    for (ServerConnection *connection : connections) {
        if (!connection->isConnected())
            continue;
        names.append(connection->status().server);
        asked.append(connection);
    }
    m_model->start(name, names);
    // All at once: each connection polls on its own worker, so a slow server delays no other.
    for (ServerConnection *connection : std::as_const(asked))
        connection->refresh();
    updateButtons();
}

void FindUserDialog::onAnswer(ServerConnection *connection, const SessionSnapshot &snapshot)
{
    // The first pages of a paged answer are not the whole answer: "no sessions" would be
    // premature.
    if (m_model->user().isEmpty() || snapshot.partial)
        return;
    const QString server = connection->status().server;
    if (!snapshot.ok()) {
        m_model->applyFailure(
            server, SessionErrorText::text(*snapshot.error, 0, SessionErrorText::Operation::List));
        return;
    }
    QList<SessionRow> rows;
    const int block = m_table ? int(m_table->servers().indexOf(connection)) : -1;
    if (block >= 0) {
        const int first = m_table->blockStart(block);
        const int count = m_table->blockRowCount(block);
        rows.reserve(count);
        for (int r = first; r < first + count; ++r)
            rows.append(m_table->row(r));
    }
    m_model->applyAnswer(server, rows, m_table ? m_table->now() : snapshot.pollTimeMs,
        connection->status().idleTimeUnreported);
}

void FindUserDialog::activateCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const quint64 key = m_model->keyOfRow(current.row());
    // A server's state row is no session.
    if (key == 0)
        return;
    Q_EMIT sessionActivated(m_model->serverOfRow(current.row()), key);
}

void FindUserDialog::updateButtons()
{
    m_findButton->setEnabled(!m_user->text().trimmed().isEmpty());
    const QModelIndex current = m_view->currentIndex();
    m_goButton->setEnabled(current.isValid() && m_model->keyOfRow(current.row()) != 0);
}

void FindUserDialog::retranslateUi()
{
    setWindowTitle(tr("Find User"));
    m_userLabel->setText(tr("&User name:"));
    m_user->setPlaceholderText(tr("The account name, as the servers list it"));
    m_findButton->setText(tr("&Find"));
    m_goButton->setText(tr("&Go to Session"));
    m_goButton->setToolTip(tr("Show this session in the main window's list"));
    m_view->setAccessibleName(tr("Sessions of the user"));
    m_summary->setText(m_model->summary());
    m_view->viewport()->update(); // the state rows' texts
    // The header texts are the model's, in the language now installed.
    Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, FindUserModel::ColumnCount - 1);
}
