"""Parquet and CSV exports of the store: one file per table of ``tables.SCHEMAS`` in an output directory.

Parquet files carry exactly ``SCHEMAS[table]`` (the schema the Spark job writes), streamed in record batches so
memory stays flat. CSV files have a header row; list and struct columns are written as JSON.

Duplicates: ``documents`` holds every stored document (``dup_of`` / ``near_dup_of`` say which are copies); the other
tables hold the rows of canonical documents only, unless ``include_duplicates``.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from .output import Staged, check_target, staged
from .tables import SCHEMAS, TABLES

BATCH = 50_000


def _select(table: str, include_duplicates: bool) -> str:
    cols = ", ".join(f't."{c}"' for c in SCHEMAS[table].names)
    where = ""
    if table != "documents" and not include_duplicates:
        where = (" WHERE t.doc_id IN (SELECT doc_id FROM documents WHERE dup_of IS NULL AND near_dup_of IS NULL)")
    order = "t.doc_id" if table == "documents" else "t.doc_id, " + {
        "entities": "t.entity_id", "mentions": 't.entity_id, t."start"', "events": "t.event_id",
        "event_actors": "t.event_id, t.role, t.position", "quantities": "t.quantity_id"}[table]
    return f'SELECT {cols} FROM "{table}" t{where} ORDER BY {order}'


def _out_dir(out: str | Path, store, suffix: str, force: bool) -> Path:
    """The output directory (created), every table file in it checked (``output.check_target``) before any is
    written: an existing table file is replaced only with ``force``, and never when it is the store."""
    path = check_target(out, store_path=store.path, force=True)  # not the store, nor its write-ahead log
    if path.exists() and not path.is_dir():
        raise InputError(f"{out} exists and is not a directory: give a directory for the table files")
    for table in TABLES:
        check_target(path / f"{table}{suffix}", store_path=store.path, force=force)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the directory {out}: {exc.strerror or exc}") from None
    return path


def export_parquet(store, out: str | Path, include_duplicates: bool = False, force: bool = False) -> dict[str, int]:
    """Write <out>/<table>.parquet for every table; return rows per table. All tables are written under temporary
    names and renamed together at the end: a failure leaves the previous files as they were."""
    path = _out_dir(out, store, ".parquet", force)
    counts = {}
    with staged() as files:
        for table in TABLES:
            counts[table] = _parquet_table(store, table, files.path(path / f"{table}.parquet"), include_duplicates)
    return counts


def _parquet_table(store, table: str, tmp: Path, include_duplicates: bool) -> int:
    schema = SCHEMAS[table]
    reader = store.con.sql(_select(table, include_duplicates)).to_arrow_reader(BATCH)
    n = 0
    with pq.ParquetWriter(str(tmp), schema, compression="zstd") as writer:
        for batch in reader:
            t = pa.Table.from_batches([batch]).rename_columns(schema.names).cast(schema)
            writer.write_table(t)
            n += t.num_rows
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def export_csv(store, out: str | Path, include_duplicates: bool = False, force: bool = False) -> dict[str, int]:
    """Write <out>/<table>.csv (UTF-8, header, RFC 4180 quoting) for every table; return rows per table. Written
    under temporary names and renamed together at the end, as ``export_parquet``."""
    path = _out_dir(out, store, ".csv", force)
    counts = {}
    with staged() as files:
        for table in TABLES:
            counts[table] = _csv_table(store, table, files, path / f"{table}.csv", include_duplicates)
    return counts


def _csv_table(store, table: str, files: Staged, final: Path, include_duplicates: bool) -> int:
    cur = store.con.cursor()
    cur.execute(_select(table, include_duplicates))
    n = 0
    with open(files.path(final), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SCHEMAS[table].names)
        while True:
            rows = cur.fetchmany(BATCH)
            if not rows:
                break
            writer.writerows([_cell(v) for v in row] for row in rows)
            n += len(rows)
    cur.close()
    return n
