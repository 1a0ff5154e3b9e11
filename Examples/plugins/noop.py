#!/usr/bin/env python3
"""Answers every document with no spans: the protocol's own cost, for measuring throughput."""
from lede_plugin import serve

if __name__ == "__main__":
    serve("noop", ["noop"], lambda record: {})
