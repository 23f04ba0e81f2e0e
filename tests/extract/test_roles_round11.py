"""Issue 19, eleventh round: who did what to whom, above all the target's country. Sentences written for the
project; coded with the rules alone (``all_candidates=True``), as the parity test codes its pairs."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, lang: str) -> list[dict]:
    return code(text, lang=lang, date="2025-06-11", all_candidates=True).to_dict()["events"]


def _of_type(text: str, lang: str, etype: str) -> dict:
    events = [e for e in _events(text, lang) if e["type"] == etype]
    assert events, (text, _events(text, lang))
    return events[0]


def _codes(actors: list[dict]) -> list[str]:
    return sorted(a["code"][:6] for a in actors)


# stages/localize.py: a text that names no place nor nationality places its unnamed actors in the country of its
# named ones (a news agency credited is none)
@pytest.mark.parametrize("text, lang, etype, source", [
    ("وهتف الطلاب دعما للرئيس أردوغان أمام مبنى البلدية.", "ar", "SUPPORT", "TUREDU"),
    ("Students cheered in support of President Erdogan outside the town hall.", "en", "SUPPORT", "TUREDU"),
])
def test_unnamed_actors_take_the_country_of_the_named_ones(text, lang, etype, source):
    assert _codes(_of_type(text, lang, etype)["source"]) == [source]


def test_a_news_agency_places_no_unnamed_actor():
    e = _of_type("قتل مسلحون حارسين في هجوم على مصرف، حسبما أفادت وكالة الأنباء الألمانية.", "ar", "ASSAULT")
    assert not any(a["code"].startswith("DEU") for a in e["source"] + e["target"]), e


# events.py: an actor never acts on itself, nor a bare sector on the source's own sector (a police station after
# the police names no target)
@pytest.mark.parametrize("text, lang, etype", [
    ("هاجم عناصر من الشرطة المصرية المصور قبل أن يعتقلوه ويقتادوه إلى قسم للشرطة.", "ar", "COERCE"),
    ("وتهجم أفراد من الشرطة الأردنية على الشاب قبل أن يعتقلوه ويقتادوه إلى مخفر للشرطة.", "ar", "COERCE"),
])
def test_the_police_lead_no_police_away(text, lang, etype):
    events = [e for e in _events(text, lang) if e["type"] == etype]
    assert events
    assert not any(a["code"].endswith("COP") for e in events for a in e["target"]), events


# grammar experiencer_nouns: the genitive of a feeling is the one who feels it; the frame's من/إزاء names the target
@pytest.mark.parametrize("text, source, target", [
    ("أبدى وزير الخارجية السوري انزعاج الحكومة السورية من الموقف التركي.", "SYR", "TUR"),
    ("أعربت فرنسا عن استيائها من القرار الروسي بشأن الحدود.", "FRA", "RUS"),
    ("أعرب الاتحاد الأوروبي عن غضبه إزاء الحكومة الإثيوبية.", "EUR", "ETH"),
])
def test_displeasure_is_felt_by_its_genitive_and_aimed_after_its_preposition(text, source, target):
    e = _of_type(text, "ar", "ACCUSE")
    assert {a["code"][:3] for a in e["source"]} == {source}, e
    assert {a["code"][:3] for a in e["target"]} == {target}, e
