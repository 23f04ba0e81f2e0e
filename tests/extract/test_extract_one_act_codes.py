"""Coding rule ``one-act-codes`` (extract/merge.py rule 2): a killing told with its bombing in one sentence is one
ASSAULT; an abduction and a killing stay two acts. Sentences written for the project."""
from __future__ import annotations

import pytest

import marsad

from marsad.pipeline import code


def _assaults(text: str) -> list[dict]:
    # every candidate kept (min_confidence 0): the merge is under test, not the decision layer's threshold
    doc = code(text, lang="ar", date="2024-05-14", min_confidence=0.0).to_dict()
    return [e for e in doc["events"] if e["type"] == "ASSAULT"]


def test_a_killing_and_its_bombing_are_one_act():
    events = _assaults("وقتل جندي وأصيب ثلاثة آخرون في انفجار عبوة ناسفة جنوب بغداد.")
    assert len(events) == 1
    assert [a["code"] for a in events[0]["target"]] == ["IRQMIL"]


def test_an_abduction_and_a_killing_stay_two_acts():
    events = _assaults("اختطف مسلحون صحفيا وقتلوا سائقه في الموصل.")
    assert sorted(e["cameo"][:2] for e in events) == ["18", "19"]


def test_the_rule_is_data():
    from marsad.kb.coding_rules import load_coding_rules  # noqa: PLC0415

    pairs = load_coding_rules()["one-act-codes"]["pairs"]
    assert ["190", "183"] in pairs


def test_an_outcome_telling_joins_the_act_whatever_its_roles():
    """Coding rule result-tellings: "… ما أسفر عن مقتل ضابط" tells the explosion's outcome; the attachment takes the
    officer as its genitive subject, yet it is one act, with the officer among the explosion's victims."""
    events = _assaults("وعندما وصل فريق الهندسة العسكرية إلى الموقع انفجرت عبوة ناسفة ما أسفر عن مقتل ضابط وإصابة "
                       "ثلاثة جنود.")
    assert len(events) == 1 and [a["code"] for a in events[0]["source"]] == ["UAF"]
    assert [a["code"] for a in events[0]["target"]] == ["MIL"]


def test_outcome_rules_are_data():
    from marsad.kb.coding_rules import load_coding_rules  # noqa: PLC0415

    assert "ar.assault.result_in" in load_coding_rules()["result-tellings"]["rules"]


@pytest.mark.parametrize("text, source, target", [
    # the killing's victims and the attack a preposition introduces: one act, whatever roles each telling got
    ("قتل خمسة مدنيين بانفجار عبوة ناسفة في سوق شعبي ببغداد.", "IRQUAF", "IRQCVL"),
    ("قتل ثلاثة جنود عراقيين في هجوم شنه مسلحون من تنظيم داعش قرب الرمادي.", "IMGREBISI", "IRQMIL"),
    ("وقال مصدر أمني إن شرطيين قتلا وأصيب خمسة آخرون في انفجار سيارة مفخخة يقودها انتحاري في كركوك.", "IRQUAF",
     None),
])
def test_a_telling_and_the_act_a_preposition_introduces_are_one_event(text, source, target):
    """Coding rule act-of-the-tellings: the act names the attacker, the telling before it the victims; the
    bomber who drove the car is neither the victims nor a second attack."""
    events = _assaults(text)
    assert len(events) == 1, [e["trigger"]["text"] for e in events]
    assert source in [a["code"] for a in events[0]["source"]]
    targets = [a["code"] for a in events[0]["target"]]
    assert (target in targets) if target else "IRQUAF" not in targets


def test_act_of_the_tellings_is_data():
    from marsad.kb.coding_rules import load_coding_rules  # noqa: PLC0415

    rule = load_coding_rules()["act-of-the-tellings"]
    assert "ASSAULT" in rule["types"] and "في" in rule["preps"] and "when" in rule["preps"]


def test_killed_when_gunmen_opened_fire_is_one_act():
    """"were killed when gunmen opened fire": "when" introduces the act that killed them (act-of-the-tellings)."""
    doc = marsad.code("Four villagers were killed when gunmen opened fire on a market in Lower Shabelle.", lang="en",
                      date="2024-05-01", all_candidates=True)
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 1


@pytest.mark.parametrize("text", [
    "أصيب ثلاثة جنود عراقيين بجروح في انفجار عبوة ناسفة استهدفت دوريتهم قرب الفلوجة.",
    "وقال مصدر في الشرطة إن ستة أشخاص قتلوا بانفجار سيارة مفخخة استهدف موكب قاض في الحلة.",
])
def test_a_verb_right_after_the_attack_or_its_weapon_is_that_attack(text):
    """"... عبوة ناسفة استهدفت دوريتهم": the bomb is the verb's subject; what it targeted is the same act."""
    assert len(_assaults(text)) == 1


def test_a_second_attack_in_another_clause_stays_another_event():
    assert len(_assaults("انفجرت عبوة ناسفة قرب دورية للجيش، وقتل مسلحون شرطيا في حادث منفصل.")) == 2


@pytest.mark.parametrize("text, dropped", [
    ("كما قصفت المقاتلات تعزيزات عسكرية للمتمردين قرب الحدود أمس.", "تعزيزات عسكرية"),
    ("واستهدفت غارة جوية اجتماعا لقادة التنظيم في المدينة.", "اجتماعا"),
])
def test_what_an_attack_struck_is_no_event_of_its_own(text, dropped):
    """Coding rule object-of-attack: the reinforcements shelled, the meeting targeted are the attack's object."""
    doc = code(text, lang="ar", date="2024-05-14", min_confidence=0.0, explain=True).to_dict()
    assert [e["type"] for e in doc["events"]] == ["ASSAULT"]
    rec = [r for r in doc["explain"] if r["trigger"]["text"] == dropped]
    assert rec and rec[0]["outcome"].startswith("dropped: what the attack before it struck")


def test_a_protest_the_police_dispersed_is_still_a_protest():
    doc = code("وفرقت الشرطة مظاهرة للطلاب أمام الجامعة أمس.", lang="ar", date="2024-05-14", min_confidence=0.0)
    assert {e.type for e in doc.events} == {"ASSAULT", "PROTEST"}


def test_the_act_a_reference_word_introduces_after_its_telling_is_that_act():
    """"أصيب ثلاثة عمال إثر انفجار عبوة": إثر would make the explosion a past act recalled, but it is the act the
    telling before it tells (act-of-the-tellings preposition): one event, news."""
    doc = code("وأصيب ثلاثة عمال بجروح مساء الخميس إثر انفجار عبوة ناسفة قرب سوق البلدة", lang="ar", date="2024-05-01",
               all_candidates=True).to_dict()
    attacks = [e for e in doc["events"] if e["type"] == "ASSAULT"]
    assert len(attacks) == 1 and not attacks[0]["background"]


def test_killed_when_gunmen_opened_fire_is_one_act_in_arabic_too():
    """"عندما" would make its clause's act a recalled one (scope temporal), but right after a telling of its type
    it introduces the act told: one event, news."""
    doc = code("قتل ثلاثة أشخاص عندما فتح مسلحون النار على سوق شعبي في المدينة أمس", lang="ar", date="2024-05-01",
               all_candidates=True).to_dict()
    attacks = [e for e in doc["events"] if e["type"] == "ASSAULT"]
    assert len(attacks) == 1 and not attacks[0]["background"]
