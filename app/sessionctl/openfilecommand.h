// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"
#include "sessionapi.h"
#include "sessionformatter.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>
#include <optional>

/// `sessionctl files` and `sessionctl close-file`: NetFileEnum and NetFileClose. The options
/// are parsed by SessionCtlCommand; this runs them and reports, with the same exit codes.
class OpenFileCommand
{
    Q_DECLARE_TR_FUNCTIONS(OpenFileCommand)

public:
    struct Options
    {
        std::optional<sc::FileInfoLevel> level; ///< nullopt: auto
        QString path; ///< files: path prefix; close-file: the full path
        QString username;
        QList<std::uint32_t> ids; ///< close-file --id
        bool yes = false;
        SessionFormatter::Format format = SessionFormatter::Format::Table;
    };

    /// Reports an error the way every sessionctl command does and returns its exit code.
    using Fail = std::function<int(const sc::SessionError &)>;

    /// @p auditPrototype carries the server and account of every audit record written.
    OpenFileCommand(
        Options options, QTextStream &out, QTextStream &err, AuditRecord auditPrototype, Fail fail);

    /// The commands' lines of `sessionctl --help`.
    static QString commandsHelp();
    /// "2", "3" or "auto" into @p level; false for anything else.
    static bool parseLevel(const QString &text, std::optional<sc::FileInfoLevel> &level);
    /// A decimal file id (as `files` prints it); nullopt if it is none.
    static std::optional<std::uint32_t> parseId(const QString &text);

    int runFiles(sc::SessionApi &api);
    int runCloseFile(sc::SessionApi &api);

private:
    bool confirm(const sc::OpenFileList &files);
    void audit(const sc::FileCloseResult &result);
    void audit(const sc::SessionError &error, std::uint32_t id, const QString &path);

    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    AuditRecord m_auditPrototype;
    Fail m_fail;
};
