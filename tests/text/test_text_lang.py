"""Language detection by script ratio, per document and per sentence."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

from marsad.text import detect_language, sentence_languages

from ._strategies import texts


@pytest.mark.parametrize(("text", "lang"), [
    ("قرر البلدان افتتاح قنصلية جديدة في مدينة البصرة", "ar"),
    ("قال بلينكن إن Washington ستدعم Tokyo في مواجهة التهديدات", "ar"),
    ("The two ministers agreed to reopen the border crossing next month.", "en"),
    ("Lavrov met Fidan (فيدان) in Ankara on Sunday.", "en"),
    ("این یک متن فارسی است که برای آزمایش نوشته شده و چند کلمه دارد", "other"),
    ("یہ ایک اردو جملہ ہے جو جانچ کے لیے لکھا گیا ہے", "other"),
    ("Это русский текст о встрече министров", "other"),
    ("東京で会談が行われた", "other"),
    ("12345 !!! ...", "other"),
    ("", "other"),
    ("\u200f\u200e", "other"),
    ("ﺃﻣﺮﻳﻜﺎ ﻭﺍﻟﻴﺎﺑﺎﻥ", "ar"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_sentence_languages() -> None:
    text = "اجتماع في طوكيو.\nThe ministers met in Tokyo.\n2024"
    got = sentence_languages(text)
    assert [(text[a:b], lang) for a, b, lang in got] == [
        ("اجتماع في طوكيو.", "ar"), ("The ministers met in Tokyo.", "en"), ("2024", detect_language(text))]
    assert detect_language(text) == "en"  # more Latin letters than Arabic ones


@settings(max_examples=200, deadline=None)
@given(texts)
def test_language_total(text: str) -> None:
    assert detect_language(text) in ("ar", "en", "other")
    for a, b, lang in sentence_languages(text):
        assert 0 <= a < b <= len(text) and lang in ("ar", "en", "other")
