"""Background events in the exports: not in GDELT (a GDELT row is a new event), flagged in PLOVER, a column in
Parquet/CSV and in the one flattening (``doc_tables``)."""
from __future__ import annotations

import csv
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.export.files import export_csv, export_parquet
from marsad.export.gdelt import COLUMNS, export_gdelt, global_event_id
from marsad.export.plover import export_plover
from marsad.export.tables import SCHEMAS, doc_tables
from marsad.store import Store
from store.docfactory import background_doc


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "bg.duckdb") as s:
        s.upsert_documents([(background_doc(), None)])
        yield s


def ids():
    did = background_doc().doc_id
    return f"{did}:e1", f"{did}:e2"  # news, background


def test_doc_tables_carry_the_flag():
    rows = doc_tables(background_doc())["events"]
    assert [(r["local_id"], r["background"]) for r in rows] == [("e1", False), ("e2", True)]
    assert SCHEMAS["events"].field("background").type == pa.bool_()


@pytest.mark.parametrize("modalities", [("asserted", "reported"), None])
def test_gdelt_leaves_background_events_out(store, tmp_path, modalities):
    out = tmp_path / "g.tsv"
    assert export_gdelt(store, out, modalities=modalities) == 1
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in out.read_text(encoding="utf-8").splitlines()]
    news, recalled = ids()
    assert [r["GlobalEventID"] for r in rows] == [str(global_event_id(news))]
    assert str(global_event_id(recalled)) not in out.read_text(encoding="utf-8")
    assert (rows[0]["Actor1Code"], rows[0]["Actor2Code"], rows[0]["EventCode"]) == ("EGYGOV", "TURGOV", "064")


def test_plover_keeps_background_events_flagged(store, tmp_path):
    out = tmp_path / "p.jsonl"
    assert export_plover(store, out) == 2
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    news, recalled = ids()
    assert recs[news]["marsad"]["background"] is False
    assert recs[recalled]["marsad"]["background"] is True
    assert recs[recalled]["event"] == ["REDUCE"] and recs[recalled]["marsad"]["time"]["value"] == "2013"


def test_parquet_and_csv_have_the_column(store, tmp_path):
    assert export_parquet(store, tmp_path / "pq")["events"] == 2
    t = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert t.schema.equals(SCHEMAS["events"])
    assert {r["local_id"]: r["background"] for r in t.to_pylist()} == {"e1": False, "e2": True}
    export_csv(store, tmp_path / "csv")
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["local_id"]: r["background"] for r in rows} == {"e1": "False", "e2": "True"}
