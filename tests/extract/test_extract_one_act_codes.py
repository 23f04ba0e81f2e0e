"""Coding rule ``one-act-codes`` (extract/merge.py rule 2): a killing told with its bombing in one sentence is one
ASSAULT; an abduction and a killing stay two acts. Sentences written for the project."""
from __future__ import annotations

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
