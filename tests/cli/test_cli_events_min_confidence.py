"""`marsad events --min-confidence X` and the analytics commands (stats, stats dyads/actors/network, plot dyad)
over hand-built events of known confidence; a bad value is one line on stderr and exit code 2."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.store import Store
from store.docfactory import confidence_docs
from store.test_store_cli import run  # one CLI runner helper for the store commands' tests


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "conf.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in confidence_docs()])
    return str(path)


def test_events_min_confidence_json_csv_and_table(db):
    page = json.loads(run("events", "--db", db, "--min-confidence", "0.7", "--format", "json").stdout)
    assert page["total"] == 3 and sorted(e["confidence"] for e in page["items"]) == [0.70, 0.85, 0.95]
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--min-confidence", "0.9", "--format",
                                               "csv").stdout)))
    assert [(r["type"], r["source"], r["target"]) for r in rows] == [("SUPPORT", "USAGOV", "JPNGOV")]
    table = " ".join(run("events", "--db", db, "--min-confidence", "0.5").stdout.split())  # rich may wrap the title
    assert "4 of 4 events, confidence >= 0.5" in table
    plain = run("events", "--db", db).stdout
    assert "6 of 6 events" in plain and "confidence >=" not in plain


def test_events_min_confidence_combines_with_other_options(db):
    page = json.loads(run("events", "--db", db, "--actor", "CHN", "--min-confidence", "0.6", "--format",
                          "json").stdout)
    assert [(e["type"], e["confidence"]) for e in page["items"]] == [("ACCUSE", 0.70)]
    first = json.loads(run("events", "--db", db, "--min-confidence", "0.5", "-n", "3", "--format", "json").stdout)
    rest = json.loads(run("events", "--db", db, "--min-confidence", "0.5", "-n", "3", "--cursor",
                          first["next_cursor"], "--format", "json").stdout)
    assert len({e["id"] for e in first["items"] + rest["items"]}) == 4 and rest["next_cursor"] is None


@pytest.mark.parametrize("bad", ["1.5", "-0.1", "high", "nan", "0,7"])
def test_bad_min_confidence_is_one_line_and_exit_code_2(db, bad):
    res = run("events", "--db", db, "--min-confidence", bad, code=2)
    assert res.stderr.strip().splitlines() == [
        f"marsad: error E100: --min-confidence {bad!r} is not a number between 0 and 1"]
    assert res.stdout == ""


@pytest.mark.parametrize("args", [["stats"], ["stats", "dyads"], ["stats", "actors"], ["stats", "network"],
                                  ["plot", "dyad", "EGY", "TUR"]])
def test_analytics_commands_refuse_a_bad_min_confidence_in_one_line(db, args):
    res = run(*args, "--db", db, "--min-confidence", "2", code=2)
    assert res.stderr.strip().splitlines() == [
        "marsad: error E100: --min-confidence '2' is not a number between 0 and 1"]


def test_analytics_commands_honour_min_confidence(db, tmp_path):
    st = json.loads(run("stats", "--db", db, "--min-confidence", "0.7", "--format", "json").stdout)
    assert (st["canonical_events"], st["min_confidence"]) == (3, 0.7)
    assert "min_confidence" not in json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert "min_confidence" in run("stats", "--db", db, "--min-confidence", "0.7").stdout  # the table says so
    dyads = json.loads(run("stats", "dyads", "--db", db, "--by", "all", "--min-confidence", "0.7", "--format",
                           "json").stdout)
    assert {(d["source"], d["target"]) for d in dyads} == {("USA", "JPN"), ("CHN", "JPN"), ("EGY", "TUR")}
    actors = json.loads(run("stats", "actors", "--db", db, "--min-confidence", "0.9", "--format", "json").stdout)
    assert {a["actor"]: a["events"] for a in actors} == {"USA": 1, "JPN": 1}
    net = json.loads(run("stats", "network", "--db", db, "--min-confidence", "0.9").stdout)
    assert [(e["source"], e["target"]) for e in net["edges"]] == [("USA", "JPN")]


def test_plot_dyad_under_a_bar(db, tmp_path):
    out = tmp_path / "d.png"
    res = run("plot", "dyad", "EGY", "TUR", "--db", db, "-o", str(out), "--min-confidence", "0.6")
    assert "1 periods, 1 events" in " ".join(res.stdout.split()) and out.stat().st_size > 0
    res = run("plot", "dyad", "EGY", "TUR", "--db", db, "-o", str(out), "--min-confidence", "0.9", code=2)
    assert "no dated events between EGY and TUR" in res.stderr
