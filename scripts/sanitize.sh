#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer, in its own scratch folder so the normal build is untouched:
#
#   bash scripts/sanitize.sh address     # AddressSanitizer and LeakSanitizer
#   bash scripts/sanitize.sh thread      # ThreadSanitizer
#
# The tests that start a real `lede` use the one built beside the test bundle, so it is instrumented too.
# Suppressions (scripts/sanitizers/*.supp) name memory and races that belong to the toolchain's libraries,
# each with the reason.
set -euo pipefail
kind=${1:-address}
case "$kind" in address|thread) ;; *) echo "usage: $0 address|thread" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
here=$PWD
export LSAN_OPTIONS="suppressions=$here/scripts/sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export TSAN_OPTIONS="suppressions=$here/scripts/sanitizers/tsan.supp:halt_on_error=0:second_deadlock_stack=1"
export LEDE_SANITIZER="$kind"
scratch=".build-$kind"
swift build --build-tests --sanitize="$kind" --scratch-path "$scratch"
swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" 2>&1 | tee "$scratch/sanitize.log"
status=${PIPESTATUS[0]}
reports=$(grep -c -E "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$scratch/sanitize.log" || true)
echo "sanitizer reports: $reports; swift test exit status: $status (log: $scratch/sanitize.log)"
[ "$status" -eq 0 ] && [ "$reports" -eq 0 ]
