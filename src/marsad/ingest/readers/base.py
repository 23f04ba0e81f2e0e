"""What every reader yields, and the small helpers they share (decoding, dates, field mapping, HTML to text).

A reader is a generator of ``Doc(meta, text)`` or ``Skipped(where, reason)``, in a deterministic order, one item per
input record, so that an item's ordinal position identifies it for checkpoints. A bad record becomes a
``Skipped`` and the reader goes on; a reader never raises for bad content.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html as htmllib
from dataclasses import dataclass
from typing import Union

import regex

from ...export.tables import DocMeta

__all__ = ["DEFAULT_FIELDS", "Doc", "Item", "Skipped", "decode_text", "html_to_text", "normalize_date",
           "parse_fields"]


@dataclass(frozen=True, slots=True)
class Doc:
    meta: DocMeta
    text: str


@dataclass(frozen=True, slots=True)
class Skipped:
    where: str
    reason: str


Item = Union[Doc, Skipped]

# Field name -> names tried in a record when the user did not map it with --field.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publish_date", "published_at", "datetime"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "publisher", "site", "outlet"),
    "lang": ("lang", "language"),
    "id": ("id", "doc_id", "uid"),
}


def parse_fields(specs: list[str] | None) -> dict[str, tuple[str, ...]]:
    """``["text=body", "date=published_at"]`` -> the field table with those names put first."""
    from ...errors import InputError

    table = dict(DEFAULT_FIELDS)
    for spec in specs or []:
        key, sep, name = spec.partition("=")
        key, name = key.strip(), name.strip()
        if not sep or not name or key not in table:
            raise InputError(f"--field {spec!r} must be NAME=COLUMN with NAME one of {', '.join(table)}")
        table[key] = (name,)
    return table


def pick(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        if name in record and record[name] not in (None, ""):
            return record[name]
    return None


def decode_text(data: bytes, where: str) -> str | Skipped:
    """UTF-8 text (BOM dropped) or a Skipped naming why not (binary, other encoding)."""
    if b"\x00" in data[:8192]:
        return Skipped(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(where, f"not UTF-8 text (invalid byte at offset {exc.start})")


_ISO = regex.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def normalize_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from an ISO date/datetime, ``YYYY/MM/DD``, an RFC 2822 date or a datetime; else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = _ISO.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


_BLOCK_END = regex.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/tr|/blockquote|/section|/article)\s*>")
_TAG = regex.compile(r"(?s)<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>")
_SPACES = regex.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(fragment: str) -> str:
    """Readable text of a small HTML fragment (feed item bodies): block ends become line breaks."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _TAG.sub("", _BLOCK_END.sub("\n", fragment))
    lines = [_SPACES.sub(" ", line).strip() for line in htmllib.unescape(text).split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif out and not blank:
            out.append("")
            blank = True
    return "\n".join(out).strip()

