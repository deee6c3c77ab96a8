// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

class QSettings;

/// The watched servers as the console keeps them between runs: their names, in the order of
/// the server panel, in QSettings (the window saves and loads them with its other settings).
class ServerListStore
{
public:
    /// The account one server is connected as instead of the one shared by all servers:
    /// who, never a password.
    struct Account
    {
        QString server; ///< ServerAddress::displayName() spelling
        QString domain;
        QString user;
        bool kerberos = false;

        friend bool operator==(const Account &, const Account &) = default;
    };

    /// The saved names, in order. What is not a server name (ServerAddress::parseStrict()) or
    /// names a server already listed (ServerListFile's rule) is left out: the settings file
    /// is text a user may have edited.
    static QStringList load(const QSettings &settings);
    /// Saves @p names (ServerAddress::displayName() spellings) in this order, replacing the
    /// list saved before; an empty list is saved as such.
    static void save(QSettings &settings, const QStringList &names);
    /// The saved per-server accounts (Connect As on one server), in the saved order; entries
    /// without a server, or without a user and Kerberos, are left out.
    static QList<Account> loadAccounts(QSettings &settings);
    /// Saves @p accounts, replacing those saved before.
    static void saveAccounts(QSettings &settings, const QList<Account> &accounts);
};
