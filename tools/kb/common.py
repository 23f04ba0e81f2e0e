"""Helpers shared by the KB generators in tools/kb (run with the `kbgen` extra installed)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "marsad" / "kb" / "data"
HERE = Path(__file__).resolve().parent

_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def strip_harakat(text: str) -> str:
    """Remove Arabic diacritics and tatweel, collapse spaces, attach the conjunction و (``X و Y`` -> ``X وY``)."""
    text = _HARAKAT.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" و (?=\S)", " و", text)


def uniq(items: Iterable[str | None]) -> list[str]:
    """Order-preserving de-duplication of non-empty strings."""
    seen: set[str] = set()
    out: list[str] = []
    for s in items:
        if s and s.strip() and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    """Write records sorted by id, one compact JSON object per line, UTF-8, LF: stable and diffable."""
    records = sorted(records, key=lambda r: r["id"])
    text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


def is_arabic_name(text: str) -> bool:
    """Only Arabic letters (U+0621..U+064A), spaces and hyphens; excludes Persian/Urdu-only letters."""
    return bool(re.fullmatch(r"[\u0621-\u063a\u0641-\u064a]+(?:[ \-][\u0621-\u063a\u0641-\u064a]+)*", text))
