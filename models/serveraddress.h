// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// A file server as the operator types it and as the console and sessionctl name it (window
/// title, server history, banner, audit log). QtCore only.
struct ServerAddress
{
    /// SMB over TCP; a name without a port means this one, and names leave it out.
    static constexpr quint16 kDefaultPort = 445;

    QString host;
    std::optional<quint16> port; ///< nullopt: none was given

    /// Reads "host", "host:port", "\\\\host", "[::1]:port" and bare IPv6 addresses. A port
    /// that is not a number in 1…65535 is dropped; the host is empty for blank text.
    static ServerAddress parse(const QString &text);
    /// parse() for text that must be exactly one server name (sessionctl's --server and
    /// servers file): nullopt for blank text, a port that is not a number in 1…65535, an
    /// unclosed "[", anything but ":port" after "]", or a name holding spaces, a backslash
    /// or "/" (a share path such as \\fs01\data is not a server name).
    static std::optional<ServerAddress> parseStrict(const QString &text);
    /// The one spelling of a server's name: "host", "host:port" when the port is not 445,
    /// IPv6 addresses in brackets ("[::1]:1445").
    static QString displayName(const QString &host, quint16 port);
};
