// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionoptions.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QProcess;

/// What `smbstatus --json` says about one session: the ground truth tests compare with.
struct LabSession
{
    QString user; ///< account name without domain
    QString client; ///< remote machine / address
    QString sessionId;
    qint64 serverPid = 0;
    /// Files the session's smbd process holds open (smbstatus "open_files" by server pid).
    int openFiles = 0;
    QString dialect; ///< e.g. "SMB3_11"
    QString encryption; ///< degree: "none", "partial" or "full"
    QString signing; ///< degree, as for encryption
};

/// Extra load generator behaviour for Lab::hold().
struct LoadOptions
{
    /// Files each session creates and keeps open, so open counts differ from zero.
    int openFiles = 0;
    /// Every @c touchMs milliseconds the first @c touchFraction of the sessions send a small
    /// request, so their idle time stays low while the others' grows.
    int touchMs = 0;
    double touchFraction = 0.0;
    /// The share's folder for the open files (names with spaces, ñ, ü and ß); empty: the root.
    QString filesDir;
    /// On every touch, write to each held file and report the ones that fail (lostHandles()).
    bool checkHandles = false;
};

/// A running load generator process holding sessions open; ends it (by its pid) on destruction.
class LoadGenerator
{
public:
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    qint64 pid() const { return m_pid; }
    int sessionCount() const { return m_count; }
    QString user() const { return m_user; }
    /// Closes every session and waits for the process to end.
    void stop();
    /// Paths inside the share of the held files whose handle failed so far (checkHandles),
    /// waiting up to @p waitMs for at least one more report when none is known yet.
    QStringList lostHandles(int waitMs = 0);

private:
    friend class Lab;
    friend class AdLab;
    LoadGenerator();
    /// Starts sc-loadgen with @p arguments in @p environment and waits up to @p timeoutMs for
    /// the @p count sessions of @p user it opens; nullptr and *error on failure.
    static std::unique_ptr<LoadGenerator> start(const QString &user, int count,
        const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs,
        QString *error);

    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0;
    int m_count = 0;
    QString m_user;
    QStringList m_lost;
};

/// The Samba lab a ctest fixture started (tests/lab/lab.sh), read from $SC_LAB_DIR/lab.env.
class Lab
{
public:
    /// Reads lab.env; QFAIL-worthy if the fixture is not running, so check isValid().
    static Lab fromEnvironment();
    /// The lab described by @p dir/lab.env.
    static Lab fromDirectory(const QString &dir);
    /// The members of the fleet in $SC_FLEET_DIR (lab.sh fleet-start), in order; the first has
    /// the hung server and the closed port, the others report 0 for them. Empty on failure.
    static QList<Lab> fleetFromEnvironment(QString *error);
    bool isValid() const { return m_port != 0; }
    QString errorString() const { return m_error; }

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    /// A loopback port that accepts TCP and never answers (the "hung server").
    quint16 hungPort() const { return m_hungPort; }
    /// A loopback port nothing listens on.
    quint16 closedPort() const { return m_closedPort; }
    QString share() const { return m_share; }

    /// Mapped to BUILTIN\Administrators and Domain Admins: may list and end sessions.
    QString adminUser() const { return m_adminUser; }
    /// Mapped to BUILTIN\Administrators only: may list sessions but not end them.
    QString viewerUser() const { return m_viewerUser; }
    /// Users without rights: alice, bob, josé, jürgen.
    QStringList plainUsers() const { return m_plainUsers; }
    /// @p name if the lab has a plain user of that name, else empty.
    QString plainUser(const QString &name) const
    {
        return m_plainUsers.contains(name) ? name : QString();
    }
    QString password(const QString &user) const;
    /// A file holding only that user's password (for --password-file).
    QString passwordFile(const QString &user) const;

    sc::ConnectionOptions optionsFor(const QString &user) const;
    sc::ConnectionOptions adminOptions() const { return optionsFor(m_adminUser); }

    /// Starts the load generator with @p count sessions as @p user and returns once all of
    /// them are established (or nullptr on failure, see errorString()).
    std::unique_ptr<LoadGenerator> hold(
        const QString &user, int count, int timeoutMs = 60000) const;
    std::unique_ptr<LoadGenerator> hold(
        const QString &user, int count, const LoadOptions &load, int timeoutMs = 60000) const;

    /// Sessions as smbstatus sees them right now. On failure returns an empty list, sets
    /// errorString() and, if given, *ok to false (so "none" and "could not ask" differ).
    QList<LabSession> smbstatusSessions(bool *ok = nullptr) const;
    /// smbstatusSessions() as sorted "user|client|session id|server pid" strings: what two
    /// moments compare to prove that no session ended or began in between.
    QStringList smbstatusSessionSet(bool *ok = nullptr) const;
    /// The local paths of the files smbstatus -L shows open right now, each once per open.
    /// On failure returns an empty list, sets errorString() and *ok to false.
    QStringList smbstatusOpenFiles(bool *ok = nullptr) const;
    /// smbstatusOpenFiles() inside the share's folder @p folder (LoadOptions::filesDir),
    /// sorted. A failure to ask is a warning and an empty list.
    QStringList smbstatusOpenFilesIn(const QString &folder) const;
    /// How many sessions smbstatus shows for @p user right now, or -1 if it could not ask.
    int sessionCount(const QString &user) const;
    /// Waits until smbstatus shows exactly @p expected sessions for @p user (polling).
    bool waitForSessionCount(const QString &user, int expected, int timeoutMs = 15000) const;

    QString labDir() const { return m_dir; }
    /// The lab's smb.conf, for running Samba tools against it.
    QString smbConf() const { return m_smbConf; }
    /// tests/lab/lab.sh of this source tree.
    static QString labScript();
    /// The sc-loadgen executable built with the tests.
    static QString loadGeneratorPath();
    /// The local path of a file as smbstatus names it, from the name Samba gives an open file
    /// over srvsvc ("C:" + the local path with backslashes).
    static QString localPathOf(const QString &sambaPath);
    /// This process's environment with nss_wrapper (@p library) preloaded, resolving names
    /// through the hosts file @p hostsFile before DNS.
    static QProcessEnvironment nssWrapperEnvironment(
        const QString &library, const QString &hostsFile);
    /// The KEY=value lines of a lab's env file (lab.sh and adlab.sh write them so that a shell
    /// can source them too). Empty if it cannot be read: then *error says why, and that
    /// @p fixture may not be running.
    static QHash<QString, QString> readEnvFile(
        const QString &path, const QString &fixture, QString *error);

private:
    /// The JSON object "lab.sh smbstatus @p flags" prints; none (and errorString()) on failure.
    std::optional<QJsonObject> smbstatusJson(const QStringList &flags) const;

    QString m_dir;
    QString m_host;
    quint16 m_port = 0;
    quint16 m_hungPort = 0;
    quint16 m_closedPort = 0;
    QString m_share;
    QString m_adminUser;
    QString m_viewerUser;
    QStringList m_plainUsers;
    QString m_passwordDir;
    QString m_smbConf;
    mutable QString m_error;
};
