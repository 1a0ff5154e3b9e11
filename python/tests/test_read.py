import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from support import LAYERED_JSONL, NEWS_DIR, NEWS_JSONL, news_records

import lede


class ReadTests(unittest.TestCase):
    def test_a_jsonl_file_gives_every_record_in_order(self):
        records = list(lede.read(NEWS_JSONL))
        self.assertEqual(records, news_records())
        self.assertEqual(len(records), 9)
        self.assertEqual(records[0]["id"], "01-pow-letters")
        self.assertTrue(all(r["lede"] == lede.FORMAT_VERSION for r in records))

    def test_a_path_object_and_a_string_read_the_same(self):
        self.assertEqual(list(lede.read(str(NEWS_JSONL))), list(lede.read(Path(NEWS_JSONL))))

    def test_an_output_folder_reads_the_jsonl_its_manifest_names(self):
        self.assertEqual(list(lede.read(NEWS_DIR)), news_records())
        self.assertEqual(lede.jsonl_output(NEWS_DIR), NEWS_DIR / "news.jsonl")

    def test_the_manifest_decides_even_beside_other_jsonl_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "articles.jsonl").write_bytes(NEWS_JSONL.read_bytes())
            (folder / "other.jsonl").write_text('{"lede": 1, "id": "not-this-one"}\n', encoding="utf-8")
            (folder / "rejects.jsonl").write_text('{"id":"x","source":"x","stage":"read","reason":"r"}\n')
            manifest = json.loads((NEWS_DIR / "manifest.json").read_text(encoding="utf-8"))
            for stage in manifest["pipeline"]["stages"]:
                if stage["name"] == "write":
                    stage["options"]["jsonl"] = "articles.jsonl"
            (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            self.assertEqual([r["id"] for r in lede.read(folder)], [r["id"] for r in news_records()])

    def test_a_folder_without_manifest_uses_its_only_records_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "x.jsonl").write_bytes(LAYERED_JSONL.read_bytes())
            (folder / "rejects.jsonl").write_text("")
            self.assertEqual(len(list(lede.read(folder))), 2)
            (folder / "y.jsonl").write_bytes(LAYERED_JSONL.read_bytes())
            with self.assertRaisesRegex(lede.LedeFormatError, "several JSON Lines files"):
                lede.read(folder)

    def test_a_folder_with_no_records_says_how_to_get_them(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(FileNotFoundError, "jsonl: NAME.jsonl"):
                lede.read(tmp)

    def test_a_missing_path_raises_at_once(self):
        with self.assertRaises(FileNotFoundError):
            lede.read("/nonexistent/news.jsonl")

    def test_file_objects_text_and_binary(self):
        with open(NEWS_JSONL, encoding="utf-8") as f:
            self.assertEqual(list(lede.read(f)), news_records())
        with open(NEWS_JSONL, "rb") as f:
            self.assertEqual(list(lede.read(f)), news_records())
        self.assertEqual(len(list(lede.read(io.StringIO(LAYERED_JSONL.read_text(encoding="utf-8") + "\n\n")))), 2)

    def test_dash_reads_standard_input(self):
        code = "import sys, lede; print(sum(1 for _ in lede.read('-')))"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        with open(NEWS_JSONL, "rb") as f:
            done = subprocess.run([sys.executable, "-c", code], stdin=f, capture_output=True, text=True, env=env)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), "9")

    def test_offsets_are_code_points(self):
        # 02-pow-letters-wire and 06-museum-return hold characters beyond ASCII (curly quotes, a dash).
        checked = 0
        for r in lede.read(NEWS_JSONL):
            for e in r["entities"]:
                self.assertEqual(r["text"][e["start"]:e["end"]], e["text"])
                checked += 1
            for q in r["quotes"]:
                self.assertEqual(r["text"][q["start"]:q["end"]], q["text"])
        self.assertGreater(checked, 100)
        self.assertTrue(any(ord(c) > 127 for r in lede.read(NEWS_JSONL) for c in r["text"]))


class FormatVersionTests(unittest.TestCase):
    def read_text(self, text, **kwargs):
        return list(lede.read(io.StringIO(text), **kwargs))

    def test_a_newer_format_version_is_refused_with_advice(self):
        with self.assertRaisesRegex(lede.LedeFormatError, r"<stream>:2: record format version 2, but this package reads version 1; upgrade"):
            self.read_text('{"lede": 1, "id": "a"}\n{"lede": 2, "id": "b"}\n')

    def test_a_line_without_version_is_not_a_record(self):
        with self.assertRaisesRegex(lede.LedeFormatError, r'1: not a Lede record: it has no "lede" format version'):
            self.read_text('{"id": "a"}\n')

    def test_rejects_jsonl_is_recognised(self):
        with self.assertRaisesRegex(lede.LedeFormatError, "looks like rejects.jsonl"):
            self.read_text('{"id":"broken","source":"in/broken.txt","stage":"read","reason":"invalid UTF-8"}\n')

    def test_not_json_names_the_file_and_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bad.jsonl"
            path.write_text('{"lede": 1, "id": "a"}\nnot json\n', encoding="utf-8")
            records = lede.read(path)
            self.assertEqual(next(records)["id"], "a")
            with self.assertRaisesRegex(lede.LedeFormatError, r"bad.jsonl:2: not JSON"):
                next(records)

    def test_a_json_array_is_not_a_record(self):
        with self.assertRaisesRegex(lede.LedeFormatError, "a JSON list, not a record"):
            self.read_text("[1, 2]\n")

    def test_invalid_utf8(self):
        with self.assertRaisesRegex(lede.LedeFormatError, "not UTF-8"):
            list(lede.read(io.BytesIO(b'{"lede": 1, "id": "\xff"}\n')))

    def test_check_version_false_reads_other_versions(self):
        self.assertEqual(self.read_text('{"lede": 7, "id": "a"}\n', check_version=False)[0]["lede"], 7)


if __name__ == "__main__":
    unittest.main()
