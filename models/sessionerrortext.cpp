// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionerrortext.h"

using sc::ErrorKind;

QString SessionErrorText::message(
    const sc::SessionError &error, int timeoutSeconds, Operation operation)
{
    switch (error.kind()) {
    case ErrorKind::AccessDenied:
        if (operation == Operation::List) {
            //: "Samba" is a product name. BUILTIN\\Administrators is a group name the
            //: administrator sees on the server: do not translate it.
            return tr("Access denied: listing sessions needs administrator rights on the server "
                      "(on Samba: membership of BUILTIN\\Administrators).");
        }
        if (operation == Operation::End) {
            //: "Samba" is a product name. BUILTIN\\Administrators and Domain Admins are group
            //: names the administrator sees on the server: do not translate them.
            return tr("Access denied: ending sessions needs administrator rights on the server "
                      "(on Samba: membership of BUILTIN\\Administrators, and root or Domain "
                      "Admins). Samba also answers \"access denied\" when a request to end "
                      "sessions matched no session.");
        }
        //: "Samba" is a product name. BUILTIN\\Administrators and Domain Admins are group names
        //: the administrator sees on the server: do not translate them.
        return tr("Access denied: listing or ending sessions needs administrator rights on the "
                  "server (on Samba: membership of BUILTIN\\Administrators; ending sessions also "
                  "needs root or Domain Admins). Samba also answers \"access denied\" when a "
                  "request to end sessions matched no session.");
    case ErrorKind::InvalidParameter:
        return tr("The server rejected a name or option of the request as invalid. Check the "
                  "client and user names.");
    case ErrorKind::InvalidLevel:
        //: "auto" is a literal option value: keep it untranslated.
        return tr("The server does not provide this information level. Use the level \"auto\" "
                  "to let the program pick the richest one it supports.");
    case ErrorKind::UserNotFound:
        return tr("No session of this user was found on the server.");
    case ErrorKind::ClientNameNotFound:
        //: "Client computer" is the machine a user connects from.
        return tr("No session from this client computer was found on the server.");
    case ErrorKind::SessionNotFound:
        return tr("No session matches this client computer and user.");
    case ErrorKind::InvalidComputer:
        return tr("The server name is not valid, or that computer is not a file server.");
    case ErrorKind::ServerNotStarted:
        //: "Server service" is the Windows service name (LanmanServer); srvsvc is a pipe name.
        return tr("The Server service is not running on that computer (it offers no srvsvc "
                  "pipe), so its sessions cannot be listed.");
    case ErrorKind::LogonFailure:
        return tr("Logon failed: wrong user name or password, or the account is disabled, locked "
                  "or expired.");
    case ErrorKind::NoCredentials:
        //: "kinit" is a command name.
        return tr("No credentials: Kerberos was requested but there is no Kerberos ticket. Run "
                  "kinit (or log on to the domain again), or use Connect As with a password.");
    case ErrorKind::KerberosTicketExpired:
        //: "kinit" is a command name.
        return tr("Your Kerberos ticket has expired. Run kinit to get a new one, or use Connect "
                  "As with a password.");
    case ErrorKind::KerberosNeedsServerName:
        return tr("Kerberos cannot be used with a server address: the ticket is issued for the "
                  "server's name. Enter the server's full DNS name (for example "
                  "fileserver.example.com) instead of its IP address.");
    case ErrorKind::KerberosUnknownServer:
        //: "cifs/NAME" is a Kerberos service principal name: keep it untranslated.
        return tr("The domain knows no Kerberos service (cifs/NAME) for this server name, so no "
                  "ticket can be issued for it. Use the server's own full DNS name rather than "
                  "an alias, or ask the domain administrator to register the name.");
    case ErrorKind::KerberosClockSkew:
        return tr("The clock of this computer differs too much from the domain's (Kerberos "
                  "allows 5 minutes). Correct the date, time and time zone, or synchronise with "
                  "the domain's time server.");
    case ErrorKind::KerberosRealmUnreachable:
        //: KDC: Key Distribution Center, the Kerberos service of a domain controller.
        return tr("No domain controller (KDC) of your Kerberos realm could be reached, so no "
                  "ticket for the server could be obtained. Check the network connection to the "
                  "domain and the Kerberos configuration, or use Connect As with a password.");
    case ErrorKind::HostNotFound:
        return tr("The server name could not be resolved. Check its spelling and the DNS "
                  "settings.");
    case ErrorKind::Unreachable:
        return tr("The server cannot be reached: there is no route to it. Check the network "
                  "connection and the server address.");
    case ErrorKind::ConnectionRefused:
        //: 445 is the SMB port number.
        return tr("The server refused the connection: nothing listens on that port. Check the "
                  "server name and port (SMB uses 445) and that the file server is running.");
    case ErrorKind::Timeout:
        if (timeoutSeconds > 0) {
            return tr("The server did not answer within %n second(s). It may be overloaded, or "
                      "a firewall drops the traffic. Try again later.",
                nullptr, timeoutSeconds);
        }
        return tr("The server did not answer in time. It may be overloaded, or a firewall drops "
                  "the traffic. Try again later.");
    case ErrorKind::ConnectionLost:
        return tr("The connection to the server broke during the request. Try again.");
    case ErrorKind::MalformedReply:
        return tr("The server's answer could not be read; it was discarded and nothing was "
                  "changed because of it.");
    case ErrorKind::ProtocolError:
        return tr("The server reported a protocol error for this request.");
    case ErrorKind::NotSupported:
        return tr("This operation is not supported by this server or by this build of the "
                  "program.");
    case ErrorKind::FileNotFound:
        return tr("No file with this id is open on the server; it may have been closed "
                  "already.");
    case ErrorKind::WorkerUnavailable:
        //: sessionconsole-rpcworker is a program name: keep it untranslated.
        return tr("The console could not start its worker process for server connections "
                  "(sessionconsole-rpcworker). The installation may be incomplete, or the "
                  "computer may be out of memory or processes. Reinstall the program, or ask "
                  "your administrator.");
    case ErrorKind::Other:
        break;
    }
    return tr("The operation failed with an unexpected error.");
}

QString SessionErrorText::codeText(const sc::SessionError &error)
{
    const QString core = QString::fromStdString(error.codeText());
    if (core.isEmpty()) {
        if (error.codeSpace() == sc::CodeSpace::None)
            return {};
        if (error.codeSpace() == sc::CodeSpace::Win32)
            return QString::number(error.code());
        return QStringLiteral("0x%1").arg(error.code(), 8, 16, QLatin1Char('0'));
    }
    // The core writes "NAME (number)"; inside our own parentheses "NAME, number" reads better
    // than nested parentheses.
    if (core.endsWith(QLatin1Char(')'))) {
        const qsizetype open = core.lastIndexOf(QLatin1String(" ("));
        if (open > 0) {
            return core.left(open) + QLatin1String(", ")
                + core.mid(open + 2, core.size() - open - 3);
        }
    }
    return core;
}

QString SessionErrorText::text(
    const sc::SessionError &error, int timeoutSeconds, Operation operation)
{
    QString result = message(error, timeoutSeconds, operation);
    const QString code = codeText(error);
    if (!code.isEmpty())
        result += QLatin1String(" (") + code + QLatin1Char(')');

    switch (error.kind()) {
    case ErrorKind::MalformedReply:
    case ErrorKind::ProtocolError:
    case ErrorKind::NotSupported:
    case ErrorKind::InvalidParameter:
    case ErrorKind::WorkerUnavailable:
    case ErrorKind::Other:
        if (!error.detail().empty()) {
            //: %1 is an English technical description, e.g. which field of a reply was wrong.
            result += QLatin1Char(' ')
                + tr("Technical detail: %1").arg(QString::fromStdString(error.detail()));
        }
        break;
    default:
        break;
    }
    return result;
}
