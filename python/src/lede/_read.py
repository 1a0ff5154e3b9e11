"""Reading Lede's JSON Lines records (docs/output-format.md)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Optional, Union

#: The record format version this package reads: the ``"lede"`` key of every record.
FORMAT_VERSION = 1

#: Files in an output folder that are JSON Lines but not records.
NOT_RECORDS = ("rejects.jsonl", "order.jsonl")

Record = Dict[str, Any]
Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


class LedeFormatError(ValueError):
    """A line that is not a Lede record of a format version this package reads."""


def read(source: Source, *, check_version: bool = True) -> Iterator[Record]:
    """Yield the records (dicts) of a Lede JSON Lines output, one per document, in order.

    ``source`` is one of:

    - a JSON Lines file written by the ``write`` stage (``out/news.jsonl``);
    - an output folder (``out/``): its JSON Lines output as ``manifest.json`` names it (the ``write``
      stage's ``jsonl``), or, without a manifest, the folder's only ``*.jsonl`` file other than
      ``rejects.jsonl`` and ``order.jsonl``;
    - ``"-"`` for standard input, or an open file object (text or binary).

    Every record must carry ``"lede": 1``, the format version of docs/output-format.md;
    :class:`LedeFormatError` names the file and line otherwise (with ``check_version=False`` only
    lines that are not JSON objects are refused). Empty lines are skipped. The file is opened when
    iteration starts and closed when it ends; a missing file or folder raises at once.
    """
    if source == "-":
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        return _records(stream, "<stdin>", check_version)
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        return _records(source, str(name) if isinstance(name, str) else "<stream>", check_version)  # type: ignore[arg-type]
    path = Path(os.fspath(source))  # type: ignore[arg-type]
    if path.is_dir():
        path = jsonl_output(path)
    elif not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    return _read_file(path, check_version)


def jsonl_output(folder: Union[str, "os.PathLike[str]"]) -> Path:
    """The path of the JSON Lines records in a Lede output folder.

    Uses ``manifest.json`` when present (the ``write`` stage's ``jsonl`` option, else the one
    ``*.jsonl`` output that holds records); without it, the folder's only ``*.jsonl`` that is not
    ``rejects.jsonl`` or ``order.jsonl``. Raises :class:`FileNotFoundError` when there is none and
    :class:`LedeFormatError` when it is ambiguous.
    """
    folder = Path(os.fspath(folder))
    manifest_path = folder / "manifest.json"
    candidates: List[str] = []
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise LedeFormatError(f"{manifest_path}: not JSON ({error})") from None
        named = _jsonl_from_manifest(manifest)
        if named is not None:
            path = folder / named
            if not path.is_file():
                raise FileNotFoundError(f"{manifest_path} names {named}, which is not in {folder}")
            return path
        outputs = manifest.get("outputs") if isinstance(manifest, dict) else None
        for output in outputs if isinstance(outputs, list) else []:
            p = output.get("path") if isinstance(output, dict) else None
            if isinstance(p, str) and p.endswith(".jsonl") and Path(p).name not in NOT_RECORDS:
                candidates.append(p)
        where = f"{manifest_path} lists"
    else:
        candidates = sorted(p.name for p in folder.glob("*.jsonl") if p.name not in NOT_RECORDS)
        where = f"{folder} holds"
    if len(candidates) == 1:
        return folder / candidates[0]
    if not candidates:
        raise FileNotFoundError(
            f"{where} no JSON Lines records: add `jsonl: NAME.jsonl` to the pipeline's write stage"
        )
    raise LedeFormatError(f"{where} several JSON Lines files ({', '.join(candidates)}): pass one of them to read()")


def _jsonl_from_manifest(manifest: Any) -> Optional[str]:
    """The ``write`` stage's ``jsonl`` option in a manifest, when there is one."""
    try:
        stages = manifest["pipeline"]["stages"]
    except (KeyError, TypeError):
        return None
    for stage in stages if isinstance(stages, list) else []:
        if isinstance(stage, dict) and stage.get("name") == "write":
            options = stage.get("options")
            jsonl = options.get("jsonl") if isinstance(options, dict) else None
            if isinstance(jsonl, str) and jsonl:
                return jsonl
    return None


def _read_file(path: Path, check_version: bool) -> Iterator[Record]:
    with open(path, "rb") as f:
        yield from _records(f, str(path), check_version)


def _records(stream: Union[IO[str], IO[bytes]], name: str, check_version: bool) -> Iterator[Record]:
    for number, line in enumerate(stream, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as error:
                raise LedeFormatError(f"{name}:{number}: not UTF-8 ({error})") from None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise LedeFormatError(f"{name}:{number}: not JSON ({error}): {_clip(line)}") from None
        if not isinstance(record, dict):
            raise LedeFormatError(f"{name}:{number}: a JSON {type(record).__name__}, not a record: {_clip(line)}")
        if check_version:
            check_record(record, f"{name}:{number}")
        yield record


def check_record(record: Record, where: str = "record") -> None:
    """Raise :class:`LedeFormatError` unless ``record`` carries the format version this package reads."""
    if "lede" not in record:
        hint = ""
        if "reason" in record and "stage" in record:
            hint = " (this looks like rejects.jsonl, which lists the documents that were refused)"
        elif "manifest" in record:
            hint = " (this looks like a manifest)"
        raise LedeFormatError(f"{where}: not a Lede record: it has no \"lede\" format version{hint}")
    version = record["lede"]
    if version != FORMAT_VERSION or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
        advice = (
            "; upgrade the lede Python package to read it" if newer
            else " (docs/output-format.md describes version 1)"
        )
        raise LedeFormatError(
            f"{where}: record format version {version!r}, but this package reads version {FORMAT_VERSION}{advice}"
        )


def _clip(line: str, n: int = 80) -> str:
    line = line.rstrip("\n")
    return repr(line if len(line) <= n else line[:n] + "...")

