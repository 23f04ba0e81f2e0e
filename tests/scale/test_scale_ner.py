"""`--ner` reaches the coder on Spark: the job's flag becomes ``CoderOptions.ner`` and every executor codes with
``marsad.code(..., ner=True)`` (checked without a JVM, as tests/scale/test_scale_coder.py does)."""
from __future__ import annotations

import json

import pyarrow as pa

from marsad.scale.coder import CODED_SCHEMA, INPUT_SCHEMA, CoderOptions, code_batches
from marsad.scale.job import JobConfig, _validate, build_parser
from store.nercorpus import ARTICLES


def entity_ids(options: CoderOptions) -> set[str]:
    rows = [{"record": json.dumps({"id": i, "date": d, "text": t}, ensure_ascii=False)} for i, d, t in ARTICLES]
    batch = pa.RecordBatch.from_pylist([{k: r.get(k) for k in INPUT_SCHEMA.names} for r in rows], schema=INPUT_SCHEMA)
    table = pa.Table.from_batches(list(code_batches([batch], options)), schema=CODED_SCHEMA)
    return {e["entity_id"] for per_doc in table.column("entities").to_pylist() for e in per_doc}


def test_executors_code_with_ner_when_asked():
    assert not {e for e in entity_ids(CoderOptions()) if e.startswith("new:")}
    assert {e for e in entity_ids(CoderOptions(ner=True)) if e.startswith("new:")}


def test_the_flag_goes_from_the_command_line_to_the_executors(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n", encoding="utf-8")
    assert build_parser().parse_args(["--input", "a", "--output", "o", "--ner"]).ner is True
    assert build_parser().parse_args(["--input", "a", "--output", "o"]).ner is False
    out = str(tmp_path / "out")
    assert _validate(JobConfig(input=str(src), output=out, ner=True)).ner is True
    assert _validate(JobConfig(input=str(src), output=out)).ner is False
