<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Every request to end sessions made on this computer with the console or sessionctl, newest first. The password is never recorded.</source>
        <translation>Todas las peticiones de cierre de sesiones hechas en este equipo con la consola o con sessionctl, de la más reciente a la más antigua. La contraseña nunca se registra.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Operator</source>
        <extracomment>The local account of the person who ended the sessions</extracomment>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Account</source>
        <comment>server logon</comment>
        <extracomment>The account used to log on to the server</extracomment>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Computer</source>
        <extracomment>The client computer whose sessions were ended</extracomment>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>User</source>
        <comment>session user</comment>
        <extracomment>The user whose sessions were ended</extracomment>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s)</source>
        <translation>
            <numerusform>Se cerró %n sesión</numerusform>
            <numerusform>Se cerraron %n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>(all)</source>
        <extracomment>Shown for an empty client or user field: NetSessionDel then ends the sessions of every client (or user)</extracomment>
        <translation>(todos)</translation>
    </message>
    <message>
        <source>%1 on %2 with %3</source>
        <comment>operator tooltip: account, machine, program</comment>
        <translation>%1 en %2 con %3</translation>
    </message>
    <message>
        <source>through sudo by %1</source>
        <translation>mediante sudo, por %1</translation>
    </message>
    <message>
        <source>Kerberos ticket</source>
        <translation>Vale de Kerberos</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>No se puede leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>No disconnects have been recorded yet. The log is kept in %1.</source>
        <translation>Todavía no se ha registrado ninguna desconexión. El registro se guarda en %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in %1.</source>
        <translation>
            <numerusform>%n entrada en %1.</numerusform>
            <numerusform>%n entradas en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) skipped.</source>
        <translation>
            <numerusform>Se omitió %n línea ilegible.</numerusform>
            <numerusform>Se omitieron %n líneas ilegibles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect As</source>
        <translation>Conectar como</translation>
    </message>
    <message>
        <source>Account used to list and end the sessions. Listing sessions needs administrator rights on the server.</source>
        <translation>Cuenta con la que se enumeran y se cierran las sesiones. Para enumerar sesiones se necesitan derechos de administrador en el servidor.</translation>
    </message>
    <message>
        <source>Account used on %1 to list and end its sessions. Listing sessions needs administrator rights on the server.</source>
        <translation>Cuenta con la que se enumeran y se cierran las sesiones de %1. Para enumerar sesiones se necesitan derechos de administrador en el servidor.</translation>
    </message>
    <message>
        <source>Use my &amp;Kerberos ticket</source>
        <translation>Usar mi vale de &amp;Kerberos</translation>
    </message>
    <message>
        <source>Authenticate with the ticket of your desktop login (kinit) instead of a password.</source>
        <translation>Autenticarse con el vale de su inicio de sesión en el escritorio (kinit) en lugar de con una contraseña.</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Dominio:</translation>
    </message>
    <message>
        <source>The server&apos;s own domain</source>
        <comment>placeholder of the domain field</comment>
        <translation>Del servidor</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Refuse to connect unless the server encrypts the traffic (SMB 3 encryption). The connection is always signed.</source>
        <translation>No conectar si el servidor no cifra el tráfico (cifrado SMB 3). La conexión siempre se firma.</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Kept in memory only while the console needs it. Never written to the settings; kept in the desktop keyring only if you ask to remember it.</source>
        <translation>Solo se conserva en memoria mientras la consola la necesita. Nunca se escribe en la configuración; solo se guarda en el llavero del escritorio si pide recordarla.</translation>
    </message>
    <message>
        <source>Require &amp;encryption</source>
        <translation>E&amp;xigir cifrado</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the desktop keyring</source>
        <translation>&amp;Recordar la contraseña en el llavero del escritorio</translation>
    </message>
    <message>
        <source>Keep the password in your desktop&apos;s keyring (wallet), not in the console&apos;s settings, so the next connection does not ask for it.</source>
        <translation>Guardar la contraseña en el llavero (cartera) de su escritorio, no en la configuración de la consola, para que la próxima conexión no la pida.</translation>
    </message>
    <message>
        <source>Reading your Kerberos tickets…</source>
        <translation>Leyendo sus vales de Kerberos…</translation>
    </message>
    <message>
        <source>Ticket of %1, valid until %2.</source>
        <extracomment>%1 is a Kerberos principal (user@REALM), %2 a date and time.</extracomment>
        <translation>Vale de %1, válido hasta %2.</translation>
    </message>
    <message>
        <source>The ticket of %1 expired at %2. Run kinit to renew it, or use a password.</source>
        <extracomment>%1 is a Kerberos principal (user@REALM), %2 a date and time. &quot;kinit&quot; is a command.</extracomment>
        <translation>El vale de %1 caducó el %2. Ejecute kinit para renovarlo o use una contraseña.</translation>
    </message>
    <message>
        <source>You have no Kerberos ticket. Run kinit (or log on to the domain again), or use a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>No tiene ningún vale de Kerberos. Ejecute kinit (o vuelva a iniciar sesión en el dominio) o use una contraseña.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connect As…</source>
        <translation>Conectar como…</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Se perdió la conexión con %1: %2</translation>
    </message>
    <message>
        <source>The list shows the sessions as they were at the last refresh and may be out of date.</source>
        <translation>La lista muestra las sesiones tal como estaban en la última actualización y puede no estar al día.</translation>
    </message>
    <message>
        <source>Cannot list the sessions of %1: %2</source>
        <translation>No se pueden enumerar las sesiones de %1: %2</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Reintentando…</translation>
    </message>
    <message>
        <source>Next attempt at %1.</source>
        <translation>Próximo intento a las %1.</translation>
    </message>
    <message>
        <source>Press %1 to try again.</source>
        <translation>Pulse %1 para volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>List the sessions of the server in the server field</source>
        <translation>Enumerar las sesiones del servidor indicado en el campo Servidor</translation>
    </message>
    <message>
        <source>Connect &amp;As…</source>
        <translation>Conectar c&amp;omo…</translation>
    </message>
    <message>
        <source>Choose the account used on the server</source>
        <translation>Elegir la cuenta que se usa en el servidor</translation>
    </message>
    <message>
        <source>Go to &amp;Server Field</source>
        <translation>Ir al campo Ser&amp;vidor</translation>
    </message>
    <message>
        <source>Type another server name</source>
        <translation>Escribir otro nombre de servidor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Cerrar la consola</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Ask the server for its sessions now</source>
        <translation>Pedir ahora al servidor sus sesiones</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrar…</translation>
    </message>
    <message>
        <source>Show only sessions whose user or computer matches</source>
        <translation>Mostrar solo las sesiones cuyo usuario o equipo coincida</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Detalles…</translation>
    </message>
    <message>
        <source>Show every field of the selected session</source>
        <translation>Mostrar todos los campos de la sesión seleccionada</translation>
    </message>
    <message>
        <source>End the sessions of the selected users on their computers</source>
        <translation>Cerrar las sesiones de los usuarios seleccionados en sus equipos</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copiar las filas seleccionadas como texto separado por tabulaciones</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Select every session shown</source>
        <translation>Seleccionar todas las sesiones mostradas</translation>
    </message>
    <message>
        <source>&amp;About Session Console</source>
        <translation>&amp;Acerca de Consola de sesiones</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Versión y licencia</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip: action (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connect As…</source>
        <translation>Conectar como…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <source>Show the record of every request to end sessions</source>
        <translation>Mostrar el registro de todas las peticiones de cierre de sesiones</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>automatic refresh</comment>
        <translation>Desactivada</translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <comment>automatic refresh</comment>
        <translation>
            <numerusform>Cada segundo</numerusform>
            <numerusform>Cada %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>D&amp;isconnect…</source>
        <comment>end a session</comment>
        <translation>Desco&amp;nectar…</translation>
    </message>
    <message>
        <source>The server refused to end sessions for your account: it lacks the right. Use Connect As with an administrator of the server.</source>
        <translation>El servidor se ha negado a cerrar sesiones con su cuenta: no tiene el derecho. Use Conectar como con un administrador del servidor.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV or JSON file</source>
        <translation>Guardar las filas mostradas en un archivo CSV o JSON</translation>
    </message>
    <message>
        <source>Find &amp;User…</source>
        <translation>Buscar &amp;usuario…</translation>
    </message>
    <message>
        <source>Find the sessions of a user on every watched server</source>
        <translation>Buscar las sesiones de un usuario en todos los servidores supervisados</translation>
    </message>
</context>
<context>
    <name>ConsoleArguments</name>
    <message>
        <source>See, inspect and end the sessions of an SMB file server.</source>
        <translation>Vea, examine y cierre las sesiones de un servidor de archivos SMB.</translation>
    </message>
    <message>
        <source>host</source>
        <extracomment>Value name in --help: a server name or address</extracomment>
        <translation>servidor</translation>
    </message>
    <message>
        <source>SMB port of the server (default 445).</source>
        <translation>Puerto SMB del servidor (predeterminado: 445).</translation>
    </message>
    <message>
        <source>port</source>
        <extracomment>Value name in --help: a TCP port number</extracomment>
        <translation>puerto</translation>
    </message>
    <message>
        <source>Log on as &lt;user&gt;.</source>
        <translation>Iniciar sesión como &lt;usuario&gt;.</translation>
    </message>
    <message>
        <source>user</source>
        <extracomment>Value name in --help: an account name</extracomment>
        <translation>usuario</translation>
    </message>
    <message>
        <source>Domain of the account (default: the server&apos;s).</source>
        <translation>Dominio de la cuenta (predeterminado: el del servidor).</translation>
    </message>
    <message>
        <source>domain</source>
        <extracomment>Value name in --help: a domain name</extracomment>
        <translation>dominio</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (never pass it on the command line, where other users can see it).</source>
        <translation>Leer la contraseña de la primera línea de &lt;archivo&gt; (nunca la pase en la línea de comandos, donde otros usuarios pueden verla).</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>Value name in --help: a file name</extracomment>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Log on with your Kerberos ticket.</source>
        <translation>Iniciar sesión con su vale de Kerberos.</translation>
    </message>
    <message>
        <source>Refresh every &lt;seconds&gt; (0 turns automatic refresh off).</source>
        <translation>Actualizar cada &lt;segundos&gt; (0 desactiva la actualización automática).</translation>
    </message>
    <message>
        <source>seconds</source>
        <extracomment>Value name in --help: a number of seconds</extracomment>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Use this language for this run: %1 (default: the choice in the View menu, else the system&apos;s).</source>
        <translation>Usar este idioma solo en esta ejecución: %1 (predeterminado: el elegido en el menú Ver o, si no, el del sistema).</translation>
    </message>
    <message>
        <source>code</source>
        <extracomment>Value name in --help: a language code such as &quot;de&quot;</extracomment>
        <translation>código</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>Invalid port: %1</source>
        <translation>Puerto no válido: %1</translation>
    </message>
    <message>
        <source>Invalid interval: %1</source>
        <translation>Intervalo no válido: %1</translation>
    </message>
    <message>
        <source>--kerberos and --password-file exclude each other.</source>
        <translation>--kerberos y --password-file se excluyen mutuamente.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>No se puede leer el archivo de contraseña %1: %2</translation>
    </message>
    <message>
        <source>Unknown language %1: use one of %2.</source>
        <translation>Idioma desconocido %1: use uno de estos: %2.</translation>
    </message>
    <message>
        <source>--screenshot needs --server.</source>
        <translation>--screenshot requiere --server.</translation>
    </message>
    <message>
        <source>Displays this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Require an encrypted connection (SMB 3 encryption); the connection is always signed.</source>
        <translation>Exigir una conexión cifrada (cifrado SMB 3); la conexión siempre se firma.</translation>
    </message>
    <message>
        <source>Start on the Sessions page (sessions, the default) or the Open Files page (files).</source>
        <extracomment>Keep &quot;sessions&quot; and &quot;files&quot;: they are the values of the option</extracomment>
        <translation>Empezar en la página Sesiones (sessions, la predeterminada) o en la página Archivos abiertos (files).</translation>
    </message>
    <message>
        <source>page</source>
        <extracomment>Value name in --help: which page to show</extracomment>
        <translation>página</translation>
    </message>
    <message>
        <source>Unknown page %1: use sessions or files.</source>
        <extracomment>Keep &quot;sessions&quot; and &quot;files&quot;</extracomment>
        <translation>Página desconocida %1: use sessions o files.</translation>
    </message>
    <message>
        <source>Connect to &lt;host&gt; at start. Repeat it to watch several servers in one table. Without it, the servers watched when the console was last closed are watched again.</source>
        <translation>Conectar con &lt;servidor&gt; al inicio. Repítalo para supervisar varios servidores en una sola tabla. Sin esta opción se vuelven a supervisar los servidores supervisados al cerrar la consola la última vez.</translation>
    </message>
    <message>
        <source>Ask at most &lt;n&gt; servers at once (default: %1, at most %2).</source>
        <translation>Consulta como máximo &lt;n&gt; servidores a la vez (predeterminado: %1, máximo: %2).</translation>
    </message>
    <message>
        <source>n</source>
        <extracomment>Value name in --help: a number</extracomment>
        <translation>n</translation>
    </message>
    <message>
        <source>Invalid number of servers at once: %1 (use 1 to %2).</source>
        <translation>Número de servidores a la vez no válido: %1 (use de 1 a %2).</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Last message</source>
        <translation>Último mensaje</translation>
    </message>
    <message>
        <source>Number of sessions</source>
        <translation>Número de sesiones</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>Seguridad de la conexión</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Última actualización</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <extracomment>%1 sessions shown by the filter, %n all sessions of the server</extracomment>
        <translation>
            <numerusform>%1 de %n sesión</numerusform>
            <numerusform>%1 de %n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Signed and encrypted</source>
        <translation>Firmada y cifrada</translation>
    </message>
    <message>
        <source>Signed, not encrypted</source>
        <translation>Firmada, sin cifrar</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Sin firmar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>security (protocol)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Protection of the console&apos;s own connection, as negotiated with the server</source>
        <translation>Protección de la propia conexión de la consola, tal como se negoció con el servidor</translation>
    </message>
    <message numerus="yes">
        <source>Loading %1 of %Ln session(s)…</source>
        <extracomment>A server that sends its sessions in pages: %1 received so far, %Ln in all</extracomment>
        <translation>
            <numerusform>%1 de %Ln sesión cargada…</numerusform>
            <numerusform>%1 de %Ln sesiones cargadas…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado a las %1</translation>
    </message>
    <message>
        <source>Details reported</source>
        <translation>Detalles indicados</translation>
    </message>
    <message>
        <source>Basic details only</source>
        <translation>Solo detalles básicos</translation>
    </message>
    <message>
        <source>This server reports basic session details only (no %1).</source>
        <extracomment>%1 lists column titles, e.g. &quot;Client Type and Transport&quot;</extracomment>
        <translation>Este servidor solo indica los detalles básicos de las sesiones (sin %1).</translation>
    </message>
    <message>
        <source>Number of open files</source>
        <translation>Número de archivos abiertos</translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n archivo abierto</numerusform>
            <numerusform>%n archivos abiertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n open file(s)</source>
        <extracomment>%1 open files shown by the filter, %n all open files listed</extracomment>
        <translation>
            <numerusform>%1 de %n archivo abierto</numerusform>
            <numerusform>%1 de %n archivos abiertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s): %1 online, %2 failed</source>
        <extracomment>Several servers shown at once: %n servers, %1 of them answered, %2 did not</extracomment>
        <translation>
            <numerusform>%n servidor: %1 en línea, %2 con error</numerusform>
            <numerusform>%n servidores: %1 en línea, %2 con error</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeltaTableModel</name>
    <message>
        <source>The last refresh failed, so this may be outdated: %1</source>
        <translation>La última actualización falló, así que estos datos pueden no estar al día: %1</translation>
    </message>
</context>
<context>
    <name>DisconnectDialog</name>
    <message>
        <source>Disconnect Sessions</source>
        <translation>Desconectar sesiones</translation>
    </message>
    <message>
        <source>Disconnect %1 on %2?</source>
        <extracomment>%1 is e.g. &quot;3 users&quot;, %2 e.g. &quot;1 computer&quot;.</extracomment>
        <translation>¿Desconectar a %1 en %2?</translation>
    </message>
    <message>
        <source>all users</source>
        <comment>of a computer</comment>
        <translation>todos los usuarios</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Open files</source>
        <extracomment>Column header: number of files the user has open.</extracomment>
        <translation>Archivos abiertos</translation>
    </message>
    <message>
        <source>Sessions to end</source>
        <translation>Sesiones que se cerrarán</translation>
    </message>
    <message>
        <source>All sessions of each user from that computer end, not only the selected ones. Unsaved data in files they have open may be lost.</source>
        <translation>Se cierran todas las sesiones de cada usuario desde ese equipo, no solo las seleccionadas. Pueden perderse los datos no guardados de los archivos que tengan abiertos.</translation>
    </message>
    <message>
        <source>This includes the console&apos;s own connection to the server. The console reconnects at the next refresh, but anything else this account has open from this computer is closed too.</source>
        <translation>Esto incluye la propia conexión de la consola con el servidor. La consola vuelve a conectarse en la siguiente actualización, pero también se cierra todo lo demás que esta cuenta tenga abierto desde este equipo.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <comment>end the sessions</comment>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>Disconnect the listed sessions</source>
        <translation>Desconectar las sesiones de la lista</translation>
    </message>
    <message>
        <source>Cancel, keep the sessions</source>
        <translation>Cancelar y conservar las sesiones</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuario</numerusform>
            <numerusform>%n usuarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n computer(s)</source>
        <translation>
            <numerusform>%n equipo</numerusform>
            <numerusform>%n equipos</numerusform>
        </translation>
    </message>
    <message>
        <source>This ends %1 and closes %2.</source>
        <extracomment>%1 is e.g. &quot;5 sessions&quot;, %2 e.g. &quot;15 open files&quot;.</extracomment>
        <translation>Esto cierra %1 y %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open file(s)</source>
        <translation>
            <numerusform>%n archivo abierto</numerusform>
            <numerusform>%n archivos abiertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On %1: %n session(s).</source>
        <extracomment>One line per server of a disconnect spanning several; %1 is the server.</extracomment>
        <translation>
            <numerusform>En %1: %n sesión.</numerusform>
            <numerusform>En %1: %n sesiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server of the sessions</extracomment>
        <translation>Servidor</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>The rows were not saved to %1.</source>
        <extracomment>%1 is a file path.</extracomment>
        <translation>No se han guardado las filas en %1.</translation>
    </message>
    <message>
        <source>Nothing was changed; the list is as it was.</source>
        <translation>No se ha cambiado nada; la lista sigue como estaba.</translation>
    </message>
</context>
<context>
    <name>FindUserDialog</name>
    <message>
        <source>Find User</source>
        <translation>Buscar usuario</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>The account name, as the servers list it</source>
        <translation>El nombre de la cuenta, tal como lo muestran los servidores</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Go to Session</source>
        <translation>&amp;Ir a la sesión</translation>
    </message>
    <message>
        <source>Show this session in the main window&apos;s list</source>
        <translation>Mostrar esta sesión en la lista de la ventana principal</translation>
    </message>
    <message>
        <source>Sessions of the user</source>
        <translation>Sesiones del usuario</translation>
    </message>
</context>
<context>
    <name>FindUserModel</name>
    <message>
        <source>Asking…</source>
        <extracomment>Find User: the server has not answered yet</extracomment>
        <translation>Preguntando…</translation>
    </message>
    <message>
        <source>No sessions</source>
        <extracomment>Find User: the server answered, and the user has no session on it</extracomment>
        <translation>Sin sesiones</translation>
    </message>
    <message>
        <source>Cannot tell: the server does not report user names at its information level</source>
        <translation>No se puede saber: el servidor no informa de nombres de usuario en su nivel de información</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary, e.g. &quot;alice: 3 sessions on 2 of 5 servers&quot;. %1 is the user name, %2 &quot;3 sessions&quot;, %3 &quot;2 of 5 servers&quot;.</extracomment>
        <translation>%1: %2 en %3</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n server(s)</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers where the user has sessions, of all</extracomment>
        <translation>
            <numerusform>%1 de %n servidor</numerusform>
            <numerusform>%1 de %n servidores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) failed</source>
        <comment>find user summary</comment>
        <translation>
            <numerusform>%n servidor ha fallado</numerusform>
            <numerusform>%n servidores han fallado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) cannot tell</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers whose answer has no user names</extracomment>
        <translation>
            <numerusform>%n servidor no puede saberlo</numerusform>
            <numerusform>%n servidores no pueden saberlo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still asking</source>
        <comment>find user summary</comment>
        <extracomment>Find User summary: servers that have not answered yet</extracomment>
        <translation>
            <numerusform>%n aún sin responder</numerusform>
            <numerusform>%n aún sin responder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message>
        <source>No server has a session of user %1.</source>
        <extracomment>%1 is a user name. Every server answered; none has a session of that user.</extracomment>
        <translation>Ningún servidor tiene una sesión del usuario %1.</translation>
    </message>
    <message>
        <source>No server has a matching session; nothing was ended.</source>
        <translation>Ningún servidor tiene una sesión que coincida; no se cerró nada.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record the close on %1: %2</source>
        <extracomment>%1 is a server, %2 names the file and the reason.</extracomment>
        <translation>sessionctl: advertencia: el registro de auditoría no registró el cierre en %1: %2</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>Idioma del &amp;sistema (%1)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Automatic Refresh</source>
        <translation>Act&amp;ualización automática</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rvidor:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>Nombre o dirección del servidor</translation>
    </message>
    <message>
        <source>A&amp;uto:</source>
        <comment>automatic refresh interval</comment>
        <translation>&amp;Intervalo:</translation>
    </message>
    <message>
        <source>Automatic refresh interval</source>
        <translation>Intervalo de actualización automática</translation>
    </message>
    <message>
        <source>How often the list is refreshed</source>
        <translation>Con qué frecuencia se actualiza la lista</translation>
    </message>
    <message>
        <source>Filter by user or computer</source>
        <translation>Filtrar por usuario o equipo</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Show only sessions whose user or computer contains this text (%1)</source>
        <translation>Mostrar solo las sesiones cuyo usuario o equipo contenga este texto (%1)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>About Session Console</source>
        <translation>Acerca de Consola de sesiones</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Session Console %1&lt;/h3&gt;&lt;p&gt;See, inspect and end the sessions of an SMB file server.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Consola de sesiones %1&lt;/h3&gt;&lt;p&gt;Vea, examine y cierre las sesiones de un servidor de archivos SMB.&lt;/p&gt;&lt;p&gt;Publicada bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Open Files</source>
        <extracomment>Windows&apos; term (Computer Management &gt; Shared Folders &gt; Open Files)</extracomment>
        <translation>Archivos abiertos</translation>
    </message>
    <message>
        <source>Filter by path or user</source>
        <translation>Filtrar por ruta o usuario</translation>
    </message>
    <message>
        <source>Show only open files whose path or user contains this text (%1)</source>
        <translation>Mostrar solo los archivos abiertos cuya ruta o usuario contenga este texto (%1)</translation>
    </message>
    <message>
        <source>Name or address of the file server, optionally with :port. In the list of servers used before, Delete removes an entry.</source>
        <translation>Nombre o dirección del servidor de archivos, opcionalmente con :puerto. En la lista de servidores usados antes, Supr quita una entrada.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <extracomment>%1 is a file path.</extracomment>
        <translation>
            <numerusform>Se ha exportado %n fila a %1.</numerusform>
            <numerusform>Se han exportado %n filas a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the only server watched; it stays watched.</source>
        <extracomment>Status bar: the window watches at least one server.</extracomment>
        <translation>%1 es el único servidor supervisado; sigue supervisado.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
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
        <translation>  files       Archivos abiertos: lista los archivos abiertos del servidor (si se
              indica, solo los que están bajo --path y/o de --session-user, con
              --level 2, 3 o auto).
  close-file  Cerrar archivo abierto: cierra los archivos indicados con --id
              (repetible) o todos los archivos abiertos cuya ruta completa sea
              --path. Los muestra y pide confirmación en el terminal salvo que
              se indique --yes.</translation>
    </message>
    <message>
        <source>No open file has the path &quot;%1&quot;; nothing was closed.</source>
        <extracomment>%1 is the path given with --path</extracomment>
        <translation>Ningún archivo abierto tiene la ruta «%1»; no se cerró nada.</translation>
    </message>
    <message>
        <source>Access denied: closing open files needs administrator rights on the server (on Samba: root or the SeDiskOperatorPrivilege). Nothing was closed.</source>
        <extracomment>SeDiskOperatorPrivilege is a Windows/Samba privilege name: keep it.</extracomment>
        <translation>Acceso denegado: cerrar archivos abiertos requiere derechos de administrador en el servidor (en Samba: root o el privilegio SeDiskOperatorPrivilege). No se cerró nada.</translation>
    </message>
    <message>
        <source>Close these files? [y/N] </source>
        <extracomment>Confirmation question; the answer is checked against &quot;y&quot; and &quot;yes&quot; and their translations (the strings &quot;y&quot; and &quot;yes&quot; of SessionCtlCommand).</extracomment>
        <translation>¿Cerrar estos archivos? [s/N] </translation>
    </message>
    <message>
        <source>Nothing was closed.</source>
        <translation>No se cerró nada.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record this: %1</source>
        <extracomment>%1 names the file and the reason</extracomment>
        <translation>sessionctl: advertencia: el registro de auditoría no ha anotado esto: %1</translation>
    </message>
    <message>
        <source>files: only files whose path begins with this; close-file: the full path of the files to close, as `files` shows it.</source>
        <translation>files: solo los archivos cuya ruta empieza así; close-file: la ruta completa de los archivos que se cerrarán, tal como la muestra `files`.</translation>
    </message>
    <message>
        <source>path</source>
        <extracomment>Value name in --help: a file path on the server</extracomment>
        <translation>ruta</translation>
    </message>
    <message>
        <source>close-file: the id of an open file, as `files` shows it (repeatable).</source>
        <translation>close-file: el identificador de un archivo abierto, tal como lo muestra `files` (repetible).</translation>
    </message>
    <message>
        <source>id</source>
        <extracomment>Value name in --help: a file id number</extracomment>
        <translation>id</translation>
    </message>
    <message>
        <source>files: --level must be 2, 3 or auto.</source>
        <translation>files: --level debe ser 2, 3 o auto.</translation>
    </message>
    <message>
        <source>--id needs a file id, a number as `files` shows it.</source>
        <translation>--id necesita el identificador de un archivo, un número tal como lo muestra `files`.</translation>
    </message>
    <message>
        <source>--path and --id go with files and close-file.</source>
        <translation>--path e --id son para files y close-file.</translation>
    </message>
    <message>
        <source>close-file needs either --id or --path.</source>
        <translation>close-file necesita --id o --path (uno de los dos).</translation>
    </message>
    <message>
        <source>close-file asks for confirmation, but there is no terminal to ask on; add --yes to close the files without asking.</source>
        <translation>close-file pide confirmación, pero no hay ningún terminal en el que preguntar; añada --yes para cerrar los archivos sin preguntar.</translation>
    </message>
</context>
<context>
    <name>OpenFileFormatter</name>
    <message>
        <source>Read+Write</source>
        <extracomment>Access column of an open file: opened for reading and writing</extracomment>
        <translation>Lectura+Escritura</translation>
    </message>
    <message>
        <source>Write</source>
        <extracomment>Access column of an open file</extracomment>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Read</source>
        <extracomment>Access column of an open file</extracomment>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>%1 of %2 open file(s) shown (information level %3).</source>
        <extracomment>Below the open-files table. %1 is the number listed, %2 the server&apos;s total, %3 the level.</extracomment>
        <translation>Se muestran %1 de %2 archivos abiertos (nivel de información %3).</translation>
    </message>
    <message>
        <source>No open files.</source>
        <translation>No hay archivos abiertos.</translation>
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of the open-files table (Windows&apos; Open Files node: ID, Accessed By, # Locks, Open Mode, Open File)</extracomment>
        <translation>Id.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Bloqueos</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>These open files will be closed; changes not yet saved in them can be lost:</source>
        <extracomment>Shown before the confirmation question of close-file</extracomment>
        <translation>Se cerrarán estos archivos abiertos; los cambios que aún no se hayan guardado en ellos pueden perderse:</translation>
    </message>
    <message>
        <source>Closed open file %1.</source>
        <extracomment>%1 is a file id, possibly followed by the path and user in parentheses</extracomment>
        <translation>Archivo abierto %1 cerrado.</translation>
    </message>
    <message>
        <source>File %1 was no longer open; nothing was closed.</source>
        <translation>El archivo %1 ya no estaba abierto; no se cerró nada.</translation>
    </message>
    <message>
        <source>The server accepted closing file %1, but it is still open.</source>
        <translation>El servidor aceptó cerrar el archivo %1, pero sigue abierto.</translation>
    </message>
    <message>
        <source>File %1 was not closed.</source>
        <translation>El archivo %1 no se cerró.</translation>
    </message>
</context>
<context>
    <name>OpenFileTableModel</name>
    <message>
        <source>Read+Write</source>
        <extracomment>Access of an open file (PERM_FILE_READ and PERM_FILE_WRITE), as Windows&apos; Open Files shows it</extracomment>
        <translation>Lectura+Escritura</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>open file access</comment>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Write</source>
        <comment>open file access</comment>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>On the server: %1</source>
        <extracomment>%1 is the open file&apos;s path on the server&apos;s own disk</extracomment>
        <translation>En el servidor: %1</translation>
    </message>
    <message>
        <source>The server names the user who holds the file, not the session or the computer.</source>
        <translation>El servidor indica el usuario que tiene abierto el archivo, no la sesión ni el equipo.</translation>
    </message>
    <message>
        <source>Path</source>
        <extracomment>Column header: the open file (\servershare<byte value="xc"/>older<byte value="xc"/>ile)</extracomment>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Column header: the account that holds the file open</extracomment>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Access</source>
        <extracomment>Column header: Read, Write or Read+Write</extracomment>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Locks</source>
        <extracomment>Column header: number of byte-range locks on the file</extracomment>
        <translation>Bloqueos</translation>
    </message>
    <message>
        <source>File ID</source>
        <extracomment>Column header: the server&apos;s number for the open file</extracomment>
        <translation>Id. de archivo</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server the file is open on (with several servers)</extracomment>
        <translation>Servidor</translation>
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
        <translation>Archivos abiertos</translation>
    </message>
    <message>
        <source>&amp;Close Open File…</source>
        <extracomment>Windows&apos; term (Computer Management &gt; Open Files &gt; Close Open File)</extracomment>
        <translation>&amp;Cerrar archivo abierto…</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>Copiar &amp;ruta</translation>
    </message>
    <message>
        <source>Show &amp;Sessions of This User</source>
        <translation>Mostrar las &amp;sesiones de este usuario</translation>
    </message>
    <message>
        <source>Show All Users</source>
        <translation>Mostrar todos los usuarios</translation>
    </message>
    <message>
        <source>Showing the open files of %1.</source>
        <translation>Se muestran los archivos abiertos de %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n sessions on this server, and the server does not say which session holds which file.</source>
        <translation>
            <numerusform>%1 tiene %n sesión en este servidor.</numerusform>
            <numerusform>%1 tiene %n sesiones en este servidor, y el servidor no indica qué sesión tiene abierto cada archivo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Access denied: listing open files needs administrator rights on the server (on Samba: root, BUILTIN\Administrators or the SeDiskOperatorPrivilege).</source>
        <extracomment>&quot;Samba&quot; is a product name; SeDiskOperatorPrivilege and BUILTINAdministrators are names: keep them</extracomment>
        <translation>Acceso denegado: mostrar los archivos abiertos requiere derechos de administrador en el servidor (en Samba: root, BUILTIN\Administrators o el privilegio SeDiskOperatorPrivilege).</translation>
    </message>
    <message>
        <source>The server does not list open files at any information level this console knows (ERROR_INVALID_LEVEL).</source>
        <translation>El servidor no muestra los archivos abiertos en ningún nivel de información que conozca esta consola (ERROR_INVALID_LEVEL).</translation>
    </message>
    <message>
        <source>The open files could not be listed: %1</source>
        <translation>No se pudieron obtener los archivos abiertos: %1</translation>
    </message>
    <message>
        <source>The list shows the files as they were before.</source>
        <translation>La lista muestra los archivos como estaban antes.</translation>
    </message>
    <message>
        <source>The server reports only file IDs (level 2): no paths, users, access or locks.</source>
        <translation>El servidor solo indica los identificadores de archivo (nivel 2): ni rutas, ni usuarios, ni acceso, ni bloqueos.</translation>
    </message>
    <message>
        <source>Paths are shown as on the server&apos;s own disk: this account may not list the server&apos;s shares.</source>
        <translation>Las rutas se muestran como en el disco del propio servidor: esta cuenta no puede obtener la lista de recursos compartidos del servidor.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Close Open File</source>
        <translation>Cerrar archivo abierto</translation>
    </message>
    <message numerus="yes">
        <source>Close %n open file(s)?</source>
        <translation>
            <numerusform>¿Cerrar %n archivo abierto?</numerusform>
            <numerusform>¿Cerrar %n archivos abiertos?</numerusform>
        </translation>
    </message>
    <message>
        <source>The users lose access to these files at once; changes they have not saved may be lost.</source>
        <translation>Los usuarios pierden el acceso a estos archivos de inmediato; los cambios que no hayan guardado pueden perderse.</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>No hay conexión con ningún servidor.</translation>
    </message>
    <message numerus="yes">
        <source>Closing %n open file(s)…</source>
        <translation>
            <numerusform>Cerrando %n archivo abierto…</numerusform>
            <numerusform>Cerrando %n archivos abiertos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <extracomment>%1 the file, %2 the reason</extracomment>
        <translation>No se pudo cerrar %1: %2</translation>
    </message>
    <message>
        <source>Access denied: closing open files needs administrator rights on the server (on Samba: root or the SeDiskOperatorPrivilege).</source>
        <extracomment>&quot;Samba&quot; is a product name; SeDiskOperatorPrivilege is a privilege name</extracomment>
        <translation>Acceso denegado: cerrar archivos abiertos requiere derechos de administrador en el servidor (en Samba: root o el privilegio SeDiskOperatorPrivilege).</translation>
    </message>
    <message numerus="yes">
        <source>Closed %n open file(s).</source>
        <translation>
            <numerusform>Se cerró %n archivo abierto.</numerusform>
            <numerusform>Se cerraron %n archivos abiertos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had already been closed (ID %1).</source>
        <extracomment>%1 lists file IDs</extracomment>
        <translation>
            <numerusform>%n archivo ya estaba cerrado (Id. %1).</numerusform>
            <numerusform>%n archivos ya estaban cerrados (Id. %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server accepted the request, but %n file(s) are still open: %1</source>
        <translation>
            <numerusform>El servidor aceptó la solicitud, pero %n archivo sigue abierto: %1</numerusform>
            <numerusform>El servidor aceptó la solicitud, pero %n archivos siguen abiertos: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not record this: %1</source>
        <extracomment>%1 is the reason (a file name and an error)</extracomment>
        <translation>El registro de auditoría no pudo anotar esto: %1</translation>
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
            <numerusform>En %1: %n archivo</numerusform>
            <numerusform>En %1: %n archivos</numerusform>
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
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
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
        <translation>%1, línea %2: «%3»</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s).</source>
        <translation>
            <numerusform>… y %n línea más.</numerusform>
            <numerusform>… y %n líneas más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the server list name no server (use host, host:port, \\host or [IPv6 address]:port):
%1</source>
        <extracomment>%1 lists the lines, one per line.</extracomment>
        <translation>
            <numerusform>%n línea de la lista de servidores no es un nombre de servidor (use host, host:puerto, \\host o [dirección IPv6]:puerto):
%1</numerusform>
            <numerusform>%n líneas de la lista de servidores no son nombres de servidor (use host, host:puerto, \\host o [dirección IPv6]:puerto):
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <source>Connecting</source>
        <extracomment>State of a watched server: it has not answered yet.</extracomment>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Live</source>
        <extracomment>State of a watched server: its last refresh was answered, its sessions are current.</extracomment>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>State of a watched server: it never answered, its last refresh failed.</extracomment>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Stale</source>
        <extracomment>State of a watched server: its last refresh failed, the sessions shown are older.</extracomment>
        <translation>Desactualizado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado a las %1</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Todavía sin respuesta</translation>
    </message>
    <message>
        <source>No answer since %1; the sessions shown are from then.</source>
        <translation>Sin respuesta desde las %1; las sesiones mostradas son de entonces.</translation>
    </message>
    <message>
        <source>No answer since the last refresh.</source>
        <translation>Sin respuesta desde la última actualización.</translation>
    </message>
    <message>
        <source>Signed and encrypted</source>
        <translation>Firmada y cifrada</translation>
    </message>
    <message>
        <source>Signed, not encrypted</source>
        <translation>Firmada, sin cifrar</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Sin firmar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>security (protocol)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>Connection at the last answer: %1</source>
        <translation>Conexión en la última respuesta: %1</translation>
    </message>
    <message>
        <source>Not connected: no password</source>
        <extracomment>State of a watched server: no password was given for its account.</extracomment>
        <translation>Sin conectar: sin contraseña</translation>
    </message>
    <message>
        <source>as %1</source>
        <extracomment>Tooltip of a server connected with its own account, e.g. &quot;as EXAMPLE\helpdesk2&quot;.</extracomment>
        <translation>como %1</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Add Server</source>
        <translation>Agregar servidor</translation>
    </message>
    <message>
        <source>Server (host, host:port, \\host or [IPv6 address]:port):</source>
        <translation>Servidor (host, host:puerto, \\host o [dirección IPv6]:puerto):</translation>
    </message>
    <message>
        <source>Import Server List</source>
        <translation>Importar lista de servidores</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server name (use host, host:port, \\host or [IPv6 address]:port).</source>
        <extracomment>%1 is what the operator typed.</extracomment>
        <translation>«%1» no es un nombre de servidor (use host, host:puerto, \\host o [dirección IPv6]:puerto).</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ya está en la lista.</translation>
    </message>
    <message>
        <source>Cannot read the server list &quot;%1&quot;: %2</source>
        <translation>No se puede leer la lista de servidores «%1»: %2</translation>
    </message>
    <message>
        <source>The server list &quot;%1&quot; is too large.</source>
        <translation>La lista de servidores «%1» es demasiado grande.</translation>
    </message>
    <message>
        <source>The server list &quot;%1&quot; names no server.</source>
        <translation>La lista de servidores «%1» no nombra ningún servidor.</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Servidores</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>&amp;Agregar servidor…</translation>
    </message>
    <message>
        <source>Watch another server</source>
        <translation>Supervisar otro servidor</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>&amp;Quitar servidor</translation>
    </message>
    <message>
        <source>Stop watching the selected server (%1)</source>
        <translation>Dejar de supervisar el servidor seleccionado (%1)</translation>
    </message>
    <message>
        <source>&amp;Import Server List…</source>
        <translation>&amp;Importar lista de servidores…</translation>
    </message>
    <message>
        <source>Watch the servers of a text file: one server per line, # starts a comment</source>
        <translation>Supervisar los servidores de un archivo de texto: un servidor por línea, # inicia un comentario</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Connect &amp;As…</source>
        <translation>Conectar c&amp;omo…</translation>
    </message>
    <message>
        <source>Choose the account used on the selected server alone</source>
        <translation>Elegir la cuenta que se usa solo en el servidor seleccionado</translation>
    </message>
    <message>
        <source>Use the &amp;Shared Account</source>
        <translation>Usar la cuenta &amp;compartida</translation>
    </message>
    <message>
        <source>Connect the selected server with the account shared by all servers</source>
        <translation>Conectar el servidor seleccionado con la cuenta compartida por todos los servidores</translation>
    </message>
</context>
<context>
    <name>ServerPanelModel</name>
    <message>
        <source>All servers</source>
        <translation>Todos los servidores</translation>
    </message>
    <message>
        <source>Show the sessions of every watched server in one table</source>
        <translation>Mostrar las sesiones de todos los servidores supervisados en una tabla</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 the session count, %2 the time of the last refresh</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (sin actualizar)</translation>
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
        <translation>--server «%1» no es un nombre de servidor (use host, host:puerto, \\host o [dirección IPv6]:puerto).</translation>
    </message>
    <message>
        <source>Cannot read the servers file &quot;%1&quot;: %2</source>
        <translation>No se puede leer el archivo de servidores «%1»: %2</translation>
    </message>
    <message>
        <source>The servers file &quot;%1&quot; is too large.</source>
        <translation>El archivo de servidores «%1» es demasiado grande.</translation>
    </message>
    <message>
        <source>The servers file &quot;%1&quot; names no server.</source>
        <translation>El archivo de servidores «%1» no indica ningún servidor.</translation>
    </message>
    <message>
        <source>--server (or --servers-file) is required.</source>
        <extracomment>Keep the option names untranslated.</extracomment>
        <translation>Se requiere --server (o --servers-file).</translation>
    </message>
</context>
<context>
    <name>SessionCtlCommand</name>
    <message>
        <source>host</source>
        <extracomment>Value name in --help: a server name or address</extracomment>
        <translation>servidor</translation>
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
        <translation>dominio</translation>
    </message>
    <message>
        <source>Log on with the Kerberos ticket in your ticket cache (kinit) instead of a password.</source>
        <translation>Iniciar sesión con el vale de Kerberos de su caché de vales (kinit) en lugar de con una contraseña.</translation>
    </message>
    <message>
        <source>Information level: 0, 1, 2, 10, 502 or auto (default: auto, the richest level the server provides).</source>
        <translation>Nivel de información: 0, 1, 2, 10, 502 o auto (predeterminado: auto, el nivel más completo que ofrezca el servidor).</translation>
    </message>
    <message>
        <source>level</source>
        <extracomment>Value name in --help: an information level</extracomment>
        <translation>nivel</translation>
    </message>
    <message>
        <source>The client computer a session comes from, as the server reports it (often an address).</source>
        <translation>El equipo cliente del que procede una sesión, tal como lo indica el servidor (a menudo, una dirección).</translation>
    </message>
    <message>
        <source>name</source>
        <extracomment>Value name in --help: a computer name or address</extracomment>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Mostrar JSON en lugar de una tabla.</translation>
    </message>
    <message>
        <source>Print CSV instead of a table.</source>
        <translation>Mostrar CSV en lugar de una tabla.</translation>
    </message>
    <message>
        <source>Give up connecting, and each call, after this many seconds (default: 10).</source>
        <translation>Abandonar la conexión, y cada llamada, tras este número de segundos (predeterminado: 10).</translation>
    </message>
    <message>
        <source>seconds</source>
        <extracomment>Value name in --help: a number of seconds</extracomment>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Read the password from the first line of this file.</source>
        <translation>Leer la contraseña de la primera línea de este archivo.</translation>
    </message>
    <message>
        <source>file</source>
        <extracomment>Value name in --help: a file name</extracomment>
        <translation>archivo</translation>
    </message>
    <message>
        <source>close: end the sessions without asking.</source>
        <translation>close: cerrar las sesiones sin preguntar.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado «%1».</translation>
    </message>
    <message>
        <source>--port needs a number from 1 to 65535.</source>
        <translation>--port requiere un número entre 1 y 65535.</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to %1.</source>
        <translation>--timeout requiere un número entero de segundos entre 1 y %1.</translation>
    </message>
    <message>
        <source>--level must be 0, 1, 2, 10, 502 or auto.</source>
        <translation>--level debe ser 0, 1, 2, 10, 502 o auto.</translation>
    </message>
    <message>
        <source>--password-file and --kerberos exclude each other.</source>
        <translation>--password-file y --kerberos se excluyen mutuamente.</translation>
    </message>
    <message>
        <source>--json and --csv exclude each other.</source>
        <translation>--json y --csv se excluyen mutuamente.</translation>
    </message>
    <message>
        <source>close asks for confirmation, but there is no terminal to ask on; add --yes to end the sessions without asking.</source>
        <translation>close pide confirmación, pero no hay ningún terminal en el que preguntar; añada --yes para cerrar las sesiones sin preguntar.</translation>
    </message>
    <message>
        <source>Cannot read the password file &quot;%1&quot;: %2</source>
        <translation>No se puede leer el archivo de contraseña «%1»: %2</translation>
    </message>
    <message>
        <source>The password file &quot;%1&quot; is too large.</source>
        <translation>El archivo de contraseña «%1» es demasiado grande.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the password file &quot;%1&quot; can be read by other users.</source>
        <translation>sessionctl: advertencia: otros usuarios pueden leer el archivo de contraseña «%1».</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Contraseña de %1 en %2: </translation>
    </message>
    <message>
        <source>No password: give --password-file FILE, set SESSIONCTL_PASSWORD, or run sessionctl on a terminal to be asked.</source>
        <translation>Falta la contraseña: indique --password-file ARCHIVO, defina SESSIONCTL_PASSWORD o ejecute sessionctl en un terminal para que se le pida.</translation>
    </message>
    <message>
        <source>End these sessions? [y/N] </source>
        <extracomment>Confirmation question; the answer is checked against &quot;y&quot; and &quot;yes&quot; (both the English and the translated words of the next two strings).</extracomment>
        <translation>¿Cerrar estas sesiones? [s/N] </translation>
    </message>
    <message>
        <source>y</source>
        <extracomment>Short &quot;yes&quot; answer to a y/N question.</extracomment>
        <translation>s</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Long &quot;yes&quot; answer to a y/N question.</extracomment>
        <translation>sí</translation>
    </message>
    <message>
        <source>Nothing was ended.</source>
        <translation>No se cerró nada.</translation>
    </message>
    <message>
        <source>Try &quot;sessionctl --help&quot; for more information.</source>
        <extracomment>Keep &quot;sessionctl --help&quot; untranslated.</extracomment>
        <translation>Pruebe «sessionctl --help» para obtener más información.</translation>
    </message>
    <message>
        <source>name</source>
        <comment>user name</comment>
        <extracomment>Value name in --help: a user name</extracomment>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Require an encrypted connection (SMB 3 encryption); fail rather than talk to the server unencrypted. The connection is always signed.</source>
        <translation>Exigir una conexión cifrada (cifrado SMB 3); fallar antes que comunicarse con el servidor sin cifrado. La conexión siempre se firma.</translation>
    </message>
    <message>
        <source>sessionctl: warning: the audit log did not record this: %1</source>
        <extracomment>%1 names the file and the reason</extracomment>
        <translation>sessionctl: advertencia: el registro de auditoría no ha anotado esto: %1</translation>
    </message>
    <message>
        <source>Displays this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Account to log on to the server with; DOMAIN\user is accepted. Needs administrator rights on the server. (Not the user whose sessions are meant: see --session-user.)</source>
        <translation>Cuenta con la que iniciar sesión en el servidor; se acepta DOMINIO\usuario. Necesita derechos de administrador en el servidor. (No es el usuario cuyas sesiones se tratan: véase --session-user.)</translation>
    </message>
    <message>
        <source>account</source>
        <extracomment>Value name in --help: an account name</extracomment>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>Domain or workgroup of --logon-user (default: the server&apos;s own).</source>
        <translation>Dominio o grupo de trabajo de --logon-user (predeterminado: el del servidor).</translation>
    </message>
    <message>
        <source>The user whose sessions are listed, shown or ended (not the account you log on with: see --logon-user).</source>
        <translation>El usuario cuyas sesiones se enumeran, muestran o cierran (no la cuenta con la que inicia sesión: véase --logon-user).</translation>
    </message>
    <message>
        <source>command</source>
        <extracomment>Keep the command names list, find, info, close, files and close-file untranslated. Name of the positional argument in --help (&quot;sessionctl [options] command&quot;).</extracomment>
        <translation>comando</translation>
    </message>
    <message>
        <source>Give %1 only once (%2 is its old spelling).</source>
        <extracomment>%1 is the current option name, %2 its old spelling.</extracomment>
        <translation>Indique %1 solo una vez (%2 es su forma antigua).</translation>
    </message>
    <message>
        <source>warning: %1 is an old spelling of %2 (%3), easily confused; use %2.</source>
        <extracomment>%1 is the old option name, %2 the current one, %3 what it means.</extracomment>
        <translation>advertencia: %1 es una forma antigua de %2 (%3), fácil de confundir; use %2.</translation>
    </message>
    <message>
        <source>the account to log on with</source>
        <translation>la cuenta con la que iniciar sesión</translation>
    </message>
    <message>
        <source>the user whose sessions are meant</source>
        <translation>el usuario cuyas sesiones se tratan</translation>
    </message>
    <message>
        <source>Give the domain either in --logon-user DOMAIN\user or in --domain.</source>
        <translation>Indique el dominio en --logon-user DOMINIO\usuario o en --domain, no en ambos.</translation>
    </message>
    <message>
        <source>Give --logon-user (with a password) or --kerberos.</source>
        <translation>Indique --logon-user (con una contraseña) o --kerberos.</translation>
    </message>
    <message>
        <source>info needs both --client and --session-user.</source>
        <translation>info requiere --client y --session-user.</translation>
    </message>
    <message>
        <source>close needs --client and/or --session-user.</source>
        <translation>close requiere --client y/o --session-user.</translation>
    </message>
    <message>
        <source>your Kerberos ticket</source>
        <translation>su vale de Kerberos</translation>
    </message>
    <message>
        <source>every session of user %1</source>
        <extracomment>%1 is the user whose sessions end.</extracomment>
        <translation>todas las sesiones del usuario %1</translation>
    </message>
    <message>
        <source>every session from client %1</source>
        <extracomment>%1 is a client computer.</extracomment>
        <translation>todas las sesiones del cliente %1</translation>
    </message>
    <message>
        <source>every session of user %1 from client %2</source>
        <extracomment>%1 is the user whose sessions end, %2 a client computer.</extracomment>
        <translation>todas las sesiones del usuario %1 desde el cliente %2</translation>
    </message>
    <message>
        <source>Logged on to %2 as %1; ending %3.</source>
        <extracomment>%1 is the logon account (or &quot;your Kerberos ticket&quot;), %2 the server, %3 e.g. &quot;every session of user alice&quot;.</extracomment>
        <translation>Sesión iniciada en %2 como %1; se cerrarán %3.</translation>
    </message>
    <message>
        <source>--timeout allows more time.</source>
        <extracomment>Keep &quot;--timeout&quot; untranslated.</extracomment>
        <translation>--timeout permite esperar más tiempo.</translation>
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
        <translation>Enumera, examina y cierra las sesiones de un servidor de archivos SMB (Windows o Samba) con las funciones de administración de red NetSessionEnum, NetSessionGetInfo y NetSessionDel.

Comandos:
  list   Enumera las sesiones (o solo las de --client y/o --session-user),
         ordenadas por usuario y después por cliente.
  find   Enumera las sesiones de --session-user en cada servidor indicado.
  info   Muestra las sesiones de --session-user desde --client.
  close  Cierra las sesiones de --client y/o --session-user. Las muestra, junto
         con la cuenta usada y de quién son las sesiones, y pide confirmación
         en el terminal, salvo que se indique --yes.
list, find y close admiten varios servidores (--server varias veces o
--servers-file) y los consultan en paralelo.</translation>
    </message>
    <message>
        <source>The file server: host, host:port, \\host or [IPv6 address]:port. Repeat it for several servers (list, find, close).</source>
        <translation>El servidor de archivos: host, host:puerto, \\host o [dirección IPv6]:puerto. Repítalo para varios servidores (list, find, close).</translation>
    </message>
    <message>
        <source>Read servers from this file, one per line as for --server; &quot;#&quot; starts a comment.</source>
        <translation>Lee los servidores de este archivo, uno por línea como en --server; «#» inicia un comentario.</translation>
    </message>
    <message>
        <source>Ask this many servers at once (default: 8).</source>
        <translation>Consulta esta cantidad de servidores a la vez (predeterminado: 8).</translation>
    </message>
    <message>
        <source>SMB port of the servers given without one (default: 445).</source>
        <translation>Puerto SMB de los servidores indicados sin puerto (predeterminado: 445).</translation>
    </message>
    <message>
        <source>list, find, info, close, files or close-file.</source>
        <translation>list, find, info, close, files o close-file.</translation>
    </message>
    <message>
        <source>No command given: use list, find, info, close, files or close-file.</source>
        <translation>No se indicó ningún comando: use list, find, info, close, files o close-file.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;: use list, find, info, close, files or close-file.</source>
        <translation>Comando desconocido «%1»: use list, find, info, close, files o close-file.</translation>
    </message>
    <message>
        <source>info, files and close-file take one server; list, find and close take several.</source>
        <extracomment>Keep the command names and --server untranslated.</extracomment>
        <translation>info, files y close-file admiten un servidor; list, find y close, varios.</translation>
    </message>
    <message>
        <source>--jobs needs a number from 1 to %1.</source>
        <translation>--jobs necesita un número del 1 al %1.</translation>
    </message>
    <message>
        <source>find needs --session-user.</source>
        <translation>find necesita --session-user.</translation>
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
        <translation>Contraseña:
  A propósito, ninguna opción recibe la contraseña en sí, porque otros usuarios
  pueden leer las líneas de comandos. sessionctl la toma, por este orden, de:
  1. --password-file ARCHIVO (la primera línea de ARCHIVO),
  2. la variable de entorno SESSIONCTL_PASSWORD,
  3. una petición sin eco, si la entrada estándar es un terminal.
  Con --kerberos no se necesita contraseña. La contraseña nunca se muestra.

Códigos de salida:
  0  correcto
  1  cualquier otro error, o se rechazó la confirmación de close
  2  error de uso (opción incorrecta o ausente; close sin --yes y sin terminal)
  3  error de autenticación: usuario o contraseña incorrectos, sin credenciales
  4  acceso denegado: faltan derechos de administrador en el servidor
  5  no encontrado: ninguna sesión, cliente o usuario coincide (find, close: en
     ningún servidor)
  6  servidor inaccesible: conexión rechazada, sin ruta, host desconocido,
     tiempo de espera agotado, conexión perdida
  7  el servidor no ofrece el nivel de información solicitado
  8  error de protocolo o respuesta ilegible del servidor
  9  Kerberos: vale caducado, servidor indicado por dirección, ninguna entidad de
     servicio para ese nombre, diferencia de reloj o ningún KDC del territorio responde
 10  se indicaron varios servidores y al menos uno falló (el mensaje de cada uno
     está en la salida de error estándar y, con --json, en la matriz &quot;servers&quot;);
     las sesiones de los demás se muestran igualmente

Ejemplos:
  sessionctl list --server fs01 --logon-user &apos;CORP\admin&apos;
  sessionctl list --server fs01 --logon-user admin --password-file ~/.fs01.pw --json
  sessionctl info --server fs01 --kerberos --client 10.0.0.7 --session-user alice
  sessionctl close --server fs01 --logon-user admin --session-user alice --yes
  sessionctl find --server fs01 --server fs02:1445 --logon-user admin --session-user alice
  sessionctl list --servers-file servers.txt --logon-user admin --json

--user (-U) y --username (-u) son las formas antiguas de --logon-user y
--session-user; siguen funcionando, con una advertencia.
</translation>
    </message>
    <message numerus="yes">
        <source>Logged on to %n server(s) as %1; ending %2.</source>
        <extracomment>%n is a number of servers, %1 the logon account (or &quot;your Kerberos ticket&quot;), %2 e.g. &quot;every session of user alice&quot;.</extracomment>
        <translation>
            <numerusform>Sesión iniciada en %n servidor como %1; se cierra %2.</numerusform>
            <numerusform>Sesión iniciada en %n servidores como %1; se cierra %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>--server is required.</source>
        <translation>--server es obligatorio.</translation>
    </message>
</context>
<context>
    <name>SessionDetailsDialog</name>
    <message>
        <source>Session Details</source>
        <translation>Detalles de la sesión</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>%1 user name, %2 computer name or address</extracomment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>Desco&amp;nectar…</translation>
    </message>
    <message>
        <source>Disconnect this session</source>
        <translation>Desconectar esta sesión</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <extracomment>Label in the session details form; %1 is a column title</extracomment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Session ended. The server no longer lists this session.</source>
        <translation>La sesión ha terminado. El servidor ya no muestra esta sesión.</translation>
    </message>
    <message>
        <source>Connection to the server lost: these are the last known values.</source>
        <translation>Se perdió la conexión con el servidor: estos son los últimos valores conocidos.</translation>
    </message>
    <message>
        <source>This is the console&apos;s own connection to the server.</source>
        <translation>Esta es la propia conexión de la consola con el servidor.</translation>
    </message>
    <message>
        <source>Show &amp;Open Files</source>
        <extracomment>Windows&apos; term &quot;Open Files&quot;, here: the files this session&apos;s user holds open</extracomment>
        <translation>Mostrar &amp;archivos abiertos</translation>
    </message>
    <message>
        <source>Not reported:</source>
        <comment>session details the server leaves out</comment>
        <translation>No indicado:</translation>
    </message>
    <message>
        <source>This or another session of your account from this computer is the console&apos;s own connection to the server.</source>
        <translation>Esta u otra sesión de su cuenta desde este equipo es la propia conexión de la consola con el servidor.</translation>
    </message>
</context>
<context>
    <name>SessionErrorText</name>
    <message>
        <source>Access denied: listing or ending sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators; ending sessions also needs root or Domain Admins). Samba also answers &quot;access denied&quot; when a request to end sessions matched no session.</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators and Domain Admins are group names the administrator sees on the server: do not translate them.</extracomment>
        <translation>Acceso denegado: para enumerar o cerrar sesiones se necesitan derechos de administrador en el servidor (en Samba: pertenecer a BUILTIN\Administrators; para cerrar sesiones también se necesita root o Domain Admins). Samba también responde «acceso denegado» cuando una petición de cierre de sesiones no coincide con ninguna sesión.</translation>
    </message>
    <message>
        <source>The server rejected a name or option of the request as invalid. Check the client and user names.</source>
        <translation>El servidor rechazó por no válido un nombre o una opción de la petición. Compruebe los nombres de cliente y de usuario.</translation>
    </message>
    <message>
        <source>The server does not provide this information level. Use the level &quot;auto&quot; to let the program pick the richest one it supports.</source>
        <extracomment>&quot;auto&quot; is a literal option value: keep it untranslated.</extracomment>
        <translation>El servidor no ofrece este nivel de información. Use el nivel «auto» para que el programa elija el más completo que se admita.</translation>
    </message>
    <message>
        <source>No session of this user was found on the server.</source>
        <translation>No se encontró ninguna sesión de este usuario en el servidor.</translation>
    </message>
    <message>
        <source>No session from this client computer was found on the server.</source>
        <extracomment>&quot;Client computer&quot; is the machine a user connects from.</extracomment>
        <translation>No se encontró en el servidor ninguna sesión desde este equipo cliente.</translation>
    </message>
    <message>
        <source>No session matches this client computer and user.</source>
        <translation>Ninguna sesión coincide con este equipo cliente y este usuario.</translation>
    </message>
    <message>
        <source>The server name is not valid, or that computer is not a file server.</source>
        <translation>El nombre del servidor no es válido o ese equipo no es un servidor de archivos.</translation>
    </message>
    <message>
        <source>The Server service is not running on that computer (it offers no srvsvc pipe), so its sessions cannot be listed.</source>
        <extracomment>&quot;Server service&quot; is the Windows service name (LanmanServer); srvsvc is a pipe name.</extracomment>
        <translation>El servicio Servidor no se está ejecutando en ese equipo (no ofrece la canalización srvsvc), así que no se pueden enumerar sus sesiones.</translation>
    </message>
    <message>
        <source>Logon failed: wrong user name or password, or the account is disabled, locked or expired.</source>
        <translation>Error de inicio de sesión: el nombre de usuario o la contraseña son incorrectos, o la cuenta está deshabilitada, bloqueada o caducada.</translation>
    </message>
    <message>
        <source>The server name could not be resolved. Check its spelling and the DNS settings.</source>
        <translation>No se pudo resolver el nombre del servidor. Compruebe que esté bien escrito y la configuración de DNS.</translation>
    </message>
    <message>
        <source>The server cannot be reached: there is no route to it. Check the network connection and the server address.</source>
        <translation>No se puede acceder al servidor: no hay ninguna ruta hasta él. Compruebe la conexión de red y la dirección del servidor.</translation>
    </message>
    <message>
        <source>The server refused the connection: nothing listens on that port. Check the server name and port (SMB uses 445) and that the file server is running.</source>
        <extracomment>445 is the SMB port number.</extracomment>
        <translation>El servidor rechazó la conexión: nada escucha en ese puerto. Compruebe el nombre del servidor y el puerto (SMB usa el 445) y que el servidor de archivos esté en funcionamiento.</translation>
    </message>
    <message>
        <source>The connection to the server broke during the request. Try again.</source>
        <translation>La conexión con el servidor se interrumpió durante la petición. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read; it was discarded and nothing was changed because of it.</source>
        <translation>No se pudo leer la respuesta del servidor; se descartó y no se cambió nada a causa de ella.</translation>
    </message>
    <message>
        <source>The server reported a protocol error for this request.</source>
        <translation>El servidor notificó un error de protocolo en esta petición.</translation>
    </message>
    <message>
        <source>This operation is not supported by this server or by this build of the program.</source>
        <translation>Este servidor o esta compilación del programa no admiten esta operación.</translation>
    </message>
    <message>
        <source>The operation failed with an unexpected error.</source>
        <translation>La operación falló con un error inesperado.</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <extracomment>%1 is an English technical description, e.g. which field of a reply was wrong.</extracomment>
        <translation>Detalle técnico (en inglés): %1</translation>
    </message>
    <message>
        <source>Access denied: listing sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators).</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators is a group name the administrator sees on the server: do not translate it.</extracomment>
        <translation>Acceso denegado: para enumerar sesiones se necesitan derechos de administrador en el servidor (en Samba: pertenencia a BUILTIN\Administrators).</translation>
    </message>
    <message>
        <source>Access denied: ending sessions needs administrator rights on the server (on Samba: membership of BUILTIN\Administrators, and root or Domain Admins). Samba also answers &quot;access denied&quot; when a request to end sessions matched no session.</source>
        <extracomment>&quot;Samba&quot; is a product name. BUILTIN\Administrators and Domain Admins are group names the administrator sees on the server: do not translate them.</extracomment>
        <translation>Acceso denegado: para cerrar sesiones se necesitan derechos de administrador en el servidor (en Samba: pertenencia a BUILTIN\Administrators, y root o Domain Admins). Samba también responde «acceso denegado» cuando una petición para cerrar sesiones no coincide con ninguna sesión.</translation>
    </message>
    <message>
        <source>No credentials: Kerberos was requested but there is no Kerberos ticket. Run kinit (or log on to the domain again), or use Connect As with a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>Sin credenciales: se pidió Kerberos, pero no hay ningún vale de Kerberos. Ejecute kinit (o vuelva a iniciar sesión en el dominio) o use Conectar como con una contraseña.</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired. Run kinit to get a new one, or use Connect As with a password.</source>
        <extracomment>&quot;kinit&quot; is a command name.</extracomment>
        <translation>Su vale de Kerberos ha caducado. Ejecute kinit para obtener uno nuevo o use Conectar como con una contraseña.</translation>
    </message>
    <message>
        <source>Kerberos cannot be used with a server address: the ticket is issued for the server&apos;s name. Enter the server&apos;s full DNS name (for example fileserver.example.com) instead of its IP address.</source>
        <translation>Kerberos no se puede usar con la dirección de un servidor: el vale se emite para el nombre del servidor. Escriba el nombre DNS completo del servidor (por ejemplo fileserver.example.com) en lugar de su dirección IP.</translation>
    </message>
    <message>
        <source>The domain knows no Kerberos service (cifs/NAME) for this server name, so no ticket can be issued for it. Use the server&apos;s own full DNS name rather than an alias, or ask the domain administrator to register the name.</source>
        <extracomment>&quot;cifs/NAME&quot; is a Kerberos service principal name: keep it untranslated.</extracomment>
        <translation>El dominio no conoce ningún servicio Kerberos (cifs/NAME) para este nombre de servidor, así que no se puede emitir un vale para él. Use el nombre DNS completo propio del servidor en lugar de un alias, o pida al administrador del dominio que registre el nombre.</translation>
    </message>
    <message>
        <source>The clock of this computer differs too much from the domain&apos;s (Kerberos allows 5 minutes). Correct the date, time and time zone, or synchronise with the domain&apos;s time server.</source>
        <translation>El reloj de este equipo difiere demasiado del del dominio (Kerberos admite 5 minutos). Corrija la fecha, la hora y la zona horaria, o sincronice con el servidor de hora del dominio.</translation>
    </message>
    <message>
        <source>No domain controller (KDC) of your Kerberos realm could be reached, so no ticket for the server could be obtained. Check the network connection to the domain and the Kerberos configuration, or use Connect As with a password.</source>
        <extracomment>KDC: Key Distribution Center, the Kerberos service of a domain controller.</extracomment>
        <translation>No se pudo contactar con ningún controlador de dominio (KDC) de su territorio Kerberos, así que no se pudo obtener un vale para el servidor. Compruebe la conexión de red con el dominio y la configuración de Kerberos, o use Conectar como con una contraseña.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). It may be overloaded, or a firewall drops the traffic. Try again later.</source>
        <translation>
            <numerusform>El servidor no respondió en %n segundo. Puede estar sobrecargado, o un firewall descarta el tráfico. Vuelva a intentarlo más tarde.</numerusform>
            <numerusform>El servidor no respondió en %n segundos. Puede estar sobrecargado, o un firewall descarta el tráfico. Vuelva a intentarlo más tarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not answer in time. It may be overloaded, or a firewall drops the traffic. Try again later.</source>
        <translation>El servidor no respondió a tiempo. Puede estar sobrecargado, o un firewall descarta el tráfico. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>No file with this id is open on the server; it may have been closed already.</source>
        <translation>No hay ningún archivo abierto con este identificador en el servidor; puede que ya se haya cerrado.</translation>
    </message>
    <message>
        <source>The console could not start its worker process for server connections (sessionconsole-rpcworker). The installation may be incomplete, or the computer may be out of memory or processes. Reinstall the program, or ask your administrator.</source>
        <extracomment>sessionconsole-rpcworker is a program name: keep it untranslated.</extracomment>
        <translation>La consola no pudo iniciar su proceso auxiliar para las conexiones con los servidores (sessionconsole-rpcworker). Puede que la instalación esté incompleta o que el equipo se haya quedado sin memoria o sin procesos. Vuelva a instalar el programa o consulte a su administrador.</translation>
    </message>
</context>
<context>
    <name>SessionFormatter</name>
    <message>
        <source>Client</source>
        <extracomment>Table header: the computer the session comes from.</extracomment>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>Table header: number of files, devices and pipes the session has open.</extracomment>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>Table header: how long the session has existed (H:MM:SS).</extracomment>
        <translation>Tiempo de conexión</translation>
    </message>
    <message>
        <source>Idle</source>
        <extracomment>Table header: time since the session&apos;s last activity (H:MM:SS).</extracomment>
        <translation>Tiempo de inactividad</translation>
    </message>
    <message>
        <source>Client type</source>
        <extracomment>Table header: the client&apos;s operating system or SMB client software.</extracomment>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Transport</source>
        <extracomment>Table header: the network transport of the session.</extracomment>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>No sessions.</source>
        <translation>No hay sesiones.</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Open files:</source>
        <extracomment>Files, devices and pipes the session has open.</extracomment>
        <translation>Archivos abiertos:</translation>
    </message>
    <message>
        <source>Connected for:</source>
        <translation>Tiempo de conexión:</translation>
    </message>
    <message>
        <source>Idle for:</source>
        <translation>Tiempo de inactividad:</translation>
    </message>
    <message>
        <source>Guest:</source>
        <translation>Invitado:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Client type:</source>
        <translation>Tipo de cliente:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transporte:</translation>
    </message>
    <message numerus="yes">
        <source>These %n session(s) will be ended:</source>
        <translation>
            <numerusform>Se cerrará esta sesión:</numerusform>
            <numerusform>Se cerrarán estas %n sesiones:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s).</source>
        <translation>
            <numerusform>Se cerró %n sesión.</numerusform>
            <numerusform>Se cerraron %n sesiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: this server does not report idle time (it says 0 for every session).</source>
        <extracomment>%1 is the dash shown in the Idle column.</extracomment>
        <translation>%1: este servidor no informa del tiempo de inactividad (indica 0 para todas las sesiones).</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n sessions from %2:</source>
        <extracomment>%1 is a user name, %2 a client computer.</extracomment>
        <translation>
            <numerusform>%1 tiene %n sesión desde %2:</numerusform>
            <numerusform>%1 tiene %n sesiones desde %2:</numerusform>
        </translation>
    </message>
    <message>
        <source>Session %1 of %2</source>
        <extracomment>Heading of one session in a list of several: &quot;Session 2 of 3&quot;.</extracomment>
        <translation>Sesión %1 de %2</translation>
    </message>
    <message>
        <source>(this server does not report idle time)</source>
        <translation>(este servidor no informa del tiempo de inactividad)</translation>
    </message>
    <message>
        <source>Plain-text password:</source>
        <extracomment>SESS_NOENCRYPTION: whether the password was sent in plain text at logon (not about encryption of the session). Phrase it without a negation: the answer is yes/no.</extracomment>
        <translation>Contraseña en texto plano:</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Table header: the file server a session is on.</extracomment>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>%1: no matching session.</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>%1: ninguna sesión coincide.</translation>
    </message>
    <message>
        <source>%1: failed (see the message on standard error).</source>
        <extracomment>%1 is a server; its error message is on standard error.</extracomment>
        <translation>%1: error (vea el mensaje en la salida de error estándar).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s) will be ended.</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: se cerrará %n sesión.</numerusform>
            <numerusform>%1: se cerrarán %n sesiones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: ended %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: se cerró %n sesión.</numerusform>
            <numerusform>%1: se cerraron %n sesiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest</source>
        <extracomment>Table header: whether the session is logged on as the guest account.</extracomment>
        <translation>Invitado</translation>
    </message>
    <message>
        <source>Plain-text password</source>
        <extracomment>Table header (SESS_NOENCRYPTION): whether the password was sent in plain text at logon. Not about encryption of the session; avoid a negation.</extracomment>
        <translation>Contraseña en texto plano</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s).</source>
        <translation>
            <numerusform>%n sesión.</numerusform>
            <numerusform>%n sesiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>user names</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>nombres de usuario</translation>
    </message>
    <message>
        <source>open file counts</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>número de archivos abiertos</translation>
    </message>
    <message>
        <source>connection and idle times</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>tiempos de conexión e inactividad</translation>
    </message>
    <message>
        <source>guest and plain-text password flags</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>indicadores de invitado y de contraseña en texto plano</translation>
    </message>
    <message>
        <source>client type</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>tipo de cliente</translation>
    </message>
    <message>
        <source>transport</source>
        <extracomment>Part of &quot;no %1&quot;: a detail the server leaves out.</extracomment>
        <translation>transporte</translation>
    </message>
    <message>
        <source>This server reports basic session details only (no %1).</source>
        <extracomment>%1 lists details, e.g. &quot;client type, transport&quot;.</extracomment>
        <translation>Este servidor solo indica los detalles básicos de las sesiones (sin %1).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s).</source>
        <extracomment>%1 is a server.</extracomment>
        <translation>
            <numerusform>%1: %n sesión.</numerusform>
            <numerusform>%1: %n sesiones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Yes</source>
        <comment>guest session</comment>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <comment>guest session</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>This is the console&apos;s own connection to the server.</source>
        <translation>Esta es la propia conexión de la consola con el servidor.</translation>
    </message>
    <message>
        <source>Connected since %1</source>
        <translation>Conectada desde el %1</translation>
    </message>
    <message>
        <source>Last activity at %1</source>
        <translation>Última actividad: %1</translation>
    </message>
    <message>
        <source>The user was logged on as a guest.</source>
        <translation>El usuario inició sesión como invitado.</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Column header: the account that opened the session</extracomment>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Computer</source>
        <extracomment>Column header: the client computer (name or address) the session comes from</extracomment>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Client type</source>
        <extracomment>Column header: the client&apos;s operating system or SMB client software</extracomment>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Open files</source>
        <extracomment>Column header: number of files, devices and pipes open in the session</extracomment>
        <translation>Archivos abiertos</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>Column header: how long the session has been connected (a duration)</extracomment>
        <translation>Tiempo de conexión</translation>
    </message>
    <message>
        <source>Idle</source>
        <extracomment>Column header: how long since the client last did something (a duration)</extracomment>
        <translation>Tiempo de inactividad</translation>
    </message>
    <message>
        <source>Guest</source>
        <extracomment>Column header: whether the user is logged on as a guest (yes/no)</extracomment>
        <translation>Invitado</translation>
    </message>
    <message>
        <source>Transport</source>
        <extracomment>Column header: the network transport the session uses</extracomment>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Files, devices and pipes the session has open</source>
        <translation>Archivos, dispositivos y canalizaciones que la sesión tiene abiertos</translation>
    </message>
    <message>
        <source>Time since the session was established (hours:minutes:seconds)</source>
        <translation>Tiempo transcurrido desde que se estableció la sesión (horas:minutos:segundos)</translation>
    </message>
    <message>
        <source>Time since the client last used the session (hours:minutes:seconds)</source>
        <translation>Tiempo transcurrido desde que el cliente usó la sesión por última vez (horas:minutos:segundos)</translation>
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
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <comment>plain-text password</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>The password was sent in plain text when this session was set up. This says nothing about encryption of the session&apos;s traffic.</source>
        <translation>La contraseña se envió en texto plano al establecer esta sesión. Esto no indica nada sobre el cifrado del tráfico de la sesión.</translation>
    </message>
    <message>
        <source>Plain-text password</source>
        <extracomment>Column header (SESS_NOENCRYPTION): whether the password was sent in plain text at logon. Not about encryption of the session; phrase it without a negation.</extracomment>
        <translation>Contraseña en texto plano</translation>
    </message>
    <message>
        <source>Whether the password was sent in plain text when the session was set up (not whether the session is encrypted)</source>
        <translation>Si la contraseña se envió en texto plano al establecer la sesión (no si la sesión está cifrada)</translation>
    </message>
    <message>
        <source>One of these sessions of your account from this computer is the console&apos;s own connection to the server; the server does not tell which.</source>
        <translation>Una de estas sesiones de su cuenta desde este equipo es la propia conexión de la consola con el servidor; el servidor no indica cuál.</translation>
    </message>
    <message>
        <source>This server does not report idle time: it says 0 for every session.</source>
        <translation>Este servidor no indica el tiempo de inactividad: da 0 para todas las sesiones.</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Column header: the file server the session is on (with several servers)</extracomment>
        <translation>Servidor</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>%1 (not provided by this server)</source>
        <translation>%1 (este servidor no lo proporciona)</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>No hay conexión con ningún servidor.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>%1 user, %2 computer</extracomment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Disconnecting %1…</source>
        <translation>Desconectando a %1…</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s) of %1 on %2.</source>
        <extracomment>%1 user, %2 computer</extracomment>
        <translation>
            <numerusform>Se cerró %n sesión de %1 en %2.</numerusform>
            <numerusform>Se cerraron %n sesiones de %1 en %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not disconnect %1 on %2: %3</source>
        <extracomment>%1 user, %2 computer, %3 the reason</extracomment>
        <translation>No se pudo desconectar a %1 en %2: %3</translation>
    </message>
    <message>
        <source>The audit log could not record this: %1</source>
        <extracomment>%1 is the reason (a file name and an error)</extracomment>
        <translation>El registro de auditoría no pudo anotar esto: %1</translation>
    </message>
    <message>
        <source>Show &amp;Open Files</source>
        <translation>Mostrar &amp;archivos abiertos</translation>
    </message>
    <message>
        <source>Type the name or address of a file server above and press Connect.</source>
        <translation>Escriba arriba el nombre o la dirección de un servidor de archivos y pulse Conectar.</translation>
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
        <translation>Consola de sesiones</translation>
    </message>
</context>
</TS>
