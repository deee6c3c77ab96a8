// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"
#include "sharedbytes.h"

#include <QString>
#include <QTest>

#include <functional>
#include <optional>

/// Fails the current test unless @p result (a codec's Result) is a MalformedReply error whose
/// detail names @p field; the detail is the failure message, so a wrong field shows the right one.
#define VERIFY_MALFORMED(result, field)                                                            \
    do {                                                                                           \
        const auto &res_ = (result);                                                               \
        QVERIFY2(!res_.ok(), "decoded although malformed");                                        \
        QCOMPARE(res_.error().kind(), sc::ErrorKind::MalformedReply);                              \
        QVERIFY2(QString::fromStdString(res_.error().detail()).contains(QLatin1String(field)),     \
            res_.error().detail().c_str());                                                        \
    } while (false)

/// Checks the codec tests apply to every impacket vector, whatever the message.
namespace NdrChecks {

/// The error a decoder reports for some bytes, or nullopt when they decode.
using Decode = std::function<std::optional<sc::SessionError>(const sc::ByteBuffer &)>;

/// Empty when @p blob decodes and none of its proper prefixes does, each failing as a
/// MalformedReply with a detail; otherwise the first way that did not hold. Every prefix is
/// a buffer of exactly its size, so a sanitizer build catches any read past it.
QString truncationFailure(const sc::ByteBuffer &blob, const Decode &decode);

} // namespace NdrChecks
