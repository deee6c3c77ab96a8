// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callgate.h"
#include "connectionoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

/// session-console's command line: which server to open straight away and how to log on.
class ConsoleArguments
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleArguments)
public:
    enum class Outcome {
        Run, ///< start the window
        ExitOk, ///< --help or --version was printed
        Error, ///< errorText() says why; exit non-zero
    };

    /// Parses @p arguments (argv, program name first). Prints --help/--version itself.
    Outcome parse(const QStringList &arguments);
    /// Whether argv asks only for --help or --version. Those must work on a machine without
    /// a display, so main() answers them before it creates a QApplication, which would abort
    /// there. Looked at before any Qt object exists, hence argv.
    static bool asksOnlyForInformation(int argc, const char *const *argv);
    QString errorText() const { return m_error; }

    bool hasServer() const { return !m_server.isEmpty(); }
    /// The first --server.
    QString server() const { return m_server; }
    /// Every --server, in the order given, without repeats: the servers to watch.
    QStringList servers() const { return m_servers; }
    /// Host, port, domain, user and password (read from --password-file) as given.
    sc::ConnectionOptions connectionOptions() const { return m_options; }
    bool hasCredentials() const { return m_hasCredentials; }
    /// Forgets the password read from --password-file (once it has been handed on).
    void wipePassword() { m_options.password.wipe(); }
    /// --interval in seconds; nullopt keeps the saved setting. 0 turns auto-refresh off.
    std::optional<int> interval() const { return m_interval; }
    /// Hidden: save a picture of the window to this file once the first answer is shown.
    QString screenshotFile() const { return m_screenshot; }
    /// --page files: start on the Open Files page.
    bool startsOnOpenFiles() const { return m_openFilesPage; }
    /// --language: "en", "es" or "de" for this run; empty keeps the saved choice.
    QString language() const { return m_language; }
    /// --jobs: network calls in flight across the servers at once (CallGate::kDefaultLimit).
    int jobs() const { return m_jobs; }

private:
    QString m_error;
    QString m_server;
    QStringList m_servers;
    sc::ConnectionOptions m_options;
    bool m_hasCredentials = false;
    std::optional<int> m_interval;
    QString m_screenshot;
    QString m_language;
    bool m_openFilesPage = false;
    int m_jobs = CallGate::kDefaultLimit;
};
