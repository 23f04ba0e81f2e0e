"""Counts and coverage of the KB: the library behind ``marsad kb stats``.

``stats(kb) -> dict`` (JSON-ready): records and names per file and language; people whose role spells cover
2015-01-01 .. today per key post for the G20, Arab League, Iran, Israel, Turkey and Ukraine; places and capitals
with Arabic names. Imports ``marsad.kb``.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from .loader import KnowledgeBase

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
ARAB_LEAGUE = "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()
EXTRA = ["IRN", "ISR", "UKR"]
HEAD_POSTS = {"president", "king", "queen", "emir", "sultan", "emperor", "head_of_state", "supreme_leader",
              "sovereign_council_chair", "presidential_council_chair"}
GOV_POSTS = {"prime_minister", "chancellor"}
COVERAGE_POSTS = {"head of state": HEAD_POSTS, "head of government": GOV_POSTS,
                  "foreign minister": {"foreign_minister"}, "defense minister": {"defense_minister"}}
FILE_OF = {"country": "countries.jsonl", "place": "places.jsonl", "region": "regions.jsonl",
           "organization": "organizations.jsonl", "person": "people.jsonl", "role": "roles.jsonl"}


def _coverage(intervals: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> float:
    """Share of days in [start, end] covered by the union of the intervals."""
    clipped = sorted((max(a, start), min(b, end)) for a, b in intervals if b >= start and a <= end)
    covered, cur_a, cur_b = 0, None, None
    for a, b in clipped:
        if cur_b is None or a > cur_b + dt.timedelta(days=1):
            if cur_b is not None:
                covered += (cur_b - cur_a).days + 1
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_b is not None:
        covered += (cur_b - cur_a).days + 1
    return covered / ((end - start).days + 1)


def stats(kb: KnowledgeBase, today: dt.date | None = None) -> dict[str, Any]:
    today = today or dt.date.today()
    start = dt.date(2015, 1, 1)
    files: dict[str, dict[str, int]] = defaultdict(lambda: {"records": 0, "names_ar": 0, "names_en": 0,
                                                            "needs_context": 0})
    for rid, ent in kb.entities.items():
        files[FILE_OF[ent.kind]]["records"] += 1
    files["roles.jsonl"]["records"] = len(kb.roles)
    for e in kb.names():
        kind = kb.entities[e.target].kind if e.target in kb.entities else "role"
        f = files[FILE_OF[kind]]
        f["names_" + e.lang] += 1
        f["needs_context"] += e.needs_context
    spells: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    people_per_country: Counter[str] = Counter()
    for rid, ent in kb.entities.items():
        if ent.kind != "person":
            continue
        seen: set[str] = set()
        for s in kb.person_roles(rid):
            for label, posts in COVERAGE_POSTS.items():
                if s.post in posts and s.country:
                    spells[(s.country, label)].append((s.start or dt.date.min, s.end or today))
                    seen.add(s.country)
        for c in seen:
            people_per_country[c] += 1
    coverage = {}
    for code in sorted(set(G20) | set(ARAB_LEAGUE) | set(EXTRA)):
        row: dict[str, Any] = {"people": people_per_country[code]}
        for label in COVERAGE_POSTS:
            row[label] = round(_coverage(spells.get((code, label), []), start, today), 3)
        coverage[code] = row
    places = [e for e in kb.entities.values() if e.kind == "place"]
    capitals = [p for p in places if p.raw.get("capital_of")]
    sovereign_caps = sum(1 for e in kb.entities.values() if e.kind == "country" and e.raw.get("capital"))
    kinds: dict[str, Counter[str]] = {"organization": Counter(), "place": Counter(), "role": Counter()}
    for ent in kb.entities.values():
        if ent.kind in kinds:
            kinds[ent.kind][ent.raw.get("kind") or "?"] += 1
    for role in kb.roles.values():
        kinds["role"][role.kind] += 1
    return {
        "kb_version": kb.version,
        "kinds": {k: dict(sorted(v.items())) for k, v in kinds.items()}, "fingerprint": kb.fingerprint, "manifest_current": kb.manifest_current,
        "files": dict(sorted(files.items())),
        "names_total": len(kb.names()),
        "places": {"total": len(places), "with_arabic": sum(1 for p in places if p.raw.get("names_ar")),
                   "capitals": len(capitals), "capitals_with_arabic": sum(1 for p in capitals if p.raw["names_ar"]),
                   "countries_with_capital": sovereign_caps},
        "countries": {"total": sum(1 for e in kb.entities.values() if e.kind == "country"),
                      "with_nisba": sum(1 for e in kb.entities.values() if e.kind == "country" and e.raw["nisba_ar"]),
                      "with_demonym": sum(1 for e in kb.entities.values()
                                          if e.kind == "country" and e.raw["demonyms_en"])},
        "role_coverage_2015_today": coverage,
        "coverage_groups": {"G20": G20, "Arab League": ARAB_LEAGUE, "other": EXTRA},
    }
