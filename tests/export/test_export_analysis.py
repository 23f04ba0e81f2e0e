"""Exports an analyst loads as they are: the events_wide table (every source and target, their names, fatalities and
injured from the event's quantities, cameo as text), GDELT actor names from the KB, never words of the article, and
``marsad export --since --until --actor --type``. Real DuckDB files, the CLI run in-process, pandas reading back."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export.files import WIDE_SCHEMA
from marsad.export.gdelt import COLUMNS, actor_name
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

# written for these tests: (text, date) with what the coder makes of them
TEXTS = {
    "kharkiv": ("قصفت طائرات روسية مواقع في خاركيف الأوكرانية فجر الثلاثاء، ما أسفر عن سقوط 5 قتلى و8 جرحى.",
                "2024-05-06"),
    "duhok": ("Turkish and Iraqi troops attacked PKK positions in Duhok on Friday, killing 6 fighters.", "2024-06-07"),
    "kirkuk": ("Gunmen attacked a police checkpoint near Kirkuk on Monday; 4 people were killed and 7 wounded.",
               "2024-07-01"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "analysis.duckdb"
    with Store(path) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=k, source="desk", date=d))
                                for k, (t, d) in TEXTS.items()])
    return path


def export(db, kind, out, *options):
    res = CliRunner().invoke(app, ["export", kind, "--db", str(db), "-o", str(out), *options])
    assert res.exit_code == 0, res.output
    return res


def wide_by_title(frame):
    return {r["title"]: r for r in frame.to_dict("records")}


def test_the_wide_parquet_keeps_every_actor_and_the_casualties(db, tmp_path):
    export(db, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "events_wide.parquet")
    assert table.schema.equals(WIDE_SCHEMA)
    rows = {r["title"]: r for r in table.to_pylist()}
    assert rows["duhok"]["source_codes"] == ["TURMIL", "IRQMIL"]  # both sources (the troops of both), in the order of the text
    assert rows["duhok"]["source_names"] == ["Turkey – military", "Iraq – military"]
    assert rows["duhok"]["target_names_ar"] == ["حزب العمال الكردستاني"]
    assert (rows["kharkiv"]["fatalities"], rows["kharkiv"]["injured"]) == (5, 8)
    assert (rows["kirkuk"]["fatalities"], rows["kirkuk"]["injured"]) == (4, 7)
    assert rows["duhok"]["fatalities"] == 6  # "killing 6 fighters": the count the kill acts on (counted-casualties)
    assert all(r["cameo"] == "190" for r in rows.values())


def test_pandas_reads_cameo_as_text(db, tmp_path):
    export(db, "parquet", tmp_path / "pq")
    export(db, "csv", tmp_path / "csv")
    frame = pd.read_parquet(tmp_path / "pq" / "events_wide.parquet")
    assert frame["cameo"].map(type).eq(str).all() and frame["fatalities"].dtype.kind in "if"
    dtypes = json.loads((tmp_path / "csv" / "dtypes.json").read_text())
    for table in ("events", "events_wide"):
        assert dtypes[table]["cameo"] == "string" and dtypes[table]["cameo_root"] == "string"
        got = pd.read_csv(tmp_path / "csv" / f"{table}.csv", dtype=dtypes[table])
        assert set(got["cameo_root"]) == {"19"} and got["cameo"].map(type).eq(str).all()
    text = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8")
    assert ',"190",' in text  # text columns are quoted, numbers bare


def test_a_leading_zero_survives_the_csv_writer_and_pandas(tmp_path):
    from marsad.export.files import _csv_value

    path = tmp_path / "z.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerows([["cameo", "quad_class"], [_csv_value("0874"), _csv_value(3)]])
    assert path.read_text().splitlines()[1] == '"0874",3'
    assert pd.read_csv(path, dtype={"cameo": "string", "quad_class": "Int64"})["cameo"][0] == "0874"


def test_the_wide_csv_joins_lists_with_semicolons(db, tmp_path):
    export(db, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "events_wide.csv", encoding="utf-8", newline="") as fh:
        rows = {r["title"]: r for r in csv.DictReader(fh)}
    assert rows["duhok"]["source_codes"] == "TURMIL;IRQMIL" and rows["duhok"]["source_countries"] == "TUR;IRQ"
    assert rows["kharkiv"]["fatalities"] == "5" and rows["duhok"]["fatalities"] == "6"


def test_gdelt_actor_names_are_kb_names_in_upper_case(db, tmp_path):
    export(db, "gdelt", tmp_path / "g.tsv", "--header")
    with open(tmp_path / "g.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {(r["Actor1Code"], r["Actor1Name"]) for r in rows} | {(r["Actor2Code"], r["Actor2Name"]) for r in rows}
    assert ("IRQCOP", "IRAQ POLICE") in names and ("TURREBPKK", "KURDISTAN WORKERS' PARTY") in names
    assert not [n for _c, n in names if any("\u0600" <= ch <= "\u06ff" for ch in n)]
    assert len(rows[0]) == len(COLUMNS)


@pytest.mark.parametrize("kb_name, code_, want", [
    (None, "SDNREBRSF", "RAPID SUPPORT FORCES"), (None, "---REB", "UNKNOWN COUNTRY REBELS"),
    ("Antony Blinken", "USAGOV", "ANTONY BLINKEN"), (None, None, ""), (None, "QQQZZZ", "")])
def test_actor_name_never_falls_back_to_the_text(kb_name, code_, want):
    assert actor_name(code_, kb_name) == want


@pytest.mark.parametrize("options, titles", [
    (["--since", "2024-06-01"], {"duhok", "kirkuk"}),
    (["--until", "2024-06-07"], {"kharkiv", "duhok"}),
    (["--since", "2024-06-01", "--until", "2024-06-30"], {"duhok"}),
    (["--actor", "IRQ"], {"duhok", "kirkuk"}),
    (["--actor", "TURREB"], {"duhok"}),
    (["--type", "ASSAULT", "--actor", "UKR"], {"kharkiv"}),
    (["--type", "PROTEST"], set()),
    (["--actor", "العراق"], {"duhok", "kirkuk"}),
    (["--actor", "Kurdistan Workers' Party"], {"duhok"}),
])
def test_exports_are_filtered_alike_in_every_format(db, tmp_path, options, titles):
    export(db, "parquet", tmp_path / "pq", *options)
    assert {r["title"] for r in pq.read_table(tmp_path / "pq" / "events_wide.parquet").to_pylist()} == titles
    docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    assert {d["title"] for d in docs} == titles
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert len(events) == len(titles)
    export(db, "csv", tmp_path / "csv", *options)
    with open(tmp_path / "csv" / "events_wide.csv", encoding="utf-8", newline="") as fh:
        assert {r["title"] for r in csv.DictReader(fh)} == titles
    export(db, "plover", tmp_path / "p.jsonl", *options)
    assert len((tmp_path / "p.jsonl").read_text().splitlines()) == len(titles)
    export(db, "gdelt", tmp_path / "g.tsv", *options)
    assert len((tmp_path / "g.tsv").read_text().splitlines()) == len(titles)


@pytest.mark.parametrize("options, code_", [(["--since", "2024-13-01"], "E101"), (["--type", "FIGHT"], "E100"),
                                            (["--since", "2024-07-01", "--until", "2024-06-01"], "E100"),
                                            (["--actor", "U"], "E100"), (["--actor", "لا أحد هنا"], "E100")])
def test_bad_selections_are_refused(db, tmp_path, options, code_):
    res = CliRunner().invoke(app, ["export", "gdelt", "--db", str(db), "-o", str(tmp_path / "g.tsv"), *options])
    assert res.exit_code == 2 and code_ in res.output
    assert not (tmp_path / "g.tsv").exists()
