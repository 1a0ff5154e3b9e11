"""Lede records as spaCy Docs."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from ._read import Record, check_record

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

#: Span groups that to_spacy fills itself; a plugin layer of one of these names goes under "layers/NAME".
RESERVED_GROUPS = ("entities", "quotes", "speakers")

# A blank pipeline per vocab, for its tokenizer: building one costs far more than tokenizing a document.
_tokenizers: Dict[int, Tuple[Any, Any]] = {}


def _import_spacy():
    try:
        import spacy
    except ImportError as error:
        raise ImportError(
            "lede.to_spacy needs spaCy, which is not installed: pip install 'lede[spacy]' (or pip install spacy)"
        ) from error
    return spacy


def to_spacy(record: Record, nlp_or_vocab: "Language | Vocab") -> "Doc":
    """A spaCy ``Doc`` of one record's cleaned text, with Lede's annotations on it.

    ``nlp_or_vocab`` is a loaded pipeline (only its tokenizer runs: ``nlp.make_doc``) or a ``Vocab``
    (tokenized by a blank pipeline of the vocab's language). Then:

    - ``doc.ents``: the ``entities`` layer, labels as Lede's (OntoNotes), ``kb_id_`` the canonical form;
    - ``doc.spans["entities"]``: every entity, even those ``doc.ents`` could not hold;
    - sentence boundaries from the ``sentences`` layer (``doc.sents``), when it is not empty;
    - ``doc.spans["quotes"]``: the quotes, labelled with their kind (``direct``, ``partial``), and
      ``doc.spans["speakers"]``: each named speaker, labelled ``SPEAKER``, with the span id of its quote's
      index in the record's ``quotes``;
    - ``doc.spans[NAME]`` for each layer a plugin or custom stage added (``layers``), labelled as its spans;
    - ``doc.user_data["lede"]``: ``id``, ``source``, ``meta`` and ``skipped`` (spans that matched no token,
      as ``[layer, start, end]``).

    Offsets are code points, as spaCy's character offsets are. Spans are aligned with
    ``doc.char_span(..., alignment_mode="expand")``, so a span that ends inside a token covers the whole
    token. ``doc.ents`` cannot overlap: entities are taken in order of start, the longer first at the same
    start, and one that overlaps an entity already taken (after expansion to tokens) is left out of
    ``doc.ents`` but kept in ``doc.spans["entities"]``. The same record and vocab always give the same Doc.
    """
    spacy = _import_spacy()
    check_record(record, f"record {record.get('id', 'no id')!r}")
    text = record.get("text", "")
    doc = _tokenize(spacy, nlp_or_vocab, text)
    skipped: List[List[Any]] = []

    def span(layer: str, start: int, end: int, label: str = "", kb_id: str = "", span_id: str = "") -> "Optional[Span]":
        made = doc.char_span(start, end, label=label or "", kb_id=kb_id or "", alignment_mode="expand",
                             span_id=span_id or "") if end > start else None
        if made is None:
            skipped.append([layer, start, end])
        return made

    # Sentences first: setting them after entities would not change the entities, but keep one order.
    sentence_spans = [span("sentences", s["start"], s["end"]) for s in record.get("sentences", ())]
    sentence_spans = [s for s in sentence_spans if s is not None]
    if sentence_spans and len(doc):
        starts = {s.start for s in sentence_spans}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.i in starts

    entity_spans = []
    for e in sorted(record.get("entities", ()), key=lambda e: (e["start"], -e["end"], e.get("label") or "")):
        made = span("entities", e["start"], e["end"], e.get("label") or "ENTITY", e.get("canonical") or "")
        if made is not None:
            entity_spans.append(made)
    doc.spans["entities"] = entity_spans
    ents, taken = [], set()
    for s in entity_spans:
        tokens = set(range(s.start, s.end))
        if tokens & taken:
            continue
        taken |= tokens
        ents.append(s)
    doc.ents = sorted(ents, key=lambda s: s.start)

    quote_spans, speaker_spans = [], []
    for i, q in enumerate(record.get("quotes", ())):
        made = span("quotes", q["start"], q["end"], q.get("kind") or "QUOTE", span_id=str(i))
        if made is not None:
            quote_spans.append(made)
        speaker = q.get("speaker")
        if speaker:
            who = span("speakers", speaker["start"], speaker["end"], "SPEAKER", span_id=str(i))
            if who is not None:
                speaker_spans.append(who)
    doc.spans["quotes"] = quote_spans
    doc.spans["speakers"] = speaker_spans

    for layer in sorted(record.get("layers") or {}):
        group = f"layers/{layer}" if layer in RESERVED_GROUPS else layer
        made_spans = []
        for s in record["layers"][layer]:
            made = span(layer, s["start"], s["end"], str(s.get("label") or layer))
            if made is not None:
                made_spans.append(made)
        doc.spans[group] = made_spans

    doc.user_data["lede"] = {"id": record.get("id"), "source": record.get("source"),
                             "meta": dict(record.get("meta") or {}), "skipped": skipped}
    return doc


def _tokenize(spacy: Any, nlp_or_vocab: Any, text: str) -> "Doc":
    from spacy.vocab import Vocab

    if isinstance(nlp_or_vocab, Vocab):
        entry = _tokenizers.get(id(nlp_or_vocab))
        if entry is None or entry[0] is not nlp_or_vocab:
            lang = nlp_or_vocab.lang or "xx"
            try:
                blank = spacy.blank(lang, vocab=nlp_or_vocab)
            except Exception:  # a vocab of a language spaCy does not know: the multi-language tokenizer
                blank = spacy.blank("xx", vocab=nlp_or_vocab)
            entry = (nlp_or_vocab, blank)
            _tokenizers[id(nlp_or_vocab)] = entry
        return entry[1].make_doc(text)
    if hasattr(nlp_or_vocab, "make_doc"):
        return nlp_or_vocab.make_doc(text)
    raise TypeError(f"to_spacy needs a spaCy Language (spacy.load(...), spacy.blank(...)) or Vocab, "
                    f"not {type(nlp_or_vocab).__name__}")


