# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# What the labs (lab.sh, adlab.sh) share: their command lines, finding libraries and tools,
# pids and their processes, passwords, the share and the load generators. Sourced, not run.
# The sourcing script sets LAB_NAME (for messages) and SCRIPT_DIR, and defines ours PID:
# whether a process belongs to its lab, the guard every stop goes through.

die() {
    echo "$LAB_NAME: $*" >&2
    exit 1
}
note() { echo "$LAB_NAME: $*" >&2; }

# Reads a lab's command line: COMMAND (and SUBCOMMAND after "load"), the options both labs
# take (--dir, --loadgen, --template), the words after "--" into EXTRA and all else into
# POSITIONAL. The sourcing script sets DIR to its default first, and defines usage and
# lab_option ARGS...: takes an option of that lab alone, setting OPTION_WORDS to how many
# words it used, or returns non-zero for a word it does not know.
# shellcheck disable=SC2034 # the globals it sets are read by the sourcing script
parse_lab_args() {
    [[ $# -ge 1 ]] || usage
    COMMAND=$1
    shift
    SUBCOMMAND=
    if [[ $COMMAND == load ]]; then
        [[ $# -ge 1 ]] || usage
        SUBCOMMAND=$1
        shift
    fi
    LOADGEN=${SC_LOADGEN:-}
    TEMPLATE=
    POSITIONAL=()
    EXTRA=()
    while [[ $# -gt 0 ]]; do
        case $1 in
        --dir) DIR=${2:?--dir needs a value}; shift 2 ;;
        --dir=*) DIR=${1#--dir=}; shift ;;
        --loadgen) LOADGEN=${2:?--loadgen needs a value}; shift 2 ;;
        --loadgen=*) LOADGEN=${1#--loadgen=}; shift ;;
        --template) TEMPLATE=${2:?--template needs a value}; shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        -h | --help) usage ;;
        *)
            if lab_option "$@"; then
                shift "$OPTION_WORDS"
            else
                POSITIONAL+=("$1")
                shift
            fi
            ;;
        esac
    done
}

# One command at a time per lab directory: two ctest runs sharing a build directory must not
# start two servers over each other's pid files. Daemons are started with fd 9 closed so
# they do not hold the lock. $1: the lock file's name in DIR, $2: how long to wait (s).
lock_lab_dir() {
    [[ -d $DIR ]] || return 0
    exec 9>"$DIR/$1"
    flock -w "$2" 9 || die "another $LAB_NAME holds $DIR/$1 for more than $2 s"
}

find_lib() {
    local name=$1 d
    for d in /usr/lib/"$(gcc -print-multiarch 2>/dev/null || true)" /usr/lib/x86_64-linux-gnu \
        /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do
        if [[ -n $d && -e $d/$name ]]; then
            echo "$d/$name"
            return 0
        fi
    done
    return 1
}

python() {
    local p
    for p in /usr/bin/python3 python3; do
        if command -v "$p" >/dev/null 2>&1; then
            "$p" "$@"
            return
        fi
    done
    die "python3 not found"
}

# A zombie (ended, not yet reaped) holds no port and no session: it counts as gone.
pid_alive() {
    local stat
    [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# Prints the pid in file $1 on a line of its own (nothing if there is none).
read_pid() {
    local p
    if [[ -s $1 ]]; then
        p=$(tr -dc '0-9' <"$1")
        [[ -n $p ]] && echo "$p"
    fi
    return 0
}

port_listening() {
    python - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(1)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

gen_password() {
    # Letters and digits only: no quoting trouble in shells, URLs or smb.conf. head -c from a
    # finite read: no SIGPIPE for tr under pipefail.
    local p
    p=$(head -c 512 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9' | head -c 14)
    echo "Lab-${p}"
}

# Ends processes of this lab, all at once: TERM, then KILL after a grace period.
# Returns non-zero if one of them survives.
stop_pids() {
    local pids=() p i left=()
    for p in "$@"; do
        [[ -n $p ]] || continue
        pid_alive "$p" || continue
        if ! ours "$p"; then
            note "pid $p is not a process of this lab any more; leaving it alone"
            continue
        fi
        pids+=("$p")
    done
    [[ ${#pids[@]} -gt 0 ]] || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        left=()
        for p in "${pids[@]}"; do
            pid_alive "$p" && left+=("$p")
        done
        [[ ${#left[@]} -eq 0 ]] && return 0
        [[ $i -eq 100 ]] && {
            note "ignored SIGTERM for 10 s, sending SIGKILL: ${left[*]}"
            kill -KILL "${left[@]}" 2>/dev/null || true
        }
        sleep 0.1
    done
    note "still running: ${left[*]}"
    return 1
}

# The load generator: --loadgen PATH (LOADGEN), else a build tree next to the sources.
find_loadgen() {
    local c
    if [[ -n $LOADGEN ]]; then
        echo "$LOADGEN"
        return
    fi
    for c in "$SCRIPT_DIR"/../../build/tests/lab/sc-loadgen "$SCRIPT_DIR"/../../build*/tests/lab/sc-loadgen; do
        [[ -x $c ]] && { echo "$c"; return; }
    done
    die "sc-loadgen not found; build it or pass --loadgen PATH"
}

# The share the load generators connect to, for smb.conf. It belongs to whoever runs the lab;
# smbd's users all need to write.
share_section() {
    cat <<EOF
[$SHARE]
    path = $DIR/share
    read only = no
    browseable = yes
    create mask = 0666
    force create mode = 0666
    directory mask = 0777
    force directory mode = 0777
EOF
}

# Records load generator PID, started as RUN/loadgen.ID.*, and waits up to 120 s for it to
# hold its sessions, saying so with WHO (whose sessions they are). A load generator that
# does not get there is stopped and the script ends.
wait_loadgen_ready() {
    local pid=$1 id=$2 who=$3 out=$RUN/loadgen.$2.out i
    echo "$pid" >"$RUN/loadgen.$id.pid"
    for ((i = 0; i < 1200; i++)); do
        if grep -q '^READY' "$out" 2>/dev/null; then
            echo "sc-loadgen pid $pid: $(grep '^READY' "$out") sessions as $who"
            return 0
        fi
        pid_alive "$pid" || break
        sleep 0.1
    done
    cat "$RUN/loadgen.$id.err" >&2
    stop_pids "$pid" || true
    rm -f "$RUN/loadgen.$id.pid"
    die "sc-loadgen did not get ready"
}

# Every live, non-zombie process whose command line names a file in directory $1, except
# the calling shell: what a lab started there (the cleanup tests' proof that nothing is left).
processes_naming() {
    local dir=$1 p cmdline stat
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        [[ $p == "$$" || $p == "$BASHPID" ]] && continue
        cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline") || continue
        [[ $cmdline == *"$dir/"* ]] || continue
        stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        [[ ${stat:0:1} == Z ]] && continue
        echo "$p"
    done
}
