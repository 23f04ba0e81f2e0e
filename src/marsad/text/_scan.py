"""Small backward scanners over a normalized string (stdlib only).

Searching a window with a pattern anchored at its end (``search(..., pos, endpos)`` + ``$``) retries the
pattern at every start position of the window: quadratic in the window and slow. These helpers look back from a
position directly, in time proportional to what they read.
"""
from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PhraseSet", "words_before"]


_MISS = object()
SCAN_CACHE_MAX = 50_000  # answers cached per PhraseSet (cleared when full; a long ingest bounds it lower: ingest.memos)


class PhraseSet:
    """Fixed phrases (normalized, single spaces) that may stand right before a position, separated from it by
    spaces. ``before(norm, pos)`` returns ``(start, phrase)`` of the longest one, or None.

    What decides the answer is the ``window`` characters before the end ``j`` of the last word (one more than the
    longest phrase: the phrase and the character before it), or all of them when fewer: the answer is cached per
    distinct window (bounded), as an offset from ``j``. News repeats the few words before its numbers and dates
    ("نحو ", "أكثر من ", "منذ "), so most lookups are one slice and one dict lookup.
    """

    __slots__ = ("_by_last", "_longest", "_window", "_cache", "require_space")

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
        self._window = max((len(p) for v in by_last.values() for p in v), default=0) + 1
        self._cache: dict[str, tuple[int, str] | None] = {}
        self.require_space = require_space

    def before(self, norm: str, pos: int) -> tuple[int, str] | None:
        j = pos
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == pos and self.require_space or j == 0:
            return None
        # _ending_at(norm, j) reads norm[j - window:j] at most (a window of the longest last word and the character
        # before it for the word; of the longest phrase and the character before it for the phrases), and where
        # the window is shorter it starts at 0: a distinct window gives a distinct answer, relative to j.
        w = self._window
        key = norm[j - w:j] if j > w else norm[:j]
        found = self._cache.get(key, _MISS)
        if found is _MISS:
            found = self._ending_at(key, len(key))
            if found is not None:
                found = (found[0] - len(key), found[1])
            if len(self._cache) >= SCAN_CACHE_MAX:
                self._cache.clear()
            self._cache[key] = found
        if found is None:
            return None
        return j + found[0], found[1]  # type: ignore[index]

    def _ending_at(self, norm: str, j: int) -> tuple[int, str] | None:
        """The longest phrase that ends at ``j`` (after the spaces before the position) as ``(start, phrase)``."""
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
