#!/usr/bin/env python3
"""Misbehaves on purpose, for the tests: answers two documents, then exits cleanly while more wait."""
import json
import sys

json.loads(sys.stdin.readline())
print(json.dumps({"protocol": "lede-exec", "version": 1, "name": "early-exit", "layers": ["marks"]}), flush=True)
for n, line in enumerate(sys.stdin):
    if n == 2:
        sys.exit(0)
    record = json.loads(line)
    print(json.dumps({"id": record["id"], "layers": {}}), flush=True)
