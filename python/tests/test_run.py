import json
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path
from unittest import mock

from support import REPO, lede_binary, news_records

import lede

BINARY = lede_binary()
needs_binary = unittest.skipIf(BINARY is None, "no lede binary: set $LEDE_BIN, or build it (swift build -c release)")


def fake_lede(folder, body):
    """A stand-in for the lede program: a shell script."""
    path = Path(folder) / "fake-lede"
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


class FindBinaryTests(unittest.TestCase):
    def test_binary_then_env_then_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            fake = fake_lede(tmp, "exit 0\n")
            with mock.patch.dict(os.environ, {"LEDE_BIN": "/nonexistent/lede", "PATH": tmp}):
                self.assertEqual(lede.find_binary(fake), fake)
                with self.assertRaisesRegex(lede.LedeError, r"\$LEDE_BIN '/nonexistent/lede' is not an executable"):
                    lede.find_binary()
            os.rename(fake, Path(tmp) / "lede")
            with mock.patch.dict(os.environ, {"LEDE_BIN": "", "PATH": tmp}):
                self.assertEqual(lede.find_binary(), str(Path(tmp) / "lede"))

    def test_nothing_found_says_where_it_looked(self):
        with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ, {"LEDE_BIN": "", "PATH": tmp}):
            with self.assertRaisesRegex(lede.LedeError, r"pass binary=, set \$LEDE_BIN, or put lede on the PATH"):
                lede.run("pipeline.yaml")


class RunWithAStandInTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def test_the_command_line(self):
        fake = fake_lede(self.tmp.name, f'printf "%s\\n" "$@" > {self.tmp.name}/argv\n')
        out = Path(self.tmp.name) / "out"
        got = lede.run("p.yaml", input=["a.txt", Path("b dir")], output=out, jobs=2, binary=fake, format="text")
        self.assertEqual(got, out.resolve())
        argv = (Path(self.tmp.name) / "argv").read_text().splitlines()
        self.assertEqual(argv, ["run", "p.yaml", "--quiet", "--input", "a.txt", "--input", "b dir",
                                "--output", str(out), "--jobs", "2", "--format", "text"])

    def test_a_single_input_path(self):
        fake = fake_lede(self.tmp.name, f'printf "%s\\n" "$@" > {self.tmp.name}/argv\n')
        lede.run("p.yaml", input="one.jsonl", output="o", binary=fake)
        self.assertIn("--input\none.jsonl\n", (Path(self.tmp.name) / "argv").read_text())

    def test_bad_configuration_raises_with_stderr_and_meaning(self):
        fake = fake_lede(self.tmp.name, 'echo "p.yaml:3:5: error: unknown stage \'splt\'" >&2\nexit 2\n')
        with self.assertRaises(lede.LedeError) as caught:
            lede.run("p.yaml", output="o", binary=fake)
        error = caught.exception
        self.assertEqual(error.returncode, 2)
        self.assertEqual(error.meaning, "bad usage or configuration")
        self.assertIn("unknown stage 'splt'", error.stderr)
        self.assertIn("status 2 (bad usage or configuration)", str(error))
        self.assertIn("p.yaml:3:5", str(error))
        self.assertIsNone(error.output)

    def test_rejected_documents_raise_unless_check_is_false(self):
        fake = fake_lede(self.tmp.name, "echo 'news: 9 documents, 1 rejected' >&2\nexit 1\n")
        with self.assertRaises(lede.LedeError) as caught:
            lede.run("p.yaml", output=Path(self.tmp.name) / "o", binary=fake)
        self.assertEqual(caught.exception.returncode, 1)
        self.assertIn("rejects.jsonl", caught.exception.meaning)
        self.assertEqual(caught.exception.output, (Path(self.tmp.name) / "o").resolve())
        self.assertEqual(lede.run("p.yaml", output=Path(self.tmp.name) / "o", binary=fake, check=False),
                         (Path(self.tmp.name) / "o").resolve())

    def test_io_failure_and_signals(self):
        self.assertIn("input/output failure", lede.exit_meaning(3))
        self.assertIn("SIGINT", lede.exit_meaning(130))
        self.assertIn("SIGTERM", lede.exit_meaning(143))
        self.assertEqual(lede.exit_meaning(-9), "killed by signal 9")
        fake = fake_lede(self.tmp.name, "echo 'cannot write out/news.jsonl' >&2\nexit 3\n")
        with self.assertRaisesRegex(lede.LedeError, r"(?s)status 3 \(an input/output failure.*cannot write"):
            lede.run("p.yaml", output="o", binary=fake)

    def test_input_dash_passes_standard_input_through(self):
        fake = fake_lede(self.tmp.name, f'cat > {self.tmp.name}/stdin\n')
        code = (f"import lede; lede.run('p.yaml', input='-', format='jsonl', output='o', binary={fake!r})")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        done = subprocess.run([sys.executable, "-c", code], input=b'{"id": "a", "text": "x"}\n', env=env,
                              capture_output=True, timeout=30)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual((Path(self.tmp.name) / "stdin").read_bytes(), b'{"id": "a", "text": "x"}\n')
        # Any other input: lede's standard input is empty, so it never waits on the caller's terminal.
        lede.run("p.yaml", input="a.txt", output="o", binary=fake)
        self.assertEqual((Path(self.tmp.name) / "stdin").read_bytes(), b"")

    def test_jobs_must_be_positive(self):
        with self.assertRaises(ValueError):
            lede.run("p.yaml", jobs=0, binary=fake_lede(self.tmp.name, "exit 0\n"))

    def test_the_pipelines_own_output_comes_from_lede_explain(self):
        fake = fake_lede(self.tmp.name, """
            if [ "$1" = explain ]; then echo "pipeline news"; echo "output: /somewhere/out"; fi
        """)
        self.assertEqual(lede.run("p.yaml", binary=fake), Path("/somewhere/out"))


@needs_binary
class RunTheRealBinaryTests(unittest.TestCase):
    """Round trips through the real lede program."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = Path(self.tmp.name)
        if not (REPO / "Pipelines" / "news.yaml").exists():
            self.skipTest("Pipelines/ is not beside python/")

    def test_news_pipeline_round_trip(self):
        out = lede.run(REPO / "Pipelines" / "news.yaml", output=self.dir / "out", jobs=1, binary=BINARY)
        self.assertTrue((out / "manifest.json").is_file())
        records = list(lede.read(out))
        self.assertEqual([r["id"] for r in records], [r["id"] for r in news_records()])
        for r in records:
            for e in r["entities"]:
                self.assertEqual(r["text"][e["start"]:e["end"]], e["text"])

    def test_one_input_given_replaces_the_pipelines(self):
        out = lede.run(REPO / "Pipelines" / "news.yaml", input=REPO / "Samples" / "03-port-strike.txt",
                       output=self.dir / "one", binary=BINARY)
        self.assertEqual([r["id"] for r in lede.read(out)], ["03-port-strike"])

    def test_a_broken_pipeline_raises_with_lede_s_message(self):
        bad = self.dir / "bad.yaml"
        bad.write_text("lede: 1\nname: bad\ninput: { paths: [x.txt] }\noutput: out\nstages:\n  - splt\n")
        with self.assertRaises(lede.LedeError) as caught:
            lede.run(bad, binary=BINARY)
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("bad.yaml:6", caught.exception.stderr)

    def pipeline_with_plugin(self, plugin_body, output="out", **exec_options):
        plugin = self.dir / "plugin.py"
        plugin.write_text(textwrap.dedent(plugin_body), encoding="utf-8")
        pythonpath = os.pathsep.join(p for p in sys.path if p)
        # JSON is YAML: quoting done by json.dumps.
        pipeline = {
            "lede": 1, "name": "plugged",
            "input": {"paths": [str(REPO / "Samples" / "*.txt")]},
            "output": output,
            "stages": [
                {"split": {"paragraphs": "auto", "sentences": True}},
                {"exec": {"command": [sys.executable, str(plugin)], "timeout": "20s",
                          "env": {"PYTHONPATH": pythonpath}, **exec_options}},
                {"write": {"jsonl": "plugged.jsonl"}},
            ],
        }
        path = self.dir / "plugged.yaml"
        path.write_text(json.dumps(pipeline, indent=1), encoding="utf-8")
        return path

    def test_an_exec_plugin_on_lede_plugin_that_prints(self):
        pipeline = self.pipeline_with_plugin("""
            from lede.plugin import serve

            def first_words(record):
                print("looking at", record["id"])  # would corrupt the answers without serve's redirection
                text = record["text"]
                spans = []
                for s in record["sentences"]:
                    end = text.find(" ", s["start"], s["end"])
                    end = s["end"] if end < 0 else end
                    spans.append({"start": s["start"], "end": end, "text": text[s["start"]:end], "label": "first"})
                return {"first_words": spans}

            serve(first_words, name="first-words", layers=["first_words"])
        """)
        out = lede.run(pipeline, jobs=2, binary=BINARY)
        self.assertEqual(out, (self.dir / "out").resolve())
        records = list(lede.read(out))
        self.assertEqual(len(records), 9)
        for r in records:
            spans = r["layers"]["first_words"]
            self.assertEqual(len(spans), len(r["sentences"]))
            for s in spans:
                self.assertEqual(r["text"][s["start"]:s["end"]], s["text"])
        self.assertEqual((out / "rejects.jsonl").read_text(), "")

    def test_an_exec_plugin_that_replaces_a_built_in_layer(self):
        pipeline = self.pipeline_with_plugin("""
            from lede.plugin import Answer, serve

            def first_sentence_only(record):
                return Answer(replace={"sentences": record["sentences"][:1]})

            serve(first_sentence_only, name="first-sentence", replaces=["sentences"])
        """, replaces=["sentences"])
        out = lede.run(pipeline, binary=BINARY)
        records = list(lede.read(out))
        self.assertEqual(len(records), 9)
        self.assertTrue(all(len(r["sentences"]) == 1 for r in records))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        execs = [s for s in manifest["pipeline"]["stages"] if s["name"] == "exec"]
        self.assertEqual(execs[0]["options"]["replaces"], ["sentences"])

    def test_a_refused_document_gives_status_1_and_the_rejects(self):
        pipeline = self.pipeline_with_plugin("""
            from lede.plugin import PluginError, serve

            def picky(record):
                if record["id"].startswith("03"):
                    raise PluginError("no port strikes today")
                return {}

            serve(picky, name="picky", layers=["x"])
        """)
        with self.assertRaises(lede.LedeError) as caught:
            lede.run(pipeline, binary=BINARY)
        self.assertEqual(caught.exception.returncode, 1)
        out = caught.exception.output
        self.assertEqual(out, (self.dir / "out").resolve())
        rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()]
        self.assertEqual([r["id"] for r in rejects], ["03-port-strike"])
        self.assertIn("no port strikes today", rejects[0]["reason"])
        self.assertEqual(len(list(lede.read(out))), 8)
        self.assertEqual(lede.run(pipeline, binary=BINARY, check=False), out)


if __name__ == "__main__":
    unittest.main()
