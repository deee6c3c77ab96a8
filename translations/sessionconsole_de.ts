<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Überwachungsprotokoll</translation>
    </message>
    <message>
        <source>Every request to end sessions made on this computer with the console or sessionctl, newest first. The password is never recorded.</source>
        <translation>Alle Anforderungen zum Schließen von Sitzungen, die auf diesem Computer mit der Konsole oder mit sessionctl gestellt wurden, die neuesten zuerst. Das Kennwort wird nie aufgezeichnet.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Operator</source>
        <extracomment>The local account of the person who ended the sessions</extracomment>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Account</source>
        <comment>server logon</comment>
        <extracomment>The account used to log on to the server</extracomment>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Computer</source>
        <extracomment>The client computer whose sessions were ended</extracomment>
        <translation>Computer</translation>
    </message>
    <message>
        <source>User</source>
        <comment>session user</comment>
        <extracomment>The user whose sessions were ended</extracomment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s)</source>
        <translation>
            <numerusform>%n Sitzung geschlossen</numerusform>
            <numerusform>%n Sitzungen geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>(all)</source>
        <extracomment>Shown for an empty client or user field: NetSessionDel then ends the sessions of every client (or user)</extracomment>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>%1 on %2 with %3</source>
        <comment>operator tooltip: account, machine, program</comment>
        <translation>%1 auf %2 mit %3</translation>
    </message>
    <message>
        <source>through sudo by %1</source>
        <translation>über sudo durch %1</translation>
    </message>
    <message>
        <source>Kerberos ticket</source>
        <translation>Kerberos-Ticket</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Das Überwachungsprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No disconnects have been recorded yet. The log is kept in %1.</source>
        <translation>Bisher wurden keine Trennungen aufgezeichnet. Das Protokoll befindet sich in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in %1.</source>
        <translation>
            <numerusform>%n Eintrag in %1.</numerusform>
            <numerusform>%n Einträge in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) skipped.</source>
        <translation>
            <numerusform>%n unlesbare Zeile übersprungen.</numerusform>
            <numerusform>%n unlesbare Zeilen übersprungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect As</source>
        <translation>Verbinden als</translation>
    </message>
    <message>
        <source>Account used to list and end the sessions. Listing sessions needs administrator rights on the server.</source>
        <translation>Konto, mit dem die Sitzungen aufgelistet und geschlossen werden. Zum Auflisten von Sitzungen sind Administratorrechte auf dem Server erforderlich.</translation>
    </message>
    <message>
        <source>Account used on %1 to list and end its sessions. Listing sessions needs administrator rights on the server.</source>
        <translation>Konto, mit dem die Sitzungen von %1 aufgelistet und geschlossen werden. Zum Auflisten von Sitzungen sind Administratorrechte auf dem Server erforderlich.</translation>
    </message>
    <message>
        <source>Use my &amp;Kerberos ticket</source>
        <translation>Mein &amp;Kerberos-Ticket verwenden</translation>
    </message>
    <message>
        <source>Authenticate with the ticket of your desktop login (kinit) instead of a password.</source>
        <translation>Mit dem Ticket Ihrer Desktopanmeldung (kinit) statt mit einem Kennwort authentifizieren.</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domäne:</translation>
    </message>
    <message>
        <source>The server&apos;s own domain</source>
        <comment>placeholder of the domain field</comment>
        <translation>Domäne des Servers</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Kenn&amp;wort:</translation>
    </message>
    <message>
        <source>Refuse to connect unless the server encrypts the traffic (SMB 3 encryption). The connection is always signed.</source>
        <translation>Nur verbinden, wenn der Server den Datenverkehr verschlüsselt (SMB-3-Verschlüsselung). Die Verbindung wird immer signiert.</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Kept in memory only while the console needs it. Never written to the settings; kept in the desktop keyring only if you ask to remember it.</source>
        <translation>Wird nur so lange im Arbeitsspeicher gehalten, wie die Konsole es braucht. Es wird nie in die Einstellungen geschrieben und nur dann im Schlüsselbund des Desktops gespeichert, wenn Sie darum bitten.</translation>
    </message>
    <message>
        <source>Require &amp;encryption</source>
        <translation>Verschlüsselung ver&amp;langen</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the desktop keyring</source>
        <translation>Kennwort im Schlüsselbund des Desktops &amp;merken</translation>
    </message>
    <message>
        <source>Keep the password in your desktop&apos;s keyring (wallet), not in the console&apos;s settings, so the next connection does not ask for it.</source>
        <translation>Das Kennwort im Schlüsselbund (Brieftasche) Ihres Desktops statt in den Einstellungen der Konsole aufbewahren, damit die nächste Verbindung nicht danach fragt.</translation>
    </message>
    <message>
        <source>Reading your Kerberos tickets…</source>
        <translation>Ihre Kerberos-Tickets werden gelesen…</translation>
    </message>
    <message>
        <source>Ticket of %1, valid until %2.</source>
        <extracomment>%1 is a Kerberos principal (user@REALM), %2 a date and time.</extracomment>
        <translation>Ticket von %1, gültig bis %2.</translation>
    </message>
    <message>
        <source>The ticket of %1 expired at %2. Run kinit to renew it, or use a password.</source>
        <extracomment>%1 is a Kerberos principal (user@REALM), %2 a date and time. &quot;kinit&quot; is a command.</extracomment>
        <translation>Das Ticket von %1 ist am %2 abgelaufen. Führen Sie kinit aus, um es zu erneuern, oder verwenden Sie ein Kennwort.</translation>
    </message>
    <message>
        <source>You have no Kerberos ticket. Run kinit (or log on to the domain again), or use a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>Sie haben kein Kerberos-Ticket. Führen Sie kinit aus (oder melden Sie sich erneut an der Domäne an), oder verwenden Sie ein Kennwort.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connect As…</source>
        <translation>Verbinden als…</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <source>The list shows the sessions as they were at the last refresh and may be out of date.</source>
        <translation>Die Liste zeigt die Sitzungen im Stand der letzten Aktualisierung und ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Cannot list the sessions of %1: %2</source>
        <translation>Die Sitzungen von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Neuer Versuch…</translation>
    </message>
    <message>
        <source>Next attempt at %1.</source>
        <translation>Nächster Versuch um %1.</translation>
    </message>
    <message>
        <source>Press %1 to try again.</source>
        <translation>Drücken Sie %1, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>List the sessions of the server in the server field</source>
        <translation>Die Sitzungen des Servers im Serverfeld auflisten</translation>
    </message>
    <message>
        <source>Connect &amp;As…</source>
        <translation>Verbinden &amp;als…</translation>
    </message>
    <message>
        <source>Choose the account used on the server</source>
        <translation>Das auf dem Server verwendete Konto auswählen</translation>
    </message>
    <message>
        <source>Go to &amp;Server Field</source>
        <translation>Zum &amp;Serverfeld</translation>
    </message>
    <message>
        <source>Type another server name</source>
        <translation>Einen anderen Servernamen eingeben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Die Konsole schließen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Ask the server for its sessions now</source>
        <translation>Den Server jetzt nach seinen Sitzungen fragen</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <source>Show only sessions whose user or computer matches</source>
        <translation>Nur Sitzungen anzeigen, deren Benutzer oder Computer übereinstimmt</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Show every field of the selected session</source>
        <translation>Alle Felder der ausgewählten Sitzung anzeigen</translation>
    </message>
    <message>
        <source>End the sessions of the selected users on their computers</source>
        <translation>Die Sitzungen der ausgewählten Benutzer auf ihren Computern schließen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select every session shown</source>
        <translation>Alle angezeigten Sitzungen auswählen</translation>
    </message>
    <message>
        <source>&amp;About Session Console</source>
        <translation>&amp;Info über Sitzungskonsole</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip: action (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect As…</source>
        <translation>Verbinden als…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation>Überwachungs&amp;protokoll…</translation>
    </message>
    <message>
        <source>Show the record of every request to end sessions</source>
        <translation>Das Protokoll aller Anforderungen zum Schließen von Sitzungen anzeigen</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>automatic refresh</comment>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <comment>automatic refresh</comment>
        <translation>
            <numerusform>Jede Sekunde</numerusform>
            <numerusform>Alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>D&amp;isconnect…</source>
        <comment>end a session</comment>
        <translation>&amp;Trennen…</translation>
    </message>
    <message>
        <source>The server refused to end sessions for your account: it lacks the right. Use Connect As with an administrator of the server.</source>
        <translation>Der Server hat das Schließen von Sitzungen mit Ihrem Konto verweigert: Es fehlt das Recht. Verwenden Sie „Verbinden als“ mit einem Administrator des Servers.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV or JSON file</source>
        <translation>Die angezeigten Zeilen als CSV- oder JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Find &amp;User…</source>
        <translation>&amp;Benutzer suchen…</translation>
    </message>
    <message>
        <source>Find the sessions of a user on every watched server</source>
        <translation>Die Sitzungen eines Benutzers auf allen überwachten Servern suchen</translation>
    </message>
</context>
<context>
    <name>ConsoleArguments</name>
    <message>
        <source>See, inspect and end the sessions of an SMB file server.</source>
        <translation>Sitzungen eines SMB-Dateiservers anzeigen, untersuchen und schließen.</translation>
    </message>
    <message>
        <source>host</source>
        <extracomment>Value name in --help: a server name or address</extracomment>
        <translation>Server</translation>
    </message>
    <message>
        <source>SMB port of the server (default 445).</source>
        <translation>SMB-Port des Servers (Standard: 445).</translation>
    </message>
    <message>
        <source>port</source>
        <extracomment>Value name in --help: a TCP port number</extracomment>
        <translation>Port</translation>
    </message>
    <message>
        <source>Log on as &lt;user&gt;.</source>
        <translation>Als &lt;Benutzer&gt; anmelden.</translation>
    </message>
    <message>
        <source>user</source>
        <extracomment>Value name in --help: an account name</extracomment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Domain of the account (default: the server&apos;s).</source>
        <translation>Domäne des Kontos (Standard: die des Servers).</translation>
    </message>
    <message>
        <source>domain</source>
        <extracomment>Value name in --help: a domain name</extracomment>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (never pass it on the command line, where other users can see it).</source>
        <translation>Das Kennwort aus der ersten Zeile von &lt;Datei&gt; lesen (geben Sie es nie auf der Befehlszeile an, wo andere Benutzer es sehen können).</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>Value name in --help: a file name</extracomment>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Log on with your Kerberos ticket.</source>
        <translation>Mit Ihrem Kerberos-Ticket anmelden.</translation>
    </message>
    <message>
        <source>Refresh every &lt;seconds&gt; (0 turns automatic refresh off).</source>
        <translation>Alle &lt;Sekunden&gt; aktualisieren (0 schaltet die automatische Aktualisierung aus).</translation>
    </message>
    <message>
        <source>seconds</source>
        <extracomment>Value name in --help: a number of seconds</extracomment>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Use this language for this run: %1 (default: the choice in the View menu, else the system&apos;s).</source>
        <translation>Diese Sprache nur für diesen Aufruf verwenden: %1 (Standard: die Auswahl im Menü „Ansicht“, sonst die des Systems).</translation>
    </message>
    <message>
        <source>code</source>
        <extracomment>Value name in --help: a language code such as &quot;de&quot;</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Invalid port: %1</source>
        <translation>Ungültiger Port: %1</translation>
    </message>
    <message>
        <source>Invalid interval: %1</source>
        <translation>Ungültiges Intervall: %1</translation>
    </message>
    <message>
        <source>--kerberos and --password-file exclude each other.</source>
        <translation>--kerberos und --password-file schließen einander aus.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>Die Kennwortdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Unknown language %1: use one of %2.</source>
        <translation>Unbekannte Sprache %1: Verwenden Sie eine von diesen: %2.</translation>
    </message>
    <message>
        <source>--screenshot needs --server.</source>
        <translation>--screenshot erfordert --server.</translation>
    </message>
    <message>
        <source>Displays this help.</source>
        <translation>Zeigt diese Hilfe an.</translation>
    </message>
    <message>
        <source>Require an encrypted connection (SMB 3 encryption); the connection is always signed.</source>
        <translation>Eine verschlüsselte Verbindung verlangen (SMB-3-Verschlüsselung); die Verbindung wird immer signiert.</translation>
    </message>
    <message>
        <source>Start on the Sessions page (sessions, the default) or the Open Files page (files).</source>
        <extracomment>Keep &quot;sessions&quot; and &quot;files&quot;: they are the values of the option</extracomment>
        <translation>Auf der Seite „Sitzungen“ (sessions, Standard) oder „Geöffnete Dateien“ (files) beginnen.</translation>
    </message>
    <message>
        <source>page</source>
        <extracomment>Value name in --help: which page to show</extracomment>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Unknown page %1: use sessions or files.</source>
        <extracomment>Keep &quot;sessions&quot; and &quot;files&quot;</extracomment>
        <translation>Unbekannte Seite %1: sessions oder files verwenden.</translation>
    </message>
    <message>
        <source>Connect to &lt;host&gt; at start. Repeat it to watch several servers in one table. Without it, the servers watched when the console was last closed are watched again.</source>
        <translation>Beim Start mit &lt;Server&gt; verbinden. Mehrfach angeben, um mehrere Server in einer Tabelle zu überwachen. Ohne diese Option werden die Server wieder überwacht, die beim letzten Schließen der Konsole überwacht wurden.</translation>
    </message>
    <message>
        <source>Ask at most &lt;n&gt; servers at once (default: %1, at most %2).</source>
        <translation>Höchstens &lt;n&gt; Server gleichzeitig abfragen (Standard: %1, höchstens %2).</translation>
    </message>
    <message>
        <source>n</source>
        <extracomment>Value name in --help: a number</extracomment>
        <translation>n</translation>
    </message>
    <message>
        <source>Invalid number of servers at once: %1 (use 1 to %2).</source>
        <translation>Ungültige Anzahl gleichzeitig abgefragter Server: %1 (1 bis %2 verwenden).</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Last message</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <source>Number of sessions</source>
        <translation>Anzahl der Sitzungen</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>Verbindungssicherheit</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <extracomment>%1 sessions shown by the filter, %n all sessions of the server</extracomment>
        <translation>
            <numerusform>%1 von %n Sitzung</numerusform>
            <numerusform>%1 von %n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Signed and encrypted</source>
        <translation>Signiert und verschlüsselt</translation>
    </message>
    <message>
        <source>Signed, not encrypted</source>
        <translation>Signiert, nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>security (protocol)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Protection of the console&apos;s own connection, as negotiated with the server</source>
        <translation>Schutz der eigenen Verbindung der Konsole, wie mit dem Server ausgehandelt</translation>
    </message>
    <message numerus="yes">
        <source>Loading %1 of %Ln session(s)…</source>
        <extracomment>A server that sends its sessions in pages: %1 received so far, %Ln in all</extracomment>
        <translation>
            <numerusform>%1 von %Ln Sitzung geladen…</numerusform>
            <numerusform>%1 von %Ln Sitzungen geladen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Details reported</source>
        <translation>Gemeldete Details</translation>
    </message>
    <message>
        <source>Basic details only</source>
        <translation>Nur grundlegende Details</translation>
    </message>
    <message>
        <source>This server reports basic session details only (no %1).</source>
        <extracomment>%1 lists column titles, e.g. &quot;Client Type and Transport&quot;</extracomment>
        <translation>Dieser Server meldet nur grundlegende Sitzungsdetails (ohne %1).</translation>
    </message>
    <message>
        <source>Number of open files</source>
        <translation>Anzahl der geöffneten Dateien</translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n geöffnete Datei</numerusform>
            <numerusform>%n geöffnete Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n open file(s)</source>
        <extracomment>%1 open files shown by the filter, %n all open files listed</extracomment>
        <translation>
            <numerusform>%1 von %n geöffneten Datei</numerusform>
            <numerusform>%1 von %n geöffneten Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s): %1 online, %2 failed</source>
        <extracomment>Several servers shown at once: %n servers, %1 of them answered, %2 did not</extracomment>
        <translation>
            <numerusform>%n Server: %1 online, %2 fehlgeschlagen</numerusform>
            <numerusform>%n Server: %1 online, %2 fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeltaTableModel</name>
    <message>
        <source>The last refresh failed, so this may be outdated: %1</source>
        <translation>Die letzte Aktualisierung ist fehlgeschlagen, daher ist dies möglicherweise veraltet: %1</translation>
    </message>
</context>
<context>
    <name>DisconnectDialog</name>
    <message>
        <source>Disconnect Sessions</source>
        <translation>Sitzungen trennen</translation>
    </message>
    <message>
        <source>Disconnect %1 on %2?</source>
        <extracomment>%1 is e.g. &quot;3 users&quot;, %2 e.g. &quot;1 computer&quot;.</extracomment>
        <translation>%1 auf %2 trennen?</translation>
    </message>
    <message>
        <source>all users</source>
        <comment>of a computer</comment>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Open files</source>
        <extracomment>Column header: number of files the user has open.</extracomment>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <source>Sessions to end</source>
        <translation>Zu schließende Sitzungen</translation>
    </message>
    <message>
        <source>All sessions of each user from that computer end, not only the selected ones. Unsaved data in files they have open may be lost.</source>
        <translation>Alle Sitzungen jedes Benutzers von diesem Computer werden geschlossen, nicht nur die ausgewählten. Nicht gespeicherte Daten in geöffneten Dateien können verloren gehen.</translation>
    </message>
    <message>
        <source>This includes the console&apos;s own connection to the server. The console reconnects at the next refresh, but anything else this account has open from this computer is closed too.</source>
        <translation>Dazu gehört auch die eigene Verbindung der Konsole zum Server. Die Konsole verbindet sich bei der nächsten Aktualisierung neu, aber alles andere, was dieses Konto von diesem Computer aus geöffnet hat, wird ebenfalls geschlossen.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <comment>end the sessions</comment>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Disconnect the listed sessions</source>
        <translation>Die aufgeführten Sitzungen trennen</translation>
    </message>
    <message>
        <source>Cancel, keep the sessions</source>
        <translation>Abbrechen, Sitzungen beibehalten</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n computer(s)</source>
        <translation>
            <numerusform>%n Computer</numerusform>
            <numerusform>%n Computern</numerusform>
        </translation>
    </message>
    <message>
        <source>This ends %1 and closes %2.</source>
        <extracomment>%1 is e.g. &quot;5 sessions&quot;, %2 e.g. &quot;15 open files&quot;.</extracomment>
        <translation>Dadurch werden %1 und %2 geschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n geöffnete Datei</numerusform>
            <numerusform>%n geöffnete Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On %1: %n session(s).</source>
        <extracomment>One line per server of a disconnect spanning several; %1 is the server.</extracomment>
        <translation>
            <numerusform>Auf %1: %n Sitzung.</numerusform>
            <numerusform>Auf %1: %n Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server of the sessions</extracomment>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The rows were not saved to %1.</source>
        <extracomment>%1 is a file path.</extracomment>
        <translation>Die Zeilen wurden nicht in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was changed; the list is as it was.</source>
        <translation>Es wurde nichts geändert; die Liste ist unverändert.</translation>
    </message>
</context>
<context>
    <name>FindUserDialog</name>
    <message>
        <source>Find User</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>The account name, as the servers list it</source>
        <translation>Der Kontoname, wie die Server ihn auflisten</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Go to Session</source>
        <translation>&amp;Zur Sitzung wechseln</translation>
    </message>
    <message>
        <source>Show this session in the main window&apos;s list</source>
        <translation>Diese Sitzung in der Liste des Hauptfensters anzeigen</translation>
    </message>
    <message>
        <source>Sessions of the user</source>
        <translation>Sitzungen des Benutzers</translation>
    </message>
</context>
<context>
    <name>FindUserModel</name>
    <message>
        <source>Asking…</source>
        <extracomment>Find User: the server has not answered yet</extracomment>
        <translation>Wird abgefragt…</translation>
    </message>
    <message>
        <source>No sessions</source>
        <extracomment>Find User: the server answered, and the user has no session on it</extracomment>
        <translation>Keine Sitzungen</translation>
    </message>
    <message>
        <source>Cannot tell: the server does not report user names at its information level</source>
        <translation>Nicht feststellbar: Der Server meldet auf seiner Informationsebene keine Benutzernamen</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary, e.g. &quot;alice: 3 sessions on 2 of 5 servers&quot;. %1 is the user name, %2 &quot;3 sessions&quot;, %3 &quot;2 of 5 servers&quot;.</extracomment>
        <translation>%1: %2 auf %3</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n server(s)</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers where the user has sessions, of all</extracomment>
        <translation>
            <numerusform>%1 von %n Server</numerusform>
            <numerusform>%1 von %n Servern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) failed</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n Server fehlgeschlagen</numerusform>
            <numerusform>%n Server fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) cannot tell</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers whose answer has no user names</extracomment>
        <translation>
            <numerusform>%n Server kann es nicht feststellen</numerusform>
            <numerusform>%n Server können es nicht feststellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still asking</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers that have not answered yet</extracomment>
        <translation>
            <numerusform>%n noch ohne Antwort</numerusform>
            <numerusform>%n noch ohne Antwort</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message>
        <source>No server has a session of user %1.</source>
        <extracomment>%1 is a user name. Every server answered; none has a session of that user.</extracomment>
        <translation>Kein Server hat eine Sitzung des Benutzers %1.</translation>
    </message>
    <message>
        <source>No server has a matching session; nothing was ended.</source>
        <translation>Kein Server hat eine passende Sitzung; es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record the close on %1: %2</source>
        <extracomment>%1 is a server, %2 names the file and the reason.</extracomment>
        <translation>sessionctl: Warnung: Das Überwachungsprotokoll hat das Schließen auf %1 nicht aufgezeichnet: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>&amp;Systemsprache (%1)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Automatic Refresh</source>
        <translation>&amp;Automatische Aktualisierung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>Servername oder -adresse</translation>
    </message>
    <message>
        <source>A&amp;uto:</source>
        <comment>automatic refresh interval</comment>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Automatic refresh interval</source>
        <translation>Intervall der automatischen Aktualisierung</translation>
    </message>
    <message>
        <source>How often the list is refreshed</source>
        <translation>Wie oft die Liste aktualisiert wird</translation>
    </message>
    <message>
        <source>Filter by user or computer</source>
        <translation>Benutzer/Computer filtern</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only sessions whose user or computer contains this text (%1)</source>
        <translation>Nur Sitzungen anzeigen, deren Benutzer oder Computer diesen Text enthält (%1)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>About Session Console</source>
        <translation>Info über Sitzungskonsole</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Session Console %1&lt;/h3&gt;&lt;p&gt;See, inspect and end the sessions of an SMB file server.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sitzungskonsole %1&lt;/h3&gt;&lt;p&gt;Sitzungen eines SMB-Dateiservers anzeigen, untersuchen und schließen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder höher.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Open Files</source>
        <extracomment>Windows&apos; term (Computer Management &gt; Shared Folders &gt; Open Files)</extracomment>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <source>Filter by path or user</source>
        <translation>Pfad/Benutzer filtern</translation>
    </message>
    <message>
        <source>Show only open files whose path or user contains this text (%1)</source>
        <translation>Nur geöffnete Dateien anzeigen, deren Pfad oder Benutzer diesen Text enthält (%1)</translation>
    </message>
    <message>
        <source>Name or address of the file server, optionally with :port. In the list of servers used before, Delete removes an entry.</source>
        <translation>Name oder Adresse des Dateiservers, optional mit :Port. In der Liste der zuvor verwendeten Server entfernt Entf einen Eintrag.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <extracomment>%1 is a file path.</extracomment>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert.</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the only server watched; it stays watched.</source>
        <extracomment>Status bar: the window watches at least one server.</extracomment>
        <translation>%1 ist der einzige überwachte Server; er bleibt überwacht.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
</context>
<context>
    <name>OpenFileCommand</name>
    <message>
        <source>  files       Open Files: list the server&apos;s open files (optionally only those
              below --path and/or of --session-user, at --level 2, 3 or auto).
  close-file  Close Open File: close the files given by --id (repeatable), or
              every open file whose full path is --path. Shows them and asks
              for confirmation on the terminal unless --yes is given.</source>
        <extracomment>sessionctl --help. Keep the command and option names untranslated; &quot;Open Files&quot; and &quot;Close Open File&quot; are the Windows terms (see the glossary).</extracomment>
        <translation>  files       Geöffnete Dateien: listet die geöffneten Dateien des Servers auf
              (auf Wunsch nur die unter --path und/oder von --session-user, mit
              --level 2, 3 oder auto).
  close-file  Geöffnete Datei schließen: schließt die mit --id angegebenen Dateien
              (wiederholbar) oder jede geöffnete Datei, deren vollständiger Pfad
              --path ist. Zeigt sie an und fragt im Terminal nach, außer bei --yes.</translation>
    </message>
    <message>
        <source>No open file has the path &quot;%1&quot;; nothing was closed.</source>
        <extracomment>%1 is the path given with --path</extracomment>
        <translation>Keine geöffnete Datei hat den Pfad „%1“; es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>Access denied: closing open files needs administrator rights on the server (on Samba: root or the SeDiskOperatorPrivilege). Nothing was closed.</source>
        <extracomment>SeDiskOperatorPrivilege is a Windows/Samba privilege name: keep it.</extracomment>
        <translation>Zugriff verweigert: Zum Schließen geöffneter Dateien sind Administratorrechte auf dem Server nötig (bei Samba: root oder das Recht SeDiskOperatorPrivilege). Es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>Close these files? [y/N] </source>
        <extracomment>Confirmation question; the answer is checked against &quot;y&quot; and &quot;yes&quot; and their translations (the strings &quot;y&quot; and &quot;yes&quot; of SessionCtlCommand).</extracomment>
        <translation>Diese Dateien schließen? [j/N] </translation>
    </message>
    <message>
        <source>Nothing was closed.</source>
        <translation>Es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record this: %1</source>
        <extracomment>%1 names the file and the reason</extracomment>
        <translation>sessionctl: Warnung: Das Überwachungsprotokoll hat dies nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>files: only files whose path begins with this; close-file: the full path of the files to close, as `files` shows it.</source>
        <translation>files: nur Dateien, deren Pfad so beginnt; close-file: der vollständige Pfad der zu schließenden Dateien, wie `files` ihn anzeigt.</translation>
    </message>
    <message>
        <source>path</source>
        <extracomment>Value name in --help: a file path on the server</extracomment>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>close-file: the id of an open file, as `files` shows it (repeatable).</source>
        <translation>close-file: die ID einer geöffneten Datei, wie `files` sie anzeigt (wiederholbar).</translation>
    </message>
    <message>
        <source>id</source>
        <extracomment>Value name in --help: a file id number</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>files: --level must be 2, 3 or auto.</source>
        <translation>files: --level muss 2, 3 oder auto sein.</translation>
    </message>
    <message>
        <source>--id needs a file id, a number as `files` shows it.</source>
        <translation>--id braucht eine Datei-ID, eine Zahl, wie `files` sie anzeigt.</translation>
    </message>
    <message>
        <source>--path and --id go with files and close-file.</source>
        <translation>--path und --id gehören zu files und close-file.</translation>
    </message>
    <message>
        <source>close-file needs either --id or --path.</source>
        <translation>close-file braucht entweder --id oder --path.</translation>
    </message>
    <message>
        <source>close-file asks for confirmation, but there is no terminal to ask on; add --yes to close the files without asking.</source>
        <translation>close-file fragt nach einer Bestätigung, aber es gibt kein Terminal, auf dem gefragt werden kann; mit --yes werden die Dateien ohne Rückfrage geschlossen.</translation>
    </message>
</context>
<context>
    <name>OpenFileFormatter</name>
    <message>
        <source>Read+Write</source>
        <extracomment>Access column of an open file: opened for reading and writing</extracomment>
        <translation>Lesen+Schreiben</translation>
    </message>
    <message>
        <source>Write</source>
        <extracomment>Access column of an open file</extracomment>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Read</source>
        <extracomment>Access column of an open file</extracomment>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1 of %2 open file(s) shown (information level %3).</source>
        <extracomment>Below the open-files table. %1 is the number listed, %2 the server&apos;s total, %3 the level.</extracomment>
        <translation>%1 von %2 geöffneten Dateien angezeigt (Informationsebene %3).</translation>
    </message>
    <message>
        <source>No open files.</source>
        <translation>Keine geöffneten Dateien.</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of the open-files table (Windows&apos; Open Files node: ID, Accessed By, # Locks, Open Mode, Open File)</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>These open files will be closed; changes not yet saved in them can be lost:</source>
        <extracomment>Shown before the confirmation question of close-file</extracomment>
        <translation>Diese geöffneten Dateien werden geschlossen; noch nicht gespeicherte Änderungen darin können verloren gehen:</translation>
    </message>
    <message>
        <source>Closed open file %1.</source>
        <extracomment>%1 is a file id, possibly followed by the path and user in parentheses</extracomment>
        <translation>Geöffnete Datei %1 geschlossen.</translation>
    </message>
    <message>
        <source>File %1 was no longer open; nothing was closed.</source>
        <translation>Die Datei %1 war nicht mehr geöffnet; es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>The server accepted closing file %1, but it is still open.</source>
        <translation>Der Server hat das Schließen der Datei %1 angenommen, aber sie ist noch geöffnet.</translation>
    </message>
    <message>
        <source>File %1 was not closed.</source>
        <translation>Die Datei %1 wurde nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>OpenFileTableModel</name>
    <message>
        <source>Read+Write</source>
        <extracomment>Access of an open file (PERM_FILE_READ and PERM_FILE_WRITE), as Windows&apos; Open Files shows it</extracomment>
        <translation>Lesen+Schreiben</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>open file access</comment>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <comment>open file access</comment>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>On the server: %1</source>
        <extracomment>%1 is the open file&apos;s path on the server&apos;s own disk</extracomment>
        <translation>Auf dem Server: %1</translation>
    </message>
    <message>
        <source>The server names the user who holds the file, not the session or the computer.</source>
        <translation>Der Server nennt den Benutzer, der die Datei geöffnet hat, nicht die Sitzung oder den Computer.</translation>
    </message>
    <message>
        <source>Path</source>
        <extracomment>Column header: the open file (\servershare<byte value="xc"/>older<byte value="xc"/>ile)</extracomment>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Column header: the account that holds the file open</extracomment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Access</source>
        <extracomment>Column header: Read, Write or Read+Write</extracomment>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Locks</source>
        <extracomment>Column header: number of byte-range locks on the file</extracomment>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>File ID</source>
        <extracomment>Column header: the server&apos;s number for the open file</extracomment>
        <translation>Datei-ID</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server the file is open on (with several servers)</extracomment>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>OpenFilesPage</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>One file in a list: %1 the path, %2 the user who holds it</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open Files</source>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <source>&amp;Close Open File…</source>
        <extracomment>Windows&apos; term (Computer Management &gt; Open Files &gt; Close Open File)</extracomment>
        <translation>Geöffnete Datei &amp;schließen…</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>Show &amp;Sessions of This User</source>
        <translation>&amp;Sitzungen dieses Benutzers anzeigen</translation>
    </message>
    <message>
        <source>Show All Users</source>
        <translation>Alle Benutzer anzeigen</translation>
    </message>
    <message>
        <source>Showing the open files of %1.</source>
        <translation>Angezeigt werden die geöffneten Dateien von %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n sessions on this server, and the server does not say which session holds which file.</source>
        <translation>
            <numerusform>%1 hat %n Sitzung auf diesem Server.</numerusform>
            <numerusform>%1 hat %n Sitzungen auf diesem Server, und der Server gibt nicht an, welche Sitzung welche Datei geöffnet hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Access denied: listing open files needs administrator rights on the server (on Samba: root, BUILTIN\Administrators or the SeDiskOperatorPrivilege).</source>
        <extracomment>&quot;Samba&quot; is a product name; SeDiskOperatorPrivilege and BUILTINAdministrators are names: keep them</extracomment>
        <translation>Zugriff verweigert: Zum Anzeigen geöffneter Dateien sind Administratorrechte auf dem Server nötig (bei Samba: root, BUILTIN\Administrators oder das Recht SeDiskOperatorPrivilege).</translation>
    </message>
    <message>
        <source>The server does not list open files at any information level this console knows (ERROR_INVALID_LEVEL).</source>
        <translation>Der Server liefert geöffnete Dateien auf keiner Informationsebene, die diese Konsole kennt (ERROR_INVALID_LEVEL).</translation>
    </message>
    <message>
        <source>The open files could not be listed: %1</source>
        <translation>Die geöffneten Dateien konnten nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The list shows the files as they were before.</source>
        <translation>Die Liste zeigt die Dateien im vorherigen Stand.</translation>
    </message>
    <message>
        <source>The server reports only file IDs (level 2): no paths, users, access or locks.</source>
        <translation>Der Server meldet nur Datei-IDs (Ebene 2): keine Pfade, Benutzer, Zugriffe oder Sperren.</translation>
    </message>
    <message>
        <source>Paths are shown as on the server&apos;s own disk: this account may not list the server&apos;s shares.</source>
        <translation>Pfade werden wie auf dem Datenträger des Servers angezeigt: Dieses Konto darf die Freigaben des Servers nicht auflisten.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Close Open File</source>
        <translation>Geöffnete Datei schließen</translation>
    </message>
    <message numerus="yes">
        <source>Close %n open file(s)?</source>
        <translation>
            <numerusform>%n geöffnete Datei schließen?</numerusform>
            <numerusform>%n geöffnete Dateien schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>The users lose access to these files at once; changes they have not saved may be lost.</source>
        <translation>Die Benutzer verlieren sofort den Zugriff auf diese Dateien; nicht gespeicherte Änderungen können verloren gehen.</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Mit keinem Server verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>Closing %n open file(s)…</source>
        <translation>
            <numerusform>%n geöffnete Datei wird geschlossen…</numerusform>
            <numerusform>%n geöffnete Dateien werden geschlossen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <extracomment>%1 the file, %2 the reason</extracomment>
        <translation>%1 konnte nicht geschlossen werden: %2</translation>
    </message>
    <message>
        <source>Access denied: closing open files needs administrator rights on the server (on Samba: root or the SeDiskOperatorPrivilege).</source>
        <extracomment>&quot;Samba&quot; is a product name; SeDiskOperatorPrivilege is a privilege name</extracomment>
        <translation>Zugriff verweigert: Zum Schließen geöffneter Dateien sind Administratorrechte auf dem Server nötig (bei Samba: root oder das Recht SeDiskOperatorPrivilege).</translation>
    </message>
    <message numerus="yes">
        <source>Closed %n open file(s).</source>
        <translation>
            <numerusform>%n geöffnete Datei wurde geschlossen.</numerusform>
            <numerusform>%n geöffnete Dateien wurden geschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had already been closed (ID %1).</source>
        <extracomment>%1 lists file IDs</extracomment>
        <translation>
            <numerusform>%n Datei war bereits geschlossen (ID %1).</numerusform>
            <numerusform>%n Dateien waren bereits geschlossen (IDs %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server accepted the request, but %n file(s) are still open: %1</source>
        <translation>
            <numerusform>Der Server hat die Anforderung angenommen, aber %n Datei ist noch geöffnet: %1</numerusform>
            <numerusform>Der Server hat die Anforderung angenommen, aber %n Dateien sind noch geöffnet: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not record this: %1</source>
        <extracomment>%1 is the reason (a file name and an error)</extracomment>
        <translation>Das Überwachungsprotokoll konnte dies nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A notice about one of several servers: %1 the server, %2 the notice</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>On %1: %n file(s)</source>
        <extracomment>How many of the selected files close on one server: %1 the server</extracomment>
        <translation>
            <numerusform>Auf %1: %n Datei</numerusform>
            <numerusform>Auf %1: %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>close outcome</comment>
        <extracomment>A close&apos;s outcome on one of several servers: %1 the server, %2 the outcome</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Strg</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ServerListFile</name>
    <message>
        <source>%1, line %2: &quot;%3&quot;</source>
        <extracomment>One line of a server list file that names no server. %1 is the file name, %2 the line number, %3 the text on that line.</extracomment>
        <translation>%1, Zeile %2: „%3“</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s).</source>
        <translation>
            <numerusform>… und %n weitere Zeile.</numerusform>
            <numerusform>… und %n weitere Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the server list name no server (use host, host:port, \\host or [IPv6 address]:port):
%1</source>
        <extracomment>%1 lists the lines, one per line.</extracomment>
        <translation>
            <numerusform>%n Zeile der Serverliste nennt keinen Server (Host, Host:Port, \\Host oder [IPv6-Adresse]:Port verwenden):
%1</numerusform>
            <numerusform>%n Zeilen der Serverliste nennen keinen Server (Host, Host:Port, \\Host oder [IPv6-Adresse]:Port verwenden):
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <source>Connecting</source>
        <extracomment>State of a watched server: it has not answered yet.</extracomment>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Live</source>
        <extracomment>State of a watched server: its last refresh was answered, its sessions are current.</extracomment>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>State of a watched server: it never answered, its last refresh failed.</extracomment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stale</source>
        <extracomment>State of a watched server: its last refresh failed, the sessions shown are older.</extracomment>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>No answer since %1; the sessions shown are from then.</source>
        <translation>Keine Antwort seit %1; die angezeigten Sitzungen sind von diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>No answer since the last refresh.</source>
        <translation>Keine Antwort seit der letzten Aktualisierung.</translation>
    </message>
    <message>
        <source>Signed and encrypted</source>
        <translation>Signiert und verschlüsselt</translation>
    </message>
    <message>
        <source>Signed, not encrypted</source>
        <translation>Signiert, nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>security (protocol)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Connection at the last answer: %1</source>
        <translation>Verbindung bei der letzten Antwort: %1</translation>
    </message>
    <message>
        <source>Not connected: no password</source>
        <extracomment>State of a watched server: no password was given for its account.</extracomment>
        <translation>Nicht verbunden: kein Kennwort</translation>
    </message>
    <message>
        <source>as %1</source>
        <extracomment>Tooltip of a server connected with its own account, e.g. &quot;as EXAMPLE\helpdesk2&quot;.</extracomment>
        <translation>als %1</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Add Server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Server (host, host:port, \\host or [IPv6 address]:port):</source>
        <translation>Server (Host, Host:Port, \\Host oder [IPv6-Adresse]:Port):</translation>
    </message>
    <message>
        <source>Import Server List</source>
        <translation>Serverliste importieren</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name (use host, host:port, \\host or [IPv6 address]:port).</source>
        <extracomment>%1 is what the operator typed.</extracomment>
        <translation>„%1“ ist kein Servername (Host, Host:Port, \\Host oder [IPv6-Adresse]:Port verwenden).</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Cannot read the server list &quot;%1&quot;: %2</source>
        <translation>Die Serverliste „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The server list &quot;%1&quot; is too large.</source>
        <translation>Die Serverliste „%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>The server list &quot;%1&quot; names no server.</source>
        <translation>Die Serverliste „%1“ nennt keinen Server.</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>Server &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Watch another server</source>
        <translation>Einen weiteren Server überwachen</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>Server &amp;entfernen</translation>
    </message>
    <message>
        <source>Stop watching the selected server (%1)</source>
        <translation>Den ausgewählten Server nicht mehr überwachen (%1)</translation>
    </message>
    <message>
        <source>&amp;Import Server List…</source>
        <translation>Serverliste &amp;importieren…</translation>
    </message>
    <message>
        <source>Watch the servers of a text file: one server per line, # starts a comment</source>
        <translation>Die Server einer Textdatei überwachen: ein Server pro Zeile, # leitet einen Kommentar ein</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Connect &amp;As…</source>
        <translation>Verbinden &amp;als…</translation>
    </message>
    <message>
        <source>Choose the account used on the selected server alone</source>
        <translation>Das Konto wählen, das nur auf dem ausgewählten Server verwendet wird</translation>
    </message>
    <message>
        <source>Use the &amp;Shared Account</source>
        <translation>&amp;Gemeinsames Konto verwenden</translation>
    </message>
    <message>
        <source>Connect the selected server with the account shared by all servers</source>
        <translation>Den ausgewählten Server mit dem Konto verbinden, das alle Server gemeinsam verwenden</translation>
    </message>
</context>
<context>
    <name>ServerPanelModel</name>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>Show the sessions of every watched server in one table</source>
        <translation>Die Sitzungen aller überwachten Server in einer Tabelle anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 the session count, %2 the time of the last refresh</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ServerSelection</name>
    <message>
        <source>--server &quot;%1&quot; is not a server name (use host, host:port, \\host or [IPv6 address]:port).</source>
        <extracomment>Keep &quot;--server&quot; untranslated. %1 is what was given.</extracomment>
        <translation>--server „%1“ ist kein Servername (Host, Host:Port, \\Host oder [IPv6-Adresse]:Port verwenden).</translation>
    </message>
    <message>
        <source>Cannot read the servers file &quot;%1&quot;: %2</source>
        <translation>Die Serverdatei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The servers file &quot;%1&quot; is too large.</source>
        <translation>Die Serverdatei „%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>The servers file &quot;%1&quot; names no server.</source>
        <translation>Die Serverdatei „%1“ nennt keinen Server.</translation>
    </message>
    <message>
        <source>--server (or --servers-file) is required.</source>
        <extracomment>Keep the option names untranslated.</extracomment>
        <translation>--server (oder --servers-file) ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>SessionCtlCommand</name>
    <message>
        <source>host</source>
        <extracomment>Value name in --help: a server name or address</extracomment>
        <translation>Server</translation>
    </message>
    <message>
        <source>n</source>
        <extracomment>Value name in --help: a number
----------
Value name in --help: a port number</extracomment>
        <translation>n</translation>
    </message>
    <message>
        <source>domain</source>
        <extracomment>Value name in --help: a domain or workgroup name</extracomment>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Log on with the Kerberos ticket in your ticket cache (kinit) instead of a password.</source>
        <translation>Mit dem Kerberos-Ticket aus Ihrem Ticketcache (kinit) statt mit einem Kennwort anmelden.</translation>
    </message>
    <message>
        <source>Information level: 0, 1, 2, 10, 502 or auto (default: auto, the richest level the server provides).</source>
        <translation>Informationsebene: 0, 1, 2, 10, 502 oder auto (Standard: auto, die umfangreichste Ebene, die der Server bietet).</translation>
    </message>
    <message>
        <source>level</source>
        <extracomment>Value name in --help: an information level</extracomment>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>The client computer a session comes from, as the server reports it (often an address).</source>
        <translation>Der Clientcomputer, von dem eine Sitzung stammt, wie der Server ihn meldet (oft eine Adresse).</translation>
    </message>
    <message>
        <source>name</source>
        <extracomment>Value name in --help: a computer name or address</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>JSON statt einer Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Print CSV instead of a table.</source>
        <translation>CSV statt einer Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Give up connecting, and each call, after this many seconds (default: 10).</source>
        <translation>Verbindungsaufbau und jeden Aufruf nach so vielen Sekunden abbrechen (Standard: 10).</translation>
    </message>
    <message>
        <source>seconds</source>
        <extracomment>Value name in --help: a number of seconds</extracomment>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Read the password from the first line of this file.</source>
        <translation>Das Kennwort aus der ersten Zeile dieser Datei lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>Value name in --help: a file name</extracomment>
        <translation>Datei</translation>
    </message>
    <message>
        <source>close: end the sessions without asking.</source>
        <translation>close: die Sitzungen ohne Rückfrage schließen.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>--port needs a number from 1 to 65535.</source>
        <translation>--port erfordert eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to %1.</source>
        <translation>--timeout erfordert eine ganze Zahl von Sekunden von 1 bis %1.</translation>
    </message>
    <message>
        <source>--level must be 0, 1, 2, 10, 502 or auto.</source>
        <translation>--level muss 0, 1, 2, 10, 502 oder auto sein.</translation>
    </message>
    <message>
        <source>--password-file and --kerberos exclude each other.</source>
        <translation>--password-file und --kerberos schließen einander aus.</translation>
    </message>
    <message>
        <source>--json and --csv exclude each other.</source>
        <translation>--json und --csv schließen einander aus.</translation>
    </message>
    <message>
        <source>close asks for confirmation, but there is no terminal to ask on; add --yes to end the sessions without asking.</source>
        <translation>close fragt nach einer Bestätigung, aber es gibt kein Terminal für die Rückfrage; geben Sie --yes an, um die Sitzungen ohne Rückfrage zu schließen.</translation>
    </message>
    <message>
        <source>Cannot read the password file &quot;%1&quot;: %2</source>
        <translation>Die Kennwortdatei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The password file &quot;%1&quot; is too large.</source>
        <translation>Die Kennwortdatei „%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the password file &quot;%1&quot; can be read by other users.</source>
        <translation>sessionctl: Warnung: Die Kennwortdatei „%1“ ist für andere Benutzer lesbar.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Kennwort für %1 auf %2: </translation>
    </message>
    <message>
        <source>No password: give --password-file FILE, set SESSIONCTL_PASSWORD, or run sessionctl on a terminal to be asked.</source>
        <translation>Kein Kennwort: Geben Sie --password-file DATEI an, setzen Sie SESSIONCTL_PASSWORD, oder führen Sie sessionctl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>End these sessions? [y/N] </source>
        <extracomment>Confirmation question; the answer is checked against &quot;y&quot; and &quot;yes&quot; (both the English and the translated words of the next two strings).</extracomment>
        <translation>Diese Sitzungen schließen? [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <extracomment>Short &quot;yes&quot; answer to a y/N question.</extracomment>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Long &quot;yes&quot; answer to a y/N question.</extracomment>
        <translation>ja</translation>
    </message>
    <message>
        <source>Nothing was ended.</source>
        <translation>Es wurde nichts geschlossen.</translation>
    </message>
    <message>
        <source>Try &quot;sessionctl --help&quot; for more information.</source>
        <extracomment>Keep &quot;sessionctl --help&quot; untranslated.</extracomment>
        <translation>Weitere Informationen erhalten Sie mit „sessionctl --help“.</translation>
    </message>
    <message>
        <source>name</source>
        <comment>user name</comment>
        <extracomment>Value name in --help: a user name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Require an encrypted connection (SMB 3 encryption); fail rather than talk to the server unencrypted. The connection is always signed.</source>
        <translation>Eine verschlüsselte Verbindung verlangen (SMB-3-Verschlüsselung); lieber fehlschlagen, als unverschlüsselt mit dem Server zu kommunizieren. Die Verbindung wird immer signiert.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record this: %1</source>
        <extracomment>%1 names the file and the reason</extracomment>
        <translation>sessionctl: Warnung: Das Überwachungsprotokoll hat dies nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Displays this help.</source>
        <translation>Zeigt diese Hilfe an.</translation>
    </message>
    <message>
        <source>Account to log on to the server with; DOMAIN\user is accepted. Needs administrator rights on the server. (Not the user whose sessions are meant: see --session-user.)</source>
        <translation>Konto, mit dem sich sessionctl am Server anmeldet; DOMÄNE\Benutzer ist zulässig. Benötigt Administratorrechte auf dem Server. (Nicht der Benutzer, dessen Sitzungen gemeint sind: siehe --session-user.)</translation>
    </message>
    <message>
        <source>account</source>
        <extracomment>Value name in --help: an account name</extracomment>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Domain or workgroup of --logon-user (default: the server&apos;s own).</source>
        <translation>Domäne oder Arbeitsgruppe von --logon-user (Standard: die des Servers).</translation>
    </message>
    <message>
        <source>The user whose sessions are listed, shown or ended (not the account you log on with: see --logon-user).</source>
        <translation>Der Benutzer, dessen Sitzungen aufgelistet, angezeigt oder geschlossen werden (nicht das Konto, mit dem Sie sich anmelden: siehe --logon-user).</translation>
    </message>
    <message>
        <source>command</source>
        <extracomment>Keep the command names list, find, info, close, files and close-file untranslated. Name of the positional argument in --help (&quot;sessionctl [options] command&quot;).</extracomment>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Give %1 only once (%2 is its old spelling).</source>
        <extracomment>%1 is the current option name, %2 its old spelling.</extracomment>
        <translation>Geben Sie %1 nur einmal an (%2 ist seine alte Schreibweise).</translation>
    </message>
    <message>
        <source>warning: %1 is an old spelling of %2 (%3), easily confused; use %2.</source>
        <extracomment>%1 is the old option name, %2 the current one, %3 what it means.</extracomment>
        <translation>Warnung: %1 ist eine alte Schreibweise von %2 (%3) und leicht zu verwechseln; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>the account to log on with</source>
        <translation>das Konto für die Anmeldung</translation>
    </message>
    <message>
        <source>the user whose sessions are meant</source>
        <translation>der Benutzer, dessen Sitzungen gemeint sind</translation>
    </message>
    <message>
        <source>Give the domain either in --logon-user DOMAIN\user or in --domain.</source>
        <translation>Geben Sie die Domäne entweder in --logon-user DOMÄNE\Benutzer oder in --domain an.</translation>
    </message>
    <message>
        <source>Give --logon-user (with a password) or --kerberos.</source>
        <translation>Geben Sie --logon-user (mit einem Kennwort) oder --kerberos an.</translation>
    </message>
    <message>
        <source>info needs both --client and --session-user.</source>
        <translation>info erfordert --client und --session-user.</translation>
    </message>
    <message>
        <source>close needs --client and/or --session-user.</source>
        <translation>close erfordert --client und/oder --session-user.</translation>
    </message>
    <message>
        <source>your Kerberos ticket</source>
        <translation>Ihrem Kerberos-Ticket</translation>
    </message>
    <message>
        <source>every session of user %1</source>
        <extracomment>%1 is the user whose sessions end.</extracomment>
        <translation>alle Sitzungen des Benutzers %1</translation>
    </message>
    <message>
        <source>every session from client %1</source>
        <extracomment>%1 is a client computer.</extracomment>
        <translation>alle Sitzungen vom Client %1</translation>
    </message>
    <message>
        <source>every session of user %1 from client %2</source>
        <extracomment>%1 is the user whose sessions end, %2 a client computer.</extracomment>
        <translation>alle Sitzungen des Benutzers %1 vom Client %2</translation>
    </message>
    <message>
        <source>Logged on to %2 as %1; ending %3.</source>
        <extracomment>%1 is the logon account (or &quot;your Kerberos ticket&quot;), %2 the server, %3 e.g. &quot;every session of user alice&quot;.</extracomment>
        <translation>Am Server %2 angemeldet als %1; geschlossen werden %3.</translation>
    </message>
    <message>
        <source>--timeout allows more time.</source>
        <extracomment>Keep &quot;--timeout&quot; untranslated.</extracomment>
        <translation>Mit --timeout lässt sich länger warten.</translation>
    </message>
    <message>
        <source>Lists, inspects and ends the sessions of an SMB file server (Windows or Samba): the network management functions NetSessionEnum, NetSessionGetInfo and NetSessionDel.

Commands:
  list   List the sessions (optionally only those of --client and/or
         --session-user), sorted by user, then client.
  find   List the sessions of --session-user on every server given.
  info   Show the sessions of --session-user from --client.
  close  End the sessions of --client and/or --session-user. Shows them, the
         account used and whose sessions end, and asks for confirmation on the
         terminal unless --yes is given.
list, find and close take several servers (--server more than once, or
--servers-file) and ask them in parallel.</source>
        <translation>Listet die Sitzungen eines SMB-Dateiservers (Windows oder Samba) auf, zeigt sie an und schließt sie, mit den Netzwerkverwaltungsfunktionen NetSessionEnum, NetSessionGetInfo und NetSessionDel.

Befehle:
  list   Sitzungen auflisten (oder nur die von --client und/oder
         --session-user), sortiert nach Benutzer, dann nach Client.
  find   Die Sitzungen von --session-user auf jedem angegebenen Server auflisten.
  info   Die Sitzungen von --session-user vom Client --client anzeigen.
  close  Die Sitzungen von --client und/oder --session-user schließen. Zeigt
         sie, das verwendete Konto und wessen Sitzungen enden, und fragt im
         Terminal nach einer Bestätigung, außer mit --yes.
list, find und close nehmen mehrere Server (--server mehrmals oder
--servers-file) und fragen sie parallel ab.</translation>
    </message>
    <message>
        <source>The file server: host, host:port, \\host or [IPv6 address]:port. Repeat it for several servers (list, find, close).</source>
        <translation>Der Dateiserver: Host, Host:Port, \\Host oder [IPv6-Adresse]:Port. Für mehrere Server wiederholen (list, find, close).</translation>
    </message>
    <message>
        <source>Read servers from this file, one per line as for --server; &quot;#&quot; starts a comment.</source>
        <translation>Server aus dieser Datei lesen, einen pro Zeile wie bei --server; „#“ leitet einen Kommentar ein.</translation>
    </message>
    <message>
        <source>Ask this many servers at once (default: 8).</source>
        <translation>So viele Server gleichzeitig abfragen (Standard: 8).</translation>
    </message>
    <message>
        <source>SMB port of the servers given without one (default: 445).</source>
        <translation>SMB-Port der ohne Port angegebenen Server (Standard: 445).</translation>
    </message>
    <message>
        <source>list, find, info, close, files or close-file.</source>
        <translation>list, find, info, close, files oder close-file.</translation>
    </message>
    <message>
        <source>No command given: use list, find, info, close, files or close-file.</source>
        <translation>Kein Befehl angegeben: list, find, info, close, files oder close-file verwenden.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;: use list, find, info, close, files or close-file.</source>
        <translation>Unbekannter Befehl „%1“: list, find, info, close, files oder close-file verwenden.</translation>
    </message>
    <message>
        <source>info, files and close-file take one server; list, find and close take several.</source>
        <extracomment>Keep the command names and --server untranslated.</extracomment>
        <translation>info, files und close-file nehmen einen Server; list, find und close mehrere.</translation>
    </message>
    <message>
        <source>--jobs needs a number from 1 to %1.</source>
        <translation>--jobs braucht eine Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>find needs --session-user.</source>
        <translation>find braucht --session-user.</translation>
    </message>
    <message>
        <source>Password:
  There is deliberately no option that takes the password itself, because other
  users can read command lines. sessionctl takes it from, in this order:
  1. --password-file FILE (the first line of FILE),
  2. the environment variable SESSIONCTL_PASSWORD,
  3. a prompt without echo, when standard input is a terminal.
  With --kerberos no password is needed. The password is never printed.

Exit codes:
  0  success
  1  any other error, or the confirmation of close was declined
  2  usage error (bad or missing option; close without --yes and no terminal)
  3  authentication failed: wrong user name or password, no credentials
  4  access denied: the account lacks administrator rights on the server
  5  not found: no matching session, client or user (find, close: on no server)
  6  server unreachable: connection refused, no route, unknown host, timeout,
     connection lost
  7  the server does not provide the requested information level
  8  protocol error or unreadable reply from the server
  9  Kerberos: expired ticket, server given by address, no service principal
     for that name, clock skew, or no KDC of the realm answers
 10  several servers were given and at least one failed (each one&apos;s message is on
     standard error, and in the &quot;servers&quot; array with --json); the others&apos;
     sessions are printed all the same

Examples:
  sessionctl list --server fs01 --logon-user &apos;CORP\admin&apos;
  sessionctl list --server fs01 --logon-user admin --password-file ~/.fs01.pw --json
  sessionctl info --server fs01 --kerberos --client 10.0.0.7 --session-user alice
  sessionctl close --server fs01 --logon-user admin --session-user alice --yes
  sessionctl find --server fs01 --server fs02:1445 --logon-user admin --session-user alice
  sessionctl list --servers-file servers.txt --logon-user admin --json

--user (-U) and --username (-u) are the old spellings of --logon-user and
--session-user; they still work, with a warning.
</source>
        <extracomment>Keep option names, SESSIONCTL_PASSWORD and the example commands untranslated.</extracomment>
        <translation>Kennwort:
  Absichtlich nimmt keine Option das Kennwort selbst entgegen, denn andere
  Benutzer können Befehlszeilen lesen. sessionctl liest es der Reihe nach aus:
  1. --password-file DATEI (die erste Zeile von DATEI),
  2. die Umgebungsvariable SESSIONCTL_PASSWORD,
  3. eine Abfrage ohne Echo, wenn die Standardeingabe ein Terminal ist.
  Mit --kerberos ist kein Kennwort nötig. Das Kennwort wird nie ausgegeben.

Exitcodes:
  0  Erfolg
  1  jeder andere Fehler, oder die Bestätigung von close wurde abgelehnt
  2  Aufruffehler (falsche oder fehlende Option; close ohne --yes und Terminal)
  3  Authentifizierung fehlgeschlagen: falscher Benutzername oder falsches
     Kennwort, keine Anmeldeinformationen
  4  Zugriff verweigert: Dem Konto fehlen Administratorrechte auf dem Server
  5  nicht gefunden: keine passende Sitzung, kein passender Client oder Benutzer
     (find, close: auf keinem Server)
  6  Server nicht erreichbar: Verbindung abgelehnt, keine Route, unbekannter
     Host, Zeitlimit überschritten, Verbindung abgebrochen
  7  der Server bietet die angeforderte Informationsebene nicht an
  8  Protokollfehler oder unlesbare Antwort des Servers
  9  Kerberos: Ticket abgelaufen, Server als Adresse angegeben, kein Dienstprinzipal
     für diesen Namen, Uhrzeitabweichung oder kein KDC des Bereichs antwortet
 10  mehrere Server wurden angegeben und mindestens einer ist fehlgeschlagen (die
     Meldung jedes Servers steht in der Standardfehlerausgabe und mit --json im
     Array &quot;servers&quot;); die Sitzungen der anderen werden trotzdem ausgegeben

Beispiele:
  sessionctl list --server fs01 --logon-user &apos;CORP\admin&apos;
  sessionctl list --server fs01 --logon-user admin --password-file ~/.fs01.pw --json
  sessionctl info --server fs01 --kerberos --client 10.0.0.7 --session-user alice
  sessionctl close --server fs01 --logon-user admin --session-user alice --yes
  sessionctl find --server fs01 --server fs02:1445 --logon-user admin --session-user alice
  sessionctl list --servers-file servers.txt --logon-user admin --json

--user (-U) und --username (-u) sind die alten Schreibweisen von --logon-user
und --session-user; sie funktionieren weiterhin, mit einer Warnung.
</translation>
    </message>
    <message numerus="yes">
        <source>Logged on to %n server(s) as %1; ending %2.</source>
        <extracomment>%n is a number of servers, %1 the logon account (or &quot;your Kerberos ticket&quot;), %2 e.g. &quot;every session of user alice&quot;.</extracomment>
        <translation>
            <numerusform>Bei %n Server als %1 angemeldet; %2 wird geschlossen.</numerusform>
            <numerusform>Bei %n Servern als %1 angemeldet; %2 wird geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>--server is required.</source>
        <translation>--server ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>SessionDetailsDialog</name>
    <message>
        <source>Session Details</source>
        <translation>Sitzungsdetails</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>%1 user name, %2 computer name or address</extracomment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>&amp;Trennen…</translation>
    </message>
    <message>
        <source>Disconnect this session</source>
        <translation>Diese Sitzung trennen</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <extracomment>Label in the session details form; %1 is a column title</extracomment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Session ended. The server no longer lists this session.</source>
        <translation>Sitzung beendet. Der Server führt diese Sitzung nicht mehr auf.</translation>
    </message>
    <message>
        <source>Connection to the server lost: these are the last known values.</source>
        <translation>Verbindung zum Server verloren: Dies sind die zuletzt bekannten Werte.</translation>
    </message>
    <message>
        <source>This is the console&apos;s own connection to the server.</source>
        <translation>Dies ist die eigene Verbindung der Konsole zum Server.</translation>
    </message>
    <message>
        <source>Show &amp;Open Files</source>
        <extracomment>Windows&apos; term &quot;Open Files&quot;, here: the files this session&apos;s user holds open</extracomment>
        <translation>&amp;Geöffnete Dateien anzeigen</translation>
    </message>
    <message>
        <source>Not reported:</source>
        <comment>session details the server leaves out</comment>
        <translation>Nicht gemeldet:</translation>
    </message>
    <message>
        <source>This or another session of your account from this computer is the console&apos;s own connection to the server.</source>
        <translation>Diese oder eine andere Sitzung Ihres Kontos von diesem Computer ist die eigene Verbindung der Konsole zum Server.</translation>
    </message>
</context>
<context>
    <name>SessionErrorText</name>
    <message>
        <source>Access denied: listing or ending sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators; ending sessions also needs root or Domain Admins). Samba also answers &quot;access denied&quot; when a request to end sessions matched no session.</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators and Domain Admins are group names the administrator sees on the server: do not translate them.</extracomment>
        <translation>Zugriff verweigert: Zum Auflisten oder Schließen von Sitzungen sind Administratorrechte auf dem Server erforderlich (bei Samba: Mitgliedschaft in BUILTIN\Administrators; zum Schließen von Sitzungen außerdem root oder Domain Admins). Samba antwortet auch dann mit „Zugriff verweigert“, wenn eine Anforderung zum Schließen von Sitzungen auf keine Sitzung zutraf.</translation>
    </message>
    <message>
        <source>The server rejected a name or option of the request as invalid. Check the client and user names.</source>
        <translation>Der Server hat einen Namen oder eine Option der Anforderung als ungültig abgelehnt. Prüfen Sie die Client- und Benutzernamen.</translation>
    </message>
    <message>
        <source>The server does not provide this information level. Use the level &quot;auto&quot; to let the program pick the richest one it supports.</source>
        <extracomment>&quot;auto&quot; is a literal option value: keep it untranslated.</extracomment>
        <translation>Der Server bietet diese Informationsebene nicht an. Verwenden Sie die Ebene „auto“, damit das Programm die umfangreichste unterstützte Ebene wählt.</translation>
    </message>
    <message>
        <source>No session of this user was found on the server.</source>
        <translation>Auf dem Server wurde keine Sitzung dieses Benutzers gefunden.</translation>
    </message>
    <message>
        <source>No session from this client computer was found on the server.</source>
        <extracomment>&quot;Client computer&quot; is the machine a user connects from.</extracomment>
        <translation>Auf dem Server wurde keine Sitzung von diesem Clientcomputer gefunden.</translation>
    </message>
    <message>
        <source>No session matches this client computer and user.</source>
        <translation>Keine Sitzung passt zu diesem Clientcomputer und Benutzer.</translation>
    </message>
    <message>
        <source>The server name is not valid, or that computer is not a file server.</source>
        <translation>Der Servername ist ungültig, oder dieser Computer ist kein Dateiserver.</translation>
    </message>
    <message>
        <source>The Server service is not running on that computer (it offers no srvsvc pipe), so its sessions cannot be listed.</source>
        <extracomment>&quot;Server service&quot; is the Windows service name (LanmanServer); srvsvc is a pipe name.</extracomment>
        <translation>Der Dienst „Server“ wird auf diesem Computer nicht ausgeführt (er bietet keine srvsvc-Pipe an), daher können seine Sitzungen nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Logon failed: wrong user name or password, or the account is disabled, locked or expired.</source>
        <translation>Anmeldung fehlgeschlagen: falscher Benutzername oder falsches Kennwort oder das Konto ist deaktiviert, gesperrt oder abgelaufen.</translation>
    </message>
    <message>
        <source>The server name could not be resolved. Check its spelling and the DNS settings.</source>
        <translation>Der Servername konnte nicht aufgelöst werden. Prüfen Sie die Schreibweise und die DNS-Einstellungen.</translation>
    </message>
    <message>
        <source>The server cannot be reached: there is no route to it. Check the network connection and the server address.</source>
        <translation>Der Server ist nicht erreichbar: Es gibt keine Route zu ihm. Prüfen Sie die Netzwerkverbindung und die Serveradresse.</translation>
    </message>
    <message>
        <source>The server refused the connection: nothing listens on that port. Check the server name and port (SMB uses 445) and that the file server is running.</source>
        <extracomment>445 is the SMB port number.</extracomment>
        <translation>Der Server hat die Verbindung abgelehnt: An diesem Port lauscht nichts. Prüfen Sie Servername und Port (SMB verwendet 445) und ob der Dateiserver läuft.</translation>
    </message>
    <message>
        <source>The connection to the server broke during the request. Try again.</source>
        <translation>Die Verbindung zum Server ist während der Anforderung abgebrochen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read; it was discarded and nothing was changed because of it.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden; sie wurde verworfen, und aufgrund dieser Antwort wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server reported a protocol error for this request.</source>
        <translation>Der Server hat für diese Anforderung einen Protokollfehler gemeldet.</translation>
    </message>
    <message>
        <source>This operation is not supported by this server or by this build of the program.</source>
        <translation>Dieser Vorgang wird von diesem Server oder von diesem Build des Programms nicht unterstützt.</translation>
    </message>
    <message>
        <source>The operation failed with an unexpected error.</source>
        <translation>Der Vorgang ist mit einem unerwarteten Fehler fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <extracomment>%1 is an English technical description, e.g. which field of a reply was wrong.</extracomment>
        <translation>Technisches Detail (auf Englisch): %1</translation>
    </message>
    <message>
        <source>Access denied: listing sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators).</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators is a group name the administrator sees on the server: do not translate it.</extracomment>
        <translation>Zugriff verweigert: Zum Auflisten von Sitzungen sind Administratorrechte auf dem Server nötig (bei Samba: Mitgliedschaft in BUILTIN\Administrators).</translation>
    </message>
    <message>
        <source>Access denied: ending sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators, and root or Domain Admins). Samba also answers &quot;access denied&quot; when a request to end sessions matched no session.</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators and Domain Admins are group names the administrator sees on the server: do not translate them.</extracomment>
        <translation>Zugriff verweigert: Zum Schließen von Sitzungen sind Administratorrechte auf dem Server nötig (bei Samba: Mitgliedschaft in BUILTIN\Administrators sowie root oder Domain Admins). Samba antwortet auch dann „Zugriff verweigert“, wenn eine Anforderung zum Schließen von Sitzungen keine Sitzung getroffen hat.</translation>
    </message>
    <message>
        <source>No credentials: Kerberos was requested but there is no Kerberos ticket. Run kinit (or log on to the domain again), or use Connect As with a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>Keine Anmeldeinformationen: Kerberos wurde verlangt, aber es gibt kein Kerberos-Ticket. Führen Sie kinit aus (oder melden Sie sich erneut an der Domäne an), oder verwenden Sie „Verbinden als“ mit einem Kennwort.</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired. Run kinit to get a new one, or use Connect As with a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>Ihr Kerberos-Ticket ist abgelaufen. Führen Sie kinit aus, um ein neues zu erhalten, oder verwenden Sie „Verbinden als“ mit einem Kennwort.</translation>
    </message>
    <message>
        <source>Kerberos cannot be used with a server address: the ticket is issued for the server&apos;s name. Enter the server&apos;s full DNS name (for example fileserver.example.com) instead of its IP address.</source>
        <translation>Kerberos kann nicht mit einer Serveradresse verwendet werden: Das Ticket wird für den Namen des Servers ausgestellt. Geben Sie statt der IP-Adresse den vollständigen DNS-Namen des Servers ein (zum Beispiel fileserver.example.com).</translation>
    </message>
    <message>
        <source>The domain knows no Kerberos service (cifs/NAME) for this server name, so no ticket can be issued for it. Use the server&apos;s own full DNS name rather than an alias, or ask the domain administrator to register the name.</source>
        <extracomment>&quot;cifs/NAME&quot; is a Kerberos service principal name: keep it untranslated.</extracomment>
        <translation>Die Domäne kennt keinen Kerberos-Dienst (cifs/NAME) für diesen Servernamen, daher kann kein Ticket dafür ausgestellt werden. Verwenden Sie statt eines Alias den eigenen vollständigen DNS-Namen des Servers, oder bitten Sie den Domänenadministrator, den Namen zu registrieren.</translation>
    </message>
    <message>
        <source>The clock of this computer differs too much from the domain&apos;s (Kerberos allows 5 minutes). Correct the date, time and time zone, or synchronise with the domain&apos;s time server.</source>
        <translation>Die Uhr dieses Computers weicht zu stark von der der Domäne ab (Kerberos erlaubt 5 Minuten). Korrigieren Sie Datum, Uhrzeit und Zeitzone, oder synchronisieren Sie mit dem Zeitserver der Domäne.</translation>
    </message>
    <message>
        <source>No domain controller (KDC) of your Kerberos realm could be reached, so no ticket for the server could be obtained. Check the network connection to the domain and the Kerberos configuration, or use Connect As with a password.</source>
        <extracomment>KDC: Key Distribution Center, the Kerberos service of a domain controller.</extracomment>
        <translation>Kein Domänencontroller (KDC) Ihres Kerberos-Bereichs war erreichbar, daher konnte kein Ticket für den Server bezogen werden. Prüfen Sie die Netzwerkverbindung zur Domäne und die Kerberos-Konfiguration, oder verwenden Sie „Verbinden als“ mit einem Kennwort.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). It may be overloaded, or a firewall drops the traffic. Try again later.</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet. Er ist vielleicht überlastet, oder eine Firewall verwirft den Datenverkehr. Versuchen Sie es später erneut.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet. Er ist vielleicht überlastet, oder eine Firewall verwirft den Datenverkehr. Versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not answer in time. It may be overloaded, or a firewall drops the traffic. Try again later.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Er ist vielleicht überlastet, oder eine Firewall verwirft den Datenverkehr. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No file with this id is open on the server; it may have been closed already.</source>
        <translation>Auf dem Server ist keine Datei mit dieser ID geöffnet; sie wurde möglicherweise bereits geschlossen.</translation>
    </message>
    <message>
        <source>The console could not start its worker process for server connections (sessionconsole-rpcworker). The installation may be incomplete, or the computer may be out of memory or processes. Reinstall the program, or ask your administrator.</source>
        <extracomment>sessionconsole-rpcworker is a program name: keep it untranslated.</extracomment>
        <translation>Die Konsole konnte ihren Hilfsprozess für die Serververbindungen (sessionconsole-rpcworker) nicht starten. Möglicherweise ist die Installation unvollständig, oder dem Computer fehlt Speicher oder es sind zu viele Prozesse in Betrieb. Installieren Sie das Programm neu, oder wenden Sie sich an Ihren Administrator.</translation>
    </message>
</context>
<context>
    <name>SessionFormatter</name>
    <message>
        <source>Client</source>
        <extracomment>Table header: the computer the session comes from.</extracomment>
        <translation>Computer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>Table header: number of files, devices and pipes the session has open.</extracomment>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>Table header: how long the session has existed (H:MM:SS).</extracomment>
        <translation>Verbindungszeit</translation>
    </message>
    <message>
        <source>Idle</source>
        <extracomment>Table header: time since the session&apos;s last activity (H:MM:SS).</extracomment>
        <translation>Leerlaufzeit</translation>
    </message>
    <message>
        <source>Client type</source>
        <extracomment>Table header: the client&apos;s operating system or SMB client software.</extracomment>
        <translation>Clienttyp</translation>
    </message>
    <message>
        <source>Transport</source>
        <extracomment>Table header: the network transport of the session.</extracomment>
        <translation>Transport</translation>
    </message>
    <message>
        <source>No sessions.</source>
        <translation>Keine Sitzungen.</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Computer:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Open files:</source>
        <extracomment>Files, devices and pipes the session has open.</extracomment>
        <translation>Geöffnete Dateien:</translation>
    </message>
    <message>
        <source>Connected for:</source>
        <translation>Verbindungszeit:</translation>
    </message>
    <message>
        <source>Idle for:</source>
        <translation>Leerlaufzeit:</translation>
    </message>
    <message>
        <source>Guest:</source>
        <translation>Gast:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Client type:</source>
        <translation>Clienttyp:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message numerus="yes">
        <source>These %n session(s) will be ended:</source>
        <translation>
            <numerusform>Diese Sitzung wird geschlossen:</numerusform>
            <numerusform>Diese %n Sitzungen werden geschlossen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s).</source>
        <translation>
            <numerusform>%n Sitzung geschlossen.</numerusform>
            <numerusform>%n Sitzungen geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: this server does not report idle time (it says 0 for every session).</source>
        <extracomment>%1 is the dash shown in the Idle column.</extracomment>
        <translation>%1: Dieser Server meldet keine Leerlaufzeit (er gibt für jede Sitzung 0 an).</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n sessions from %2:</source>
        <extracomment>%1 is a user name, %2 a client computer.</extracomment>
        <translation>
            <numerusform>%1 hat %n Sitzung von %2:</numerusform>
            <numerusform>%1 hat %n Sitzungen von %2:</numerusform>
        </translation>
    </message>
    <message>
        <source>Session %1 of %2</source>
        <extracomment>Heading of one session in a list of several: &quot;Session 2 of 3&quot;.</extracomment>
        <translation>Sitzung %1 von %2</translation>
    </message>
    <message>
        <source>(this server does not report idle time)</source>
        <translation>(dieser Server meldet keine Leerlaufzeit)</translation>
    </message>
    <message>
        <source>Plain-text password:</source>
        <extracomment>SESS_NOENCRYPTION: whether the password was sent in plain text at logon (not about encryption of the session). Phrase it without a negation: the answer is yes/no.</extracomment>
        <translation>Kennwort im Klartext:</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Table header: the file server a session is on.</extracomment>
        <translation>Server</translation>
    </message>
    <message>
        <source>%1: no matching session.</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>%1: keine passende Sitzung.</translation>
    </message>
    <message>
        <source>%1: failed (see the message on standard error).</source>
        <extracomment>%1 is a server; its error message is on standard error.</extracomment>
        <translation>%1: fehlgeschlagen (siehe die Meldung in der Standardfehlerausgabe).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s) will be ended.</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n Sitzung wird geschlossen.</numerusform>
            <numerusform>%1: %n Sitzungen werden geschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ended %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n Sitzung geschlossen.</numerusform>
            <numerusform>%1: %n Sitzungen geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest</source>
        <extracomment>Table header: whether the session is logged on as the guest account.</extracomment>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Plain-text password</source>
        <extracomment>Table header (SESS_NOENCRYPTION): whether the password was sent in plain text at logon. Not about encryption of the session; avoid a negation.</extracomment>
        <translation>Kennwort im Klartext</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s).</source>
        <translation>
            <numerusform>%n Sitzung.</numerusform>
            <numerusform>%n Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>user names</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Benutzernamen</translation>
    </message>
    <message>
        <source>open file counts</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Anzahl geöffneter Dateien</translation>
    </message>
    <message>
        <source>connection and idle times</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Verbindungs- und Leerlaufzeiten</translation>
    </message>
    <message>
        <source>guest and plain-text password flags</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Angaben zu Gast und Kennwort im Klartext</translation>
    </message>
    <message>
        <source>client type</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Clienttyp</translation>
    </message>
    <message>
        <source>transport</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>Transport</translation>
    </message>
    <message>
        <source>This server reports basic session details only (no %1).</source>
        <extracomment>%1 lists details, e.g. &quot;client type, transport&quot;.</extracomment>
        <translation>Dieser Server meldet nur grundlegende Sitzungsdetails (ohne %1).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n Sitzung.</numerusform>
            <numerusform>%1: %n Sitzungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Yes</source>
        <comment>guest session</comment>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <comment>guest session</comment>
        <translation>Nein</translation>
    </message>
    <message>
        <source>This is the console&apos;s own connection to the server.</source>
        <translation>Dies ist die eigene Verbindung der Konsole zum Server.</translation>
    </message>
    <message>
        <source>Connected since %1</source>
        <translation>Verbunden seit %1</translation>
    </message>
    <message>
        <source>Last activity at %1</source>
        <translation>Letzte Aktivität: %1</translation>
    </message>
    <message>
        <source>The user was logged on as a guest.</source>
        <translation>Der Benutzer ist als Gast angemeldet.</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Column header: the account that opened the session</extracomment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Computer</source>
        <extracomment>Column header: the client computer (name or address) the session comes from</extracomment>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Client type</source>
        <extracomment>Column header: the client&apos;s operating system or SMB client software</extracomment>
        <translation>Clienttyp</translation>
    </message>
    <message>
        <source>Open files</source>
        <extracomment>Column header: number of files, devices and pipes open in the session</extracomment>
        <translation>Geöffnete Dateien</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>Column header: how long the session has been connected (a duration)</extracomment>
        <translation>Verbindungszeit</translation>
    </message>
    <message>
        <source>Idle</source>
        <extracomment>Column header: how long since the client last did something (a duration)</extracomment>
        <translation>Leerlaufzeit</translation>
    </message>
    <message>
        <source>Guest</source>
        <extracomment>Column header: whether the user is logged on as a guest (yes/no)</extracomment>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Transport</source>
        <extracomment>Column header: the network transport the session uses</extracomment>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Files, devices and pipes the session has open</source>
        <translation>Dateien, Geräte und Pipes, die die Sitzung geöffnet hat</translation>
    </message>
    <message>
        <source>Time since the session was established (hours:minutes:seconds)</source>
        <translation>Zeit seit dem Aufbau der Sitzung (Stunden:Minuten:Sekunden)</translation>
    </message>
    <message>
        <source>Time since the client last used the session (hours:minutes:seconds)</source>
        <translation>Zeit seit der letzten Verwendung der Sitzung durch den Client (Stunden:Minuten:Sekunden)</translation>
    </message>
    <message>
        <source>%1:%2:%3</source>
        <comment>H:MM:SS</comment>
        <extracomment>Duration: hours, minutes, seconds. Keep the order; the separator may change.</extracomment>
        <translation>%1:%2:%3</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>plain-text password</comment>
        <extracomment>Column &quot;Plain-text password&quot; (SESS_NOENCRYPTION): whether the password was sent in plain text at logon. Not about encryption of the session.</extracomment>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <comment>plain-text password</comment>
        <translation>Nein</translation>
    </message>
    <message>
        <source>The password was sent in plain text when this session was set up. This says nothing about encryption of the session&apos;s traffic.</source>
        <translation>Das Kennwort wurde beim Aufbau dieser Sitzung im Klartext gesendet. Über die Verschlüsselung des Datenverkehrs der Sitzung sagt das nichts aus.</translation>
    </message>
    <message>
        <source>Plain-text password</source>
        <extracomment>Column header (SESS_NOENCRYPTION): whether the password was sent in plain text at logon. Not about encryption of the session; phrase it without a negation.</extracomment>
        <translation>Kennwort im Klartext</translation>
    </message>
    <message>
        <source>Whether the password was sent in plain text when the session was set up (not whether the session is encrypted)</source>
        <translation>Ob das Kennwort beim Aufbau der Sitzung im Klartext gesendet wurde (nicht, ob die Sitzung verschlüsselt ist)</translation>
    </message>
    <message>
        <source>One of these sessions of your account from this computer is the console&apos;s own connection to the server; the server does not tell which.</source>
        <translation>Eine dieser Sitzungen Ihres Kontos von diesem Computer ist die eigene Verbindung der Konsole zum Server; der Server gibt nicht an, welche.</translation>
    </message>
    <message>
        <source>This server does not report idle time: it says 0 for every session.</source>
        <translation>Dieser Server meldet keine Leerlaufzeit: Er gibt für jede Sitzung 0 an.</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server the session is on (with several servers)</extracomment>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>%1 (not provided by this server)</source>
        <translation>%1 (von diesem Server nicht geliefert)</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Mit keinem Server verbunden.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>%1 user, %2 computer</extracomment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Disconnecting %1…</source>
        <translation>Verbindung wird getrennt: %1…</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s) of %1 on %2.</source>
        <extracomment>%1 user, %2 computer</extracomment>
        <translation>
            <numerusform>%n Sitzung von %1 auf %2 geschlossen.</numerusform>
            <numerusform>%n Sitzungen von %1 auf %2 geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not disconnect %1 on %2: %3</source>
        <extracomment>%1 user, %2 computer, %3 the reason</extracomment>
        <translation>%1 auf %2 konnte nicht getrennt werden: %3</translation>
    </message>
    <message>
        <source>The audit log could not record this: %1</source>
        <extracomment>%1 is the reason (a file name and an error)</extracomment>
        <translation>Das Überwachungsprotokoll konnte dies nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>Show &amp;Open Files</source>
        <translation>&amp;Geöffnete Dateien anzeigen</translation>
    </message>
    <message>
        <source>Type the name or address of a file server above and press Connect.</source>
        <translation>Geben Sie oben den Namen oder die Adresse eines Dateiservers ein und klicken Sie auf „Verbinden“.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A disconnect&apos;s outcome on one of several servers: %1 the server, %2 the outcome</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Session Console</source>
        <translation>Sitzungskonsole</translation>
    </message>
</context>
</TS>
