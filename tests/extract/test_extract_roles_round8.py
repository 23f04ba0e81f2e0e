"""Issue 19, eighth round: the target on real newswire. Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, lang: str = "ar") -> list[dict]:
    return code(text, lang=lang, date="2024-05-14").to_dict()["events"]


def _countries(actors: list[dict]) -> list[str]:
    return sorted({a["code"][:3] for a in actors})


def _of_type(text: str, etype: str, rule: str | None = None) -> dict:
    events = [e for e in _events(text) if e["type"] == etype and (rule is None or e["rule"].startswith(rule))]
    assert events, (text, _events(text))
    return events[0]


# grammar table masdar_preps: a verb form right after a preposition that governs only nouns is its verbal noun, so
# the noun after it is its object (the victim), not a subject after a verb
@pytest.mark.parametrize("text, target", [
    ("أعلنت الحكومة الإيطالية عن قتل الصحفي الفرنسي في ليبيا.", "FRA"),
    ("وتحدث الوزير عن خطف المهندس التركي قرب الحدود.", "TUR"),
])
def test_a_verb_form_after_a_preposition_is_a_verbal_noun(text, target):
    e = _of_type(text, "ASSAULT")
    assert _countries(e["target"]) == [target]
    assert target not in _countries(e["source"])


def test_a_verb_with_no_preposition_before_it_keeps_its_subject():
    e = _of_type("وقتل مسلحون الصحفي الفرنسي في ليبيا أمس.", "ASSAULT")
    assert _countries(e["target"]) == ["FRA"] and "FRA" not in _countries(e["source"])


# a patient verbal noun whose pronoun names the victim: after an impersonal verb ("تم اختطافها") or with its agent
# ("على يد"), the pronoun refers back to the victim named before it
def test_the_pronoun_of_a_patient_noun_after_an_impersonal_verb_is_the_victim():
    e = _of_type("وقال شهود إن الطالبة المصرية أكدت أنه تم اختطافها من قبل مسلحين.", "ASSAULT")
    assert _countries(e["target"]) == ["EGY"]


# a frame's own target preposition wins over the genitive author: "انتقادات للجيش" names who is criticised (the
# trigger lexicon gives the ACCUSE nouns ل); "هجوم لحزب الله" keeps its author
def test_a_criticism_with_li_names_its_target():
    e = _of_type("وجهت الحكومة السودانية انتقادات حادة للجيش الأوغندي أمس.", "ACCUSE")
    assert _countries(e["source"]) == ["SDN"] and _countries(e["target"]) == ["UGA"]


def test_an_attack_with_li_keeps_its_author():
    e = _of_type("وقال الجيش إن هجوما لحزب الله استهدف موقعا عسكريا في الجليل أمس.", "ASSAULT", "ar.assault.attack_n")
    assert "LBN" in _countries(e["source"])


# a pronoun on the frame's preposition right after the trigger ("لها", "عليهم") is the target it refers back to
@pytest.mark.parametrize("text, etype, source, target", [
    ("ورفضت الحكومة المصرية تصريحات الوزير الإيراني واتهامه لها بدعم الإرهاب.", "ACCUSE", "IRN", "EGY"),
    ("وقالت الشرطة إن المحتجين الأتراك تجمعوا قرب السفارة فشن عناصر الأمن هجوما عليهم.", "ASSAULT", "TUR", "TUR"),
])
def test_a_pronoun_after_the_frames_preposition_is_the_target(text, etype, source, target):
    e = _of_type(text, etype)
    assert _countries(e["source"]) == [source] and _countries(e["target"]) == [target]


# a verb that carries its object pronoun has its object: the genitive of the charge after it is no second object
def test_a_verb_with_its_object_pronoun_takes_no_object_from_the_charge():
    e = _of_type("وجهت الحكومة السودانية انتقادات للجيش الأوغندي واتهمته بدعم المتمردين.", "ACCUSE", "ar.accuse.accuse")
    assert _countries(e["target"]) == ["UGA"]


def test_the_actor_right_after_a_verb_with_its_pronoun_is_still_its_subject():
    e = _of_type("قتل ثلاثة جنود تشاديين في كمين نصبه مقاتلو جماعة بوكو حرام قرب البحيرة.", "ASSAULT")
    assert "TCD" not in _countries(e["source"]) and _countries(e["target"]) == ["TCD"]
