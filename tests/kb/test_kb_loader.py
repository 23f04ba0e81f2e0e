"""load_kb on hand-made fixture directories: typed records, names, role-by-date, errors with file:line."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.errors import KBError
from marsad.kb import EntityRecord, KnowledgeBase, NameEntry, RoleSpell, load_kb
from marsad.kb.loader import build_kb

from .kbfixtures import country, person, spell, tiny_kb, write


@pytest.fixture()
def kb(tmp_path) -> KnowledgeBase:
    return build_kb(tiny_kb(tmp_path))


def test_records_are_typed(kb):
    rec = kb.entities["country:AAA"]
    assert isinstance(rec, EntityRecord)
    assert (rec.kind, rec.code, rec.country, rec.name_ar) == ("country", "AAA", "AAA", "بلاد الاختبار")
    assert kb.country("aa") is rec and kb.country("AAA") is rec and kb.country("ZZZ") is None
    assert kb.counts() == {"country": 2, "person": 3, "role": 2}
    assert kb.version == "unversioned" and not kb.manifest_current


@pytest.mark.parametrize("on, post", [
    (dt.date(2016, 5, 1), "foreign_minister"),
    (dt.date(2019, 6, 30), "foreign_minister"),   # handover day: both ends inclusive
    (dt.date(2014, 12, 31), None),                # before the first spell
])
def test_person_role_by_date(kb, on, post):
    got = kb.person_role("person:first-fm", on)
    assert (got.post if got else None) == post


def test_person_role_picks_the_spell_of_the_day(kb):
    assert kb.person_role("person:second-fm", dt.date(2020, 1, 1)).post == "foreign_minister"
    pm = kb.person_role("person:second-fm", dt.date(2026, 11, 1))
    assert isinstance(pm, RoleSpell) and pm.post == "prime_minister" and pm.end is None
    assert pm.start == dt.date(2023, 2, 1) and pm.country == "AAA"


def test_person_role_without_date_is_the_latest(kb):
    assert kb.person_role("person:second-fm").post == "prime_minister"
    assert kb.person_role("person:first-fm").post == "foreign_minister"
    assert kb.person_role("person:nobody") is None


def test_open_start_covers_the_past(kb):
    assert kb.person_role("person:no-dates", dt.date(1990, 1, 1)).post == "prime_minister"
    assert kb.person_role("person:no-dates", dt.date(2019, 1, 1)) is None


def test_names_carry_keys_kinds_and_context(kb):
    names = kb.names()
    assert all(isinstance(n, NameEntry) for n in names)
    by = {(n.surface, n.kind): n for n in names}
    assert by[("اختباري", "nisba")].target == "country:AAA"
    assert by[("الأول", "person_short")].needs_context is False
    assert by[("كمال", "person")].needs_context is True  # listed in "ambiguous"
    assert by[("وزير الخارجية", "role")].target == "role:foreign_minister"
    assert by[("Aland of Tests", "country")].key == "aland of tests"
    amb, plain = by[("كمال", "person")], by[("بدر الثاني", "person")]
    assert amb.priority < plain.priority
    assert kb.names() is names  # computed once


def test_load_kb_is_cached_per_directory(tmp_path):
    d = tiny_kb(tmp_path)
    assert load_kb(d) is load_kb(str(d))


def test_fingerprint_follows_content(tmp_path):
    d = tiny_kb(tmp_path)
    before = build_kb(d).fingerprint
    assert before == build_kb(d).fingerprint and len(before) == 64
    with (d / "people.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert build_kb(d).fingerprint != before


@pytest.mark.parametrize("mutate, needle, line", [
    (lambda recs: recs.__setitem__(1, {**recs[1], "iso3": "bbb"}), "iso3", 2),
    (lambda recs: recs.append(dict(recs[0])), "duplicate id", 3),
    (lambda recs: recs[1].pop("names_ar"), "names_ar", 2),
    (lambda recs: recs.__setitem__(0, {**recs[0], "id": "AAA"}), "id", 1),
    (lambda recs: recs.__setitem__(1, {**recs[1], "numeric": 12}), "numeric", 2),
    (lambda recs: recs.__setitem__(1, {**recs[1], "lat": 123.0, "lon": 0.0}), "coordinates", 2),
])
def test_bad_country_records_name_file_and_line(tmp_path, mutate, needle, line):
    recs = [country("AA", "AAA", "A", "ا"), country("BB", "BBB", "B", "ب")]
    mutate(recs)
    d = tmp_path / "kb"
    d.mkdir()
    write(d / "countries.jsonl", recs)
    with pytest.raises(KBError) as err:
        build_kb(d)
    assert err.value.code == "E200"
    assert err.value.context["file"] == "countries.jsonl" and err.value.context["line"] == line
    assert needle in str(err.value)


def test_unknown_country_code_and_post_are_refused(tmp_path):
    d = tiny_kb(tmp_path)
    write(d / "people.jsonl", [person("x", "X Y", "س ص", [spell("foreign_minister", "ZZZ", "2020-01-01", None)])])
    with pytest.raises(KBError, match="ZZZ") as err:
        build_kb(d)
    assert err.value.context["line"] == 1
    write(d / "people.jsonl", [person("x", "X Y", "س ص", [spell("no_such_post", "AAA", "2020-01-01", None)])])
    with pytest.raises(KBError, match="no_such_post"):
        build_kb(d)


def test_end_before_start_and_bad_dates_are_refused(tmp_path):
    d = tiny_kb(tmp_path)
    write(d / "people.jsonl", [person("x", "X Y", "س ص", [spell("foreign_minister", "AAA", "2020-01-01",
                                                                     "2019-01-01")])])
    with pytest.raises(KBError, match="before start"):
        build_kb(d)
    write(d / "people.jsonl", [person("x", "X Y", "س ص", [spell("foreign_minister", "AAA", "2020-13-01", None)])])
    with pytest.raises(KBError, match="YYYY-MM-DD"):
        build_kb(d)


def test_bad_json_and_missing_dir(tmp_path):
    d = tiny_kb(tmp_path)
    (d / "roles.jsonl").write_text('{"id": "role:x",\n', encoding="utf-8")
    with pytest.raises(KBError, match="bad JSON") as err:
        build_kb(d)
    assert err.value.context == {"file": "roles.jsonl", "line": 1}
    with pytest.raises(KBError, match="does not exist"):
        build_kb(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(KBError, match="no KB files"):
        build_kb(tmp_path / "empty")
