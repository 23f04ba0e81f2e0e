"""Recalled acts, as eval/GUIDELINES.md codes them (background, not news): a pluperfect "وكان … قد" recalls an act
however recent, also before a trigger phrase that opens with a verb ("قد أطلقت صواريخ"; coding rule
recent-pluperfect: only the document's own day is news); the entries of a chronology ("* 3 مايو 2006: …",
coding rule chronology-entry). Sentences written for the project."""
from __future__ import annotations

from marsad.pipeline import code


def _events(text: str, lang: str = "ar") -> list[dict]:
    return code(text, lang=lang, date="2008-03-14").to_dict()["events"]


def test_a_pluperfect_phrase_trigger_is_recalled():
    events = _events("وكانت الحركة قد أطلقت صواريخ على البلدة الحدودية أمس.")
    assert events and all(e["background"] for e in events)


def test_the_same_act_told_as_news_is_new():
    events = _events("أطلقت الحركة صواريخ على البلدة الحدودية أمس.")
    assert events and not any(e["background"] for e in events)


def test_chronology_entries_are_recalled_and_the_news_line_is_not():
    text = ("أبرز الاعتداءات في المدينة:\n"
            "* 3 مايو (أيار) 2006: اغتيال نائب في انفجار سيارة مفخخة في بيروت.\n"
            "- 12 يونيو: مقتل ثلاثة جنود في هجوم جنوب لبنان.\n"
            "وقال الجيش امس: قتل مسلحون شرطيا في صيدا.")
    events = _events(text)
    recalled = {e["trigger"]["text"] for e in events if e["background"]}
    assert {"اغتيال", "مقتل"} <= recalled
    assert any(not e["background"] and e["trigger"]["text"] == "قتل" for e in events)


def test_an_english_timeline_entry_is_recalled():
    events = _events("Timeline:\n- March 3, 2006: Gunmen killed two soldiers in Kirkuk.", lang="en")
    assert events and all(e["background"] for e in events)
