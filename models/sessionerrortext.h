// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"

#include <QCoreApplication>
#include <QString>

/// Turns a sc::SessionError into text for operators, in their language.
///
/// The core only knows English sentences for logs; what an operator reads is chosen here by
/// ErrorKind, says what went wrong and what to do about it, and ends with the server's code
/// (e.g. "ERROR_ACCESS_DENIED, 5") so it can still be looked up or quoted to a colleague.
class SessionErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SessionErrorText)

public:
    /// What the failed request was for, so that advice fits it: listing sessions needs fewer
    /// rights than ending them. Any when unknown.
    enum class Operation { Any, List, End };

    /// The translated explanation without the code. @p timeoutSeconds, when positive, is the
    /// timeout that expired (used by ErrorKind::Timeout).
    static QString message(const sc::SessionError &error, int timeoutSeconds = 0,
        Operation operation = Operation::Any);

    /// The code as administrators look it up: "ERROR_ACCESS_DENIED, 5",
    /// "NT_STATUS_LOGON_FAILURE, 0xc000006d"; empty for errors produced on this side.
    static QString codeText(const sc::SessionError &error);

    /// message() followed by the code in parentheses and, for errors where it helps to
    /// diagnose (malformed replies, protocol errors), the technical detail.
    static QString text(const sc::SessionError &error, int timeoutSeconds = 0,
        Operation operation = Operation::Any);
};
