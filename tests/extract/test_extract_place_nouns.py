"""Where an event happened when a place noun stands between the locative and the name (grammar table
``place_heads``): "في مدينة X", "بمنطقة X", "in the city of X" place the event in X as "في X" does, and its unnamed
actors take X's country; a name after a place noun with no locative is not where the event happened. Sentences
written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, lang: str = "ar") -> list[dict]:
    return code(text, lang=lang, date="2024-05-14").to_dict()["events"]


@pytest.mark.parametrize("text, place", [
    ("انفجرت عبوة ناسفة في مدينة الموصل أمس وأصيب ثلاثة مدنيين بجروح.", "Mosul"),
    ("فتح مسلحون مجهولون النار على حافلة بمدينة كركوك مساء الأحد.", "Kirkuk"),
    ("تظاهر مئات الطلاب في العاصمة بغداد أمس احتجاجا على نقص الكهرباء.", "Baghdad"),
])
def test_a_place_noun_after_the_locative_gives_the_location(text, place):
    events = _events(text)
    assert events and all((e["location"] or {}).get("name") == place for e in events)


def test_the_unnamed_actors_take_the_country_of_that_place():
    events = _events("فتح مسلحون مجهولون النار على حافلة بمدينة كركوك مساء الأحد.")
    assert any(a["code"] == "IRQUAF" for e in events for a in e["source"])


def test_english_in_the_city_of():
    events = _events("Gunmen opened fire on a bus in the city of Kirkuk on Sunday.", lang="en")
    assert events and (events[0]["location"] or {}).get("name") == "Kirkuk"
    assert any(a["code"] == "IRQUAF" for a in events[0]["source"])


def test_a_place_noun_without_a_locative_places_nothing():
    events = _events("أعلنت بلدية مدينة الموصل أمس أنها تطالب بزيادة الميزانية.")
    assert all((e["location"] or {}).get("name") != "Mosul" for e in events)
