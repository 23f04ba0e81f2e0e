"""Find test text that repeats a sentence of the shared data: runs of N or more consecutive words (after light
normalisation) that a file under tests/ shares with the dev corpora or the flagship article in ../shared.

The shared data must never be copied into the repository (each corpus README says so): tests read it from
``../shared`` at run time or use sentences written for the project. This module is the checker; the test that uses
it is test_repo_copied_text.py, and ``python -m tests.repo._overlap [PATH ...]`` (from the checkout; default
tests/) prints every overlap with its file and line.
"""
from __future__ import annotations

import ast
import csv
import gzip
import io
import json
import os
import re
import sys
import tokenize
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

N = 7  # consecutive words in common that count as a copy

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_FOLD = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"))  # str.replace: translate is slow
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text`` for comparison: NFKC, no diacritics or tatweel, alef/ta marbuta/alef maqsura folded,
    lower case, punctuation dropped (it separates words)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    for a, b in _FOLD:
        text = text.replace(a, b)
    return _WORD.findall(text.lower())


def shingles(ws: list[str], n: int = N) -> Iterator[tuple[str, ...]]:
    for i in range(len(ws) - n + 1):
        yield tuple(ws[i:i + n])


@dataclass(frozen=True)
class Segment:
    """One piece of text in a repository file: a string literal, a comment block, a JSON string, a line."""
    path: Path
    line: int
    text: str


def _py_segments(path: Path, src: str) -> Iterator[Segment]:
    for node in ast.walk(ast.parse(src, filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield Segment(path, node.lineno, node.value)
    block: list[str] = []
    start = 0
    last = -1
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            if tok.start[0] != last + 1 and block:
                yield Segment(path, start, " ".join(block))
                block = []
            if not block:
                start = tok.start[0]
            block.append(tok.string.lstrip("#"))
            last = tok.start[0]
    if block:
        yield Segment(path, start, " ".join(block))


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def file_segments(path: Path) -> Iterator[Segment]:
    """The text pieces of one file: Python string literals and comment blocks, JSON strings, else lines."""
    try:
        src = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return
    if path.suffix == ".py":
        yield from _py_segments(path, src)
    elif path.suffix == ".jsonl":
        for i, line in enumerate(src.splitlines(), 1):
            if line.strip():
                for s in _json_strings(json.loads(line)):
                    yield Segment(path, i, s)
    elif path.suffix == ".json":
        for s in _json_strings(json.loads(src)):
            yield Segment(path, 1, s)
    else:
        for i, line in enumerate(src.splitlines(), 1):
            yield Segment(path, i, line)


TEXT_SUFFIXES = {".py", ".json", ".jsonl", ".txt", ".md", ".csv", ".tsv", ".html", ".xml", ".yaml", ".yml"}


def repo_segments(root: Path) -> Iterator[Segment]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
            yield from file_segments(path)


CORPORA = ("data/arabic-event-gsr-dev", "data/saudinewsnet-dev/articles.jsonl.gz", "data/wikinews-en-dev/articles.jsonl",
           "data/anercorp", "seed")


def shared_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every sentence or article of the shared corpora (CORPORA) and the flagship."""
    missing = [c for c in CORPORA if not (shared / c).exists()]
    if missing:
        raise FileNotFoundError(f"{shared} lacks {missing}: the copy check would pass without looking")
    gsr = shared / "data" / "arabic-event-gsr-dev"
    for path in sorted(gsr.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield f"{path.name}:{row['id']}", row["text"]
    for path in sorted(gsr.glob("*_spans_dev.json")):
        for rec in json.loads(path.read_text(encoding="utf-8")):
            yield f"{path.name}:{rec.get('source')}", rec["text"]
    with gzip.open(shared / "data" / "saudinewsnet-dev" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            yield f"saudinewsnet:{rec['id']}", f"{rec.get('title') or ''}\n{rec['text']}"
    with open(shared / "data" / "wikinews-en-dev" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            yield f"wikinews:{rec['id']}", f"{rec.get('title') or ''}\n{rec['text']}"
    for path in sorted((shared / "data" / "anercorp").glob("*.txt")):
        sent: list[str] = []
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                tok = line.split(" ")[0].strip()
                if not tok or tok == "-DOCSTART-":
                    if sent:
                        yield f"{path.name}:{i}", " ".join(sent)
                    sent = []
                else:
                    sent.append(tok)
        if sent:
            yield f"{path.name}:end", " ".join(sent)
    for path in sorted((shared / "seed").glob("*.txt")):
        yield f"seed/{path.name}", path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Overlap:
    segment: Segment
    shared: str  # where in ../shared
    words: tuple[str, ...]  # the longest run in common found (at least N words)


def find_overlaps(segments: Iterable[Segment], texts: Iterable[tuple[str, str]], n: int = N) -> list[Overlap]:
    """Every (segment, shared text) pair with n or more consecutive words in common, with the longest such run."""
    owners: dict[tuple[str, ...], set[int]] = {}
    segs = list(segments)
    seg_words = []
    for k, seg in enumerate(segs):
        ws = words(seg.text)
        seg_words.append(ws)
        for sh in shingles(ws, n):
            owners.setdefault(sh, set()).add(k)
    firsts = {sh[0] for sh in owners}
    found: dict[tuple[int, str], tuple[str, ...]] = {}
    for where, text in texts:
        ws = words(text)
        hits: dict[int, list[int]] = {}
        for i in range(len(ws) - n + 1):
            if ws[i] in firsts:
                sh = tuple(ws[i:i + n])
                for k in owners.get(sh, ()):
                    hits.setdefault(k, []).append(i)
        for k, starts in hits.items():
            run = _longest_run(starts, ws, n)
            found[(k, where)] = max(found.get((k, where), ()), run, key=len)
    return [Overlap(segs[k], where, run) for (k, where), run in sorted(found.items(), key=lambda kv: kv[0])]


def _longest_run(starts: list[int], ws: list[str], n: int) -> tuple[str, ...]:
    """The longest stretch of ws covered by consecutive matching n-word windows starting at ``starts``."""
    best: tuple[int, int] = (starts[0], starts[0])
    lo = prev = starts[0]
    for s in starts[1:]:
        if s != prev + 1:
            lo = s
        prev = s
        if s - lo > best[1] - best[0]:
            best = (lo, s)
    return tuple(ws[best[0]:best[1] + n])


def report(overlaps: list[Overlap], root: Path) -> str:
    lines = []
    for o in overlaps:
        rel = o.segment.path.relative_to(root) if o.segment.path.is_relative_to(root) else o.segment.path
        lines.append(f"{rel}:{o.segment.line}: {len(o.words)} words shared with {o.shared}: {' '.join(o.words)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parents[2]
    roots = [Path(a).resolve() for a in argv] or [here / "tests"]
    shared = Path(os.environ.get("MARSAD_SHARED", here.parent / "shared"))
    segs = [s for r in roots for s in (repo_segments(r) if r.is_dir() else file_segments(r))]
    overlaps = find_overlaps(segs, shared_texts(shared))
    print(report(overlaps, here) or "no overlap")
    return 1 if overlaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
