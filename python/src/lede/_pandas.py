"""Lede records as tidy pandas DataFrames."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, NamedTuple, Union

from ._read import Record, Source, check_record, read

if TYPE_CHECKING:  # pragma: no cover
    import pandas


class Frames(NamedTuple):
    """One tidy DataFrame per kind of row. Offsets are code points into the document's cleaned ``text``
    (``documents.text``), except in ``removed``, whose offsets point into the original text."""

    documents: "pandas.DataFrame"
    """One row per document: id, source, source_line, source_part, text, characters, words,
    paragraphs, sentences, entities, quotes, removed (counts), reading_minutes, warnings (list), meta (dict)."""
    entities: "pandas.DataFrame"
    """document, start, end, label, text, canonical."""
    quotes: "pandas.DataFrame"
    """document, start, end, text, kind, cue, speaker, speaker_start, speaker_end, mention,
    mention_start, mention_end."""
    removed: "pandas.DataFrame"
    """document, start, end, text, reason, rule (offsets into the original text)."""
    sentences: "pandas.DataFrame"
    """document, seq, start, end, text."""
    layers: "pandas.DataFrame"
    """Spans of the layers added by custom stages and plugins: document, layer, start, end, label,
    text, attributes (dict of the span's other keys)."""


DOCUMENT_COLUMNS = ["id", "source", "source_line", "source_part", "text", "characters", "words", "paragraphs",
                    "sentences", "entities", "quotes", "removed", "reading_minutes", "warnings", "meta"]
ENTITY_COLUMNS = ["document", "start", "end", "label", "text", "canonical"]
QUOTE_COLUMNS = ["document", "start", "end", "text", "kind", "cue", "speaker", "speaker_start", "speaker_end",
                 "mention", "mention_start", "mention_end"]
REMOVED_COLUMNS = ["document", "start", "end", "text", "reason", "rule"]
SENTENCE_COLUMNS = ["document", "seq", "start", "end", "text"]
LAYER_COLUMNS = ["document", "layer", "start", "end", "label", "text", "attributes"]


def _import_pandas():
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "lede.to_pandas needs pandas, which is not installed: pip install 'lede[pandas]' (or pip install pandas)"
        ) from error
    return pandas


def to_pandas(path_or_records: Union[Source, Iterable[Record], Record]) -> Frames:
    """Tidy DataFrames of Lede records: ``documents``, ``entities``, ``quotes``, ``removed``,
    ``sentences`` and ``layers`` (a :class:`Frames` named tuple).

    ``path_or_records`` is anything :func:`lede.read` takes (a JSON Lines file, an output folder, ``"-"``,
    a file object), or records already read (an iterable of dicts, or one dict).

    Offsets are Unicode code points, as in Python, so for an entity row ``e`` of document ``d``,
    ``d.text[e.start:e.end] == e.text``. Offsets are ``int64`` and optional offsets (a quote's
    speaker) pandas' nullable ``Int64``. Raises ImportError with the command to run when pandas is not
    installed.
    """
    pd = _import_pandas()
    if isinstance(path_or_records, Mapping):
        records: Iterable[Record] = [path_or_records]  # type: ignore[list-item]
    elif isinstance(path_or_records, (str, os.PathLike)) or hasattr(path_or_records, "read"):
        records = read(path_or_records)  # type: ignore[arg-type]
    else:
        records = path_or_records  # type: ignore[assignment]

    documents: List[Dict[str, Any]] = []
    entities: List[Dict[str, Any]] = []
    quotes: List[Dict[str, Any]] = []
    removed: List[Dict[str, Any]] = []
    sentences: List[Dict[str, Any]] = []
    layers: List[Dict[str, Any]] = []
    for n, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise TypeError(f"record {n} is a {type(record).__name__}, not a dict")
        check_record(record, f"record {n} ({record.get('id', 'no id')!r})")  # type: ignore[arg-type]
        doc = record["id"]
        text = record.get("text", "")
        stats = record.get("stats") or {}
        documents.append({
            "id": doc,
            "source": record.get("source"),
            "source_line": record.get("source_line"),
            "source_part": record.get("source_part"),
            "text": text,
            "characters": stats.get("characters", len(text)),
            "words": stats.get("words"),
            "paragraphs": len(record.get("paragraphs", ())),
            "sentences": len(record.get("sentences", ())),
            "entities": len(record.get("entities", ())),
            "quotes": len(record.get("quotes", ())),
            "removed": len(record.get("removed", ())),
            "reading_minutes": stats.get("reading_minutes"),
            "warnings": list(record.get("warnings", ())),
            "meta": dict(record.get("meta") or {}),
        })
        for e in record.get("entities", ()):
            entities.append({"document": doc, "start": e["start"], "end": e["end"], "label": e.get("label"),
                             "text": e.get("text", text[e["start"]:e["end"]]), "canonical": e.get("canonical")})
        for q in record.get("quotes", ()):
            speaker = q.get("speaker") or {}
            mention = speaker.get("mention") or {}
            quotes.append({"document": doc, "start": q["start"], "end": q["end"],
                           "text": q.get("text", text[q["start"]:q["end"]]), "kind": q.get("kind"),
                           "cue": q.get("cue"), "speaker": speaker.get("text"),
                           "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
                           "mention": mention.get("text"), "mention_start": mention.get("start"),
                           "mention_end": mention.get("end")})
        for r in record.get("removed", ()):
            removed.append({"document": doc, "start": r["start"], "end": r["end"], "text": r.get("text"),
                            "reason": r.get("reason"), "rule": r.get("rule")})
        for seq, s in enumerate(record.get("sentences", ())):
            sentences.append({"document": doc, "seq": seq, "start": s["start"], "end": s["end"],
                              "text": text[s["start"]:s["end"]]})
        for layer in sorted(record.get("layers") or {}):
            for span in record["layers"][layer]:
                attributes = {k: v for k, v in span.items() if k not in ("start", "end", "label", "text")}
                layers.append({"document": doc, "layer": layer, "start": span["start"], "end": span["end"],
                               "label": span.get("label"), "text": text[span["start"]:span["end"]],
                               "attributes": attributes})

    def frame(rows: List[Dict[str, Any]], columns: List[str], ints=(), nullable_ints=()) -> "pandas.DataFrame":
        df = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})
        for c in ints:
            df[c] = df[c].astype("int64")
        for c in nullable_ints:
            df[c] = df[c].astype("Int64")
        for c in columns:
            if c not in ints and c not in nullable_ints and df[c].dtype == "float64" and not rows:
                df[c] = df[c].astype("object")
        return df

    return Frames(
        documents=frame(documents, DOCUMENT_COLUMNS, ints=("characters", "paragraphs", "sentences", "entities",
                                                           "quotes", "removed"),
                        nullable_ints=("words", "source_line", "source_part")),
        entities=frame(entities, ENTITY_COLUMNS, ints=("start", "end")),
        quotes=frame(quotes, QUOTE_COLUMNS, ints=("start", "end"),
                     nullable_ints=("speaker_start", "speaker_end", "mention_start", "mention_end")),
        removed=frame(removed, REMOVED_COLUMNS, ints=("start", "end")),
        sentences=frame(sentences, SENTENCE_COLUMNS, ints=("seq", "start", "end")),
        layers=frame(layers, LAYER_COLUMNS, ints=("start", "end")),
    )
