"""Eighth round of issue 18, from the real gold's dev split (misses and false alarms read by hand, written here
anew): an act told "then" (حينها, آنذاك) is recalled, an option is no act, bombs that are made are no bombing, and
verbs the lexicon lacked ("اقتاد" into custody, "أهان"/insulted, poisoned, led away). Each rule has a sentence where
it must not fire. Sentences written for the project; the rules are under test (min_confidence 0)."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, lang: str) -> list[dict]:
    return code(text, lang=lang, date="2022-09-14", min_confidence=0.0).to_dict()["events"]


def _of(text: str, lang: str, etype: str) -> list[dict]:
    return [e for e in _events(text, lang) if e["type"] == etype]


@pytest.mark.parametrize("text", [
    "وكان قائد المجموعة قد أدار عملية على ثكنة في الجبال قبل عامين، وقتل حينها أربعة حراس.",
    "وأصيب آنذاك سبعة من رجال الإطفاء في القصف الذي طال الميناء.",
])
def test_an_act_told_then_is_recalled(text):
    evs = _of(text, "ar", "ASSAULT")
    told_then = [e for e in evs if e["trigger"]["text"] in ("وقتل", "وأصيب")]
    assert told_then and all(e["background"] for e in told_then)


def test_the_same_act_without_then_is_news():
    evs = _of("وقتل أربعة حراس في هجوم على ثكنة في الجبال فجر اليوم.", "ar", "ASSAULT")
    assert evs and not any(e["background"] for e in evs)


@pytest.mark.parametrize("text, lang", [
    ("وقال الوزير إن الخيار الآخر هو شن غارات جوية على مواقع المتمردين.", "ar"),
    ("The minister said another option is to launch air strikes on the arms depots.", "en"),
])
def test_an_option_is_no_act(text, lang):
    evs = _of(text, lang, "ASSAULT")
    assert evs and all(e["modality"] == "hypothetical" for e in evs)


def test_bombs_that_are_made_are_no_bombing():
    assert not _of("Inspectors found a garage that was used to make bombs for the gang.", "en", "ASSAULT")
    assert _of("Warplanes bombed a fuel depot near the border on Tuesday.", "en", "ASSAULT")


def test_led_away_into_custody_is_an_arrest():
    assert _of("واقتادت قوات الأمن خمسة طلاب إلى مركز للتحقيق.", "ar", "COERCE")
    assert _of("Riot police led them away in handcuffs after the sit-in.", "en", "COERCE")


def test_led_to_a_win_is_no_arrest():
    assert not _of("واقتاد اللاعب المخضرم زملاءه إلى الفوز في المباراة النهائية.", "ar", "COERCE")


@pytest.mark.parametrize("text, lang", [
    ("وأهان عدد من المحتجين رجال الشرطة أمام مبنى البلدية.", "ar"),
    ("Several protesters insulted the police officers outside the town hall.", "en"),
])
def test_an_insult_is_disapproval(text, lang):
    assert _of(text, lang, "ACCUSE")


def test_a_poisoned_person_is_attacked_but_food_poisoning_is_none():
    assert _of("Doctors said the dissident was poisoned with a toxic agent in March.", "en", "ASSAULT")
    assert not _of("About forty guests suffered food poisoning at the wedding hall.", "en", "ASSAULT")


def test_a_cue_is_not_read_through_a_clitic_preposition():
    # "وبحث" (and discussed) holds the letters of "حث" (urged), a cue of hypothetical acts
    evs = _of("وبحث وزير الخارجية الأردني في اتصال هاتفي مع نظيره التركي التطورات الإقليمية.", "ar", "CONSULT")
    assert evs and all(e["modality"] == "asserted" for e in evs)


def test_the_cue_itself_still_marks_its_act():
    evs = _of("وحث وزير الخارجية الأردني نظيره التركي على زيارة عمان قريبا.", "ar", "CONSULT")
    assert evs and all(e["modality"] == "hypothetical" for e in evs)


@pytest.mark.parametrize("text, lang", [
    ("وقال قائد الفصيل في اتصال هاتفي مع وكالة أنباء محلية إن رجاله انسحبوا من التلال.", "ar"),
    ("The rebel commander said in a phone interview with a news agency that his men had left the hills.", "en"),
])
def test_a_call_with_the_press_is_no_consultation(text, lang):
    assert not _of(text, lang, "CONSULT")


def test_a_call_between_leaders_is_one():
    assert _of("وأجرى الرئيس التونسي اتصالا هاتفيا مع نظيره الجزائري مساء أمس.", "ar", "CONSULT")


def test_holding_positions_is_no_support_but_defending_a_decision_is():
    assert not _of("وقال الضابط إن الكتيبة تدافع عن مواقعها على التلال منذ يومين.", "ar", "SUPPORT")
    assert _of("ودافع رئيس الوزراء الإسباني عن قرار حكومته رفع الضرائب.", "ar", "SUPPORT")
