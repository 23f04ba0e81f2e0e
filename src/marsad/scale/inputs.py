"""Read the job's input into a DataFrame of ``coder.INPUT_SCHEMA`` (driver side; Spark does the reading).

Contract: ``read_input(spark, path, fmt="auto", keys=None)`` accepts
- JSONL (``.jsonl``/``.ndjson``/``.json``, optionally ``.gz``/``.bz2``; a file, a glob or a directory of them):
  each line is handed to the executor as it is (``record``), parsed there, so a broken line or a text that is
  not a string becomes an ``errors`` row instead of being coerced or dropped by Spark;
- Parquet (a file or a directory such as Spark or ``marsad export parquet`` writes): columns chosen by the same
  field names as JSONL (``text``/``body``/``content``, ``id``, ``title``, ``date``, ``url``, ``source``, ``lang``
  or the user's ``--field`` mapping); a text column that is not a string column is refused up front;
- a directory of text files (``*.txt``, searched recursively): each file is one document, read as bytes and
  decoded as strict UTF-8 on the executor (a binary or mis-encoded file becomes an ``errors`` row).

``fmt="auto"`` decides from the path (local paths are looked at; remote URIs such as ``hdfs://`` or ``s3a://``
go by their extension, else ``--format`` must be given). Raises InputError with what to do when it cannot.
"""
from __future__ import annotations

import glob
import os
from typing import Any
from urllib.parse import urlparse

from ..errors import InputError, UnsupportedFormatError
from .coder import DEFAULT_KEYS, FIELDS, INPUT_SCHEMA

FORMATS = ("auto", "jsonl", "parquet", "text")
_JSONL_EXT = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".jsonl.bz2", ".json.bz2")
_TEXT_GLOB = "*.txt"
_JSONL_GLOB = "*.{" + ",".join(ext.lstrip(".") for ext in _JSONL_EXT) + "}"


def is_local(path: str) -> bool:
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt")


def local_path(path: str) -> str:
    return urlparse(path).path if path.startswith("file:") else path


def detect_format(path: str) -> str:
    """``jsonl`` | ``parquet`` | ``text`` for a path, or UnsupportedFormatError naming ``--format``."""
    lower = path.lower().rstrip("/")
    if lower.endswith(_JSONL_EXT):
        return "jsonl"
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(".txt"):
        return "text"
    if not is_local(path):
        raise UnsupportedFormatError(f"cannot tell the format of {path}: pass --format jsonl|parquet|text")
    local = local_path(path)
    if any(ch in local for ch in "*?["):
        matches = glob.glob(local)
        if not matches:
            raise InputError(f"{path}: no file matches this pattern")
        return detect_format(matches[0])
    if not os.path.exists(local):
        raise InputError(f"{path}: no such file or directory")
    if os.path.isdir(local):
        names: list[str] = []
        for _root, _dirs, files in os.walk(local):
            names.extend(f.lower() for f in files if not f.startswith((".", "_")))
            if len(names) > 1000:
                break
        if any(n.endswith(".parquet") for n in names):
            return "parquet"
        if any(n.endswith(_JSONL_EXT) for n in names):
            return "jsonl"
        if any(n.endswith(".txt") for n in names):
            return "text"
        raise UnsupportedFormatError(f"{path}: found no .jsonl, .parquet or .txt files in this directory")
    raise UnsupportedFormatError(f"cannot tell the format of {path} from its name: pass --format jsonl|parquet|text")


def check_input(path: str, fmt: str = "auto") -> str:
    """Refuse a missing local input or an unknown format before Spark starts; return the format to read."""
    if fmt not in FORMATS:
        raise UnsupportedFormatError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if is_local(path) and not any(ch in path for ch in "*?[") and not os.path.exists(local_path(path)):
        raise InputError(f"{path}: no such file or directory")
    return detect_format(path) if fmt == "auto" else fmt


def _with_schema(df: Any, F: Any) -> Any:
    """Add the missing INPUT_SCHEMA columns as typed nulls and order them."""
    cols = []
    for fld in INPUT_SCHEMA:
        kind = "binary" if fld.name == "raw" else "string"
        cols.append(F.col(fld.name).cast(kind) if fld.name in df.columns else F.lit(None).cast(kind).alias(fld.name))
    return df.select(*cols)


def read_input(spark: Any, path: str, fmt: str = "auto", keys: dict[str, tuple[str, ...]] | None = None) -> Any:
    """A DataFrame of ``INPUT_SCHEMA``, one row per document (see the module docstring)."""
    from pyspark.sql import functions as F

    fmt = check_input(path, fmt)
    keys = keys or DEFAULT_KEYS
    file_path = F.col("_metadata.file_path")
    if fmt == "jsonl":
        reader = spark.read.option("lineSep", "\n")
        if is_local(path) and os.path.isdir(local_path(path)):  # a directory: its JSONL files, not a README
            reader = reader.option("recursiveFileLookup", "true").option("pathGlobFilter", _JSONL_GLOB)
        df = reader.text(path)
        df = df.where(F.length(F.trim(F.col("value"))) > 0)  # blank lines are not records
        return _with_schema(df.select(F.col("value").alias("record"), file_path.alias("path")), F)
    if fmt == "text":
        df = (spark.read.format("binaryFile").option("pathGlobFilter", _TEXT_GLOB)
              .option("recursiveFileLookup", "true").load(path))
        return _with_schema(df.select(F.col("content").alias("raw"), F.col("path")), F)
    df = spark.read.parquet(path)
    return _with_schema(_parquet_columns(df, keys, path, F), F)


def _parquet_columns(df: Any, keys: dict[str, tuple[str, ...]], path: str, F: Any) -> Any:
    types = dict(df.dtypes)
    chosen = {name: next((k for k in keys[name] if k in types), None) for name in FIELDS}
    text_col = chosen["text"]
    if text_col is None:
        raise InputError(f"{path}: no text column (looked for {', '.join(keys['text'])}; found "
                         f"{', '.join(df.columns)}): pass --field text=COLUMN")
    if types[text_col] not in ("string", "binary"):
        raise InputError(f"{path}: column {text_col!r} is {types[text_col]}, not text: pass --field text=COLUMN")
    cols = [F.col(f"`{text_col}`").alias("text") if types[text_col] == "string" else
            F.col(f"`{text_col}`").alias("raw")]
    for name in FIELDS:
        if name != "text" and chosen[name] is not None:
            cols.append(F.col(f"`{chosen[name]}`").cast("string").alias(name))
    cols.append(F.col("_metadata.file_path").alias("path"))
    return df.select(*cols)
