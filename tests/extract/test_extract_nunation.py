"""Arabic case endings that split subject from object (extract/actors.py ``_nunated``, events.py ``_object_role``):
a noun with its nunation ("مسلحون", "شرطيا") heads no genitive, so the role after it is another actor; a definite
phrase takes no indefinite noun as its own; an indefinite accusative role is an object, never the subject of the
verb after it; a wounded toll right after the victim ("قتل جندي وأصيب آخرون") reads the kill as a passive (grammar
table ``passive_next``). Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _dyads(text: str) -> list[tuple[list[str], list[str]]]:
    doc = code(text, lang="ar", date="2024-05-14").to_dict()
    return [([a["code"] for a in e["source"]], [a["code"] for a in e["target"]]) for e in doc["events"]]


@pytest.mark.parametrize("text, dyad", [
    ("قتل مسلحون شرطيا قرب سوق الخضار في الموصل.", (["IRQUAF"], ["IRQCOP"])),
    ("خطف مسلحون مجهولون صحفيا أثناء عودته إلى منزله في الموصل.", (["IRQUAF"], ["IRQMED"])),
    ("اعتقلت قوات الأمن متظاهرين في وسط القاهرة مساء الجمعة.", (["EGYCOP"], ["EGYCVL"])),
])
def test_the_role_after_a_nunated_or_definite_subject_is_the_object(text, dyad):
    assert dyad in _dyads(text)


def test_an_accusative_object_is_no_subject_of_the_next_verb():
    dyads = _dyads("قتل مسلحون شرطيا وأصابوا اثنين آخرين في هجوم على حاجز غرب الموصل.")
    assert dyads and all("IRQCOP" not in source for source, _target in dyads)


def test_a_wounded_toll_after_the_victim_makes_the_kill_a_passive():
    dyads = _dyads("وقتل جندي وأصيب ثلاثة آخرون في انفجار عبوة ناسفة جنوب بغداد.")
    assert any(target == ["IRQMIL"] for _source, target in dyads)
    assert all("IRQMIL" not in source for source, _target in dyads)


def test_a_title_and_its_body_stay_one_actor():
    dyads = _dyads("انتقد قائد الشرطة في البصرة قرار الحكومة المحلية.")
    assert dyads and dyads[0][0] == ["IRQCOP"]
