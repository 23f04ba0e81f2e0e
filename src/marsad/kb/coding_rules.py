"""The named coding rules of ``kb/data/coding_rules.jsonl``: which CAMEO code a candidate is recoded to and when, the
actors an event gets when the text names none, and the parameters of the drop and confidence rules. The data says
what each rule does; the stage that applies it (extract/stages/*) says how.
Imports: marsad.errors and marsad.kb.loader.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import KBError
from .loader import DATA_DIR, read_jsonl

FILE = "coding_rules.jsonl"
# rule name -> the fields it must have (besides "rule" and "note")
RULE_FIELDS: dict[str, frozenset[str]] = {
    "optional-roles": frozenset({"types"}),
    "implicit-protesters": frozenset({"type", "role", "code"}),
    "implicit-attackers": frozenset({"type", "role", "code"}),
    "implicit-arresters": frozenset({"type", "role", "code", "modes"}),
    "implicit-military-victims": frozenset({"type", "role", "code", "kinds"}),
    "implicit-victims": frozenset({"type", "role", "code", "kinds"}),
    "host-is-visited": frozenset({"cameo", "to_cameo", "swap_roles"}),
    "politician-attacks-with-words": frozenset({"armed_sectors", "civilian_sectors"}),
    "state-protest-is-accusation": frozenset({"type", "cameo", "to_cameo"}),
    "promised-retreat-is-concession": frozenset({"type", "modes", "to_cameo"}),
    "addressed-appeal-is-request": frozenset({"rules", "to_cameo", "next", "public_sectors"}),
    "weapon-specifies-attack": frozenset({"cameo", "span"}),
    "attachment-confidence": frozenset({"direct_vias", "direct", "source_only", "none", "anaphora_cap", "floor"}),
    "anchor-quantities": frozenset({"kinds"}),
    "counted-casualties": frozenset({"kinds", "span"}),
    "recalled-background": frozenset({"reasons", "historical_days"}),
    "recent-pluperfect": frozenset({"days"}),
    "background-means": frozenset({"span"}),
    "owner-of-the-object": frozenset({"types", "preps", "span"}),
    "demand-addresses-the-state": frozenset({"types", "code", "span", "cues", "acts", "complaints"}),
    "one-act-codes": frozenset({"pairs"}),
    "protest-tactics": frozenset({"cameo"}),
    "result-tellings": frozenset({"rules"}),
    "anaphoric-restatements": frozenset({"span"}),
    "act-of-the-tellings": frozenset({"types", "preps", "span", "series", "of", "articles"}),
    "purpose-of-the-act": frozenset({"types", "preps", "clitics", "span"}),
    "object-of-attack": frozenset({"types", "keep"}),
    "chronology-entry": frozenset({"span"}),
    "place-of-the-act": frozenset({"types", "preps"}),
    "own-forces-moved": frozenset({"types", "sectors"}),
    "author-of-the-object": frozenset({"types"}),
    "reaction-before-an-act": frozenset({"types"}),
    "coalition-by-theatre": frozenset({"words", "theatres"}),
    "country-before-independence": frozenset({"countries"}),
}


@dataclass(frozen=True)
class CodingRules:
    by_name: dict[str, dict[str, Any]]

    def __getitem__(self, name: str) -> dict[str, Any]:
        return self.by_name[name]

    def implicit_actors(self, role: str = "source") -> dict[str, list[dict[str, Any]]]:
        """Event type -> the implicit-* rules that give ``role`` when the text names none, in file order."""
        out: dict[str, list[dict[str, Any]]] = {}
        for name, r in self.by_name.items():
            if name.startswith("implicit-") and r["role"] == role:
                out.setdefault(r["type"], []).append(r)
        return out


def rule_problems(records: list[dict]) -> list[str]:
    """What is wrong with the records of coding_rules.jsonl (empty: nothing)."""
    problems, seen = [], set()
    for n, rec in enumerate(records, start=1):
        name = rec.get("rule")
        if name not in RULE_FIELDS:
            problems.append(f"line {n}: unknown rule {name!r} (known: {', '.join(sorted(RULE_FIELDS))})")
            continue
        if name in seen:
            problems.append(f"line {n}: rule {name!r} given twice")
        seen.add(name)
        missing = RULE_FIELDS[name] - set(rec)
        extra = set(rec) - RULE_FIELDS[name] - {"rule", "note"}
        if missing:
            problems.append(f"line {n}: rule {name!r} lacks {sorted(missing)}")
        if extra:
            problems.append(f"line {n}: rule {name!r} has unknown fields {sorted(extra)}")
        if not str(rec.get("note", "")).strip():
            problems.append(f"line {n}: rule {name!r} has no note saying what it is for")
    problems += [f"rule {name!r} is missing" for name in sorted(set(RULE_FIELDS) - seen)]
    return problems


def read_rules(path: Path) -> list[dict]:
    return [rec for _n, rec in read_jsonl(path)]


@cache
def load_coding_rules(data_dir: Path = DATA_DIR) -> CodingRules:
    records = read_rules(data_dir / FILE)
    problems = rule_problems(records)
    if problems:
        raise KBError(f"{FILE}: {problems[0]}")
    return CodingRules({r["rule"]: r for r in records})
