"""Trigger phrases with a nationality slot ("use of <nationality> nuclear weapons"): one lexicon form covers every
country's adjective, the adjective's country is the actor, and any other name inside a phrase still breaks it.

Sentences written for the project.
"""
from __future__ import annotations

import pytest

import marsad

DATE = "2024-05-01"


def _unconventional(text: str) -> list:
    return [e for e in marsad.code(text, lang="en", date=DATE).events if e.cameo == "2042"]


@pytest.mark.parametrize("text, country", [
    ("Officials in Kyiv feared a use of Russian nuclear weapons within weeks.", "RUS"),
    ("Analysts weighed the possible use of American nuclear weapons as a deterrent.", "USA"),
    ("Seoul warned against any use of Chinese nuclear weapons near the border.", "CHN"),
])
def test_a_nationality_in_the_slot_is_the_source(text, country):
    evs = _unconventional(text)
    assert evs, text
    assert [a.code for a in evs[0].source] == [country]
    assert evs[0].trigger.text.startswith("use of ") and evs[0].trigger.text.endswith("nuclear weapons")


def test_the_phrase_without_a_nationality_still_matches():
    assert _unconventional("The militia threatened a use of nuclear weapons against cities in the region.")


def test_a_name_that_is_not_a_nationality_does_not_fill_the_slot():
    # "Moscow" is a place, not an adjective: the slot takes only a one-word nisba or demonym
    assert not _unconventional("Lawmakers discussed the use of Moscow nuclear weapons policy.")
