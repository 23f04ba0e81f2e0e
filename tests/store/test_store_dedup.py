"""Duplicate keys: what counts as the same text, and the MinHash/LSH pieces."""
from __future__ import annotations

import pytest

from marsad.store import dedup

LONG = ("Officials in Cairo said the talks with Ankara would resume next week after a pause of several months, "
        "and that both sides hoped to agree on new rules for trade and energy before the end of the year. "
        "The two foreign ministers spoke by phone on Tuesday and asked their teams to prepare a joint plan.")


@pytest.mark.parametrize("a,b", [
    ("وقّعت مصرُ اتفاقيةً مع تركيا", "وقعت مصر اتفاقية مع تركيا"),  # harakat and shadda
    ("أعلنت الإمارات", "اعلنت الامارات"),  # hamza on alef
    ("زيارة إلى القاهرة", "زياره الي القاهره"),  # ta marbuta, alef maqsura
    ("Egypt,  Turkey   agree", "egypt turkey agree"),  # case, spacing, punctuation
    ("الاتفاقـــية", "الاتفاقية"),  # tatweel
])
def test_same_norm_key(a, b):
    assert dedup.norm_key(a) == dedup.norm_key(b)


@pytest.mark.parametrize("a,b", [("5 killed in Gaza", "50 killed in Gaza"), ("مصر", "تركيا"),
                                 ("Egypt agrees", "Egypt disagrees")])
def test_different_norm_key(a, b):
    assert dedup.norm_key(a) != dedup.norm_key(b)


def test_signature_similarity_tracks_shared_text():
    a = dedup.signature(LONG)
    same = dedup.signature(LONG.upper())
    copy = dedup.signature("CAIRO (Wire) - " + LONG + " All rights reserved.")
    other = dedup.signature(LONG[::-1])
    assert a is not None and len(a) == dedup.NUM_PERM * 4
    assert dedup.jaccard(a, same) == 1.0
    assert 0.8 <= dedup.jaccard(a, copy) < 1.0
    assert dedup.jaccard(a, other) < 0.1


def test_short_texts_get_no_signature_and_bands_are_stable():
    assert dedup.signature("Five killed in a blast near the port.") is None
    assert dedup.signature("") is None
    sig = dedup.signature(LONG)
    bands = dedup.band_hashes(sig)
    assert len(bands) == dedup.BANDS and bands == dedup.band_hashes(dedup.signature(LONG))
    assert all(-(2 ** 63) <= h < 2 ** 63 for h in bands)
