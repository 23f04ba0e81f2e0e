"""``words._analyses`` (the enclitic splits written out, no set until a stem is rewritten) gives what the reference
below gives: the code as it stood before (a set of every reading, ``enclitic_splits`` per proclitic split)."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import words as W
from marsad.text import enclitic_splits, normalize_key, proclitic_splits


def _reference(norm: str, lang: str) -> tuple:
    if lang != "ar" or not norm or not norm[0].isalpha():
        out = [("", norm, "")]
        if lang == "en" and norm.endswith("'s"):
            out.append(("", norm[:-2], "'s"))
        return tuple(out)
    seen: set = set()
    out = []
    for prefix, rest in proclitic_splits(norm):
        for item in ((prefix, rest, ""),) + tuple((prefix, stem, suf) for stem, suf in enclitic_splits(rest) if suf):
            if item[2] == "ي" and (prefix.endswith(("ال", "لل")) or W.DEFINITE_STEM.match(prefix + item[1])
                                   or (prefix.endswith("ل") and item[1].startswith("ل"))):
                continue
            if item not in seen and len(item[1]) >= 2:
                seen.add(item)
                out.append(item)
    for prefix, stem, suffix in list(out):
        if suffix and stem.endswith("ت") and len(stem) >= 4 and (prefix, stem[:-1] + "ه", suffix) not in seen:
            seen.add((prefix, stem[:-1] + "ه", suffix))
            out.append((prefix, stem[:-1] + "ه", suffix))
        elif suffix and stem.endswith("و") and len(stem) >= 4 and (prefix, stem + "ا", suffix) not in seen:
            seen.add((prefix, stem + "ا", suffix))
            out.append((prefix, stem + "ا", suffix))
        elif suffix and stem.endswith(W.HAMZA_SEATS) and len(stem) >= 4 and (prefix, stem[:-1] + "ء", suffix) not in seen:
            seen.add((prefix, stem[:-1] + "ء", suffix))
            out.append((prefix, stem[:-1] + "ء", suffix))
    if len(norm) >= 3 and norm[0] in W.CONJUNCTIONS and not any(p == norm[0] for p, _b, _s in out):
        out.append((norm[0], norm[1:], ""))
    if not out:
        out.append(("", norm, ""))
    return tuple(out)


_PIECES = ["و", "ف", "ب", "ك", "ل", "س", "ال", "لل", "ت", "و", "ائ", "اؤ", "ء", "ه", "ها", "هم", "هما", "هن", "كم",
           "كما", "نا", "ي", "ة", "ا", "زيارت", "قتلو", "لقائ", "اجتماع", "والد", "لبنان", "لم", "لن", "x", "'s"]


def test_glued_clitics_and_stems() -> None:
    rng = random.Random(5)
    for _ in range(30_000):
        word = normalize_key("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5))))
        for lang in ("ar", "en"):
            assert W._analyses(word, lang) == _reference(word, lang), (word, lang)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.characters(), st.text(max_size=3)), max_size=6))
def test_hostile_words(parts: list[str]) -> None:
    word = "".join(parts)
    for w in (word, normalize_key(word)):
        assert W._analyses(w, "ar") == _reference(w, "ar"), w


def test_readings_hold_interned_strings() -> None:
    """Every prefix, base and suffix of ``analyses`` is the interned string (the memos share one object each)."""
    import sys

    rng = random.Random(6)
    for _ in range(3000):
        word = normalize_key("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5))))
        for lang in ("ar", "en"):
            for p, b, s in W.analyses(word, lang):
                assert sys.intern(p) is p and sys.intern(b) is b and sys.intern(s) is s, (word, p, b, s)
