// SPDX-License-Identifier: GPL-3.0-or-later
// The classification tables: which server code means which ErrorKind, how codes print, and
// the stable ids and messages each kind has.

#include "sessionerror.h"

#include <QSet>
#include <QtTest>

#include <cstdint>
#include <string>

using sc::CodeSpace;
using sc::ErrorKind;
using sc::SessionError;

Q_DECLARE_METATYPE(sc::ErrorKind)

namespace {

// Every enumerator, in declaration order (allKindsAreListed() checks that).
const ErrorKind kAllKinds[] = {
    ErrorKind::AccessDenied,
    ErrorKind::InvalidParameter,
    ErrorKind::InvalidLevel,
    ErrorKind::UserNotFound,
    ErrorKind::ClientNameNotFound,
    ErrorKind::InvalidComputer,
    ErrorKind::ServerNotStarted,
    ErrorKind::SessionNotFound,
    ErrorKind::LogonFailure,
    ErrorKind::NoCredentials,
    ErrorKind::HostNotFound,
    ErrorKind::Unreachable,
    ErrorKind::ConnectionRefused,
    ErrorKind::Timeout,
    ErrorKind::ConnectionLost,
    ErrorKind::MalformedReply,
    ErrorKind::ProtocolError,
    ErrorKind::NotSupported,
    ErrorKind::FileNotFound,
    ErrorKind::KerberosTicketExpired,
    ErrorKind::KerberosNeedsServerName,
    ErrorKind::KerberosUnknownServer,
    ErrorKind::KerberosClockSkew,
    ErrorKind::KerberosRealmUnreachable,
    ErrorKind::WorkerUnavailable,
    ErrorKind::Other,
};

} // namespace

class TestSessionError : public QObject
{
    Q_OBJECT

private slots:
    void win32_data();
    void win32();
    void ntStatus_data();
    void ntStatus();
    void rpcFault_data();
    void rpcFault();
    void kerberos_data();
    void kerberos();
    void credentialProblemsOfferAnotherLogon();
    void localErrorsHaveNoCode();
    void detailIsKept();
    void equalityComparesEverything();
    void kindIds_data();
    void kindIds();
    void kindIdsAreUniqueAndStable();
    void messagesAreOneSentenceEach();
    void accessDeniedExplainsSambaDelete();
    void allKindsAreListed();
};

void TestSessionError::win32_data()
{
    QTest::addColumn<quint32>("code");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("text");

    QTest::newRow("access denied") << 5u << ErrorKind::AccessDenied << "ERROR_ACCESS_DENIED (5)";
    QTest::newRow("file not found") << 2u << ErrorKind::FileNotFound << "ERROR_FILE_NOT_FOUND (2)";
    QTest::newRow("invalid parameter")
        << 87u << ErrorKind::InvalidParameter << "ERROR_INVALID_PARAMETER (87)";
    QTest::newRow("invalid level")
        << 124u << ErrorKind::InvalidLevel << "ERROR_INVALID_LEVEL (124)";
    QTest::newRow("logon failure")
        << 1326u << ErrorKind::LogonFailure << "ERROR_LOGON_FAILURE (1326)";
    QTest::newRow("server not started")
        << 2114u << ErrorKind::ServerNotStarted << "NERR_ServerNotStarted (2114)";
    QTest::newRow("user not found")
        << 2221u << ErrorKind::UserNotFound << "NERR_UserNotFound (2221)";
    QTest::newRow("client not found")
        << 2312u << ErrorKind::ClientNameNotFound << "NERR_ClientNameNotFound (2312)";
    QTest::newRow("invalid computer")
        << 2351u << ErrorKind::InvalidComputer << "NERR_InvalidComputer (2351)";
    QTest::newRow("bad netpath") << 53u << ErrorKind::HostNotFound << "ERROR_BAD_NETPATH (53)";
    QTest::newRow("bad net name") << 67u << ErrorKind::ServerNotStarted
                                  << "ERROR_BAD_NET_NAME (67)";
    QTest::newRow("connection refused")
        << 1225u << ErrorKind::ConnectionRefused << "ERROR_CONNECTION_REFUSED (1225)";
    QTest::newRow("host unreachable")
        << 1232u << ErrorKind::Unreachable << "ERROR_HOST_UNREACHABLE (1232)";
    QTest::newRow("rpc unavailable")
        << 1722u << ErrorKind::Unreachable << "RPC_S_SERVER_UNAVAILABLE (1722)";
    QTest::newRow("account disabled")
        << 1331u << ErrorKind::LogonFailure << "ERROR_ACCOUNT_DISABLED (1331)";
    QTest::newRow("locked out") << 1909u << ErrorKind::LogonFailure
                                << "ERROR_ACCOUNT_LOCKED_OUT (1909)";
    QTest::newRow("time skew") << 1398u << ErrorKind::KerberosClockSkew << "ERROR_TIME_SKEW (1398)";
    QTest::newRow("timeout") << 1460u << ErrorKind::Timeout << "ERROR_TIMEOUT (1460)";
    QTest::newRow("bad stub data")
        << 1783u << ErrorKind::ProtocolError << "RPC_X_BAD_STUB_DATA (1783)";
    QTest::newRow("more data is not an error kind")
        << 234u << ErrorKind::Other << "ERROR_MORE_DATA (234)";
    QTest::newRow("unknown") << 9999u << ErrorKind::Other << "Win32 error 9999";
}

void TestSessionError::win32()
{
    QFETCH(quint32, code);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, text);

    const SessionError e = SessionError::fromWin32(code);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.codeSpace(), CodeSpace::Win32);
    QCOMPARE(e.code(), std::uint32_t(code));
    QCOMPARE(QString::fromStdString(e.codeText()), text);
}

void TestSessionError::ntStatus_data()
{
    QTest::addColumn<quint32>("status");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("text");

    QTest::newRow("logon failure")
        << 0xC000006Du << ErrorKind::LogonFailure << "NT_STATUS_LOGON_FAILURE (0xc000006d)";
    QTest::newRow("wrong password")
        << 0xC000006Au << ErrorKind::LogonFailure << "NT_STATUS_WRONG_PASSWORD (0xc000006a)";
    QTest::newRow("no such user") << 0xC0000064u << ErrorKind::LogonFailure
                                  << "NT_STATUS_NO_SUCH_USER (0xc0000064)";
    QTest::newRow("account disabled")
        << 0xC0000072u << ErrorKind::LogonFailure << "NT_STATUS_ACCOUNT_DISABLED (0xc0000072)";
    QTest::newRow("account locked out")
        << 0xC0000234u << ErrorKind::LogonFailure << "NT_STATUS_ACCOUNT_LOCKED_OUT (0xc0000234)";
    QTest::newRow("account expired")
        << 0xC0000193u << ErrorKind::LogonFailure << "NT_STATUS_ACCOUNT_EXPIRED (0xc0000193)";
    QTest::newRow("password expired")
        << 0xC0000071u << ErrorKind::LogonFailure << "NT_STATUS_PASSWORD_EXPIRED (0xc0000071)";
    QTest::newRow("access denied")
        << 0xC0000022u << ErrorKind::AccessDenied << "NT_STATUS_ACCESS_DENIED (0xc0000022)";
    QTest::newRow("refused") << 0xC0000236u << ErrorKind::ConnectionRefused
                             << "NT_STATUS_CONNECTION_REFUSED (0xc0000236)";
    QTest::newRow("host unreachable")
        << 0xC000023Du << ErrorKind::Unreachable << "NT_STATUS_HOST_UNREACHABLE (0xc000023d)";
    QTest::newRow("network unreachable")
        << 0xC000023Cu << ErrorKind::Unreachable << "NT_STATUS_NETWORK_UNREACHABLE (0xc000023c)";
    QTest::newRow("timeout") << 0xC00000B5u << ErrorKind::Timeout
                             << "NT_STATUS_IO_TIMEOUT (0xc00000b5)";
    QTest::newRow("name not resolved")
        << 0xC00000BEu << ErrorKind::HostNotFound << "NT_STATUS_BAD_NETWORK_PATH (0xc00000be)";
    QTest::newRow("disconnected") << 0xC000020Cu << ErrorKind::ConnectionLost
                                  << "NT_STATUS_CONNECTION_DISCONNECTED (0xc000020c)";
    QTest::newRow("reset") << 0xC000020Du << ErrorKind::ConnectionLost
                           << "NT_STATUS_CONNECTION_RESET (0xc000020d)";
    QTest::newRow("pipe broken") << 0xC000014Bu << ErrorKind::ConnectionLost
                                 << "NT_STATUS_PIPE_BROKEN (0xc000014b)";
    QTest::newRow("end of file") << 0xC0000011u << ErrorKind::ConnectionLost
                                 << "NT_STATUS_END_OF_FILE (0xc0000011)";
    QTest::newRow("session deleted") << 0xC0000203u << ErrorKind::ConnectionLost
                                     << "NT_STATUS_USER_SESSION_DELETED (0xc0000203)";
    QTest::newRow("no srvsvc pipe") << 0xC0000034u << ErrorKind::ServerNotStarted
                                    << "NT_STATUS_OBJECT_NAME_NOT_FOUND (0xc0000034)";
    QTest::newRow("no IPC$") << 0xC00000CCu << ErrorKind::ServerNotStarted
                             << "NT_STATUS_BAD_NETWORK_NAME (0xc00000cc)";
    QTest::newRow("no ticket") << 0xC000005Fu << ErrorKind::NoCredentials
                               << "NT_STATUS_NO_SUCH_LOGON_SESSION (0xc000005f)";
    QTest::newRow("clock skew") << 0xC0000133u << ErrorKind::KerberosClockSkew
                                << "NT_STATUS_TIME_DIFFERENCE_AT_DC (0xc0000133)";
    QTest::newRow("not supported")
        << 0xC00000BBu << ErrorKind::NotSupported << "NT_STATUS_NOT_SUPPORTED (0xc00000bb)";
    QTest::newRow("invalid parameter")
        << 0xC000000Du << ErrorKind::InvalidParameter << "NT_STATUS_INVALID_PARAMETER (0xc000000d)";
    QTest::newRow("rpc opnum") << 0xC002002Eu << ErrorKind::ProtocolError
                               << "NT_STATUS_RPC_PROCNUM_OUT_OF_RANGE (0xc002002e)";
    QTest::newRow("rpc facility, unlisted")
        << 0xC0020999u << ErrorKind::ProtocolError << "NTSTATUS 0xc0020999";
    QTest::newRow("rpc ndr facility, unlisted")
        << 0xC0030999u << ErrorKind::ProtocolError << "NTSTATUS 0xc0030999";
    QTest::newRow("unknown") << 0xC0001234u << ErrorKind::Other << "NTSTATUS 0xc0001234";
}

void TestSessionError::ntStatus()
{
    QFETCH(quint32, status);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, text);

    const SessionError e = SessionError::fromNtStatus(status);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.codeSpace(), CodeSpace::NtStatus);
    QCOMPARE(e.code(), std::uint32_t(status));
    QCOMPARE(QString::fromStdString(e.codeText()), text);
}

void TestSessionError::rpcFault_data()
{
    QTest::addColumn<quint32>("fault");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("text");

    QTest::newRow("opnum out of range")
        << 0x1C010002u << ErrorKind::ProtocolError << "nca_s_op_rng_error (0x1c010002)";
    QTest::newRow("access denied")
        << 5u << ErrorKind::AccessDenied << "rpc_s_access_denied (0x00000005)";
    QTest::newRow("unknown interface")
        << 0x1C010003u << ErrorKind::ServerNotStarted << "nca_s_unk_if (0x1c010003)";
    QTest::newRow("bad stub data")
        << 0x6F7u << ErrorKind::ProtocolError << "rpc_x_bad_stub_data (0x000006f7)";
    QTest::newRow("unknown") << 0x1C00ABCDu << ErrorKind::ProtocolError
                             << "DCE/RPC fault 0x1c00abcd";
}

void TestSessionError::rpcFault()
{
    QFETCH(quint32, fault);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, text);

    const SessionError e = SessionError::fromRpcFault(fault);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.codeSpace(), CodeSpace::RpcFault);
    QCOMPARE(e.code(), std::uint32_t(fault));
    QCOMPARE(QString::fromStdString(e.codeText()), text);
}

void TestSessionError::kerberos_data()
{
    QTest::addColumn<qint32>("code");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("text");

    // com_err values of MIT krb5.h (Heimdal uses the same).
    QTest::newRow("unknown SPN") << qint32(-1765328377) << ErrorKind::KerberosUnknownServer
                                 << "KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN (-1765328377)";
    QTest::newRow("skew") << qint32(-1765328347) << ErrorKind::KerberosClockSkew
                          << "KRB5KRB_AP_ERR_SKEW (-1765328347)";
    QTest::newRow("expired") << qint32(-1765328352) << ErrorKind::KerberosTicketExpired
                             << "KRB5KRB_AP_ERR_TKT_EXPIRED (-1765328352)";
    QTest::newRow("KDC unreachable") << qint32(-1765328228) << ErrorKind::KerberosRealmUnreachable
                                     << "KRB5_KDC_UNREACH (-1765328228)";
    QTest::newRow("realm unresolvable")
        << qint32(-1765328164) << ErrorKind::KerberosRealmUnreachable
        << "KRB5_REALM_CANT_RESOLVE (-1765328164)";
    QTest::newRow("no cache") << qint32(-1765328189) << ErrorKind::NoCredentials
                              << "KRB5_FCC_NOFILE (-1765328189)";
    // Not singled out: the fallback kind, the bare number.
    QTest::newRow("other") << qint32(-1765328300) << ErrorKind::LogonFailure
                           << "Kerberos error -1765328300";
}

void TestSessionError::kerberos()
{
    QFETCH(qint32, code);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, text);
    const SessionError e = SessionError::fromKerberos(code, ErrorKind::LogonFailure, "d");
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.codeSpace(), CodeSpace::Kerberos);
    QCOMPARE(QString::fromStdString(e.codeText()), text);
    QCOMPARE(e.detail(), std::string("d"));
}

void TestSessionError::credentialProblemsOfferAnotherLogon()
{
    // Exactly the kinds another logon (a new ticket, the name, a password) can fix.
    QSet<ErrorKind> expected {ErrorKind::NoCredentials, ErrorKind::KerberosTicketExpired,
        ErrorKind::KerberosNeedsServerName, ErrorKind::KerberosUnknownServer,
        ErrorKind::KerberosClockSkew, ErrorKind::KerberosRealmUnreachable};
    for (ErrorKind kind : kAllKinds)
        QCOMPARE(sc::isCredentialProblem(kind), expected.contains(kind));
}

void TestSessionError::localErrorsHaveNoCode()
{
    const SessionError e = SessionError::local(ErrorKind::MalformedReply, "entry 3: bad offset");
    QCOMPARE(e.kind(), ErrorKind::MalformedReply);
    QCOMPARE(e.codeSpace(), CodeSpace::None);
    QCOMPARE(e.code(), 0u);
    QVERIFY(e.codeText().empty());
    QCOMPARE(QString::fromStdString(e.detail()), QStringLiteral("entry 3: bad offset"));

    const SessionError defaulted;
    QCOMPARE(defaulted.kind(), ErrorKind::Other);
    QCOMPARE(defaulted.codeSpace(), CodeSpace::None);
    QVERIFY(defaulted.codeText().empty());
}

void TestSessionError::detailIsKept()
{
    QCOMPARE(SessionError::fromWin32(5, "opnum 12").detail(), std::string("opnum 12"));
    QCOMPARE(SessionError::fromNtStatus(0xC000006D, "connect").detail(), std::string("connect"));
    QCOMPARE(SessionError::fromRpcFault(5, "fault").detail(), std::string("fault"));
}

void TestSessionError::equalityComparesEverything()
{
    const SessionError a = SessionError::fromWin32(5, "x");
    QVERIFY(a == SessionError::fromWin32(5, "x"));
    QVERIFY(!(a == SessionError::fromWin32(5, "y")));
    QVERIFY(!(a == SessionError::fromRpcFault(5, "x"))); // same kind and code, other space
    QVERIFY(!(a == SessionError::fromWin32(87, "x")));
}

void TestSessionError::kindIds_data()
{
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("id");

    QTest::newRow("access") << ErrorKind::AccessDenied << "access-denied";
    QTest::newRow("level") << ErrorKind::InvalidLevel << "invalid-level";
    QTest::newRow("logon") << ErrorKind::LogonFailure << "logon-failure";
    QTest::newRow("credentials") << ErrorKind::NoCredentials << "no-credentials";
    QTest::newRow("host") << ErrorKind::HostNotFound << "host-not-found";
    QTest::newRow("refused") << ErrorKind::ConnectionRefused << "connection-refused";
    QTest::newRow("timeout") << ErrorKind::Timeout << "timeout";
    QTest::newRow("lost") << ErrorKind::ConnectionLost << "connection-lost";
    QTest::newRow("server") << ErrorKind::ServerNotStarted << "server-not-started";
    QTest::newRow("file") << ErrorKind::FileNotFound << "file-not-found";
    QTest::newRow("worker") << ErrorKind::WorkerUnavailable << "worker-unavailable";
    QTest::newRow("other") << ErrorKind::Other << "other";
}

void TestSessionError::kindIds()
{
    QFETCH(ErrorKind, kind);
    QFETCH(QString, id);
    QCOMPARE(QString::fromLatin1(sc::errorKindId(kind)), id);
}

void TestSessionError::kindIdsAreUniqueAndStable()
{
    QSet<QString> ids;
    for (ErrorKind kind : kAllKinds) {
        const QString id = QString::fromLatin1(sc::errorKindId(kind));
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
        // Lower-case words joined by hyphens: safe as JSON values and shell arguments.
        static const QRegularExpression shape(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
    }
    QCOMPARE(ids.size(), int(std::size(kAllKinds)));
}

void TestSessionError::messagesAreOneSentenceEach()
{
    QSet<QString> messages;
    for (ErrorKind kind : kAllKinds) {
        const QString message = QString::fromStdString(SessionError::local(kind).message());
        QVERIFY2(!message.isEmpty(), sc::errorKindId(kind));
        QVERIFY2(message.front().isUpper(), qPrintable(message));
        QVERIFY2(message.endsWith(u'.'), qPrintable(message));
        QVERIFY2(!messages.contains(message), qPrintable(message));
        messages.insert(message);
    }
    // The message depends on the kind only, not on the code that produced it.
    QCOMPARE(
        SessionError::fromWin32(1326).message(), SessionError::fromNtStatus(0xC000006D).message());
}

void TestSessionError::accessDeniedExplainsSambaDelete()
{
    const QString message = QString::fromStdString(SessionError::fromWin32(5).message());
    QVERIFY(message.startsWith(QStringLiteral(
        "Access denied: listing and ending sessions needs administrator rights on the server")));
    QVERIFY(message.contains(QStringLiteral("Samba")));
}

void TestSessionError::allKindsAreListed()
{
    // Other is the last enumerator: a kind added before it must be added to kAllKinds too,
    // or the id and message checks above would not cover it.
    QCOMPARE(int(std::size(kAllKinds)), int(ErrorKind::Other) + 1);
    for (int i = 0; i < int(std::size(kAllKinds)); ++i) {
        QCOMPARE(int(kAllKinds[i]), i);
    }
}

QTEST_APPLESS_MAIN(TestSessionError)
#include "tst_sessionerror.moc"
