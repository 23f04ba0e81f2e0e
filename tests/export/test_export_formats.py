"""Exports read back: GDELT TSV (61 columns, types, stable ids), PLOVER JSON lines, Parquet (exact schema), CSV."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from marsad.export.fips import ISO3_TO_FIPS
from marsad.export.files import export_csv, export_parquet
from marsad.export.gdelt import COLUMNS, export_gdelt, global_event_id, split_actor_code
from marsad.export.plover import export_plover
from marsad.export.tables import SCHEMAS, TABLES, DocMeta
from marsad.store import Store
from store.docfactory import EventSpec, make_doc, sample_docs

INT_COLS = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
            "NumArticles", "ActionGeo_Type", "DATEADDED"}
FLOAT_COLS = {"FractionDate", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long"}
COPY_TEXT = ("Washington and Tokyo agreed to set up a joint command, officials in Tokyo said on Sunday. "
             "Syndicated by another wire.")


@pytest.fixture()
def store(tmp_path):
    docs = sample_docs()
    copy = make_doc(docs[0].text + " ", events=[EventSpec(["Washington"], ["Tokyo"], "joint command")])
    with Store(tmp_path / "e.duckdb") as s:
        s.upsert_documents([(d, DocMeta(source="wire", title=f"t{i}")) for i, d in enumerate(docs)])
        s.upsert_documents([(copy, DocMeta(source="other wire"))])  # an exact duplicate (normalized)
        yield s


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_61_columns_types_and_mapping(store, tmp_path):
    out = tmp_path / "events.tsv"
    n = export_gdelt(store, out)
    rows = read_tsv(out)
    assert n == len(rows) == 4  # 5 canonical events minus the planned one; the duplicate's event not exported
    for row in rows:
        assert len(row) == 61
        rec = dict(zip(COLUMNS, row))
        for col in INT_COLS:
            if rec[col]:
                int(rec[col])
        for col in FLOAT_COLS:
            if rec[col]:
                float(rec[col])
    by_code = {r[26]: dict(zip(COLUMNS, r)) for r in rows}
    coop = by_code["062"]
    assert (coop["Actor1Code"], coop["Actor1CountryCode"], coop["Actor1Type1Code"]) == ("USAGOV", "USA", "GOV")
    assert (coop["Actor2Code"], coop["Actor2Name"]) == ("JPNGOV", "JAPAN")
    assert (coop["Day"], coop["MonthYear"], coop["Year"]) == ("20240728", "202407", "2024")
    assert (coop["EventBaseCode"], coop["EventRootCode"], coop["QuadClass"]) == ("062", "06", "2")
    assert coop["NumArticles"] == "2" and coop["NumSources"] == "2"  # the stored duplicate counts as an article
    assert coop["ActionGeo_CountryCode"] == "JA" and coop["ActionGeo_Type"] == "1"
    assert coop["SOURCEURL"] == "https://example.org/a1" and len(coop["DATEADDED"]) == 14
    un = by_code["1041"]
    assert (un["Actor1Code"], un["Actor1KnownGroupCode"], un["Actor1CountryCode"]) == ("IGOUNO", "UNO", "")
    assert coop["GlobalEventID"] == str(global_event_id(f"{sample_docs()[0].doc_id}:e1"))
    # stable across exports
    export_gdelt(store, tmp_path / "again.tsv")
    assert read_tsv(tmp_path / "again.tsv") == rows


def test_gdelt_all_modalities_and_header(store, tmp_path):
    out = tmp_path / "all.tsv"
    assert export_gdelt(store, out, modalities=None, header=True) == 5
    rows = read_tsv(out)
    assert tuple(rows[0]) == COLUMNS and len(rows) == 6


@pytest.mark.parametrize("code,country,expected", [
    ("USAGOV", "USA", ("USA", "", ["GOV"])), ("JPNMIL", None, ("JPN", "", ["MIL"])),
    ("IGOUNO", None, ("", "UNO", [])), ("PSEREBHMS", "PSE", ("PSE", "", ["REB", "HMS"])),
    ("EGYGOVMUS", "EGY", ("EGY", "", ["GOV"])), (None, None, ("", "", []))])
def test_split_actor_code(code, country, expected):
    parts = split_actor_code(code, country)
    assert (parts["country"], parts["group"], parts["types"]) == expected


def test_fips_table_spot_checks():
    assert (ISO3_TO_FIPS["USA"], ISO3_TO_FIPS["JPN"], ISO3_TO_FIPS["DEU"], ISO3_TO_FIPS["IRQ"],
            ISO3_TO_FIPS["EGY"]) == ("US", "JA", "GM", "IZ", "EG")
    assert len(ISO3_TO_FIPS) > 240


def test_plover_records(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export_plover(store, out) == 5
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_type = {r["event"][0]: r for r in recs}
    acc = by_type["ACCUSE"]
    assert [a["code"] for a in acc["actor"]] == ["CHN"] and [a["code"] for a in acc["recipient"]] == ["USA", "JPN"]
    assert acc["recipient"][0]["sector"] == "GOV" and acc["recipient"][0]["entity_name"] == "United States"
    assert acc["mode"] == ["allege"] and acc["context"] == [] and acc["quad_code"] == 3
    doc = sample_docs()[2]
    assert acc["event_text"] == [doc.text]
    ti = acc["text_info"]
    assert doc.text[ti["trigger"]["start"]:ti["trigger"]["end"]] == "accused"
    assert acc["cite_info"]["publication"] == "wire" and acc["cite_info"]["language"] == "en"
    assert by_type["MOBILIZE"]["marsad"]["modality"] == "planned"
    assert by_type["SUPPORT"]["event_loc"]["country_code"] == "JPN"
    assert export_plover(store, tmp_path / "a.jsonl", modalities=["asserted"]) == 4


def test_parquet_tables_have_exactly_the_schemas(store, tmp_path):
    counts = export_parquet(store, tmp_path / "pq")
    for table in TABLES:
        t = pq.read_table(tmp_path / "pq" / f"{table}.parquet")
        assert t.schema.equals(SCHEMAS[table]), table
        assert t.num_rows == counts[table]
    assert counts["documents"] == 6 and counts["events"] == 5  # all documents, canonical events
    docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    assert sum(1 for d in docs if d["dup_of"]) == 1
    ev = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert all(e["evidences"] and e["evidences"][0]["end"] > 0 for e in ev)
    with_dups = export_parquet(store, tmp_path / "pq2", include_duplicates=True)
    assert with_dups["events"] == 6


def test_csv_tables_read_back(store, tmp_path):
    counts = export_csv(store, tmp_path / "csv")
    for table in TABLES:
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == counts[table]
        if rows:
            assert list(rows[0]) == SCHEMAS[table].names
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8", newline="") as fh:
        texts = {r["doc_id"]: r["text"] for r in csv.DictReader(fh)}
    assert texts[sample_docs()[3].doc_id] == sample_docs()[3].text  # Arabic text round-trips
    with open(tmp_path / "csv" / "entities.csv", encoding="utf-8", newline="") as fh:
        assert json.loads(next(csv.DictReader(fh))["sectors"]) == ["GOV"]


def test_export_into_a_file_path_for_directories_fails(store, tmp_path):
    from marsad.errors import InputError

    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(InputError):
        export_parquet(store, target)
