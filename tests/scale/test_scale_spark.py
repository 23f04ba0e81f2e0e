"""The Spark job in local mode: parity with in-process coding, bad input, every input format, spark-submit.

One SparkSession (local[2]) for the whole module; skipped only when no Java runtime is installed.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import marsad
from marsad.export.tables import SCHEMAS, TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.scale import JobConfig, read_table, run
from marsad.scale.coder import ERRORS_SCHEMA
from marsad.scale.sample import sample_records, write_jsonl
from marsad.scale.session import java_available

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]
if not java_available():
    pytest.skip("Spark needs a Java runtime (17+) and none is installed (apt-get install openjdk-17-jre-headless)",
                allow_module_level=True)

N_DOCS = 300
SORT_KEYS = {"documents": ("doc_id",), "entities": ("doc_id", "entity_id"), "mentions": ("doc_id", "start", "end"),
             "events": ("event_id",), "event_actors": ("event_id", "role", "position"),
             "quantities": ("quantity_id",)}


@pytest.fixture(scope="module")
def spark():
    from marsad.scale.session import spark_session

    session = spark_session("local[2]", app_name="marsad-tests")
    yield session
    session.stop()


def in_process(records: list[dict], path: str | None = None) -> dict[str, list[dict]]:
    """The reference: the public coder and the one flattening, no Spark anywhere."""
    parts = []
    for r in records:
        doc = marsad.code(r["text"], lang=r.get("lang"), date=r.get("date"), url=r.get("url"))
        parts.append(doc_tables(doc, DocMeta(title=r.get("title"), source=r.get("source"), url=r.get("url"),
                                             date=r.get("date"), lang=r.get("lang"), ext_id=r.get("id"), path=path)))
    return {name: t.to_pylist() for name, t in to_arrow(merge(parts)).items()}


def _sorted(rows: list[dict], table: str) -> list[dict]:
    keys = SORT_KEYS[table]
    return sorted(rows, key=lambda r: tuple("" if r[k] is None else r[k] for k in keys))


@pytest.fixture(scope="module")
def parity_run(spark, tmp_path_factory):
    base = tmp_path_factory.mktemp("parity")
    records = sample_records(N_DOCS, seed=7)
    write_jsonl(str(base / "corpus.jsonl"), records)
    report = run(JobConfig(input=str(base / "corpus.jsonl"), output=str(base / "out")), spark=spark)
    return records, base / "out", report, str(base / "corpus.jsonl")


def test_spark_and_in_process_coding_give_identical_tables(parity_run):
    records, out, report, path = parity_run
    assert report.documents == N_DOCS and report.errors == 0 and report.partitions >= 2
    expected = in_process(records, path)
    for name in TABLES:
        got = read_table(str(out), name)
        assert got.schema == SCHEMAS[name], name
        rows = got.to_pylist()
        assert len(rows) == len(expected[name]) == report.rows[name], name
        assert _sorted(rows, name) == _sorted(expected[name], name), name
    n_events = len(expected["events"])
    assert report.rows["events"] == n_events
    if n_events == 0:
        pytest.xfail("the coder found no events in the sample corpus yet: events parity held only vacuously")


def test_output_is_partitioned_by_date_and_readable_by_duckdb(parity_run):
    import duckdb

    records, out, report, _path = parity_run
    days = {r["date"] for r in records}
    assert {p.name for p in (out / "documents").iterdir() if p.is_dir()} == {f"date={d}" for d in days}
    manifest = json.loads((out / "_marsad.json").read_text())
    assert manifest["documents"] == N_DOCS and manifest["rows"] == report.rows
    con = duckdb.connect()
    n, n_days = con.execute(f"select count(*), count(distinct date) from read_parquet("
                            f"'{out}/documents/*/*.parquet', hive_partitioning=true)").fetchone()
    assert (n, n_days) == (N_DOCS, len(days))


def test_kb_loaded_once_per_executor_python_process(spark):
    from pyspark.sql.pandas.types import from_arrow_schema

    from marsad.scale.coder import STATS_SCHEMA, worker_stats

    # 16 tasks on 2 cores: Spark reuses its Python workers, and each must have loaded the KB exactly once
    stats = spark.range(16, numPartitions=16).mapInArrow(worker_stats, from_arrow_schema(STATS_SCHEMA))
    rows = [r.asDict() for r in stats.collect()]
    assert len(rows) == 16
    pids = {r["pid"] for r in rows}
    assert len(pids) < 16, "every task ran in a new Python process: spark.python.worker.reuse is off"
    assert all(r["loads"] == 1 for r in rows), rows


def test_documents_that_cannot_be_coded_land_in_the_errors_table(spark, tmp_path):
    lines = [json.dumps({"id": "good-ar", "text": "التقى وزير الخارجية المصري نظيره الأردني في عمّان.",
                         "date": "2024-05-02"}, ensure_ascii=False),
             json.dumps({"id": "null-text", "text": None, "date": "2024-05-02"}),
             json.dumps({"id": "list-text", "text": ["not", "a", "string"]}),
             "{broken json",
             json.dumps({"id": "bad-date", "text": "Egypt and Jordan signed a deal.", "date": "2024-02-31"}),
             json.dumps({"id": "good-en", "text": "Egypt and Jordan signed a trade agreement in Cairo."}),
             ""]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "README.md").write_text("a directory's other files are not records\n")
    report = run(JobConfig(input=str(corpus), output=str(tmp_path / "out")), spark=spark)
    assert report.documents == 2 and report.errors == 4
    errors = read_table(str(tmp_path / "out"), "errors")
    assert errors.schema == ERRORS_SCHEMA
    by_id = {r["ext_id"]: r for r in errors.to_pylist()}
    assert set(by_id) == {"null-text", "list-text", "bad-date", None}
    assert by_id["null-text"]["stage"] == "read" and "no text" in by_id["null-text"]["message"]
    assert "list" in by_id["list-text"]["message"]
    assert by_id["bad-date"]["error_code"] == "E101" and by_id["bad-date"]["doc_id"]
    assert by_id[None]["preview"] == "{broken json" and "JSON" in by_id[None]["message"]
    docs = read_table(str(tmp_path / "out"), "documents").to_pylist()
    assert sorted(d["ext_id"] for d in docs) == ["good-ar", "good-en"]
    assert {d["date"] for d in docs} == {dt.date(2024, 5, 2), None}


def test_directory_of_text_files_with_a_default_date(spark, tmp_path):
    corpus = tmp_path / "corpus" / "2024"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("استقبل رئيس مصر وزير الدفاع الفرنسي في القاهرة أمس.", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x00\x01binary\xff")
    (corpus / "notes.md").write_text("not an article")
    report = run(JobConfig(input=str(tmp_path / "corpus"), output=str(tmp_path / "out"), date="2024-03-05",
                           partitions=3), spark=spark)
    assert (report.documents, report.errors, report.partitions) == (1, 1, 3)
    (doc,) = read_table(str(tmp_path / "out"), "documents").to_pylist()
    assert doc["date"] == dt.date(2024, 3, 5) and doc["path"] == str(corpus / "a.txt")
    (err,) = read_table(str(tmp_path / "out"), "errors").to_pylist()
    assert err["path"].endswith("b.txt") and "binary" in err["message"]


def test_parquet_input_with_renamed_columns(spark, tmp_path):
    records = sample_records(30, seed=11)
    table = pa.table({"guid": [r["id"] for r in records], "body": [r["text"] for r in records],
                      "date": [dt.date.fromisoformat(r["date"]) for r in records],
                      "lang": [r["lang"] for r in records], "url": [r["url"] for r in records]})
    pq.write_table(table, tmp_path / "in.parquet")
    report = run(JobConfig(input=str(tmp_path / "in.parquet"), output=str(tmp_path / "out"),
                           fields={"text": "body", "id": "guid"}), spark=spark)
    assert report.documents == 30 and report.errors == 0
    got = read_table(str(tmp_path / "out"), "events").to_pylist()
    for r in records:
        r["title"] = r["source"] = None
    assert _sorted(got, "events") == _sorted(in_process(records, str(tmp_path / "in.parquet"))["events"], "events")
    docs = read_table(str(tmp_path / "out"), "documents").to_pylist()
    assert sorted(d["ext_id"] for d in docs) == sorted(r["id"] for r in records)


def test_cli_runs_the_job_and_replaces_an_earlier_output(spark, tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    write_jsonl(str(tmp_path / "in.jsonl"), sample_records(12, seed=2))
    stale = tmp_path / "out" / "documents" / "date=1999-01-01"
    stale.mkdir(parents=True)
    (stale / "part-0.parquet").write_bytes(b"stale")
    result = CliRunner().invoke(app, ["spark", "code", "--input", str(tmp_path / "in.jsonl"), "--output",
                                      str(tmp_path / "out"), "--partitions", "2", "--overwrite", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["documents"] == 12 and report["partitions"] == 2 and report["errors"] == 0
    assert not stale.exists()
    assert read_table(str(tmp_path / "out"), "documents").num_rows == 12


def test_spark_submit_runs_the_job_file(tmp_path):
    submit = Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip(f"no spark-submit beside {sys.executable}")
    write_jsonl(str(tmp_path / "in.jsonl"), sample_records(8, seed=5))
    job = Path(marsad.__file__).parent / "scale" / "job.py"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    proc = subprocess.run([str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false", str(job),
                           "--input", str(tmp_path / "in.jsonl"), "--output", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["documents"] == 8 and report["master"] == "local[1]"
    assert read_table(str(tmp_path / "out"), "documents").num_rows == 8
