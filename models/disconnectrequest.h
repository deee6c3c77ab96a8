// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

/// Whose sessions to end: NetSessionDel semantics, so an empty client means every session of
/// the user and an empty user every session of the client (not both empty).
struct DisconnectTarget
{
    QString client;
    QString user;

    friend bool operator==(const DisconnectTarget &, const DisconnectTarget &) = default;
};

/// What happened to one DisconnectTarget.
struct DisconnectResult
{
    DisconnectTarget target;
    quint32 ended = 0; ///< sessions the server ended
    std::optional<sc::SessionError> error; ///< set when this target failed
    /// Why the audit log could not record this result; empty when it did (or none is kept).
    QString auditError;

    bool ok() const { return !error.has_value(); }
};

Q_DECLARE_METATYPE(DisconnectTarget)
Q_DECLARE_METATYPE(DisconnectResult)
