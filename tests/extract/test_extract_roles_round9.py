"""Issue 19, ninth round: Arabic–English parity, the English side. Sentences written for the project; coded with the
rules alone (``all_candidates=True``), as the parity test codes its pairs."""
from __future__ import annotations

import pytest

from marsad.kb.coding_rules import load_coding_rules
from marsad.pipeline import code


def _events(text: str, lang: str) -> list[dict]:
    return code(text, lang=lang, date="2025-03-02", all_candidates=True).to_dict()["events"]


def _countries(actors: list[dict]) -> list[str]:
    return sorted({a["code"][:3] for a in actors})


def _of_type(text: str, lang: str, etype: str) -> dict:
    events = [e for e in _events(text, lang) if e["type"] == etype]
    assert events, (text, _events(text, lang))
    return events[0]


# coding rule addressed-appeal-is-request: asking a named party to act is a request of that party, as "asked for" is
# (docs/coding-decisions.md, decision 31)
@pytest.mark.parametrize("text, source, target", [
    ("Kenya asked Somalia to reopen the closed border crossing.", "KEN", "SOM"),
    ("Oman asked the United Nations to send observers to the port.", "OMN", "UNO"),
])
def test_asking_a_named_party_to_act_is_a_request(text, source, target):
    e = _of_type(text, "en", "REQUEST")
    assert _countries(e["source"]) == [source] and _countries(e["target"]) == [target]
    assert e["cameo"] == load_coding_rules()["addressed-appeal-is-request"]["to_cameo"]


@pytest.mark.parametrize("text, lang", [
    ("The minister asked the crowd to go home peacefully.", "en"),  # the public, no party
    ("Oman urged Iran to free the seized tanker without delay.", "en"),  # an appeal (decision 7)
    ("The Arab League called on Ethiopia to resume the dam negotiations.", "en"),
    ("دعت قطر باكستان إلى الإفراج عن الصيادين المحتجزين.", "ar"),
])
def test_other_appeals_stay_cameo_only(text, lang):
    assert not [e for e in _events(text, lang) if e["type"] == "REQUEST"]
    assert any(e["type"] is None and e["cameo"].startswith("02") for e in _events(text, lang))


def test_the_party_called_on_is_the_appeals_target():
    e = next(e for e in _events("The Arab League called on Ethiopia to resume the dam negotiations.", "en")
             if e["rule"] == "en.appeal.call_on")
    assert _countries(e["target"]) == ["ETH"]


def test_asked_about_is_no_appeal():
    assert not [e for e in _events("Asked about the talks, the Omani envoy declined to say more.", "en")
                if e["rule"].startswith("en.appeal.ask")]


# English lexicon: the senses the Arabic side already had
@pytest.mark.parametrize("text, etype, countries", [
    ("Greece and Cyprus began joint maritime patrols south of Crete.", "COOPERATE", ["CYP", "GRC"]),
    ("Kuwait and Iraq carried out a joint border operation against smugglers.", "COOPERATE", ["IRQ", "KWT"]),
    ("Morocco exchanged security information with Spain ahead of the summit.", "COOPERATE", ["ESP", "MAR"]),
])
def test_joint_acts_are_cooperation(text, etype, countries):
    e = _of_type(text, "en", etype)
    assert _countries(e["source"] + e["target"]) == countries


@pytest.mark.parametrize("text, etype, source, target", [
    ("Pakistani authorities handed over a terror suspect to Afghanistan.", "COOPERATE", "PAK", "AFG"),
    ("Qatar delivered fuel shipments to Lebanon last week.", "AID", "QAT", "LBN"),
    ("Serbia's president ruled out direct talks with Kosovo.", "REJECT", "SRB", "KOS"),
    ("The Malawian government bowed to the opposition's demands on the election law.", "CONCEDE", "MWI", None),
    ("Sudan agreed to hand back two border posts to South Sudan.", "CONCEDE", "SDN", "SSD"),
    ("Egyptian police shut the bureau of a Turkish television channel in Cairo.", "COERCE", "EGY", None),
])
def test_english_senses(text, etype, source, target):
    e = _of_type(text, "en", etype)
    assert source in _countries(e["source"])
    if target:
        assert _countries(e["target"]) == [target]


# Arabic lexicon: joint patrols are cooperation, a single country's are a mobilization; frozen assets in the
# accusative
def test_joint_patrols_in_arabic_are_cooperation():
    e = _of_type("سيرت مصر والسودان دوريات عسكرية مشتركة على طول الحدود.", "ar", "COOPERATE")
    assert _countries(e["source"] + e["target"]) == ["EGY", "SDN"]


def test_a_single_countrys_patrols_stay_a_mobilization():
    assert _of_type("سيرت البحرية الهندية دوريات بحرية قرب الجزر.", "ar", "MOBILIZE")


def test_frozen_assets_in_the_accusative():
    e = _of_type("جمدت بريطانيا أموالا تابعة لشركة نفط فنزويلية.", "ar", "SANCTION")
    assert _countries(e["source"]) == ["GBR"]
