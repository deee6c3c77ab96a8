// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// What a program run by a test said and how it ended.
struct ProgramRun
{
    int exitCode = -1; ///< -1: did not start, crashed or was killed after the time limit
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    /// For failure messages: the exit code and both outputs.
    QString describe() const;
};

/// Runs @p program with @p arguments in @p environment, its standard input a pipe closed at
/// once (it sees no terminal, as in a script), for at most @p timeoutMs.
ProgramRun runProgram(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, int timeoutMs = 60000);

/// @p environment with each "NAME=value" of @p assignments set.
QProcessEnvironment withAssignments(
    QProcessEnvironment environment, const QStringList &assignments);
