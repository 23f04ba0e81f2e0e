"""The letters-only fast paths of the per-chunk finders (``str.isalpha`` chunks: most of them) give what the
general code gives: ``dates._alpha_trigger_spans`` what ``_trigger_spans``'s scans give, ``numbers._alpha_atom_match``
what ``_atom_matches(" " + view)`` gives."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import dates, numbers
from marsad.text._chunks import NORM_TABLE

from ._strategies import SPECIAL

# words the two finders look for, glued to clitics and to each other (letters only once normalized)
_WORDS = ["يوليو", "تموز", "كانون", "الثاني", "عام", "العام", "امس", "أمس", "اليوم", "غدا", "الاسبوع", "الماضي",
          "المقبل", "يوم", "الثلاثاء", "رمضان", "منذ", "ايام", "اسابيع", "شهرين", "سنوات", "ثلاثة", "ثلاث", "عشر",
          "عشرات", "مئات", "ألف", "آلاف", "الف", "مليون", "ملايين", "نصف", "ربع", "أربعة", "وخمسين", "وبالأمس",
          "والثلاثاء", "لعام", "بحلول", "march", "July", "yesterday", "three", "thousand", "dozens", "a", "ب", "و",
          "ال", "ة", "ه", "x", "ﻻ", "İ", "ß", "Σ"]


def _slow_trigger_spans(view: str) -> list[tuple[int, int]]:
    """``dates._trigger_spans`` with its letters-only shortcut off."""
    fast = dates._alpha_trigger_spans
    try:
        dates._alpha_trigger_spans = lambda s: _general_spans(s)  # type: ignore[assignment]
        return dates._trigger_spans(view)
    finally:
        dates._alpha_trigger_spans = fast


def _general_spans(norm: str) -> list[tuple[int, int]]:
    """The general code of ``_trigger_spans`` (digit runs, the reversed scan, the match at the end) on any string."""
    cands = [m.start() for m in dates._DIGIT_RUN.finditer(norm)]
    n = len(norm)
    rev = norm[::-1]
    cands.extend([n - 1 - m.start() - len(m.group(1)) for m in dates._TRIGGER_REV.finditer(rev)])
    m0 = dates._TRIGGER_REV_AT0.match(rev)
    if m0 is not None and m0.end():
        cands.append(n - m0.end())
    cands.sort()
    out, last = [], 0
    for p in cands:
        if p < last:
            continue
        m = dates._TRIGGER.match(norm, p)
        if m is not None:
            last = m.end()
            out.append((p, last))
    return out


def _check(view: str) -> None:
    if not view.isalpha():
        return
    assert dates._alpha_trigger_spans(view) == _general_spans(view) == _slow_trigger_spans(view), repr(view)
    fast = numbers._alpha_atom_match(view)
    slow = numbers._atom_matches(" " + view)
    assert [(m.span(), m.groupdict()) for m in ([fast] if fast is not None else [])] == \
        [(m.span(), m.groupdict()) for m in slow], repr(view)


def test_letters_only_chunks_of_glued_words() -> None:
    rng = random.Random(9)
    for word in _WORDS:
        _check(word.translate(NORM_TABLE))
    for _ in range(20_000):
        chunk = "".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
        _check(chunk.translate(NORM_TABLE))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPECIAL + _WORDS), st.characters(categories=("L",)),
                          st.text(st.characters(categories=("Lo", "Ll", "Lu", "Lm")), max_size=5)), max_size=6))
def test_letters_only_views_of_hostile_text(parts: list[str]) -> None:
    raw = "".join(parts)
    _check(raw)
    _check(raw.translate(NORM_TABLE))
    for piece in raw.translate(NORM_TABLE).split():
        _check(piece)


def test_chunk_finders_on_letters_only_chunks() -> None:
    """The finders' results of letters-only chunks: the triggers and atoms of the general code, relative to the
    chunk."""
    for chunk in ["يوليو", "لعام", "ثلاثة", "وخمسين", "الف", "آلاف", "قتل", "أمس", "ﻻ", "yesterday", "three"]:
        view = chunk.translate(NORM_TABLE)
        triggers = dates._chunk_triggers(chunk)
        if triggers is not dates._MULTI:
            assert triggers == tuple((a, b, dates._check(view[a:b])) for a, b in _general_spans(view))
        expected = tuple((ns - 1, ne - 1, *rest) for ns, ne, *rest in
                         filter(None, map(numbers._atom_record, numbers._atom_matches(" " + view))))
        assert numbers._chunk_atoms(chunk) == expected, chunk
