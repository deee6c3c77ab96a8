#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console and sessionctl over many servers, side by side with the ways to do it without:
# prints ONE markdown table (median of --repeats runs each) and what the machine holds.
#
#   scripts/bench-fleet.sh [--build-dir DIR] [--servers N] [--sessions S] [--repeats R]
#                          [--rows M] [--out FILE]
#
# Starts a lab fleet of N smbd (default 20; tests/lab/lab.sh fleet-start, stopped again on
# exit), holds S sessions of bob on every server (default 200) and two of alice on every
# fourth, then measures, after one warm-up round:
#   - the console's complete picture: from the process start to the first paint after every
#     server's list arrived (bench_startup --servers), and the same for each server alone
#     (the slowest one is the one-shot figure the goal refers to); both again with every
#     Samba worker started by exec instead of forked by the launcher,
#   - one `sessionctl list` per server, one at a time (slowest: the one-shot for find),
#   - `sessionctl find --session-user alice` over all N servers (default --jobs 8),
#   - a shell loop of `rpcclient ... -c 'netsessenum 1'` over the N servers,
#   - N `sessionctl list` runs one after the other,
#   - the console's GUI thread per server update with N servers x M rows (default 2000) in
#     one table (bench_model --servers, no network), and the memory per row against one
#     server with the same number of rows.
# Goals: the complete picture and find within 1.5x the slowest single server; a server's
# update <= 5 ms apply + layout. Not part of CI.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$src/build
servers=20
sessions=200
rows=2000
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
    --sessions) sessions=${2:?}; shift 2 ;;
    --rows) rows=${2:?}; shift 2 ;;
    --repeats) repeats=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    *) sed -n '3,27s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

sessionctl=$build/app/sessionctl/sessionctl
loadgen=$build/tests/lab/sc-loadgen
startup=$build/tests/bench/bench_startup
model=$build/tests/bench/bench_model
lab=$src/tests/lab/lab.sh
# The console runs each server's Samba calls in this worker (the build tree's copy).
export SC_RPCWORKER_PATH=${SC_RPCWORKER_PATH:-$build/app/sessionconsole-rpcworker}
[[ -x $sessionctl && -x $loadgen && -x $startup && -x $model && -x $SC_RPCWORKER_PATH ]] ||
    die "build sessionctl, sc-loadgen, bench_startup, bench_model and the worker into $build first"
command -v rpcclient >/dev/null || die "rpcclient not found (apt-get install smbclient)"

dir=$(mktemp -d /tmp/bench-fleet.XXXXXX)
cleanup() {
    bash "$lab" fleet-stop --dir "$dir" >/dev/null 2>&1 || note "fleet-stop failed; see $dir"
    rm -rf "$dir"
}
trap cleanup EXIT

avail_before_kb=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
bash "$lab" fleet-start "$servers" --dir "$dir" >&2
# shellcheck disable=SC1091
. "$dir/fleet.env"
read -r -a ports <<<"$FLEET_PORTS"
pwfile=$FLEET_PASSWORD_DIR/$FLEET_ADMIN_USER
for ((k = 1; k <= servers; k++)); do
    if ((sessions > 0)); then
        bash "$lab" load start bob "$sessions" --dir "$dir/s$k" --loadgen "$loadgen" >/dev/null
    fi
    if ((k % 4 == 1)); then
        bash "$lab" load start alice 2 --dir "$dir/s$k" --loadgen "$loadgen" >/dev/null
    fi
done
note "holding $sessions sessions of bob on each of the $servers servers"

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

# The console: start to every list painted (bench_startup prints RESULT lines; the median of
# its runs is the figure). SC_LAB_DIR names the account; every member has the same users.
console_ms() {
    local out
    out=$(SC_LAB_DIR=$dir/s1 "$startup" --runs "$repeats" --servers "$1" 2>"$dir/startup.err") ||
        { note "bench_startup --servers $1 failed: $(tail -n 3 "$dir/startup.err")"; return 0; }
    awk -F'\t' '$1 == "RESULT" && $2 ~ /first_row_ms.median$/ { printf "%.0f", $3 }' <<<"$out"
}
all_servers=
for p in "${ports[@]}"; do all_servers+=${all_servers:+,}127.0.0.1:$p; done
console_all=$(console_ms "$all_servers")
console_slowest=0
console_slowest_port=
for p in "${ports[@]}"; do
    t=$(console_ms "127.0.0.1:$p")
    [[ -n $t ]] || die "the console's start against port $p failed"
    if ((t > console_slowest)); then
        console_slowest=$t
        console_slowest_port=$p
    fi
done
[[ -n $console_all ]] || die "the console's start against the whole fleet failed"
# The same two figures with every worker started by exec, as before the launcher: a stand-in
# program that refuses to be the launcher and is otherwise the worker.
direct=$dir/rpcworker-direct.sh
printf '#!/bin/sh\n[ "$1" = --launcher ] && exit 1\nexec %q "$@"\n' "$SC_RPCWORKER_PATH" >"$direct"
chmod +x "$direct"
direct_all=$(SC_RPCWORKER_PATH=$direct console_ms "$all_servers")
direct_slowest=$(SC_RPCWORKER_PATH=$direct console_ms "127.0.0.1:$console_slowest_port")
console_ratio=$(awk -v a="$console_all" -v b="$console_slowest" 'BEGIN { printf "%.2f", a / b }')
console_met=$(awk -v r="$console_ratio" 'BEGIN { print (r <= 1.5) ? "met" : "NOT met" }')

# Steady state, no network: N servers x M rows in one table, each server's update timed.
model_value() { awk -F'\t' -v k="$1" '$1 == "RESULT" && $2 == k { printf "%.2f", $3 }' <<<"$2"; }
fleet_out=$("$model" --servers "$servers" --sizes "$rows" --refreshes 3 2>/dev/null)
one_out=$("$model" --sizes "$((servers * rows))" --refreshes 3 2>/dev/null)
fk=model.s$servers.l502.n$rows
ok=model.l502.n$((servers * rows))
apply_ms=$(model_value "$fk.refresh_apply_ms.median" "$fleet_out")
layout_ms=$(model_value "$fk.refresh_layout_ms" "$fleet_out")
paint_ms=$(model_value "$fk.refresh_paint_ms" "$fleet_out")
gui_ms=$(model_value "$fk.refresh_gui_ms.median" "$fleet_out")
update_ms=$(awk -v a="$apply_ms" -v l="$layout_ms" 'BEGIN { printf "%.2f", a + l }')
update_met=$(awk -v u="$update_ms" 'BEGIN { print (u <= 5) ? "met" : "NOT met" }')
fleet_row_b=$(model_value "$fk.bytes_per_row" "$fleet_out")
one_row_b=$(model_value "$ok.bytes_per_row" "$one_out")
# What the machine holds: the memory the fleet with its sessions (smbd, a child per session,
# samba-dcerpcd and its workers, the load generators) took from MemAvailable (resident sizes
# would count the pages the children share once each), and how many such members the free
# memory would take. Other work on the machine moves this figure; it is an estimate.
avail_kb=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
per_kb=$(((avail_before_kb - avail_kb) / servers))
((per_kb > 0)) || per_kb=1

table=$(
    cat <<EOT
| figure ($servers servers, $sessions sessions each, median of $repeats) | ms | goal |
| --- | ---: | --- |
| console, start to the slowest single server's list painted (port $console_slowest_port) | $console_slowest | |
| console, start to every server's list painted | $console_all | <= 1.5x slowest single: ${console_ratio}x, $console_met |
| the same two, every worker started by exec (no launcher) | $direct_slowest, $direct_all | |
| slowest single server, one \`sessionctl list\` (port $slowest_port) | $slowest | |
| \`sessionctl find\` over $servers servers (--jobs 8) | $find_ms | <= 1.5x slowest single: ${ratio}x, $met |
| \`sessionctl find\` over $servers servers (--jobs $servers) | $find_jobs_all_ms | |
| shell loop of \`rpcclient -c 'netsessenum 1'\` over $servers servers | $rpc_ms | |
| $servers sequential \`sessionctl list\` runs | $seq_ms | |

| console, $servers servers x $rows rows in one table (median per server update) | ms | goal |
| --- | ---: | --- |
| apply + layout | $update_ms | <= 5 ms: $update_met |
| paint | $paint_ms | |
| whole GUI-thread time | $gui_ms | |
| memory per row, $servers servers x $rows rows / one server x $((servers * rows)) rows | $fleet_row_b B / $one_row_b B | no worse |

Machine: $(nproc) cores, $((avail_kb / 1024)) MiB available with the fleet running; one fleet
member with its $sessions sessions (smbd and a child per session, samba-dcerpcd and its
workers, the load generator) took about $((per_kb / 1024)) MiB, so this machine holds about
$((avail_kb / per_kb + servers)) such members in memory (CPU is the limit long before that when
they are busy).
EOT
)
echo "$table"
[[ -n $out ]] && echo "$table" >"$out"
exit 0
