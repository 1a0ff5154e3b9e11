#!/usr/bin/env python3
"""A keyword sentiment tagger for news sentences: a working lede exec plugin with no dependencies.

Each sentence (from the `split` stage) gets a `sentiment` span labelled positive, negative or neutral,
with the score (positive minus negative cue words) and the cue words found.
"""
import re

from lede_plugin import serve

POSITIVE = {
    "agree", "agreed", "agreement", "benefit", "boost", "celebrate", "celebrated", "gain", "gains", "good",
    "grateful", "growth", "happy", "hope", "hopeful", "improve", "improved", "praise", "praised", "progress",
    "record", "recover", "recovered", "relief", "rescued", "safe", "success", "successful", "support",
    "thanked", "welcome", "welcomed", "win", "won",
}
NEGATIVE = {
    "accident", "anger", "angry", "attack", "ban", "blamed", "collapse", "concern", "concerns", "crisis",
    "damage", "damaged", "dead", "death", "deaths", "decline", "delay", "delayed", "fail", "failed", "fear",
    "fears", "fire", "flood", "injured", "killed", "loss", "losses", "missing", "protest", "shortage",
    "storm", "strike", "warned", "worst",
}
WORD = re.compile(r"[A-Za-z']+")


def annotate(record):
    text = record["text"]
    spans = []
    for sentence in record["sentences"]:
        words = [w.lower() for w in WORD.findall(text[sentence["start"]:sentence["end"]])]
        cues = sorted({w for w in words if w in POSITIVE or w in NEGATIVE})
        score = sum(1 for w in words if w in POSITIVE) - sum(1 for w in words if w in NEGATIVE)
        label = "positive" if score > 0 else "negative" if score < 0 else "neutral"
        spans.append({"start": sentence["start"], "end": sentence["end"], "label": label, "score": score, "cues": cues})
    return {"sentiment": spans}


if __name__ == "__main__":
    serve("sentiment", ["sentiment"], annotate)
