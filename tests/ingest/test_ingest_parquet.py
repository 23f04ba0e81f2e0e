"""`marsad ingest --from-parquet DIR`: tables laid out as the Spark job writes them (hive date partitions) load into
the store with the usual duplicate decisions, once."""
from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.export.tables import SCHEMAS, TABLES, doc_tables, merge
from marsad.ingest.parquet import load_parquet
from marsad.store import Store
from store.docfactory import EventSpec, make_doc, sample_docs


def write_spark_like(root, docs, errors=0):
    """<root>/<table>/date=YYYY-MM-DD/part-0.parquet without the date column, as Spark partitionBy writes."""
    rows = merge([doc_tables(d) for d in docs])
    for table in TABLES:
        by_day: dict[str, list[dict]] = {}
        for r in rows[table]:
            day = r["date"].isoformat() if r["date"] else "__HIVE_DEFAULT_PARTITION__"
            by_day.setdefault(day, []).append({k: v for k, v in r.items() if k != "date"})
        (root / table).mkdir(parents=True, exist_ok=True)
        schema = pa.schema([f for f in SCHEMAS[table] if f.name != "date"])
        for day, part in by_day.items():
            d = root / table / f"date={day}"
            d.mkdir()
            pq.write_table(pa.Table.from_pylist(part, schema=schema), d / "part-0.parquet")
    if errors:
        from marsad.scale.coder import ERRORS_SCHEMA

        (root / "errors" / "date=2024-01-01").mkdir(parents=True)
        recs = [{"doc_id": None, "ext_id": str(i), "path": f"in.jsonl:{i}", "date": dt.date(2024, 1, 1),
                 "stage": "code", "error_code": "E100", "message": "text is not a string", "preview": "{}"}
                for i in range(errors)]
        schema = pa.schema([f for f in ERRORS_SCHEMA if f.name != "date"])
        pq.write_table(pa.Table.from_pylist([{k: v for k, v in r.items() if k != "date"} for r in recs],
                                            schema=schema), root / "errors" / "date=2024-01-01" / "part-0.parquet")


def test_load_spark_output_with_duplicates_and_errors(tmp_path):
    docs = sample_docs()
    copy = make_doc("  " + docs[0].text, events=[EventSpec(["Washington"], ["Tokyo"], "joint command")])
    write_spark_like(tmp_path / "out", docs + [copy], errors=2)
    with Store(tmp_path / "p.duckdb") as s:
        counts = load_parquet(str(tmp_path / "out"), s)
        assert (counts["documents"], counts["new"], counts["duplicates"]) == (6, 5, 1)
        assert (counts["events"], counts["event_actors"], counts["errors"]) == (6, 14, 2)  # all stored ...
        assert s.count("skipped") == 2 and s.count("mentions") == sum(
            len(e.mentions) for d in docs + [copy] for e in d.entities)
        assert s.events().total == 5  # ... the copy's event is not canonical
        first = {t: s.count(t) for t in TABLES}
        again = load_parquet(str(tmp_path / "out"), s)
        assert again["documents"] == 0 and again["already"] == 6
        assert {t: s.count(t) for t in TABLES} == first and s.count("skipped") == 2
        ev = s.event(f"{docs[1].doc_id}:e1")
        assert ev["date"] == "2024-08-03" and ev["modality"] == "planned"


def test_from_parquet_cli_and_bad_directory(tmp_path):
    write_spark_like(tmp_path / "out", sample_docs())
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", "--from-parquet", str(tmp_path / "out"), "--db", str(tmp_path / "c.duckdb")])
    assert res.exit_code == 0, res.stderr
    with Store(tmp_path / "c.duckdb", read_only=True) as s:
        assert s.count("documents") == 5 and s.count("events") == 5
    res = runner.invoke(app, ["ingest", "--from-parquet", str(tmp_path / "nope"), "--db", str(tmp_path / "d.duckdb")])
    assert res.exit_code == 2 and "no such directory" in res.stderr
    with Store(tmp_path / "e.duckdb") as s, pytest.raises(InputError):
        load_parquet(str(tmp_path), s)  # a directory that is not a marsad output
