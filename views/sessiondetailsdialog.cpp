// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiondetailsdialog.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "sessionrow.h"
#include "sessiontablemodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

SessionDetailsDialog::SessionDetailsDialog(const QModelIndex &index, QWidget *parent)
    : QDialog(parent)
    , m_index(index.siblingAtColumn(0))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_form(new QFormLayout)
    , m_levelLabel(new QLabel(this))
    , m_levelValue(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowIcon(Icons::icon(Icons::Details));
    const auto row = m_index.data(SessionTableModel::RowRole).value<SessionRow>();
    m_client = row.client;
    m_user = row.user;

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    const QAbstractItemModel *model = m_index.model();
    const int columns = model ? model->columnCount() : 0;
    for (int c = 0; c < columns; ++c) {
        auto *label = new QLabel(this);
        auto *value = new QLabel(this);
        value->setObjectName(QStringLiteral("value%1").arg(c));
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setBuddy(value);
        m_form->addRow(label, value);
        m_labels.append(label);
        m_values.append(value);
    }
    m_levelValue->setObjectName(QStringLiteral("level"));
    m_form->addRow(m_levelLabel, m_levelValue);

    m_disconnectButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_disconnectButton->setIcon(Icons::icon(Icons::Disconnect));
    m_disconnectButton->setAutoDefault(false);
    connect(m_disconnectButton, &QPushButton::clicked, this, [this] {
        if (m_index.isValid())
            Q_EMIT disconnectRequested(m_index);
    });
    m_openFilesButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_openFilesButton->setAutoDefault(false);
    m_openFilesButton->setEnabled(!m_user.isEmpty()); // level 0 names no user
    connect(m_openFilesButton, &QPushButton::clicked, this,
        [this] { Q_EMIT openFilesRequested(m_user); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addLayout(m_form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (model) {
        // Any structural change may have taken our row; refresh() asks the persistent index.
        connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (m_index.isValid() && m_index.row() >= topLeft.row()
                    && m_index.row() <= bottomRight.row())
                    refresh();
            });
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SessionDetailsDialog::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &SessionDetailsDialog::refresh);
        connect(model, &QAbstractItemModel::layoutChanged, this, &SessionDetailsDialog::refresh);
        connect(model, &QObject::destroyed, this, &SessionDetailsDialog::refresh);
    }
    // Connected and idle times grow without dataChanged; the model says when its clock moved.
    if (auto *sessions = qobject_cast<const SessionTableModel *>(model)) {
        connect(sessions, &SessionTableModel::ticked, this, &SessionDetailsDialog::refresh);
        connect(sessions, &SessionTableModel::staleChanged, this, &SessionDetailsDialog::refresh);
    }

    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
}

QString SessionDetailsDialog::valueText(int column) const
{
    if (column < 0 || column >= m_values.size() || m_values.at(column)->isHidden())
        return {};
    return m_values.at(column)->text();
}

void SessionDetailsDialog::retranslateUi()
{
    setWindowTitle(tr("Session Details"));
    //: %1 user name, %2 computer name or address
    m_title->setText(m_user.isEmpty() ? m_client : tr("%1 on %2").arg(m_user, m_client));
    m_levelLabel->setText(tr("Not reported:", "session details the server leaves out"));
    m_disconnectButton->setText(tr("&Disconnect…"));
    m_disconnectButton->setAccessibleName(tr("Disconnect this session"));
    //: Windows' term "Open Files", here: the files this session's user holds open
    m_openFilesButton->setText(tr("Show &Open Files"));
    refresh();
}

void SessionDetailsDialog::refresh()
{
    const bool alive = m_index.isValid();
    const QAbstractItemModel *model = m_index.model();
    const auto *sessions = qobject_cast<const SessionTableModel *>(model);
    const auto row
        = alive ? m_index.data(SessionTableModel::RowRole).value<SessionRow>() : SessionRow {};

    for (int c = 0; c < m_values.size(); ++c) {
        if (model) {
            const QString header = model->headerData(c, Qt::Horizontal).toString();
            //: Label in the session details form; %1 is a column title
            m_labels[c]->setText(tr("%1:", "form label").arg(header));
        }
        // Identity stays visible after the end so the operator knows which session it was;
        // everything else would be stale, so it is blanked rather than frozen.
        const bool identity = c == SessionTableModel::Computer || c == SessionTableModel::User;
        const bool available
            = !sessions || sessions->columnAvailable(static_cast<SessionTableModel::Column>(c));
        const bool shown = alive ? available : identity;
        m_labels[c]->setVisible(shown);
        m_values[c]->setVisible(shown);
        if (!shown)
            continue;
        if (alive) {
            const QModelIndex cell = m_index.sibling(m_index.row(), c);
            QString text = cell.data(Qt::DisplayRole).toString();
            const QString tip = cell.data(Qt::ToolTipRole).toString();
            if (text.isEmpty() && !tip.isEmpty())
                text = tip;
            m_values[c]->setText(text);
        } else {
            m_values[c]->setText(c == SessionTableModel::Computer ? m_client : m_user);
        }
    }

    // Fields the server's level leaves out are hidden above; say which, in the columns' words.
    QStringList missing;
    if (alive && sessions) {
        for (int c = 0; c < SessionTableModel::ColumnCount; ++c) {
            // The Server row is there with several servers; a level never leaves it out.
            if (c != SessionTableModel::Server
                && !sessions->columnAvailable(static_cast<SessionTableModel::Column>(c)))
                missing.append(sessions->headerData(c, Qt::Horizontal).toString());
        }
    }
    m_levelLabel->setVisible(!missing.isEmpty());
    m_levelValue->setVisible(!missing.isEmpty());
    m_levelValue->setText(QLocale().createSeparatedList(missing));

    if (!alive) {
        m_status->setText(tr("Session ended. The server no longer lists this session."));
        m_status->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; }"));
    } else if (m_index.data(SessionTableModel::StaleRole).toBool()) {
        m_status->setText(tr("Connection to the server lost: these are the last known values."));
        m_status->setStyleSheet({});
    } else if (row.ownSessionShared) {
        m_status->setText(tr("This or another session of your account from this computer is "
                             "the console's own connection to the server."));
        m_status->setStyleSheet({});
    } else if (row.isOwnSession) {
        m_status->setText(tr("This is the console's own connection to the server."));
        m_status->setStyleSheet({});
    } else {
        m_status->clear();
    }
    m_status->setVisible(!m_status->text().isEmpty());
    m_disconnectButton->setEnabled(alive);
}
