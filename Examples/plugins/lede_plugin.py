"""The lede-exec protocol, version 1, for plugins written in Python (standard library only).

A plugin calls `serve(name, layers, annotate)`. `annotate(record)` gets one document as its JSON Lines
record (docs/output-format.md) and returns a dict mapping each layer it writes to a list of spans:
{"start": ..., "end": ..., "label": ..., any other keys become attributes}. Offsets are code points into
record["text"], which is what Python's str indexing counts. Raise PluginError to quarantine one document.

See docs/exec-protocol.md.
"""
import json
import sys

PROTOCOL = "lede-exec"
VERSION = 1


class PluginError(Exception):
    """Quarantines the current document with this message; the plugin goes on with the next."""


def serve(name, layers, annotate):
    stdin, stdout = sys.stdin, sys.stdout
    hello = json.loads(stdin.readline() or "null")
    if not isinstance(hello, dict) or hello.get("protocol") != PROTOCOL:
        sys.exit(f"{name}: not started by lede's exec stage (no lede-exec handshake on stdin)")
    if hello.get("version") != VERSION:
        sys.exit(f"{name}: lede speaks protocol version {hello.get('version')}, this plugin speaks {VERSION}")
    # Python's str indexing counts code points, as Lede's offsets do: declared, so spans need no "text".
    stdout.write(json.dumps({"protocol": PROTOCOL, "version": VERSION, "name": name, "layers": layers,
                             "offsets": "codepoints"}) + "\n")
    stdout.flush()
    for line in stdin:
        record = json.loads(line)
        try:
            answer = {"id": record["id"], "layers": annotate(record)}
        except PluginError as error:
            answer = {"id": record["id"], "error": str(error)}
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        # Lede keeps several documents in flight; flushing each answer lets it go on at once.
        stdout.flush()
