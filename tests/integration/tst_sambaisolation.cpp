// SPDX-License-Identifier: GPL-3.0-or-later
// Connections to different servers do not wait for each other: while a connection to the
// lab's hung server (accepts TCP, never answers) is in flight on one thread, a connection to
// the real smbd on another thread connects and lists sessions. Checked by the order in which
// the two finish, not by a stopwatch.

#include "labsupport.h"
#include "sambarpctransport.h"

#include <QFile>
#include <QTest>

#include <atomic>
#include <thread>

using sc::ByteBuffer;
using sc::ErrorKind;
using sc::SambaRpcTransport;

namespace {

// NetrSessionEnum, level 0, no filters (MS-SRVS 3.1.4.5; NDR 2.0 little-endian).
ByteBuffer sessionEnumLevel0Request()
{
    ByteBuffer out;
    for (std::uint32_t value : {0u, 0u, 0u, 0u, 0u, 0x00020000u, 0u, 0u, 0xFFFFFFFFu, 0u}) {
        for (int i = 0; i < 4; ++i)
            out.push_back(std::uint8_t(value >> (8 * i)));
    }
    return out;
}

// Established TCP connections to @p port on 127.0.0.1 in this network namespace: a client
// of the hung server has reached it once this count has grown.
int establishedTo(quint16 port)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray remote
        = QByteArray("0100007F:") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    int count = 0;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        if (fields.size() > 3 && fields.at(2) == remote && fields.at(3) == "01")
            ++count;
    }
    return count;
}

} // namespace

class TestSambaIsolation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hungServerDoesNotHoldUpAnother();

private:
    Lab m_lab;
};

void TestSambaIsolation::initTestCase()
{
    m_lab = Lab::fromEnvironment();
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

void TestSambaIsolation::hungServerDoesNotHoldUpAnother()
{
    const int before = establishedTo(m_lab.hungPort());
    QVERIFY(before >= 0);

    std::atomic<int> finished {0};
    int hungOrder = 0;
    sc::Result<void> hungResult;
    std::thread hung([&] {
        sc::ConnectionOptions options = m_lab.adminOptions();
        options.port = m_lab.hungPort();
        // Long enough for the other connection to finish first, however loaded the machine.
        options.connectTimeout = std::chrono::milliseconds(15000);
        SambaRpcTransport transport(options);
        hungResult = transport.connect();
        hungOrder = ++finished;
    });
    // The hung connection is past name resolution and waiting for the server's answer.
    QTRY_VERIFY_WITH_TIMEOUT(establishedTo(m_lab.hungPort()) > before, 10000);

    SambaRpcTransport transport(m_lab.adminOptions());
    const auto reply = transport.call(12, sessionEnumLevel0Request());
    const int realOrder = ++finished;
    hung.join();

    QVERIFY2(reply.ok(),
        reply.ok() ? "" : ("the real server's call failed: " + reply.error().detail()).c_str());
    QVERIFY(reply->size() >= 8);
    QCOMPARE((*reply)[reply->size() - 4], std::uint8_t(0)); // NERR_Success
    QVERIFY(!hungResult.ok());
    QCOMPARE(hungResult.error().kind(), ErrorKind::Timeout);
    // The real server's answer arrived while the hung connection was still waiting.
    QCOMPARE(realOrder, 1);
    QCOMPARE(hungOrder, 2);
}

QTEST_GUILESS_MAIN(TestSambaIsolation)
#include "tst_sambaisolation.moc"
