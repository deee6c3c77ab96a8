#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Whole commands that list a server's sessions, side by side, against the running lab:
#   sessionctl list (level 1, and level auto)   rpcclient -c 'netsessenum 1'
#   impacket's hNetrSessionEnum (level 1)       smbstatus --json (through lab.sh)
# then the console's kept-open refresh against a raw call (bench_refresh).
# Prints RESULT lines (see benchstats.h) and a short human summary on stderr.
#
#   bench_e2e.sh --build DIR --lab-dir DIR [--label N] [--runs 10] [--warmup 2]
#                [--hold N] [--refresh-repeats 15] [--no-refresh] [--hyperfine]
#                [--baseline SESSIONCTL]
#
# --hold N starts the load generator with N sessions for the run and stops it afterwards;
# without it the sessions already held in the lab are measured. The commands run
# round-robin (one of each per round) so the machine's changing load hits all alike;
# --hyperfine measures each with hyperfine instead, one after the other. --baseline adds
# another sessionctl binary (say, a build of the previous commit) as "sessionctl_baseline",
# run the same way as sessionctl, so that a change is measured side by side.

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(cd "$SCRIPT_DIR/../.." && pwd)
LAB_SH=$SOURCE_DIR/tests/lab/lab.sh
BUILD=
LAB_DIR=
LABEL=
RUNS=10
WARMUP=2
HOLD=0
REFRESH_REPEATS=15
REFRESH=1
HYPERFINE=0
BASELINE=

die() {
    echo "bench_e2e.sh: $*" >&2
    exit 1
}
note() { echo "bench_e2e.sh: $*" >&2; }

while [[ $# -gt 0 ]]; do
    case $1 in
    --build) BUILD=$2; shift 2 ;;
    --lab-dir) LAB_DIR=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --hold) HOLD=$2; shift 2 ;;
    --refresh-repeats) REFRESH_REPEATS=$2; shift 2 ;;
    --no-refresh) REFRESH=0; shift ;;
    --hyperfine) HYPERFINE=1; shift ;;
    --baseline) BASELINE=$2; shift 2 ;;
    *) sed -n '9,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done
[[ -n $BUILD && -n $LAB_DIR ]] || die "--build and --lab-dir are required"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 && $RUNS -le 200 ]] || die "--runs must be 1..200"
[[ $WARMUP =~ ^[0-9]+$ && $WARMUP -le 50 ]] || die "--warmup must be 0..50"
[[ $HOLD =~ ^[0-9]+$ && $HOLD -le 1000 ]] || die "--hold must be 0..1000"
BUILD=$(cd "$BUILD" && pwd)
LAB_DIR=$(cd "$LAB_DIR" && pwd)
[[ -s $LAB_DIR/lab.env ]] || die "no lab running in $LAB_DIR"
SESSIONCTL=$BUILD/app/sessionctl/sessionctl
LOADGEN=$BUILD/tests/lab/sc-loadgen
[[ -x $SESSIONCTL ]] || die "$SESSIONCTL not built"
if [[ -n $BASELINE ]]; then
    [[ -x $BASELINE ]] || die "--baseline $BASELINE is not an executable"
    BASELINE=$(cd "$(dirname "$BASELINE")" && pwd)/$(basename "$BASELINE")
fi
# impacket comes with Debian's python3, not with a python3 another tool put first in PATH.
PYTHON=/usr/bin/python3
[[ -x $PYTHON ]] || PYTHON=$(command -v python3)

env_value() { sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$LAB_DIR/lab.env"; }
HOST=$(env_value LAB_HOST)
PORT=$(env_value LAB_PORT)
ADMIN=$(env_value LAB_ADMIN_USER)
PASSWORD_FILE=$(env_value LAB_PASSWORD_DIR)/$ADMIN
[[ $HOST == 127.* || $HOST == ::1 ]] || die "the lab is not on loopback ($HOST)"

WORK=$(mktemp -d)
cleanup() {
    if [[ $HOLD -gt 0 ]]; then
        bash "$LAB_SH" load stop --dir "$LAB_DIR" >&2 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ $HOLD -gt 0 ]]; then
    bash "$LAB_SH" load start alice "$HOLD" --dir "$LAB_DIR" --loadgen "$LOADGEN" >&2
fi

# rpcclient reads the password from an authentication file, not from its command line.
AUTH=$WORK/rpcclient.auth
(umask 077 && printf 'username = %s\npassword = %s\n' "$ADMIN" "$(cat "$PASSWORD_FILE")" >"$AUTH")

SESSIONCTL_CMD=("$SESSIONCTL" list --server "$HOST" --port "$PORT" --logon-user "$ADMIN"
    --password-file "$PASSWORD_FILE" --level 1)
SESSIONCTL_AUTO_CMD=("$SESSIONCTL" list --server "$HOST" --port "$PORT" --logon-user "$ADMIN"
    --password-file "$PASSWORD_FILE")
RPCCLIENT_CMD=(rpcclient -p "$PORT" -A "$AUTH" "$HOST" -c 'netsessenum 1')
IMPACKET_CMD=("$PYTHON" "$SCRIPT_DIR/impacket_netsessenum.py" --host "$HOST" --port "$PORT"
    --user "$ADMIN" --password-file "$PASSWORD_FILE" --level 1)
SMBSTATUS_CMD=(bash "$LAB_SH" smbstatus --dir "$LAB_DIR")
SESSIONCTL_BASELINE_CMD=("$BASELINE" "${SESSIONCTL_CMD[@]:1}")
NAMES=(sessionctl sessionctl_auto rpcclient impacket smbstatus)
[[ -z $BASELINE ]] || NAMES=(sessionctl sessionctl_baseline sessionctl_auto rpcclient impacket
    smbstatus)

# Each tool must see the sessions before its time means anything.
count_sessionctl() {
    local out
    out=$("${SESSIONCTL_AUTO_CMD[@]}" --csv) || return 1
    tail -n +2 <<<"$out" | grep -c . || true
}
count_rpcclient() { "${RPCCLIENT_CMD[@]}" | sed -n 's/^Received \([0-9]*\) entries.*/\1/p'; }
count_impacket() { "${IMPACKET_CMD[@]}" | sed -n 's/^\([0-9]*\) sessions.*/\1/p'; }
count_smbstatus() { "${SMBSTATUS_CMD[@]}" | jq '.sessions | length'; }

declare -A COUNTS
for tool in sessionctl rpcclient impacket smbstatus; do
    COUNTS[$tool]=$("count_$tool" 2>"$WORK/$tool.err") || {
        cat "$WORK/$tool.err" >&2
        die "$tool failed against the lab"
    }
    [[ ${COUNTS[$tool]} =~ ^[0-9]+$ && ${COUNTS[$tool]} -ge $HOLD ]] ||
        die "$tool saw '${COUNTS[$tool]}' sessions, expected at least $HOLD"
done
[[ -n $LABEL ]] || LABEL=${COUNTS[smbstatus]}
note "label $LABEL: sessions seen by sessionctl ${COUNTS[sessionctl]}, rpcclient ${COUNTS[rpcclient]}, impacket ${COUNTS[impacket]}, smbstatus ${COUNTS[smbstatus]}"
for tool in sessionctl rpcclient impacket smbstatus; do
    printf 'RESULT\te2e.n%s.%s_sessions\t%s\t\n' "$LABEL" "$tool" "${COUNTS[$tool]}"
done

run_named() {
    case $1 in
    sessionctl) "${SESSIONCTL_CMD[@]}" ;;
    sessionctl_auto) "${SESSIONCTL_AUTO_CMD[@]}" ;;
    sessionctl_baseline) "${SESSIONCTL_BASELINE_CMD[@]}" ;;
    rpcclient) "${RPCCLIENT_CMD[@]}" ;;
    impacket) "${IMPACKET_CMD[@]}" ;;
    smbstatus) "${SMBSTATUS_CMD[@]}" ;;
    esac
}

# Prints key.median/min/max RESULT lines from microsecond figures on stdin.
summarise() {
    sort -n | awk -v key="$1" '
        { v[NR] = $1 / 1000 }
        END {
            if (NR == 0) exit 1
            m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "RESULT\t%s.median\t%.3f\tms\nRESULT\t%s.min\t%.3f\tms\nRESULT\t%s.max\t%.3f\tms\n",
                key, m, key, v[1], key, v[NR]
        }'
}

# Sets CPU_US to the user plus system CPU time of this shell's finished children, in
# microseconds: the second line of the "times" builtin ("0m0.123s 0m0.045s"). Runs in this
# shell, not in $(...): a subshell would report its own children.
children_cpu() {
    local part
    times >"$WORK/times"
    CPU_US=0
    for part in $(tail -n 1 "$WORK/times"); do
        [[ $part =~ ^([0-9]+)m([0-9]+)\.([0-9]+)s$ ]] || continue
        CPU_US=$((CPU_US + (BASH_REMATCH[1] * 60 + 10#${BASH_REMATCH[2]}) * 1000000 \
            + 10#${BASH_REMATCH[3]} * 10 ** (6 - ${#BASH_REMATCH[3]})))
    done
}

# Round-robin: every round runs each command once, so a change in the machine's load (it
# is shared) hits all of them alike instead of whichever hyperfine happened to be running.
# Besides the wall time, the client's own CPU time: unlike the wall time it hardly depends
# on the load, but it leaves out the server's work.
measure_interleaved() {
    local round name t0 t1 c0 c1
    for ((round = 0; round < WARMUP + RUNS; round++)); do
        for name in "${NAMES[@]}"; do
            children_cpu
            c0=$CPU_US
            t0=${EPOCHREALTIME/./}
            run_named "$name" >/dev/null 2>"$WORK/$name.err" || {
                cat "$WORK/$name.err" >&2
                die "$name failed in round $round"
            }
            t1=${EPOCHREALTIME/./}
            children_cpu
            c1=$CPU_US
            if [[ $round -ge $WARMUP ]]; then
                echo $((t1 - t0)) >>"$WORK/$name.us"
                echo $((c1 - c0)) >>"$WORK/$name.cpu"
            fi
        done
    done
    for name in "${NAMES[@]}"; do
        summarise "e2e.n$LABEL.${name}_ms" <"$WORK/$name.us"
        summarise "e2e.n$LABEL.${name}_cpu_ms" <"$WORK/$name.cpu"
    done
}

# Cross-check with hyperfine (one command after the other, its own statistics).
measure_hyperfine() {
    local name
    for name in "${NAMES[@]}"; do
        local -n cmd=${name^^}_CMD
        hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" \
            --export-json "$WORK/$name.json" "${cmd[*]@Q}" >/dev/null 2>"$WORK/$name.hf.err" || {
            cat "$WORK/$name.hf.err" >&2
            die "$name failed under hyperfine"
        }
        jq -r --arg key "e2e.n$LABEL.${name}_ms" '.results[0] |
            "RESULT\t\($key).median\t\(.median * 1000)\tms",
            "RESULT\t\($key).min\t\(.min * 1000)\tms",
            "RESULT\t\($key).max\t\(.max * 1000)\tms"' "$WORK/$name.json"
    done
}

if [[ $HYPERFINE -eq 1 ]]; then
    command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
    measure_hyperfine
else
    measure_interleaved
fi

if [[ $REFRESH -eq 1 ]]; then
    SC_LAB_DIR=$LAB_DIR QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/bench_refresh" \
        --label "$LABEL" --repeats "$REFRESH_REPEATS" --warmup 2 | tee "$WORK/refresh.out" |
        grep '^RESULT' || die "bench_refresh failed"
    grep -v '^RESULT' "$WORK/refresh.out" >&2 || true
fi
