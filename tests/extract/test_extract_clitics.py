"""Verb tables match on analysed forms: every proclitic a verb takes works, none a noun takes does.

Sentences written for the project. ``announce_verbs`` and ``agent_clause`` (kb/data/grammar.jsonl) list bare verbs;
``words.has_verb_form`` reads "فقررت" as ف + قررت just as "وقررت" is و + قررت.
"""
from __future__ import annotations

import pytest

import marsad

from marsad.extract.events import AGENT_CLAUSE, ANNOUNCE_VERBS
from marsad.extract.words import has_verb_form, segment

from ._coding import codes, events_of


@pytest.mark.parametrize("conj", ["و", "ف", ""])
def test_an_announcing_verb_makes_the_decision_its_own_with_any_conjunction(conj):
    text = f"{conj}قررت الحكومة المغربية اليوم، بعد اجتماع طويل، تجميد المساعدات للمنظمة."
    evs = events_of(text, "SANCTION")
    assert evs and codes(evs[0].source) == ["MARGOV"], conj


@pytest.mark.parametrize("conj", ["و", "ف"])
def test_a_claim_clause_names_the_attacker_with_any_conjunction(conj):
    text = f"وقع انفجار في السوق، ثم وقع هجوم انتحاري {conj}تبناه تنظيم داعش."
    evs = events_of(text, "ASSAULT")
    assert evs and codes(evs[0].source) == ["IMGREBISI"], conj


@pytest.mark.parametrize("word, table, expected", [
    ("أعلنت", ANNOUNCE_VERBS, True),
    ("فأعلنت", ANNOUNCE_VERBS, True),
    ("وقرر", ANNOUNCE_VERBS, True),
    ("ونسب", AGENT_CLAUSE, True),
    ("فنسبت", AGENT_CLAUSE, True),
    ("بنسب", AGENT_CLAUSE, False),  # "by ratios": ب is a noun's clitic, not a verb's
    ("نسبته", AGENT_CLAUSE, False),  # a pronoun suffix is another word ("its ratio")
    ("إعلان", ANNOUNCE_VERBS, False),
])
def test_has_verb_form(word, table, expected):
    words, _ = segment(word, "ar")
    assert has_verb_form(words[0], table) is expected


@pytest.mark.parametrize("word", ["الاجتماعي", "بالاجتماعي", "والاجتماعي", "للاجتماعي"])
def test_a_definite_noun_takes_no_my(word):
    """"الاجتماعي" is the adjective "social": the article rules out the reading "my meeting" (ال + اجتماع + ي),
    which coded a club's social committee as a CONSULT meeting; the bare "اجتماعي" keeps both readings."""
    from marsad.extract.words import analyses  # noqa: PLC0415

    assert not any(suffix == "ي" for _p, _b, suffix in analyses(word, "ar"))
    assert ("", "اجتماع", "ي") in analyses("اجتماعي", "ar")


@pytest.mark.parametrize("word, base, suffix", [
    ("لقائه", "لقاء", "ه"), ("لقاؤهم", "لقاء", "هم"), ("واعتدائها", "اعتداء", "ها"), ("باستدعائه", "استدعاء", "ه"),
])
def test_a_hamza_on_its_seat_before_a_pronoun_is_the_noun_s_hamza(word, base, suffix):
    """A noun ending in alef + hamza writes the hamza on a seat before a pronoun ("لقاء" -> "لقائه", "لقاؤهم"):
    the reading with the bare hamza is what the lexicon knows, so "عقب لقائه" is a meeting."""
    from marsad.extract.words import analyses  # noqa: PLC0415

    assert any(b == base and s == suffix for _p, b, s in analyses(word, "ar"))


@pytest.mark.parametrize("word", ["ووالدي", "بوالدي"])
def test_a_word_that_only_looks_definite_keeps_my(word):
    """"والد" (father) opens with the letters و+ال but holds no article: after a proclitic it still takes "my"."""
    from marsad.extract.words import analyses  # noqa: PLC0415

    assert any(b == "والد" and s == "ي" for _p, b, s in analyses(word, "ar"))


def test_a_meeting_told_with_a_pronoun_on_a_hamza_seat_is_found():
    doc = marsad.code("وقال وزير الخارجية الأردني عقب لقائه نظيره المصري في عمان أمس إن الطرفين متفقان",
                      lang="ar", date="2015-05-14", all_candidates=True)
    assert any(e.type == "CONSULT" and e.trigger.text == "لقائه" for e in doc.events)
