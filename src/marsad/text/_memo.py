"""Bounded memos for a coder that runs for hours (an ingest): two generations, the frequent entries kept.

The coder memoizes pure functions of a word form (readings, lexicon heads, token templates, split plans, NER cues,
decision sums). A memo that starts over when full forgets the frequent forms with the rare ones, so a small bound
costs a lot of recomputation (``marsad ingest --small-memos``: 9-16% more coding CPU); one that never starts over
grows with the vocabulary of the corpus. A ``Generations`` memo is a dict (the current generation; a hit is one
dict lookup, as before) with an ``old`` dict (the previous generation): when an entry is added (``put``) to a
current generation holding ``bound`` entries or more, that generation becomes the old one (the previous old one is
dropped) and the current one starts empty; a key the current generation misses is looked for in the old one
(``recall``) and, when there, moved back (it counts against the bound as an added entry does). So a memo holds
at most ``2 * bound`` entries, an entry used at least once
per generation is never worked out again, and the bound is checked only when an entry is added (no bookkeeping per
hit, unlike an LRU). The bound is passed at each ``put``, so that a module constant set at run time
(``ingest.memos``) takes effect. Speed: ``memo.get`` looked up on a dict subclass and called is ~35% slower than
on a dict (CPython specializes method-descriptor calls for the exact type only); hot paths bind ``memo.get`` once
(a bound method calls as fast as a dict's). Stdlib only.
"""
from __future__ import annotations

__all__ = ["Generations"]

_MISS = object()


class Generations(dict):  # type: ignore[type-arg]
    """A memo of two generations: the current one (the dict itself) and ``old``."""

    __slots__ = ("old",)

    def __init__(self) -> None:
        super().__init__()
        self.old: dict = {}  # type: ignore[type-arg]

    def recall(self, key, bound: int, default=None):  # type: ignore[no-untyped-def]
        """The value of a key the current generation misses, from the old one (moved back into the current one,
        which counts against ``bound`` as ``put`` does), or ``default``."""
        value = self.old.pop(key, _MISS)
        if value is _MISS:
            return default
        if len(self) >= bound:
            self.rotate()
        self[key] = value
        return value

    def put(self, key, value, bound: int):  # type: ignore[no-untyped-def]
        """Remember ``value`` for ``key`` (a new entry), turning the current generation into the old one first when
        it holds ``bound`` entries or more; returns ``value``."""
        if len(self) >= bound:
            self.rotate()
        self[key] = value
        return value

    def rotate(self) -> None:
        """Start a new generation: the current entries become the old ones, the previous old ones are dropped."""
        self.old = dict(self)
        self.clear()

    def entries(self) -> int:
        """Entries held in both generations."""
        return len(self) + len(self.old)

    def forget(self) -> None:
        """Drop both generations."""
        self.old = {}
        self.clear()
