// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogdialog.h"

#include "languagechangefilter.h"
#include "sessionerrortext.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// The stored kind id back to the kind, so the reason reads in the operator's language.
std::optional<sc::ErrorKind> kindFromId(const QString &id)
{
    for (int k = 0; k <= int(sc::ErrorKind::Other); ++k) {
        const auto kind = static_cast<sc::ErrorKind>(k);
        if (id == QLatin1String(sc::errorKindId(kind)))
            return kind;
    }
    return std::nullopt;
}

} // namespace

AuditLogDialog::AuditLogDialog(const AuditLog &log, QWidget *parent)
    : QDialog(parent)
    , m_log(log)
    , m_intro(new QLabel(this))
    , m_table(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    m_intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The file's order is the order things happened; sorting by a column would hide that.
    m_table->setSortingEnabled(false);
    m_table->header()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reload = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    connect(m_reload, &QPushButton::clicked, this, &AuditLogDialog::reload);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    resize(70 * em, 30 * em);

    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
    reload();
}

void AuditLogDialog::reload()
{
    m_readError.clear();
    m_records = m_log.read(&m_readError, &m_skipped);
    fill();
}

void AuditLogDialog::retranslateUi()
{
    setWindowTitle(tr("Audit Log"));
    m_intro->setText(tr("Every request to end sessions made on this computer with the console "
                        "or sessionctl, newest first. The password is never recorded."));
    m_table->setHeaderLabels({
        tr("Time"),
        //: The local account of the person who ended the sessions
        tr("Operator"),
        tr("Server"),
        //: The account used to log on to the server
        tr("Account", "server logon"),
        //: The client computer whose sessions were ended
        tr("Computer"),
        //: The user whose sessions were ended
        tr("User", "session user"),
        tr("Result"),
    });
    m_reload->setText(tr("&Reload"));
    fill();
}

QString AuditLogDialog::resultText(const AuditRecord &r) const
{
    if (r.ok)
        return tr("Ended %n session(s)", "", int(r.ended));
    QString reason = r.errorMessage;
    if (const std::optional<sc::ErrorKind> kind = kindFromId(r.errorKind))
        reason = SessionErrorText::message(sc::SessionError::local(*kind));
    if (!r.errorCodeText.isEmpty())
        reason += QLatin1String(" (") + r.errorCodeText + QLatin1Char(')');
    //: %1 is the reason
    return tr("Failed: %1").arg(reason);
}

void AuditLogDialog::fill()
{
    m_table->clear();
    //: Shown for an empty client or user field: NetSessionDel then ends the sessions of every
    //: client (or user)
    const QString all = tr("(all)");
    const QLocale locale;
    for (const AuditRecord &r : std::as_const(m_records)) {
        auto *item = new QTreeWidgetItem;
        // The language's date, and seconds, which the short formats leave out.
        const QDateTime local = r.time.toLocalTime();
        item->setText(Time,
            locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                + locale.toString(local.time(), QStringLiteral("HH:mm:ss")));
        item->setToolTip(Time, r.time.toUTC().toString(Qt::ISODateWithMs));
        item->setText(Operator, r.localUser);
        QString who = tr("%1 on %2 with %3", "operator tooltip: account, machine, program")
                          .arg(r.localUser, r.localHost, r.program);
        if (!r.sudoUser.isEmpty())
            who += QLatin1Char('\n') + tr("through sudo by %1").arg(r.sudoUser);
        item->setToolTip(Operator, who);
        item->setText(Server, r.server);
        item->setText(Account, r.kerberos ? tr("Kerberos ticket") : r.account);
        item->setText(Client, r.client.isEmpty() ? all : r.client);
        item->setText(User, r.user.isEmpty() ? all : r.user);
        const QString result = resultText(r);
        item->setText(Result, result);
        item->setToolTip(Result, result);
        if (!r.ok)
            item->setForeground(Result, QColor(0xb0, 0x20, 0x20));
        m_table->addTopLevelItem(item);
    }
    // Translated titles and dates differ in length: every column but the stretched result
    // fits its title and cells.
    for (int c = 0; c < Result; ++c)
        m_table->resizeColumnToContents(c);

    QString status;
    if (!m_readError.isEmpty())
        status = tr("Cannot read the audit log: %1").arg(m_readError);
    else if (m_records.isEmpty())
        status = tr("No disconnects have been recorded yet. The log is kept in %1.")
                     .arg(QDir::toNativeSeparators(m_log.filePath()));
    else
        status = tr("%n record(s) in %1.", "", int(m_records.size()))
                     .arg(QDir::toNativeSeparators(m_log.filePath()));
    if (m_skipped > 0)
        status += QLatin1Char(' ') + tr("%n unreadable line(s) skipped.", "", m_skipped);
    m_status->setText(status);
}
