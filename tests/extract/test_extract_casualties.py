"""Rule counted-casualties (extract/stages/quantities.py): a count of people, soldiers or protesters that a killing or
wounding trigger acts on is a count of the killed or the injured, its unit kept; a count beside another act is left as
it was. Sentences written for the project."""
from __future__ import annotations

import pytest

import marsad


def _counts(text: str, lang: str) -> list[tuple[str, int, str | None]]:
    doc = marsad.code(text, lang=lang, date="2024-05-01")
    return sorted({(q.kind, int(q.value), q.unit) for e in doc.events for q in e.quantities})


@pytest.mark.parametrize("text, lang, want", [
    ("قتل 14 مدنيا في قصف مدفعي على حي سكني في مدينة حمص.", "ar", ("killed", 14, "people")),
    ("قالت الشرطة إن 11 شخصا قتلوا في انفجار سيارة مفخخة قرب سوق الخضار.", "ar", ("killed", 11, "people")),
    ("أسفر الهجوم على القافلة عن مقتل 16 جنديا.", "ar", ("killed", 16, "troops")),
    ("أصيب 23 متظاهرا برصاص الشرطة في وسط العاصمة.", "ar", ("injured", 23, "protesters")),
    ("The shelling killed 13 civilians in the eastern district on Sunday.", "en", ("killed", 13, "people")),
    ("At least 18 soldiers were killed when militants stormed the base.", "en", ("killed", 18, "troops")),
    ("Police wounded 27 protesters outside the parliament.", "en", ("injured", 27, "protesters")),
])
def test_a_count_the_trigger_acts_on_is_a_casualty_count(text, lang, want):
    assert want in _counts(text, lang)


def test_a_count_beside_another_act_keeps_its_kind():
    got = _counts("Militants abducted 35 villagers from a market near the border.", "en")
    assert got and all(kind != "killed" for kind, _v, _u in got)


def test_killed_soldiers_still_make_military_victims():
    doc = marsad.code("قتل 12 جنديا تركيا في هجوم على موقع حدودي.", lang="ar", date="2024-05-01")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and [a.code for a in attacks[0].target] == ["TURMIL"]
    assert ("killed", 12.0, "troops") in {(q.kind, q.value, q.unit) for q in attacks[0].quantities}
