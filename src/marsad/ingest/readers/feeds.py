"""RSS 2.0 and Atom feed files (feedparser): one document per item, text from its content or summary.

A feed the parser cannot read at all is one ``Skipped`` with the parser's reason; a feed broken part-way gives the
items recovered plus one ``Skipped`` naming the problem; an item without text is a ``Skipped``. A character
reference to a lone surrogate (``&#xD800;``), which made feedparser raise, reads as U+FFFD, as a lone surrogate does
everywhere else (text/clean.py).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from ...errors import require
from ...export.tables import DocMeta
from .base import Doc, Item, Skipped, html_to_text

# feedparser flags these as "bozo" although the items are fine.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")
# &#xD800;-&#xDFFF; and &#55296;-&#57343;: character references to surrogates, which no text can hold
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7][0-9]{3});")


def _surrogate_ref(match: re.Match) -> bytes:
    ref = match.group()[2:-1]
    value = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF else match.group()


def read_feed(data: bytes, path: str) -> Iterator[Item]:
    feedparser = require("feedparser", "reading RSS/Atom feeds", "ingest")
    try:
        parsed = feedparser.parse(_SURROGATE_REF.sub(_surrogate_ref, data))
    except (ValueError, UnicodeError) as exc:  # the parser's own failure on a hostile feed: one reason, not a crash
        yield Skipped(path, f"feed cannot be parsed: {type(exc).__name__}")
        return
    entries = list(parsed.get("entries") or [])
    feed_title = parsed.get("feed", {}).get("title")
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in _HARMLESS:
        problem = None
    if not entries:
        reason = f"malformed feed: {_one_line(problem)}" if problem is not None else "feed has no items"
        if not parsed.get("version") and problem is None:
            reason = "not an RSS or Atom feed"
        yield Skipped(path, reason)
        return
    for n, entry in enumerate(entries, 1):
        where = f"{path}#item{n}"
        body = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        body = body or entry.get("summary") or entry.get("description") or ""
        text = html_to_text(body)
        if not text:
            yield Skipped(where, "feed item has no text")
            continue
        title = html_to_text(entry.get("title") or "") or None
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*when[:3]).isoformat() if when else None
        lang = (entry.get("language") or parsed.get("feed", {}).get("language") or "")[:2].lower() or None
        yield Doc(DocMeta(title=title, source=feed_title, url=entry.get("link"), date=date,
                          lang=lang if lang in ("ar", "en") else None, path=where, ext_id=entry.get("id")), text)
    if problem is not None:
        yield Skipped(path, f"malformed feed after item {len(entries)}: {_one_line(problem)}")


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
