#!/usr/bin/env bash
# Instructions executed per MB of input by each stage and writer, counted by valgrind's callgrind.
#
#   bash Benchmarks/icount.sh [MB] [STAGE...]      (default: 1 MB, every stage and writer)
#
# Wall-clock benchmarks on a shared virtual machine move by 25% from one minute to the next; an
# instruction count does not move at all, so it is the figure to compare two builds by. It is not a
# speed (a cache miss costs a hundred instructions' time): confirm a change with lede-bench as well.
# Only the timed work is counted (LedeBench.timedRun), not corpus generation or preparation.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1}
shift || true
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(split clean-captions entity-tag quote-extract summarize-stats jsonl csv sqlite html)
command -v valgrind >/dev/null || { echo "icount.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product lede-bench >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read Swift's DWARF; the symbol table is all it needs to find timedRun.
strip --strip-debug -o "$work/lede-bench" .build/release/lede-bench
printf '%-18s %14s\n' stage instructions/MB
for stage in "${stages[@]}"; do
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*LedeBenchAAV8timedRun*' \
        --callgrind-out-file="$work/out" "$work/lede-bench" --mb "$mb" --repeat 1 --stage "$stage" >/dev/null 2>&1
    total=$(awk '/^(summary|totals):/ {print $2; exit}' "$work/out")
    printf '%-18s %14d\n' "$stage" $((total / mb))
done
