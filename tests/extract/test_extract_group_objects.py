"""Crowd control and the group nouns a trigger phrase spells out (sentences written for the project):
- an unarmed group noun of the KB's roles inside a phrase form no longer blocks it ("تفريق المتظاهرين"), and is the
  act's target when nothing else is (an armed one, "هجوم انتحاري", still blocks the form and is never a target);
- the verbal noun of an attack after ل is the purpose of its clause's act, done by the clause's subject
  (grammar table ``purpose_clitics``).
"""
from __future__ import annotations

from marsad.pipeline import code


def _coded(text: str) -> dict:
    return code(text, lang="ar", date="2024-05-14", all_candidates=True).to_dict()


def _assaults(doc: dict) -> list[tuple[list[str], list[str]]]:
    return [([a["code"] for a in e["source"]], [a["code"] for a in e["target"]])
            for e in doc["events"] if e["type"] == "ASSAULT"]


def test_a_dispersal_spelled_out_targets_the_protesters():
    doc = _coded("قامت قوات الأمن بتفريق المتظاهرين أمام مبنى المحافظة في البصرة.")
    assert (["IRQCOP"], ["IRQCVL"]) in _assaults(doc)


def test_a_crackdown_on_the_opposition_targets_it():
    doc = _coded("أدانت المنظمة قمع المعارضين في البلاد.")
    assert any(target == ["OPP"] for _source, target in _assaults(doc))


def test_the_purpose_of_the_clause_is_done_by_its_subject():
    doc = _coded("تدخلت قوات الأمن المصرية بالقوة لتفريق المعتصمين.")
    assert (["EGYCOP"], ["EGYCVL"]) in _assaults(doc)


def test_an_armed_group_noun_in_a_form_is_never_its_target():
    doc = _coded("قتل جندي أمريكي في هجوم انتحاري شمال بغداد أمس.")
    assert _assaults(doc) and all(not any(c.endswith("UAF") for c in target) for _s, target in _assaults(doc))
