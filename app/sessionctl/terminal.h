// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstring.h"

#include <QString>

#include <optional>

/// The controlling terminal on stdin/stderr: prompts for a password without echo and asks
/// yes/no questions. Prompts go to stderr so they never mix with --json/--csv on stdout.
class Terminal
{
public:
    /// True when stdin is a terminal, i.e. someone can answer a prompt.
    static bool isInteractive();

    /// Prints @p prompt and reads one line with echo switched off. nullopt on end of input
    /// or when stdin is not a terminal. Echo is restored even if the user presses Ctrl+C.
    static std::optional<sc::SecretString> readSecret(const QString &prompt);

    /// Prints @p prompt and reads one line (echoed). nullopt on end of input.
    static std::optional<QString> readLine(const QString &prompt);
};
