"""Fuzzing the readers (issue 21): any bytes, under any format and file name, give a stream of documents and
skipped records (each skipped one with its reason); a reader never raises for what is in a file, and a document's
text and metadata are strings with no lone surrogate. Profile ``fuzzing.FUZZ``."""
from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from fuzzing import FUZZ
from marsad.errors import MarsadError
from marsad.ingest.readers import DEFAULT_FIELDS, FORMATS, Doc, Skipped, read_stream

RECORD = st.fixed_dictionaries({}, optional={
    "text": st.one_of(st.text(max_size=80), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3)),
    "title": st.one_of(st.text(max_size=20), st.floats(allow_nan=True)), "date": st.text(max_size=12),
    "url": st.text(max_size=20), "lang": st.text(max_size=3), "id": st.one_of(st.text(max_size=5), st.integers())})
JSONL = st.lists(st.one_of(RECORD.map(lambda r: json.dumps(r)), st.text(max_size=40)), max_size=8).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
MARKUP = st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<rss>", "<item>", "<title>", "</title>",
                                   "<description>", "<![CDATA[", "]]>", "WARC/1.0\r\n", "Content-Length: 5\r\n",
                                   "\r\n\r\n", "قصفت", ",", "\"", "\t", "\x00", "&amp;", "&#xD800;"]),
                  max_size=30).map(lambda parts: "".join(parts).encode())
BYTES = st.one_of(st.binary(max_size=400), JSONL, MARKUP,
                  st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
NAMES = st.sampled_from(["a.txt", "a.jsonl", "a.csv", "a.tsv", "a.html", "a.xml", "a.rss", "a.warc", "a.warc.gz",
                         "noext", "a.json"])


def _clean(value) -> bool:
    return value is None or (isinstance(value, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in value))


@FUZZ
@given(BYTES, NAMES, st.sampled_from(FORMATS))
def test_any_bytes_give_documents_or_reasons(data, name, fmt):
    try:
        items = list(read_stream(io.BytesIO(data), name, fmt, DEFAULT_FIELDS))
    except MarsadError:
        return  # a format refused as a whole, with its code
    for item in items:
        assert isinstance(item, (Doc, Skipped)), item
        if isinstance(item, Skipped):
            assert item.reason and isinstance(item.reason, str)
            continue
        assert isinstance(item.text, str) and _clean(item.text)
        m = item.meta
        assert all(_clean(getattr(m, f)) for f in ("title", "source", "url", "date", "lang", "path", "ext_id"))


def test_a_feed_with_a_surrogate_reference_is_read():
    # found by this fuzz test (marsad-fuzz profile): feedparser raised UnicodeEncodeError on &#xD800;, ending the
    # ingest; now such a reference reads as U+FFFD, as a lone surrogate does everywhere else
    feed = (b"<rss><channel><item><title>&#xD800;</title><description>x &#55296; y &#55295; z</description>"
            b"</item></channel></rss>")
    (doc,) = list(read_stream(io.BytesIO(feed), "a.rss", "rss", DEFAULT_FIELDS))
    assert isinstance(doc, Doc) and doc.meta.title == "\ufffd" and doc.text == "x \ufffd y \ud7ff z"
