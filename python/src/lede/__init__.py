"""Lede for Python: read Lede's JSON Lines records, turn them into pandas DataFrames or spaCy Docs, run
the ``lede`` program, and write exec plugins (:mod:`lede.plugin`).

    import lede
    for record in lede.read("out/news.jsonl"):     # or the folder "out"
        for e in record["entities"]:
            print(e["label"], record["text"][e["start"]:e["end"]])   # offsets are code points

The core needs only the standard library; ``to_pandas`` needs pandas and ``to_spacy`` spaCy
(``pip install 'lede[pandas,spacy]'``).
"""
from ._pandas import Frames, to_pandas
from ._read import FORMAT_VERSION, LedeFormatError, check_record, jsonl_output, read
from ._run import EXIT_CODES, LedeError, exit_meaning, find_binary, run
from ._spacy import to_spacy

__version__ = "0.1.0"

__all__ = [
    "FORMAT_VERSION", "EXIT_CODES", "Frames", "LedeError", "LedeFormatError", "check_record", "exit_meaning",
    "find_binary", "jsonl_output", "read", "run", "to_pandas", "to_spacy", "__version__",
]
