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


def test_what_a_pluperfect_report_reports_is_recalled():
    # the report itself is recalled ("وكان … قد أعلن"), so is every act it reports; told now, the act is news
    recalled = _events("وكانت الشرطة قد أعلنت أمس مقتل حارسين في هجوم على مصرف شمال المدينة.")
    assert any(e["type"] == "ASSAULT" for e in recalled)
    assert all(e["background"] for e in recalled if e["type"] == "ASSAULT")
    news = _events("وأعلنت الشرطة أمس مقتل حارسين في هجوم على مصرف شمال المدينة.")
    assert any(e["type"] == "ASSAULT" and not e["background"] for e in news)


def test_an_act_in_the_wake_of_which_something_happened_is_recalled():
    # "إثر" / "اثر" (in the wake of) is a reference point like "عقب": the act after it is not the sentence's news
    for wake in ("إثر", "اثر"):
        events = code(f"وتدهورت العلاقات بين الجارتين {wake} هجوم مسلحين على دورية حدودية أمس.", lang="ar",
                      date="2008-03-14", all_candidates=True).to_dict()["events"]
        assert [e["background"] for e in events if e["type"] == "ASSAULT"] == [True], wake
