"""Who did what: the actor codes the engine gives in sentence shapes that once went wrong.

Sentences written for the project; each assertion fails if the rule named in its test breaks.
"""
from __future__ import annotations

import pytest

import marsad

DATE = "2024-05-01"


def _events(text: str, etype: str, lang: str = "ar") -> list:
    return [e for e in marsad.code(text, lang=lang, date=DATE).events if e.type == etype]


def _codes(actors) -> list[str]:
    return [a.code for a in actors]


@pytest.mark.parametrize("text, lang", [
    ("هاجم مسلحون مجهولون نقطة تفتيش في بغداد أمس.", "ar"),
    ("Gunmen attacked a checkpoint in Baghdad on Monday.", "en"),
])
def test_unnamed_gunmen_belong_to_the_country_of_the_place(text, lang):
    # ACLED's "Unidentified Armed Group (Iraq)": an armed sector without a country takes the event's country
    evs = _events(text, "ASSAULT", lang)
    assert evs and _codes(evs[0].source) == ["IRQUAF"]


def test_a_word_in_ta_marbuta_carries_no_pronoun():
    # "امرأة" is a woman, not أمرا (an order) + ه: no REQUEST event
    doc = marsad.code("قامت امرأة بتفجير نفسها قرب دورية في الموصل أمس.", lang="ar", date=DATE)
    assert [e.type for e in doc.events] == ["ASSAULT"]
