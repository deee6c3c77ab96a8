#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# sessionctl over many servers, side by side with the ways to do it without: prints ONE
# markdown table (median of --repeats runs each) and what the machine holds.
#
#   scripts/bench-fleet.sh [--build-dir DIR] [--servers N] [--repeats R] [--out FILE]
#
# Starts a lab fleet of N smbd (default 20; tests/lab/lab.sh fleet-start, stopped again on
# exit) with alice's sessions on every fourth server, then measures, after one warm-up round:
#   - one `sessionctl list` per server, one at a time (the slowest server's median is the
#     one-shot figure the goal refers to),
#   - `sessionctl find --session-user alice` over all N servers (default --jobs 8),
#   - a shell loop of `rpcclient ... -c 'netsessenum 1'` over the N servers,
#   - N `sessionctl list` runs one after the other.
# Goal: find over N servers within 1.5x the slowest single server's one-shot. Not part of CI.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$src/build
servers=20
repeats=5
out=

die() {
    echo "bench-fleet: $*" >&2
    exit 1
}
note() { echo "bench-fleet: $*" >&2; }

while [[ $# -gt 0 ]]; do
    case $1 in
    --build-dir) build=${2:?}; shift 2 ;;
    --servers) servers=${2:?}; shift 2 ;;
    --repeats) repeats=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    *) sed -n '3,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

sessionctl=$build/app/sessionctl/sessionctl
loadgen=$build/tests/lab/sc-loadgen
lab=$src/tests/lab/lab.sh
[[ -x $sessionctl && -x $loadgen ]] || die "build sessionctl and sc-loadgen into $build first"
command -v rpcclient >/dev/null || die "rpcclient not found (apt-get install smbclient)"

dir=$(mktemp -d /tmp/bench-fleet.XXXXXX)
cleanup() {
    bash "$lab" fleet-stop --dir "$dir" >/dev/null 2>&1 || note "fleet-stop failed; see $dir"
    rm -rf "$dir"
}
trap cleanup EXIT

bash "$lab" fleet-start "$servers" --dir "$dir" >&2
# shellcheck disable=SC1091
. "$dir/fleet.env"
read -r -a ports <<<"$FLEET_PORTS"
pwfile=$FLEET_PASSWORD_DIR/$FLEET_ADMIN_USER
for ((k = 1; k <= servers; k += 4)); do
    bash "$lab" load start alice 2 --dir "$dir/s$k" --loadgen "$loadgen" >/dev/null
done

ms_now() { date +%s%N; }
# Median, in ms, of the durations (ns) given.
median_ms() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { m = a[int((NR + 1) / 2)];
        printf "%.0f", m / 1e6 }'
}
# Median time of "$@" over the repeats, in ms; the command's output is discarded.
timed() {
    local t=() i t0
    for ((i = 0; i < repeats; i++)); do
        t0=$(ms_now)
        "$@" >/dev/null 2>&1 || true
        t+=($(($(ms_now) - t0)))
    done
    median_ms "${t[@]}"
}

logon=(--logon-user "$FLEET_ADMIN_USER" --password-file "$pwfile")
all=()
for p in "${ports[@]}"; do all+=(--server "127.0.0.1:$p"); done

list_one() { "$sessionctl" list --server "127.0.0.1:$1" "${logon[@]}"; }
find_all() { "$sessionctl" find --session-user alice "${all[@]}" "${logon[@]}" "$@"; }
rpcclient_loop() {
    local p pw
    pw=$(cat "$pwfile")
    for p in "${ports[@]}"; do
        rpcclient -p "$p" -U "$FLEET_ADMIN_USER%$pw" 127.0.0.1 -c 'netsessenum 1' || true
    done
}
sequential_lists() {
    local p
    for p in "${ports[@]}"; do list_one "$p" || true; done
}

# Warm-up: samba-dcerpcd starts each server's srvsvc worker on the first call.
sequential_lists >/dev/null 2>&1
found=$(find_all --json 2>/dev/null | grep -c '"user": "alice"' || true)
note "find sees $found sessions of alice (expected $(((servers + 3) / 4 * 2)))"

slowest=0
slowest_port=
for p in "${ports[@]}"; do
    t=$(timed list_one "$p")
    if ((t > slowest)); then
        slowest=$t
        slowest_port=$p
    fi
done
find_ms=$(timed find_all)
find_jobs_all_ms=$(timed find_all --jobs "$servers")
rpc_ms=$(timed rpcclient_loop)
seq_ms=$(timed sequential_lists)

ratio=$(awk -v a="$find_ms" -v b="$slowest" 'BEGIN { printf "%.2f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5) ? "met" : "NOT met" }')
# What the machine holds: memory of one idle fleet member (smbd, its children, samba-dcerpcd
# and its workers), and how many such members the free memory would take.
rss_kb=$(ps -e -o rss=,args= | awk -v d="$dir/" 'index($0, d) && !/sc-loadgen/ { s += $1 }
    END { print s + 0 }')
per_kb=$((rss_kb / servers))
avail_kb=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)

table=$(
    cat <<EOT
| figure ($servers servers, median of $repeats) | ms | goal |
| --- | ---: | --- |
| slowest single server, one \`sessionctl list\` (port $slowest_port) | $slowest | |
| \`sessionctl find\` over $servers servers (--jobs 8) | $find_ms | <= 1.5x slowest single: ${ratio}x, $met |
| \`sessionctl find\` over $servers servers (--jobs $servers) | $find_jobs_all_ms | |
| shell loop of \`rpcclient -c 'netsessenum 1'\` over $servers servers | $rpc_ms | |
| $servers sequential \`sessionctl list\` runs | $seq_ms | |

Machine: $(nproc) cores, $((avail_kb / 1024)) MiB available with the fleet running; one fleet
member (smbd, samba-dcerpcd and their workers) holds about $((per_kb / 1024)) MiB resident, so
this machine holds about $((avail_kb / (per_kb > 0 ? per_kb : 1) + servers)) such smbd in
memory (CPU is the limit long before that when they are busy).
EOT
)
echo "$table"
[[ -n $out ]] && echo "$table" >"$out"
exit 0
