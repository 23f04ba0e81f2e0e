"""What a percentage is of: the units of kind "of" (kb/data/units.jsonl: GDP, budget) within a few words after it.

Sentences written for the project.
"""
from __future__ import annotations

import pytest

import marsad

from ._coding import DATE


@pytest.mark.parametrize("text, lang, of", [
    ("خصصت الحكومة 30% من ميزانيتها للتعليم.", "ar", "budget"),
    ("رفعت الوزارة الإنفاق العسكري إلى 3% من الناتج المحلي الإجمالي.", "ar", "GDP"),
    ("تنفق المملكة 4% من ناتجها المحلي على الجيش.", "ar", "GDP"),
    ("The council will spend 30% of its budget on schools.", "en", "budget"),
    ("Defence spending rose to 2 percent of GDP.", "en", "GDP"),
    ("Turnout reached 45% in the north.", "en", None),
])
def test_a_percentage_gets_its_base(text, lang, of):
    found = [q for q in marsad.code(text, lang=lang, date=DATE).quantities if q.kind == "percent"]
    assert [q.of for q in found] == [of]
