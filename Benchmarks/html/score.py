#!/usr/bin/env python3
"""Scores Lede's output, trafilatura and readability-lxml on article-extraction-benchmark.

Scoring is the benchmark's own: its evaluate.py is imported, so the token-level 4-gram shingle precision,
recall and F1 (and the bootstrap spread) are exactly the published ones. trafilatura and readability-lxml
run here, in this process, on the pages as the benchmark's own runners read them, and are timed over the
extraction calls alone, in CPU seconds (the machine may be shared, so wall clock says little); Lede's
time is the CPU time of the whole `lede run`, start-up, reading and gunzip included.
"""
import argparse
import gzip
import json
import sys
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--benchmark", type=Path, required=True)
    ap.add_argument("--lede", type=Path, required=True, help="Lede's JSON Lines output")
    ap.add_argument("--lede-seconds", type=float, required=True, help="CPU seconds of lede run --jobs 1")
    ap.add_argument("--lede-seconds-2", type=float, help="wall clock of lede run --jobs 2")
    ap.add_argument("--rejects", type=Path)
    ap.add_argument("--n-bootstrap", type=int, default=200)
    args = ap.parse_args()

    sys.path.insert(0, str(args.benchmark))
    from evaluate import evaluate, load_json  # the benchmark's scorer, unchanged

    truth = load_json(args.benchmark / "ground-truth.json")
    pages = {}
    for path in sorted((args.benchmark / "html").glob("*.html.gz")):
        with gzip.open(path, "rt", encoding="utf8") as f:
            pages[path.stem.split(".")[0]] = f.read()

    lede = {key: {"articleBody": ""} for key in truth}
    for line in args.lede.read_text(encoding="utf8").splitlines():
        record = json.loads(line)
        lede[record["id"].split(".")[0]] = {"articleBody": record["text"]}
    rejected = len(args.rejects.read_text().splitlines()) if args.rejects and args.rejects.exists() else 0

    rows = [("lede", lede, len(pages) / args.lede_seconds, "")]
    if args.lede_seconds_2:
        rows[0] = ("lede", lede, len(pages) / args.lede_seconds, f"{len(pages) / args.lede_seconds_2:.0f} pages/s wall clock on 2 jobs")

    import trafilatura
    out, t0 = {}, time.process_time()
    for key, html in pages.items():
        out[key] = {"articleBody": trafilatura.extract(html, include_comments=False) or ""}
    rows.append((f"trafilatura {trafilatura.__version__}", out, len(pages) / (time.process_time() - t0), ""))

    import html_text
    from readability import Document
    out, t0 = {}, time.process_time()
    for key, html in pages.items():
        out[key] = {"articleBody": html_text.extract_text(Document(html).summary(html_partial=True))}
    rows.append(("readability-lxml", out, len(pages) / (time.process_time() - t0), ""))

    print(f"{len(pages)} pages; Lede rejected {rejected}\n")
    print("| extractor | F1 | precision | recall | pages per CPU second | |")
    print("|---|---|---|---|---|---|")
    for name, prediction, speed, note in rows:
        m = evaluate(truth, prediction, args.n_bootstrap)
        print(f"| {name} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {speed:.1f} | {note} |")


if __name__ == "__main__":
    main()
