"""_scan.PhraseSet: the answer cached per window equals the answer read off the whole string."""
from __future__ import annotations

import random

from marsad.text._scan import PhraseSet
from marsad.text.dates import _RELATION_BEFORE
from marsad.text.numbers import _APPROX_BEFORE


def _uncached(ps: PhraseSet, norm: str, pos: int) -> tuple[int, str] | None:
    j = pos
    while j > 0 and norm[j - 1] == " ":
        j -= 1
    if j == pos and ps.require_space or j == 0:
        return None
    return ps._ending_at(norm, j)


def test_phrase_before_cached_equals_uncached() -> None:
    rng = random.Random(3)
    words = ["ما", "يقرب", "من", "نحو", "بنحو", "اكثر", "لا", "يقل", "عن", "more", "than", "up", "to", "as", "many",
             "منذ", "ومنذ", "في", "حتي", "x", "1", "-", ".", "\n", "", "  ", "قرابه", "يربو", "علي", "ابتداء"]
    sets = [_APPROX_BEFORE, _RELATION_BEFORE, PhraseSet(["a b", "b"], require_space=False)]
    for _ in range(20_000):
        norm = " ".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.3:
            norm = norm.replace(" ", rng.choice(["", "  ", "-", "\n"]), rng.randint(0, 3))
        pos = rng.randint(0, len(norm))
        for ps in sets:
            assert ps.before(norm, pos) == _uncached(ps, norm, pos), (norm, pos)
