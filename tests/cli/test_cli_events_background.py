"""`marsad events --background exclude|include|only` and the other store commands over a stored background event
(a specific past act the article recalls as context, not news)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.store import Store
from store.docfactory import background_doc
from store.test_store_cli import run  # one CLI runner helper for the store commands' tests

@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "bg.duckdb"
    with Store(path) as s:
        s.upsert_documents([(background_doc(), None)])
    return str(path)


def test_events_default_excludes_background(db):
    page = json.loads(run("events", "--db", db, "--format", "json").stdout)
    assert page["total"] == 1 and [(e["local_id"], e["background"]) for e in page["items"]] == [("e1", False)]
    table = run("events", "--db", db).stdout
    assert "1 of 1 events" in table and "REDUCE" not in table and " bg " not in table


def test_events_background_include_and_only(db):
    page = json.loads(run("events", "--db", db, "--background", "include", "--format", "json").stdout)
    assert page["total"] == 2 and {e["local_id"]: e["background"] for e in page["items"]} == {"e1": False,
                                                                                             "e2": True}
    table = run("events", "--db", db, "--background", "include").stdout
    assert "2 of 2 events, bg = recalled as context" in table
    marks = {line.split()[2]: line.split()[3] for line in table.splitlines() if ":e" in line}
    assert marks == {"COOPERATE": "7.0", "REDUCE": "yes"}  # the bg column is empty for news, "yes" for background
    table = run("events", "--db", db, "--background", "only").stdout
    assert "1 of 1 background events" in table and "REDUCE" in table and "COOPERATE" not in table
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--background", "only", "--format",
                                               "csv").stdout)))
    assert [(r["type"], r["source"], r["target"], r["background"]) for r in rows] == [
        ("REDUCE", "TURGOV", "EGYGOV", "True")]


def test_bad_background_value_is_one_line_and_exit_code_2(db):
    res = run("events", "--db", db, "--background", "maybe", code=2)
    assert res.stderr.strip().splitlines() == [
        "marsad: error E100: --background 'maybe' is not one of exclude, include, only"]


def test_stats_and_exports_through_the_cli_leave_background_out_of_counts(db, tmp_path):
    st = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert (st["events"], st["canonical_events"], st["background_events"]) == (2, 1, 1)
    dyads = json.loads(run("stats", "dyads", "--db", db, "--by", "all", "--format", "json").stdout)
    assert [(d["source"], d["target"], d["events"]) for d in dyads] == [("EGY", "TUR", 1)]
    run("export", "gdelt", "--db", db, "-o", str(tmp_path / "g.tsv"), "--all-modalities")
    assert len((tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()) == 1
    run("export", "plover", "--db", db, "-o", str(tmp_path / "p.jsonl"))
    recs = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["marsad"]["background"] for r in recs) == [False, True]
