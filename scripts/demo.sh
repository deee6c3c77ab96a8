#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shows Session Console at work against a real Samba server on this machine: installs what
# is missing, builds, starts the test lab (a private smbd on a loopback port), opens a dozen
# SMB sessions as several users, lists them with sessionctl and opens the console on them as
# the lab administrator (with no display, under Xvfb with a screenshot instead of a window).
# Everything it started is stopped when it ends (the console's window closed), also on Ctrl+C.
#   scripts/demo.sh [--no-build] [--no-gui] [--keep]
#     --no-gui: only sessionctl;  --keep: after the console, wait for Enter before stopping
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
export BUILD_DIR=$build
lab_dir=$build/demo-lab
lab=$src/tests/lab/lab.sh

do_build=1
keep=0
gui=1
for a in "$@"; do
    case $a in
    --no-build) do_build=0 ;;
    --no-gui) gui=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--no-build] [--no-gui] [--keep]" >&2; exit 2 ;;
    esac
done

if [[ $do_build -eq 1 ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        "$src/scripts/install-deps.sh"
    else
        echo "demo: not root, not installing packages" >&2
    fi
    "$src/scripts/build.sh"
fi

loadgen=$build/tests/lab/sc-loadgen
[[ -x $loadgen ]] || { echo "demo: $loadgen is missing; build first" >&2; exit 1; }

started=0
cleanup() {
    # lab.sh stop ends the load generators and smbd by the pids it recorded.
    if [[ $started -eq 1 ]]; then
        if ! "$lab" stop --dir "$lab_dir"; then
            echo "demo: the lab in $lab_dir did not stop; stop it with: $lab stop --dir $lab_dir" >&2
            exit 1
        fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$lab" start --dir "$lab_dir"
started=1
# shellcheck disable=SC1091
source "$lab_dir/lab.env"

# A dozen sessions: some hold files open, some stay busy (low idle time), some idle.
"$lab" load start alice 3 --dir "$lab_dir" --loadgen "$loadgen" -- --open-files 2
"$lab" load start bob 2 --dir "$lab_dir" --loadgen "$loadgen"
"$lab" load start josé 4 --dir "$lab_dir" --loadgen "$loadgen" -- --touch-ms 1000 --touch-fraction 0.5
"$lab" load start jürgen 3 --dir "$lab_dir" --loadgen "$loadgen" -- --open-files 1

echo
echo "demo: smbstatus sees these sessions:"
"$lab" smbstatus --dir "$lab_dir" |
    jq -r '.sessions[] | "  \(.username)\t\(.remote_machine)\tsmbd pid \(.server_id.pid)"' | sort
echo

sessionctl=$build/app/sessionctl/sessionctl
# The build tree's Samba worker (installed programs find theirs in libexec).
export SC_RPCWORKER_PATH=${SC_RPCWORKER_PATH:-$build/app/sessionconsole-rpcworker}
if [[ -x $sessionctl ]]; then
    echo "demo: sessionctl list --server $LAB_HOST --port $LAB_PORT --logon-user $LAB_ADMIN_USER"
    "$sessionctl" list --server "$LAB_HOST" --port "$LAB_PORT" --logon-user "$LAB_ADMIN_USER" \
        --password-file "$LAB_PASSWORD_DIR/$LAB_ADMIN_USER"
else
    echo "demo: $sessionctl is not built yet; nothing more to show" >&2
fi

console=$build/app/session-console
if [[ $gui -eq 1 && -x $console ]]; then
    args=(--server "$LAB_HOST" --port "$LAB_PORT" --user "$LAB_ADMIN_USER"
        --password-file "$LAB_PASSWORD_DIR/$LAB_ADMIN_USER" --interval 2)
    if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
        echo "demo: opening the console; close its window to stop the demo"
        "$console" "${args[@]}" || echo "demo: the console exited with status $?" >&2
    else
        # No desktop here (a server, a container, CI): show what the operator would see.
        shot=$build/demo-console.png
        echo "demo: no display; rendering the console offscreen into $shot"
        QT_QPA_PLATFORM=offscreen "$console" "${args[@]}" --screenshot "$shot" &&
            echo "demo: wrote $shot"
    fi
fi

if [[ $keep -eq 1 ]]; then
    echo
    echo "demo: the lab runs on $LAB_HOST port $LAB_PORT; administrator $LAB_ADMIN_USER,"
    echo "      password in $LAB_PASSWORD_DIR/$LAB_ADMIN_USER. Press Enter to stop it."
    read -r _ || true
fi
