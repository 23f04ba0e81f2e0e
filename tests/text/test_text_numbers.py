"""Numbers: digits, words, multipliers, vague ranges, approximators, percent, years; span properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

from marsad.text import find_numbers, parse_number_words

from ._strategies import arabicish, texts

# (text, expected number text, value, approx, percent)
CASES = [
    ("نشر 54,000 جندي", "54,000", 54000, False, False),
    ("نشر ٥٤٬٠٠٠ جندي", "٥٤٬٠٠٠", 54000, False, False),
    ("نشر 54.000 جندي", "54.000", 54000, False, False),
    ("بلغ 1.234.567 نسمة", "1.234.567", 1234567, False, False),
    ("بلغ النمو 2.5 نقطة", "2.5", 2.5, False, False),
    ("بلغ النمو ٢٫٥ نقطة", "٢٫٥", 2.5, False, False),
    ("نحو 54 ألف جندي", "نحو 54 ألف", 54000, True, False),
    ("ما يقرب من 38 ألف جندي", "ما يقرب من 38 ألف", 38000, True, False),
    ("ما يقرب من أربعة وخمسين ألف جندي", "ما يقرب من أربعة وخمسين ألف", 54000, True, False),
    ("ثلاثة آلاف جندي", "ثلاثة آلاف", 3000, False, False),
    ("عشرة آلاف لاجئ", "عشرة آلاف", 10000, False, False),
    ("ثلاثة عشر ألفا", "ثلاثة عشر ألفا", 13000, False, False),
    ("أحد عشر قتيلا", "أحد عشر", 11, False, False),
    ("اثنا عشر وزيرا", "اثنا عشر", 12, False, False),
    ("نصف مليون لاجئ", "نصف مليون", 500000, False, False),
    ("مليون ونصف مليون", "مليون ونصف مليون", 1500000, False, False),
    ("مليون ونصف", "مليون ونصف", 1500000, False, False),
    ("2.5 مليار دولار", "2.5 مليار", 2.5e9, False, False),
    ("٢٫٥ مليار دولار", "٢٫٥ مليار", 2.5e9, False, False),
    ("3 ملايين نسمة", "3 ملايين", 3e6, False, False),
    ("مئتان وخمسون ألفا", "مئتان وخمسون ألفا", 250000, False, False),
    ("ثلاثمئة وخمسين جنديا", "ثلاثمئة وخمسين", 350, False, False),
    ("ثلاث مئة جندي", "ثلاث مئة", 300, False, False),
    ("ألف وخمسمائة", "ألف وخمسمائة", 1500, False, False),
    ("ألفين جندي", "ألفين", 2000, False, False),
    ("ربع مليون", "ربع مليون", 250000, False, False),
    ("واحد", "واحد", 1, False, False),
    ("عشرون عاما", "عشرون", 20, False, False),
    ("حوالي عشرين جنديا", "حوالي عشرين", 20, True, False),
    ("قرابة 300 شخص", "قرابة 300", 300, True, False),
    ("زهاء مئة شخص", "زهاء مئة", 100, True, False),
    ("أكثر من 100 شخص", "أكثر من 100", 100, True, False),
    ("أقل من 5 قتلى", "أقل من 5", 5, True, False),
    ("100 شخص تقريبا", "100", 100, True, False),
    ("2% من الناتج", "2%", 2, False, True),
    ("٢٪ من الناتج", "٢٪", 2, False, True),
    ("2 في المئة من الناتج", "2 في المئة", 2, False, True),
    ("بنسبة 3 بالمئة", "3 بالمئة", 3, False, True),
    ("بنسبة 3 في المائة", "3 في المائة", 3, False, True),
    ("some 54,000 troops", "some 54,000", 54000, True, False),
    ("nearly 3,000 people", "nearly 3,000", 3000, True, False),
    ("about 2.5 billion dollars", "about 2.5 billion", 2.5e9, True, False),
    ("three thousand soldiers", "three thousand", 3000, False, False),
    ("fifty-four thousand troops", "fifty-four thousand", 54000, False, False),
    ("one hundred and fifty", "one hundred and fifty", 150, False, False),
    ("half a million refugees", "half a million", 500000, False, False),
    ("a dozen ships", "dozen", 12, False, False),
    ("2 percent of GDP", "2 percent", 2, False, True),
    ("5 per cent", "5 per cent", 5, False, True),
    ("more than 100 people", "more than 100", 100, True, False),
    ("up to 5%", "up to 5%", 5, True, True),
    ("1.5 million barrels", "1.5 million", 1.5e6, False, False),
]


@pytest.mark.parametrize(("text", "span", "value", "approx", "percent"), CASES)
def test_number_table(text: str, span: str, value: float, approx: bool, percent: bool) -> None:
    found = [m for m in find_numbers(text) if not m.year_like]
    assert len(found) == 1, found
    m = found[0]
    assert m.text == span
    assert m.value == pytest.approx(value)
    assert m.approx is approx
    assert m.percent is percent
    assert text[m.start:m.end] == m.text
    assert m.start <= m.num_start < m.num_end <= m.end


@pytest.mark.parametrize(("text", "low", "high"), [
    ("عشرات القتلى", 20, 99),
    ("مئات الجنود", 200, 999),
    ("آلاف المتظاهرين", 2000, 9999),
    ("عشرات الآلاف من اللاجئين", 20000, 99000),
    ("مئات الآلاف", 200000, 999000),
    ("بضعة أيام", 3, 9),
    ("dozens of people", 24, 99),
    ("hundreds of soldiers", 200, 999),
    ("tens of thousands", 20000, 99000),
    ("thousands of people", 2000, 9999),
])
def test_vague_ranges(text: str, low: float, high: float) -> None:
    (m,) = find_numbers(text)
    assert (m.low, m.high) == (low, high)
    assert m.value == low
    assert m.approx


@pytest.mark.parametrize(("text", "low", "high"), [
    ("أكثر من 100", 100, None),
    ("ما لا يقل عن 40", 40, None),
    ("at least 40", 40, None),
    ("up to 5", None, 5),
    ("أقل من 5", None, 5),
])
def test_bounds_from_approximators(text: str, low: float | None, high: float | None) -> None:
    (m,) = find_numbers(text)
    assert (m.low, m.high) == (low, high)


@pytest.mark.parametrize(("text", "year_like", "date_part"), [
    ("بحلول عام 2027", [True], [False]),
    ("منذ 2019", [True], [False]),
    ("by 2027", [True], [False]),
    ("in 2024", [True], [False]),
    ("28 يوليو 2024", [False, True], [True, True]),
    ("28/7/2024", [False, False, True], [True, True, True]),
    ("July 28, 2024", [False, True], [True, True]),
    ("نشر 2024 جنديا", [False], [False]),
    ("عام 1445 هـ", [True], [False]),
    ("15 رمضان 1445 هـ", [False, True], [True, True]),
    ("نشر 1445 جنديا", [False], [False]),
])
def test_years_and_date_parts(text: str, year_like: list[bool], date_part: list[bool]) -> None:
    found = find_numbers(text)
    assert [m.year_like for m in found] == year_like
    assert [m.date_part for m in found] == date_part


@pytest.mark.parametrize("text", [
    "لست أدري", "الثلاثاء", "الخميس", "القرن التاسع عشر", "F-16", "كوفيد-19", "التحالف", "في المئة",
    "أحد الوزراء", "G7",
])
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_parse_number_words() -> None:
    assert parse_number_words("أربعة وخمسين ألف") == 54000
    assert parse_number_words("ثلاثة آلاف") == 3000
    assert parse_number_words("two thousand five hundred") == 2500
    assert parse_number_words("جندي") is None


@settings(max_examples=300, deadline=None)
@given(texts)
def test_number_spans(text: str) -> None:
    prev = 0
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert prev <= m.start <= m.num_start < m.num_end <= m.end
        assert m.approx_start == m.start
        prev = m.end


@settings(max_examples=200, deadline=None)
@given(arabicish)
def test_number_spans_arabic_mix(text: str) -> None:
    prev = 0
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text and m.start >= prev
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
        prev = m.end
