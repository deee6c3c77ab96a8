// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QProcess;

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

/// Makes @p process, when it starts, the leader of a session of its own whose controlling
/// terminal and standard input are the pseudo terminal @p terminalPath: it prompts and reads
/// as it would at a shell.
void setTerminalInput(QProcess &process, const QByteArray &terminalPath);

/// One step of a terminal dialog: wait for @p prompt on standard error, then type @p answer.
struct TerminalStep
{
    QString prompt;
    QByteArray answer;
};

/// Runs @p program with a pseudo terminal as its standard input and controlling terminal, as
/// an operator at a shell would: waits for each step's prompt on standard error and types its
/// answer. @p terminalOutput receives what the terminal showed (its echo). A prompt that does
/// not come within 30 s ends the dialog; the program gets @p timeoutMs to finish.
ProgramRun runOnTerminal(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QList<TerminalStep> &dialog,
    QByteArray *terminalOutput, int timeoutMs = 60000);

/// @p environment with each "NAME=value" of @p assignments set.
QProcessEnvironment withAssignments(
    QProcessEnvironment environment, const QStringList &assignments);
