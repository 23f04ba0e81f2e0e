"""Build a compact regular expression from a word list (a trie of alternatives), for stdlib ``re``.

A flat alternation of hundreds of words makes ``re`` try every branch at every position; the trie shares
prefixes so each position costs about one character test. May import: stdlib only.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A non-capturing pattern matching exactly the given words (longest match preferred). A space inside a
    word matches ``space``."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append((space if ch == " " else re.escape(ch)) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"
