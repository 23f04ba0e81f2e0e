"""Whose nationality is whose (issue 19): a victims' nisba never places their attackers, a nisba after a genitive
belongs to the head noun, and who is released is the target of a release, never its source.

Sentences written for the project; each assertion fails if the rule named in its test breaks. tests/extract runs
the rules alone (conftest.py): the decision layer plays no part here.
"""
from __future__ import annotations

import pytest

import marsad

from ._coding import DATE, codes as _codes, events_of as _events


@pytest.mark.parametrize("text, lang, source, target", [
    ("قتل مسلحون أربعة جنود هنود في كمين.", "ar", ["UAF"], ["INDMIL"]),
    ("نصب مسلحون كمينا قتل فيه ثلاثة شرطيين أفغان.", "ar", ["UAF"], None),
    ("Gunmen killed four Indian soldiers in an ambush.", "en", ["UAF"], ["INDMIL"]),
])
def test_a_victims_nationality_does_not_place_their_attackers(text, lang, source, target):
    # stages/localize.py, attackers-not-victims: the only country is the victims' nisba, so the gunmen get none
    evs = _events(text, "ASSAULT", lang)
    assert evs and all(_codes(e.source) == source for e in evs)
    if target is not None:
        assert _codes(evs[0].target) == target


def test_the_implicit_attacker_of_a_toll_is_not_the_victims_country():
    # "في هجوم" after the toll is its attack: its implicit attacker does not take the soldiers' nisba either
    evs = _events("قتل ثلاثة جنود باكستانيين في هجوم.", "ASSAULT")
    assert evs and all(not a.code.startswith("PAK") for e in evs for a in e.source)


def test_the_place_of_the_attack_still_places_unnamed_attackers():
    # the country of the event's place (issue 19 item 4), not the victims' nationality
    evs = _events("قتل مسلحون خمسة عمال صينيين في هجوم في مدينة كويتا.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["PAKUAF"] and _codes(evs[0].target) == ["CHNLAB"]


@pytest.mark.parametrize("text, target, span", [
    ("اختطف مسلحون خمسة عمال بناء أتراك.", ["TURLAB"], "عمال بناء أتراك"),
    ("قتل مسلحون ثلاثة عمال إغاثة بريطانيين.", ["GBRLAB"], "عمال إغاثة بريطانيين"),
    ("اعتقلت الشرطة عمال المناجم الصينيين.", ["CHNLAB"], "عمال المناجم الصينيين"),
])
def test_a_plural_nisba_after_a_genitive_belongs_to_the_head_noun(text, target, span):
    # extract/actors.py _genitive_then_nisba: "أتراك" cannot describe "بناء" (a thing takes a singular adjective)
    etype = "COERCE" if "اعتقلت" in text else "ASSAULT"
    evs = _events(text, etype)
    assert evs and _codes(evs[0].target) == target and evs[0].target[0].text == span


@pytest.mark.parametrize("text", [
    "اعتقلت الشرطة عمال مصنع ياباني.",  # a singular nisba describes the factory
    "اعتقلت الشرطة عمال مصنع الإسمنت الأردني.",  # and the definite genitive chain
])
def test_a_nisba_that_does_not_agree_with_the_head_stays_apart(text):
    evs = _events(text, "COERCE")
    assert evs and [a.text for a in evs[0].target][:1] == ["عمال"]


@pytest.mark.parametrize("text, source, target", [
    ("أطلق الخاطفون سراح الصحفية الإيطالية بعد شهرين.", ["UAF"], ["ITAMED"]),  # VSO: the object after سراح
    ("أطلقت السلطات الليبية سراح 15 مهاجرا تونسيا.", ["LBYGOV"], ["TUNREF"]),
    ("أطلق سراح الناشط الأردني أمس.", [], ["JORCVL"]),  # passive أُطلق: no releaser
    ("أفرج عن الناشط الأردني بكفالة.", [], ["JORCVL"]),  # passive أُفرج
    ("حركة حماس أطلقت سراح رهينة إسرائيلية.", ["PSEREBHMS"], ["ISRCVL"]),
])
def test_who_is_released_is_the_target(text, source, target):
    # tools/rules/lexicon_ar.txt: the release phrases are "patient" / take عن; events.py: a VSO companion's subject
    # stands before its object word ("سراح"), so an actor after it is the object's genitive
    evs = _events(text, "RETREAT")
    assert evs and _codes(evs[0].source) == source and _codes(evs[0].target) == target


@pytest.mark.parametrize("text, source, target", [
    ("Iranian authorities freed two French nationals on Friday.", ["IRNGOV"], ["FRACVL"]),
    ("Russia freed an American journalist in a prisoner swap.", ["RUS"], ["USAMED"]),
])
def test_english_freed_takes_any_object(text, source, target):
    # triggers_en: en.retreat.freed; roles: "nationals" are civilians
    evs = _events(text, "RETREAT", "en")
    assert evs and _codes(evs[0].source) == source and _codes(evs[0].target) == target


def test_kidnappers_are_unnamed_armed_actors():
    # roles.jsonl role:gunmen (UAF) has the kidnappers, in Arabic and English
    for text, lang in (("أطلق الخاطفون سراح الرهينة.", "ar"), ("The kidnappers released the hostage.", "en")):
        doc = marsad.code(text, lang=lang, date=DATE)
        assert [a.code for e in doc.events if e.type == "RETREAT" for a in e.source] == ["UAF"], text


@pytest.mark.parametrize("text, lang, etype, target", [
    # the act's own object, a state actor, wins over the building protested outside
    ("تظاهر آلاف أمام البرلمان للمطالبة بإقالة الحكومة في بغداد.", "ar", "PROTEST", ["IRQGOV"]),
    # no object named: the government of the place
    ("تظاهر مئات الطلاب في بغداد للمطالبة بتحسين الخدمات.", "ar", "PROTEST", ["IRQGOV"]),
    ("خرج آلاف المحتجين في القاهرة مطالبين بالإفراج عن المعتقلين.", "ar", "PROTEST", ["EGYGOV"]),
    # a protest's complaint ended by a state actor
    ("تظاهر آلاف المعلمين في الرباط احتجاجا على قرار الحكومة.", "ar", "PROTEST", ["MARGOV"]),
    ("Thousands of teachers protested in Rabat against a government decision.", "en", "PROTEST", ["MARGOV"]),
    ("Hundreds of students demonstrated in Baghdad demanding the resignation of the governor.", "en", "PROTEST",
     ["IRQGOV"]),
])
def test_a_demand_for_a_state_act_targets_the_state(text, lang, etype, target):
    # coding_rules.jsonl demand-addresses-the-state (EventBuilder.demand_addressee), localized to the place
    evs = _events(text, etype, lang)
    assert evs and _codes(evs[0].target) == target


def test_a_protest_names_no_state_it_does_not_demand_from():
    # no demand of a state act and no complaint: no target is invented
    evs = _events("تجمع مئات المشجعين في الساحة للاحتفال بفوز الفريق.", "PROTEST")
    assert all(not e.target for e in evs)


@pytest.mark.parametrize("text, source, target", [
    ("وطالب المعتصمون أمام الوزارة أمس باستقالة وزير النقل.", ["CVL"], ["GOV"]),
    ("دعت المعارضة إلى استقالة وزير المالية.", ["OPP"], ["GOV"]),
])
def test_the_one_asked_to_resign_is_the_target(text, source, target):
    # lexicon: demand_resign / call_resign are patient; events.py: a genitive of a verbal noun after ب is no subject
    evs = [e for e in _events(text, "REQUEST") + _events(text, None) if e.type in ("REQUEST", None)]
    assert evs and _codes(evs[0].source) == source and _codes(evs[0].target) == target
