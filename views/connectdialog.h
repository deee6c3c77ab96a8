// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kerberoscache.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// "Connect as…": the account the console uses for the server. The password is only ever
/// held in the line edit while the dialog is open; the caller moves it into a SecretString
/// and the dialog clears the field when it closes.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setServer(const QString &server);
    void setDomain(const QString &domain);
    void setUser(const QString &user);
    void setUseKerberos(bool kerberos);
    void setRequireSealing(bool sealing);
    /// Shows the "remember password" option; hidden (and unchecked in effect) without a
    /// desktop keyring.
    void setRememberPasswordAvailable(bool available);
    void setRememberPassword(bool remember);

    QString domain() const;
    QString user() const;
    /// Read it once after exec() and do not keep the QString around.
    QString password() const;
    bool useKerberos() const;
    bool requireSealing() const;
    /// Checked, offered (a keyring is there) and not Kerberos.
    bool rememberPassword() const;

    /// Empties the password field (also done on close).
    void clearPassword();

    /// Shows whose Kerberos ticket would be used and until when. The dialog reads the cache
    /// itself on a thread of its own when it opens; this is where that result arrives.
    void setTicketInfo(const sc::KerberosTicketInfo &ticket);

protected:
    void done(int result) override;

private:
    void retranslateUi();
    void updateEnabled();
    void updateTicketText();
    void readTicketInBackground();

    QString m_server;
    QLabel *m_intro = nullptr;
    QLabel *m_domainLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_domain = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_kerberos = nullptr;
    QLabel *m_ticket = nullptr;
    std::optional<sc::KerberosTicketInfo> m_ticketInfo; ///< nullopt while being read
    QCheckBox *m_sealing = nullptr;
    QCheckBox *m_remember = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
