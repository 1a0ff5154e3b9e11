#!/usr/bin/env python3
"""Entity-level scorer for CoNLL-style IOB files (standard library only).

Usage: score_iob.py GOLD.iob PRED.iob [--json] [--micro-labels PERSON,ORG,LOC]

Both files: one `TOKEN<TAB>TAG` per line (whitespace-separated also accepted),
blank lines between sentences, `-DOCSTART-` lines ignored. The files must have
the same tokens in the same order. Entities are read from IOB2 tags (an I-X that
does not continue an X entity starts a new one, as in conlleval) and scored by
exact span + label match. Prints per-label precision/recall/F1 and a micro
average over --micro-labels (default PERSON,ORG,LOC) and over all labels.
"""
import argparse
import json
import sys
from collections import Counter


def read(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def spans(tags):
    out, start, lab = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        pre, _, l = t.partition("-")
        if start is not None and not (pre == "I" and l == lab):
            out.add((start, i, lab))
            start = lab = None
        if pre == "B" or (pre == "I" and start is None):
            start, lab = i, l
    return out


def score(gold_path, pred_path):
    gold, pred = read(gold_path), read(pred_path)
    if len(gold) != len(pred):
        sys.exit(f"sentence count differs: gold {len(gold)} vs pred {len(pred)}")
    tp, ng, np_ = Counter(), Counter(), Counter()
    for si, (g, p) in enumerate(zip(gold, pred)):
        if [t for t, _ in g] != [t for t, _ in p]:
            sys.exit(f"tokens differ in sentence {si}")
        gs = {(s, e, l) for s, e, l in spans([t for _, t in g])}
        ps = {(s, e, l) for s, e, l in spans([t for _, t in p])}
        for _, _, l in gs:
            ng[l] += 1
        for _, _, l in ps:
            np_[l] += 1
        for _, _, l in gs & ps:
            tp[l] += 1
    return tp, ng, np_


def prf(tp, ng, np_):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": ng, "pred": np_, "correct": tp}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--micro-labels", default="PERSON,ORG,LOC")
    a = ap.parse_args()
    tp, ng, np_ = score(a.gold, a.pred)
    labels = sorted(set(ng) | set(np_))
    res = {l: prf(tp[l], ng[l], np_[l]) for l in labels}
    ml = [l for l in a.micro_labels.split(",") if l]
    res["micro(" + ",".join(ml) + ")"] = prf(sum(tp[l] for l in ml), sum(ng[l] for l in ml),
                                             sum(np_[l] for l in ml))
    res["micro(all)"] = prf(sum(tp.values()), sum(ng.values()), sum(np_.values()))
    if a.json:
        print(json.dumps(res, indent=1))
        return
    print(f"{'label':<24}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}{'ok':>8}")
    for k, v in res.items():
        print(f"{k:<24}{v['precision']:>8.4f}{v['recall']:>8.4f}{v['f1']:>8.4f}"
              f"{v['gold']:>8}{v['pred']:>8}{v['correct']:>8}")


if __name__ == "__main__":
    main()
