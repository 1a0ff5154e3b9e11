#!/usr/bin/env python3
"""Print the most frequent members of the clusters that contain some probe words.
usage: sanity.py [clusters.tsv] [word,word,...]"""
import sys
from collections import defaultdict

table = sys.argv[1] if len(sys.argv) > 1 else "/work/data/clusters/clusters.tsv"
probes = sys.argv[2].split(",") if len(sys.argv) > 2 else \
    "pittsburgh,smith,microsoft,said,tuesday,ministry,fc,minister,inc".split(",")
TOP = 20
freq = {}
for line in open(table[:-4] + ".counts.tsv", encoding="utf-8"):
    w, c = line.rstrip("\n").split("\t")
    freq[w] = int(c)
by256, by1024, info = defaultdict(list), defaultdict(list), {}
for line in open(table, encoding="utf-8"):
    w, a, b = line.rstrip("\n").split("\t")
    by256[a].append(w)
    by1024[b].append(w)
    info[w] = (a, b)
key = lambda w: -freq.get(w, 0)
for p in probes:
    if p not in info:
        print(f"{p}: not in vocabulary\n")
        continue
    a, b = info[p]
    m1024, m256 = sorted(by1024[b], key=key), sorted(by256[a], key=key)
    print(f"{p} (count {freq.get(p)}):")
    print(f"  c1024={b} ({len(m1024)} words): " + " ".join(m1024[:TOP]))
    print(f"  c256={a} ({len(m256)} words): " + " ".join(m256[:TOP]))
    print()
