"""Ambiguous KB names and what confirms them (extract/mentions.resolve; sentences written for the project):
- a group noun after an ambiguous organization name is no apposition: "فتح الجنود النار" is "the soldiers opened
  fire", not Fatah (a person's name is still confirmed by the title after it);
- a nationality after an ambiguous organization name confirms it only when it is the organization's own country:
  "القاعدة الأمريكية" is the American base, not al-Qaeda; "العدالة والتنمية التركي" is the AKP.
"""
from __future__ import annotations

from marsad.pipeline import code


def _coded(text: str) -> dict:
    return code(text, lang="ar", date="2024-05-14", all_candidates=True).to_dict()


def _names(doc: dict) -> set[str]:
    return {e.get("name") for e in doc["entities"]}


def _assaults(doc: dict) -> list[tuple[list[str], list[str]]]:
    return [([a["code"] for a in e["source"]], [a["code"] for a in e["target"]])
            for e in doc["events"] if e["type"] == "ASSAULT"]


def test_soldiers_opening_fire_are_not_fatah():
    doc = _coded("فتح الجنود النار على محتجين في المدينة أمس.")
    assert "Fatah" not in _names(doc)
    assert (["MIL"], ["CVL"]) in _assaults(doc)


def test_a_person_is_still_confirmed_by_the_title_after_the_name():
    doc = _coded("قال عباس رئيس السلطة الفلسطينية إن المفاوضات متوقفة.")
    assert "Mahmoud Abbas" in _names(doc)


def test_an_american_base_is_not_al_qaeda():
    doc = _coded("استهدف هجوم صاروخي القاعدة الأمريكية في غرب العراق.")
    assert "al-Qaeda" not in _names(doc)
    assert _assaults(doc) and all("IMGREBAQD" not in source for source, _t in _assaults(doc))


def test_a_party_is_confirmed_by_its_own_nationality():
    assert "Justice and Development Party (Turkey)" in _names(_coded("فاز العدالة والتنمية التركي في الانتخابات."))


def test_in_front_of_an_embassy_is_no_cleric():
    # roles.jsonl leaves out the bare "إمام": folded it is "أمام" (in front of); the embassy's country is protested
    doc = _coded("تظاهر مئات الطلاب أمام السفارة البريطانية في القاهرة.")
    protests = [e for e in doc["events"] if e["type"] == "PROTEST"]
    assert protests and not [a for e in protests for a in e["source"] + e["target"] if a["code"].endswith("REL")]
    assert any(a["code"].startswith("GBR") for e in protests for a in e["target"])


def test_and_to_is_no_governor():
    # nor the bare "والي" (governor): folded it is "وإلى" (and to); "والي ولاية" still names the post
    doc = _coded("وجهت إيران تهديدات إلى إسرائيل وإلى الولايات المتحدة.")
    assert not [a for e in doc["events"] for a in e["source"] + e["target"] if a["code"].endswith("GOV")]
    doc = _coded("استقبل والي ولاية الخرطوم وفدا من الأمم المتحدة.")
    assert any(a["code"].endswith("GOV") for e in doc["events"] for a in e["source"] + e["target"])
