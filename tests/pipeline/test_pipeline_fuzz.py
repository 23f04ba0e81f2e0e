"""Fuzzing ``code`` (issue 21): any text, any language setting, any date string: the coder returns a document whose
every span is an exact slice of the text and whose output is strict JSON, or refuses with a MarsadError; it never
raises anything else. Profile ``fuzzing.FUZZ`` (short and seeded in the test run, long under ``make fuzz``)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import marsad
from fuzzing import FUZZ
from marsad.errors import BadDateError, MarsadError
from marsad.model import iter_spans

PIECES = st.sampled_from(["قصفت", "الطائرات", "الروسية", "كييف", "أمس", "وزير الخارجية", "إيران", "و", "،", ".",
                          "٣٤٥", "1,234", "ألف", "مليون", "attacked", "the", "Iran", "\u200f", "\u0640", "\ufeff",
                          "\ud800", "\x00", "\n", "  "])
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map(" ".join))
DATES = st.one_of(st.none(), st.dates().map(str), st.text(max_size=12))


def _strict(value: str):
    raise ValueError(f"{value} is not JSON")


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("text", ["tomorrow", "غدا", "yesterday", "last Tuesday"])
def test_a_date_at_the_edge_of_the_calendar_is_refused_not_a_crash(text, date):
    # found by this fuzz test (marsad-fuzz profile): "tomorrow" on 9999-12-31 raised OverflowError
    with pytest.raises(BadDateError):
        marsad.code(text, date=date)
    assert marsad.code(text, date="9998-12-31" if date > "5" else "0002-01-01").times


@FUZZ
@given(TEXTS, st.sampled_from([None, "auto", "ar", "en", "xx"]), DATES,
       st.booleans(), st.booleans())
def test_code_any_text(text, lang, date, explain, ner):
    try:
        doc = marsad.code(text, lang=lang, date=date, explain=explain, ner=ner)
    except MarsadError:
        return  # refused with a one-line reason (a bad language or date)
    out = doc.to_dict()
    json.loads(json.dumps(out, ensure_ascii=False, allow_nan=False), parse_constant=_strict)
    cleaned = doc.text
    assert len(cleaned) == len(text)  # lone surrogates become U+FFFD one for one
    for span in iter_spans(out):
        assert cleaned[span["start"]:span["end"]] == span["text"], span
