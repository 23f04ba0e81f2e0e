"""Bytes the coder's memos hold, memo by memo (a measurement for issue 24's memory work, not a test of output).

``memo_bytes(memos)`` (``memos``: e.g. ``ingest.memos.coder_memos()``, the memos the coder fills per word form
in this process: word readings, lexicon starts, heads and shared shapes, NER cues, decision sums, token templates
and split plans) walks each memo's keys and values and adds up ``sys.getsizeof`` of every str, number and container they reach
(tuples, frozensets, dicts, lists, the lexicon's ``_Starts``), each object once: an object two memos share counts
for the first one walked (the word readings first), and objects outside the memos' own kinds (the KB's patterns and
triggers) are neither walked nor counted. None, booleans, the empty tuple and frozenset and the one-letter Latin-1
strings are the interpreter's own and count for nothing. ``bench/memo_bytes.py`` prints the table after coding
real articles; ``tests/extract/test_extract_memo_bytes.py`` bounds the bytes a word form costs.
Imports ``marsad.extract.lexicon`` (the ``_Starts`` it walks into); stdlib otherwise.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

__all__ = ["MemoBytes", "memo_bytes"]

_WALKED = (tuple, frozenset, list, set)


@dataclass(slots=True)
class MemoBytes:
    name: str
    entries: int
    bytes: int

    @property
    def per_entry(self) -> float:
        return self.bytes / self.entries if self.entries else 0.0


def memo_bytes(memos: dict[str, dict]) -> list[MemoBytes]:
    """The entries and bytes of each memo, in the order given (see the module docstring for what counts)."""
    from ..extract.lexicon import _Starts

    seen: set[int] = {id(None), id(True), id(False), id(()), id(frozenset())}
    seen.update(id(chr(c)) for c in range(256))
    seen.add(id(""))
    out = []
    for name, memo in memos.items():
        old = getattr(memo, "old", None)
        gens = [memo] if old is None else [memo, old]
        total = 0
        stack: list = []
        for d in gens:
            total += sys.getsizeof(d)
            stack.extend(d.keys())
            stack.extend(d.values())
        while stack:
            obj = stack.pop()
            i = id(obj)
            if i in seen:
                continue
            kind = type(obj)
            if kind in (str, int, float):
                seen.add(i)
                total += sys.getsizeof(obj)
            elif kind in _WALKED:
                seen.add(i)
                total += sys.getsizeof(obj)
                stack.extend(obj)
            elif kind is dict:
                seen.add(i)
                total += sys.getsizeof(obj)
                stack.extend(obj.keys())
                stack.extend(obj.values())
            elif kind is _Starts:
                seen.add(i)
                total += sys.getsizeof(obj)
                stack.extend(getattr(obj, s) for s in _Starts.__slots__)
            elif isinstance(obj, tuple):  # a named tuple
                seen.add(i)
                total += sys.getsizeof(obj)
                stack.extend(obj)
        out.append(MemoBytes(name, sum(map(len, gens)), total))
    return out
