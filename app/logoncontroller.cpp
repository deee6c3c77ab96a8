// SPDX-License-Identifier: GPL-3.0-or-later
#include "logoncontroller.h"

#include "auditlog.h"
#include "connectdialog.h"
#include "nameequality.h"
#include "passwordkeyring.h"
#include "serveraddress.h"
#include "serverconnection.h"
#include "settingskeys.h"

#include <QComboBox>
#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace {

// The name a server is shown and compared by ("fs01", "fs01:1445"); empty for no server.
QString displayOf(const QString &server)
{
    const ServerAddress address = ServerAddress::parse(server);
    if (address.host.isEmpty())
        return {};
    return ServerAddress::displayName(
        address.host, address.port.value_or(ServerAddress::kDefaultPort));
}

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

void LogonController::loadSettings(QSettings &settings)
{
    m_logon.domain = settings.value(SettingsKeys::LogonDomain).toString().toStdString();
    m_logon.user = settings.value(SettingsKeys::LogonUser).toString().toStdString();
    m_logon.kerberos = settings.value(SettingsKeys::LogonKerberos, false).toBool();
    m_logon.requireSealing = settings.value(SettingsKeys::RequireSealing, false).toBool();
    m_rememberPassword = settings.value(SettingsKeys::RememberPassword, false).toBool();
    m_overrides = ServerListStore::loadAccounts(settings);
}

void LogonController::saveSettings(QSettings &settings, const QStringList &servers) const
{
    settings.setValue(SettingsKeys::LogonDomain, QString::fromStdString(m_logon.domain));
    settings.setValue(SettingsKeys::LogonUser, QString::fromStdString(m_logon.user));
    settings.setValue(SettingsKeys::LogonKerberos, m_logon.kerberos);
    settings.setValue(SettingsKeys::RequireSealing, m_logon.requireSealing);
    settings.setValue(SettingsKeys::RememberPassword, m_rememberPassword);
    // A server no longer watched takes its account with it.
    QList<ServerListStore::Account> kept;
    for (const ServerListStore::Account &account : m_overrides) {
        if (std::any_of(servers.cbegin(), servers.cend(),
                [&](const QString &server) { return sc::namesEqual(server, account.server); }))
            kept.append(account);
    }
    ServerListStore::saveAccounts(settings, kept);
}

void LogonController::setRequireSealing(bool require)
{
    m_logon.requireSealing = require;
}

void LogonController::connectToServer(const QString &server, bool listIfCancelled)
{
    const QString display = displayOf(server);
    if (display.isEmpty())
        return;
    const bool shared = overrideIndex(display) < 0;
    sc::ConnectionOptions logon = accountFor(display);
    logon.port = ServerAddress::kDefaultPort;
    connectWith(server, logon, true, shared, listIfCancelled);
}

void LogonController::connectToServer(const QString &server, const sc::ConnectionOptions &logon)
{
    connectWith(server, logon, true, true, true);
}

void LogonController::useSharedAccount(const QString &server)
{
    const QString display = displayOf(server);
    const qsizetype index = overrideIndex(display);
    if (index < 0)
        return;
    m_overrides.removeAt(index);
    Q_EMIT accountOverrideChanged(display, QString());
    connectToServer(display, true);
}

QString LogonController::accountOverride(const QString &server) const
{
    const qsizetype index = overrideIndex(displayOf(server));
    if (index < 0)
        return {};
    const ServerListStore::Account &account = m_overrides.at(index);
    return AuditLog::accountName(account.domain, account.user);
}

void LogonController::forgetServer(const QString &server)
{
    const QString display = displayOf(server);
    if (const qsizetype index = overrideIndex(display); index >= 0)
        m_overrides.removeAt(index);
    m_waiting.removeIf([&](const Waiting &w) { return sc::namesEqual(w.server, display); });
    m_keyringReads.remove(display);
}

sc::ConnectionOptions LogonController::accountFor(const QString &server) const
{
    sc::ConnectionOptions logon = m_logon;
    logon.password.wipe();
    if (const qsizetype index = overrideIndex(server); index >= 0) {
        const ServerListStore::Account &account = m_overrides.at(index);
        logon.domain = account.domain.toStdString();
        logon.user = account.user.toStdString();
        logon.kerberos = account.kerberos;
    }
    return logon;
}

qsizetype LogonController::overrideIndex(const QString &server) const
{
    if (server.isEmpty())
        return -1;
    for (qsizetype i = 0; i < m_overrides.size(); ++i) {
        // Windows compares server names as it compares user names.
        if (sc::namesEqual(m_overrides.at(i).server, server))
            return i;
    }
    return -1;
}

void LogonController::setOverride(const QString &server, const sc::ConnectionOptions &account)
{
    ServerListStore::Account own;
    own.server = server;
    own.domain = QString::fromStdString(account.domain);
    own.user = QString::fromStdString(account.user);
    own.kerberos = account.kerberos;
    if (const qsizetype index = overrideIndex(server); index >= 0)
        m_overrides[index] = own;
    else
        m_overrides.append(own);
    Q_EMIT accountOverrideChanged(server, AuditLog::accountName(own.domain, own.user));
}

void LogonController::connectWith(const QString &server, const sc::ConnectionOptions &logon,
    bool askIfIncomplete, bool shared, bool listIfCancelled)
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

    if (shared) {
        m_logon = logon;
        m_logon.host.clear();
        m_logon.port = ServerAddress::kDefaultPort;
    }
    Q_EMIT serverNamed(display);
    if (!hasAccount && askIfIncomplete && m_rememberPassword && !logon.kerberos
        && !logon.user.empty() && PasswordKeyring::isCompiledIn()) {
        // The keyring may have the password; ask the operator only if it has none. Each
        // server waits for its own answer: several are read at once at start.
        const quint64 read = ++m_keyringRead;
        m_keyringReads.insert(display, read);
        m_keyring->read(AuditLog::accountName(QString::fromStdString(logon.domain),
                            QString::fromStdString(logon.user)),
            this,
            [this, read, server, logon, display, shared, listIfCancelled](
                std::optional<sc::SecretString> password) {
                if (m_keyringReads.value(display) != read)
                    return; // the operator has moved on
                m_keyringReads.remove(display);
                if (!password || password->empty()) {
                    askForPassword(display, logon, shared, listIfCancelled);
                    return;
                }
                sc::ConnectionOptions remembered = logon;
                remembered.password = std::move(*password);
                connectWith(server, remembered, false, shared, listIfCancelled);
            });
        return;
    }
    m_keyringReads.remove(display);
    if (!hasAccount) {
        askForPassword(display, logon, shared, listIfCancelled);
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

void LogonController::askForPassword(
    const QString &server, const sc::ConnectionOptions &logon, bool shared, bool listIfCancelled)
{
    if (!shared) {
        openDialog(server, logon, Purpose::ServerPassword, listIfCancelled);
        return;
    }
    // One dialog for the shared account, however many servers wait for it.
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
        [&](const Waiting &w) { return sc::namesEqual(w.server, server); });
    if (it == m_waiting.end())
        m_waiting.append({server, listIfCancelled});
    else
        it->listIfCancelled = it->listIfCancelled || listIfCancelled;
    if (m_sharedDialog) {
        m_sharedDialog->setServer(sharedServerText());
        return;
    }
    openDialog(sharedServerText(), logon, Purpose::SharedPassword, listIfCancelled);
}

QString LogonController::sharedServerText() const
{
    QStringList servers;
    for (const Waiting &waiting : m_waiting)
        servers.append(waiting.server);
    return QLocale().createSeparatedList(servers);
}

void LogonController::listWithoutPassword(const QString &server)
{
    ServerConnection *connection = m_resolver ? m_resolver(server) : m_connection;
    if (connection)
        connection->setNoPassword(server);
}

void LogonController::showConnectAsDialog(const QString &server)
{
    const QString display = displayOf(server);
    openDialog(server, accountFor(display), Purpose::ConnectAs, false);
}

void LogonController::openDialog(const QString &server, const sc::ConnectionOptions &account,
    Purpose purpose, bool listIfCancelled)
{
    auto *dialog = new ConnectDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServer(server);
    dialog->setDomain(QString::fromStdString(account.domain));
    dialog->setUser(QString::fromStdString(account.user));
    dialog->setUseKerberos(account.kerberos);
    dialog->setRequireSealing(m_logon.requireSealing);
    dialog->setRememberPasswordAvailable(m_keyring->isAvailable());
    dialog->setRememberPassword(m_rememberPassword);
    if (purpose == Purpose::SharedPassword)
        m_sharedDialog = dialog;
    connect(m_keyring, &PasswordKeyring::availabilityChanged, dialog,
        &ConnectDialog::setRememberPasswordAvailable);
    connect(dialog, &QDialog::rejected, this, [this, server, purpose, listIfCancelled] {
        // Nothing was tried: the servers that waited stay listed, as not connected.
        if (purpose == Purpose::SharedPassword) {
            const QList<Waiting> waiting = std::exchange(m_waiting, {});
            for (const Waiting &w : waiting) {
                if (w.listIfCancelled)
                    listWithoutPassword(w.server);
            }
        } else if (purpose == Purpose::ServerPassword && listIfCancelled) {
            listWithoutPassword(server);
        }
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, server, purpose] {
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
        logon.port = ServerAddress::kDefaultPort;
        // Sealing is one choice for every server.
        m_logon.requireSealing = logon.requireSealing;
        // What the operator just confirmed is used as it is, even with an empty password.
        if (purpose == Purpose::SharedPassword) {
            // Every server that waited for the shared account connects with this answer.
            const QList<Waiting> waiting = std::exchange(m_waiting, {});
            if (waiting.isEmpty())
                m_logon = logon;
            for (const Waiting &w : waiting) {
                // One given an account of its own meanwhile was connected with that.
                if (overrideIndex(w.server) < 0)
                    connectWith(w.server, logon, false, true, w.listIfCancelled);
            }
            logon.password.wipe();
            m_logon.password.wipe();
            return;
        }
        const QString target = server.isEmpty() ? m_serverField->currentText().trimmed() : server;
        if (target.isEmpty()) {
            m_logon = logon;
            m_logon.password.wipe();
            return;
        }
        const QString display = displayOf(target);
        const bool sameAsShared = logon.domain == m_logon.domain && logon.user == m_logon.user
            && logon.kerberos == m_logon.kerberos;
        // On one of several servers (or one with an account of its own already), another
        // account is that server's alone; the shared one ends its own.
        const bool own = purpose == Purpose::ServerPassword
            || (!sameAsShared
                && (overrideIndex(display) >= 0
                    || (m_sharedWithOthers && m_sharedWithOthers(display))));
        if (own) {
            setOverride(display, logon);
        } else if (overrideIndex(display) >= 0) {
            m_overrides.removeAt(overrideIndex(display));
            Q_EMIT accountOverrideChanged(display, QString());
        }
        connectWith(target, logon, false, !own, false);
        logon.password.wipe();
    });
    dialog->open();
}
