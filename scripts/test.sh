#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole check, as CI runs it: dependencies, build, every ctest test (unit, lab-backed
# integration and GUI tests, benchmarks), the Debian package installed and run, the Windows
# cross-build, a short fuzzing run, the suite again under sanitizers and a one-minute soak.
# Exits non-zero if anything failed.
set -uo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
export BUILD_DIR=$build
cd "$src" || exit 1

if [[ $(id -u) -eq 0 ]]; then
    "$src/scripts/install-deps.sh" || { echo "test: installing dependencies failed" >&2; exit 1; }
else
    echo "test: not root, not installing packages (run sudo scripts/install-deps.sh if the build fails)" >&2
fi

if ! "$src/scripts/build.sh"; then
    echo "test: build failed"
    echo "summary: 0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
failures=()

# ctest prints its own summary ("N% tests passed, F tests failed out of T"); we add its
# numbers to ours so the last line counts every check.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" 2>&1 | tee "$log"
ctest_rc=${PIPESTATUS[0]}
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
if [[ -n $summary ]]; then
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    nfail=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
fi
if [[ $ctest_rc -ne 0 ]]; then
    failures+=("ctest")
    # A crash or configuration error with no summary line still counts as a failure.
    [[ -z $summary ]] && failed=$((failed + 1))
fi

run_step() {
    local name=$1
    shift
    echo "test: running $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
    fi
}

# The Debian package: built, installed (apt install ./x.deb), both programs run from /usr/bin.
run_step package bash "$src/scripts/package.sh" --install "$build"
if [[ -f $src/scripts/cross-windows.sh ]]; then
    run_step cross-windows bash "$src/scripts/cross-windows.sh"
fi
if [[ -f $src/tests/fuzz/run-fuzzers.sh ]]; then
    run_step fuzzers bash "$src/tests/fuzz/run-fuzzers.sh" 60
fi
# The whole ctest suite again, built with AddressSanitizer, LeakSanitizer and UBSan.
run_step sanitize bash "$src/scripts/sanitize.sh" "${SC_ASAN_BUILD_DIR:-$build-asan}"
# A one-minute soak: the console's poller, model and proxy against 1,000 held sessions.
run_step soak env BUILD_DIR="$build" bash "$src/scripts/soak.sh" --sessions 1000 --seconds 60

if [[ ${#failures[@]} -gt 0 ]]; then
    echo "test: FAILED: ${failures[*]}"
fi
echo "summary: $passed passed, $failed failed"
[[ ${#failures[@]} -eq 0 ]]
