#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Before/after figures for the Samba worker process, in one run: another sessionctl (e.g. one
# built before the worker, from commit 1c11409, or one that ran Samba in a worker of its own)
# against this build's, alternately, over a lab fleet (tests/lab/lab.sh fleet-start, stopped
# again on exit). This build's sessionctl runs Samba in process; only the console uses the
# worker, so the two should agree when the other one does too. Prints one markdown table of
# medians: one `sessionctl list`, the slowest single server's `list`, `sessionctl find` over
# all servers (--jobs 8) and their ratio (goal: find <= 1.5x the slowest single server).
#
#   scripts/bench-worker.sh --old PATH [--build-dir DIR] [--servers N] [--repeats R]
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$src/build
old=
servers=10
repeats=5
while [[ $# -gt 0 ]]; do
    case $1 in
    --old) old=${2:?}; shift 2 ;;
    --build-dir) build=${2:?}; shift 2 ;;
    --servers) servers=${2:?}; shift 2 ;;
    --repeats) repeats=${2:?}; shift 2 ;;
    *) sed -n '3,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done
new=$build/app/sessionctl/sessionctl
# For an --old sessionctl that starts the worker; this build's does not look for it.
export SC_RPCWORKER_PATH=${SC_RPCWORKER_PATH:-$build/app/sessionconsole-rpcworker}
loadgen=$build/tests/lab/sc-loadgen
[[ -x $old && -x $new && -x $loadgen ]] ||
    { echo "bench-worker: need --old and a build with sessionctl and sc-loadgen" >&2; exit 1; }

lab=$src/tests/lab/lab.sh
dir=$(mktemp -d /tmp/bench-worker.XXXXXX)
cleanup() {
    bash "$lab" fleet-stop --dir "$dir" >/dev/null 2>&1 || echo "bench-worker: fleet-stop failed; see $dir" >&2
    rm -rf "$dir"
}
trap cleanup EXIT
bash "$lab" fleet-start "$servers" --dir "$dir" >/dev/null 2>&1
# shellcheck disable=SC1091
. "$dir/fleet.env"
read -r -a ports <<<"$FLEET_PORTS"
for ((k = 1; k <= servers; k += 4)); do
    bash "$lab" load start alice 2 --dir "$dir/s$k" --loadgen "$loadgen" >/dev/null 2>&1
done
logon=(--logon-user "$FLEET_ADMIN_USER" --password-file "$FLEET_PASSWORD_DIR/$FLEET_ADMIN_USER")
all=()
for p in "${ports[@]}"; do all+=(--server "127.0.0.1:$p"); done

ns() { date +%s%N; }
median_ms() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] / 1e6 }'; }
once() {
    local t0
    t0=$(ns)
    "$@" >/dev/null 2>&1 || true
    echo $(($(ns) - t0))
}
# Median of R runs of "$@" with BIN replaced by the binary; old and new alternate run by run.
declare -A result
measure() {
    local key=$1 i
    shift
    local -a t_old=() t_new=()
    for ((i = 0; i < repeats; i++)); do
        t_old+=("$(once "$old" "$@")")
        t_new+=("$(once "$new" "$@")")
    done
    result[$key.old]=$(median_ms "${t_old[@]}")
    result[$key.new]=$(median_ms "${t_new[@]}")
}

# Warm-up: samba-dcerpcd starts each server's srvsvc worker on the first call.
for p in "${ports[@]}"; do "$new" list --server "127.0.0.1:$p" "${logon[@]}" >/dev/null 2>&1 || true; done
slow_old=0 slow_new=0
for p in "${ports[@]}"; do
    measure one list --server "127.0.0.1:$p" "${logon[@]}"
    ((result[one.old] > slow_old)) && slow_old=${result[one.old]}
    ((result[one.new] > slow_new)) && slow_new=${result[one.new]}
    [[ $p == "${ports[0]}" ]] && { first_old=${result[one.old]}; first_new=${result[one.new]}; }
done
measure find find --session-user alice "${all[@]}" "${logon[@]}"
echo "| figure ($servers servers, median of $repeats) | before (ms) | after (ms) |"
echo "| --- | ---: | ---: |"
echo "| one \`sessionctl list\` (first server) | $first_old | $first_new |"
echo "| slowest single server, one \`sessionctl list\` | $slow_old | $slow_new |"
echo "| \`sessionctl find\` over $servers servers (--jobs 8) | ${result[find.old]} | ${result[find.new]} |"
awk -v a="${result[find.old]}" -v b="$slow_old" -v c="${result[find.new]}" -v d="$slow_new" \
    'BEGIN { printf "| find / slowest single (goal <= 1.5x) | %.2fx | %.2fx |\n", a / b, c / d }'
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
