#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes docs/console.png: session-console on a private lab smbd holding about a dozen
# sessions of several users. Starts Xvfb when there is no $DISPLAY, and stops everything
# it started (by pid, and the lab through lab.sh) when it ends, also on failure.
#
#   scripts/screenshot.sh [--build DIR] [--out FILE] [--language en|es|de] [--page files]
#                         [--servers N]
#
# DIR is a build tree with app/session-console and tests/lab/sc-loadgen built
# (default: ./build). No extra packages: the console saves a picture of itself
# (its hidden --screenshot option). --language picks the interface language (default:
# the system's), e.g. --language de --out docs/console-de.png. --page files shoots the Open
# Files page instead of the Sessions page (docs/console-files.png). --servers N (N > 1) watches
# a fleet of N lab servers at once, each with sessions of its own (docs/console-servers.png).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
OUT=$ROOT/docs/console.png
LANGUAGE_ARGS=()
PAGE_ARGS=()
SERVERS=1
while [[ $# -gt 0 ]]; do
    case $1 in
    --build) BUILD=${2:?--build needs a value}; shift 2 ;;
    --out) OUT=${2:?--out needs a value}; shift 2 ;;
    --language) LANGUAGE_ARGS=(--language "${2:?--language needs a value}"); shift 2 ;;
    --page) PAGE_ARGS=(--page "${2:?--page needs a value}"); shift 2 ;;
    --servers) SERVERS=${2:?--servers needs a value}; shift 2 ;;
    -h | --help) sed -n '3,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "screenshot.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
BUILD=$(cd "$BUILD" && pwd)
CONSOLE=$BUILD/app/session-console
LOADGEN=$BUILD/tests/lab/sc-loadgen
LAB=$ROOT/tests/lab/lab.sh
for f in "$CONSOLE" "$LOADGEN"; do
    [[ -x $f ]] || { echo "screenshot.sh: $f not built" >&2; exit 1; }
done
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sc-screenshot.XXXXXX")
XVFB_PID=
CONSOLE_PID=
LAB_STARTED=

cleanup() {
    local rc=$?
    if [[ -n $CONSOLE_PID ]] && kill -0 "$CONSOLE_PID" 2>/dev/null; then
        kill "$CONSOLE_PID" 2>/dev/null || true
        wait "$CONSOLE_PID" 2>/dev/null || true
    fi
    if [[ -n $LAB_STARTED && $SERVERS -gt 1 ]]; then
        bash "$LAB" fleet-stop --dir "$WORK/fleet" >/dev/null 2>&1 ||
            echo "screenshot.sh: fleet stop failed" >&2
    elif [[ -n $LAB_STARTED ]]; then
        bash "$LAB" stop --dir "$WORK/lab" >/dev/null 2>&1 || echo "screenshot.sh: lab stop failed" >&2
    fi
    if [[ -n $XVFB_PID ]] && kill -0 "$XVFB_PID" 2>/dev/null; then
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z ${DISPLAY:-} ]]; then
    command -v Xvfb >/dev/null || { echo "screenshot.sh: no \$DISPLAY and no Xvfb" >&2; exit 1; }
    for ((n = 90; n < 140; n++)); do
        [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] || break
    done
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for ((i = 0; i < 100; i++)); do
        [[ -e /tmp/.X11-unix/X$n ]] && break
        kill -0 "$XVFB_PID" 2>/dev/null || { cat "$WORK/xvfb.log" >&2; exit 1; }
        sleep 0.05
    done
    export DISPLAY=:$n
fi

LAB_STARTED=1
# shellcheck disable=SC1091
if [[ $SERVERS -gt 1 ]]; then
    bash "$LAB" fleet-start "$SERVERS" --dir "$WORK/fleet"
    source "$WORK/fleet/fleet.env"
    # Every server its own users and numbers of sessions, so the Server column tells them apart.
    users=(alice bob josé jürgen)
    SERVER_ARGS=()
    k=0
    for port in $FLEET_PORTS; do
        k=$((k + 1))
        bash "$LAB" load start "${users[k % 4]}" $((1 + k % 3)) --dir "$WORK/fleet/s$k" \
            --loadgen "$LOADGEN" -- --open-files 1
        bash "$LAB" load start "${users[(k + 1) % 4]}" 1 --dir "$WORK/fleet/s$k" --loadgen "$LOADGEN"
        SERVER_ARGS+=(--server "$FLEET_HOST:$port")
    done
    LAB_ADMIN_USER=$FLEET_ADMIN_USER
    LAB_PASSWORD_DIR=$FLEET_PASSWORD_DIR
else
    bash "$LAB" start --dir "$WORK/lab"
    source "$WORK/lab/lab.env"

    # Staggered starts so connected and idle times differ; jürgen keeps busy (idle near zero).
    load() { bash "$LAB" load start "$1" "$2" --dir "$WORK/lab" --loadgen "$LOADGEN" -- "${@:3}"; }
    load alice 2 --open-files 4 --files-dir "Datos compartidos"
    sleep 4
    load josé 3 --open-files 1 --files-dir "Datos compartidos"
    load bob 1 --open-files 12 --files-dir "Datos compartidos"
    sleep 3
    load jürgen 2 --open-files 2 --touch-ms 500 --touch-fraction 1 --files-dir "Datos compartidos"
    load alice 1
    sleep 2
    load bob 2
    SERVER_ARGS=(--server "$LAB_HOST" --port "$LAB_PORT")
fi

# The console's own settings must not leak into (or come from) the operator's.
export XDG_CONFIG_HOME=$WORK/config
export QT_QPA_PLATFORM=xcb
"$CONSOLE" "${SERVER_ARGS[@]}" --user "$LAB_ADMIN_USER" \
    --password-file "$LAB_PASSWORD_DIR/$LAB_ADMIN_USER" --interval 2 "${LANGUAGE_ARGS[@]}" \
    "${PAGE_ARGS[@]}" --screenshot "$OUT" &
CONSOLE_PID=$!
rc=0
wait "$CONSOLE_PID" || rc=$?
CONSOLE_PID=
if [[ $rc -ne 0 ]]; then
    echo "screenshot.sh: session-console exited with $rc" >&2
    exit "$rc"
fi
echo "screenshot.sh: wrote $OUT"
