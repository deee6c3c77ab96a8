// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnectdialog.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "nameequality.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

/// The different values of @p field among @p targets, in their order; names the server takes
/// for one (sc::namesEqual) count once.
QStringList distinctNames(
    const QList<DisconnectDialog::Target> &targets, QString DisconnectDialog::Target::*field)
{
    QStringList names;
    for (const DisconnectDialog::Target &t : targets) {
        const QString &name = t.*field;
        if (std::none_of(names.cbegin(), names.cend(),
                [&name](const QString &known) { return sc::namesEqual(known, name); }))
            names.append(name);
    }
    return names;
}

} // namespace

DisconnectDialog::DisconnectDialog(const QList<Target> &targets, QWidget *parent)
    : QDialog(parent)
    , m_targets(mergeTargets(targets))
    , m_icon(new QLabel(this))
    , m_question(new QLabel(this))
    , m_impact(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_warning(new QLabel(this))
    , m_ownWarning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowIcon(Icons::icon(Icons::Disconnect));
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_icon->setPixmap(Icons::icon(Icons::Warning).pixmap(iconSize, iconSize));
    m_icon->setAlignment(Qt::AlignTop);

    m_question->setWordWrap(true);
    m_impact->setWordWrap(true);
    m_impact->setObjectName(QStringLiteral("impact"));
    m_question->setObjectName(QStringLiteral("question"));
    m_warning->setWordWrap(true);
    m_ownWarning->setWordWrap(true);
    m_ownWarning->setObjectName(QStringLiteral("ownSessionWarning"));
    m_ownWarning->setVisible(includesOwnSession());
    m_ownWarning->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; }"));

    m_list->setObjectName(QStringLiteral("targets"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    for (const Target &t : std::as_const(m_targets)) {
        // The count is set by retranslateUi(): its digit grouping follows the language.
        auto *item = new QTreeWidgetItem(m_list, {t.client, t.user, QString(), t.server});
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (t.ownSession)
            item->setIcon(0, Icons::icon(Icons::OwnSession));
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    // A handful of rows: show them all without a scroll bar when possible.
    const int rows = qMin<int>(m_targets.size(), 8);
    m_list->setMinimumHeight(m_list->header()->sizeHint().height()
        + rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 2);

    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_disconnectButton = m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_disconnectButton->setIcon(Icons::icon(Icons::Disconnect));
    // Enter must not end sessions by accident: Cancel is the default button.
    m_disconnectButton->setAutoDefault(false);
    m_cancelButton->setDefault(true);
    m_cancelButton->setFocus();
    connect(m_disconnectButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_question);
    text->addWidget(m_impact);
    text->addWidget(m_list);
    text->addWidget(m_warning);
    text->addWidget(m_ownWarning);
    auto *top = new QHBoxLayout;
    top->addWidget(m_icon);
    top->addLayout(text, 1);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_buttons);

    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
}

bool DisconnectDialog::includesOwnSession() const
{
    return std::any_of(
        m_targets.cbegin(), m_targets.cend(), [](const Target &t) { return t.ownSession; });
}

QList<DisconnectDialog::Target> DisconnectDialog::mergeTargets(const QList<Target> &rows)
{
    QList<Target> merged;
    for (const Target &row : rows) {
        auto it = std::find_if(merged.begin(), merged.end(), [&](const Target &t) {
            return sc::namesEqual(t.client, row.client) && sc::namesEqual(t.user, row.user)
                && sc::namesEqual(t.server, row.server);
        });
        if (it == merged.end()) {
            merged.append(row);
        } else {
            it->openFiles += row.openFiles;
            it->ownSession = it->ownSession || row.ownSession;
            it->sessions += row.sessions;
        }
    }
    return merged;
}

QList<DisconnectDialog::Target> DisconnectDialog::affectedRows(
    const QList<Target> &selected, const QList<Target> &allRows)
{
    const auto belongsTo = [](const Target &row, const Target &pair) {
        // An empty user (level 0 rows carry none) means every user of that computer.
        return sc::namesEqual(row.server, pair.server) && sc::namesEqual(row.client, pair.client)
            && (pair.user.isEmpty() || sc::namesEqual(row.user, pair.user));
    };
    QList<Target> affected;
    for (const Target &row : allRows) {
        if (std::any_of(selected.cbegin(), selected.cend(),
                [&](const Target &pair) { return belongsTo(row, pair); }))
            affected.append(row);
    }
    // The selection is part of the list it came from; should the list have changed since,
    // the selected rows still count.
    return affected.isEmpty() ? selected : affected;
}

quint32 DisconnectDialog::sessionCount() const
{
    quint32 n = 0;
    for (const Target &t : m_targets)
        n += t.sessions;
    return n;
}

quint32 DisconnectDialog::openFileCount() const
{
    quint32 n = 0;
    for (const Target &t : m_targets)
        n += t.openFiles;
    return n;
}

int DisconnectDialog::userCount() const
{
    return int(distinctNames(m_targets, &Target::user).size());
}

QStringList DisconnectDialog::servers() const
{
    return distinctNames(m_targets, &Target::server);
}

quint32 DisconnectDialog::sessionCount(const QString &server) const
{
    quint32 n = 0;
    for (const Target &t : m_targets) {
        if (sc::namesEqual(t.server, server))
            n += t.sessions;
    }
    return n;
}

int DisconnectDialog::computerCount() const
{
    return int(distinctNames(m_targets, &Target::client).size());
}

void DisconnectDialog::retranslateUi()
{
    const int n = int(m_targets.size());
    setWindowTitle(tr("Disconnect Sessions"));
    if (n == 1) {
        const Target &t = m_targets.first();
        m_question->setText(
            tr("Disconnect %1 on %2?")
                .arg(t.user.isEmpty() ? tr("all users", "of a computer") : t.user, t.client));
    } else {
        //: %1 is e.g. "3 users", %2 e.g. "1 computer".
        m_question->setText(
            tr("Disconnect %1 on %2?")
                .arg(tr("%n user(s)", "", userCount()), tr("%n computer(s)", "", computerCount())));
    }
    //: %1 is e.g. "5 sessions", %2 e.g. "15 open files".
    QString impact = tr("This ends %1 and closes %2.")
                         .arg(tr("%n session(s)", "", int(sessionCount())),
                             tr("%n open file(s)", "", int(openFileCount())));
    // Sessions on several servers: say how many end on each, as each server is asked apart.
    const QStringList servers = this->servers();
    if (servers.size() > 1) {
        for (const QString &server : servers) {
            //: One line per server of a disconnect spanning several; %1 is the server.
            impact += QLatin1Char('\n')
                + tr("On %1: %n session(s).", "", int(sessionCount(server))).arg(server);
        }
    }
    m_impact->setText(impact);
    m_list->setHeaderLabels({tr("Computer"), tr("User"),
        //: Column header: number of files the user has open.
        tr("Open files"),
        //: Column header: the file server of the sessions
        tr("Server")});
    m_list->setColumnHidden(3, servers.size() < 2);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        m_list->topLevelItem(i)->setText(2, QLocale().toString(m_targets.at(i).openFiles));
    // Longer Spanish and German titles must not push the counts behind a scroll bar.
    int listWidth = 2 * m_list->frameWidth() + m_list->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < m_list->columnCount(); ++c) {
        if (m_list->isColumnHidden(c))
            continue;
        m_list->resizeColumnToContents(c); // the wider of title and cells
        listWidth += m_list->columnWidth(c);
    }
    m_list->setMinimumWidth(listWidth);
    m_list->setAccessibleName(tr("Sessions to end"));
    m_warning->setText(tr("All sessions of each user from that computer end, not only the "
                          "selected ones. Unsaved data in files they have open may be lost."));
    m_ownWarning->setText(tr("This includes the console's own connection to the server. The "
                             "console reconnects at the next refresh, but anything else this "
                             "account has open from this computer is closed too."));
    m_disconnectButton->setText(tr("&Disconnect", "end the sessions"));
    m_disconnectButton->setAccessibleName(tr("Disconnect the listed sessions"));
    m_cancelButton->setAccessibleName(tr("Cancel, keep the sessions"));
}
