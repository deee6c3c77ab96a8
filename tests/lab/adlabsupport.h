// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labsupport.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

/// The Active Directory lab a ctest fixture started (tests/lab/adlab.sh), read from
/// $SC_ADLAB_DIR/adlab.env: a Samba domain controller on 127.0.0.1 with domain users, its own
/// krb5.conf and ticket caches, and its names in an nss_wrapper hosts file.
class AdLab
{
public:
    static AdLab fromEnvironment();
    bool isValid() const { return !m_fqdn.isEmpty(); }
    QString errorString() const { return m_error; }

    /// The DC's full name (dc1.lab.test), the name its cifs/ service principal has.
    QString fqdn() const { return m_fqdn; }
    /// Another name of the DC (files.lab.test) that has no service principal.
    QString alias() const { return m_alias; }
    QString address() const { return m_address; }
    QString realm() const { return m_realm; }
    /// NetBIOS domain name (LAB).
    QString domain() const { return m_domain; }
    /// In Domain Admins: lists and ends sessions.
    QString helpdeskUser() const { return m_helpdesk; }
    /// In BUILTIN\Administrators only: lists sessions, may not end them.
    QString viewerUser() const { return m_viewer; }
    /// Plain domain users (maría, jörg).
    QStringList plainUsers() const { return m_plainUsers; }
    /// @p name if the lab has a plain user of that name, else empty.
    QString plainUser(const QString &name) const
    {
        return m_plainUsers.contains(name) ? name : QString();
    }
    QString passwordFile(const QString &user) const;
    QString password(const QString &user) const;
    QString krb5Config() const { return m_krb5Config; }
    QString labDir() const { return m_dir; }

    /// Gets a ticket for @p user into the FILE cache @p cachePath (kinit with the user's
    /// password), valid for @p lifetime ("10h", "5s"; empty: the realm's default).
    bool kinit(const QString &user, const QString &cachePath, const QString &lifetime = {}) const;
    /// The environment of a process that uses the lab: its names (nss_wrapper), its
    /// krb5.conf and the ticket cache @p cachePath (none when empty: an empty cache).
    QProcessEnvironment environment(const QString &cachePath) const;

    /// Holds @p count sessions of @p user: over Kerberos (a ticket of its own, the DC by name)
    /// or NTLM as DOMAIN\user with the password. @p extra goes to sc-loadgen as it is (e.g.
    /// --open-files K).
    std::unique_ptr<LoadGenerator> hold(const QString &user, int count, bool kerberos,
        const QStringList &extra = {}, int timeoutMs = 60000) const;

private:
    QString m_dir;
    QString m_fqdn;
    QString m_alias;
    QString m_address;
    QString m_realm;
    QString m_domain;
    QString m_helpdesk;
    QString m_viewer;
    QStringList m_plainUsers;
    QString m_passwordDir;
    QString m_krb5Config;
    QString m_hosts;
    QString m_nssWrapper;
    QString m_script;
    mutable QString m_error;
};
