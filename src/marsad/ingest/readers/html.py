"""HTML pages: main text by trafilatura (navigation, ads, footers dropped), title and date from the page's meta tags.

A page without main text is a ``Skipped`` ("no main text found"), never an empty document.
"""
from __future__ import annotations

import logging

import regex

from ...errors import require
from ...export.tables import DocMeta
from .base import Doc, Item, Skipped, decode_text, normalize_date

_CHARSET = regex.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
MIN_WORDS = 5  # what trafilatura falls back to on a page of links only ("Home About") is not an article
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def decode_html(data: bytes, where: str, charset: str | None = None) -> str | Skipped:
    """Decode with the declared charset (HTTP header, then <meta>), else UTF-8."""
    if charset is None:
        m = _CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii") if m else None
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, where)


def html_item(html: str, where: str, url: str | None = None, date: str | None = None,
              source: str | None = None) -> Item:
    trafilatura = require("trafilatura", "reading HTML", "ingest")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    n_words = len(_WORD.findall(text))
    if n_words < MIN_WORDS:
        return Skipped(where, f"no main text found in the HTML page ({n_words} words besides boilerplate)")
    return Doc(DocMeta(title=getattr(doc, "title", None), source=source or getattr(doc, "sitename", None),
                       url=url or getattr(doc, "url", None),
                       date=normalize_date(getattr(doc, "date", None)) or date,
                       lang=_lang(getattr(doc, "language", None)), path=where), text)


def _lang(value: object) -> str | None:
    if isinstance(value, str) and value[:2].lower() in ("ar", "en"):
        return value[:2].lower()
    return None


def read_html(data: bytes, path: str) -> Item:
    decoded = decode_html(data, path)
    if isinstance(decoded, Skipped):
        return decoded
    return html_item(decoded, path)
