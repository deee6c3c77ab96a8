#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the whole project with AddressSanitizer (LeakSanitizer included) and
# UndefinedBehaviorSanitizer and runs the ctest suite in that build. Any finding stops the
# test that hit it, so the run fails.
#
#   scripts/sanitize.sh [BUILD_DIR]
#
# BUILD_DIR defaults to $SC_ASAN_BUILD_DIR or ./build-asan. SC_SANITIZE_LABELS, a ctest label
# regex (e.g. "unit|integration"), restricts the run to those labels; by default every test
# runs. Prints the time configure+build and the tests took.
set -uo pipefail
export LC_ALL=C

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-${SC_ASAN_BUILD_DIR:-$src/build-asan}}
labels=${SC_SANITIZE_LABELS:-}
jobs=${SC_SANITIZE_JOBS:-$(nproc)}

generator=()
if [[ ! -f $build/CMakeCache.txt ]] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
fi

t0=$(date +%s)
# -O1: sanitizer reports keep usable stack traces, and it compiles faster than -O2. No
# NDEBUG, so the asserts in Result<T> and friends are checked as well.
if ! cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DSC_SANITIZERS=address,undefined -DSC_BUILD_FUZZERS=OFF \
    -DSC_REQUIRE_KEYCHAIN="${SC_REQUIRE_KEYCHAIN:-OFF}"; then
    echo "sanitize: configure failed" >&2
    exit 1
fi
if ! cmake --build "$build" -j "$jobs"; then
    echo "sanitize: build failed" >&2
    exit 1
fi
t1=$(date +%s)

# halt_on_error: the first report ends the process, so a finding cannot scroll by unnoticed
# in a test that otherwise passes. detect_leaks is on by default on Linux; say it anyway.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:print_summary=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:report_error_type=1
export LSAN_OPTIONS=suppressions=$src/tests/reliability/lsan.supp:print_suppressions=0
# The lab's Samba tools and smbd are not instrumented; they inherit these variables harmlessly.

ctest_args=(--test-dir "$build" --output-on-failure --no-tests=error -j "$jobs")
if [[ -n $labels ]]; then
    # ctest adds the lab fixture's start and stop tests for the LAB tests it selects.
    ctest_args+=(-L "^(${labels})$")
    echo "sanitize: only tests labelled ${labels}"
fi
ctest "${ctest_args[@]}"
rc=$?
t2=$(date +%s)
echo "sanitize: configure+build $((t1 - t0)) s, tests $((t2 - t1)) s, total $((t2 - t0)) s (rc $rc)"
exit $rc
