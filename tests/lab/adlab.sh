#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Active Directory lab: a private Samba AD domain controller on 127.0.0.1 (realm LAB.TEST,
# domain LAB, server dc1.lab.test) with domain users, a Kerberos configuration and ticket
# caches of its own, and the load generator holding sessions of domain users.
#
#   adlab.sh start|stop|status|check|env [--dir DIR] [--template DIR]
#   adlab.sh kinit USER [--dir DIR] [--lifetime TIME] [--cache FILE]
#   adlab.sh run [--dir DIR] -- COMMAND...       run a command with the lab's Kerberos and names
#   adlab.sh load start USER N (--kerberos | --ntlm) [--dir DIR] [--loadgen PATH] [-- ARGS]
#   adlab.sh load stop [--dir DIR]
#
# Everything lives in DIR (default ./adlab-run); DIR/adlab.env describes the running lab.
# Provisioning a domain takes minutes, so the first start keeps a provisioned copy in the
# template directory (default DIR.template) and later starts copy it. Needs root: the DC
# listens on the fixed ports 88 (Kerberos) and 445 (SMB). Nothing outside DIR and the
# template is touched: names resolve through nss_wrapper, Kerberos reads DIR/etc/krb5.conf.

set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

readonly REALM=LAB.TEST
readonly DOMAIN=LAB
readonly DC_NAME=dc1
readonly DNS_DOMAIN=lab.test
readonly FQDN=$DC_NAME.$DNS_DOMAIN
# Resolves to the DC too, but no account has its SPN: Kerberos must fail for it.
readonly ALIAS=files.$DNS_DOMAIN
readonly HOST=127.0.0.1
readonly HELPDESK_USER=helpdesk
readonly VIEWER_USER=viewer
readonly PLAIN_USERS=(maría jörg)
readonly SHARE=lab
# Bump when what the template holds changes, so an old template is provisioned again.
readonly TEMPLATE_VERSION=1
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR LAB_NAME=adlab.sh
# shellcheck source-path=SCRIPTDIR source=labcommon.sh
source "$SCRIPT_DIR/labcommon.sh"

usage() {
    sed -n '8,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# ---------------------------------------------------------------- arguments
lab_option() {
    case $1 in
    --lifetime) LIFETIME=${2:?--lifetime needs a value}; OPTION_WORDS=2 ;;
    --cache) CACHE=${2:?--cache needs a value}; OPTION_WORDS=2 ;;
    --kerberos) MECH=kerberos; OPTION_WORDS=1 ;;
    --ntlm) MECH=ntlm; OPTION_WORDS=1 ;;
    *) return 1 ;;
    esac
}

DIR=./adlab-run
LIFETIME=
CACHE=
MECH=
parse_lab_args "$@"
[[ $COMMAND == start ]] && mkdir -p "$DIR"
DIR=$(realpath -m -- "$DIR")
[[ -n $TEMPLATE ]] || TEMPLATE=$DIR.template
TEMPLATE=$(realpath -m -- "$TEMPLATE")
readonly DIR TEMPLATE DC="$DIR/dc" RUN="$DIR/run"
readonly CONF="$DC/etc/smb.conf"

# ---------------------------------------------------------------- helpers

# The lab's view of the world for any process: its host names (nss_wrapper), its Kerberos
# configuration. Each caller sets KRB5CCNAME itself.
lab_env_vars() {
    local nssw
    nssw=$(find_lib libnss_wrapper.so) || die "libnss_wrapper.so not found (apt-get install libnss-wrapper)"
    LAB_ENV=(LD_PRELOAD="$nssw" NSS_WRAPPER_DISABLE_DEEPBIND=1 NSS_WRAPPER_HOSTS="$DIR/etc/hosts" KRB5_CONFIG="$DIR/etc/krb5.conf")
}
lab_env() { env "${LAB_ENV[@]}" "$@"; }

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# Field 22 of /proc/PID/stat, the start time: with the pid it identifies a process.
start_time() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $20 }'; }

# True if PID is a process of this lab: its command line names a file of the lab (smbd,
# winbindd, samba-dcerpcd and its rpcd_* workers get our smb.conf), or it runs in the session
# of the samba we started (samba rewrites its own command line to "samba: root process").
# Guards against a stale pid file whose pid now belongs to an unrelated process.
ours() {
    local cmdline samba sid
    cmdline=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline") || return 1
    grep -qF -- "$DIR/" <<<"$cmdline" && return 0
    # A Kerberos load generator names no file of ours, but its ticket cache is one.
    tr '\0' '\n' 2>/dev/null <"/proc/$1/environ" | grep -qF -- "KRB5CCNAME=FILE:$DIR/ccache/" && return 0
    samba=$(read_pid "$RUN/samba.pid")
    [[ -n $samba && -s $RUN/samba.start ]] || return 1
    [[ $(start_time "$samba") == "$(cat "$RUN/samba.start")" ]] || return 1
    sid=$(ps -o sid= -p "$1" | tr -dc '0-9')
    [[ $sid == "$samba" ]]
}

# Every process of the DC: the pids in its pid directory (samba, smbd, winbindd and
# samba-dcerpcd, which outlives samba) and everything in their sessions (children).
dc_pids() {
    local sids=() f p
    for f in "$DC"/pid/*.pid "$RUN/samba.pid"; do
        [[ -e $f ]] || continue
        p=$(read_pid "$f")
        [[ -n $p ]] && sids+=("$p")
    done
    [[ ${#sids[@]} -gt 0 ]] || return 0
    ps -e -o pid=,sid=,ppid= | awk -v list="${sids[*]}" '
        BEGIN { n = split(list, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
        ($1 in want) || ($2 in want) || ($3 in want) { print $1 }' | sort -u | while read -r p; do
        if ours "$p"; then echo "$p"; fi
    done
}

# ---------------------------------------------------------------- template
# Provisions the domain into a fresh directory and adds the users; the result is copied for
# every start. Runs only when the template is missing or of another version.
provision_template() {
    local t0 tmp out pw u
    t0=$(date +%s.%N)
    tmp=$TEMPLATE.new.$$
    rm -rf "${tmp:?}"
    mkdir -p "$tmp"/{dc/etc,passwords,etc,log}
    chmod 700 "$tmp/passwords"
    out=$tmp/log/provision.log
    # An empty configuration file: otherwise provision copies the host's smb.conf.
    : >"$tmp/dc/etc/smb.conf"
    write_hosts "$tmp/etc/hosts"
    pw=$(gen_password)
    (umask 077 && printf '%s' "$pw" >"$tmp/passwords/Administrator")
    note "provisioning the domain $REALM into the template $TEMPLATE (takes a few minutes)"
    # nss_wrapper: provision resolves this machine's and the DC's names; without an entry
    # each is a DNS query that times out on a machine without network.
    TDB_NO_FSYNC=1 env LD_PRELOAD="$(find_lib libnss_wrapper.so)" NSS_WRAPPER_HOSTS="$tmp/etc/hosts" \
        samba-tool domain provision --configfile="$tmp/dc/etc/smb.conf" --targetdir="$tmp/dc" \
        --realm="$REALM" --domain="$DOMAIN" --server-role=dc --dns-backend=SAMBA_INTERNAL \
        --adminpass="$pw" --host-name="$DC_NAME" --host-ip="$HOST" \
        --option="interfaces=$HOST" --option="bind interfaces only=yes" \
        --option="pid directory=$tmp/dc/pid" --option="log file=$tmp/dc/log/log.%m" \
        --option="dns forwarder=$HOST" >>"$out" 2>&1 ||
        { tail -n 20 "$out" >&2; die "provisioning failed, see $out"; }
    for u in "$HELPDESK_USER" "$VIEWER_USER" "${PLAIN_USERS[@]}"; do
        pw=$(gen_password)
        (umask 077 && printf '%s' "$pw" >"$tmp/passwords/$u")
    done
    # One Python process for every account: samba-tool would start the interpreter and open
    # the database once per user. Passwords never expire, so an old template still works.
    TDB_NO_FSYNC=1 /usr/bin/python3 - "$tmp/dc/etc/smb.conf" "$tmp/passwords" "$HELPDESK_USER" \
        "$VIEWER_USER" "${PLAIN_USERS[@]}" >>"$out" 2>&1 <<'EOF' ||
import sys, ldb
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB

conf, pwdir, helpdesk, viewer = sys.argv[1:5]
plain = sys.argv[5:]
lp = LoadParm()
lp.load(conf)
db = SamDB(url=lp.samdb_url(), session_info=system_session(), lp=lp)

def password(user):
    with open(f"{pwdir}/{user}", encoding="utf-8") as f:
        return f.read()

m = ldb.Message()
m.dn = ldb.Dn(db, db.domain_dn())
m["maxPwdAge"] = ldb.MessageElement(str(-0x8000000000000000), ldb.FLAG_MOD_REPLACE, "maxPwdAge")
db.modify(m)
for user in [helpdesk, viewer] + plain:
    db.newuser(user, password(user))
# Domain Admins may end sessions; BUILTIN\Administrators (which Domain Admins is a member
# of) may list them. The viewer is only in the latter.
db.add_remove_group_members("Domain Admins", [helpdesk], add_members_operation=True)
db.add_remove_group_members("Administrators", [viewer], add_members_operation=True)
print("users created:", helpdesk, viewer, *plain)
EOF
        { tail -n 20 "$out" >&2; die "creating the domain users failed, see $out"; }
    echo "$TEMPLATE_VERSION $REALM $(realpath -m -- "$tmp")" >"$tmp/version"
    rm -rf "${TEMPLATE:?}"
    mv "$tmp" "$TEMPLATE"
    note "template provisioned in $(elapsed "$t0") s"
}

template_ok() {
    local version realm path
    [[ -s $TEMPLATE/version && -s $TEMPLATE/dc/private/sam.ldb ]] || return 1
    read -r version realm path <"$TEMPLATE/version"
    [[ $version == "$TEMPLATE_VERSION" && $realm == "$REALM" && -n $path ]]
}

# ---------------------------------------------------------------- configuration
write_hosts() {
    # The DC's names only; everything else resolves as usual.
    {
        echo "$HOST $FQDN $DC_NAME $ALIAS"
        echo "127.0.0.1 localhost"
    } >"$1"
}

write_krb5_conf() {
    # Our own: the generated private/krb5.conf has no kdc line and relies on DNS.
    cat >"$DIR/etc/krb5.conf" <<EOF
# Generated by tests/lab/adlab.sh; rewritten on every start.
[libdefaults]
    default_realm = $REALM
    dns_lookup_kdc = false
    dns_lookup_realm = false
    dns_canonicalize_hostname = false
    rdns = false
    default_ccache_name = FILE:$DIR/ccache/default

[realms]
    $REALM = {
        kdc = $HOST
        admin_server = $HOST
    }

[domain_realm]
    .$DNS_DOMAIN = $REALM
    $DNS_DOMAIN = $REALM
EOF
}

# The template's smb.conf with the lab's paths, plus a share the load generator connects to.
write_smb_conf() {
    local from
    read -r _ _ from <"$TEMPLATE/version"
    sed "s|$from/|$DIR/|g" "$TEMPLATE/dc/etc/smb.conf" >"$CONF"
    echo >>"$CONF"
    share_section >>"$CONF"
}

# ---------------------------------------------------------------- stop
stop_loadgens() {
    local f pids=()
    [[ -d $RUN ]] || return 0
    for f in "$RUN"/loadgen.*.pid; do
        [[ -e $f ]] && pids+=("$(read_pid "$f")")
    done
    stop_pids "${pids[@]}" || return 1
    rm -f "$RUN"/loadgen.*.pid
}

cmd_stop() {
    local rc=0 all
    stop_loadgens || rc=1
    all=$(dc_pids)
    # shellcheck disable=SC2086
    stop_pids $all || rc=1
    # samba-dcerpcd may have started rpcd_* workers while the others went down.
    all=$(dc_pids)
    # shellcheck disable=SC2086
    stop_pids $all || rc=1
    rm -f "$DC"/pid/*.pid "$RUN/samba.pid" "$RUN/samba.start" "$DIR/adlab.env"
    [[ $rc -eq 0 ]] && note "stopped (dir $DIR)"
    return $rc
}

# ---------------------------------------------------------------- start
kinit_user() {
    local user=$1 cache=$2 lifetime=${3:-}
    local args=()
    [[ -n $lifetime ]] && args=(-l "$lifetime")
    [[ -s $DIR/passwords/$user ]] || die "unknown lab user '$user'"
    lab_env KRB5CCNAME="FILE:$cache" kinit "${args[@]}" "$user@$REALM" \
        <"$DIR/passwords/$user" >/dev/null
}

write_env() {
    cat >"$DIR/adlab.env.tmp" <<EOF
ADLAB_DIR=$DIR
ADLAB_HOST=$HOST
ADLAB_FQDN=$FQDN
ADLAB_ALIAS=$ALIAS
ADLAB_REALM=$REALM
ADLAB_DOMAIN=$DOMAIN
ADLAB_SHARE=$SHARE
ADLAB_HELPDESK_USER=$HELPDESK_USER
ADLAB_VIEWER_USER=$VIEWER_USER
ADLAB_USERS="${PLAIN_USERS[*]}"
ADLAB_PASSWORD_DIR=$DIR/passwords
ADLAB_CCACHE_DIR=$DIR/ccache
ADLAB_KRB5_CONFIG=$DIR/etc/krb5.conf
ADLAB_HOSTS=$DIR/etc/hosts
ADLAB_NSS_WRAPPER=$(find_lib libnss_wrapper.so)
ADLAB_SAMBA_PID=$(read_pid "$RUN/samba.pid")
ADLAB_SCRIPT=$SCRIPT_DIR/adlab.sh
EOF
    mv "$DIR/adlab.env.tmp" "$DIR/adlab.env"
}

cmd_start() {
    local t0 t1 i pid p
    t0=$(date +%s.%N)
    [[ $(id -u) -eq 0 ]] || die "the AD lab needs root: its DC listens on ports 88 and 445"
    command -v samba >/dev/null || die "samba not found (apt-get install samba-ad-dc)"
    command -v kinit >/dev/null || die "kinit not found (apt-get install krb5-user)"
    if [[ -s $RUN/samba.pid ]]; then
        note "an AD lab is already recorded in $DIR; stopping it first"
        cmd_stop || die "could not stop the old AD lab"
    fi
    for p in 88 445; do
        port_listening "$p" && die "port $p of $HOST is in use; another domain controller or smbd runs here"
    done
    template_ok || provision_template
    t1=$(date +%s.%N)
    rm -rf "${DIR:?}"/{dc,etc,passwords,ccache,share,run,log}
    rm -f "$DIR/adlab.env"
    mkdir -p "$DIR"/{etc,ccache,share,run,log}
    chmod 700 "$DIR/ccache"
    chmod 0777 "$DIR/share"
    cp -a "$TEMPLATE/dc" "$DC"
    cp -a "$TEMPLATE/passwords" "$DIR/passwords"
    rm -rf "$DC"/pid "$DC"/log
    mkdir -p "$DC"/pid "$DC"/log
    write_smb_conf
    write_hosts "$DIR/etc/hosts"
    write_krb5_conf

    # -i: samba stays in the foreground of its own session (setsid), so we know its pid.
    # A simple command, not a function, so that $! is samba's own pid (setsid and nohup exec).
    env "${LAB_ENV[@]}" TDB_NO_FSYNC=1 NSS_WRAPPER_HOSTNAME="$FQDN" setsid nohup samba -s "$CONF" -i -M single \
        </dev/null >>"$DIR/log/samba.out" 2>&1 9>&- &
    echo $! >"$RUN/samba.pid"
    pid=$(read_pid "$RUN/samba.pid")
    start_time "$pid" >"$RUN/samba.start"
    # Ready when SMB and the KDC answer and the helpdesk account gets a ticket.
    for ((i = 0; i < 1800; i++)); do
        pid_alive "$pid" || { tail -n 20 "$DIR/log/samba.out" >&2; cmd_stop || true; die "samba ended at start"; }
        if port_listening 445 && port_listening 88 &&
            kinit_user "$HELPDESK_USER" "$DIR/ccache/$HELPDESK_USER" 2>/dev/null; then
            write_env
            note "started the DC $FQDN (samba pid $pid) in $(elapsed "$t1") s" \
                "($(elapsed "$t0") s with the template); env in $DIR/adlab.env"
            return 0
        fi
        sleep 0.1
    done
    cmd_stop || true
    die "the DC did not come up within 180 s; see $DIR/log/samba.out and $DC/log"
}

# ---------------------------------------------------------------- queries
need_env() { [[ -s $DIR/adlab.env ]] || die "no AD lab running in $DIR (no adlab.env)"; }

cmd_status() {
    local pid
    pid=$(read_pid "$RUN/samba.pid")
    if pid_alive "$pid"; then
        echo "samba: running, pid $pid, $FQDN on $HOST"
        echo "processes: $(dc_pids | wc -l)"
        return 0
    fi
    echo "samba: not running"
    return 1
}

# Proves what tests rely on: the helpdesk account lists sessions over Kerberos by name.
cmd_check() {
    need_env
    local out rc=0
    out=$(lab_env KRB5CCNAME="FILE:$DIR/ccache/$HELPDESK_USER" rpcclient "$FQDN" \
        --use-kerberos=required -c 'netsessenum 1' 2>&1) || rc=1
    echo "netsessenum 1 as $HELPDESK_USER@$REALM over Kerberos:"
    sed 's/^/    /' <<<"$out"
    grep -q '^Received [0-9]* entries' <<<"$out" || { echo "FAIL: could not list"; rc=1; }
    return $rc
}

cmd_kinit() {
    need_env
    [[ ${#POSITIONAL[@]} -eq 1 ]] || die "usage: adlab.sh kinit USER [--lifetime TIME] [--cache FILE]"
    local user=${POSITIONAL[0]}
    [[ -n $CACHE ]] || CACHE=$DIR/ccache/$user
    kinit_user "$user" "$CACHE" "$LIFETIME" || die "kinit $user@$REALM failed"
    echo "KRB5CCNAME=FILE:$CACHE"
}

cmd_run() {
    [[ ${#EXTRA[@]} -gt 0 ]] || die "run needs -- COMMAND"
    lab_env "${EXTRA[@]}"
}

# ---------------------------------------------------------------- load generator

# Kerberos: a ticket cache of the user's own, the server by its name. NTLM: DOMAIN\user
# with the password, also by name (any name works for NTLM).
cmd_load_start() {
    need_env
    [[ ${#POSITIONAL[@]} -eq 2 && -n $MECH ]] ||
        die "usage: adlab.sh load start USER N (--kerberos | --ntlm)"
    local user=${POSITIONAL[0]} count=${POSITIONAL[1]} lg out id cache args=()
    [[ -s $DIR/passwords/$user ]] || die "unknown lab user '$user'"
    lg=$(find_loadgen)
    id=$(date +%s%N)
    out=$RUN/loadgen.$id.out
    cache=$DIR/ccache/loadgen.$id
    if [[ $MECH == kerberos ]]; then
        kinit_user "$user" "$cache" || die "kinit $user@$REALM failed"
        args=(--kerberos --user "$user")
    else
        args=(--domain "$DOMAIN" --user "$user" --password-file "$DIR/passwords/$user")
    fi
    env "${LAB_ENV[@]}" KRB5CCNAME="FILE:$cache" setsid nohup "$lg" --host "$FQDN" --port 445 \
        --share "$SHARE" "${args[@]}" --count "$count" --no-stdin "${EXTRA[@]}" \
        </dev/null >"$out" 2>"$RUN/loadgen.$id.err" 9>&- &
    wait_loadgen_ready $! "$id" "$DOMAIN\\$user over $MECH"
}

lab_env_vars

case $COMMAND in
start | stop | load) lock_lab_dir .adlab.lock 600 ;;
esac

case $COMMAND in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
check) cmd_check ;;
env) need_env; cat "$DIR/adlab.env" ;;
kinit) cmd_kinit ;;
run) cmd_run ;;
load)
    case $SUBCOMMAND in
    start) cmd_load_start ;;
    stop) stop_loadgens ;;
    *) usage ;;
    esac
    ;;
*) usage ;;
esac
