"""The one coding function: ``code(text, lang=None, date=None, url=None) -> CodedDocument``.

Pure and deterministic: the same text and KB version give the same output. The CLI, API, store and Spark job
all call it. (Early version: document identity and language only; the extractors are being wired in.)
"""
from __future__ import annotations

import datetime as dt
import hashlib

from .errors import BadDateError, InputError
from .model import CodedDocument

CODER_VERSION = "0.1.0"


def doc_id_of(text: str) -> str:
    """Content hash of the exact text (sha256, first 24 hex digits): the document's identity everywhere."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def as_date(date: str | dt.date | None) -> dt.date | None:
    if date is None or date == "":
        return None
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        raise BadDateError(f"date {date!r} is not in the form YYYY-MM-DD") from None


def code(text: str, lang: str | None = None, date: str | dt.date | None = None, url: str | None = None,
         doc_id: str | None = None, timings: dict | None = None) -> CodedDocument:
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    day = as_date(date)
    if lang in (None, "auto"):
        arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
        lang = "ar" if arabic * 3 >= len(text.strip()) and arabic else "en"
    return CodedDocument(doc_id=doc_id or doc_id_of(text), lang=lang, date=day.isoformat() if day else None,
                         kb_version="0", text=text, url=url, coder_version=CODER_VERSION)
