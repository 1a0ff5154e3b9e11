"""Exec plugins in Python: the ``lede-exec`` protocol, version 1 (docs/exec-protocol.md).

A plugin is a function from one record (a dict, as docs/output-format.md describes) to the spans it
adds, by layer::

    from lede.plugin import serve

    def annotate(record):
        text = record["text"]
        i = text.find("Seoul")
        return {"places": [] if i < 0 else [{"start": i, "end": i + 5, "label": "CITY"}]}

    if __name__ == "__main__":
        serve(annotate, name="seoul-finder", layers=["places"])

and in the pipeline: ``- exec: { command: [python3, seoul_finder.py], timeout: 5s }``.

A plugin that corrects a layer rather than adding to it declares the layers it replaces, returns an
:class:`Answer` with each one's complete new list of spans (leaving a span out deletes it), and the
pipeline names the same layers in the stage's ``replaces`` option::

    def fix_orgs(record):
        entities = [dict(e, label="ORG") if e["text"] in ORGS else e for e in record["entities"]]
        return Answer(replace={"entities": [e for e in entities if e["text"] not in NOISE]})

    serve(fix_orgs, name="fix-orgs", replaces=["entities"])

with ``- exec: { command: [python3, fix_orgs.py], replaces: [entities] }``.

While :func:`serve` runs, ``print()`` and anything else written to standard output (even by a child
process or a C library) goes to standard error, so it cannot corrupt the answers; ``input()`` reads
nothing. The old helper's call ``serve(name, layers, annotate)`` (Examples/plugins/lede_plugin.py)
works too.
"""
from __future__ import annotations

import json
import os
import sys
import traceback
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

PROTOCOL = "lede-exec"
VERSION = 1

Spans = List[Dict[str, Any]]
Layers = Mapping[str, Sequence[Mapping[str, Any]]]


class PluginError(Exception):
    """Raised by a handler: quarantines the current document with this message; the plugin goes on."""


@dataclass
class Answer:
    """What a handler may return instead of a plain ``{layer: spans}`` dict, to add warnings or replace layers.

    ``layers`` are spans added, by layer. ``replace`` gives, for layers the plugin declared with
    ``serve(..., replaces=[...])``, each one's complete new list of spans: the layer becomes exactly that
    list (``[]`` empties it), and a declared layer left out of ``replace`` stays as it was. Spans the
    handler keeps are best passed back as the record gave them (``dict(span, label="ORG")``), so their
    attributes stay. ``warnings`` are added to the record's warnings, prefixed with the plugin's name.
    """

    layers: Layers = field(default_factory=dict)
    warnings: Sequence[str] = ()
    replace: Layers = field(default_factory=dict)


Handler = Callable[[Dict[str, Any]], Union[Layers, Answer, None]]


def serve(
    handler: Union[Handler, str],
    layers_or_none: Union[Sequence[str], None] = None,
    annotate: Optional[Handler] = None,
    *,
    name: Optional[str] = None,
    layers: Optional[Sequence[str]] = None,
    replaces: Optional[Sequence[str]] = None,
    stdin: Optional[IO[Any]] = None,
    stdout: Optional[IO[Any]] = None,
    catch: bool = True,
) -> None:
    """Answer Lede's exec stage until it closes standard input, then return.

    ``handler(record)`` returns ``{layer: [span, ...]}`` (or an :class:`Answer`, or None for no spans).
    A span is ``{"start": ..., "end": ..., "label": ..., ...}``: code-point offsets into
    ``record["text"]`` (Python's ``str`` indexing), an optional label, an optional ``text`` that must
    equal the text at those offsets, and any other keys as attributes.

    ``name`` (default: the handler's ``name`` attribute, else the script's file name) and ``layers``
    (default: the handler's ``layers`` attribute) go into the handshake; Lede refuses spans in a layer
    that was not declared. ``replaces`` (default: the handler's ``replaces`` attribute, else none) names
    the layers whose spans the handler may replace through :attr:`Answer.replace`; the pipeline's exec
    stage must name the same layers in its ``replaces`` option, or Lede stops the run at the handshake.
    A plugin that only replaces needs no ``layers``.

    :class:`PluginError` from the handler quarantines that document with its message. So does any
    other exception when ``catch`` is true (the default), with its traceback on standard error; with
    ``catch=False`` it ends the plugin, and Lede quarantines the document and restarts a worker.
    ``SystemExit`` and ``KeyboardInterrupt`` always end it.

    When the handshake is not Lede's, or another protocol version, the plugin exits with a message
    on standard error (``SystemExit``), as the protocol asks. ``stdin``/``stdout`` replace the process's
    streams (for tests); then only ``sys.stdout`` is redirected, not the file descriptor.
    """
    if isinstance(handler, str):  # serve(name, layers, annotate), as Examples/plugins/lede_plugin.py
        if annotate is None or layers_or_none is None:
            raise TypeError("serve(name, layers, annotate) needs all three; or call serve(handler, name=..., layers=...)")
        name, layers, handler = handler, list(layers_or_none), annotate
    elif layers_or_none is not None:
        if layers is not None:
            raise TypeError("layers given twice")
        layers = list(layers_or_none)
    if not callable(handler):
        raise TypeError(f"serve() needs a callable handler, not {type(handler).__name__}")
    if layers is None:
        layers = getattr(handler, "layers", None)
    if replaces is None:
        replaces = getattr(handler, "replaces", None) or []
    if isinstance(replaces, str):
        raise TypeError("replaces must be a list of layer names: serve(handler, replaces=[\"entities\"])")
    if layers is None and replaces:
        layers = []
    if layers is None or isinstance(layers, str):
        raise TypeError("serve() needs the layers the plugin writes, as a list: serve(handler, layers=[\"sentiment\"])")
    if name is None:
        name = getattr(handler, "name", None) or _program_name()
    declared = [str(layer) for layer in layers]
    replaced = [str(layer) for layer in replaces]

    with _Streams(stdin, stdout) as (lines_in, answers_out):
        hello_line = lines_in.readline()
        try:
            hello = json.loads(hello_line) if hello_line.strip() else None
        except ValueError:
            hello = None
        if not isinstance(hello, dict) or hello.get("protocol") != PROTOCOL:
            raise SystemExit(f"{name}: not started by lede's exec stage (no lede-exec handshake on stdin)")
        if hello.get("version") != VERSION:
            raise SystemExit(f"{name}: lede speaks protocol version {hello.get('version')}, this plugin speaks {VERSION}")
        # Python's str indexing counts code points, as Lede's offsets do: declared, so spans need no "text".
        handshake: Dict[str, Any] = {"protocol": PROTOCOL, "version": VERSION, "name": name, "layers": declared,
                                     "offsets": "codepoints"}
        if replaced:
            handshake["replaces"] = replaced
        answers_out.write(_dump(handshake))
        answers_out.flush()
        for line in lines_in:
            if not line.strip():
                continue
            record = json.loads(line)
            answers_out.write(_answer(handler, record, catch, name, replaced))
            # Lede keeps several documents in flight; flushing each answer lets it go on at once.
            answers_out.flush()


def _answer(handler: Handler, record: Dict[str, Any], catch: bool, name: str, replaces: Sequence[str] = ()) -> str:
    doc_id = record.get("id")
    try:
        result = handler(record)
        if isinstance(result, Answer):
            answer: Dict[str, Any] = {"id": doc_id, "layers": dict(result.layers)}
            if result.replace:
                undeclared = sorted(set(result.replace) - set(replaces))
                if undeclared:
                    # Lede would reject the document too; said here, where the mistake is, and by name.
                    raise ValueError(f"the handler replaced {undeclared}, which serve() was not given in "
                                     f"replaces={list(replaces)}")
                answer["replace"] = {layer: list(spans) for layer, spans in result.replace.items()}
            if result.warnings:
                answer["warnings"] = [str(w) for w in result.warnings]
        elif result is None:
            answer = {"id": doc_id, "layers": {}}
        elif isinstance(result, Mapping):
            answer = {"id": doc_id, "layers": dict(result)}
        else:
            raise TypeError(f"the handler returned {type(result).__name__}; it must return a dict of layers, an Answer or None")
        return _dump(answer)
    except PluginError as error:
        return _dump({"id": doc_id, "error": str(error)})
    except Exception as error:
        if not catch:
            raise
        print(f"{name}: document {doc_id}: {type(error).__name__}: {error}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        sys.stderr.flush()
        return _dump({"id": doc_id, "error": f"{type(error).__name__}: {error}"})


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain) + "\n"


def _plain(value: Any) -> Any:
    """numpy scalars and arrays, sets and tuples-like values, as JSON can hold them."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _program_name() -> str:
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "plugin"
    base = os.path.basename(argv0)
    return base[:-3] if base.endswith(".py") else base or "plugin"


class _Streams:
    """Protocol lines in and out, with everything else that writes to stdout sent to stderr."""

    def __init__(self, stdin: Optional[IO[Any]], stdout: Optional[IO[Any]]) -> None:
        self.given_in, self.given_out = stdin, stdout
        self.saved_fd: Optional[int] = None

    def __enter__(self):
        self.old_stdout, self.old_stdin = sys.stdout, sys.stdin
        self.close_in = self.close_out = False
        lines_in, answers_out = self.given_in, self.given_out
        if lines_in is None:
            try:
                lines_in = open(os.dup(sys.stdin.fileno()), "r", encoding="utf-8", newline="\n")
                self.close_in = True
            except (AttributeError, OSError, ValueError):  # a stdin without a file descriptor
                lines_in = sys.stdin
        if answers_out is None:
            sys.stdout.flush()
            try:
                # The protocol keeps a copy of file descriptor 1; descriptor 1 itself becomes stderr, so
                # that print(), C libraries and child processes all write their chatter there.
                protocol_fd = os.dup(sys.stdout.fileno())
                self.saved_fd = os.dup(1)
                os.dup2(sys.stderr.fileno(), 1)
                answers_out = open(protocol_fd, "w", encoding="utf-8", newline="\n")
                self.close_out = True
            except (AttributeError, OSError, ValueError):  # a stdout without a file descriptor
                answers_out = sys.stdout
        self.lines_in, self.answers_out = lines_in, answers_out
        sys.stdout = sys.stderr
        sys.stdin = open(os.devnull, "r")
        return lines_in, answers_out

    def __exit__(self, *exc: Any) -> None:
        try:
            sys.stdin.close()
        finally:
            sys.stdout, sys.stdin = self.old_stdout, self.old_stdin
            if self.close_in:
                self.lines_in.close()
            try:
                if self.close_out:
                    self.answers_out.close()
            finally:
                if self.saved_fd is not None:
                    os.dup2(self.saved_fd, 1)
                    os.close(self.saved_fd)
                    self.saved_fd = None
