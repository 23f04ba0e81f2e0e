"""Drafts of KB records for the names the KB does not know: the library behind ``marsad kb suggest``.

``drafts(rows, details, known=None) -> list[dict]`` turns what the store says about its unlinked entities
(``Store.unlinked()`` rows and ``Store.unlinked_details()``; entities ``new:<kind>:<normalized name>`` found by
``code(..., ner=True)``) into one record per name, in the schema of ``people.jsonl``, ``organizations.jsonl`` or
``places.jsonl`` (``schema.REQUIRED``), for a person to review before adding it to ``kb/data``. Nothing is written
here, and a draft never goes into the KB by itself.

What the store knows is filled in: the Arabic name as most often written (also as ``name``, the only form known: to
be replaced by the English one), every written form (``names_ar``), an organization's sector from its head noun and
the kind that sector implies, the country and actor code the coder gave it most often in events, a place's country
from the events located there. What it cannot know stays empty (``names_en``, roles, coordinates, gender), and every
draft carries ``"needs_review": true`` and a ``review`` object: the KB file it belongs in, the fields to fill
(``todo``), counts, first and last date, the actor codes it was coded as, and example sentences with their doc ids.
Remove both keys when the record goes into the KB. Ids are ``<prefix>draft-<10 hex of sha256(entity id)>``: valid,
stable from run to run, and to be renamed.

Imports only the standard library and ``marsad.kb.schema``.
"""
from __future__ import annotations

import hashlib
from typing import Any, Callable, Iterable, Mapping

from .schema import ACTOR_CODE, CODE3, ORG_KINDS

FILE_OF = {"person": "people.jsonl", "organization": "organizations.jsonl", "place": "places.jsonl"}
PREFIX = {"person": "person:", "organization": "org:", "place": "place:"}
# the organization kind a sector from the head noun implies (org_head_sectors); EDU, LAB and REL have no kind
KIND_OF_SECTOR = {"PTY": "party", "GOV": "government", "LEG": "legislature", "JUD": "court", "BUS": "company",
                  "MED": "media", "NGO": "ngo", "REB": "armed_group", "MIL": "military", "COP": "police",
                  "SPY": "intelligence", "IGO": "igo"}
assert set(KIND_OF_SECTOR.values()) <= ORG_KINDS
SOURCES = "drafted by marsad kb suggest from a store coded with --ner: check every field against a reliable source"
REVIEW_KEYS = ("needs_review", "review")


def draft_id(kind: str, entity_id: str) -> str:
    return f"{PREFIX[kind]}draft-{hashlib.sha256(entity_id.encode('utf-8')).hexdigest()[:10]}"


def _top(counts: Mapping[str, int], ok: Callable[[str], bool] = lambda _v: True) -> str | None:
    """The value counted most (ties: the smallest), among those ``ok`` accepts."""
    best = sorted(((-n, v) for v, n in counts.items() if v and ok(v)))
    return best[0][1] if best else None


def _country(value: str | None) -> str | None:
    return value if value and CODE3.fullmatch(value) else None


def draft(row: Mapping[str, Any], detail: Mapping[str, Any]) -> dict[str, Any]:
    """One draft record for one unlinked entity (see the module docstring)."""
    kind = row["kind"]
    if kind not in FILE_OF:
        raise ValueError(f"no KB file for entity kind {kind!r}")
    name = row["name"]
    names = [name] + [n for n in sorted(detail.get("names", {}), key=lambda n: (-detail["names"][n], n))
                      if n != name]
    coded_as = dict(detail.get("coded_as", {}))
    country = _country(_top(detail.get("countries", {}), lambda v: CODE3.fullmatch(v) is not None))
    todo: list[str] = ["name (the English name)", "names_en"]
    rec: dict[str, Any] = {"id": draft_id(kind, row["id"]), "name": name}
    if kind == "person":
        rec.update({"names_en": [], "short_en": [], "name_ar": name, "names_ar": names, "short_ar": [],
                    "ambiguous": [], "gender": None, "country": country, "roles": []})
        todo += ["short_en", "short_ar", "gender", "roles (post, country, start, end, sectors)"]
    elif kind == "organization":
        sector = row.get("sector") if row.get("sector") and CODE3.fullmatch(row["sector"]) else None
        code = _top(coded_as, lambda v: ACTOR_CODE.fullmatch(v) is not None) or sector or ""
        rec.update({"kind": KIND_OF_SECTOR.get(sector or "", ""), "names_en": [], "name_ar": name,
                    "names_ar": names, "acronyms": [], "code": code, "country": country,
                    "sectors": [sector] if sector else [], "ambiguous": False})
        todo += ["acronyms"] + [f for f, v in (("kind", rec["kind"]), ("code", code), ("sectors", sector)) if not v]
    else:
        country = _country(_top(detail.get("located_in", {}))) or country
        rec.update({"names_en": [], "name_ar": name, "names_ar": names, "country": country or "", "lat": None,
                    "lon": None, "population": None, "kind": "", "capital_of": None, "ambiguous": False})
        todo += ["kind (capital, city or admin)", "lat", "lon", "population"]
    if not country:
        todo.append("country")
    rec.update({"sources": SOURCES, "notes": "", "needs_review": True,
                "review": {"kb_file": FILE_OF[kind], "entity": row["id"], "todo": todo,
                           "documents": row.get("docs"), "mentions": row.get("mentions"),
                           "events": row.get("events"), "first": row.get("first"), "last": row.get("last"),
                           "coded_as": coded_as, "examples": list(detail.get("examples", []))}})
    return rec


def drafts(rows: Iterable[Mapping[str, Any]], details: Mapping[str, Mapping[str, Any]],
           known: Callable[[Mapping[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
    """Drafts for ``rows`` in their order, leaving out the names ``known`` says the KB knows by now."""
    return [draft(r, details.get(r["id"], {})) for r in rows if known is None or not known(r)]


def without_review(rec: Mapping[str, Any]) -> dict[str, Any]:
    """The record as it would go into the KB file: the review keys removed."""
    return {k: v for k, v in rec.items() if k not in REVIEW_KEYS}
