"""Parquet and CSV exports of the store: one file per table of ``tables.SCHEMAS`` in an output directory, plus
``events_wide`` (``WIDE_SCHEMA``), the one table an analyst loads first.

Parquet files carry exactly ``SCHEMAS[table]`` (the schema the Spark job writes), streamed in record batches so
memory stays flat. CSV files have a header row; list and struct columns are written as JSON, except the lists of
``events_wide``, which are joined with ``;``. Every column that is text (``cameo`` "0874", codes) is written
quoted in CSV, and ``dtypes.json`` beside the files gives pandas the type of every column (``pd.read_csv(f,
dtype=...)`` keeps the leading zero of ``cameo``).

``events_wide``: one row per event with every source and target (``source_codes``, ``target_codes`` and their
English and Arabic names decoded by the KB, in the order of the text), ``fatalities`` and ``injured`` (the sums of
the event's ``killed`` and ``injured`` quantities, null when it has none), the location, the document's title, url
and source. It is an export-only table: the store and the Spark job keep the normalised tables.

``selection`` (``select.Selection``: a date range, an actor, types) keeps the selected events, their actors and
quantities, and the documents (with their entities and mentions) they come from.

Duplicates: ``documents`` holds every stored document (``dup_of`` / ``near_dup_of`` say which are copies); the other
tables hold the rows of canonical documents only, unless ``include_duplicates``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from ..kb.codes import names as code_names
from .output import Staged, check_target, staged
from .select import EVERYTHING, Selection
from .tables import SCHEMAS, TABLES

S, I32, F64 = pa.string(), pa.int32(), pa.float64()
WIDE = "events_wide"
WIDE_SCHEMA = pa.schema([
    ("event_id", S), ("doc_id", S), ("date", pa.date32()), ("type", S), ("mode", S), ("cameo", S),
    ("cameo_root", S), ("quad_class", I32), ("goldstein", F64), ("modality", S),
    ("source_codes", pa.list_(S)), ("source_names", pa.list_(S)), ("source_names_ar", pa.list_(S)),
    ("target_codes", pa.list_(S)), ("target_names", pa.list_(S)), ("target_names_ar", pa.list_(S)),
    ("source_countries", pa.list_(S)), ("target_countries", pa.list_(S)),
    ("fatalities", I32), ("injured", I32),
    ("location_name", S), ("location_country", S), ("location_lat", F64), ("location_lon", F64),
    ("evidence_text", S), ("rule", S), ("confidence", F64), ("background", pa.bool_()),
    ("title", S), ("url", S), ("source", S)])
ALL_TABLES: tuple[str, ...] = TABLES + (WIDE,)
_WIDE_LISTS = {f.name for f in WIDE_SCHEMA if pa.types.is_list(f.type)}

WIDE_QUERY = """
WITH acts AS (
    SELECT event_id, role, list(code ORDER BY position) AS codes, list(country ORDER BY position) AS countries
    FROM event_actors GROUP BY 1, 2),
q AS (SELECT unnest(event_ids) AS event_id, kind, value FROM quantities),
qs AS (SELECT event_id, sum(value) FILTER (WHERE kind = 'killed') AS fatalities,
              sum(value) FILTER (WHERE kind = 'injured') AS injured FROM q GROUP BY 1)
SELECT e.event_id, e.doc_id, e.date, e.type, e.mode, e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.modality,
       coalesce(s.codes, []) AS source_codes, coalesce(t.codes, []) AS target_codes,
       coalesce(s.countries, []) AS source_countries, coalesce(t.countries, []) AS target_countries,
       CAST(qs.fatalities AS INTEGER) AS fatalities, CAST(qs.injured AS INTEGER) AS injured,
       e.location_name, e.location_country, e.location_lat, e.location_lon, e.evidence_text, e.rule, e.confidence,
       e.background, d.title, d.url, d.source
FROM events e JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN acts s ON s.event_id = e.event_id AND s.role = 'source'
LEFT JOIN acts t ON t.event_id = e.event_id AND t.role = 'target'
LEFT JOIN qs ON qs.event_id = e.event_id
WHERE {where}
ORDER BY {order}
"""


def _wide_rows(store, include_duplicates: bool, selection: Selection):
    """Batches of ``events_wide`` rows (dicts in ``WIDE_SCHEMA`` order)."""
    cond, params = selection.where("e")
    where = cond if include_duplicates else f"e.canonical AND {cond}"
    yield from wide_batches(store.con, where, params)


def wide_batches(con, where: str, params: list, order: str = "e.doc_id, e.event_id"):
    """Batches of ``events_wide`` rows (dicts in ``WIDE_SCHEMA`` order) of the events ``e`` for which the SQL
    condition ``where`` (with bound ``params``) holds, in ``order``: the exports' selection, or the dashboard
    download's list filters (``store.queries``), newest first as listed."""
    cur = con.cursor()
    cur.execute(WIDE_QUERY.format(where=where, order=order), params)
    names = [d[0] for d in cur.description]
    while True:
        chunk = cur.fetchmany(BATCH)
        if not chunk:
            break
        rows = []
        for values in chunk:
            r = dict(zip(names, values))
            for role in ("source", "target"):
                r[f"{role}_codes"] = [c or "" for c in r[f"{role}_codes"]]
                r[f"{role}_countries"] = [c or "" for c in r[f"{role}_countries"]]
                decoded = [code_names(c) if c else (None, None) for c in r[f"{role}_codes"]]
                r[f"{role}_names"] = [n or c for (n, _a), c in zip(decoded, r[f"{role}_codes"])]
                r[f"{role}_names_ar"] = [a or n or c for (n, a), c in zip(decoded, r[f"{role}_codes"])]
            rows.append({k: r[k] for k in WIDE_SCHEMA.names})
        yield rows
    cur.close()

BATCH = 50_000


def wide_bytes(batches, fmt: str) -> bytes:
    """``events_wide`` rows (batches of ``wide_batches``) as one file's bytes: ``parquet`` (``WIDE_SCHEMA``, lists
    as lists) or ``csv`` (UTF-8, header, text quoted, lists joined with ``;``, as ``export_csv`` writes it)."""
    if fmt == "parquet":
        sink = pa.BufferOutputStream()
        with pq.ParquetWriter(sink, WIDE_SCHEMA, compression="zstd") as writer:
            wrote = False
            for rows in batches:
                writer.write_table(pa.Table.from_pylist(rows, schema=WIDE_SCHEMA))
                wrote = True
            if not wrote:
                writer.write_table(WIDE_SCHEMA.empty_table())
        return sink.getvalue().to_pybytes()
    if fmt != "csv":
        raise InputError(f"format {fmt!r} is not one of parquet, csv")
    fh = io.StringIO(newline="")
    writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(WIDE_SCHEMA.names)
    for rows in batches:
        writer.writerows([";".join(v) if k in _WIDE_LISTS else _csv_value(v) for k, v in r.items()] for r in rows)
    return fh.getvalue().encode("utf-8")


def _select(table: str, include_duplicates: bool, selection: Selection = EVERYTHING) -> tuple[str, list]:
    cols = ", ".join(f't."{c}"' for c in SCHEMAS[table].names)
    conds, params = [], []
    if table != "documents" and not include_duplicates:
        conds.append("t.doc_id IN (SELECT doc_id FROM documents WHERE dup_of IS NULL AND near_dup_of IS NULL)")
    if selection.active:
        cond, params = selection.where("e")
        picked = f"SELECT e.event_id FROM events e WHERE {cond}"
        if table == "events":
            conds.append(f"t.event_id IN ({picked})")
        elif table == "event_actors":
            conds.append(f"t.event_id IN ({picked})")
        elif table == "quantities":
            conds.append(f"len(list_intersect(t.event_ids, (SELECT list(event_id) FROM ({picked})))) > 0")
        else:  # documents, entities, mentions: of the documents the selected events come from
            conds.append(f"t.doc_id IN (SELECT e.doc_id FROM events e WHERE {cond})")
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    order = "t.doc_id" if table == "documents" else "t.doc_id, " + {
        "entities": "t.entity_id", "mentions": 't.entity_id, t."start"', "events": "t.event_id",
        "event_actors": "t.event_id, t.role, t.position", "quantities": "t.quantity_id"}[table]
    return f'SELECT {cols} FROM "{table}" t{where} ORDER BY {order}', params


def _out_dir(out: str | Path, store, suffix: str, force: bool) -> Path:
    """The output directory (created), every table file in it checked (``output.check_target``) before any is
    written: an existing table file is replaced only with ``force``, and never when it is the store."""
    path = check_target(out, store_path=store.path, force=True)  # not the store, nor its write-ahead log
    if path.exists() and not path.is_dir():
        raise InputError(f"{out} exists and is not a directory: give a directory for the table files")
    for table in ALL_TABLES:
        check_target(path / f"{table}{suffix}", store_path=store.path, force=force)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the directory {out}: {exc.strerror or exc}") from None
    return path


def export_parquet(store, out: str | Path, include_duplicates: bool = False, force: bool = False,
                   selection: Selection = EVERYTHING) -> dict[str, int]:
    """Write <out>/<table>.parquet for every table and ``events_wide``; return rows per table. All tables are
    written under temporary names and renamed together at the end: a failure leaves the previous files as they
    were."""
    path = _out_dir(out, store, ".parquet", force)
    counts = {}
    with staged() as files:
        for table in TABLES:
            counts[table] = _parquet_table(store, table, files.path(path / f"{table}.parquet"), include_duplicates,
                                           selection)
        n = 0
        with pq.ParquetWriter(str(files.path(path / f"{WIDE}.parquet")), WIDE_SCHEMA, compression="zstd") as writer:
            for rows in _wide_rows(store, include_duplicates, selection):
                writer.write_table(pa.Table.from_pylist(rows, schema=WIDE_SCHEMA))
                n += len(rows)
            if n == 0:
                writer.write_table(WIDE_SCHEMA.empty_table())
        counts[WIDE] = n
    return counts


def _parquet_table(store, table: str, tmp: Path, include_duplicates: bool, selection: Selection) -> int:
    schema = SCHEMAS[table]
    sql, params = _select(table, include_duplicates, selection)
    reader = store.con.sql(sql, params=params or None).to_arrow_reader(BATCH)
    n = 0
    with pq.ParquetWriter(str(tmp), schema, compression="zstd") as writer:
        for batch in reader:
            t = pa.Table.from_batches([batch]).rename_columns(schema.names).cast(schema)
            writer.write_table(t)
            n += t.num_rows
    return n


def _csv_value(value: Any) -> Any:
    """Numbers stay numbers (written bare), everything else is text (written quoted); booleans True/False."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        return value
    return str(value)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def _pandas_dtype(t: pa.DataType) -> str:
    if pa.types.is_integer(t):
        return "Int64"
    if pa.types.is_floating(t):
        return "float64"
    if pa.types.is_boolean(t):
        return "boolean"
    return "string"  # text, dates (ISO), lists and structs (JSON or ';'-joined)


def csv_dtypes() -> dict[str, dict[str, str]]:
    """Per CSV table, the pandas dtype of every column (written as ``dtypes.json``): text stays text."""
    schemas = dict(SCHEMAS, **{WIDE: WIDE_SCHEMA})
    return {name: {f.name: _pandas_dtype(f.type) for f in schema} for name, schema in schemas.items()}


def export_csv(store, out: str | Path, include_duplicates: bool = False, force: bool = False,
               selection: Selection = EVERYTHING) -> dict[str, int]:
    """Write <out>/<table>.csv (UTF-8, header, RFC 4180 quoting, text columns quoted) for every table and
    ``events_wide``, and <out>/dtypes.json; return rows per table. Written under temporary names and renamed
    together at the end, as ``export_parquet``."""
    path = _out_dir(out, store, ".csv", force)
    check_target(path / "dtypes.json", store_path=store.path, force=force)
    counts = {}
    with staged() as files:
        for table in TABLES:
            counts[table] = _csv_table(store, table, files, path / f"{table}.csv", include_duplicates, selection)
        n = 0
        with open(files.path(path / f"{WIDE}.csv"), "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
            writer.writerow(WIDE_SCHEMA.names)
            for rows in _wide_rows(store, include_duplicates, selection):
                writer.writerows([";".join(v) if k in _WIDE_LISTS else _csv_value(v) for k, v in r.items()]
                                 for r in rows)
                n += len(rows)
        counts[WIDE] = n
        with open(files.path(path / "dtypes.json"), "w", encoding="utf-8") as fh:
            json.dump(csv_dtypes(), fh, indent=1)
    return counts


def _csv_table(store, table: str, files: Staged, final: Path, include_duplicates: bool,
               selection: Selection) -> int:
    cur = store.con.cursor()
    sql, params = _select(table, include_duplicates, selection)
    cur.execute(sql, params)
    n = 0
    with open(files.path(final), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)  # text quoted ("0874"), numbers bare
        writer.writerow(SCHEMAS[table].names)
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                break
            writer.writerows([_csv_value(_cell(v)) for v in row] for row in rows)
            n += len(rows)
    cur.close()
    return n
