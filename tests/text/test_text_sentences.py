"""Sentences: headlines, abbreviations, decimals, quotations, lists; coverage properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

from marsad.text import split_sentences
from marsad.text.normalize import IGNORABLE_CHARS

from ._strategies import arabicish, texts


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("اجتماع في طوكيو\nقال الوزير إن الاجتماع نجح.", ["اجتماع في طوكيو", "قال الوزير إن الاجتماع نجح."]),
    ("نجح الاجتماع. وأضاف الوزير أن التعاون مستمر.", ["نجح الاجتماع.", "وأضاف الوزير أن التعاون مستمر."]),
    ("هل ينجح الاجتماع؟ نعم!", ["هل ينجح الاجتماع؟", "نعم!"]),
    ("قال د. أحمد إن الوفد وصل.", ["قال د. أحمد إن الوفد وصل."]),
    ("التقى م. خالد بالوفد. ثم غادر.", ["التقى م. خالد بالوفد.", "ثم غادر."]),
    ("ارتفع المؤشر 2.5 نقطة. وانخفض الدولار.", ["ارتفع المؤشر 2.5 نقطة.", "وانخفض الدولار."]),
    ("ارتفع بنسبة ٢٫٥٪. وانخفض.", ["ارتفع بنسبة ٢٫٥٪.", "وانخفض."]),
    ("قال الوزير: «سنعمل معا.» وأضاف أن الخطة جاهزة.",
     ["قال الوزير: «سنعمل معا.»", "وأضاف أن الخطة جاهزة."]),
    ("قال إن القوات (نحو 54 ألف جندي. تقريبا) باقية.", ["قال إن القوات (نحو 54 ألف جندي. تقريبا) باقية."]),
    ("الأول؛ والثاني؛ والثالث.", ["الأول؛ والثاني؛ والثالث."]),
    ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
    ("- نقطة أولى\n- نقطة ثانية", ["- نقطة أولى", "- نقطة ثانية"]),
    ("Mr. Smith met U.S. officials. They agreed.", ["Mr. Smith met U.S. officials.", "They agreed."]),
    ("Dr. Jones arrived on Jan. 5. He left.", ["Dr. Jones arrived on Jan. 5.", "He left."]),
    ("J. Smith spoke. Then he left.", ["J. Smith spoke.", "Then he left."]),
    ('He said: "We agree." Then he left.', ['He said: "We agree."', "Then he left."]),
    ("Growth was 2.5 percent. Prices rose.", ["Growth was 2.5 percent.", "Prices rose."]),
    ("Wait... what? Yes!", ["Wait... what?", "Yes!"]),
    ("Wait... What? Yes!", ["Wait...", "What?", "Yes!"]),
    ("انتظر… ماذا؟ نعم", ["انتظر…", "ماذا؟", "نعم"]),
    ("It was approx. five km away.", ["It was approx. five km away."]),
    ("The talks ended. the end", ["The talks ended. the end"]),
    ("Headline without stop\n\nBody text here.", ["Headline without stop", "Body text here."]),
    ("   \n  نص  \n  ", ["نص"]),
    ("\u200fنص عربي.\u200f نص آخر.", ["نص عربي.", "نص آخر."]),
    ("", []),
    ("\u200e\u200f", []),
])
def test_sentence_table(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in IGNORABLE_CHARS


def _check(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    prev = 0
    for a, b in spans:
        assert prev <= a < b <= len(text)
        assert not _blank(text[a]) and not _blank(text[b - 1])
        for i in range(a, b):
            covered[i] += 1
        prev = b
    for i, ch in enumerate(text):
        if not _blank(ch):
            assert covered[i] == 1, (i, ch)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_cover_every_visible_char_once(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(arabicish)
def test_sentences_cover_arabic_mix(text: str) -> None:
    _check(text)
