#!/usr/bin/env python3
"""Misbehaves on purpose, for the tests: on a document containing HANG it starts a child process and
then never answers. If LEDE_TEST_PIDS names a file, the child's pid is appended to it, so a test can
check that the child was killed with the plugin's process group."""
import os
import subprocess
import time

from lede_plugin import serve


def annotate(record):
    if "HANG" in record["text"]:
        child = subprocess.Popen(["sleep", "600"])
        if os.environ.get("LEDE_TEST_PIDS"):
            with open(os.environ["LEDE_TEST_PIDS"], "a") as f:
                f.write(f"{child.pid}\n")
        while True:
            time.sleep(60)
    return {"marks": [{"start": 0, "end": 1, "label": "seen"}]}


if __name__ == "__main__":
    serve("hang", ["marks"], annotate)
