"""The English name rules (marsad.extract.ner_en, stage extract/stages/ner_en.py): names the KB does not know in
sentences written for this test, the words that must never become names, exact offsets on any input, and the
layer staying opt-in (``code(..., ner=True)``)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.extract.ner_en import EnglishNames
from marsad.extract.words import segment
from marsad.pipeline import code


def names(text: str) -> list[tuple[str, str, str | None]]:
    words, _ = segment(text, "en")
    spans = EnglishNames.load().tag(text, words)
    for s in spans:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()
    return [(s.text, s.label, s.sector) for s in spans]


@pytest.mark.parametrize("text, expected", [
    ("Rebels of the Kalam Hills Brigades shelled the town.", [("Kalam Hills Brigades", "ORG", "REB")]),
    ("Officials at the Ministry of Water Resources denied the report.",
     [("Ministry of Water Resources", "ORG", "GOV")]),
    ("Police said Col. Tariq Benna was wounded.", [("Tariq Benna", "PERS", None)]),
    ("The mayor met President Amal Ferrar of the Green Valley Party on Sunday.",
     [("Amal Ferrar", "PERS", None), ("Green Valley Party", "ORG", "PTY")]),
    ("Idris Kalo, the group's spokesman, denied any role.", [("Idris Kalo", "PERS", None)]),
    ("On Monday Idris Kalo, the group's spokesman, denied it.", [("Idris Kalo", "PERS", None)]),  # stop words
    ("Karim Tannous, a spokesman for Kalam Youth, was detained.",
     [("Karim Tannous", "PERS", None), ("Kalam Youth", "ORG", None)]),
    ("Floods cut the roads of Upper Ridge Province overnight.", [("Upper Ridge Province", "LOC", None)]),
    ("Egypt's foreign minister Omar bin Sayf arrived in the capital.", [("Omar bin Sayf", "PERS", None)]),
    ("Students of the Tamarind Technical Institute marched to the square.",
     [("Tamarind Technical Institute", "ORG", "EDU")]),
])
def test_names_the_kb_does_not_know_are_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Hundreds protested in the capital on Tuesday, and more marched in March.",   # weekdays, months
    "Meanwhile the army said it had withdrawn.",                                  # a sentence-initial word
    "Demonstrators Clash With Police Outside Parliament Building",                # a title-case headline
    "Protesters waved Flags and Banners outside the embassy.",                    # capitals with no evidence
    "Police said Joe Biden met Emmanuel Macron in Paris.",                        # names the KB knows
    "Kalam Youth said it would march again.",                                     # no title, no head
])
def test_no_name_without_evidence(text):
    assert names(text) == []


_alphabet = st.sampled_from(list("abcXYZ.,-'\u2019\n ") + ["Party", " Ministry", " President", " Col", " of the ",
                                                             "'s", " Brigades", "\u200f", "李"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_alphabet, max_size=200).map("".join))
def test_offsets_are_exact_on_any_text(text):
    names(text)


def test_the_layer_is_opt_in_and_adds_new_entities():
    text = "Fighters of the Kalam Hills Brigades attacked a police post near Mosul on Monday."
    plain = code(text, lang="en", date="2024-05-06").to_dict()
    with_ner = code(text, lang="en", date="2024-05-06", ner=True).to_dict()
    assert not any(e["id"].startswith("new:") for e in plain["entities"])
    new = [e for e in with_ner["entities"] if e["id"].startswith("new:")]
    assert [(e["id"], e["sectors"]) for e in new] == [("new:organization:kalam hills brigades", ["REB"])]
    for e in new:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert plain["events"] and plain["events"][0]["type"] == with_ner["events"][0]["type"]


def test_a_new_party_takes_the_title_s_place_and_keeps_its_country():
    text = "The Sudanese Green Valley Party accused the army of killing protesters in Khartoum."
    plain = code(text, lang="en", date="2024-05-06").to_dict()
    with_ner = code(text, lang="en", date="2024-05-06", ner=True).to_dict()
    src = with_ner["events"][0]["source"]
    assert [(a["code"], a["text"]) for a in src] == [("SDNPTY", "Sudanese Green Valley Party")]  # one actor
    assert [(e["id"], e["sectors"]) for e in with_ner["entities"] if e["id"].startswith("new:")] == \
        [("new:organization:green valley party", ["PTY"])]
    assert [a["code"] for a in plain["events"][0]["source"]] == ["SDNPTY"]  # the KB alone: nisba + "Party"
    assert text[src[0]["start"]:src[0]["end"]] == src[0]["text"]
