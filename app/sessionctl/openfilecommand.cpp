// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilecommand.h"

#include "openfileformatter.h"
#include "sessionctlcommand.h"
#include "terminal.h"

#include <utility>

namespace {

std::u16string u16(const QString &s)
{
    return s.toStdU16String();
}

QString qs(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), static_cast<qsizetype>(s.size()));
}

// The same file as Windows compares paths: case-insensitively, "/" read as "\".
bool samePath(std::u16string_view a, std::u16string_view b)
{
    return a.size() == b.size() && sc::pathStartsWith(a, b);
}

} // namespace

OpenFileCommand::OpenFileCommand(
    Options options, QTextStream &out, QTextStream &err, AuditRecord auditPrototype, Fail fail)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
    , m_auditPrototype(std::move(auditPrototype))
    , m_fail(std::move(fail))
{
}

QString OpenFileCommand::commandsHelp()
{
    //: sessionctl --help. Keep the command and option names untranslated; "Open Files" and
    //: "Close Open File" are the Windows terms (see the glossary).
    return tr("  files       Open Files: list the server's open files (optionally only those\n"
              "              below --path and/or of --session-user, at --level 2, 3 or auto).\n"
              "  close-file  Close Open File: close the files given by --id (repeatable), or\n"
              "              every open file whose full path is --path. Shows them and asks\n"
              "              for confirmation on the terminal unless --yes is given.");
}

bool OpenFileCommand::parseLevel(const QString &text, std::optional<sc::FileInfoLevel> &level)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("auto")) {
        level.reset();
        return true;
    }
    bool ok = false;
    const uint n = t.toUInt(&ok);
    if (!ok || !sc::isValidFileInfoLevel(n))
        return false;
    level = static_cast<sc::FileInfoLevel>(n);
    return true;
}

std::optional<std::uint32_t> OpenFileCommand::parseId(const QString &text)
{
    bool ok = false;
    const qulonglong n = text.trimmed().toULongLong(&ok, 10);
    if (!ok || n > 0xFFFFFFFFull)
        return std::nullopt;
    return static_cast<std::uint32_t>(n);
}

int OpenFileCommand::runFiles(sc::SessionApi &api)
{
    const sc::OpenFileFilter filter {u16(m_options.path), u16(m_options.username)};
    const sc::Result<sc::OpenFileEnumResult> result = api.enumerateFiles(filter, m_options.level);
    if (!result)
        return m_fail(result.error());
    m_out << OpenFileFormatter(m_options.format).list(*result);
    return SessionCtlCommand::ExitOk;
}

int OpenFileCommand::runCloseFile(sc::SessionApi &api)
{
    const sc::Result<sc::OpenFileEnumResult> listed = api.enumerateFiles({}, std::nullopt);
    if (!listed) {
        audit(listed.error(), 0, m_options.path);
        return m_fail(listed.error());
    }

    // What the operator asked for, in the order given; matching files for the preview.
    std::vector<std::uint32_t> ids;
    sc::OpenFileList matching;
    if (!m_options.path.isEmpty()) {
        QString wanted = m_options.path;
        wanted.replace(QLatin1Char('/'), QLatin1Char('\\'));
        for (const sc::OpenFileInfo &f : listed->files) {
            if (samePath(f.path, u16(wanted))) {
                ids.push_back(f.id);
                matching.push_back(f);
            }
        }
        if (ids.empty()) {
            const sc::SessionError error = sc::SessionError::fromWin32(sc::win32::FileNotFound,
                "no open file has the path " + m_options.path.toStdString()
                    + "; nothing was closed");
            audit(error, 0, m_options.path);
            //: %1 is the path given with --path
            m_err << QStringLiteral("sessionctl: ")
                  << tr("No open file has the path \"%1\"; nothing was closed.").arg(m_options.path)
                  << Qt::endl;
            m_out << OpenFileFormatter(m_options.format).closeResult({});
            return SessionCtlCommand::ExitNotFound;
        }
    } else {
        for (std::uint32_t id : std::as_const(m_options.ids)) {
            if (std::find(ids.begin(), ids.end(), id) != ids.end())
                continue;
            ids.push_back(id);
            for (const sc::OpenFileInfo &f : listed->files) {
                if (f.id == id)
                    matching.push_back(f);
            }
        }
    }

    const OpenFileFormatter formatter(m_options.format);
    if (!matching.empty() && !m_options.yes && !confirm(matching))
        return SessionCtlCommand::ExitFailure;

    const sc::Result<std::vector<sc::FileCloseResult>> results = api.closeFiles(ids);
    if (!results) {
        for (std::uint32_t id : ids)
            audit(results.error(), id, {});
        return m_fail(results.error());
    }
    for (const sc::FileCloseResult &r : *results)
        audit(r);
    m_out << formatter.closeResult(*results);

    // The first refusal decides the exit code; a file that stays open is a plain failure;
    // nothing at all to close is "not found", as for close.
    bool anyClosed = false;
    bool stillOpen = false;
    for (const sc::FileCloseResult &r : *results) {
        if (r.outcome == sc::FileCloseOutcome::Failed && r.error) {
            QString text;
            if (r.error->kind() == sc::ErrorKind::AccessDenied) {
                //: SeDiskOperatorPrivilege is a Windows/Samba privilege name: keep it.
                text = tr("Access denied: closing open files needs administrator rights on the "
                          "server (on Samba: root or the SeDiskOperatorPrivilege). Nothing was "
                          "closed.");
                m_err << QStringLiteral("sessionctl: ") << text << Qt::endl;
                return SessionCtlCommand::ExitAccessDenied;
            }
            return m_fail(*r.error);
        }
        anyClosed = anyClosed || r.outcome == sc::FileCloseOutcome::Closed;
        stillOpen = stillOpen || r.outcome == sc::FileCloseOutcome::StillOpen;
    }
    if (stillOpen)
        return SessionCtlCommand::ExitFailure;
    if (!anyClosed)
        return SessionCtlCommand::ExitNotFound;
    return SessionCtlCommand::ExitOk;
}

bool OpenFileCommand::confirm(const sc::OpenFileList &files)
{
    // The preview is for the person confirming; with --json/--csv stdout belongs to scripts.
    QTextStream &preview = m_options.format == SessionFormatter::Format::Table ? m_out : m_err;
    preview << OpenFileFormatter(SessionFormatter::Format::Table).closePreview(files);
    m_out.flush();
    m_err.flush();
    //: Confirmation question; the answer is checked against "y" and "yes" and their
    //: translations (the strings "y" and "yes" of SessionCtlCommand).
    const std::optional<QString> answer = Terminal::readLine(tr("Close these files? [y/N] "));
    const QString a = answer.value_or(QString()).trimmed().toLower();
    if (a == QLatin1String("y") || a == QLatin1String("yes") || a == SessionCtlCommand::tr("y")
        || a == SessionCtlCommand::tr("yes"))
        return true;
    m_err << tr("Nothing was closed.") << Qt::endl;
    return false;
}

void OpenFileCommand::audit(const sc::FileCloseResult &result)
{
    AuditRecord record = m_auditPrototype;
    record.time = QDateTime::currentDateTimeUtc();
    record.action = AuditRecord::kActionCloseFile;
    record.fileId = result.id;
    if (result.file) {
        record.path = qs(result.file->path);
        record.user = qs(result.file->userName);
    }
    record.setFileCloseOutcome(result.outcome, result.error);
    const AuditLog log(record.program);
    QString why;
    if (!log.append(record, &why))
        //: %1 names the file and the reason
        m_err << tr("sessionctl: warning: the audit log did not record this: %1").arg(why)
              << Qt::endl;
}

void OpenFileCommand::audit(const sc::SessionError &error, std::uint32_t id, const QString &path)
{
    sc::FileCloseResult result;
    result.id = id;
    result.outcome = sc::FileCloseOutcome::Failed;
    result.error = error;
    if (!path.isEmpty()) {
        sc::OpenFileInfo f;
        f.path = u16(path);
        result.file = f;
    }
    audit(result);
}
