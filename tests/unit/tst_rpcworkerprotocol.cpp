// SPDX-License-Identifier: GPL-3.0-or-later
// The messages between SambaRpcTransport and its worker process: what one side encodes the
// other decodes unchanged, and nothing malformed decodes (sizes, flags, strings, leftovers).

#include "ndrvectors.h"
#include "rpcworkerprotocol.h"

#include <QTest>

#include <cstring>

using namespace sc::rpcworker;

namespace {

Bytes payloadOf(const Bytes &frame)
{
    return Bytes(frame.begin() + kHeaderSize, frame.end());
}

} // namespace

class TestRpcWorkerProtocol : public QObject
{
    Q_OBJECT

private slots:
    void headerSizeIsChecked();
    void connectRoundTrip();
    void callRoundTrip();
    void repliesRoundTrip();
    void malformedPayloadsAreRejected_data();
    void malformedPayloadsAreRejected();
    void fuzzCorpusDecodes();
};

void TestRpcWorkerProtocol::headerSizeIsChecked()
{
    const std::uint8_t zero[kHeaderSize] = {0, 0, 0, 0};
    const std::uint8_t one[kHeaderSize] = {1, 0, 0, 0};
    const std::uint8_t huge[kHeaderSize] = {0xff, 0xff, 0xff, 0xff};
    const std::uint8_t justOver[kHeaderSize] = {1, 0, 0, 4}; // 64 MiB + 1
    QVERIFY(!payloadSize(zero));
    QCOMPARE(payloadSize(one).value_or(0), 1u);
    QVERIFY(!payloadSize(huge));
    QVERIFY(!payloadSize(justOver));
}

void TestRpcWorkerProtocol::connectRoundTrip()
{
    sc_samba_params params {};
    params.host = "fs01.example.org";
    params.port = 445;
    params.domain = "EXAMPLE";
    params.user = "jürgen";
    params.password = "correct horse";
    params.require_signing = 1;
    params.connect_timeout_ms = 3000;
    params.call_timeout_ms = 8000;
    const Bytes frame = encodeConnect(params);
    // Sized exactly up front: no reallocation left a copy of the password behind.
    QCOMPARE(frame.capacity(), frame.size());
    const Bytes payload = payloadOf(frame);
    const std::optional<sc_samba_params> decoded = decodeConnect(payload);
    QVERIFY(decoded);
    QCOMPARE(decoded->host, "fs01.example.org");
    QCOMPARE(decoded->port, std::uint16_t(445));
    QCOMPARE(decoded->domain, "EXAMPLE");
    QCOMPARE(decoded->user, "jürgen");
    QCOMPARE(decoded->password, "correct horse");
    QCOMPARE(decoded->kerberos, 0);
    QCOMPARE(decoded->require_signing, 1);
    QCOMPARE(decoded->require_sealing, 0);
    QCOMPARE(decoded->connect_timeout_ms, 3000u);
    QCOMPARE(decoded->call_timeout_ms, 8000u);
    // The strings point into the payload: wiping it wipes the password.
    QVERIFY(decoded->password >= reinterpret_cast<const char *>(payload.data())
        && decoded->password < reinterpret_cast<const char *>(payload.data() + payload.size()));
}

void TestRpcWorkerProtocol::callRoundTrip()
{
    const std::uint8_t stub[] = {1, 2, 3, 4, 5};
    // The stub points into the payload, which must outlive it.
    const Bytes payload = payloadOf(encodeCall(12, stub, 5));
    const std::optional<CallRequest> call = decodeCall(payload);
    QVERIFY(call);
    QCOMPARE(call->opnum, std::uint16_t(12));
    QCOMPARE(call->size, std::size_t(5));
    QVERIFY(std::memcmp(call->stub, stub, 5) == 0);
}

void TestRpcWorkerProtocol::repliesRoundTrip()
{
    sc_samba_security security {};
    security.signing = 1;
    std::strcpy(security.protocol, "SMB3_11");
    std::strcpy(security.local_address, "127.0.0.1");
    const auto ok = decodeConnectReply(payloadOf(encodeConnectReply(0, security, {})));
    QVERIFY(ok && ok->ok);
    QCOMPARE(ok->security.signing, 1);
    QCOMPARE(ok->security.protocol, "SMB3_11");
    QCOMPARE(ok->security.local_address, "127.0.0.1");

    sc_samba_error error {};
    error.ntstatus = 0xC000006Du;
    error.connection_broken = 1;
    std::strcpy(error.detail, "connect to fs01:445: NT_STATUS_LOGON_FAILURE");
    const auto failed = decodeConnectReply(payloadOf(encodeConnectReply(-1, {}, error)));
    QVERIFY(failed && !failed->ok);
    QCOMPARE(failed->error.ntstatus, 0xC000006Du);
    QCOMPARE(failed->error.connection_broken, 1);
    QCOMPARE(failed->error.detail, error.detail);

    const std::uint8_t stub[] = {9, 8, 7};
    const auto reply = decodeCallReply(payloadOf(encodeCallReply(stub, 3, nullptr)));
    QVERIFY(reply && reply->ok);
    QCOMPARE(reply->stub, Bytes({9, 8, 7}));
    QCOMPARE(decodeIsConnectedReply(payloadOf(encodeIsConnectedReply(true))), std::optional(true));
}

void TestRpcWorkerProtocol::malformedPayloadsAreRejected_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("connect reply, no result") << QByteArray("\x81", 1);
    QTest::newRow("connect reply, flag 2") << QByteArray("\x81\x02", 2);
    QTest::newRow("connect reply, one byte too many") << QByteArray("\x83\x01\x00", 3);
    QTest::newRow("call reply, stub longer than sent")
        << QByteArray("\x82\x01\x10\x00\x00\x00\x01\x02", 8);
    QTest::newRow("call reply, 4 GiB stub") << QByteArray("\x82\x01\xff\xff\xff\xff", 6);
    QTest::newRow("error detail without its NUL") << QByteArray("\x82\x00"
                                                                "\x01\x00\x00\xc0"
                                                                "\x00\x00\x00\x00"
                                                                "\x00\x00"
                                                                "\x02\x00\x00\x00"
                                                                "ab",
        18);
    QTest::newRow("error detail with a NUL inside") << QByteArray("\x82\x00"
                                                                  "\x01\x00\x00\xc0"
                                                                  "\x00\x00\x00\x00"
                                                                  "\x00\x00"
                                                                  "\x02\x00\x00\x00"
                                                                  "a\0\0",
        19);
    QTest::newRow("protocol longer than its field") << QByteArray("\x81\x01\x01\x00\x00"
                                                                  "\x10\x00\x00\x00"
                                                                  "SMB3_11_SMB3_11_\0",
        26);
    // Sizes past their limit must stop the decoding, not skip the field: here the bytes that
    // follow would otherwise read as a complete reply.
    QTest::newRow("protocol size 4 GiB") << QByteArray("\x81\x01\x01\x01\x01"
                                                       "\xff\xff\xff\xff"
                                                       "AB\0\0\0",
        14);
    QTest::newRow("unknown type") << QByteArray("\x7f\x01", 2);
}

void TestRpcWorkerProtocol::malformedPayloadsAreRejected()
{
    QFETCH(QByteArray, payload);
    const Bytes bytes(payload.begin(), payload.end());
    QVERIFY(!decodeConnectReply(bytes));
    QVERIFY(!decodeCallReply(bytes));
    QVERIFY(!decodeIsConnectedReply(bytes));
    QVERIFY(!decodeConnect(bytes));
    QVERIFY(!decodeCall(bytes));
}

void TestRpcWorkerProtocol::fuzzCorpusDecodes()
{
    // The seeds of fuzz_rpcworker_reply are named after the reply they hold and must decode as
    // that reply; anything else kept there (an input a fuzzer once crashed on) must at least
    // go through every decoder. Run under the sanitizer build too.
    const auto corpus
        = NdrVectors::corpus(QStringLiteral(SC_FUZZ_CORPUS_DIR "/fuzz_rpcworker_reply"));
    QVERIFY(corpus && corpus->size() >= 4);
    for (const auto &[name, payload] : *corpus) {
        const bool connect = decodeConnectReply(payload).has_value();
        const bool call = decodeCallReply(payload).has_value();
        const bool isConnected = decodeIsConnectedReply(payload).has_value();
        if (name.startsWith(QLatin1String("connect_reply")))
            QVERIFY2(connect, qPrintable(name));
        else if (name.startsWith(QLatin1String("call_reply")))
            QVERIFY2(call, qPrintable(name));
        else if (name.startsWith(QLatin1String("is_connected_reply")))
            QVERIFY2(isConnected, qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestRpcWorkerProtocol)
#include "tst_rpcworkerprotocol.moc"
