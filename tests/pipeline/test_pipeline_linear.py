"""Coding is linear in the text (issue 21, item 3): doubling the input doubles the work, whatever its shape.

Work is counted, not timed: the number of Python function calls ``marsad.code`` makes (cProfile's count), which
a quadratic step (every telling compared with every kept one, every trigger scanning every quantity) drives far
above twice. 20,000 repeats of one sentence took 41 s before; the last test checks the merged event keeps all of
them, with a generous timeout only as a guard.
"""
from __future__ import annotations

import cProfile
import pstats
import time

import pytest

import marsad

SHAPES = {
    # one act told again and again: the evidence check of extract/merge.py compared each with every kept one
    "repeated sentence": "قصفت الطائرات الإسرائيلية مدينة غزة أمس. ",
    # a count of victims in every sentence: each trigger scanned every quantity of the document
    "repeated toll": "وقالت وزارة الصحة إن 5 أشخاص قتلوا في الغارة على رفح. ",
    "one endless sentence": "التقى وزير الخارجية الأمريكي نظيره الياباني و",
    "headlines": "قصف إسرائيلي على غزة\n",
    "english": "Israeli jets struck Gaza on Monday, killing 5 people. ",
    # figures and triggers in one run-on "sentence": each figure looked at every trigger of its sentence, each
    # trigger at every actor phrase of it
    "figures, no full stop": "قتل 1,234,567 شخصا و٣٤٥ جنديا و 12.5 مليون دولار ",
}


def _calls(text: str) -> int:
    prof = cProfile.Profile()
    prof.enable()
    marsad.code(text, date="2024-03-05")
    prof.disable()
    return pstats.Stats(prof).total_calls


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_the_input_doubles_the_work(shape: str) -> None:
    marsad.code("warm up", date="2024-03-05")
    unit = SHAPES[shape]
    small, large = _calls(unit * 150), _calls(unit * 300)
    assert large <= 2.2 * small, f"{shape}: {small} calls for 150 repeats, {large} for 300 (not linear)"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_many_distinct_reports_with_every_option_cost_work_linear_in_their_length(lang: str) -> None:
    """Generated news joined into one text, coded with explain, ner and all_candidates (what a POST /v1/code may
    ask): the NER overlap test, the victims' count search, the headline join, the claims and the explain trace's
    "merged into" were each quadratic in the events of a text (160 reports: 3.3 times the calls of 80; 2 MB cost
    72 CPU-s)."""
    from marsad.bench.corpus import generate

    def calls(text: str) -> int:
        prof = cProfile.Profile()
        prof.enable()
        marsad.code(text, date="2024-03-05", explain=True, ner=True, all_candidates=True)
        prof.disable()
        return pstats.Stats(prof).total_calls

    marsad.code("warm up", date="2024-03-05")
    docs = [d.text for d in generate(n=160, lang=lang, seed=7).docs]
    half, whole = "\n".join(docs[:80]), "\n".join(docs)
    growth = len(whole) / len(half)
    small, large = calls(half), calls(whole)
    assert large <= 1.1 * growth * small, f"{small} calls for 80 reports, {large} for 160 ({growth:.2f}x the text)"


def test_twenty_thousand_repeats_are_one_event_with_every_telling() -> None:
    unit = SHAPES["repeated sentence"]
    marsad.code(unit, date="2024-03-05")
    t0 = time.process_time()
    doc = marsad.code(unit * 20_000, date="2024-03-05")
    spent = time.process_time() - t0
    assert [len(e.evidences) for e in doc.events] == [20_000]
    assert spent < 30, f"{spent:.1f} CPU-s for 20,000 repeats (a guard, not a benchmark: 41 s when quadratic)"


def test_a_dateline_is_found_by_looking_back_three_characters_only() -> None:
    """extract/stages/places.is_dateline looks at most 3 characters back for the line start (it searched the whole
    text before: quadratic in the places of a text without line breaks, 1.7 of 4 CPU-seconds on 20,000 repeats)."""
    from marsad.extract.mentions import Mention
    from marsad.extract.stages.places import is_dateline

    def at(text: str, name: str) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, "capital", "place:x", "")

    head = "نص سابق بلا سطر " * 50
    assert is_dateline("الخرطوم - قال", at("الخرطوم - قال", "الخرطوم"))
    assert is_dateline(head + "\nالخرطوم (رويترز) - قال", at(head + "\nالخرطوم (رويترز) - قال", "الخرطوم"))
    assert is_dateline(head + "\n  الخرطوم - قال", at(head + "\n  الخرطوم - قال", "الخرطوم"))
    assert not is_dateline(head + "\nفي الخرطوم - قال", at(head + "\nفي الخرطوم - قال", "الخرطوم"))
    assert not is_dateline(head + "الخرطوم - قال", at(head + "الخرطوم - قال", "الخرطوم"))
