"""Executor side of the Spark job: Arrow batches of input records in, Arrow batches of coded table rows out.

Needs no Spark: ``code_batches`` is a plain generator over ``pyarrow.RecordBatch`` (what ``DataFrame.mapInArrow``
hands a Python worker), so it is unit-tested without a JVM and Spark only moves the batches.

Input (``INPUT_SCHEMA``, every column nullable, one row per document), in the order a record is read:
``record``  one JSON line (JSONL input) -> parsed here, fields picked by ``FieldMap``;
``raw``     the bytes of a text file (directory input) -> decoded here as strict UTF-8;
otherwise the plain columns ``ext_id, text, title, date, url, source, lang`` (Parquet input). ``path`` says where
the record came from.

Output (``CODED_SCHEMA``): one row per input record with one list column per table of
``marsad.export.tables.TABLES`` plus ``errors``; each list holds that document's rows with exactly
``SCHEMAS[table]`` (the same flattening as ``marsad export parquet``: ``doc_tables``). A record that cannot be read
or coded yields no table rows and one ``errors`` row (``ERRORS_SCHEMA``) - a bad document never stops the job.

Coding is always ``marsad.code(text, lang=, date=, url=, ner=)`` (``ner`` from ``CoderOptions``); the document id
is its content hash.
The knowledge base is loaded once per Python process (``ensure_loaded``; Spark reuses its Python workers).
Imports ``marsad.pipeline``, ``marsad.errors``, ``marsad.export.tables`` and pyarrow; never pyspark.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator
from urllib.parse import unquote, urlparse

import pyarrow as pa

from ..errors import InputError, MarsadError
from ..export.tables import SCHEMAS, TABLES, DocMeta, doc_tables
from ..pipeline import code, doc_id_of

S = pa.string()

INPUT_SCHEMA = pa.schema([
    ("record", S), ("raw", pa.binary()), ("ext_id", S), ("text", S), ("title", S), ("date", S), ("url", S),
    ("source", S), ("lang", S), ("path", S)])

#: one row per document that could not be read or coded.
ERRORS_SCHEMA = pa.schema([
    ("doc_id", S),  # content hash when the text was a string, else null
    ("ext_id", S),  # the source's own id, when the record had one
    ("path", S),  # where the record came from (file, or file for a JSON line)
    ("date", pa.date32()),  # the record's date when it parsed, else null
    ("stage", S),  # read | code | flatten
    ("error_code", S),  # MarsadError code (E100 ...) or the Python exception class for an unexpected failure
    ("message", S),
    ("preview", S),  # the first 200 characters of the record, to find it again
])

OUTPUT_TABLES: tuple[str, ...] = TABLES + ("errors",)
TABLE_SCHEMAS: dict[str, pa.Schema] = {**SCHEMAS, "errors": ERRORS_SCHEMA}
CODED_SCHEMA = pa.schema([(name, pa.list_(pa.struct(list(TABLE_SCHEMAS[name])))) for name in OUTPUT_TABLES])

#: JSON keys tried, in order, for each field when the user names none (``--field text=body`` overrides).
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "ext_id": ("id", "doc_id", "guid"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "day"),
    "url": ("url", "link"),
    "source": ("source", "site", "publisher"),
    "lang": ("lang", "language"),
}
FIELDS: tuple[str, ...] = tuple(DEFAULT_KEYS)


@dataclass(frozen=True)
class CoderOptions:
    """What every executor needs to know besides the records (pickled once into each task)."""

    keys: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))
    default_date: str | None = None  # for records that carry no date
    default_lang: str | None = None  # None / "auto": detect per document
    ner: bool = False  # also find names the KB does not know (``marsad.code(..., ner=True)``)


def field_map(overrides: dict[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """Default JSON keys with ``{field: key}`` overrides applied; an unknown field name is an InputError."""
    keys = dict(DEFAULT_KEYS)
    for name, key in (overrides or {}).items():
        name = "ext_id" if name == "id" else name
        if name not in keys:
            names = ", ".join(sorted("id" if f == "ext_id" else f for f in FIELDS))
            raise InputError(f"--field {name}={key}: unknown field {name!r}; use one of {names}")
        keys[name] = (key,)
    return keys


# ---- once per Python process -------------------------------------------------------------------------------------
_PROCESS: dict[str, Any] = {"pid": None, "loads": 0, "load_seconds": 0.0, "documents": 0}


def ensure_loaded() -> None:
    """Load the knowledge base in this process the first time it is needed (coding a one-word text does it)."""
    if _PROCESS["pid"] == os.getpid():
        return
    start = time.perf_counter()
    try:
        code("warm up", lang="en")
    except Exception:  # noqa: BLE001 - a broken coder or KB is then recorded on every document, with its message
        pass
    _PROCESS.update(pid=os.getpid(), loads=_PROCESS["loads"] + 1, load_seconds=time.perf_counter() - start)


def process_stats() -> dict[str, Any]:
    """This process's id, how many times it loaded the KB (1 when reuse works), the load time, documents coded,
    and its peak resident memory in MB (what an executor's Python side needs: ``spark.executor.pyspark.memory``)."""
    import resource

    return {**_PROCESS, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


STATS_SCHEMA = pa.schema([("pid", pa.int64()), ("loads", pa.int64()), ("load_seconds", pa.float64()),
                          ("documents", pa.int64()), ("peak_rss_mb", pa.float64())])


def worker_stats(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """A ``mapInArrow`` function that loads the KB if this Python worker has not yet (as ``code_batches`` does) and
    reports its ``process_stats()`` (one row per task): how a test checks that a worker reused for many tasks
    loaded the KB once, and how the benchmark measures a worker's memory."""
    ensure_loaded()
    for _ in batches:
        pass
    stats = process_stats()
    yield pa.RecordBatch.from_pylist([{k: stats[k] or 0 for k in STATS_SCHEMA.names}], schema=STATS_SCHEMA)


# ---- one record ---------------------------------------------------------------------------------------------------
class _Bad(Exception):
    """A record that cannot become a document (carries the stage and error code for the errors table)."""

    def __init__(self, stage: str, code_: str, message: str) -> None:
        super().__init__(message)
        self.stage, self.code, self.message = stage, code_, message


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in obj and obj[key] is not None:
            return obj[key]
    return None


def _scalar(name: str, value: Any) -> str | None:
    """A metadata value as a string: numbers are accepted (ids, yyyymmdd dates), objects and lists are not."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _Bad("read", InputError.code, f"field {name!r} is a {type(value).__name__}, expected a string")


def _parse_json(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise _Bad("read", InputError.code, f"line is not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _Bad("read", InputError.code, f"line is a JSON {type(obj).__name__}, expected an object")
    return obj


def _fields_of(obj: dict[str, Any], keys: dict[str, tuple[str, ...]], into: dict[str, Any]) -> None:
    """Pick the fields of a parsed JSON record into ``into`` (the id first, so an error row can name it)."""
    raw = {name: _pick(obj, keys[name]) for name in FIELDS}
    ext_id = raw["ext_id"]
    into["ext_id"] = str(ext_id) if isinstance(ext_id, (str, int)) and not isinstance(ext_id, bool) else None
    text = raw["text"]
    if text is None:
        raise _Bad("read", InputError.code, f"record has no text (looked for {', '.join(keys['text'])})")
    if not isinstance(text, str):
        raise _Bad("read", InputError.code, f"text is a JSON {type(text).__name__}, expected a string")
    for name in FIELDS:
        into[name] = text if name == "text" else _scalar(name, raw[name])


def _from_bytes(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise _Bad("read", InputError.code, "file is binary (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Bad("read", InputError.code, f"file is not UTF-8 text (bad byte at offset {exc.start})") from None


def _preview(row: dict[str, Any]) -> str | None:
    for key in ("record", "text"):
        if isinstance(row.get(key), str):
            return row[key][:200]
    raw = row.get("raw")
    return raw[:200].decode("utf-8", "replace") if isinstance(raw, bytes) else None


def _as_day(value: str | None) -> dt.date | None:
    """The date of an error row: an ISO date prefix, or null when the value does not read as one."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def local_path(path: str | None) -> str | None:
    """Spark's ``file:/a%20b.txt`` -> ``/a b.txt`` (the path a user typed); other URIs (hdfs://, s3a://) as they are."""
    if path and path.startswith("file:"):
        return unquote(urlparse(path).path)
    return path


def code_record(row: dict[str, Any], options: CoderOptions) -> dict[str, list[dict[str, Any]]]:
    """One input row -> ``{table: rows}`` (an ``errors`` row instead when it cannot be read or coded)."""
    row = {**row, "path": local_path(row.get("path"))}
    fields: dict[str, Any] = {name: row.get(name) for name in FIELDS}
    doc_id = None
    try:
        if row.get("record") is not None:
            fields = dict.fromkeys(FIELDS)
            _fields_of(_parse_json(row["record"]), options.keys, fields)
        elif row.get("raw") is not None:
            fields["text"] = _from_bytes(row["raw"])
        text = fields["text"]
        if text is None:
            raise _Bad("read", InputError.code, "record has no text")
        doc_id = doc_id_of(text)
        date = fields["date"] or options.default_date
        lang = fields["lang"] or options.default_lang
        try:
            doc = code(text, lang=lang, date=date, url=fields["url"], ner=options.ner)
        except MarsadError as exc:
            raise _Bad("code", exc.code, str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a coder bug on one document is recorded, the job goes on
            raise _Bad("code", type(exc).__name__, f"{type(exc).__name__}: {exc}") from None
        meta = DocMeta(title=fields["title"], source=fields["source"], url=fields["url"], date=date,
                       lang=fields["lang"], path=row.get("path"), ext_id=fields["ext_id"])
        _PROCESS["documents"] += 1
        return doc_tables(doc, meta)
    except _Bad as bad:
        return {"errors": [error_row(row, fields, doc_id, bad.stage, bad.code, bad.message, options)]}


def error_row(row: dict[str, Any], fields: dict[str, Any], doc_id: str | None, stage: str, code_: str,
              message: str, options: CoderOptions) -> dict[str, Any]:
    date = fields.get("date") or options.default_date
    return {"doc_id": doc_id, "ext_id": fields.get("ext_id") if isinstance(fields.get("ext_id"), str) else None,
            "path": row.get("path"), "date": _as_day(date if isinstance(date, str) else None), "stage": stage,
            "error_code": code_, "message": " ".join(str(message).split()), "preview": _preview(row)}


# ---- one batch ----------------------------------------------------------------------------------------------------
def _list_column(name: str, per_doc: list[list[dict[str, Any]]]) -> pa.ListArray:
    offsets = [0]
    flat: list[dict[str, Any]] = []
    for rows in per_doc:
        flat.extend(rows)
        offsets.append(len(flat))
    values = pa.array(flat, type=pa.struct(list(TABLE_SCHEMAS[name])))
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), values)


def tables_batch(results: list[dict[str, list[dict[str, Any]]]]) -> pa.RecordBatch:
    """Per-document ``{table: rows}`` -> one RecordBatch of ``CODED_SCHEMA`` (row i = document i)."""
    columns = [_list_column(name, [r.get(name, []) for r in results]) for name in OUTPUT_TABLES]
    return pa.RecordBatch.from_arrays(columns, schema=CODED_SCHEMA)


def _checked(result: dict[str, list[dict[str, Any]]], row: dict[str, Any],
             options: CoderOptions) -> dict[str, list[dict[str, Any]]]:
    """Convert one document alone; a row that does not fit its schema turns the document into an error."""
    try:
        tables_batch([result])
        return result
    except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
        doc = (result.get("documents") or [{}])[0]
        return {"errors": [error_row(row, {"ext_id": doc.get("ext_id"), "date": None}, doc.get("doc_id"),
                                     "flatten", type(exc).__name__, f"rows do not fit the table schema: {exc}",
                                     options)]}


def code_batches(batches: Iterable[pa.RecordBatch], options: CoderOptions | None = None) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: each input batch -> one output batch of ``CODED_SCHEMA`` (same row count)."""
    options = options or CoderOptions()
    ensure_loaded()
    for batch in batches:
        rows = batch.to_pylist()
        results = [code_record(row, options) for row in rows]
        try:
            yield tables_batch(results)
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            # one document's rows do not fit the schema: find it, record it, keep the others
            yield tables_batch([_checked(res, row, options) for res, row in zip(results, rows)])
