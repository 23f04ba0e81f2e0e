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

    __slots__ = ("_by_last", "_longest", "require_space")

    def __init__(self, phrases: Iterable[str], require_space: bool = True) -> None:
        by_last: dict[str, list[str]] = {}
        for p in phrases:
            words = p.split(" ")
            if not all(w.isalnum() for w in words):
                raise ValueError(f"a phrase is alphanumeric words separated by single spaces: {p!r}")
            by_last.setdefault(words[-1], []).append(p)
        # keyed by the last word: a phrase that ends at j and starts after a non-alphanumeric character (or after
        # a space inside the phrase) has the run of alphanumerics that ends at j as its last word
        self._by_last = {k: sorted(v, key=len, reverse=True) for k, v in by_last.items()}
        self._longest = max(map(len, self._by_last), default=0)
        self.require_space = require_space

    def before(self, norm: str, pos: int) -> tuple[int, str] | None:
        j = pos
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == pos and self.require_space or j == 0:
            return None
        stop = j - self._longest - 1 if j > self._longest else -1  # a longer run is no phrase's last word
        # the run of alphanumerics that ends at j: usually the word after the last space before j
        i = norm.rfind(" ", stop if stop > 0 else 0, j) + 1
        last = norm[i:j]
        if not i or not last.isalnum():
            i = j  # no space close enough, or punctuation in between: walk back
            while i > 0 and norm[i - 1].isalnum():
                i -= 1
                if i == stop:
                    return None
            last = norm[i:j]
        cands = self._by_last.get(last)
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
