"""Tiny hand-written KB directories for the kb tests (no dependency on the shipped people/orgs files)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from marsad.kb.loader import DATA_DIR


def country(iso2: str, iso3: str, name: str, name_ar: str, nisba: list[str] | None = None, **extra) -> dict:
    rec = {"id": f"country:{iso3}", "iso2": iso2, "iso3": iso3, "numeric": None, "code": iso3, "name": name,
           "names_en": [name], "name_ar": name_ar, "names_ar": [name_ar], "nisba_ar": nisba or [],
           "demonyms_en": [], "capital": None, "lat": None, "lon": None, "ambiguous_en": [], "ambiguous_ar": [],
           "sources": "test", "notes": ""}
    rec.update(extra)
    return rec


def role(post: str, names_ar: list[str], names_en: list[str], sectors: list[str], kind: str = "title") -> dict:
    return {"id": f"role:{post}", "kind": kind, "post": post, "names_ar": names_ar, "names_en": names_en,
            "sectors": sectors, "sources": "test", "notes": ""}


def person(pid: str, name: str, name_ar: str, spells: list[dict], short_ar: list[str] | None = None,
           ambiguous: list[str] | None = None, country: str | None = None) -> dict:
    return {"id": f"person:{pid}", "name": name, "names_en": [name], "short_en": [], "name_ar": name_ar,
            "names_ar": [name_ar], "short_ar": short_ar or [], "ambiguous": ambiguous or [], "gender": "m",
            "country": country, "roles": spells, "sources": "test", "notes": ""}


def spell(post: str, country: str | None, start: str | None, end: str | None, sectors: list[str] | None = None,
          title: str | None = None) -> dict:
    return {"post": post, "country": country, "title_en": title, "start": start, "end": end,
            "sectors": sectors or ["GOV"]}


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def tiny_kb(root: Path) -> Path:
    """Two countries, two roles and three people whose spells exercise the date logic."""
    d = root / "kb"
    d.mkdir()
    write(d / "countries.jsonl", [
        country("AA", "AAA", "Aland of Tests", "بلاد الاختبار", ["اختباري"]),
        country("BB", "BBB", "Bland", "بلاند", ["بلاندي"]),
    ])
    write(d / "roles.jsonl", [
        role("foreign_minister", ["وزير الخارجية"], ["foreign minister"], ["GOV"]),
        role("prime_minister", ["رئيس الوزراء"], ["prime minister"], ["GOV"]),
    ])
    write(d / "people.jsonl", [
        person("first-fm", "Amin First", "أمين الأول", [spell("foreign_minister", "AAA", "2015-01-01", "2019-06-30")],
               short_ar=["الأول"], country="AAA"),
        person("second-fm", "Badr Second", "بدر الثاني", [
            spell("foreign_minister", "AAA", "2019-06-30", "2023-02-01"),
            spell("prime_minister", "AAA", "2023-02-01", None)], country="AAA"),
        person("no-dates", "Kamal Undated", "كمال", [spell("prime_minister", "BBB", None, "2018-12-31")],
               ambiguous=["كمال"], country="BBB"),
    ])
    return d


def copy_shipped(root: Path) -> Path:
    """A writable copy of the shipped KB data directory."""
    d = root / "data"
    shutil.copytree(DATA_DIR, d)
    return d


def replace_line(path: Path, lineno: int, fn) -> None:
    """Apply fn(record) -> record | str to 1-based line ``lineno`` of a JSONL file (str = raw replacement)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    new = fn(json.loads(lines[lineno - 1]))
    lines[lineno - 1] = new if isinstance(new, str) else json.dumps(new, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
