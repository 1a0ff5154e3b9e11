#!/usr/bin/env bash
# Lede's HTML article extraction beside trafilatura and readability-lxml on scrapinghub's
# article-extraction-benchmark (181 news and blog pages), scored with the benchmark's own evaluate.py.
#
#   bash Benchmarks/html/run.sh PATH/TO/article-extraction-benchmark
#
# The benchmark is not part of this repository and this script downloads nothing: check it out yourself
# (html/*.html.gz, ground-truth.json, evaluate.py). The peers run from a venv outside the repository,
# $LEDE_HTML_VENV (default ~/.cache/lede-html-venv); make it once with
#   python3 -m venv ~/.cache/lede-html-venv
#   ~/.cache/lede-html-venv/bin/pip install trafilatura readability-lxml lxml_html_clean html-text
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PATH/TO/article-extraction-benchmark" >&2; exit 2; }
AEB=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${LEDE_HTML_VENV:-$HOME/.cache/lede-html-venv}
for f in ground-truth.json evaluate.py html; do
    [ -e "$AEB/$f" ] || { echo "$AEB has no $f: is it a checkout of scrapinghub/article-extraction-benchmark?" >&2; exit 2; }
done
[ -x "$VENV/bin/python" ] || { echo "no venv at $VENV: see the top of $0 for how to make it" >&2; exit 2; }

(cd "$ROOT" && swift build -c release --product lede >&2)
LEDE="$ROOT/.build/release/lede"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/aeb.yaml" <<YAML
lede: 1
name: aeb
input: { paths: ["$AEB/html"], format: html }
output: $WORK/out
stages:
  - write: { jsonl: pages.jsonl }
YAML

# CPU seconds (user + system) of the whole run on one job, and the wall clock on two, each the best of
# three (the machine may be shared); exit 1 only means some pages were rejected.
best_of_three() {
    local best="" t
    for _ in 1 2 3; do
        t=$("$@")
        best=$(python3 -c "import sys; print(min(map(float, sys.argv[1:])))" $t $best)
    done
    echo "$best"
}
cpu_one_job() {
    /usr/bin/time -f "%U %S" -o "$WORK/time" "$LEDE" run "$WORK/aeb.yaml" --jobs 1 --no-journal --quiet || [ $? -eq 1 ]
    python3 -c "import sys; u, s = open(sys.argv[1]).read().split()[-2:]; print(float(u) + float(s))" "$WORK/time"
}
wall_two_jobs() {
    local t0
    t0=$(python3 -c "import time; print(time.time())")
    "$LEDE" run "$WORK/aeb.yaml" --jobs 2 --no-journal --quiet || [ $? -eq 1 ]
    python3 -c "import sys, time; print(time.time() - float(sys.argv[1]))" "$t0"
}
ONE=$(best_of_three cpu_one_job)
TWO=$(best_of_three wall_two_jobs)
"$VENV/bin/python" "$ROOT/Benchmarks/html/score.py" --benchmark "$AEB" --lede "$WORK/out/pages.jsonl" \
    --lede-seconds "$ONE" --lede-seconds-2 "$TWO" --rejects "$WORK/out/rejects.jsonl"
