// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverliststore.h"

#include "serverlistfile.h"
#include "settingskeys.h"

#include <QSettings>

QStringList ServerListStore::load(const QSettings &settings)
{
    // The list file's reader applies the same rules as an imported list would get.
    return ServerListFile::parse(
        settings.value(SettingsKeys::WatchedServers).toStringList().join(QLatin1Char('\n')))
        .names();
}

void ServerListStore::save(QSettings &settings, const QStringList &names)
{
    settings.setValue(SettingsKeys::WatchedServers, names);
}

QList<ServerListStore::Account> ServerListStore::loadAccounts(QSettings &settings)
{
    QList<Account> accounts;
    const int count = settings.beginReadArray(SettingsKeys::ServerAccounts);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Account account;
        account.server = settings.value(SettingsKeys::AccountServer).toString().trimmed();
        account.domain = settings.value(SettingsKeys::AccountDomain).toString();
        account.user = settings.value(SettingsKeys::AccountUser).toString();
        account.kerberos = settings.value(SettingsKeys::AccountKerberos, false).toBool();
        if (!account.server.isEmpty() && (account.kerberos || !account.user.isEmpty()))
            accounts.append(account);
    }
    settings.endArray();
    return accounts;
}

void ServerListStore::saveAccounts(QSettings &settings, const QList<Account> &accounts)
{
    settings.remove(SettingsKeys::ServerAccounts);
    settings.beginWriteArray(SettingsKeys::ServerAccounts, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings.setArrayIndex(i);
        const Account &account = accounts.at(i);
        settings.setValue(SettingsKeys::AccountServer, account.server);
        settings.setValue(SettingsKeys::AccountDomain, account.domain);
        settings.setValue(SettingsKeys::AccountUser, account.user);
        settings.setValue(SettingsKeys::AccountKerberos, account.kerberos);
    }
    settings.endArray();
}
