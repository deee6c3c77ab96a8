<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>Ended %n session(s)</source>
        <translation>
            <numerusform>Ended %n session</numerusform>
            <numerusform>Ended %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in %1.</source>
        <translation>
            <numerusform>%n record in %1.</numerusform>
            <numerusform>%n records in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) skipped.</source>
        <translation>
            <numerusform>%n unreadable line skipped.</numerusform>
            <numerusform>%n unreadable lines skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <comment>automatic refresh</comment>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <extracomment>%1 sessions shown by the filter, %n all sessions of the server</extracomment>
        <translation>
            <numerusform>%1 of %n session</numerusform>
            <numerusform>%1 of %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading %1 of %Ln session(s)…</source>
        <extracomment>A server that sends its sessions in pages: %1 received so far, %Ln in all</extracomment>
        <translation>
            <numerusform>Loading %1 of %Ln session…</numerusform>
            <numerusform>Loading %1 of %Ln sessions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n open file</numerusform>
            <numerusform>%n open files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n open file(s)</source>
        <extracomment>%1 open files shown by the filter, %n all open files listed</extracomment>
        <translation>
            <numerusform>%1 of %n open file</numerusform>
            <numerusform>%1 of %n open files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s): %1 online, %2 failed</source>
        <extracomment>Several servers shown at once: %n servers, %1 of them answered, %2 did not</extracomment>
        <translation>
            <numerusform>%n server: %1 online, %2 failed</numerusform>
            <numerusform>%n servers: %1 online, %2 failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisconnectDialog</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n computer(s)</source>
        <translation>
            <numerusform>%n computer</numerusform>
            <numerusform>%n computers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n open file</numerusform>
            <numerusform>%n open files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On %1: %n session(s).</source>
        <extracomment>One line per server of a disconnect spanning several; %1 is the server.</extracomment>
        <translation>
            <numerusform>On %1: %n session.</numerusform>
            <numerusform>On %1: %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindUserModel</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n server(s)</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers where the user has sessions, of all</extracomment>
        <translation>
            <numerusform>%1 of %n server</numerusform>
            <numerusform>%1 of %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) failed</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n server failed</numerusform>
            <numerusform>%n servers failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) cannot tell</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers whose answer has no user names</extracomment>
        <translation>
            <numerusform>%n server cannot tell</numerusform>
            <numerusform>%n servers cannot tell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still asking</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers that have not answered yet</extracomment>
        <translation>
            <numerusform>%n still asking</numerusform>
            <numerusform>%n still asking</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <extracomment>%1 is a file path.</extracomment>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenFilesPage</name>
    <message numerus="yes">
        <source>%1 has %n sessions on this server, and the server does not say which session holds which file.</source>
        <translation>
            <numerusform>%1 has %n session on this server.</numerusform>
            <numerusform>%1 has %n sessions on this server, and the server does not say which session holds which file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close %n open file(s)?</source>
        <translation>
            <numerusform>Close %n open file?</numerusform>
            <numerusform>Close %n open files?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing %n open file(s)…</source>
        <translation>
            <numerusform>Closing %n open file…</numerusform>
            <numerusform>Closing %n open files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closed %n open file(s).</source>
        <translation>
            <numerusform>Closed %n open file.</numerusform>
            <numerusform>Closed %n open files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had already been closed (ID %1).</source>
        <extracomment>%1 lists file IDs</extracomment>
        <translation>
            <numerusform>%n file had already been closed (ID %1).</numerusform>
            <numerusform>%n files had already been closed (IDs %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server accepted the request, but %n file(s) are still open: %1</source>
        <translation>
            <numerusform>The server accepted the request, but %n file is still open: %1</numerusform>
            <numerusform>The server accepted the request, but %n files are still open: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On %1: %n file(s)</source>
        <extracomment>How many of the selected files close on one server: %1 the server</extracomment>
        <translation>
            <numerusform>On %1: %n file</numerusform>
            <numerusform>On %1: %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerListFile</name>
    <message numerus="yes">
        <source>… and %n more line(s).</source>
        <translation>
            <numerusform>… and %n more line.</numerusform>
            <numerusform>… and %n more lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the server list name no server (use host, host:port, \\host or [IPv6 address]:port):
%1</source>
        <extracomment>%1 lists the lines, one per line.</extracomment>
        <translation>
            <numerusform>%n line of the server list names no server (use host, host:port, \\host or [IPv6 address]:port):
%1</numerusform>
            <numerusform>%n lines of the server list name no server (use host, host:port, \\host or [IPv6 address]:port):
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerPanelModel</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionCtlCommand</name>
    <message numerus="yes">
        <source>Logged on to %n server(s) as %1; ending %2.</source>
        <extracomment>%n is a number of servers, %1 the logon account (or &quot;your Kerberos ticket&quot;), %2 e.g. &quot;every session of user alice&quot;.</extracomment>
        <translation>
            <numerusform>Logged on to %n server as %1; ending %2.</numerusform>
            <numerusform>Logged on to %n servers as %1; ending %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionErrorText</name>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). It may be overloaded, or a firewall drops the traffic. Try again later.</source>
        <translation>
            <numerusform>The server did not answer within %n second. It may be overloaded, or a firewall drops the traffic. Try again later.</numerusform>
            <numerusform>The server did not answer within %n seconds. It may be overloaded, or a firewall drops the traffic. Try again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFormatter</name>
    <message numerus="yes">
        <source>These %n session(s) will be ended:</source>
        <translation>
            <numerusform>This session will be ended:</numerusform>
            <numerusform>These %n sessions will be ended:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s).</source>
        <translation>
            <numerusform>Ended %n session.</numerusform>
            <numerusform>Ended %n sessions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n sessions from %2:</source>
        <extracomment>%1 is a user name, %2 a client computer.</extracomment>
        <translation>
            <numerusform>%1 has %n session from %2:</numerusform>
            <numerusform>%1 has %n sessions from %2:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s) will be ended.</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n session will be ended.</numerusform>
            <numerusform>%1: %n sessions will be ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ended %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: ended %n session.</numerusform>
            <numerusform>%1: ended %n sessions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s).</source>
        <translation>
            <numerusform>%n session.</numerusform>
            <numerusform>%n sessions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n session.</numerusform>
            <numerusform>%1: %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message numerus="yes">
        <source>Ended %n session(s) of %1 on %2.</source>
        <extracomment>%1 user, %2 computer</extracomment>
        <translation>
            <numerusform>Ended %n session of %1 on %2.</numerusform>
            <numerusform>Ended %n sessions of %1 on %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
