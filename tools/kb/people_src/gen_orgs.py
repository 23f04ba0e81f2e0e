"""Generate src/marsad/kb/data/organizations.jsonl from tools/kb/people_src/orgs.txt.

Run: ``.venv/bin/python tools/kb/people_src/gen_orgs.py`` (deterministic).

Table format (one organization per line, ``#`` comment lines, ``|``-separated)::

    slug | kind | code | country (ISO3 or -) | sectors (,) | names_en (;) | names_ar (;) | acronyms (;) |
    ambiguous (* = every name, or ;-list of names) | notes

The first English / Arabic name is the canonical one. Acronyms are matched case-sensitively (Latin script).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[2] / "src" / "marsad" / "kb" / "data" / "organizations.jsonl"
SOURCES = ("hand-curated: official names and Arabic news usage; codes CAMEO-style (see tools/kb/people_src/orgs.txt "
           "header for the convention)")
KINDS = {"igo", "un_agency", "ministry", "military", "police", "intelligence", "armed_group", "party", "court",
         "media", "ngo", "company", "legislature", "government"}
CODE = re.compile(r"(?:[A-Z]{3})+")


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


# Arabic news writes "American" two ways (أمريكي / أميركي); a name with one also gets the other
SPELLINGS = (("أمريكي", "أميركي"), ("أميركي", "أمريكي"))


def with_spellings(names: list[str]) -> list[str]:
    """``names`` plus the other spelling of أمريكي/أميركي in each, after the names written."""
    out = list(names)
    for name in names:
        for a, b in SPELLINGS:
            if a in name and name.replace(a, b) not in out:
                out.append(name.replace(a, b))
    return out


def render() -> tuple[str, int, list[str]]:
    """The organizations.jsonl text built from orgs.txt: (text, count, errors)."""
    rows: list[dict] = []
    errors: list[str] = []
    src = HERE / "orgs.txt"
    for n, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != 10:
            errors.append(f"orgs.txt:{n}: expected 10 columns, got {len(cols)}")
            continue
        slug, kind, code, country, sectors, en, ar, acr, amb, notes = cols
        names_en, names_ar = split(en), with_spellings(split(ar))
        if kind not in KINDS:
            errors.append(f"orgs.txt:{n}: unknown kind {kind!r}")
        if not CODE.fullmatch(code):
            errors.append(f"orgs.txt:{n}: bad code {code!r}")
        if not names_en:
            errors.append(f"orgs.txt:{n}: no English name")
            continue
        ambiguous: bool | list[str] = True if amb == "*" else split(amb)
        if isinstance(ambiguous, list):
            unknown = [a for a in ambiguous if a not in names_en + names_ar + split(acr)]
            if unknown:
                errors.append(f"orgs.txt:{n}: ambiguous names not among the names: {unknown}")
            if not ambiguous:
                ambiguous = False
        rows.append({"id": f"org:{slug}", "kind": kind, "name": names_en[0], "names_en": names_en,
                     "name_ar": names_ar[0] if names_ar else None, "names_ar": names_ar, "acronyms": split(acr),
                     "code": code, "country": None if country == "-" else country,
                     "sectors": [s.strip() for s in sectors.split(",") if s.strip()], "ambiguous": ambiguous,
                     "sources": SOURCES, "notes": notes})
    ids = [r["id"] for r in rows]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        errors.append(f"duplicate ids: {dups}")
    rows.sort(key=lambda r: r["id"])
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), len(rows), errors


def main() -> int:
    text, n, errors = render()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {n} organizations to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
