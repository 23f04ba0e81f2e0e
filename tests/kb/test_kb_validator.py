"""The validator (`marsad.kb.validate` and `marsad kb validate`) on the shipped KB and on broken copies."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.kb import manifest
from marsad.kb.validate import validate

from .kbfixtures import copy_shipped, country, person, replace_line, spell, tiny_kb, write

OWN = {"countries.jsonl", "places.jsonl", "regions.jsonl"}  # manifest: test_kb_manifest_and_generators


def test_shipped_countries_places_regions_are_clean():
    report = validate()
    assert report.kb is not None, [str(p) for p in report.errors]
    mine = [str(p) for p in report.errors if p.file in OWN]
    assert mine == []


def test_shipped_kb_validates():
    """The whole KB (all authors' files); a stale manifest is reported by test_manifest_is_current."""
    report = validate()
    errors = [str(p) for p in report.errors if p.file != "manifest.json"]
    assert errors == [], "run `marsad kb validate` and fix the data"


def test_tiny_kb_validates(tmp_path):
    d = tiny_kb(tmp_path)
    manifest.write(d)
    report = validate(d)
    assert report.ok, [str(p) for p in report.problems]


def test_stale_manifest_is_an_error(tmp_path):
    d = tiny_kb(tmp_path)
    manifest.write(d)
    with (d / "roles.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    errs = [str(p) for p in validate(d).errors]
    assert any("manifest.json" in e and "roles.jsonl" in e for e in errs), errs
    assert manifest.stale_files(d) == ["roles.jsonl"]
    assert manifest.main(["--check", str(d)]) == 1
    manifest.write(d)
    assert manifest.main(["--check", str(d)]) == 0


def test_overlapping_spells_for_one_post_are_reported_with_line(tmp_path):
    d = tiny_kb(tmp_path)
    write(d / "people.jsonl", [
        person("a", "Ali A", "علي ألف", [spell("foreign_minister", "AAA", "2015-01-01", "2019-06-30")]),
        person("b", "Badr B", "بدر باء", [spell("foreign_minister", "AAA", "2019-06-30", None)]),  # handover: ok
        person("c", "Camil C", "كميل جيم", [spell("foreign_minister", "AAA", "2018-01-01", "2018-03-01")]),
        person("d", "Dani D", "داني دال", [spell("foreign_minister", "BBB", "2018-01-01", "2018-03-01")]),
    ])
    manifest.write(d)
    errs = validate(d).errors
    assert len(errs) == 1, [str(e) for e in errs]
    assert errs[0].file == "people.jsonl" and errs[0].line == 3
    assert "foreign_minister of AAA" in errs[0].message and "person:a" in errs[0].message


def test_name_clash_needs_an_ambiguity_mark(tmp_path):
    d = tiny_kb(tmp_path)
    recs = [country("AA", "AAA", "Aland", "ألاند", ["ألاندي"]), country("BB", "BBB", "Bland", "بلاند", ["ألاندي"])]
    write(d / "countries.jsonl", recs)
    manifest.write(d)
    errs = [str(p) for p in validate(d).errors]
    assert len(errs) == 1 and "الاندي" in errs[0] and "country:AAA" in errs[0] and "country:BBB" in errs[0]
    recs[1]["ambiguous_ar"] = ["ألاندي"]
    write(d / "countries.jsonl", recs)
    manifest.write(d)
    assert validate(d).ok


def test_name_empty_after_normalization(tmp_path):
    d = tiny_kb(tmp_path)
    write(d / "countries.jsonl", [country("AA", "AAA", "Aland", "ألاند", names_ar=["ألاند", "ـــ"]),
                                  country("BB", "BBB", "Bland", "بلاند")])
    manifest.write(d)
    errs = [p for p in validate(d).errors]
    assert len(errs) == 1 and errs[0].line == 1 and "empty after normalization" in errs[0].message


@pytest.mark.parametrize("file, lineno, mutate, needle", [
    ("places.jsonl", 7, lambda r: {**r, "country": "ZZZ"}, "ZZZ"),
    ("places.jsonl", 12, lambda r: {**r, "kind": "village"}, "kind"),
    ("countries.jsonl", 5, lambda r: {**r, "capital": "place:gn0"}, "capital"),
    ("countries.jsonl", 9, lambda r: "{not json", "bad JSON"),
    ("regions.jsonl", 3, lambda r: {**r, "countries": ["JPN", "XXQ"]}, "XXQ"),
    ("regions.jsonl", 4, lambda r: {k: v for k, v in r.items() if k != "names_ar"}, "names_ar"),
])
def test_broken_copies_fail_with_file_and_line(tmp_path, file, lineno, mutate, needle):
    d = copy_shipped(tmp_path)
    replace_line(d / file, lineno, mutate)
    report = validate(d)
    assert not report.ok
    first = report.errors[0]
    assert (first.file, first.line) == (file, lineno) and needle in first.message, str(first)


def test_cli_validate_exit_codes(tmp_path):
    runner = CliRunner()
    d = tiny_kb(tmp_path)
    manifest.write(d)
    ok = runner.invoke(app, ["kb", "validate", "--data-dir", str(d)])
    assert ok.exit_code == 0, ok.output
    assert "0 errors" in ok.output
    replace_line(d / "countries.jsonl", 2, lambda r: {**r, "iso2": "b"})
    bad = runner.invoke(app, ["kb", "validate", "--data-dir", str(d)])
    assert bad.exit_code == 3
    assert "countries.jsonl:2" in bad.output and "Traceback" not in bad.output
    missing = runner.invoke(app, ["kb", "validate", "--data-dir", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such directory" in missing.output


def test_cli_lookup_and_stats(tmp_path):
    runner = CliRunner()
    d = tiny_kb(tmp_path)
    res = runner.invoke(app, ["kb", "lookup", "بدر الثاني", "--date", "2020-05-01", "--data-dir", str(d), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)["candidates"]
    assert got[0]["entry"]["target"] == "person:second-fm" and got[0]["spell"]["post"] == "foreign_minister"
    res = runner.invoke(app, ["kb", "lookup", "بدر الثاني", "--date", "2024-05-01", "--data-dir", str(d)])
    assert res.exit_code == 0 and "prime_minister" in res.output
    res = runner.invoke(app, ["kb", "lookup", "بدر", "--date", "2024-5-1", "--data-dir", str(d)])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["kb", "lookup", "لا أحد", "--data-dir", str(d)])
    assert res.exit_code == 1 and "no entity" in res.output
    res = runner.invoke(app, ["kb", "lookup", "وزير الخارجية اختباري", "--data-dir", str(d), "--json"])
    got = json.loads(res.output)
    assert got["candidates"] == [] and got["composed_code"] == "AAAGOV"
    assert [s["text"] for s in got["segments"]] == ["وزير الخارجية", "اختباري"]
    res = runner.invoke(app, ["kb", "lookup", "وزير الخارجية اختباري", "--data-dir", str(d)])
    assert res.exit_code == 0 and "AAAGOV" in res.output
    res = runner.invoke(app, ["kb", "stats", "--data-dir", str(d), "--json"])
    assert res.exit_code == 0, res.output
    st = json.loads(res.output)
    assert st["files"]["people.jsonl"]["records"] == 3 and st["files"]["countries.jsonl"]["names_ar"] >= 4
    res = runner.invoke(app, ["kb", "stats"])
    assert res.exit_code == 0 and "countries.jsonl" in res.output


def test_capital_links_must_agree(tmp_path):
    d = copy_shipped(tmp_path)
    lines = (d / "countries.jsonl").read_text(encoding="utf-8").splitlines()
    jpn = next(i for i, line in enumerate(lines, 1) if '"id":"country:JPN"' in line)
    usa_capital = next(json.loads(line)["capital"] for line in lines if '"id":"country:USA"' in line)
    replace_line(d / "countries.jsonl", jpn, lambda r: {**r, "capital": usa_capital})
    manifest.write(d)
    errs = [p for p in validate(d).errors]
    assert any(p.file == "countries.jsonl" and p.line == jpn and "capital_of" in p.message for p in errs), errs
    assert any(p.file == "places.jsonl" and "country:USA" not in p.message and "JPN" in p.message for p in errs)


@pytest.mark.parametrize("seat_of, needle", [("XYZ", "not a country code"), ("isr", "seat_of must be"),
                                             (None, "seat_of must be")])
def test_seat_of_must_name_a_country(tmp_path, seat_of, needle):
    d = copy_shipped(tmp_path)
    lines = (d / "places.jsonl").read_text(encoding="utf-8").splitlines()
    tel_aviv = next(i for i, line in enumerate(lines, 1) if '"name":"Tel Aviv"' in line)
    replace_line(d / "places.jsonl", tel_aviv, lambda r: {**r, "seat_of": seat_of})
    manifest.write(d)
    errs = [p for p in validate(d).errors]
    assert any(p.file == "places.jsonl" and p.line == tel_aviv and needle in p.message for p in errs), errs


def test_unknown_fields_are_warnings_and_strict_fails(tmp_path):
    d = tiny_kb(tmp_path)
    replace_line(d / "countries.jsonl", 2, lambda r: {**r, "name_en": "typo"})
    manifest.write(d)
    report = validate(d)
    assert report.ok and [(w.file, w.line) for w in report.warnings] == [("countries.jsonl", 2)]
    assert "name_en" in report.warnings[0].message
    runner = CliRunner()
    assert runner.invoke(app, ["kb", "validate", "--data-dir", str(d)]).exit_code == 0
    strict = runner.invoke(app, ["kb", "validate", "--strict", "--json", "--data-dir", str(d)])
    assert strict.exit_code == 3
    rows = [json.loads(line) for line in strict.output.splitlines() if line.startswith("{")]
    assert rows == [{"severity": "warning", "file": "countries.jsonl", "line": 2, "message": "unknown field 'name_en'"}]


def test_organization_codes_must_start_with_their_country(tmp_path):
    d = tiny_kb(tmp_path)
    org = {"id": "org:bland-army", "kind": "military", "name": "Bland Army", "names_en": ["Bland Army"],
           "name_ar": "جيش بلاند", "names_ar": ["جيش بلاند"], "acronyms": [], "code": "AAAMIL", "country": "BBB",
           "sectors": ["MIL"], "ambiguous": False, "sources": "test", "notes": ""}
    igo = {**org, "id": "org:club", "kind": "igo", "name": "Club", "names_en": ["Club"], "name_ar": "النادي",
           "names_ar": ["النادي"], "code": "IGOCLB", "country": None, "sectors": ["IGO"]}
    write(d / "organizations.jsonl", [org, igo])
    manifest.write(d)
    warnings = [(w.line, w.message) for w in validate(d).warnings]
    assert len(warnings) == 1 and warnings[0][0] == 1 and "BBB" in warnings[0][1]
