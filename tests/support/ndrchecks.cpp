// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndrchecks.h"

#include "ndrvectors.h"

namespace NdrChecks {

QString truncationFailure(const sc::ByteBuffer &blob, const Decode &decode)
{
    if (const auto error = decode(blob))
        return QStringLiteral("the whole vector failed: %1")
            .arg(QString::fromStdString(error->detail()));
    for (std::size_t n = 0; n < blob.size(); ++n) {
        const auto error = decode(NdrVectors::prefix(blob, n));
        if (!error)
            return QStringLiteral("prefix of %1 bytes decoded").arg(n);
        if (error->kind() != sc::ErrorKind::MalformedReply)
            return QStringLiteral("prefix of %1 bytes: not a malformed reply: %2")
                .arg(n)
                .arg(QString::fromStdString(error->detail()));
        if (error->detail().empty())
            return QStringLiteral("prefix of %1 bytes: an error without detail").arg(n);
    }
    return {};
}

} // namespace NdrChecks
