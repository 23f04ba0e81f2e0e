"""JSON lines and CSV/TSV records with configurable field names (text, title, date, url, source, lang, id).

Streams line by line (memory flat). A line that is not JSON, a record without text, a CSV file in another encoding
from some row on: each becomes a ``Skipped`` naming the file and line, and reading goes on where it can.
"""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterator

from ...export.tables import DocMeta
from .base import DEFAULT_FIELDS, Doc, Item, Skipped, normalize_date, pick

csv.field_size_limit(2**31 - 1)


def record_to_item(record: object, where: str, fields: dict[str, tuple[str, ...]], path: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(where, f"record is a JSON {type(record).__name__}, not an object")
    text = pick(record, fields["text"])
    if text is None:
        return Skipped(where, f"no text (looked for field {' / '.join(fields['text'])})")
    if not isinstance(text, str):
        return Skipped(where, f"text field is a {type(text).__name__}, not a string")
    if not text.strip():
        return Skipped(where, "text is empty")

    def opt(key: str) -> str | None:
        v = pick(record, fields[key])
        return None if v is None else str(v)

    lang = opt("lang")
    meta = DocMeta(title=opt("title"), source=opt("source"), url=opt("url"), date=normalize_date(pick(
        record, fields["date"])), lang=lang.lower()[:2] if lang else None, path=where, ext_id=opt("id"))
    return Doc(meta, text)


def read_jsonl(stream: IO[bytes], path: str, fields: dict[str, tuple[str, ...]] = DEFAULT_FIELDS) -> Iterator[Item]:
    """One document per line; blank lines ignored; a ``.json`` file holding one array is read as its records."""
    first = stream.read(1)
    while first in (b" ", b"\n", b"\r", b"\t", b"\xef"):  # leading space or a UTF-8 BOM
        if first == b"\xef":
            stream.read(2)
        first = stream.read(1)
    if first == b"[":
        data = first + stream.read()
        try:
            records = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield Skipped(path, f"not a JSON array: {exc}")
            return
        for n, rec in enumerate(records, 1):
            yield record_to_item(rec, f"{path}#{n}", fields, path)
        return
    for n, raw in enumerate(_prepend(first, stream), 1):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Skipped(where, f"not UTF-8 (invalid byte at offset {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_item(rec, where, fields, path)


def _prepend(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    if not first:
        return
    rest = stream.readline()
    yield first + rest
    yield from stream


def read_csv(stream: IO[bytes], path: str, fields: dict[str, tuple[str, ...]] = DEFAULT_FIELDS,
             delimiter: str | None = None) -> Iterator[Item]:
    """CSV with a header row (BOM allowed, quoted newlines kept); TSV when the delimiter is a tab."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        if delimiter is None:
            sample = text.read(4096)
            delimiter = "\t" if sample.split("\n", 1)[0].count("\t") > sample.split("\n", 1)[0].count(",") else ","
            rows = csv.DictReader(_chain(sample, text), delimiter=delimiter)
        else:
            rows = csv.DictReader(text, delimiter=delimiter)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Skipped(f"{path}:{rows.line_num}", f"bad CSV: {exc}")
                return
            where = f"{path}:{rows.line_num}"
            if None in row:  # more cells than header names
                row.pop(None)
            yield record_to_item(row, where, fields, path)
    except UnicodeDecodeError as exc:
        yield Skipped(path, f"not UTF-8 text (invalid byte at offset {exc.start}); rest of the file skipped")
    finally:
        text.detach()


def _chain(sample: str, rest: IO[str]) -> Iterator[str]:
    buf = io.StringIO(sample + rest.readline())
    yield from buf
    yield from rest
