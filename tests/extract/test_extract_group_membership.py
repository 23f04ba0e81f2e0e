"""Who belongs to which group (sentences written for the project):
- unnamed armed men followed by a named group behind a preposition of grammar table ``affiliation_preps`` are the
  group's ("هجوم شنه مسلحون من تنظيم داعش", "gunmen from the Islamic State group");
- an act on a member noun of grammar table ``member_nouns`` followed by a preposition of ``member_preps`` and a named
  group is an act on the group ("اغتالت إسرائيل قياديا في حركة حماس", "a senior commander of Hezbollah").
"""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _roles(text: str, lang: str, etype: str) -> list[tuple[list[str], list[str]]]:
    doc = code(text, lang=lang, date="2024-05-14", all_candidates=True).to_dict()
    return [([a["code"] for a in e["source"]], [a["code"] for a in e["target"]])
            for e in doc["events"] if e["type"] == etype]


@pytest.mark.parametrize("text, lang, source", [
    ("قتل خمسة أشخاص في هجوم شنه مسلحون من تنظيم داعش على قرية شمال بغداد.", "ar", "IMGREBISI"),
    ("هاجم مسلحون من حركة الشباب قاعدة عسكرية في الصومال.", "ar", "SOMREBSHB"),
    ("Gunmen from the Islamic State group attacked a village in northern Iraq.", "en", "IMGREBISI"),
])
def test_unnamed_gunmen_of_a_named_group_are_the_group(text, lang, source):
    assert any(source in src for src, _t in _roles(text, lang, "ASSAULT"))


@pytest.mark.parametrize("text, lang, etype, target", [
    ("اغتالت إسرائيل قياديا بارزا في حركة حماس في بيروت.", "ar", "ASSAULT", "PSEREBHMS"),
    ("استهدفت غارة جوية أمريكية قياديا في تنظيم القاعدة في اليمن.", "ar", "ASSAULT", "IMGREBAQD"),
    ("اعتقلت الشرطة التركية عنصرين من تنظيم داعش في إسطنبول.", "ar", "COERCE", "IMGREBISI"),
    ("An Israeli strike killed a senior commander of Hezbollah in southern Lebanon.", "en", "ASSAULT", "LBNREBHZB"),
])
def test_an_act_on_a_member_is_an_act_on_the_group(text, lang, etype, target):
    assert any(target in tgt for _s, tgt in _roles(text, lang, etype))


def test_a_member_noun_without_a_named_group_changes_nothing():
    roles = _roles("اعتقلت الشرطة عنصرين في المدينة.", "ar", "COERCE")
    assert roles and all(not any(c.startswith("IMG") for c in tgt) for _s, tgt in roles)
