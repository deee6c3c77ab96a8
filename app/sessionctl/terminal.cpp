// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {

// Written before echo goes off and read by the signal handler, which may only use
// async-signal-safe calls (tcsetattr, signal, raise are).
struct termios g_savedTermios;
volatile sig_atomic_t g_echoOff = 0;

void restoreEchoAndReraise(int signo)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTermios);
    std::signal(signo, SIG_DFL);
    std::raise(signo);
}

/// Switches echo off for its lifetime; an interrupted prompt must not leave the operator's
/// shell without echo.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTermios) != 0)
            return;
        m_oldInt = std::signal(SIGINT, restoreEchoAndReraise);
        m_oldTerm = std::signal(SIGTERM, restoreEchoAndReraise);
        m_oldHup = std::signal(SIGHUP, restoreEchoAndReraise);
        struct termios noEcho = g_savedTermios;
        noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        noEcho.c_lflag |= ECHONL;
        g_echoOff = 1;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &noEcho) != 0)
            g_echoOff = 0;
        m_active = true;
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
        if (g_echoOff)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTermios);
        g_echoOff = 0;
        std::signal(SIGINT, m_oldInt);
        std::signal(SIGTERM, m_oldTerm);
        std::signal(SIGHUP, m_oldHup);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    using Handler = void (*)(int);
    Handler m_oldInt = SIG_DFL;
    Handler m_oldTerm = SIG_DFL;
    Handler m_oldHup = SIG_DFL;
    bool m_active = false;
};

void printPrompt(const QString &prompt)
{
    const QByteArray bytes = prompt.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

// Reads byte by byte with read(2) so nothing is left in stdio's buffer, and into storage
// reserved up front so growing the string never leaves stray copies of a password behind.
bool readRawLine(std::string &line)
{
    constexpr std::size_t kMaxLine = 4096;
    line.reserve(kMaxLine);
    bool gotAny = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return gotAny;
        gotAny = true;
        if (c == '\n')
            return true;
        if (c == '\r')
            continue;
        if (line.size() < kMaxLine)
            line.push_back(c);
    }
}

} // namespace

bool Terminal::isInteractive()
{
    return isatty(STDIN_FILENO) == 1;
}

std::optional<sc::SecretString> Terminal::readSecret(const QString &prompt)
{
    if (!isInteractive())
        return std::nullopt;
    std::string line;
    bool ok = false;
    {
        // Echo goes off before the prompt appears: switching it off flushes pending input,
        // so whatever is typed after seeing the prompt must not be thrown away.
        EchoOff guard;
        printPrompt(prompt);
        ok = readRawLine(line);
    }
    sc::SecretString secret(std::move(line));
    if (!ok)
        return std::nullopt;
    return secret;
}

std::optional<QString> Terminal::readLine(const QString &prompt)
{
    printPrompt(prompt);
    std::string line;
    if (!readRawLine(line))
        return std::nullopt;
    return QString::fromLocal8Bit(line.data(), static_cast<qsizetype>(line.size()));
}
