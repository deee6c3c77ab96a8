#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The test lab: a private Samba smbd on a loopback port, a "hung" server that accepts TCP and
# never answers, and a closed port. Runs as root (CI) or as a normal user: smbd believes it
# is root through uid_wrapper and finds its users in private passwd/group files through
# nss_wrapper, the way Samba's own selftest runs it.
#
#   lab.sh start|stop|status|check|env [--dir DIR]
#   lab.sh smbstatus [-L|-S|-b] [--dir DIR]      smbstatus --json (-L: open files only)
#   lab.sh stop-smbd|start-smbd [--dir DIR]     stop/start smbd alone, same port and users
#   lab.sh run [--dir DIR] -- COMMAND...        run a Samba tool under the lab's wrappers
#   lab.sh load start USER N [--dir DIR] [--loadgen PATH] [-- EXTRA sc-loadgen ARGS]
#   lab.sh load stop [--dir DIR]
#   lab.sh fleet-start N [--dir DIR]              N labs (smbd each, same users and passwords)
#   lab.sh fleet-stop|fleet-status [--dir DIR]
#
# Everything lives in DIR (default ./lab-run); DIR/lab.env describes the running lab. A fleet
# keeps its members in DIR/s1 ... DIR/sN (each a lab of its own, on its own loopback port; only
# s1 has the hung server) and describes itself in DIR/fleet.env.

set -euo pipefail
# smbd lives in /usr/sbin, which a normal user's PATH on Debian does not contain.
export PATH="$PATH:/usr/sbin:/sbin"

readonly ADMIN_USER=labadmin
# May list sessions (BUILTIN\Administrators) but not end them (not in Domain Admins).
readonly VIEWER_USER=labviewer
readonly PLAIN_USERS=(alice bob josé jürgen)
readonly SHARE=lab
readonly HOST=127.0.0.1
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
readonly LAB_NAME=lab.sh
# shellcheck source-path=SCRIPTDIR source=labcommon.sh
source "$SCRIPT_DIR/labcommon.sh"

usage() {
    sed -n '9,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# ---------------------------------------------------------------- arguments
lab_option() {
    case $1 in
    --no-hung) WITH_HUNG=0; OPTION_WORDS=1 ;;
    --port) START_PORT=${2:?--port needs a value}; OPTION_WORDS=2 ;;
    *) return 1 ;;
    esac
}

DIR=./lab-run
# Fleet members copy the users, passwords and rights of one provisioned template (seconds,
# rather than a provisioning each) and all but the first need no hung server of their own.
WITH_HUNG=1
START_PORT=
parse_lab_args "$@"
[[ $COMMAND == start || $COMMAND == fleet-start || $COMMAND == provision ]] && mkdir -p "$DIR"
# Absolute, since smbd and the files we write must not depend on the working directory.
DIR=$(realpath -m -- "$DIR")
readonly DIR CONF="$DIR/etc/smb.conf" RUN="$DIR/run"

# ---------------------------------------------------------------- helpers

# Runs "$@" under uid_wrapper (fake root, fake setuid) and nss_wrapper (the lab's users).
wrapped() {
    local uidw nssw
    uidw=$(find_lib libuid_wrapper.so) || die "libuid_wrapper.so not found (apt-get install libuid-wrapper)"
    nssw=$(find_lib libnss_wrapper.so) || die "libnss_wrapper.so not found (apt-get install libnss-wrapper)"
    env LD_PRELOAD="$uidw:$nssw" UID_WRAPPER=1 UID_WRAPPER_ROOT=1 \
        NSS_WRAPPER_PASSWD="$DIR/etc/passwd" NSS_WRAPPER_GROUP="$DIR/etc/group" \
        NSS_WRAPPER_HOSTS="$DIR/etc/hosts" NSS_WRAPPER_HOSTNAME=sclab.lab.test "$@"
}

# A loopback port nothing listens on right now. smbd cannot take an already bound socket,
# so there is a short race; start retries with another port if smbd fails to bind.
free_port() {
    python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

smbd_pid() { read_pid "$DIR/pid/smbd.pid"; }
dcerpcd_pid() { read_pid "$DIR/pid/samba-dcerpcd.pid"; }

# True if PID is a process of this lab: its command line names our smb.conf (or, for the
# hung server and load generators, a file inside DIR). Guards against a stale pid file
# whose pid now belongs to an unrelated process.
ours() {
    local pid=$1 cmdline
    # The process may exit between the listing and this read (smbd children end all the
    # time); a vanished process is simply not ours to stop.
    cmdline=$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    grep -qF -- "$DIR/" <<<"$cmdline"
}

# smbd and samba-dcerpcd each call setsid() when they start, so the per-connection smbd
# children share smbd's session id and the rpcd_* workers share samba-dcerpcd's.
lab_pids() {
    local sids=() s
    for s in "$(read_pid "$RUN/smbd.sid")" "$(smbd_pid)" "$(dcerpcd_pid)"; do
        [[ -n $s ]] && sids+=("$s")
    done
    [[ ${#sids[@]} -gt 0 ]] || return 0
    ps -e -o pid=,sid= | awk -v list="${sids[*]}" '
        BEGIN { n = split(list, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
        ($2 in want) { print $1 }' | while read -r p; do
        # Not "ours && echo": when the last process listed has just ended (smbd's children
        # end by the thousand when a killed load generator's connections drop), that would
        # make this function fail, and "all=$(lab_pids)" under set -e would end lab.sh stop
        # before it stopped smbd and the hung server.
        if ours "$p"; then
            echo "$p"
        fi
    done
    return 0
}

# ---------------------------------------------------------------- stop

loadgen_pids() {
    local f
    for f in "$RUN"/loadgen.*.pid; do
        [[ -e $f ]] && read_pid "$f"
    done
}

stop_loadgens() {
    local rc=0
    [[ -d $RUN ]] || return 0
    # shellcheck disable=SC2046
    stop_pids $(loadgen_pids) || rc=1
    rm -f "$RUN"/loadgen.*.pid
    return $rc
}

cmd_stop() {
    local rc=0 all
    # Load generators first so they can log off cleanly while smbd still answers.
    stop_loadgens || rc=1
    # Collect the helpers before their parents go: the pid files disappear with them. Never
    # let a failure here skip the rest: a lab half stopped is a lab left running.
    all=$(lab_pids) || all=
    # shellcheck disable=SC2086
    stop_pids "$(smbd_pid)" "$(dcerpcd_pid)" "$(read_pid "$RUN/hung.pid")" || rc=1
    # shellcheck disable=SC2086
    stop_pids $all || rc=1
    rm -f "$DIR/pid/smbd.pid" "$DIR/pid/samba-dcerpcd.pid" "$RUN/hung.pid" "$RUN/smbd.sid" \
        "$DIR/lab.env"
    if [[ $rc -eq 0 ]]; then
        note "stopped (dir $DIR)"
    fi
    return $rc
}

# ---------------------------------------------------------------- start
write_users() {
    # uids/gids far from any real account: they only exist inside nss_wrapper.
    local etc=$DIR/etc uid=60001 u
    {
        echo "root:x:0:0:root:/root:/bin/false"
        echo "nobody:x:65534:65534:nobody:/nonexistent:/bin/false"
        echo "$ADMIN_USER:x:60000:60000:Lab administrator:$DIR/share:/bin/false"
        echo "$VIEWER_USER:x:60100:60000:Lab session viewer:$DIR/share:/bin/false"
        for u in "${PLAIN_USERS[@]}"; do
            echo "$u:x:$uid:60000:Lab user $u:$DIR/share:/bin/false"
            uid=$((uid + 1))
        done
    } >"$etc/passwd"
    {
        echo "root:x:0:"
        echo "nogroup:x:65534:"
        echo "labusers:x:60000:"
        # BUILTIN\Administrators may list sessions; Domain Admins may also end them.
        echo "labadmins:x:60010:$ADMIN_USER,$VIEWER_USER"
        echo "labdomainadmins:x:60011:$ADMIN_USER"
    } >"$etc/group"
    # smbd resolves its own DNS name on every session setup; without an entry here that is a
    # DNS query which, on a machine without network, times out after 5 s.
    {
        echo "127.0.0.1 sclab.lab.test sclab localhost"
        echo "::1 localhost"
    } >"$etc/hosts"
}

write_conf() {
    local port=$1
    cat >"$CONF" <<EOF
# Generated by tests/lab/lab.sh; rewritten on every start.
[global]
    netbios name = SCLAB
    workgroup = SCLABDOM
    server role = standalone server
    server string = Session Console test lab
    interfaces = 127.0.0.1
    bind interfaces only = yes
    smb ports = $port
    disable netbios = yes
    unix charset = UTF-8
    dos charset = CP850

    pid directory = $DIR/pid
    lock directory = $DIR/lock
    state directory = $DIR/state
    cache directory = $DIR/cache
    private dir = $DIR/private
    binddns dir = $DIR/private/bind-dns
    ncalrpc dir = $DIR/ncalrpc
    usershare path = $DIR/usershares
    log file = $DIR/log/log.%m
    max log size = 10000
    log level = 1
    debug pid = yes

    passdb backend = tdbsam:$DIR/private/passdb.tdb
    map to guest = never
    restrict anonymous = 2
    obey pam restrictions = no
    unix password sync = no
    # No winbindd here: users come from nss_wrapper's passwd file.
    winbind scan trusted domains = no

    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
    host msdfs = no
    kernel oplocks = no
    kernel change notify = no
    # Room for hundreds of sessions from the load generator.
    max smbd processes = 0
    deadtime = 0
    panic action = /bin/false

EOF
    share_section >>"$CONF"
}

provision() {
    local u pw
    mkdir -p "$DIR"/{etc,pid,lock,state,cache,private,ncalrpc,log,share,usershares,passwords,run}
    chmod 700 "$DIR/private" "$DIR/passwords"
    chmod 0777 "$DIR/share"
    write_users
    local out=$DIR/log/provision.log
    : >"$out"
    # The machine SID: Domain Admins is <machine SID>-512 on a standalone server.
    wrapped net -s "$CONF" getlocalsid >>"$out" 2>&1 || die "net getlocalsid failed, see $out"
    wrapped net -s "$CONF" groupmap add sid=S-1-5-32-544 unixgroup=labadmins type=builtin \
        >>"$out" 2>&1 || die "net groupmap add (BUILTIN\\Administrators) failed, see $out"
    wrapped net -s "$CONF" groupmap add ntgroup="Domain Admins" unixgroup=labdomainadmins rid=512 \
        type=domain >>"$out" 2>&1 || die "net groupmap add (Domain Admins) failed, see $out"
    for u in "$ADMIN_USER" "$VIEWER_USER" "${PLAIN_USERS[@]}"; do
        pw=$(gen_password)
        (umask 077 && printf '%s' "$pw" >"$DIR/passwords/$u")
        printf '%s\n%s\n' "$pw" "$pw" | wrapped smbpasswd -c "$CONF" -a -s "$u" >>"$out" 2>&1 ||
            die "smbpasswd -a $u failed, see $out"
    done
    # NetrFileClose needs uid 0 or SeDiskOperatorPrivilege: labadmin may close open files,
    # labviewer may only list them. Samba grants the privilege to BUILTIN\Administrators,
    # which both belong to (to list), so it moves from the group to labadmin alone.
    wrapped net -s "$CONF" sam rights grant "$ADMIN_USER" SeDiskOperatorPrivilege \
        >>"$out" 2>&1 || die "net sam rights grant $ADMIN_USER failed, see $out"
    wrapped net -s "$CONF" sam rights revoke 'BUILTIN\Administrators' SeDiskOperatorPrivilege \
        >>"$out" 2>&1 || die "net sam rights revoke (BUILTIN\\Administrators) failed, see $out"
}

# A member of a fleet: the template's databases (users, passwords, group mappings, rights,
# machine SID) instead of a provisioning of its own; they hold no path of the template.
copy_template() {
    local t=$1 f
    [[ -s $t/private/passdb.tdb ]] || die "$t is not a provisioned lab (lab.sh provision)"
    mkdir -p "$DIR"/{etc,pid,lock,state,cache,private,ncalrpc,log,share,usershares,passwords,run}
    chmod 700 "$DIR/private" "$DIR/passwords"
    chmod 0777 "$DIR/share"
    write_users
    cp "$t"/private/*.tdb "$DIR/private/"
    for f in "$t"/state/*.tdb; do
        [[ -e $f ]] && cp "$f" "$DIR/state/"
    done
    cp "$t"/passwords/* "$DIR/passwords/"
}

start_hung_server() {
    local ports=$RUN/hung.ports i
    rm -f "$ports"
    # setsid + nohup: the server must outlive this script and the shell that ran it.
    setsid nohup "$(command -v /usr/bin/python3 || command -v python3)" "$SCRIPT_DIR/hungserver.py" \
        --ports-file "$ports" </dev/null >>"$DIR/log/hung.log" 2>&1 9>&- &
    echo $! >"$RUN/hung.pid"
    for ((i = 0; i < 100; i++)); do
        [[ -s $ports ]] && return 0
        pid_alive "$(read_pid "$RUN/hung.pid")" || break
        sleep 0.05
    done
    die "hung server did not start, see $DIR/log/hung.log"
}

start_smbd() {
    local port=$1 i pid
    rm -f "$DIR/pid/smbd.pid"
    wrapped smbd -D -s "$CONF" </dev/null >>"$DIR/log/smbd.out" 2>&1 9>&- ||
        { note "smbd -D failed"; return 1; }
    for ((i = 0; i < 200; i++)); do
        pid=$(smbd_pid)
        if [[ -n $pid ]] && port_listening "$port"; then
            ps -o sid= -p "$pid" | tr -dc '0-9' >"$RUN/smbd.sid"
            return 0
        fi
        if [[ -n $pid ]] && ! pid_alive "$pid"; then
            break
        fi
        sleep 0.05
    done
    note "smbd did not come up on port $port; last log lines:"
    tail -n 20 "$DIR/log/log.smbd" >&2 2>/dev/null || true
    pid=$(smbd_pid)
    stop_pids "$pid" || true
    return 1
}

write_env() {
    local port=$1 hung= closed= users
    if [[ -s $RUN/hung.ports ]]; then
        read -r hung closed <"$RUN/hung.ports"
    fi
    users="${PLAIN_USERS[*]}"
    cat >"$DIR/lab.env.tmp" <<EOF
LAB_DIR=$DIR
LAB_HOST=$HOST
LAB_PORT=$port
LAB_HUNG_PORT=$hung
LAB_CLOSED_PORT=$closed
LAB_SHARE=$SHARE
LAB_SHARE_PATH=$DIR/share
LAB_WORKGROUP=SCLABDOM
LAB_NETBIOS_NAME=SCLAB
LAB_ADMIN_USER=$ADMIN_USER
LAB_VIEWER_USER=$VIEWER_USER
LAB_USERS="$users"
LAB_PASSWORD_DIR=$DIR/passwords
LAB_SMB_CONF=$CONF
LAB_SMBD_PID=$(smbd_pid)
LAB_HUNG_PID=$(read_pid "$RUN/hung.pid")
LAB_SCRIPT=$SCRIPT_DIR/lab.sh
EOF
    mv "$DIR/lab.env.tmp" "$DIR/lab.env"
}

cmd_start() {
    local t0 port
    t0=$(date +%s.%N)
    command -v smbd >/dev/null || die "smbd not found (apt-get install samba)"
    if [[ -n $(smbd_pid) || -s $RUN/hung.pid ]]; then
        note "a lab is already recorded in $DIR; stopping it first"
        cmd_stop || die "could not stop the old lab"
    fi
    # Only what this script creates, never "rm -rf $DIR": DIR may be a directory the user owns.
    rm -rf "${DIR:?}"/{etc,pid,lock,state,cache,private,ncalrpc,log,share,usershares,passwords,run}
    rm -f "$DIR/lab.env"
    mkdir -p "$DIR/etc"
    port=${START_PORT:-$(free_port)}
    write_conf "$port"
    if [[ -n $TEMPLATE ]]; then
        copy_template "$(realpath -m -- "$TEMPLATE")"
    else
        provision
    fi
    if [[ $WITH_HUNG -eq 1 ]]; then
        start_hung_server
    fi
    for _ in 1 2 3; do
        if start_smbd "$port"; then
            write_env "$port"
            note "started smbd (pid $(smbd_pid)) on $HOST:$port in $(awk -v a="$t0" -v b="$(date +%s.%N)" \
                'BEGIN { printf "%.2f", b - a }') s; env in $DIR/lab.env"
            return 0
        fi
        port=$(free_port)
        write_conf "$port"
        note "retrying on port $port"
    done
    cmd_stop || true
    die "could not start smbd; see $DIR/log"
}

# Users, passwords and rights, nothing started: what fleet members copy.
cmd_provision() {
    command -v smbd >/dev/null || die "smbd not found (apt-get install samba)"
    rm -rf "${DIR:?}"/{etc,pid,lock,state,cache,private,ncalrpc,log,share,usershares,passwords,run}
    mkdir -p "$DIR/etc"
    write_conf "$(free_port)"
    provision
}

# ---------------------------------------------------------------- queries
need_env() { [[ -s $DIR/lab.env ]] || die "no lab running in $DIR (no lab.env)"; }

env_value() { sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$DIR/lab.env"; }

cmd_status() {
    local pid hung rc=0
    pid=$(smbd_pid)
    hung=$(read_pid "$RUN/hung.pid")
    if pid_alive "$pid"; then
        echo "smbd: running, pid $pid, port $(env_value LAB_PORT)"
    else
        echo "smbd: not running"
        rc=1
    fi
    if pid_alive "$hung"; then
        echo "hung server: running, pid $hung, port $(env_value LAB_HUNG_PORT)"
    elif [[ -s $DIR/lab.env && -z $(env_value LAB_HUNG_PORT) ]]; then
        echo "hung server: none (fleet member)"
    else
        echo "hung server: not running"
        rc=1
    fi
    echo "processes: $(lab_pids | wc -l)"
    return $rc
}

# smbstatus --json, plus the arguments given (e.g. -L for the locked files only).
cmd_smbstatus() {
    need_env
    wrapped smbstatus -s "$CONF" --json "${POSITIONAL[@]}" "${EXTRA[@]}"
}

indent() {
    local line
    while IFS= read -r line; do
        echo "    $line"
    done
}

# Proves the lab does what tests rely on: the admin lists and ends sessions, alice may not.
cmd_check() {
    need_env
    local port admin apw alice_pw out rc=0
    port=$(env_value LAB_PORT)
    admin=$(env_value LAB_ADMIN_USER)
    apw=$(cat "$DIR/passwords/$admin")
    alice_pw=$(cat "$DIR/passwords/alice")
    out=$(rpcclient -p "$port" -U "$admin%$apw" "$HOST" -c 'netsessenum 1' 2>&1) || rc=1
    echo "netsessenum 1 as $admin:"
    indent <<<"$out"
    grep -q '^Received [0-9]* entries' <<<"$out" || { echo "FAIL: $admin could not list"; rc=1; }
    out=$(rpcclient -p "$port" -U "alice%$alice_pw" "$HOST" -c 'netsessenum 0' 2>&1) || true
    echo "netsessenum 0 as alice:"
    indent <<<"$out"
    grep -q 'WERR_ACCESS_DENIED\|ACCESS_DENIED' <<<"$out" || { echo "FAIL: alice was not denied"; rc=1; }
    return $rc
}

cmd_env() {
    need_env
    cat "$DIR/lab.env"
}

cmd_run() {
    [[ ${#EXTRA[@]} -gt 0 ]] || die "run needs -- COMMAND"
    wrapped "${EXTRA[@]}"
}

# ---------------------------------------------------------------- smbd alone
# For fault tests: the server goes away and comes back on the same port with the same
# configuration, users and passwords, while the hung server and load generators stay.
cmd_stop_smbd() {
    need_env
    local all rc=0
    all=$(lab_pids) || all=
    stop_pids "$(smbd_pid)" "$(dcerpcd_pid)" || rc=1
    # shellcheck disable=SC2086
    stop_pids $all || rc=1
    rm -f "$DIR/pid/smbd.pid" "$DIR/pid/samba-dcerpcd.pid" "$RUN/smbd.sid"
    [[ $rc -eq 0 ]] && note "smbd stopped; start-smbd starts it again on port $(env_value LAB_PORT)"
    return $rc
}

cmd_start_smbd() {
    need_env
    local port
    port=$(env_value LAB_PORT)
    if pid_alive "$(smbd_pid)"; then
        note "smbd already runs (pid $(smbd_pid))"
        return 0
    fi
    start_smbd "$port" || die "could not start smbd again on port $port; see $DIR/log"
    write_env "$port"
    note "started smbd again (pid $(smbd_pid)) on $HOST:$port"
}

# ---------------------------------------------------------------- load generator

cmd_load_start() {
    need_env
    [[ ${#POSITIONAL[@]} -eq 2 ]] || die "usage: lab.sh load start USER N"
    local user=${POSITIONAL[0]} count=${POSITIONAL[1]} lg out id pid
    [[ -s $DIR/passwords/$user ]] || die "unknown lab user '$user'"
    lg=$(find_loadgen)
    id=$(date +%s%N)
    out=$RUN/loadgen.$id.out
    setsid nohup "$lg" --host "$HOST" --port "$(env_value LAB_PORT)" --share "$(env_value LAB_SHARE)" \
        --user "$user" --password-file "$DIR/passwords/$user" --count "$count" --no-stdin \
        "${EXTRA[@]}" </dev/null >"$out" 2>"$RUN/loadgen.$id.err" 9>&- &
    pid=$!
    wait_loadgen_ready "$pid" "$id" "$user"
    note "sc-loadgen pid $pid reports to $out (HANDLE-LOST lines with --check-handles)"
}

# ---------------------------------------------------------------- fleet
# N labs side by side for the multi-server tests: DIR/s1 ... DIR/sN, each a complete lab (own
# smb.conf, state, pid files and cleanup) on its own port, all with the same users and
# passwords, so one --password-file logs on to every member.
fleet_members() {
    local d
    for d in "$DIR"/s[0-9]*; do
        [[ -d $d ]] && echo "$d"
    done | sort -V
}

# N distinct loopback ports that are free right now: all held at once while choosing, so the
# members, started side by side, never race each other for one port.
free_ports() {
    python - "$1" <<'EOF2'
import socket, sys
held = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
EOF2
}

cmd_fleet_stop() {
    local rc=0 m pids=() p
    # Side by side: each member's stop waits up to 15 s for a stubborn load generator.
    for m in $(fleet_members); do
        bash "$SCRIPT_DIR/lab.sh" stop --dir "$m" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do
        wait "$p" || rc=1
    done
    rm -f "$DIR/fleet.env"
    [[ $rc -eq 0 ]] && note "fleet stopped (dir $DIR)"
    return $rc
}

cmd_fleet_start() {
    [[ ${#POSITIONAL[@]} -eq 1 && ${POSITIONAL[0]} =~ ^[1-9][0-9]*$ ]] ||
        die "usage: lab.sh fleet-start N"
    local n=${POSITIONAL[0]} t0 ports k m pids=() rc=0 port list=() hung closed
    t0=$(date +%s.%N)
    if [[ -n $(fleet_members) ]]; then
        note "a fleet is already recorded in $DIR; stopping it first"
        cmd_fleet_stop || die "could not stop the old fleet"
    fi
    rm -rf "${DIR:?}"/s[0-9]* "${DIR:?}/template"
    rm -f "$DIR/fleet.env"
    mkdir -p "$DIR/template"
    bash "$SCRIPT_DIR/lab.sh" provision --dir "$DIR/template" >"$DIR/template.log" 2>&1 ||
        { cat "$DIR/template.log" >&2; die "could not provision the fleet's users"; }
    # Only the first member has the hung server (and the closed port beside it).
    read -r -a ports <<<"$(free_ports "$n")"
    for ((k = 1; k <= n; k++)); do
        bash "$SCRIPT_DIR/lab.sh" start --dir "$DIR/s$k" --template "$DIR/template" \
            --port "${ports[k - 1]}" $([[ $k -gt 1 ]] && echo --no-hung) \
            >"$DIR/s$k.start.log" 2>&1 &
        pids+=($!)
    done
    for ((k = 0; k < ${#pids[@]}; k++)); do
        wait "${pids[k]}" || { rc=1; cat "$DIR/s$((k + 1)).start.log" >&2; }
    done
    if [[ $rc -ne 0 ]]; then
        cmd_fleet_stop || true
        die "a fleet member did not start"
    fi
    for m in $(fleet_members); do
        port=$(sed -n 's/^LAB_PORT=//p' "$m/lab.env")
        list+=("$port")
    done
    hung=$(sed -n 's/^LAB_HUNG_PORT=//p' "$DIR/s1/lab.env")
    closed=$(sed -n 's/^LAB_CLOSED_PORT=//p' "$DIR/s1/lab.env")
    cat >"$DIR/fleet.env.tmp" <<EOF2
FLEET_DIR=$DIR
FLEET_SIZE=$n
FLEET_HOST=$HOST
FLEET_PORTS="${list[*]}"
FLEET_HUNG_PORT=$hung
FLEET_CLOSED_PORT=$closed
FLEET_PASSWORD_DIR=$DIR/s1/passwords
FLEET_ADMIN_USER=$ADMIN_USER
EOF2
    mv "$DIR/fleet.env.tmp" "$DIR/fleet.env"
    note "started a fleet of $n smbd on $HOST ports ${list[*]} in $(awk -v a="$t0" \
        -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s; env in $DIR/fleet.env"
}

cmd_fleet_status() {
    local m rc=0
    [[ -s $DIR/fleet.env ]] || { echo "no fleet in $DIR"; return 1; }
    for m in $(fleet_members); do
        echo "${m##*/}:"
        bash "$SCRIPT_DIR/lab.sh" status --dir "$m" | sed 's/^/    /' || rc=1
    done
    return $rc
}

case $COMMAND in
start | stop | stop-smbd | start-smbd | load | provision | fleet-start | fleet-stop) lock_lab_dir .lab.lock 300 ;;
esac

case $COMMAND in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
check) cmd_check ;;
smbstatus) cmd_smbstatus ;;
env) cmd_env ;;
stop-smbd) cmd_stop_smbd ;;
start-smbd) cmd_start_smbd ;;
run) cmd_run ;;
provision) cmd_provision ;;
fleet-start) cmd_fleet_start ;;
fleet-stop) cmd_fleet_stop ;;
fleet-status) cmd_fleet_status ;;
load)
    case $SUBCOMMAND in
    start) cmd_load_start ;;
    stop) stop_loadgens ;;
    *) usage ;;
    esac
    ;;
*) usage ;;
esac
