"""`marsad ingest --ner`, `marsad stats unlinked` (and its section in `marsad stats`) and `marsad kb suggest`,
in-process over a store made by ingesting the project's own texts (store/nercorpus.py)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.kb.loader import DATA_DIR
from marsad.kb.schema import FILES, REQUIRED, check_record
from marsad.kb.suggest import FILE_OF, without_review
from marsad.store import Store
from store.nercorpus import ingest_ner


@pytest.fixture(scope="module")
def ner_db(tmp_path_factory):
    return ingest_ner(tmp_path_factory.mktemp("cliner") / "ner.duckdb")


@pytest.fixture(scope="module")
def rows(ner_db):
    with Store(ner_db, read_only=True) as s:
        return s.unlinked(limit=None)


def run(*args):
    res = CliRunner().invoke(app, list(args))
    return res


def test_stats_unlinked_json_is_the_store_query(ner_db, rows):
    res = run("stats", "unlinked", "--db", str(ner_db), "-f", "json", "-n", "100")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == rows
    two = json.loads(run("stats", "unlinked", "--db", str(ner_db), "-f", "json", "--min-docs", "2").stdout)
    assert two == [r for r in rows if r["docs"] >= 2] and two
    people = json.loads(run("stats", "unlinked", "--db", str(ner_db), "-f", "json", "--kind", "person").stdout)
    assert people and {r["kind"] for r in people} == {"person"}


def test_stats_unlinked_csv_and_table(ner_db, rows):
    got = list(csv.DictReader(io.StringIO(run("stats", "unlinked", "--db", str(ner_db), "-f", "csv").stdout)))
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    assert [int(r["docs"]) for r in got] == [r["docs"] for r in rows]
    table = run("stats", "unlinked", "--db", str(ner_db), "-n", "2")
    assert table.exit_code == 0 and f"top 2 of {len(rows)}" in table.stdout
    flat = " ".join(table.stdout.split())
    assert all(w in flat for w in rows[0]["name"].split())


def test_stats_shows_the_most_frequent_unlinked_names(ner_db, rows):
    res = run("stats", "--db", str(ner_db))
    assert res.exit_code == 0, res.output
    assert "names the KB does not know" in res.stdout and "unlinked_names" in res.stdout
    st = json.loads(run("stats", "--db", str(ner_db), "-f", "json").stdout)
    assert st["unlinked_names"] == len(rows)


def test_stats_of_a_store_without_ner_has_no_section(tmp_path):
    db = ingest_ner(tmp_path / "plain.duckdb", ner=False)
    assert "names the KB does not know" not in run("stats", "--db", str(db)).stdout
    res = run("stats", "unlinked", "--db", str(db))
    assert res.exit_code == 0 and "no unlinked names" in res.stdout


@pytest.mark.parametrize("args, needle", [(["--kind", "country"], "kind"), (["--min-docs", "0"], "min_docs"),
                                          (["-f", "xml"], "--format")])
def test_stats_unlinked_bad_options_are_one_line(ner_db, args, needle):
    res = run("stats", "unlinked", "--db", str(ner_db), *args)
    assert res.exit_code == 2 and needle in res.output and len(res.output.strip().splitlines()) == 1


def test_kb_suggest_drafts_records_to_review(ner_db, rows, tmp_path):
    out = tmp_path / "drafts.jsonl"
    res = run("kb", "suggest", "--db", str(ner_db), "--min-docs", "1", "-o", str(out))
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    drafts = [json.loads(x) for x in lines]
    assert drafts and len(drafts) <= len(rows)
    by_entity = {r["id"]: r for r in rows}
    order = [d["review"]["entity"] for d in drafts]
    assert order == [r["id"] for r in rows if r["id"] in set(order)]  # most frequent first, as stats lists them
    for d in drafts:
        row = by_entity[d["review"]["entity"]]
        file = FILE_OF[row["kind"]]
        assert d["needs_review"] is True and d["review"]["kb_file"] == file
        assert set(REQUIRED[file]) <= set(d) and set(d) - set(REQUIRED[file]) == {"needs_review", "review"}
        assert d["id"].startswith(FILES[file][0] + "draft-")
        assert d["name_ar"] == row["name"] and row["name"] in d["names_ar"]
        assert d["review"]["documents"] == row["docs"] and d["review"]["examples"]
        assert all(row["name"] in ex["text"] for ex in d["review"]["examples"][:1])
        if file == "people.jsonl" or (file == "organizations.jsonl" and d["kind"]):
            check_record(file, 1, without_review(d))  # nothing but names_en and the roles left to fill
    orgs = [d for d in drafts if d["review"]["kb_file"] == "organizations.jsonl"]
    assert orgs and orgs[0]["sectors"] == ["NGO"] and orgs[0]["kind"] == "ngo"


def test_kb_suggest_is_deterministic_and_honours_min_docs(ner_db, rows):
    first = run("kb", "suggest", "--db", str(ner_db))
    again = run("kb", "suggest", "--db", str(ner_db))
    assert first.exit_code == 0 and first.stdout == again.stdout
    drafts = [json.loads(x) for x in first.stdout.splitlines()]
    assert drafts and all(d["review"]["documents"] >= 2 for d in drafts)  # --min-docs 2 by default
    one = [json.loads(x) for x in run("kb", "suggest", "--db", str(ner_db), "--limit", "1", "--min-docs", "1",
                                      "--kind", "organization").stdout.splitlines()]
    assert len(one) == 1 and one[0]["review"]["kb_file"] == "organizations.jsonl"


def test_kb_suggest_refuses_a_missing_store_and_the_kb_itself(ner_db, tmp_path):
    res = run("kb", "suggest", "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 2 and "E100" in res.output and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "none.duckdb").exists()
    before = sorted(p.name for p in DATA_DIR.iterdir())
    res = run("kb", "suggest", "--db", str(ner_db), "-o", str(DATA_DIR / "people.jsonl"))
    assert res.exit_code == 2 and "inside the knowledge base" in res.output
    assert sorted(p.name for p in DATA_DIR.iterdir()) == before
