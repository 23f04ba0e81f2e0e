"""Input readers: ``read_inputs(paths, fmt, fields)`` streams ``Doc`` / ``Skipped`` items from files, directories
(recursive, sorted), glob patterns and stdin (``-``), choosing the reader per file by ``fmt`` or, with ``auto``, by
extension and then by sniffing the first bytes.

Formats: txt, jsonl (also a .json array), csv (and .tsv), html, rss (RSS 2.0 / Atom), warc (and .warc.gz).
The order of items is deterministic for the same inputs, so an ingest checkpoint can count positions.
A missing path raises ``InputError`` before anything is read; bad content never raises.
"""
from __future__ import annotations

import glob
import hashlib
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

import regex

from ...errors import InputError, UnsupportedFormatError
from ...export.tables import DocMeta
from .base import DEFAULT_FIELDS, Doc, Item, Skipped, decode_text, normalize_date, parse_fields
from .feeds import read_feed
from .html import read_html
from .tabular import read_csv, read_jsonl
from .warc import read_warc

__all__ = ["FORMATS", "Doc", "Item", "Skipped", "expand", "fingerprint", "parse_fields", "read_inputs"]

FORMATS = ("auto", "txt", "jsonl", "csv", "html", "rss", "warc")
_EXT = {".txt": "txt", ".text": "txt", ".md": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
        ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "rss",
        ".atom": "rss", ".xml": "rss", ".warc": "warc"}


def expand(paths: Iterable[str]) -> list[str]:
    """Files named by the arguments: files as given, directories walked recursively, globs expanded; sorted
    within each argument. ``-`` stays as is (stdin). A path that matches nothing raises InputError."""
    out: list[str] = []
    for arg in paths:
        if arg == "-":
            out.append(arg)
            continue
        if any(ch in arg for ch in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError(f"no file matches {arg}")
            for m in matches:
                out.extend(_walk(m))
            continue
        p = Path(arg)
        if not p.exists():
            raise InputError(f"no such file or directory: {arg}")
        out.extend(_walk(arg))
    return out


def _walk(path: str) -> list[str]:
    if os.path.isdir(path):
        files = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
        return files
    return [path]


def fingerprint(files: list[str], fmt: str, fields: dict[str, tuple[str, ...]]) -> str | None:
    """Identity of an input set for checkpoints: paths, sizes, modification times, format, field mapping.
    None when stdin is among the inputs (a stream cannot be resumed)."""
    if "-" in files:
        return None
    h = hashlib.sha256()
    for f in files:
        st = os.stat(f)
        h.update(f"{os.path.abspath(f)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    h.update(f"{fmt}\0{sorted(fields.items())}".encode())
    return h.hexdigest()[:32]


def format_of(path: str, head: bytes) -> str | None:
    name = path.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    ext = os.path.splitext(name)[1]
    if ext in _EXT:
        return _EXT[ext]
    return sniff(head)


def sniff(head: bytes) -> str | None:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    low = h.lower()
    if h.startswith(b"WARC/") or head[:2] == b"\x1f\x8b":
        return "warc"
    if h.startswith((b"{", b"[")):
        return "jsonl"
    if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
        return "rss"
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low:
        return "html"
    if b"\x00" in head:
        return None
    return "txt"


def read_inputs(paths: Iterable[str], fmt: str = "auto", fields: dict[str, tuple[str, ...]] | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Stream the items of every input, in order. Raises InputError only for a missing path or bad format name."""
    if fmt not in FORMATS:
        raise UnsupportedFormatError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    fields = fields or DEFAULT_FIELDS
    files = expand(paths)
    return _read_all(files, fmt, fields, stdin)


def _read_all(files: list[str], fmt: str, fields: dict[str, tuple[str, ...]],
              stdin: IO[bytes] | None) -> Iterator[Item]:
    for f in files:
        if f == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>", fmt, fields)
            continue
        try:
            handle = open(f, "rb")
        except OSError as exc:
            yield Skipped(f, f"cannot open: {exc.strerror}")
            continue
        with handle:
            yield from read_stream(handle, f, fmt, fields)


def read_stream(stream: IO[bytes], path: str, fmt: str, fields: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    head = _peek(stream)
    kind = fmt if fmt != "auto" else format_of(path, head)
    if kind is None:
        yield Skipped(path, "binary or unknown file type (use --format to force one)")
        return
    if kind == "jsonl":
        yield from read_jsonl(stream, path, fields)
    elif kind == "csv":
        yield from read_csv(stream, path, fields, "\t" if path.lower().endswith(".tsv") else None)
    elif kind == "warc":
        yield from read_warc(stream, path)
    else:
        data = stream.read()
        if kind == "rss":
            yield from read_feed(data, path)
        elif kind == "html":
            yield read_html(data, path)
        else:
            yield read_txt(data, path)


def _peek(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        try:
            return peek(4096)[:4096]
        except (OSError, ValueError):
            return b""
    if stream.seekable():
        pos = stream.tell()
        head = stream.read(4096)
        stream.seek(pos)
        return head
    return b""


def read_txt(data: bytes, path: str) -> Item:
    """A whole text file is one document; its title is its first line, its date one found in the file name."""
    text = decode_text(data, path)
    if isinstance(text, Skipped):
        return text
    if not text.strip():
        return Skipped(path, "empty file")
    first = text.strip().split("\n", 1)[0].strip()
    m = regex.search(r"(\d{4}-\d{2}-\d{2})", os.path.basename(path))
    return Doc(DocMeta(title=first[:200] or None, date=normalize_date(m[1]) if m else None, path=path), text)
