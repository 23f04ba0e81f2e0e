"""Read what the Spark job wrote, back in exactly the schema of ``marsad.export.tables.SCHEMAS``.

Contract: ``read_output(DIR, tables=None, batch_size=10_000)`` yields ``TableBatch(table, batch)`` for each table
present under ``DIR`` (documents first, so a loader can insert parents before children; ``errors`` last), each
``batch`` a ``pyarrow.RecordBatch`` whose schema equals ``SCHEMAS[table]`` (``ERRORS_SCHEMA`` for ``errors``):
the ``date`` partition column is restored from the ``date=YYYY-MM-DD/`` directories (undated rows -> null),
columns are put back in schema order and Spark's Parquet list naming is cast away. Memory stays bounded: batches
are streamed, never a whole table. ``read_table(DIR, table)`` is the same for one table as a ``pyarrow.Table``.

Needs pyarrow only (no Spark): this is what ``marsad ingest --from-parquet DIR`` can build on. A directory that is
not a marsad output raises InputError.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.dataset as ds

from ..errors import InputError
from .coder import OUTPUT_TABLES, TABLE_SCHEMAS

HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"


@dataclass(frozen=True, slots=True)
class TableBatch:
    table: str
    batch: pa.RecordBatch


def _dataset(directory: str, table: str) -> ds.Dataset | None:
    """The Parquet files of one table (Spark's ``_SUCCESS`` and ``.crc`` files left out), hive-partitioned by date."""
    path = os.path.join(directory, table)
    if not os.path.isdir(path):
        return None
    files = sorted(os.path.join(root, f) for root, _dirs, names in os.walk(path) for f in names
                   if f.endswith(".parquet") and not f.startswith((".", "_")))
    if not files:
        return None
    partitioning = ds.HivePartitioning(pa.schema([("date", pa.date32())]), null_fallback=HIVE_NULL)
    return ds.dataset(files, format="parquet", partitioning=partitioning, partition_base_dir=path)


def _conform(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    columns = []
    for fld in schema:
        idx = batch.schema.get_field_index(fld.name)
        col = batch.column(idx) if idx >= 0 else pa.nulls(batch.num_rows, fld.type)
        columns.append(col if col.type == fld.type else col.cast(fld.type))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def output_tables(directory: str) -> list[str]:
    """The tables present under a job's output directory, in load order (InputError when there are none)."""
    if not os.path.isdir(directory):
        raise InputError(f"{directory}: no such directory")
    present = [t for t in OUTPUT_TABLES if os.path.isdir(os.path.join(directory, t))]
    if not present:
        raise InputError(f"{directory} is not a marsad Spark output (no {', '.join(OUTPUT_TABLES[:3])}... directories)")
    return present


def read_output(directory: str, tables: Iterable[str] | None = None, batch_size: int = 10_000) -> Iterator[TableBatch]:
    """Stream every table of a Spark output as batches in exactly ``SCHEMAS[table]`` (see the module docstring)."""
    present = output_tables(directory)
    wanted = list(tables) if tables is not None else present
    for name in wanted:
        if name not in TABLE_SCHEMAS:
            raise InputError(f"unknown table {name!r}: use one of {', '.join(OUTPUT_TABLES)}")
        if name not in present:
            continue
        dataset = _dataset(directory, name)
        if dataset is None:  # a table with no rows (Spark then writes only _SUCCESS)
            continue
        schema = TABLE_SCHEMAS[name]
        for batch in dataset.to_batches(batch_size=batch_size):
            if batch.num_rows:
                yield TableBatch(name, _conform(batch, schema))


def read_table(directory: str, table: str) -> pa.Table:
    """One table of a Spark output as a ``pyarrow.Table`` with exactly its schema (empty when absent)."""
    batches = [tb.batch for tb in read_output(directory, [table])]
    return pa.Table.from_batches(batches, schema=TABLE_SCHEMAS[table])
