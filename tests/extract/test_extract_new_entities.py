"""Names the KB does not know (``code(..., ner=True)``, extract/stages/ner.py): entities with ``new:`` ids, exact
offsets, coded as actors only from a head noun, title or nisba; off by default."""
from __future__ import annotations

from marsad import code
from marsad.extract.stages.ner import _head_sector

# written for the project: a minister the KB does not list, in a sentence with a trigger
TEXT = "اتهمت حركة التجديد الوطني وزير الداخلية كمال بن سعيد بقمع المتظاهرين في القيروان."


def test_new_entities_only_when_asked():
    assert not [e for e in code(TEXT, lang="ar", date="2024-05-01").entities if e.id.startswith("new:")]


def test_new_entities_have_exact_offsets_and_ids():
    doc = code(TEXT, lang="ar", date="2024-05-01", ner=True)
    new = [e for e in doc.entities if e.id.startswith("new:")]
    assert "new:person:كمال بن سعيد" in [e.id for e in new], [e.id for e in doc.entities]
    for e in new:
        assert e.kind in ("person", "organization", "place")
        assert e.id.split(":")[1] == e.kind
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text


def test_an_organization_takes_the_sector_of_its_head_noun():
    assert _head_sector(frozenset({"حزب"})) == "PTY"
    assert _head_sector(frozenset({"شركه"})) == "BUS"
    assert _head_sector(frozenset({"حركه"})) is None  # a movement may be armed or political: no guess


def test_english_gets_the_rule_layer_not_the_arabic_tagger():
    text = "Protesters from the Dawn Party marched in Amman on Sunday."
    plain = code(text, lang="en", date="2024-05-01").to_dict()
    with_ner = code(text, lang="en", date="2024-05-01", ner=True).to_dict()
    assert not [e for e in plain["entities"] if e["id"].startswith("new:")]
    new = [(e["id"], e["sectors"], e["mentions"]) for e in with_ner["entities"] if e["id"].startswith("new:")]
    # extract/ner_en.py: "Party", a KB title, is the head of the name, which takes the title's place
    assert new == [("new:organization:dawn party", ["PTY"], [{"start": 20, "end": 30, "text": "Dawn Party"}])]
    assert text[20:30] == "Dawn Party"