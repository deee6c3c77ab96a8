// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectdialog.h"

#include "icons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionFrame>
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
    layout->addLayout(form);
    layout->addWidget(m_sealing);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kerberos, &QCheckBox::toggled, this, &ConnectDialog::updateEnabled);
    connect(m_user, &QLineEdit::textChanged, this, &ConnectDialog::updateEnabled);

    retranslateUi();
    updateEnabled();
    m_user->setFocus();
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

void ConnectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
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
