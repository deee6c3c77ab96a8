// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolearguments.h"
#include "icons.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "openfilespage.h"
#include "serverconnection.h"
#include "serverliststore.h"
#include "sessionapi.h"
#include "sessionspage.h"
#include "watchedservers.h"

#include <QApplication>
#include <QSettings>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>

namespace {

// --screenshot: wait for the first answer with rows, let it paint, save the window, quit.
void arrangeScreenshot(MainWindow &window, const QString &file)
{
    auto save = [&window, file](int exitCode) {
        const bool ok = window.grab().save(file, "PNG");
        if (!ok)
            std::fprintf(stderr, "session-console: cannot write %s\n", qPrintable(file));
        QCoreApplication::exit(ok ? exitCode : 1);
    };
    QObject::connect(&window, &MainWindow::snapshotShown, &window,
        [&window, save](const SessionSnapshot &snapshot) {
            static bool done = false;
            if (done || !snapshot.ok() || window.sessionsPage()->sessionCount() == 0)
                return;
            // Several servers: the picture shows each one's answer, not "connecting".
            const QList<ServerConnection *> servers = window.watchedServers()->connections();
            if (std::any_of(servers.cbegin(), servers.cend(),
                    [](const ServerConnection *c) { return c->status().isConnecting(); }))
                return;
            done = true;
            if (window.openFilesPage()->isVisible()) {
                // The open files come right after the sessions: shoot once they are in.
                QObject::connect(window.openFilesPage(), &OpenFilesPage::countsChanged, &window,
                    [&window, save] {
                        static bool filesDone = false;
                        if (filesDone || window.openFilesPage()->fileCount() == 0)
                            return;
                        filesDone = true;
                        QTimer::singleShot(1500, &window, [save] { save(0); });
                    });
                return;
            }
            // Selection shows the highlight in the picture; the delay lets
            // the tick repaint durations once more.
            window.sessionsPage()->setCurrentRow(0);
            QTimer::singleShot(1500, &window, [save] { save(0); });
        });
    // Save whatever is shown (e.g. an error) rather than hang a documentation build.
    QTimer::singleShot(60000, &window, [save] { save(3); });
}

// Key names in menus and tooltips (QKeySequence::NativeText) come from Qt's catalogue, which
// says "Control" and "Retorno" in Spanish and "Return" in German, where Windows' keyboards
// and manuals say "Ctrl", "Intro" and "Eingabe". Our catalogue is installed after Qt's, so
// these entries of Qt's own context win. Listed here so that lupdate keeps them.
[[maybe_unused]] const char *const kKeyNames[] = {
    QT_TRANSLATE_NOOP("QShortcut", "Ctrl"),
    QT_TRANSLATE_NOOP("QShortcut", "Shift"),
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
    QT_TRANSLATE_NOOP("QShortcut", "Enter"),
    QT_TRANSLATE_NOOP("QShortcut", "Del"),
    QT_TRANSLATE_NOOP("QShortcut", "Esc"),
};

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SessionConsole"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("session-console.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("session-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SC_VERSION));
}

// --help and --version without a QApplication: they print text, and must work on a server
// or in a container without a display (a QApplication aborts there).
int answerInformationOnly(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    LanguageManager language;
    language.setLanguage(LanguageManager::savedChoice());
    ConsoleArguments arguments;
    if (arguments.parse(QCoreApplication::arguments()) == ConsoleArguments::Outcome::Error) {
        std::fprintf(stderr, "session-console: %s\n", qPrintable(arguments.errorText()));
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (ConsoleArguments::asksOnlyForInformation(argc, argv))
        return answerInformationOnly(argc, argv);

    QApplication app(argc, argv);
    setApplicationIdentity();
    // Before anything is translated, --help included: the saved choice, else the system's.
    LanguageManager language;
    language.setLanguage(LanguageManager::savedChoice());
    const auto setDisplayName = [] {
        QGuiApplication::setApplicationDisplayName(
            QCoreApplication::translate("main", "Session Console"));
        // Title bars show "server — display name", composed when a title is set.
        for (QWindow *window : QGuiApplication::topLevelWindows())
            window->setTitle(window->title());
    };
    setDisplayName();
    QObject::connect(&language, &LanguageManager::languageChanged, &app, setDisplayName);
    QGuiApplication::setDesktopFileName(QStringLiteral("session-console"));
    QGuiApplication::setWindowIcon(Icons::icon(Icons::Application));

    ConsoleArguments arguments;
    switch (arguments.parse(QCoreApplication::arguments())) {
    case ConsoleArguments::Outcome::Run:
        break;
    case ConsoleArguments::Outcome::ExitOk:
        return 0;
    case ConsoleArguments::Outcome::Error:
        std::fprintf(stderr, "session-console: %s\n", qPrintable(arguments.errorText()));
        return 2;
    }

    if (!arguments.language().isEmpty())
        language.setLanguage(arguments.language()); // this run only, not saved

    // Servers named on the command line replace the ones watched when the console was closed.
    const QStringList saved
        = arguments.hasServer() ? QStringList() : ServerListStore::load(QSettings());
    // A server will be asked right away: the Samba worker's launcher loads its libraries while
    // the window is built, instead of after it, when the first server is asked.
    if (arguments.hasServer() || !saved.isEmpty())
        sc::prepareSessionApi();

    MainWindow window;
    window.viewMenu()->addSeparator();
    window.viewMenu()->addMenu(new LanguageMenu(&language, &window));
    QObject::connect(&language, &LanguageManager::languageChanged, window.sessionsPage(),
        &SessionsPage::retranslate);
    QObject::connect(&language, &LanguageManager::languageChanged, window.openFilesPage(),
        &OpenFilesPage::retranslate);
    if (arguments.interval())
        window.setRefreshInterval(*arguments.interval());
    window.watchedServers()->setCallLimit(arguments.jobs());
    window.show();
    if (arguments.startsOnOpenFiles())
        window.showOpenFilesPage(true);
    if (arguments.connectionOptions().requireSealing)
        window.setRequireSealing(true);
    if (arguments.hasServer()) {
        sc::ConnectionOptions options = arguments.connectionOptions();
        const QStringList servers = arguments.servers();
        // One account for every server; the first server takes the window's connection, the
        // others join it, and the table shows them all.
        for (qsizetype i = 0; i < servers.size(); ++i) {
            if (arguments.hasCredentials()) {
                if (i == 0)
                    window.connectToServer(servers.at(i), options);
                else
                    window.watchServer(servers.at(i), options);
            } else {
                // The saved account, on the port given on the command line.
                const QString server = servers.at(i)
                    + (options.port != 445 ? QStringLiteral(":%1").arg(options.port) : QString());
                if (i == 0)
                    window.connectToServer(server);
                else
                    window.watchServer(server);
            }
        }
        window.showServer(nullptr);
        options.password.wipe();
    } else {
        // The servers watched when the console was last closed.
        window.restoreSavedServers(saved);
    }
    // The window holds the password from here on; these copies would only linger.
    arguments.wipePassword();
    if (!arguments.screenshotFile().isEmpty())
        arrangeScreenshot(window, arguments.screenshotFile());
    return app.exec();
}
