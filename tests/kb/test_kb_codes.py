"""Actor codes decoded into names (marsad.kb.codes) and `marsad kb lookup CODE`: a code's country, sectors and
organization each named in English and Arabic."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.kb.codes import SECTORS, decode, legend, looks_like_code


@pytest.mark.parametrize("code, name, name_ar, kinds", [
    ("SDNREBRSF", "Rapid Support Forces", "قوات الدعم السريع", ["country", "sector", "organization"]),
    ("IRQGOV", "Iraq – government", "العراق – حكومة", ["country", "sector"]),
    ("---REB", "unknown country – rebels", "بلد غير مذكور – متمردون", ["no_country", "sector"]),
    ("ISRMIL", "Israel – military", "إسرائيل – الجيش", ["country", "sector"]),
    ("UNOWHO", "World Health Organization", "منظمة الصحة العالمية", ["international", "organization"]),
    ("JPN", "Japan", "اليابان", ["country"]),
])
def test_codes_decode_into_named_parts(code, name, name_ar, kinds):
    got = decode(code)
    assert (got.name, got.name_ar, got.known) == (name, name_ar, True)
    assert [p.kind for p in got.parts] == kinds
    assert "".join(p.code for p in got.parts) == code


def test_a_shared_code_reads_by_its_parts_not_by_one_owner():
    got = decode("EGYMED")  # several Egyptian outlets carry this code: none of them names it
    assert got.entity is None and got.name == "Egypt – media"


@pytest.mark.parametrize("text", ["Iran", "irqgov", "IRQGO", "", "--REB", "ايران"])
def test_what_is_no_code_has_no_parts(text):
    assert not looks_like_code(text)
    assert decode(text).parts == () and decode(text).name is None


def test_an_unknown_chunk_is_marked_and_the_rest_still_named():
    got = decode("IRQQQQ")
    assert not got.known and [p.kind for p in got.parts] == ["country", "unknown"] and got.parts[0].name == "Iraq"


def test_the_legend_names_every_sector_in_both_languages():
    rows = legend()["sectors"]
    assert {r["code"] for r in rows} == set(SECTORS)
    assert all(r["name"] and r["name_ar"] for r in rows)
    assert {"---", "IGO", "UNO"} <= {r["code"] for r in legend()["prefixes"]}


def test_cli_lookup_decodes_a_code():
    res = CliRunner().invoke(app, ["kb", "lookup", "SDNREBRSF"])
    assert res.exit_code == 0, res.output
    assert "Rapid Support Forces" in res.output and "Sudan" in res.output and "rebels" in res.output
    res = CliRunner().invoke(app, ["kb", "lookup", "--", "---REB"])
    assert res.exit_code == 0 and "rebels" in res.output


def test_cli_lookup_code_as_json():
    res = CliRunner().invoke(app, ["kb", "lookup", "IRQGOV", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["code"]["name"] == "Iraq – government"
    assert [p["code"] for p in out["code"]["parts"]] == ["IRQ", "GOV"]


def test_cli_lookup_of_an_unreadable_code_exits_1():
    res = CliRunner().invoke(app, ["kb", "lookup", "QQQZZZ"])
    assert res.exit_code == 1
    assert CliRunner().invoke(app, ["kb", "lookup", "IRQZZZ"]).exit_code == 1


def test_a_name_is_still_looked_up_as_a_name():
    res = CliRunner().invoke(app, ["kb", "lookup", "قوات الدعم السريع", "--json"])
    out = json.loads(res.output)
    assert out["code"] is None and out["candidates"][0]["code"] == "SDNREBRSF"
