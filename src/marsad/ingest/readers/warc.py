"""WARC / WARC.gz archives (warcio): one document per HTML response record, streamed record by record.

Request, metadata and warcinfo records are not documents and are passed over; a non-HTML or non-200 response is a
``Skipped``; a truncated or corrupt archive ends with one ``Skipped`` naming the offset, after every record read
before the damage.
"""
from __future__ import annotations

import zlib
from typing import IO, Iterator

from ...errors import require
from .base import Item, Skipped, normalize_date
from .html import decode_html, html_item


def read_warc(stream: IO[bytes], path: str) -> Iterator[Item]:
    require("warcio", "reading WARC files", "ingest")
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(stream)
    n = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield Skipped(f"{path}@record{n + 1}", f"truncated or corrupt WARC: {_one_line(exc)}")
            return
        n += 1
        if record.rec_type != "response":
            continue
        where = f"{path}@record{n}"
        url = record.rec_headers.get_header("WARC-Target-URI")
        try:
            http = record.http_headers
            status = http.get_statuscode() if http else None
            ctype = (http.get_header("Content-Type") if http else None) or ""
            payload = record.content_stream().read()
            missing = getattr(record.raw_stream, "limit", 0) or 0
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield Skipped(where, f"truncated or corrupt WARC record: {_one_line(exc)}")
            return
        if missing > 0:  # the archive ended inside this record
            yield Skipped(where, f"truncated WARC: record for {url} lacks its last {missing} bytes")
            return
        if status and status != "200":
            yield Skipped(where, f"HTTP {status} response for {url}")
            continue
        if "html" not in ctype.lower():
            yield Skipped(where, f"not an HTML response ({ctype.split(';')[0] or 'no content type'}) for {url}")
            continue
        charset = None
        if "charset=" in ctype.lower():
            charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
        html = decode_html(payload, where, charset)
        if isinstance(html, Skipped):
            yield html
            continue
        yield html_item(html, where, url=url, date=normalize_date(record.rec_headers.get_header("WARC-Date")))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
