#!/usr/bin/env python3
"""Misbehaves on purpose, for the tests: answers the handshake with a protocol version lede does not speak."""
import json
import sys

json.loads(sys.stdin.readline())
print(json.dumps({"protocol": "lede-exec", "version": 2, "name": "old-protocol", "layers": []}), flush=True)
for line in sys.stdin:
    pass
