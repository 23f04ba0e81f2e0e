"""The one flattening: rows match SCHEMAS exactly, ids are stable, offsets are true, quantities are not doubled."""
from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from marsad.export.tables import SCHEMAS, TABLES, DocMeta, actor_country, doc_tables, merge, to_arrow
from marsad.model import CodedDocument
from store.docfactory import EventSpec, make_doc, sample_docs


def test_tables_are_the_six_documented():
    assert TABLES == ("documents", "entities", "mentions", "events", "event_actors", "quantities")


@pytest.mark.parametrize("doc", sample_docs(), ids=lambda d: d.doc_id[:8])
def test_rows_have_exactly_the_schema_columns_and_convert(doc):
    rows = doc_tables(doc, DocMeta(title="T", source="S", path="p.txt"))
    for name in TABLES:
        for row in rows[name]:
            assert list(row) == SCHEMAS[name].names, name
        table = pa.Table.from_pylist(rows[name], schema=SCHEMAS[name])
        assert table.num_rows == len(rows[name])


def test_event_ids_offsets_and_actor_rows():
    doc = sample_docs()[2]  # Beijing accused Washington and Tokyo
    rows = doc_tables(doc)
    (ev,) = rows["events"]
    assert ev["event_id"] == f"{doc.doc_id}:e1"
    assert doc.text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"] == "accused"
    assert ev["cameo_root"] == "11" and ev["date"] == dt.date(2024, 8, 15)
    assert (ev["source_code"], ev["target_code"], ev["source_country"]) == ("CHNGOV", "USAGOV", "CHN")
    roles = [(a["role"], a["position"], a["country"]) for a in rows["event_actors"]]
    assert roles == [("source", 0, "CHN"), ("target", 0, "USA"), ("target", 1, "JPN")]
    for a in rows["event_actors"]:
        assert doc.text[a["start"]:a["end"]] == a["text"]
    for m in rows["mentions"]:
        assert doc.text[m["start"]:m["end"]] == m["text"]


def test_igo_actor_has_no_country():
    doc = sample_docs()[4]
    (ev,) = doc_tables(doc)["events"]
    assert ev["source_code"] == "IGOUNO" and ev["source_country"] is None
    assert actor_country("IGOUNO") is None and actor_country("EGYGOV") == "EGY" and actor_country(None) is None


def test_quantity_cited_by_event_and_document_is_one_row():
    text = "Tokyo will send 300 troops and Washington 300 troops more."
    doc = make_doc(text, events=[EventSpec(["Tokyo"], ["Washington"], "send", quantity="300")])
    rows = doc_tables(doc)["quantities"]
    assert len(rows) == 1
    assert rows[0]["event_ids"] == [f"{doc.doc_id}:e1"] and rows[0]["quantity_id"] == f"{doc.doc_id}:q1"
    assert text[rows[0]["start"]:rows[0]["end"]] == "300"


def test_empty_document_gives_one_document_row_only():
    doc = CodedDocument(doc_id="abc", lang="en", date=None, kb_version="0", text="...")
    rows = doc_tables(doc, None)
    assert len(rows["documents"]) == 1 and all(not rows[t] for t in TABLES if t != "documents")
    assert rows["documents"][0]["date"] is None and rows["documents"][0]["n_chars"] == 3


def test_meta_date_used_when_document_has_none_and_merge_to_arrow():
    doc = CodedDocument(doc_id="abc", lang="en", date=None, kb_version="0", text="x")
    rows = doc_tables(doc, DocMeta(date="2023-01-05"))
    assert rows["documents"][0]["date"] == dt.date(2023, 1, 5)
    merged = merge([doc_tables(d) for d in sample_docs()] + [rows])
    tables = to_arrow(merged)
    assert tables["documents"].num_rows == 6
    assert tables["events"].num_rows == 5
    assert tables["events"].schema == SCHEMAS["events"]


def test_to_arrow_works_in_a_fresh_process_before_anyone_reads_schemas():
    # SCHEMAS is built lazily by the module's __getattr__; a bare name inside the module never reaches it, so
    # to_arrow once failed with NameError unless another module had read tables.SCHEMAS first
    import subprocess
    import sys

    code = "from marsad.export.tables import to_arrow, TABLES; t = to_arrow({}); print(sorted(t) == sorted(TABLES))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
