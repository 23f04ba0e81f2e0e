"""The store commands in-process (typer's CliRunner), then the real DuckDB rows and files they wrote."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.samples import EN_1, write_corpus
from marsad.cli import app
from marsad.export.tables import TABLES
from marsad.store import Store
from store.docfactory import sample_docs

runner = CliRunner()


def run(*args: str, code: int = 0, input: str | None = None):
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


@pytest.fixture()
def db(tmp_path):
    """A store holding the hand-built sample documents (the coder does not need to find events)."""
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    return str(path)


def test_ingest_directory_then_rows_then_idempotent(tmp_path):
    root = tmp_path / "in"
    write_corpus(root)
    db = str(tmp_path / "i.duckdb")
    first = run("ingest", str(root), "--db", db, "-q")
    assert "skipped records" in first.stdout and "no main text" in first.stdout
    with Store(db, read_only=True) as s:
        counts = {t: s.count(t) for t in TABLES}
        assert counts["documents"] >= 8 and s.count("skipped") == 11
    again = run("ingest", str(root), "--db", db, "-q")
    assert "nothing to do" in again.stdout
    run("ingest", str(root), "--db", db, "-q", "--restart")
    with Store(db, read_only=True) as s:
        assert {t: s.count(t) for t in TABLES} == counts


def test_ingest_stdin_and_field_mapping(tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", "-", "--db", db, "-q", "--field", "text=story", input=json.dumps({"story": EN_1}) + "\n")
    with Store(db, read_only=True) as s:
        assert s.sql("SELECT text FROM documents")[0][0] == EN_1


@pytest.mark.parametrize("args,code,words", [
    (["ingest", "/no/such/path"], 2, "no such file"),
    (["ingest"], 2, "at least one PATH"),
    (["ingest", ".", "--workers", "0"], 2, "--workers"),
    (["ingest", ".", "--near-dup-threshold", "0.2"], 2, "--near-dup-threshold"),
    (["ingest", ".", "--field", "nonsense"], 2, "--field"),
    (["ingest", ".", "--format", "pdf"], 2, "--format"),
    (["events", "--db", "/no/such.duckdb"], 3, "no database"),
])
def test_bad_ingest_input_is_one_line_and_exit_code(tmp_path, args, code, words):
    if "--db" not in args:
        args = args + ["--db", str(tmp_path / "x.duckdb")]
    res = run(*args, code=code)
    err = res.stderr.strip()
    assert words in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_events_filters_and_formats(db):
    res = run("events", "--db", db, "--dyad", "USA,JPN", "--format", "json")
    page = json.loads(res.stdout)
    assert page["total"] == 2 and {e["source"][0]["code"] for e in page["items"]} == {"USAGOV"}
    res = run("events", "--db", db, "--actor", "CHN", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 1 and rows[0]["type"] == "ACCUSE" and rows[0]["target"] == "USAGOV;JPNGOV"
    res = run("events", "--db", db, "--place", "JPN", "--format", "json")
    assert json.loads(res.stdout)["total"] == 2
    res = run("events", "--db", db, "--since", "2024-09-01", "--type", "support")
    assert "SUPPORT" in res.stdout and "1 of 1 events" in res.stdout
    res = run("events", "--db", db, "--limit", "2", "--format", "json")
    nxt = json.loads(res.stdout)["next_cursor"]
    res = run("events", "--db", db, "--limit", "10", "--cursor", nxt, "--format", "json")
    assert len(json.loads(res.stdout)["items"]) == 3
    for bad in (["--since", "yesterday"], ["--dyad", "USA"], ["--quad", "9"], ["--format", "xml"],
                ["--cursor", "zzz"]):
        res = run("events", "--db", db, *bad, code=2)
        assert len(res.stderr.strip().splitlines()) == 1


def test_query_is_read_only(db):
    res = run("query", "SELECT count(*) AS n FROM events", "--db", db, "--format", "json")
    assert json.loads(res.stdout) == [{"n": 5}]
    res = run("query", "DELETE FROM events", "--db", db, code=2)
    assert "read-only" in res.stderr.lower() or "read only" in res.stderr.lower()
    run("query", "SELEC nonsense", "--db", db, code=2)
    leak = Path(db).parent / "leak.csv"
    res = run("query", f"COPY (SELECT * FROM documents) TO '{leak}'", "--db", db, code=2)
    assert not leak.exists() and "disabled" in res.stderr
    run("query", "SELECT * FROM read_csv('/etc/hostname')", "--db", db, code=2)
    with Store(db, read_only=True) as s:
        assert s.count("events") == 5


def test_exports_through_the_cli(db, tmp_path):
    run("export", "gdelt", "--db", db, "-o", str(tmp_path / "g.tsv"))
    lines = (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == 61 for line in lines)
    run("export", "gdelt", "--db", db, "-o", str(tmp_path / "g2.tsv"), "--all-modalities")
    assert len((tmp_path / "g2.tsv").read_text(encoding="utf-8").splitlines()) == 5
    run("export", "plover", "--db", db, "-o", str(tmp_path / "p.jsonl"), "--modality", "planned")
    assert len((tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    res = run("export", "parquet", "--db", db, "-o", str(tmp_path / "pq"))
    assert "events 5" in res.stdout and (tmp_path / "pq" / "event_actors.parquet").is_file()
    run("export", "csv", "--db", db, "-o", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "quantities.csv").is_file()
    run("export", "xml", "--db", db, "-o", str(tmp_path / "x"), code=2)
    run("export", "gdelt", "--db", db, "-o", str(tmp_path / "no" / "dir.tsv"), code=2)
    run("export", "plover", "--db", db, "-o", str(tmp_path), code=2)


def test_stats_and_plot(db, tmp_path):
    res = run("stats", "--db", db, "--format", "json")
    assert json.loads(res.stdout)["events"] == 5
    res = run("stats", "dyads", "--db", db, "--by", "month", "--format", "json")
    rows = json.loads(res.stdout)
    assert {"period", "source", "target", "events", "goldstein_mean", "q1", "q2", "q3", "q4"} <= set(rows[0])
    res = run("stats", "dyads", "--db", db, "--by", "all", "--format", "csv")
    assert res.stdout.splitlines()[0] == "source,target,events,goldstein_mean,q1,q2,q3,q4"
    res = run("stats", "actors", "--db", db, "--format", "json")
    assert json.loads(res.stdout)[0]["actor"] in ("JPN", "USA")
    res = run("stats", "network", "--db", db)
    assert {"nodes", "edges"} == set(json.loads(res.stdout))
    run("stats", "network", "--db", db, "--format", "gexf", "-o", str(tmp_path / "n.gexf"))
    assert (tmp_path / "n.gexf").read_text(encoding="utf-8").startswith("<?xml")
    run("stats", "network", "--db", db, "--format", "gexf", code=2)
    run("stats", "dyads", "--db", db, "--by", "fortnight", code=2)
    run("plot", "dyad", "USA", "JPN", "--db", db, "-o", str(tmp_path / "c.png"))
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    run("plot", "dyad", "USA", "BRA", "--db", db, "-o", str(tmp_path / "none.png"), code=2)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    res = run("demo", "--db", db)
    return db, res.stdout


def test_demo_ingests_the_shipped_corpus(demo_db):
    db, out = demo_db
    assert "demo corpus:" in out and "articles.jsonl" in out and "top dyads" in out and "top actors" in out
    with Store(db, read_only=True) as s:
        n = s.count("documents")
        assert n >= 20
        langs = dict(s.sql("SELECT lang, count(*) FROM documents GROUP BY lang"))
        assert langs.get("ar", 0) >= 14 and langs.get("en", 0) >= 6
    run("demo", "--db", db)
    with Store(db, read_only=True) as s:
        assert s.count("documents") == n


def test_real_coder_output_keeps_true_offsets_through_the_store(demo_db):
    """Whatever the coder finds in the demo corpus, every span read back from the store lines up with the text."""
    db, _ = demo_db
    with Store(db, read_only=True) as s:
        texts = dict(s.sql("SELECT doc_id, text FROM documents"))
        n_events = s.count("events")
        assert n_events > 0, "the demo corpus gave no events"
        checks = [
            'SELECT doc_id, trigger_start, trigger_end, trigger_text FROM events',
            'SELECT doc_id, evidence_start, evidence_end, evidence_text FROM events',
            'SELECT doc_id, "start", "end", text FROM mentions',
            'SELECT doc_id, "start", "end", text FROM event_actors WHERE "start" IS NOT NULL',
            'SELECT doc_id, "start", "end", text FROM quantities',
        ]
        for sql in checks:
            for doc_id, start, end, text in s.sql(sql):
                assert texts[doc_id][start:end] == text, sql
        page = s.events(limit=3)
        for item in page.items:
            detail = s.event(item["id"])
            doc_text = detail["document"]["text"]
            for span in detail["evidences"]:
                assert doc_text[span["start"]:span["end"]] == span["text"]
        assert s.stats()["events"] == n_events
