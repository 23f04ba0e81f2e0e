"""Small backward scanners over a normalized string (stdlib only).

Searching a window with a pattern anchored at its end (``search(..., pos, endpos)`` + ``$``) retries the
pattern at every start position of the window: quadratic in the window and slow. These helpers look back from a
position directly, in time proportional to what they read.
"""
from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PhraseSet", "words_before"]


class PhraseSet:
    """Fixed phrases (normalized, single spaces) that may stand right before a position, separated from it by
    spaces. ``before(norm, pos)`` returns ``(start, phrase)`` of the longest one, or None."""

    __slots__ = ("_by_last", "require_space")

    def __init__(self, phrases: Iterable[str], require_space: bool = True) -> None:
        by_last: dict[str, list[str]] = {}
        for p in phrases:
            by_last.setdefault(p[-1], []).append(p)
        self._by_last = {k: sorted(v, key=len, reverse=True) for k, v in by_last.items()}
        self.require_space = require_space

    def before(self, norm: str, pos: int) -> tuple[int, str] | None:
        j = pos
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == pos and self.require_space or j == 0:
            return None
        cands = self._by_last.get(norm[j - 1])
        if not cands:
            return None
        for p in cands:
            k = j - len(p)
            if k >= 0 and norm.startswith(p, k) and (k == 0 or not norm[k - 1].isalnum()):
                return k, p
        return None


def words_before(norm: str, pos: int, k: int, max_chars: int = 60) -> list[str]:
    """Up to ``k`` space/newline-separated words ending before ``pos`` (nearest first), reading at most
    ``max_chars`` characters back (a normalized view has no other whitespace). Punctuation stays attached
    ("28," "يوليو/تموز")."""
    out: list[str] = []
    lo = max(0, pos - max_chars)
    j = pos
    while len(out) < k:
        while j > lo and norm[j - 1] in " \n":
            j -= 1
        if j <= lo:
            break
        e = j
        j = max(norm.rfind(" ", lo, e), norm.rfind("\n", lo, e)) + 1
        if j <= lo and lo > 0:
            break  # the word may go on beyond the window
        out.append(norm[j:e])
    return out
