// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakesessionapi.h"
#include "mainwindow.h"
#include "mainwindowtestaccess.h"

#include <memory>

/// The real window over a scripted server (fakesessionapi.h), started the way the fake-server
/// GUI tests all start it, so that each test only scripts what its server answers.
class FakeServerWindow
{
public:
    /// A window whose every connection gets its SessionApi from @p apis, connected as helpdesk
    /// to "fake-server" and shown. Its timer never polls: the tests refresh when they need to,
    /// so a listing never races the check that follows. The first listing may still be on its
    /// way when this returns.
    static std::unique_ptr<MainWindow> open(SessionPoller::ApiFactory apis)
    {
        // Every scripted server is "fake-server:445" to the level cache: the level an earlier
        // test's server served must not be taken for this one's.
        sc::SessionApi::clearLevelCache();
        auto window = std::make_unique<MainWindow>(std::move(apis));
        window->setRefreshInterval(0);
        MainWindowTestAccess::connectAsHelpdesk(*window, QStringLiteral("fake-server"));
        window->show();
        return window;
    }

    /// Every connection lists the sessions of @p server.
    static SessionPoller::ApiFactory sessionsOf(std::shared_ptr<FakeServer> server)
    {
        return [server](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
            return std::make_unique<FakeSessionApi>(server);
        };
    }

    /// Every connection lists the sessions of @p server and the open files of @p files.
    static SessionPoller::ApiFactory filesOf(
        std::shared_ptr<FakeServer> server, std::shared_ptr<FakeFiles> files)
    {
        return [server, files](const sc::ConnectionOptions &) -> std::unique_ptr<sc::SessionApi> {
            return std::make_unique<FakeFileApi>(server, files);
        };
    }
};
