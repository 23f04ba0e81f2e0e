"""Reading a job's output back (pyarrow only) and choosing the input format - no Spark needed."""
from __future__ import annotations

import datetime as dt
import os

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import marsad
from marsad.errors import InputError, UnsupportedFormatError
from marsad.export.tables import SCHEMAS, DocMeta, doc_tables, to_arrow
from marsad.scale import read_output, read_table
from marsad.scale.inputs import check_input, detect_format


def _spark_like(table: pa.Table, directory: str, name: str) -> None:
    """Write a table the way Spark does: hive date directories, no date column in the files, other column order,
    lists named 'element'."""
    root = os.path.join(directory, name)
    for day in set(table.column("date").to_pylist()):
        part = table.filter(pc.is_null(table.column("date")) if day is None else
                            pc.equal(table.column("date"), pa.scalar(day, pa.date32())))
        part = part.drop_columns(["date"])
        part = part.select(list(reversed(part.column_names)))
        sub = os.path.join(root, f"date={day.isoformat() if day else '__HIVE_DEFAULT_PARTITION__'}")
        os.makedirs(sub, exist_ok=True)
        pq.write_table(part, os.path.join(sub, "part-00000.zstd.parquet"), use_compliant_nested_type=True)
    with open(os.path.join(root, "_SUCCESS"), "w"):
        pass


def test_read_output_restores_exactly_the_export_schema(tmp_path):
    docs = [marsad.code("Biden met Kishida in Tokyo.", date="2024-07-30"), marsad.code("A text without a date.")]
    rows = {name: [] for name in SCHEMAS}
    for doc in docs:
        for name, part in doc_tables(doc, DocMeta(source="t")).items():
            rows[name].extend(part)
    tables = to_arrow(rows)
    _spark_like(tables["documents"], str(tmp_path), "documents")
    os.makedirs(tmp_path / "events")  # a table with no rows: Spark writes only _SUCCESS
    (tmp_path / "events" / "_SUCCESS").write_text("")
    got = read_table(str(tmp_path), "documents")
    assert got.schema == SCHEMAS["documents"]
    assert sorted(got.to_pylist(), key=lambda r: r["doc_id"]) == sorted(tables["documents"].to_pylist(),
                                                                        key=lambda r: r["doc_id"])
    assert {r["date"] for r in got.to_pylist()} == {dt.date(2024, 7, 30), None}
    assert read_table(str(tmp_path), "events").schema == SCHEMAS["events"]
    assert read_table(str(tmp_path), "events").num_rows == 0
    batches = list(read_output(str(tmp_path)))
    assert {b.table for b in batches} == {"documents"} and all(b.batch.schema == SCHEMAS["documents"] for b in batches)


def test_read_output_refuses_what_is_not_an_output(tmp_path):
    with pytest.raises(InputError):
        list(read_output(str(tmp_path)))
    with pytest.raises(InputError):
        list(read_output(str(tmp_path / "missing")))
    (tmp_path / "documents").mkdir()
    with pytest.raises(InputError):
        list(read_output(str(tmp_path), tables=["nope"]))


def test_detect_format(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "b.parquet").write_bytes(b"")
    texts = tmp_path / "texts" / "2024"
    texts.mkdir(parents=True)
    (texts / "x.txt").write_text("نص")
    assert detect_format(str(tmp_path / "a.jsonl")) == "jsonl"
    assert detect_format(str(tmp_path / "b.parquet")) == "parquet"
    assert detect_format(str(tmp_path / "texts")) == "text"
    assert detect_format(str(tmp_path / "*.jsonl")) == "jsonl"
    assert detect_format("s3a://bucket/corpus/day.jsonl.gz") == "jsonl"
    with pytest.raises(UnsupportedFormatError):
        detect_format("hdfs:///corpus/")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UnsupportedFormatError):
        detect_format(str(tmp_path / "empty"))
    with pytest.raises(InputError) as exc:
        check_input(str(tmp_path / "missing.jsonl"))
    assert exc.value.code == "E100"
    with pytest.raises(UnsupportedFormatError):
        check_input(str(tmp_path / "a.jsonl"), "xml")
