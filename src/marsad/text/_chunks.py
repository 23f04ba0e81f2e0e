"""Whitespace-delimited chunks of a text with their offsets, shared by the stages (stdlib + ``marsad.text``).

On an identity view (``normalize`` deleted, expanded and collapsed nothing) every character of the view comes
from the character at the same index and keeps its whitespace-ness (``SPACE_SAFE``), so the original's chunks are
the view's chunks and the view of a chunk is ``chunk.translate(NORM_TABLE)``. Tokens, number atoms and date
triggers never contain whitespace, so they can be worked out once per distinct chunk and reused wherever the
chunk occurs (text is Zipfian: most chunks repeat), instead of scanning every text with a regular expression.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, compress, repeat
from operator import add

from .normalize import _TABLE as NORM_TABLE

__all__ = ["NORM_TABLE", "SPACE_SAFE", "chunks_and_starts", "marked_chunks", "register_finder"]


def _space_safe() -> bool:
    """True when the view keeps every character's whitespace-ness (so the original's chunks are the view's)."""
    for code, v in NORM_TABLE.items():
        ch = chr(code)
        v = chr(v) if isinstance(v, int) else v
        if len(v) == 1 and ch.isspace() != v.isspace():
            return False
    return True


SPACE_SAFE = _space_safe()
_MULTI_SPACE_SPLIT = re.compile(r"(\s\s++)").split
# the stages of one text ask in turn (tokens, numbers, dates): the last answer is kept, keyed by the identity of
# the text object (held here, so the identity cannot be reused by another string); one tuple, replaced in one
# assignment, so that threads never see a text with another text's chunks; big texts are not kept (memory)
# (text, chunks, starts, marked chunks or None until asked for)
_LAST: tuple[str | None, list[str], list[int], list[tuple[int, tuple]] | None] = (None, [], [], None)
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
            # each chunk starts one character after the end of the one before (map(add, ..., repeat(1)) is the
            # fastest stdlib "+ 1" per item); the last value is one past the end of the last chunk
            found_starts = list(accumulate(map(add, map(len, found), repeat(1)), initial=first))
            if found_starts.pop() - 1 + piece[-1].isspace() == pos + len(piece):
                chunks += found
                starts += found_starts
            else:
                _cut_runs(piece, pos, chunks, starts)
        pos += len(piece) + 2
    if len(text) <= _LAST_MAX:
        _LAST = (text, chunks, starts, None)
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
                found_starts = list(accumulate(map(add, map(len, found), repeat(1)), initial=first))
                found_starts.pop()
                starts += found_starts
        pos += len(part)


# -- marks: what the per-chunk finders of the stages find, one lookup per chunk for all of them ----------------
#
# numbers (number atoms) and dates (trigger words) each find things in a few chunks of a text (~5%); instead of
# each looking every chunk up in its own cache, a finder is registered here and one cache maps a chunk to the
# tuple of what every finder found in it (None when none found anything). ``marked_chunks`` gives the few marked
# chunks of a text, worked out once per text and kept with its chunks.

_FINDERS: list[Callable[[str], tuple]] = []  # type: ignore[type-arg]
_MARKS_MAX = 100_000


class _Marks(dict):  # type: ignore[type-arg]
    """ORIGINAL chunk -> ``(finder 0's findings, finder 1's findings, ...)``, or None when all are empty; worked
    out on first lookup (and remembered for chunks of up to 40 characters)."""

    def __missing__(self, chunk: str) -> tuple | None:  # type: ignore[type-arg]
        found = tuple([f(chunk) for f in _FINDERS])
        mark = found if any(found) else None
        if len(chunk) <= 40:
            self[chunk] = mark
        return mark


_MARKS = _Marks()


def register_finder(finder: Callable[[str], tuple]) -> int:  # type: ignore[type-arg]
    """Add a per-chunk finder (ORIGINAL chunk -> a tuple of findings relative to the chunk, empty for none; it
    must depend on the chunk alone, see the module docstring) and return its index in a chunk's marks."""
    global _MARKS, _LAST
    _FINDERS.append(finder)
    _MARKS = _Marks()
    _LAST = (None, [], [], None)
    return len(_FINDERS) - 1


def marked_chunks(text: str) -> list[tuple[int, tuple]]:  # type: ignore[type-arg]
    """``[(chunk start, marks), ...]`` for the chunks of ``text`` where some finder found something, in order
    (read-only: shared between callers). For an identity view only (see the module docstring)."""
    global _LAST, _MARKS
    last = _LAST
    if last[0] is text and last[3] is not None:
        return last[3]
    chunks, starts = chunks_and_starts(text)
    marks = _MARKS
    if len(marks) > _MARKS_MAX:
        marks = _MARKS = _Marks()
    found = list(map(marks.__getitem__, chunks))
    out = list(compress(zip(starts, found), found))
    last = _LAST
    if last[0] is text:
        _LAST = (text, last[1], last[2], out)
    return out
