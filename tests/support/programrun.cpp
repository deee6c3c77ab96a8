// SPDX-License-Identifier: GPL-3.0-or-later
#include "programrun.h"

#include <QElapsedTimer>
#include <QProcess>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

QString ProgramRun::describe() const
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(exitCode).arg(out, err);
}

ProgramRun runProgram(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    ProgramRun r;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return r;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.elapsedMs = timer.elapsed();
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void setTerminalInput(QProcess &process, const QByteArray &terminalPath)
{
    process.setChildProcessModifier([terminalPath]() {
        // In the child, before exec: a new session whose controlling terminal is the pty.
        setsid();
        const int fd = ::open(terminalPath.constData(), O_RDWR);
        if (fd >= 0) {
            dup2(fd, STDIN_FILENO);
            if (fd > STDERR_FILENO)
                ::close(fd);
        }
    });
}

ProgramRun runOnTerminal(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QList<TerminalStep> &dialog,
    QByteArray *terminalOutput, int timeoutMs)
{
    ProgramRun r;
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        r.err = QStringLiteral("no pseudo terminal");
        return r;
    }
    const QByteArray slave = ptsname(master);

    QProcess process;
    process.setProcessEnvironment(environment);
    setTerminalInput(process, slave);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        ::close(master);
        return r;
    }

    QElapsedTimer timer;
    timer.start();
    for (const TerminalStep &step : dialog) {
        while (!r.err.contains(step.prompt) && process.state() == QProcess::Running
            && timer.elapsed() < 30000) {
            process.waitForReadyRead(100);
            r.out += QString::fromUtf8(process.readAllStandardOutput());
            r.err += QString::fromUtf8(process.readAllStandardError());
        }
        if (!r.err.contains(step.prompt))
            break;
        if (::write(master, step.answer.constData(), std::size_t(step.answer.size()))
            != step.answer.size())
            break;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        r.exitCode = process.exitCode();
    }
    r.out += QString::fromUtf8(process.readAllStandardOutput());
    r.err += QString::fromUtf8(process.readAllStandardError());
    r.elapsedMs = timer.elapsed();

    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(master, buffer, sizeof buffer)) > 0)
        terminalOutput->append(buffer, n);
    ::close(master);
    return r;
}

QProcessEnvironment withAssignments(QProcessEnvironment environment, const QStringList &assignments)
{
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        environment.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    return environment;
}
