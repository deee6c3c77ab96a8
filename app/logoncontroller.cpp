// SPDX-License-Identifier: GPL-3.0-or-later
#include "logoncontroller.h"

#include "auditlog.h"
#include "connectdialog.h"
#include "passwordkeyring.h"
#include "serveraddress.h"
#include "serverconnection.h"

#include <QComboBox>
#include <QSettings>

namespace {

// QSettings keys: who, never the password (that goes to the desktop keyring, and only if
// asked).
const char kDomainKey[] = "logon/domain";
const char kUserKey[] = "logon/user";
const char kKerberosKey[] = "logon/kerberos";
const char kSealingKey[] = "logon/requireSealing";
// Whether the operator chose to keep the password in the desktop keyring (never the password).
const char kRememberKey[] = "logon/rememberPassword";

} // namespace

LogonController::LogonController(
    ServerConnection *connection, QComboBox *serverField, QWidget *window)
    : QObject(window)
    , m_connection(connection)
    , m_serverField(serverField)
    , m_window(window)
    , m_keyring(new PasswordKeyring(this))
{
    m_keyring->probe();
}

LogonController::~LogonController()
{
    m_logon.password.wipe();
}

void LogonController::loadSettings(const QSettings &settings)
{
    m_logon.domain = settings.value(kDomainKey).toString().toStdString();
    m_logon.user = settings.value(kUserKey).toString().toStdString();
    m_logon.kerberos = settings.value(kKerberosKey, false).toBool();
    m_logon.requireSealing = settings.value(kSealingKey, false).toBool();
    m_rememberPassword = settings.value(kRememberKey, false).toBool();
}

void LogonController::saveSettings(QSettings &settings) const
{
    settings.setValue(kDomainKey, QString::fromStdString(m_logon.domain));
    settings.setValue(kUserKey, QString::fromStdString(m_logon.user));
    settings.setValue(kKerberosKey, m_logon.kerberos);
    settings.setValue(kSealingKey, m_logon.requireSealing);
    settings.setValue(kRememberKey, m_rememberPassword);
}

void LogonController::setRequireSealing(bool require)
{
    m_logon.requireSealing = require;
}

void LogonController::connectToServer(const QString &server)
{
    sc::ConnectionOptions logon = m_logon;
    logon.port = ServerAddress::kDefaultPort;
    connectToServer(server, logon);
}

void LogonController::connectToServer(const QString &server, const sc::ConnectionOptions &logon)
{
    connectWith(server, logon, true);
}

void LogonController::connectWith(
    const QString &server, const sc::ConnectionOptions &logon, bool askIfIncomplete)
{
    const ServerAddress address = ServerAddress::parse(server);
    if (address.host.isEmpty())
        return;
    // Nobody lists sessions anonymously, and a saved user name comes without its password
    // (never stored): ask first rather than fail the logon.
    const bool hasAccount
        = logon.kerberos || (!logon.user.empty() && (!logon.password.empty() || !askIfIncomplete));
    sc::ConnectionOptions options = logon;
    options.host = sc::normalizedHost(address.host.toStdString());
    options.port = address.port.value_or(logon.port);
    const QString display = ServerAddress::displayName(address.host, options.port);

    m_logon = logon;
    m_logon.host.clear();
    m_logon.port = ServerAddress::kDefaultPort;
    Q_EMIT serverNamed(display);
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

    ServerConnection *connection = m_resolver ? m_resolver(display) : m_connection;
    Q_EMIT connecting(display);
    connection->connectTo(display, options);
    // The connection holds the password for as long as it needs it; this keeps only the
    // account, so another server asks again (or reads the keyring).
    options.password.wipe();
    m_logon.password.wipe();
}

void LogonController::showConnectAsDialog(const QString &server)
{
    auto *dialog = new ConnectDialog(m_window);
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
        const QString target = server.isEmpty() ? m_serverField->currentText().trimmed() : server;
        if (target.isEmpty()) {
            m_logon = logon;
            return;
        }
        logon.port = ServerAddress::kDefaultPort;
        // What the operator just confirmed is used as it is, even with an empty password.
        connectWith(target, logon, false);
    });
    dialog->open();
}
