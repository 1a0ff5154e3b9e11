#!/usr/bin/env python3
"""Misbehaves on purpose, for the tests: each marker word in a document's text asks for one mistake."""
import json
import os
import sys

from lede_plugin import PluginError, serve


def annotate(record):
    text = record["text"]
    if "NOTJSON" in text:
        # Stray output before the answer, as a print() left in a plugin writes it: free text, and a JSON
        # object that answers no document. Neither is taken for the answer.
        raise Garbage("this is not { json\n" + json.dumps({"debug": "checkpoint"}) + "\n"
                      + json.dumps({"id": record["id"], "layers": {"marks": []}}) + "\n")
    if "LONGLINE" in text:
        raise Garbage(json.dumps({"id": record["id"], "layers": {"marks": []}, "pad": "x" * 100_000}) + "\n")
    if "OUTSIDE" in text:
        return {"marks": [{"start": 0, "end": len(text) + 5}]}
    if "UNDECLARED" in text:
        return {"other": []}
    if "WRONGTEXT" in text:
        # Claims the first word's text, but counts UTF-16 units the way JavaScript would.
        start = len(text[: text.index("WRONGTEXT")].encode("utf-16-le")) // 2
        return {"marks": [{"start": start, "end": start + 9, "text": "WRONGTEXT"}]}
    if "REFUSE" in text:
        raise PluginError("this document is not for me")
    if "ENVIRONMENT" in text:
        return {"marks": [{"start": 0, "end": 1, "label": "env", "names": sorted(os.environ)}]}
    return {"marks": [{"start": 0, "end": 1, "label": "seen"}]}


class Garbage(Exception):
    def __init__(self, line):
        self.line = line


if __name__ == "__main__":
    # Its own loop rather than lede_plugin.serve, so that a mistake can replace the answer line.
    json.loads(sys.stdin.readline())
    print(json.dumps({"protocol": "lede-exec", "version": 1, "name": "garbage", "layers": ["marks"],
                      "offsets": "codepoints"}), flush=True)
    for line in sys.stdin:
        record = json.loads(line)
        try:
            answer = json.dumps({"id": record["id"], "layers": annotate(record)}) + "\n"
        except Garbage as g:
            answer = g.line
        except PluginError as e:
            answer = json.dumps({"id": record["id"], "error": str(e)}) + "\n"
        sys.stdout.write(answer)
        sys.stdout.flush()
