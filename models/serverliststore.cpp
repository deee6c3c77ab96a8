// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverliststore.h"

#include "serverlistfile.h"

#include <QSettings>

namespace {

// One string list under one key, next to the server field's history ("servers/history"):
// the order is the list's, and a hand-edited file stays readable.
const char kWatchedKey[] = "servers/watched";
// An array beside it: one entry per server with an account of its own. Who only; the
// password is never saved (it may be in the desktop keyring, filed under the account).
const char kAccountsKey[] = "servers/accounts";
const char kServerKey[] = "server";
const char kDomainKey[] = "domain";
const char kUserKey[] = "user";
const char kKerberosKey[] = "kerberos";

} // namespace

QStringList ServerListStore::load(const QSettings &settings)
{
    // The list file's reader applies the same rules as an imported list would get.
    return ServerListFile::parse(settings.value(kWatchedKey).toStringList().join(QLatin1Char('\n')))
        .names();
}

void ServerListStore::save(QSettings &settings, const QStringList &names)
{
    settings.setValue(kWatchedKey, names);
}

QList<ServerListStore::Account> ServerListStore::loadAccounts(QSettings &settings)
{
    QList<Account> accounts;
    const int count = settings.beginReadArray(kAccountsKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Account account;
        account.server = settings.value(kServerKey).toString().trimmed();
        account.domain = settings.value(kDomainKey).toString();
        account.user = settings.value(kUserKey).toString();
        account.kerberos = settings.value(kKerberosKey, false).toBool();
        if (!account.server.isEmpty() && (account.kerberos || !account.user.isEmpty()))
            accounts.append(account);
    }
    settings.endArray();
    return accounts;
}

void ServerListStore::saveAccounts(QSettings &settings, const QList<Account> &accounts)
{
    settings.remove(kAccountsKey);
    settings.beginWriteArray(kAccountsKey, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings.setArrayIndex(i);
        const Account &account = accounts.at(i);
        settings.setValue(kServerKey, account.server);
        settings.setValue(kDomainKey, account.domain);
        settings.setValue(kUserKey, account.user);
        settings.setValue(kKerberosKey, account.kerberos);
    }
    settings.endArray();
}
