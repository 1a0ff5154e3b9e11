"""What the tests share: the fixture folder, the repository, and the lede package (installed, or else
the source tree's, so that `python -m unittest discover -s python/tests` works in a bare checkout too)."""
import json
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
NEWS_DIR = DATA / "news"  # a real output folder of Pipelines/news.yaml on Samples/ (news.jsonl, manifest.json)
NEWS_JSONL = NEWS_DIR / "news.jsonl"
LAYERED_JSONL = DATA / "layered.jsonl"  # two records with a `sentiment` layer from Examples/plugins/sentiment.py
REPO = HERE.parent.parent

try:
    import lede  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "src"))
    import lede  # noqa: F401


def news_records():
    with open(NEWS_JSONL, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def lede_binary():
    """The lede program for the round trips: $LEDE_BIN, else the repository's release build, else PATH."""
    if os.environ.get("LEDE_BIN"):
        return os.environ["LEDE_BIN"]
    built = REPO / ".build" / "release" / "lede"
    if built.is_file() and os.access(built, os.X_OK):
        return str(built)
    return shutil.which("lede")


#: Set by run-tests.sh once the extras are installed: then a missing pandas, spaCy or model fails the
#: tests instead of skipping them.
REQUIRE_EXTRAS = os.environ.get("LEDE_TEST_REQUIRE_EXTRAS") == "1"


def optional(module):
    """The module, or None when it is not installed (an ImportError under LEDE_TEST_REQUIRE_EXTRAS=1)."""
    try:
        return __import__(module)
    except ImportError:
        if REQUIRE_EXTRAS:
            raise
        return None
