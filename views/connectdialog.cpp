// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectdialog.h"

#include "icons.h"
#include "languagechangefilter.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QThread>
#include <QVBoxLayout>

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_domainLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_domain(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_kerberos(new QCheckBox(this))
    , m_ticket(new QLabel(this))
    , m_sealing(new QCheckBox(this))
    , m_remember(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowIcon(Icons::icon(Icons::ConnectAs));
    m_intro->setWordWrap(true);

    m_domain->setObjectName(QStringLiteral("domain"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_kerberos->setObjectName(QStringLiteral("kerberos"));
    m_ticket->setObjectName(QStringLiteral("kerberosTicket"));
    m_ticket->setWordWrap(true);
    m_ticket->setTextFormat(Qt::PlainText);
    // Indented under its check box, which it describes.
    m_ticket->setIndent(m_kerberos->style()->pixelMetric(QStyle::PM_IndicatorWidth)
        + m_kerberos->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing));
    m_sealing->setObjectName(QStringLiteral("sealing"));
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    // Off by default, and only shown once a keyring is known to be there.
    m_remember->setChecked(false);
    m_remember->setVisible(false);

    m_password->setEchoMode(QLineEdit::Password);
    // Keeps the password out of input-method dictionaries and predictive keyboards.
    m_password->setInputMethodHints(
        Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_domainLabel->setBuddy(m_domain);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);

    auto *form = new QFormLayout;
    form->addRow(m_domainLabel, m_domain);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_kerberos);
    layout->addWidget(m_ticket);
    layout->addLayout(form);
    layout->addWidget(m_sealing);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kerberos, &QCheckBox::toggled, this, &ConnectDialog::updateEnabled);
    connect(m_user, &QLineEdit::textChanged, this, &ConnectDialog::updateEnabled);

    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
    updateEnabled();
    m_user->setFocus();
    readTicketInBackground();
}

ConnectDialog::~ConnectDialog()
{
    clearPassword();
}

void ConnectDialog::setServer(const QString &server)
{
    m_server = server;
    retranslateUi();
}

void ConnectDialog::setDomain(const QString &domain)
{
    m_domain->setText(domain);
}

void ConnectDialog::setUser(const QString &user)
{
    m_user->setText(user);
    if (!user.isEmpty())
        m_password->setFocus();
}

void ConnectDialog::setUseKerberos(bool kerberos)
{
    m_kerberos->setChecked(kerberos);
}

void ConnectDialog::setRequireSealing(bool sealing)
{
    m_sealing->setChecked(sealing);
}

void ConnectDialog::setRememberPasswordAvailable(bool available)
{
    m_remember->setVisible(available);
}

void ConnectDialog::setRememberPassword(bool remember)
{
    m_remember->setChecked(remember);
}

bool ConnectDialog::rememberPassword() const
{
    return !m_remember->isHidden() && m_remember->isChecked() && !m_kerberos->isChecked();
}

QString ConnectDialog::domain() const
{
    return m_domain->text().trimmed();
}

QString ConnectDialog::user() const
{
    return m_user->text().trimmed();
}

QString ConnectDialog::password() const
{
    return m_password->text();
}

bool ConnectDialog::useKerberos() const
{
    return m_kerberos->isChecked();
}

bool ConnectDialog::requireSealing() const
{
    return m_sealing->isChecked();
}

void ConnectDialog::clearPassword()
{
    m_password->clear();
}

void ConnectDialog::setTicketInfo(const sc::KerberosTicketInfo &ticket)
{
    m_ticketInfo = ticket;
    updateTicketText();
}

void ConnectDialog::readTicketInBackground()
{
    // A file read, but the cache may sit on a slow network home directory, and the GUI
    // thread never waits on anything it does not control.
    QPointer<ConnectDialog> dialog(this);
    QThread *reader = QThread::create([dialog] {
        const sc::KerberosTicketInfo ticket = sc::KerberosCache::readDefault();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [dialog, ticket] {
                if (dialog)
                    dialog->setTicketInfo(ticket);
            },
            Qt::QueuedConnection);
    });
    connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    reader->start();
}

void ConnectDialog::updateTicketText()
{
    using State = sc::KerberosTicketInfo::State;
    if (!m_ticketInfo) {
        m_ticket->setText(tr("Reading your Kerberos tickets…"));
        m_ticket->setVisible(true);
        return;
    }
    const sc::KerberosTicketInfo &ticket = *m_ticketInfo;
    const QString principal = QString::fromStdString(ticket.principal);
    const QString expires = QLocale().toString(
        QDateTime::fromSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::seconds>(ticket.expires.time_since_epoch())
                .count()),
        QLocale::ShortFormat);
    switch (ticket.state) {
    case State::Valid:
        //: %1 is a Kerberos principal (user@REALM), %2 a date and time.
        m_ticket->setText(tr("Ticket of %1, valid until %2.").arg(principal, expires));
        break;
    case State::Expired:
        //: %1 is a Kerberos principal (user@REALM), %2 a date and time. "kinit" is a command.
        m_ticket->setText(tr("The ticket of %1 expired at %2. Run kinit to renew it, or "
                             "use a password.")
                              .arg(principal, expires));
        break;
    case State::NoTicket:
        //: "kinit" is a command name.
        m_ticket->setText(tr("You have no Kerberos ticket. Run kinit (or log on to the domain "
                             "again), or use a password."));
        break;
    case State::Unavailable:
        m_ticket->clear();
        break;
    }
    m_ticket->setVisible(ticket.state != State::Unavailable);
}

void ConnectDialog::done(int result)
{
    // A rejected dialog must not leave the typed password behind in the widget.
    if (result != QDialog::Accepted)
        clearPassword();
    QDialog::done(result);
}

void ConnectDialog::retranslateUi()
{
    setWindowTitle(tr("Connect As"));
    if (m_server.isEmpty())
        m_intro->setText(tr("Account used to list and end the sessions. Listing sessions needs "
                            "administrator rights on the server."));
    else
        m_intro->setText(tr("Account used on %1 to list and end its sessions. Listing sessions "
                            "needs administrator rights on the server.")
                             .arg(m_server.toHtmlEscaped()));
    m_kerberos->setText(tr("Use my &Kerberos ticket"));
    m_kerberos->setToolTip(tr("Authenticate with the ticket of your desktop login (kinit) "
                              "instead of a password."));
    updateTicketText();
    m_domainLabel->setText(tr("&Domain:"));
    m_domain->setPlaceholderText(tr("The server's own domain", "placeholder of the domain field"));
    // Wide enough to show the placeholder whole in every language, not "Dominio del servi…".
    QStyleOptionFrame frame;
    frame.initFrom(m_domain);
    const int textWidth = m_domain->fontMetrics().horizontalAdvance(m_domain->placeholderText());
    m_domain->setMinimumWidth(
        m_domain->style()
            ->sizeFromContents(QStyle::CT_LineEdit, &frame, QSize(textWidth + 8, 0), m_domain)
            .width());
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setToolTip(tr("Kept in memory only while the console needs it. Never written to "
                              "the settings; kept in the desktop keyring only if you ask to "
                              "remember it."));
    m_sealing->setText(tr("Require &encryption"));
    m_sealing->setToolTip(tr("Refuse to connect unless the server encrypts the traffic "
                             "(SMB 3 encryption). The connection is always signed."));
    m_remember->setText(tr("&Remember the password in the desktop keyring"));
    m_remember->setToolTip(tr("Keep the password in your desktop's keyring (wallet), not in the "
                              "console's settings, so the next connection does not ask for it."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));

    m_domain->setAccessibleName(tr("Domain"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setAccessibleName(tr("Password"));
}

void ConnectDialog::updateEnabled()
{
    const bool password = !m_kerberos->isChecked();
    m_domain->setEnabled(password);
    m_user->setEnabled(password);
    m_password->setEnabled(password);
    m_remember->setEnabled(password);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!password || !user().isEmpty());
}
