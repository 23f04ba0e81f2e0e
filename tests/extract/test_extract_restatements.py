"""Coding rule ``anaphoric-restatements`` (extract/merge.py rule 5): a definite verbal noun in a later sentence that
names an earlier event again ("... اجتماعا في جدة. وتناولت المحادثات ...", "the talks") joins it as one more telling;
another time, another place or an indefinite noun (a second meeting) keep two events. A plain statement that only
carries another event of its sentence is dropped. Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.kb.coding_rules import load_coding_rules
from marsad.pipeline import code

MEETING = "عقد وزيرا خارجية مصر والأردن اجتماعا في جدة أمس. "


def _events(text: str, lang: str = "ar", etype: str | None = "CONSULT", explain: bool = False) -> dict:
    # every candidate kept (min_confidence 0): the merge is under test, not the decision layer's threshold
    doc = code(text, lang=lang, date="2024-05-14", min_confidence=0.0, explain=explain).to_dict()
    doc["events"] = [e for e in doc["events"] if etype is None or e["type"] == etype]
    return doc


@pytest.mark.parametrize("text, lang", [
    (MEETING + "وتناولت المحادثات بين وزيري خارجية مصر والأردن في جدة ملف المياه.", "ar"),
    ("The foreign ministers of Egypt and Jordan met in Jeddah on Monday. The talks between Egypt and Jordan in "
     "Jeddah covered water.", "en"),
])
def test_the_talks_told_again_join_the_meeting(text, lang):
    doc = _events(text, lang, explain=True)
    assert len(doc["events"]) == 1
    ev = doc["events"][0]
    assert len(ev["evidences"]) == 2 and ev["evidences"][1]["start"] > ev["evidences"][0]["end"]
    talks = [r for r in doc["explain"] if r["trigger"]["text"] in ("المحادثات", "talks")]
    assert talks and talks[0]["outcome"] == f"merged into {ev['id']}"


@pytest.mark.parametrize("second", [
    "وتناولت المحادثات بين وزيري خارجية مصر والأردن يوم 3 مارس 2021 ملف المياه.",  # another date
    "وفي تونس، تناولت المحادثات بين وزيري خارجية مصر والأردن ملف المياه.",  # another country
    "وعقد الوزيران اجتماعا ثانيا مع رئيس الوزراء.",  # an indefinite noun: a second meeting
])
def test_another_time_place_or_meeting_stays_another_event(second):
    assert len(_events(MEETING + second)["events"]) == 2


def test_a_statement_that_carries_an_intention_is_dropped():
    """"أكد X أن Y تعتزم إعادة النظر": the intention (CAMEO 014) is the event; the plain statement (010) only
    carries it, even though the intention has no PLOVER type."""
    events = _events("وشدد وزير المالية الكويتي في بيان على أن الحكومة تعتزم إعادة النظر في قانون الضرائب.",
                     etype=None)["events"]
    assert [e["cameo"] for e in events] == ["014"]


def test_the_rule_is_data():
    assert load_coding_rules()["anaphoric-restatements"]["span"] >= 1
