#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Mutation run, outside CI like the benchmarks: breaks the code on purpose, one mutant at a
# time, and checks that the tests meant to notice do. Each mutant in scripts/mutants.list
# replaces one snippet, which must occur exactly once in its file (so line moves do not
# matter), and names the ctest tests that must then fail.
#
#   scripts/mutants.sh [--list] [NAME...]
#
# Works in a scratch copy of the working tree ($SC_MUTANTS_DIR, default ./build-mutants/src)
# with its own build directory inside it, kept between runs: ninja then rebuilds only what a
# mutant touches and, with ccache, the first build is mostly cache hits. Only the targets the
# mutant's tests need are built. Prints a table; exits non-zero if a mutant survived, did not
# build, or no longer applies, or if the tests fail without any mutant.
set -uo pipefail
export LC_ALL=C

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
list=$src/scripts/mutants.list
scratch=${SC_MUTANTS_DIR:-$src/build-mutants}/src
build=$scratch/build
jobs=${SC_MUTANTS_JOBS:-$(nproc)}
log_dir=$scratch/../logs

note() { echo "mutants: $*" >&2; }

# ---------------------------------------------------------------- the list
names=() files=() tests=() finds=() replaces=()
parse_list() {
    local line name='' file='' test='' find='' replace=''
    flush() {
        if [[ -n $name ]]; then
            [[ -n $file && -n $test && -n $find && -n $replace ]] ||
                { note "mutant $name in $list lacks a field"; exit 2; }
            names+=("$name") files+=("$file") tests+=("$test") finds+=("$find") replaces+=("$replace")
        fi
        name='' file='' test='' find='' replace=''
    }
    while IFS= read -r line || [[ -n $line ]]; do
        case $line in
        '#'* | '') flush ;;
        'mutant: '*) flush; name=${line#mutant: } ;;
        'file: '*) file=${line#file: } ;;
        'tests: '*) test=${line#tests: } ;;
        'find: '*) find=${line#find: } ;;
        'replace: '*) replace=${line#replace: } ;;
        *) note "cannot read this line of $list: $line"; exit 2 ;;
        esac
    done <"$list"
    flush
}
parse_list

if [[ ${1:-} == --list ]]; then
    for i in "${!names[@]}"; do
        printf '%-28s %-40s %s\n' "${names[$i]}" "${files[$i]}" "${tests[$i]}"
    done
    exit 0
fi
selected=("$@")
wanted() {
    local n
    [[ ${#selected[@]} -eq 0 ]] && return 0
    for n in "${selected[@]}"; do [[ $n == "$1" ]] && return 0; done
    return 1
}

# ---------------------------------------------------------------- the scratch copy
mkdir -p "$scratch" "$log_dir"
log_dir=$(cd "$log_dir" && pwd)
# Tracked and new (not ignored) files of the working tree. Unchanged files keep their
# modification time, so ninja rebuilds only what differs from the last run.
(cd "$src" && git ls-files -z --cached --others --exclude-standard) |
    while IFS= read -r -d '' f; do
        [[ -f $src/$f ]] || continue
        if [[ ! -e $scratch/$f ]]; then
            mkdir -p "$(dirname "$scratch/$f")"
            cp -p "$src/$f" "$scratch/$f"
        elif ! cmp -s "$src/$f" "$scratch/$f"; then
            cp "$src/$f" "$scratch/$f"
        fi
    done

if [[ ! -f $build/CMakeCache.txt ]]; then
    generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    launcher=()
    command -v ccache >/dev/null 2>&1 &&
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$scratch" -B "$build" "${generator[@]}" "${launcher[@]}" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSC_BUILD_FUZZERS=OFF >"$log_dir/configure.log" 2>&1 ||
        { note "configure failed, see $log_dir/configure.log"; exit 1; }
fi

# The build targets among the names in a ctest regex ("tst_a|tst_b" -> tst_a tst_b).
known_targets=$(cmake --build "$build" --target help 2>/dev/null | sed -n -E 's/^(\.\.\. )?([A-Za-z0-9_.-]+)(:.*)?$/\2/p')
targets_for() {
    local token out=()
    for token in $(tr -c 'A-Za-z0-9_\n-' ' ' <<<"$1"); do
        grep -qxF -- "$token" <<<"$known_targets" && out+=("$token")
    done
    echo "${out[@]}"
}

build_and_test() { # REGEX LOG
    local targets
    targets=$(targets_for "$1")
    if [[ -n $targets ]]; then
        # shellcheck disable=SC2086
        cmake --build "$build" -j "$jobs" --target $targets >"$2.build" 2>&1 || return 2
    fi
    ctest --test-dir "$build" -R "^($1)\$" --output-on-failure --no-tests=error >"$2" 2>&1 || return 1
    return 0
}

# Replaces the one occurrence of FIND in FILE; 1 if it is not there exactly once.
apply() { # FILE FIND REPLACE
    python3 - "$@" <<'EOF'
import sys
path, find, replace = sys.argv[1:4]
text = open(path, encoding='utf-8').read()
if text.count(find) != 1:
    sys.exit(1)
open(path, 'w', encoding='utf-8').write(text.replace(find, replace))
EOF
}

# ---------------------------------------------------------------- baseline
all_tests=$(for i in "${!names[@]}"; do wanted "${names[$i]}" && echo "${tests[$i]}"; done |
    sort -u | paste -sd '|')
[[ -n $all_tests ]] || { note "no mutant of that name; see --list"; exit 2; }
note "baseline: building and running $all_tests without mutants"
if ! build_and_test "$all_tests" "$log_dir/baseline.log"; then
    note "the tests fail without any mutant; see $log_dir/baseline.log"
    exit 1
fi

# ---------------------------------------------------------------- mutants
results=()
bad=0
t0=$(date +%s)
for i in "${!names[@]}"; do
    name=${names[$i]} file=${files[$i]}
    wanted "$name" || continue
    target=$scratch/$file
    if ! apply "$target" "${finds[$i]}" "${replaces[$i]}"; then
        results+=("$name|$file|STALE (snippet not found exactly once)")
        bad=$((bad + 1))
        continue
    fi
    started=$(date +%s)
    build_and_test "${tests[$i]}" "$log_dir/$name.log"
    rc=$?
    # A fresh copy (new modification time), so the next build undoes this mutant.
    cp "$src/$file" "$target"
    case $rc in
    1) status=killed ;;
    2) status="DID NOT BUILD (see $log_dir/$name.log.build)"; bad=$((bad + 1)) ;;
    *) status=SURVIVED; bad=$((bad + 1)) ;;
    esac
    results+=("$name|$file|$status ($(($(date +%s) - started)) s, ${tests[$i]})")
    note "$name: $status"
done

echo
echo "| Mutant | File | Result |"
echo "| --- | --- | --- |"
for r in "${results[@]}"; do
    IFS='|' read -r n f s <<<"$r"
    echo "| $n | $f | $s |"
done
echo
echo "mutants: ${#results[@]} run, $((${#results[@]} - bad)) killed, $bad not killed, $(($(date +%s) - t0)) s"
[[ $bad -eq 0 ]]
