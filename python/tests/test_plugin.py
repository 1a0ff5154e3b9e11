import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

from support import LAYERED_JSONL, REPO, news_records

import lede.plugin
from lede.plugin import Answer, PluginError, serve

HELLO = {"protocol": "lede-exec", "version": 1, "worker": 0}


def env():
    """The test's own import path, so the child finds the same lede package (installed or source)."""
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p), PYTHONUNBUFFERED="")


class PluginProcess:
    """A plugin script run as Lede runs it: lines in on stdin, answers read back from stdout."""

    def __init__(self, testcase, body):
        self.dir = tempfile.TemporaryDirectory()
        testcase.addCleanup(self.dir.cleanup)
        self.path = Path(self.dir.name) / "plugin.py"
        self.path.write_text(textwrap.dedent(body), encoding="utf-8")

    def run(self, lines, timeout=30):
        """(exit status, stdout, stderr) after sending these lines and closing stdin."""
        data = "".join((json.dumps(line, ensure_ascii=False) if not isinstance(line, str) else line) + "\n" for line in lines)
        done = subprocess.run([sys.executable, str(self.path)], input=data.encode("utf-8"), capture_output=True,
                              env=env(), cwd=self.dir.name, timeout=timeout)
        return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")

    def talk(self, lines, timeout=30):
        """(exit status, the answers as JSON, stderr)."""
        code, out, err = self.run(lines, timeout)
        return code, [json.loads(line) for line in out.splitlines()], err

FINDER = """
    from lede.plugin import serve

    def annotate(record):
        text = record["text"]
        spans = []
        start = text.find("Seoul")
        while start >= 0:
            spans.append({"start": start, "end": start + 5, "label": "CITY", "text": text[start:start + 5]})
            start = text.find("Seoul", start + 1)
        return {"places": spans}

    if __name__ == "__main__":
        serve(annotate, name="seoul-finder", layers=["places"])
"""


class ServeProtocolTests(unittest.TestCase):
    def test_handshake_then_one_answer_per_document_in_order(self):
        records = news_records()
        code, answers, stderr = PluginProcess(self, FINDER).talk([HELLO] + records)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(answers[0], {"protocol": "lede-exec", "version": 1, "name": "seoul-finder", "layers": ["places"],
                                      "offsets": "codepoints"})
        self.assertEqual([a["id"] for a in answers[1:]], [r["id"] for r in records])
        for record, answer in zip(records, answers[1:]):
            for span in answer["layers"]["places"]:
                self.assertEqual(record["text"][span["start"]:span["end"]], "Seoul")
        self.assertGreater(sum(len(a["layers"]["places"]) for a in answers[1:]), 0)

    def test_code_point_offsets_survive_non_ascii_text(self):
        record = {"lede": 1, "id": "emoji", "text": "👩‍👩‍👧 “Seoul” é Seoul", "sentences": []}
        code, answers, stderr = PluginProcess(self, FINDER).talk([HELLO, record])
        self.assertEqual(code, 0, stderr)
        spans = answers[1]["layers"]["places"]
        self.assertEqual([record["text"][s["start"]:s["end"]] for s in spans], ["Seoul", "Seoul"])
        self.assertEqual(spans[0]["start"], 7)

    def test_print_in_the_handler_goes_to_stderr_not_into_the_answers(self):
        plugin = PluginProcess(self, """
            import subprocess, sys
            from lede.plugin import serve

            def annotate(record):
                print("debug: looking at", record["id"])
                print("more chatter", flush=True)
                sys.stdout.write("written straight to sys.stdout\\n")
                subprocess.run(["echo", "a child process on file descriptor 1"], check=True)
                return {"marks": [{"start": 0, "end": 1, "label": "seen"}]}

            print("chatter before serve goes to stdout as usual")
            sys.stdout.flush()
            serve(annotate, name="chatty", layers=["marks"])
            print("after serve, stdout is stdout again")
        """)
        code, out, err = plugin.run([HELLO] + news_records()[:3])
        self.assertEqual(code, 0, err)
        # Only the script's own lines before and after serve() reach stdout besides the protocol.
        out = out.splitlines()
        self.assertEqual(out[0], "chatter before serve goes to stdout as usual")
        self.assertEqual(out[-1], "after serve, stdout is stdout again")
        protocol = [json.loads(line) for line in out[1:-1]]
        self.assertEqual(protocol[0]["name"], "chatty")
        self.assertEqual([a["id"] for a in protocol[1:]], [r["id"] for r in news_records()[:3]])
        self.assertIn("debug: looking at 01-pow-letters", err)
        self.assertIn("more chatter", err)
        self.assertIn("written straight to sys.stdout", err)
        self.assertIn("a child process on file descriptor 1", err)

    def test_plugin_error_and_exceptions_quarantine_one_document(self):
        plugin = PluginProcess(self, """
            from lede.plugin import PluginError, serve

            def annotate(record):
                if record["id"] == "refuse":
                    raise PluginError("this document is not for me")
                if record["id"] == "bug":
                    return {"marks": [{"start": 0, "end": 1 / 0}]}
                return {"marks": []}

            serve(annotate, name="picky", layers=["marks"])
        """)
        docs = [{"lede": 1, "id": i, "text": "x"} for i in ("ok", "refuse", "bug", "after")]
        code, answers, stderr = plugin.talk([HELLO] + docs)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(answers[1], {"id": "ok", "layers": {"marks": []}})
        self.assertEqual(answers[2], {"id": "refuse", "error": "this document is not for me"})
        self.assertEqual(answers[3], {"id": "bug", "error": "ZeroDivisionError: division by zero"})
        self.assertEqual(answers[4], {"id": "after", "layers": {"marks": []}})
        self.assertIn("Traceback", stderr)

    def test_catch_false_lets_an_exception_end_the_plugin(self):
        plugin = PluginProcess(self, """
            from lede.plugin import serve
            serve(lambda record: 1 / 0, name="fragile", layers=[], catch=False)
        """)
        code, answers, stderr = plugin.talk([HELLO, {"lede": 1, "id": "a", "text": ""}])
        self.assertNotEqual(code, 0)
        self.assertEqual(len(answers), 1)
        self.assertIn("ZeroDivisionError", stderr)

    def test_sys_exit_in_the_handler_exits_with_its_status(self):
        plugin = PluginProcess(self, """
            import sys
            from lede.plugin import serve
            serve(lambda record: sys.exit(70), name="crash", layers=["marks"])
        """)
        code, answers, _ = plugin.talk([HELLO, {"lede": 1, "id": "a", "text": ""}])
        self.assertEqual(code, 70)

    def test_not_started_by_lede(self):
        code, answers, stderr = PluginProcess(self, FINDER).talk(['{"hello": "world"}'])
        self.assertNotEqual(code, 0)
        self.assertEqual(answers, [])
        self.assertIn("seoul-finder: not started by lede's exec stage", stderr)

    def test_another_protocol_version_names_both(self):
        code, answers, stderr = PluginProcess(self, FINDER).talk([dict(HELLO, version=2)])
        self.assertNotEqual(code, 0)
        self.assertEqual(answers, [])
        self.assertIn("lede speaks protocol version 2, this plugin speaks 1", stderr)

    def test_the_old_helpers_call_still_works(self):
        plugin = PluginProcess(self, """
            from lede.plugin import serve
            serve("old-style", ["marks"], lambda record: {"marks": [{"start": 0, "end": 1}]})
        """)
        code, answers, stderr = plugin.talk([HELLO, {"lede": 1, "id": "a", "text": "abc"}])
        self.assertEqual(code, 0, stderr)
        self.assertEqual(answers[0]["name"], "old-style")
        self.assertEqual(answers[1], {"id": "a", "layers": {"marks": [{"start": 0, "end": 1}]}})

    def test_the_bundled_sentiment_example_runs_on_the_package(self):
        if not (REPO / "Examples" / "plugins" / "sentiment.py").exists():
            self.skipTest("Examples/plugins is not beside python/")
        # Examples/plugins/sentiment.py's annotate, served by lede.plugin instead of its copied helper.
        plugin = PluginProcess(self, f"""
            import sys
            sys.dont_write_bytecode = True  # leave no __pycache__ in Examples/plugins
            sys.path.insert(0, {str(REPO / "Examples" / "plugins")!r})
            import sentiment
            from lede.plugin import serve
            serve(sentiment.annotate, name="sentiment", layers=["sentiment"])
        """)
        records = [json.loads(line) for line in LAYERED_JSONL.read_text(encoding="utf-8").splitlines()]
        code, answers, stderr = plugin.talk([HELLO] + records)
        self.assertEqual(code, 0, stderr)
        for record, answer in zip(records, answers[1:]):
            # The same spans as the bundled helper gave when lede ran the example for the fixture.
            expected = [{k: v for k, v in s.items() if k != "text"} for s in record["layers"]["sentiment"]]
            self.assertEqual(answer["layers"]["sentiment"], expected)


class ServeInProcessTests(unittest.TestCase):
    def serve(self, handler, lines, **kwargs):
        out = io.StringIO()
        stdin = io.StringIO("".join(json.dumps(x) + "\n" for x in lines))
        serve(handler, stdin=stdin, stdout=out, **kwargs)
        return [json.loads(line) for line in out.getvalue().splitlines()]

    def test_answers_with_warnings_and_none(self):
        def handler(record):
            if record["id"] == "a":
                return Answer({"marks": [{"start": 0, "end": 1, "score": 0.5}]}, warnings=["odd input"])
            return None

        answers = self.serve(handler, [HELLO, {"id": "a", "text": "x"}, {"id": "b", "text": "y"}], name="w", layers=["marks"])
        self.assertEqual(answers[1], {"id": "a", "layers": {"marks": [{"start": 0, "end": 1, "score": 0.5}]}, "warnings": ["odd input"]})
        self.assertEqual(answers[2], {"id": "b", "layers": {}})

    def test_name_and_layers_from_the_handler(self):
        class Tagger:
            name = "tagger"
            layers = ["tags"]

            def __call__(self, record):
                return {"tags": []}

        answers = self.serve(Tagger(), [HELLO])
        self.assertEqual(answers, [{"protocol": "lede-exec", "version": 1, "name": "tagger", "layers": ["tags"],
                                    "offsets": "codepoints"}])

    def test_print_during_serve_does_not_reach_the_protocol_stream(self):
        def handler(record):
            print("noise")
            return {}

        stderr = io.StringIO()
        old = sys.stderr
        sys.stderr = stderr
        try:
            answers = self.serve(handler, [HELLO, {"id": "a"}], name="n", layers=[])
        finally:
            sys.stderr = old
        self.assertEqual(answers[1], {"id": "a", "layers": {}})
        self.assertEqual(stderr.getvalue(), "noise\n")

    def test_layers_are_required(self):
        with self.assertRaisesRegex(TypeError, "layers"):
            serve(lambda r: {}, name="x", stdin=io.StringIO(""), stdout=io.StringIO())

    def test_values_json_cannot_hold_directly(self):
        answers = self.serve(lambda r: {"marks": [{"start": 0, "end": 1, "cues": {"b", "a"}}]},
                             [HELLO, {"id": "a"}], name="n", layers=["marks"])
        self.assertEqual(answers[1]["layers"]["marks"][0]["cues"], ["a", "b"])

    def test_replace_relabels_and_deletes_spans_of_a_declared_layer(self):
        record = {"id": "a", "text": "Zoë Ortiz joined Acme Corp, said Bob.",
                  "entities": [{"start": 0, "end": 9, "text": "Zoë Ortiz", "label": "PERSON", "canonical": None},
                               {"start": 17, "end": 26, "text": "Acme Corp", "label": "PERSON", "canonical": None},
                               {"start": 33, "end": 36, "text": "Bob", "label": "PERSON", "canonical": None}]}

        def fix_orgs(record):
            if record["id"] == "untouched":
                return Answer(warnings=["nothing to fix"])
            entities = [dict(e, label="ORG") if e["text"] == "Acme Corp" else e for e in record["entities"]]
            return Answer(replace={"entities": [e for e in entities if e["text"] != "Bob"]})

        answers = self.serve(fix_orgs, [HELLO, record, {"id": "untouched", "text": ""}], name="fix-orgs",
                             replaces=["entities"])
        # A plugin that only replaces needs no layers; the handshake says what it replaces.
        self.assertEqual(answers[0], {"protocol": "lede-exec", "version": 1, "name": "fix-orgs", "layers": [],
                                      "offsets": "codepoints", "replaces": ["entities"]})
        self.assertEqual(answers[1], {"id": "a", "layers": {}, "replace": {"entities": [
            {"start": 0, "end": 9, "text": "Zoë Ortiz", "label": "PERSON", "canonical": None},
            {"start": 17, "end": 26, "text": "Acme Corp", "label": "ORG", "canonical": None}]}})
        # No "replace": the layer stays as it was.
        self.assertEqual(answers[2], {"id": "untouched", "layers": {}, "warnings": ["nothing to fix"]})

    def test_replacing_an_undeclared_layer_is_an_error_answer(self):
        stderr = io.StringIO()
        old, sys.stderr = sys.stderr, stderr
        try:
            answers = self.serve(lambda r: Answer(replace={"sentences": []}), [HELLO, {"id": "a", "text": "x"}],
                                 name="n", layers=["sentences"], replaces=["entities"])
        finally:
            sys.stderr = old
        self.assertEqual(answers[0]["replaces"], ["entities"])
        self.assertEqual(answers[1]["id"], "a")
        self.assertIn("replaced ['sentences'], which serve() was not given in replaces=['entities']", answers[1]["error"])

    def test_replaces_from_the_handler_and_only_as_a_list(self):
        class Fixer:
            name = "fixer"
            replaces = ["quotes"]

            def __call__(self, record):
                return Answer(replace={"quotes": []})

        answers = self.serve(Fixer(), [HELLO, {"id": "a", "text": ""}])
        self.assertEqual(answers[0]["replaces"], ["quotes"])
        self.assertEqual(answers[1], {"id": "a", "layers": {}, "replace": {"quotes": []}})
        with self.assertRaisesRegex(TypeError, "replaces must be a list"):
            serve(lambda r: {}, name="x", replaces="entities", stdin=io.StringIO(""), stdout=io.StringIO())

    def test_protocol_constants(self):
        self.assertEqual((lede.plugin.PROTOCOL, lede.plugin.VERSION), ("lede-exec", 1))
        self.assertTrue(issubclass(PluginError, Exception))


if __name__ == "__main__":
    unittest.main()
