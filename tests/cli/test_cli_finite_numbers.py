"""Finite numbers everywhere and bounded options (issue 21, items 5 and 8).

A number of over 308 digits was read as a float, infinity: ``Infinity`` in ``marsad code -f jsonl`` (not JSON),
``inf`` in the CSV export. It is refused as a quantity now (no count anyone reports has 309 digits). ``marsad
query -f json`` turns a non-finite value SQL computes into null; ``query --limit -1`` is one line, exit 2.
"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import marsad
from marsad.cli import app
from marsad.store import Store

runner = CliRunner()
HUGE = "9" * 400
TEXT = f"قتل {HUGE} شخصا في غارة على غزة أمس. وقالت الوزارة إن {HUGE} ألف جندي وصلوا."


def _strict(text: str):
    def refuse(name: str):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_code_output_is_strict_json(tmp_path, fmt):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "--date", "2024-03-05", "-f", fmt])
    assert res.exit_code == 0, res.stderr
    doc = _strict(res.stdout)
    assert all(q["value"] is None or abs(q["value"]) < 1e308 for q in doc["quantities"])


def test_store_and_csv_export_carry_no_infinity(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.upsert_documents([(marsad.code(TEXT, date="2024-03-05"), None)])
    res = runner.invoke(app, ["export", "csv", "--db", str(db), "-o", str(tmp_path / "csv")])
    assert res.exit_code == 0, res.stderr
    for f in (tmp_path / "csv").iterdir():
        cells = f.read_text(encoding="utf-8").replace("\n", ",").split(",")
        assert not {"inf", "-inf", "nan", "Infinity"} & set(cells), f.name
    res = runner.invoke(app, ["query", "SELECT max(value) AS m FROM quantities", "--db", str(db), "-f", "json"])
    assert res.exit_code == 0 and _strict(res.stdout)[0]["m"] is None or _strict(res.stdout)[0]["m"] < 1e308


def test_query_json_turns_non_finite_into_null(tmp_path):
    db = tmp_path / "q.duckdb"
    Store(db).close()
    res = runner.invoke(app, ["query", "SELECT 1e308 * 10 AS x, 'nan'::DOUBLE AS y, 2 AS z", "--db", str(db),
                              "-f", "json"])
    assert res.exit_code == 0, res.stderr
    assert _strict(res.stdout) == [{"x": None, "y": None, "z": 2}]


def test_query_negative_limit_is_one_line(tmp_path):
    db = tmp_path / "q.duckdb"
    Store(db).close()
    res = runner.invoke(app, ["query", "SELECT 1", "--db", str(db), "--limit", "-1"])
    assert res.exit_code == 2 and res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stderr.startswith("marsad: error E100: --limit -1") and len(res.stderr.splitlines()) == 1
