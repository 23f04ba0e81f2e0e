"""Eleventh round of issue 18 (precision): a verb's form right before an indefinite singular nationality adjective is
a noun ("طالب سوري": a Syrian student, not "demanded"); in English, the act someone is called on, urged, pressed or
threatened to do has not happened (modality cues call_on and threaten_to, as wide as the Arabic طالب/دعا/هدد).
Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _coded(text: str, lang: str) -> tuple[list[dict], list[dict]]:
    doc = code(text, lang=lang, date="2024-05-06", min_confidence=0.0, explain=True)
    return doc.to_dict()["events"], doc.explain


@pytest.mark.parametrize("text", [
    "وصل طالب أردني إلى المطار بعد رحلة طويلة من كندا.",
    "استقبلت الجامعة طالبا سودانيا فاز بمسابقة الرياضيات.",
    "وطالب تونسي يروي قصته مع الغربة في برنامج إذاعي.",
])
def test_a_verb_form_before_a_nationality_adjective_is_a_noun(text):
    events, explain = _coded(text, "ar")
    assert not [e for e in events if e["type"] == "REQUEST"], events
    assert any(r["outcome"] == "dropped: a noun before its nationality adjective" for r in explain), explain


@pytest.mark.parametrize("text, src", [
    ("طالب الرئيس اللبناني البرلمان بإقرار قانون الانتخاب.", "LBN"),
    ("وطالب سودانيون بالإفراج عن المعتقلين أمام مقر الأمم المتحدة.", "SDN"),  # a plural subject: still a verb
])
def test_the_verb_still_demands(text, src):
    events, _x = _coded(text, "ar")
    req = [e for e in events if e["type"] == "REQUEST"]
    assert req and any(a["code"].startswith(src) for a in req[0]["source"]), events


@pytest.mark.parametrize("text, trigger", [
    ("The envoy called on both militias to observe the truce in the port city.", "observe"),
    ("Rights groups urged Kenyan President William Ruto to release the detained bloggers.", "release"),
    ("Local leaders urged the army to withdraw its troops from the market.", "withdraw"),
    ("The miners threatened to block the main highway on Friday.", "block"),
])
def test_what_someone_is_asked_or_threatened_to_do_has_not_happened(text, trigger):
    events, _x = _coded(text, "en")
    asked = [e for e in events if e["trigger"]["text"].startswith(trigger)]
    assert asked, events
    assert all(e["modality"] == "hypothetical" for e in asked), asked


def test_pressed_on_is_no_appeal():
    """"pressed" is left out of the cues: "pressed on with arrests" reports arrests."""
    events, _x = _coded("Police pressed on with arrests of the strikers on Monday.", "en")
    arrests = [e for e in events if e["type"] == "COERCE"]
    assert arrests and arrests[0]["modality"] == "asserted", events


@pytest.mark.parametrize("text, lang", [
    ("The Omani foreign minister met his Qatari counterpart in Doha to discuss the Yemeni war.", "en"),
    ("The Omani foreign minister met his Qatari counterpart in Doha on Monday in order to discuss the Yemeni war.", "en"),
    ("التقى وزير الخارجية العماني نظيره القطري في الدوحة لمناقشة الحرب اليمنية.", "ar"),
])
def test_what_a_meeting_was_for_is_the_same_meeting(text, lang):
    """Coding rule purpose-of-the-act: "to discuss", "لمناقشة" tells what the meeting was for, one CONSULT event
    with the meeting's parties."""
    events, explain = _coded(text, lang)
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert len(consult) == 1, consult
    assert {a["code"][:3] for a in consult[0]["source"] + consult[0]["target"]} >= {"OMN", "QAT"}, consult


def test_two_meetings_told_apart_stay_two():
    events, _x = _coded("The Omani foreign minister met his Qatari counterpart in Doha, and the Saudi minister met "
                        "Iranian envoys in Riyadh.", "en")
    assert len([e for e in events if e["type"] == "CONSULT"]) == 2, events


def test_the_parties_of_an_agreement_do_what_they_agreed():
    """Coding rule reaction-before-an-act: only a reaction's verb ("تدين القمع") keeps the actor before it from the
    verbal noun after it; the parties of "اتفقتا على نشر" deploy the force themselves."""
    events, _x = _coded("أعلن الرئيس الكازاخي أن بلاده وقرغيزستان اتفقتا على نشر قوة مشتركة على الحدود.", "ar")
    deploy = [e for e in events if e["type"] == "MOBILIZE"]
    assert deploy and {a["code"][:3] for a in deploy[0]["source"]} == {"KAZ", "KGZ"}, events
