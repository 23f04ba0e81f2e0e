"""Text at the boundary: the one rule for characters that no UTF-8 file, database or JSON reply can carry.

A lone surrogate (a code point U+D800-U+DFFF: ``"\\ud800"`` is valid JSON, and ``surrogateescape`` decoding makes
them too) cannot be encoded as UTF-8, so DuckDB, Arrow and every JSON writer refuse it. ``clean_text`` replaces
each with U+FFFD (the replacement character): one code point for one, so every offset into the text stays true,
and the document is coded, stored and served like any other. Other characters are kept as given: NUL and control
characters are valid Unicode that the store and JSON carry (``marsad code`` refuses a *file* with NUL bytes as
binary). Imports nothing of marsad.
"""
from __future__ import annotations

import re

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the same string object when there is none)."""
    if text.isascii() or SURROGATE.search(text) is None:
        return text
    return SURROGATE.sub(REPLACEMENT, text)
