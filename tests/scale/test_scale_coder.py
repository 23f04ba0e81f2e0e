"""The executor side of the Spark job, without Spark: Arrow batches in, coded table rows or error rows out."""
from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pytest

import marsad
from marsad.errors import InputError
from marsad.export.tables import SCHEMAS, TABLES, DocMeta, doc_tables, merge, to_arrow
from marsad.scale import coder
from marsad.scale.coder import (CODED_SCHEMA, ERRORS_SCHEMA, INPUT_SCHEMA, OUTPUT_TABLES, CoderOptions, code_batches,
                                field_map)
from marsad.scale.sample import sample_records

AR = "التقى وزير الخارجية الأمريكي نظيره الياباني في طوكيو يوم الثلاثاء وبحثا إنشاء قيادة عسكرية مشتركة."
EN = "The US defense secretary met his Japanese counterpart in Tokyo on Tuesday."


def batch_of(*rows: dict) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist([{k: r.get(k) for k in INPUT_SCHEMA.names} for r in rows], schema=INPUT_SCHEMA)


def run(*rows: dict, options: CoderOptions | None = None) -> pa.Table:
    return pa.Table.from_batches(list(code_batches([batch_of(*rows)], options)), schema=CODED_SCHEMA)


def errors_of(table: pa.Table) -> list[dict]:
    return [e for per_doc in table.column("errors").to_pylist() for e in per_doc]


def test_output_schema_carries_exactly_the_export_tables():
    assert OUTPUT_TABLES == TABLES + ("errors",)
    for name in TABLES:
        inner = CODED_SCHEMA.field(name).type.value_type
        assert pa.schema(list(inner)) == SCHEMAS[name]


def test_good_json_record_gives_the_same_rows_as_the_library():
    rec = {"id": "a1", "title": "لقاء", "text": AR, "date": "2024-07-30", "url": "https://example.org/a1",
           "source": "test", "lang": "ar"}
    out = run({"record": json.dumps(rec, ensure_ascii=False), "path": "in.jsonl"})
    assert out.num_rows == 1 and errors_of(out) == []
    doc = marsad.code(AR, lang="ar", date="2024-07-30", url="https://example.org/a1")
    meta = DocMeta(title="لقاء", source="test", url="https://example.org/a1", date="2024-07-30", lang="ar",
                   path="in.jsonl", ext_id="a1")
    expected = to_arrow(doc_tables(doc, meta))
    for name in TABLES:
        assert out.column(name).to_pylist()[0] == expected[name].to_pylist(), name
    assert out.column("documents").to_pylist()[0][0]["date"] == dt.date(2024, 7, 30)


@pytest.mark.parametrize("line, code, words", [
    ("not json at all", "E100", "not valid JSON"),
    ('["a", "list"]', "E100", "JSON list"),
    ('{"id": "n1", "text": null}', "E100", "no text"),
    ('{"id": "n2"}', "E100", "no text"),
    ('{"id": "n3", "text": 42}', "E100", "JSON int"),
    ('{"id": "n4", "text": ["x"]}', "E100", "JSON list"),
    ('{"id": "n5", "text": "Biden met Kishida.", "title": {"a": 1}}', "E100", "'title' is a dict"),
    ('{"id": "n6", "text": "Biden met Kishida.", "date": "2024-13-45"}', "E101", "2024-13-45"),
])
def test_bad_records_become_error_rows_and_the_batch_goes_on(line, code, words):
    good = json.dumps({"id": "ok", "text": EN, "date": "2024-07-30"})
    out = run({"record": good, "path": "f.jsonl"}, {"record": line, "path": "f.jsonl"})
    assert [len(d) for d in out.column("documents").to_pylist()] == [1, 0]
    errs = errors_of(out)
    assert len(errs) == 1
    err = errs[0]
    assert err["error_code"] == code and words in err["message"]
    assert err["path"] == "f.jsonl" and err["preview"] == line[:200]
    if '"id": "n' in line:
        assert err["ext_id"] == line.split('"id": "')[1][:2]
    assert pa.schema(list(CODED_SCHEMA.field("errors").type.value_type)) == ERRORS_SCHEMA


def test_text_files_are_decoded_strictly():
    out = run({"raw": ("\ufeff" + AR).encode("utf-8"), "path": "a.txt"},
              {"raw": b"\x89PNG\r\n\x1a\n\x00\x00\x00", "path": "b.txt"},
              {"raw": "نص".encode("cp1256"), "path": "c.txt"},
              options=CoderOptions(default_date="2024-07-30"))
    docs = out.column("documents").to_pylist()
    assert len(docs[0]) == 1 and docs[0][0]["text"] == AR and docs[0][0]["path"] == "a.txt"
    assert docs[0][0]["date"] == dt.date(2024, 7, 30)  # --date for documents without one
    messages = {e["path"]: e["message"] for e in errors_of(out)}
    assert "binary" in messages["b.txt"] and "not UTF-8" in messages["c.txt"]


def test_parquet_style_columns_and_null_text():
    out = run({"text": EN, "ext_id": "p1", "date": "2024-07-30", "lang": "en"}, {"text": None, "ext_id": "p2"})
    assert [len(d) for d in out.column("documents").to_pylist()] == [1, 0]
    assert [e["ext_id"] for e in errors_of(out)] == ["p2"]


def test_doc_id_is_the_content_hash_not_the_source_id():
    out = run({"record": json.dumps({"id": "x", "text": EN})})
    row = out.column("documents").to_pylist()[0][0]
    assert row["doc_id"] == marsad.code(EN).doc_id and row["ext_id"] == "x"


def test_unexpected_coder_failure_is_recorded(monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("rule engine fell over")

    monkeypatch.setattr(coder, "code", boom)
    coder._PROCESS["pid"] = None
    out = run({"text": EN})
    (err,) = errors_of(out)
    assert err["stage"] == "code" and err["error_code"] == "RuntimeError" and "fell over" in err["message"]
    assert err["doc_id"] == marsad.code(EN).doc_id


def test_rows_that_do_not_fit_the_schema_fail_only_their_document(monkeypatch):
    real = coder.doc_tables

    def bad_tables(doc, meta):
        rows = real(doc, meta)
        if "Kishida" in doc.text:
            rows["documents"][0]["n_chars"] = "many"  # not an int32
        return rows

    monkeypatch.setattr(coder, "doc_tables", bad_tables)
    out = run({"text": EN, "ext_id": "fine"}, {"text": "Biden met Kishida.", "ext_id": "broken"})
    assert [len(d) for d in out.column("documents").to_pylist()] == [1, 0]
    (err,) = errors_of(out)
    assert err["stage"] == "flatten" and err["ext_id"] == "broken"


def test_kb_loads_once_per_process():
    coder._PROCESS.update(pid=None, loads=0)
    for _ in range(3):
        list(code_batches([batch_of({"text": EN})]))
    stats = coder.process_stats()
    assert stats["loads"] == 1 and stats["documents"] >= 3


def test_field_map_overrides_and_refuses_unknown_fields():
    keys = field_map({"text": "body", "id": "guid"})
    assert keys["text"] == ("body",) and keys["ext_id"] == ("guid",)
    out = run({"record": json.dumps({"guid": "g1", "body": EN, "text": "ignored"})},
              options=CoderOptions(keys=keys))
    row = out.column("documents").to_pylist()[0][0]
    assert row["text"] == EN and row["ext_id"] == "g1"
    with pytest.raises(InputError) as exc:
        field_map({"bodyy": "x"})
    assert exc.value.code == "E100" and "bodyy" in str(exc.value)


def test_sample_corpus_is_deterministic_and_bilingual():
    a, b = sample_records(60, seed=3), sample_records(60, seed=3)
    assert a == b and a != sample_records(60, seed=4)
    langs = [r["lang"] for r in a]
    assert langs.count("ar") == 40 and langs.count("en") == 20
    assert len({r["id"] for r in a}) == 60
    assert all(r["text"] and dt.date.fromisoformat(r["date"]) for r in a)


def test_many_documents_in_one_batch_keep_their_order():
    recs = sample_records(40, seed=1)
    out = run(*[{"record": json.dumps(r, ensure_ascii=False)} for r in recs])
    ext = [d[0]["ext_id"] for d in out.column("documents").to_pylist()]
    assert ext == [r["id"] for r in recs]
    expected = merge([doc_tables(marsad.code(r["text"], lang=r["lang"], date=r["date"], url=r["url"]),
                                 DocMeta(title=r["title"], source=r["source"], url=r["url"], date=r["date"],
                                         lang=r["lang"], ext_id=r["id"])) for r in recs])
    for name in ("events", "entities"):
        got = [row for per in out.column(name).to_pylist() for row in per]
        assert got == to_arrow(expected)[name].to_pylist()
