#!/usr/bin/env python3
"""Distributional word clusters (PPMI + truncated SVD + k-means) for Lede's entity tagger.

Written from scratch for this task; uses only numpy / scipy / scikit-learn.

Input : wikiextractor-style files (<doc ...> ... </doc>) under --corpus (recursively).
Output: clusters.tsv        lowercase word <TAB> c256 <TAB> c1024   (sorted by word)
        clusters_cased.tsv  case-sensitive word form <TAB> c256 <TAB> c1024 (separate run on cased forms)
        stats.json          token counts, dropped documents, parameters, timings

Method (per vocabulary kind, lowercase and cased):
  * tokens: runs of word characters, joined through inner hyphens/apostrophes
    ("well-known", "O'Brien", "don't" stay whole); every other non-space character is
    its own token (punctuation is kept as context).  U+2019 is mapped to "'".
  * vocabulary: the V most frequent forms with count >= MIN_COUNT.
  * contexts: the C most frequent forms (+ a document-boundary symbol) at relative
    positions -2, -1, +1, +2, each position a separate block of C columns -> V x 4(C+1).
  * PPMI with context-distribution smoothing (alpha = 0.75).
  * truncated SVD (randomized) to DIM dims, word vectors = U * S^0.5, L2-normalised.
  * k-means into 1024 classes (MiniBatchKMeans over all words); the 1024 centroids are
    then clustered (weighted by class size) into 256 classes, so c1024 nests inside c256
    like a Brown-cluster path prefix.
"""
import argparse
import json
import os
import re
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.utils.extmath import randomized_svd

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
DOC_RE = re.compile(r'<doc id="([^"]*)"[^>]*title="([^"]*)">\n(.*?)</doc>', re.S)
WORD_RE = re.compile(r"\w+(?:[-']\w+)*")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def shingles(tokens, n):
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def load_eval_shingles(path, n):
    sh = set()
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        toks = [t.lower() for t in WORD_RE.findall(d["text"].replace("’", "'"))]
        sh |= shingles(toks, n)
    return sh


def iter_docs(corpus_dir):
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(corpus_dir) for f in fs
                   if f.startswith("wiki_"))
    for fn in files:
        text = open(fn, encoding="utf-8").read()
        for m in DOC_RE.finditer(text):
            yield fn, m.group(1), m.group(2), m.group(3)


def tokenize_corpus(args, stats):
    """One pass: returns (lower_ids int32 array, cased_ids int32 array, lower_vocab list, cased_vocab list).
    Documents are separated by id 0 == '<doc>' boundary symbol."""
    eval_sh = load_eval_shingles(args.exclude, args.shingle) if args.exclude else set()
    log("eval shingles", len(eval_sh))
    lower_index = {"<doc>": 0}
    cased_index = {"<doc>": 0}
    lower_chunks, cased_chunks = [], []
    ndocs = dropped = 0
    dropped_titles = []
    for fn, did, title, body in iter_docs(args.corpus):
        body = body.replace("’", "'")
        toks = TOKEN_RE.findall(body)
        if len(toks) < 5:
            continue
        if eval_sh:
            words = [t.lower() for t in toks if t[0].isalnum() or t[0] == "_"]
            hits = sum(1 for s in shingles(words, args.shingle) if s in eval_sh)
            if hits >= args.max_shingle_hits:
                dropped += 1
                dropped_titles.append((title, hits))
                continue
        ndocs += 1
        lo = [lower_index.setdefault(t.lower(), len(lower_index)) for t in toks]
        ca = [cased_index.setdefault(t, len(cased_index)) for t in toks]
        lo.append(0)
        ca.append(0)
        lower_chunks.append(np.asarray(lo, dtype=np.int32))
        cased_chunks.append(np.asarray(ca, dtype=np.int32))
        if ndocs % 5000 == 0:
            log("docs", ndocs, "types", len(lower_index))
    lower = np.concatenate([np.zeros(1, np.int32)] + lower_chunks)
    cased = np.concatenate([np.zeros(1, np.int32)] + cased_chunks)
    stats["documents_used"] = ndocs
    stats["documents_dropped_eval_overlap"] = dropped
    stats["dropped_titles"] = dropped_titles[:50]
    lv = [None] * len(lower_index)
    for w, i in lower_index.items():
        lv[i] = w
    cv = [None] * len(cased_index)
    for w, i in cased_index.items():
        cv[i] = w
    return lower, cased, lv, cv


def cluster(ids, vocab, args, tag, stats):
    t0 = time.time()
    counts = np.bincount(ids, minlength=len(vocab))
    counts[0] = 0  # boundary symbol is not a word
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] >= args.min_count]
    words_order = order[:args.vocab]
    V = len(words_order)
    C = min(args.contexts, V)
    # remap: new id = rank (0..V-1); boundary -> C (a dedicated context column); others -> -1
    remap = np.full(len(vocab), -1, dtype=np.int64)
    remap[words_order] = np.arange(V)
    wid = remap[ids]
    cid = np.where(wid < C, wid, -1)
    cid[ids == 0] = C
    CC = C + 1
    ntok = int((ids != 0).sum())
    log(tag, "tokens", ntok, "vocab", V, "contexts", C)
    M = None
    for k, off in enumerate(args.offsets):
        if off > 0:
            w, c = wid[:-off], cid[off:]
        else:
            w, c = wid[-off:], cid[:off]
        m = (w >= 0) & (c >= 0)
        part = sp.coo_matrix((np.ones(int(m.sum()), dtype=np.float32),
                              (w[m], c[m] + k * CC)), shape=(V, CC * len(args.offsets))).tocsr()
        part.sum_duplicates()
        M = part if M is None else M + part
        log(tag, "offset", off, "nnz", M.nnz)
    del wid, cid
    # PPMI with context distribution smoothing
    M = M.tocsr().astype(np.float64)
    total = M.sum()
    row = np.asarray(M.sum(axis=1)).ravel()
    col = np.asarray(M.sum(axis=0)).ravel() ** args.alpha
    col = col / col.sum()
    M = M.tocoo()
    pmi = np.log(M.data / total) - np.log(row[M.row] / total) - np.log(col[M.col])
    keep = pmi > 0
    P = sp.csr_matrix((pmi[keep].astype(np.float32), (M.row[keep], M.col[keep])), shape=M.shape)
    del M, pmi
    log(tag, "PPMI nnz", P.nnz)
    t1 = time.time()
    U, S, _ = randomized_svd(P, n_components=args.dim, n_iter=args.svd_iter, random_state=0)
    X = U * np.sqrt(S)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-12
    X = X.astype(np.float32)
    log(tag, "SVD done", round(time.time() - t1, 1), "s")
    t2 = time.time()
    if args.kmeans == "full":
        km = KMeans(n_clusters=1024, n_init=1, max_iter=100, random_state=0)
    else:
        km = MiniBatchKMeans(n_clusters=1024, batch_size=8192, n_init=3, max_iter=200,
                             random_state=0, reassignment_ratio=0.01)
    c1024 = km.fit_predict(X)
    # mean cosine similarity of a word to its class centroid direction (higher = tighter)
    cn = km.cluster_centers_ / (np.linalg.norm(km.cluster_centers_, axis=1, keepdims=True) + 1e-12)
    tight1024 = float(np.mean(np.sum(X * cn[c1024], axis=1)))
    cent = km.cluster_centers_
    sizes = np.bincount(c1024, minlength=1024).astype(np.float64)
    used = sizes > 0
    km2 = KMeans(n_clusters=256, n_init=10, random_state=0)
    parent = np.zeros(1024, dtype=np.int64)
    parent[used] = km2.fit_predict(cent[used], sample_weight=sizes[used])
    c256 = parent[c1024]
    log(tag, "k-means done", round(time.time() - t2, 1), "s")
    # renumber c1024 so that the ids of one c256 class are contiguous (prefix-like)
    new = np.argsort(np.lexsort((np.arange(1024), parent)), kind="stable")
    c1024 = new[c1024]
    words = [vocab[i] for i in words_order]
    stats[tag] = {
        "tokens": ntok,
        "types": int((counts > 0).sum()),
        "vocab_size": V,
        "min_count_in_vocab": int(counts[words_order[-1]]),
        "ppmi_nnz": int(P.nnz),
        "nonempty_c1024": int(len(set(c1024.tolist()))),
        "nonempty_c256": int(len(set(c256.tolist()))),
        "seconds_clustering_total": round(time.time() - t0, 1),
        "seconds_svd": round(t2 - t1, 1),
        "seconds_kmeans": round(time.time() - t2, 1),
        "kmeans": args.kmeans,
        "mean_cos_to_c1024_centroid": round(tight1024, 4),
    }
    return words, c256, c1024, counts[words_order]


def write_table(path, words, c256, c1024, cnt=None):
    rows = sorted(zip(words, c256.tolist(), c1024.tolist()))
    with open(path, "w", encoding="utf-8") as f:
        for w, a, b in rows:
            f.write(f"{w}\t{a}\t{b}\n")
    if cnt is not None:  # frequency list, most frequent first (word<TAB>count)
        with open(path[:-4] + ".counts.tsv", "w", encoding="utf-8") as f:
            for w, c in zip(words, cnt.tolist()):
                f.write(f"{w}\t{c}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/data/clusters/corpus")
    ap.add_argument("--out", default="/work/data/clusters")
    ap.add_argument("--exclude", default="/work/shared/eval/gum_wikinews.jsonl")
    ap.add_argument("--shingle", type=int, default=8)
    ap.add_argument("--max-shingle-hits", type=int, default=2)
    ap.add_argument("--vocab", type=int, default=100000)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=2000)
    ap.add_argument("--offsets", type=int, nargs="+", default=[-2, -1, 1, 2])
    ap.add_argument("--alpha", type=float, default=0.75)
    ap.add_argument("--dim", type=int, default=200)
    ap.add_argument("--svd-iter", type=int, default=5)
    ap.add_argument("--no-cased", action="store_true")
    ap.add_argument("--kmeans", choices=["minibatch", "full"], default="minibatch")
    ap.add_argument("--cache", default="", help="npz file to save/load the tokenized corpus")
    args = ap.parse_args()
    stats = {"params": vars(args)}
    T = time.time()
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        lower, cased, lv, cv = z["lower"], z["cased"], list(z["lv"]), list(z["cv"])
        stats.update(json.loads(str(z["stats"])))
    else:
        lower, cased, lv, cv = tokenize_corpus(args, stats)
        if args.cache:
            np.savez(args.cache, lower=lower, cased=cased, lv=np.array(lv, dtype=object),
                     cv=np.array(cv, dtype=object), stats=json.dumps(stats))
    stats["seconds_tokenize"] = round(time.time() - T, 1)
    log("tokenized", len(lower), "ids in", stats["seconds_tokenize"], "s")
    words, c256, c1024, cnt = cluster(lower, lv, args, "lowercase", stats)
    write_table(os.path.join(args.out, "clusters.tsv"), words, c256, c1024, cnt)
    with open(os.path.join(args.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1)
    if not args.no_cased:
        del lower
        words, c256, c1024, cnt = cluster(cased, cv, args, "cased", stats)
        write_table(os.path.join(args.out, "clusters_cased.tsv"), words, c256, c1024, cnt)
    stats["seconds_total"] = round(time.time() - T, 1)
    with open(os.path.join(args.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    log("done", stats["seconds_total"], "s")


if __name__ == "__main__":
    main()
