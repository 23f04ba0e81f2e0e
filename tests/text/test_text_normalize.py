"""Normalization: literal folding table, offset-map properties, normalize_key consistency."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import normalize, normalize_key
from marsad.text.normalize import IdentityOffsets

from ._strategies import texts

# (original, expected matching view)
CASES = [
    ("أحمد", "احمد"),
    ("إبراهيم", "ابراهيم"),
    ("آسيا", "اسيا"),
    ("ٱلله", "الله"),
    ("مصطفى", "مصطفي"),
    ("القاهرة", "القاهره"),
    ("مسؤول", "مسؤول"),
    ("رئيس", "رئيس"),
    ("مُحَمَّدٌ", "محمد"),
    ("ردًا", "ردا"),
    ("أيضاً", "ايضا"),
    ("الســـلام", "السلام"),
    ("رحمٰن", "رحمن"),
    ("ﻻ", "لا"),
    ("ﻹسرائيل", "لاسرائيل"),
    ("ﷲ", "الله"),
    ("ﺃﻣﺮﻳﻜﺎ", "امريكا"),
    ("٢٠٢٤", "2024"),
    ("۱۴۰۲", "1402"),
    ("٥٤٬٠٠٠", "54,000"),
    ("٢٫٥", "2.5"),
    ("٢٪", "2%"),
    ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
    ("طوكيو\u200fواشنطن", "طوكيوواشنطن"),
    ("a\u200bb\u200cc\u200dd\ufeffe\u2060f", "abcdef"),
    ("\u202bنص\u202c", "نص"),
    ("\u2067نص\u2069", "نص"),
    ("\u061cالنص", "النص"),
    ("a\u00a0b", "a b"),
    ("a\u2009\u2009b", "a b"),
    ("a \u3000 b", "a b"),
    ("a\t\tb", "a b"),
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\u2028b\u2029c\u0085d", "a\nb\nc\nd"),
    ("a\n\nb", "a\n\nb"),
    ("Japan’s", "japan's"),
    ("“Tokyo”", '"tokyo"'),
    ("«طوكيو»", '"طوكيو"'),
    ("US‐Japan", "us-japan"),
    ("US—Japan", "us-japan"),
    ("5−3", "5-3"),
    ("ＵＳＡ", "usa"),
    ("１２３", "123"),
    ("İstanbul", "i\u0307stanbul"),
    ("GROSS", "gross"),
    ("Blinken", "blinken"),
    ("soft\u00adhyphen", "softhyphen"),
    ("\x00nul", "\x00nul"),
    ("پاکستان", "پاكستان"),
    ("ایران", "ايران"),
    ("", ""),
]


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_folding_table(original: str, expected: str) -> None:
    nt = normalize(original)
    assert nt.norm == expected
    assert len(nt.offsets) == len(nt.norm) + 1
    assert normalize_key(original) == expected.strip()


@pytest.mark.parametrize(("key", "expected"), [
    ("  الولايات   المتحدة ", "الولايات المتحده"),
    ("\u200fأنتوني بلينكن\u200f", "انتوني بلينكن"),
    ("\nطوكيو\n", "طوكيو"),
    ("U.S.", "u.s."),
])
def test_normalize_key(key: str, expected: str) -> None:
    assert normalize_key(key) == expected


def test_identity_offsets_are_compact() -> None:
    nt = normalize("الولايات المتحدة واليابان")
    assert isinstance(nt.offsets, IdentityOffsets)
    assert list(nt.offsets) == list(range(len(nt.norm) + 1))


def test_to_original_takes_trailing_diacritics_but_not_space() -> None:
    text = "وَالوِلاياتُ المتّحدةُ، اليابان"
    nt = normalize(text)
    i = nt.norm.index("الولايات")
    s, e = nt.to_original(i, i + len("الولايات"))
    assert text[s:e] == "الوِلاياتُ"
    j = nt.norm.index("المتحده")
    s, e = nt.to_original(j, j + len("المتحده"))
    assert text[s:e] == "المتّحدةُ"


def test_to_original_never_takes_following_controls() -> None:
    text = "طوكيو\u200f واشنطن"
    nt = normalize(text)
    s, e = nt.to_original(0, 5)
    assert text[s:e] == "طوكيو"


def test_to_original_covers_whole_ligature() -> None:
    text = "ﻻعب"
    nt = normalize(text)
    assert nt.norm == "لاعب"
    assert nt.to_original(1, 2) == (0, 1)
    assert nt.to_original(0, 4) == (0, 3)


def test_to_original_rejects_bad_span() -> None:
    nt = normalize("abc")
    with pytest.raises(ValueError):
        nt.to_original(2, 1)
    with pytest.raises(ValueError):
        nt.to_original(0, 4)


def test_non_str_is_refused() -> None:
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_key(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_map_is_sound(text: str) -> None:
    nt = normalize(text)
    offs = list(nt.offsets)
    assert len(offs) == len(nt.norm) + 1
    assert offs[-1] == len(text)
    assert all(a <= b for a, b in zip(offs, offs[1:], strict=False))
    assert all(0 <= o < len(text) for o in offs[:-1])
    assert normalize_key(text) == nt.norm.strip()


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_to_original_inside_bounds_and_monotonic(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    n = len(nt.norm)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    c = data.draw(st.integers(b, n))
    s1, e1 = nt.to_original(a, b)
    s2, e2 = nt.to_original(b, c)
    assert 0 <= s1 <= e1 <= len(text)
    assert 0 <= s2 <= e2 <= len(text)
    assert s1 <= s2
    if a < b < c:
        assert e1 <= e2
    if a < b:
        # the original span folds back to (at least) the normalized piece
        assert nt.norm[a:b].strip() in normalize_key(text[s1:e1]) or nt.offsets[a] == nt.offsets[b - 1]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_folding_is_idempotent(text: str) -> None:
    once = normalize_key(text)
    assert normalize_key(once) == once
