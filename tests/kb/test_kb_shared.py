"""The KB's parsed records share their field names and short values (``kb._shared``, issue 24's tenth round):
equal values, the same order, one string object per distinct key or short value across records."""
from __future__ import annotations

import json

from marsad.kb._shared import SHORT, shared
from marsad.kb.loader import DATA_DIR, build_kb
from marsad.kb.rules import load_rules


def test_shared_gives_an_equal_value_with_interned_keys_and_short_strings():
    long = "x" * SHORT
    raw = '{"name": "Amman", "codes": ["JOR", "JO"], "n": 1, "lat": 31.9, "ok": null, "note": "%s", "sub": {"kind": "capital"}}' % long
    a, b = shared(json.loads(raw)), shared(json.loads(raw))
    assert a == json.loads(raw) and list(a) == list(json.loads(raw))
    assert all(k1 is k2 for k1, k2 in zip(a, b))  # keys: one object each
    assert a["name"] is b["name"] and a["codes"][0] is b["codes"][0] and a["sub"]["kind"] is b["sub"]["kind"]
    assert a["note"] == long and a["note"] is not b["note"]  # a long value is left as parsed
    assert type(a["n"]) is int and a["ok"] is None


def test_the_loaded_records_share_their_field_names_and_codes():
    kb = build_kb(DATA_DIR)
    people = [r for r in kb.entities.values() if r.kind == "person"][:50]
    keys = {id(k) for r in people for k in r.raw if k == "name_ar"}
    assert len(people) == 50 and len(keys) == 1
    countries = {id(r.raw["country"]) for r in people if r.raw["country"] == people[0].raw["country"]}
    assert len(countries) == 1


def test_the_rules_share_their_short_values():
    triggers = load_rules().triggers["ar"]
    first = triggers[0]
    same = [t for t in triggers if t.cameo == first.cameo]
    assert len(same) > 1 and all(t.cameo is first.cameo for t in same)
