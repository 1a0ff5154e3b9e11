import sys
import unittest
from unittest import mock

from support import LAYERED_JSONL, NEWS_DIR, NEWS_JSONL, news_records, optional

import lede

pd = optional("pandas")


class WithoutPandasTests(unittest.TestCase):
    def test_a_clear_import_error_names_the_install_command(self):
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaisesRegex(ImportError, r"needs pandas.*pip install 'lede\[pandas\]'"):
                lede.to_pandas(NEWS_JSONL)


@unittest.skipIf(pd is None, "pandas is not installed (pip install 'lede[pandas]')")
class ToPandasTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.frames = lede.to_pandas(NEWS_DIR)
        cls.records = news_records()

    def texts(self):
        return dict(zip(self.frames.documents["id"], self.frames.documents["text"]))

    def test_the_frames_and_their_columns(self):
        f = self.frames
        self.assertEqual(f._fields, ("documents", "entities", "quotes", "removed", "sentences", "layers"))
        self.assertEqual(list(f.entities.columns), ["document", "start", "end", "label", "text", "canonical"])
        self.assertEqual(list(f.removed.columns), ["document", "start", "end", "text", "reason", "rule"])
        self.assertIn("speaker", f.quotes.columns)
        self.assertEqual(str(f.entities["start"].dtype), "int64")
        self.assertEqual(str(f.quotes["speaker_start"].dtype), "Int64")

    def test_one_row_per_thing(self):
        f = self.frames
        self.assertEqual(list(f.documents["id"]), [r["id"] for r in self.records])
        self.assertEqual(len(f.entities), sum(len(r["entities"]) for r in self.records))
        self.assertEqual(len(f.quotes), sum(len(r["quotes"]) for r in self.records))
        self.assertEqual(len(f.removed), sum(len(r["removed"]) for r in self.records))
        self.assertEqual(len(f.sentences), sum(len(r["sentences"]) for r in self.records))
        self.assertEqual(list(f.documents["entities"]), [len(r["entities"]) for r in self.records])
        self.assertEqual(list(f.documents["words"]), [r["stats"]["words"] for r in self.records])
        self.assertEqual(len(f.layers), 0)

    def test_entity_offsets_slice_the_document_text(self):
        texts = self.texts()
        for e in self.frames.entities.itertuples():
            self.assertEqual(texts[e.document][e.start:e.end], e.text)
        self.assertGreater(len(self.frames.entities), 100)

    def test_quote_and_speaker_offsets_slice_the_document_text(self):
        texts = self.texts()
        speakers = 0
        for q in self.frames.quotes.itertuples():
            self.assertEqual(texts[q.document][q.start:q.end], q.text)
            if not pd.isna(q.speaker_start):
                self.assertEqual(texts[q.document][int(q.speaker_start):int(q.speaker_end)], q.speaker)
                speakers += 1
        self.assertGreater(speakers, 10)

    def test_sentence_text_is_the_slice(self):
        texts = self.texts()
        for s in self.frames.sentences.itertuples():
            self.assertEqual(texts[s.document][s.start:s.end], s.text)

    def test_removed_keeps_what_was_removed(self):
        reasons = set(self.frames.removed["reason"])
        self.assertTrue({"caption", "credit"} <= reasons, reasons)

    def test_records_a_single_record_and_a_file_object_are_accepted(self):
        from_records = lede.to_pandas(self.records)
        pd.testing.assert_frame_equal(from_records.entities, self.frames.entities)
        one = lede.to_pandas(self.records[2])
        self.assertEqual(list(one.documents["id"]), ["03-port-strike"])
        with open(NEWS_JSONL, "rb") as f:
            self.assertEqual(len(lede.to_pandas(f).documents), 9)

    def test_plugin_layers_have_rows_with_attributes(self):
        f = lede.to_pandas(LAYERED_JSONL)
        self.assertEqual(set(f.layers["layer"]), {"sentiment"})
        texts = dict(zip(f.documents["id"], f.documents["text"]))
        for row in f.layers.itertuples():
            self.assertEqual(texts[row.document][row.start:row.end], row.text)
            self.assertIn(row.label, ("positive", "negative", "neutral"))
            self.assertIn("score", row.attributes)

    def test_no_records_give_empty_frames_with_columns(self):
        f = lede.to_pandas([])
        self.assertEqual(len(f.documents), 0)
        self.assertIn("canonical", f.entities.columns)
        self.assertEqual(str(f.entities["start"].dtype), "int64")

    def test_a_record_of_another_version_is_refused(self):
        with self.assertRaisesRegex(lede.LedeFormatError, "version 2"):
            lede.to_pandas([{"lede": 2, "id": "x", "text": ""}])


if __name__ == "__main__":
    unittest.main()
