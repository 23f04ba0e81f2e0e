"""Whitespace-delimited chunks of a text with their offsets, shared by the stages (stdlib + ``marsad.text``).

On an identity view (``normalize`` deleted, expanded and collapsed nothing) every character of the view comes
from the character at the same index and keeps its whitespace-ness (``SPACE_SAFE``), so the original's chunks are
the view's chunks and the view of a chunk is ``chunk.translate(NORM_TABLE)``. Tokens, number atoms and date
triggers never contain whitespace, so they can be worked out once per distinct chunk and reused wherever the
chunk occurs (text is Zipfian: most chunks repeat), instead of scanning every text with a regular expression.
"""
from __future__ import annotations

import re
from itertools import accumulate

from .normalize import _TABLE as NORM_TABLE

__all__ = ["NORM_TABLE", "SPACE_SAFE", "chunks_and_starts"]


def _space_safe() -> bool:
    """True when the view keeps every character's whitespace-ness (so the original's chunks are the view's)."""
    for code, v in NORM_TABLE.items():
        ch = chr(code)
        v = chr(v) if isinstance(v, int) else v
        if len(v) == 1 and ch.isspace() != v.isspace():
            return False
    return True


SPACE_SAFE = _space_safe()
_PLUS1 = (1).__add__
_MULTI_SPACE_SPLIT = re.compile(r"(\s\s++)").split
# the stages of one text ask in turn (tokens, numbers, dates): the last answer is kept, keyed by the identity of
# the text object (held here, so the identity cannot be reused by another string); one tuple, replaced in one
# assignment, so that threads never see a text with another text's chunks; big texts are not kept (memory)
_LAST: tuple[str | None, list[str], list[int]] = (None, [], [])
_LAST_MAX = 200_000


def chunks_and_starts(text: str) -> tuple[list[str], list[int]]:
    """The whitespace-delimited chunks of ``text`` and their start offsets (read-only: shared between callers).

    The text is cut at its paragraph breaks (the commonest run of two whitespace characters); inside a piece where
    every separator is one character (and at most one comes first), ``str.split`` gives the chunks and their
    lengths give the starts: no Python step per chunk. Whether that holds shows at the end of the last chunk; a
    piece with other runs is cut at them first (``_cut_runs``).
    """
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1], last[2]
    chunks: list[str] = []
    starts: list[int] = []
    pos = 0
    for piece in text.split("\n\n"):
        found = piece.split()
        if found:
            first = pos + 1 if piece[0].isspace() else pos
            found_starts = list(accumulate(map(_PLUS1, map(len, found[:-1])), initial=first))
            if found_starts[-1] + len(found[-1]) + piece[-1].isspace() == pos + len(piece):
                chunks += found
                starts += found_starts
            else:
                _cut_runs(piece, pos, chunks, starts)
        pos += len(piece) + 2
    if len(text) <= _LAST_MAX:
        _LAST = (text, chunks, starts)
    return chunks, starts


def _cut_runs(piece: str, pos: int, chunks: list[str], starts: list[int]) -> None:
    """Append the chunks of ``piece`` (which starts at ``pos``) and their starts, cutting it at its runs of two or
    more whitespace characters first."""
    for i, part in enumerate(_MULTI_SPACE_SPLIT(piece)):
        if i % 2 == 0 and part:  # even items are the parts between the runs
            found = part.split()
            chunks += found
            first = pos + 1 if part[0].isspace() else pos  # at most one whitespace character before the first chunk
            if found:
                starts += accumulate(map(_PLUS1, map(len, found[:-1])), initial=first)
        pos += len(part)
