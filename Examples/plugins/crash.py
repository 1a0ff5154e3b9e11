#!/usr/bin/env python3
"""Misbehaves on purpose, for the tests: dies on any document whose text contains CRASH."""
import sys

from lede_plugin import serve


def annotate(record):
    if "CRASH" in record["text"]:
        print(f"crash.py: cannot cope with document {record['id']}", file=sys.stderr, flush=True)
        sys.exit(70)
    return {"marks": [{"start": 0, "end": 1, "label": "seen"}]}


if __name__ == "__main__":
    serve("crash", ["marks"], annotate)
