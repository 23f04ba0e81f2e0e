"""The full KB check behind ``marsad kb validate``: everything the loader checks, plus cross-record rules.

``validate(data_dir) -> Report``. Errors (the KB must not ship with them):
  * anything the loader rejects (schema, bad JSON, duplicate ids, unknown country codes/posts/capitals);
  * manifest.json out of date with the files;
  * a name that is empty after ``normalize_key``;
  * a name shared by two entities of the same kind (or two roles) where more than one of them resolves it
    without context (mark all but at most one as ambiguous / needs context);
  * two people holding one single-holder post for one country (or organization) over overlapping periods
    (end of one == start of the next is allowed: same-day handovers; an unknown start counts as "always");
  * a country's capital and the place's capital_of that do not point at each other;
  * a word or rule file the engine reads that breaks its schema (grammar.jsonl, anaphora, contexts, common_words,
    scope, cameo, triggers, modality, units: ``marsad.kb.lexicon_files``), checked even when the entities fail.
Warnings: ambiguity lists naming forms the record does not have, sector codes outside the CAMEO/PLOVER list,
unknown fields (usually typos), organization codes that start with neither their country nor IGO/NGO/...
Imports ``marsad.errors``, ``marsad.kb`` and ``marsad.text``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KBError
from ._normalize import normalize_key
from .coding_rules import FILE as CODING_RULES, read_rules, rule_problems
from .lexicon_files import lexicon_problems
from .loader import DATA_DIR, KnowledgeBase, build_kb
from .manifest import stale_files
from .schema import FILES, OPTIONAL, REQUIRED, SPELL, SPELL_OPTIONAL

# CAMEO / PLOVER actor sector codes (see ../shared/reference/coding-schemes.md)
SECTORS = frozenset("""GOV MIL COP JUD LEG OPP REB BUS MED EDU NGO IGO CVL REF SPY UAF PTY ELI CRM LAB AGR REL HLH
JRN PRM UNK MNC SOC PRE ENV HRI DEV RAD IMG ISM SEP INS MUS CHR JEW HIN BUD CTH PRO SUN SHI""".split())
# posts several people hold at once for one country (overlap is normal)
MULTI_HOLDER = frozenset({
    "minister", "minister_of_state", "ambassador", "envoy", "adviser", "official", "member_of_parliament",
    "spokesperson", "diplomat", "judge", "governor", "mayor", "commander", "officer", "soldier", "consul",
    "deputy_prime_minister", "vice_president", "head_of_delegation", "party_leader", "secretary_general",
    "lawyer", "prosecutor", "cleric", "mufti", "police_officer", "elites", "opposition_leader",
})


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # error | warning
    file: str | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (f"{self.file}: " if self.file else "")
        return f"{self.severity}: {where}{self.message}"


@dataclass
class Report:
    data_dir: Path
    problems: list[Problem] = field(default_factory=list)
    kb: KnowledgeBase | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(data_dir: Path | str | None = None) -> Report:
    """Check the KB in ``data_dir`` (default: the shipped one) and return every problem found (never raises)."""
    path = DATA_DIR if data_dir is None else Path(data_dir).resolve()
    report = Report(path)
    report.problems += [Problem("error", file, line, message)
                        for file, line, message in lexicon_problems(path, path.resolve() == DATA_DIR.resolve())]
    try:
        kb = build_kb(path)
    except KBError as exc:
        report.problems.append(Problem("error", exc.context.get("file"), exc.context.get("line"),  # type: ignore
                                       exc.message.split(": ", 1)[-1] if exc.context.get("file") else exc.message))
        return report
    report.kb = kb
    add = report.problems.append
    stale = stale_files(path)
    if stale:
        add(Problem("error", "manifest.json", None, "stale for " + ", ".join(stale) +
                    " (rebuild: python -m marsad.kb.manifest)"))
    _check_names(kb, add)
    _check_spells(kb, add)
    _check_sectors(kb, add)
    _check_capitals(kb, add)
    _check_fields(kb, add)
    _check_org_codes(kb, add)
    _check_coding_rules(path, add)
    return report


def _check_coding_rules(path: Path, add) -> None:
    """coding_rules.jsonl: every rule the stages apply, known, complete, with a note (kb/coding_rules.py). A KB
    without the coder's files (a people-and-places KB under test) is not checked for them; the shipped one is."""
    if not (path / CODING_RULES).exists() and path != DATA_DIR.resolve():
        return
    try:
        records = read_rules(path / CODING_RULES)
    except (KBError, OSError) as exc:
        add(Problem("error", CODING_RULES, None, str(exc)))
        return
    for problem in rule_problems(records):
        add(Problem("error", CODING_RULES, None, problem))


def _where(kb: KnowledgeBase, rid: str) -> tuple[str | None, int | None]:
    return kb.record_lines.get(rid, (None, None))


def _all_names(rec: dict) -> list[str]:
    out: list[str] = []
    for key in ("name", "name_ar"):
        if isinstance(rec.get(key), str):
            out.append(rec[key])
    for key in ("names_en", "names_ar", "nisba_ar", "demonyms_en", "short_en", "short_ar", "acronyms"):
        out += rec.get(key) or []
    return out


def _check_names(kb: KnowledgeBase, add) -> None:
    for rid, ent in kb.entities.items():
        raw = ent.raw
        names = _all_names(raw)
        for s in names:
            if not normalize_key(s):
                add(Problem("error", *_where(kb, rid), f"name {s!r} is empty after normalization"))
        amb = list(raw.get("ambiguous_en", [])) + list(raw.get("ambiguous_ar", []))
        if ent.kind != "person" and isinstance(raw.get("ambiguous"), list):
            amb += raw["ambiguous"]
        for s in amb:
            if s not in names:
                add(Problem("warning", *_where(kb, rid), f"ambiguous form {s!r} is not one of the record's names"))
    for rid, role in kb.roles.items():
        for s in (*role.names_ar, *role.names_en):
            if not normalize_key(s):
                add(Problem("error", *_where(kb, rid), f"name {s!r} is empty after normalization"))
    groups: dict[tuple[str, str, str], dict[str, bool]] = defaultdict(dict)
    for e in kb.names():
        family = kb.entities[e.target].kind if e.target in kb.entities else "role"
        # acronyms are matched case-sensitively: "US" and "us" are different names
        key = e.surface if e.kind == "acronym" else e.key
        seen = groups[(family, e.lang, key)]
        seen[e.target] = seen.get(e.target, False) or not e.needs_context
    for (family, lang, key), targets in sorted(groups.items()):
        free = sorted(t for t, no_ctx in targets.items() if no_ctx)
        if len(free) > 1:
            first = free[0]
            add(Problem("error", *_where(kb, first),
                        f"{lang} name {key!r} resolves without context to {len(free)} {family} records: "
                        f"{', '.join(free[:6])}{' ...' if len(free) > 6 else ''} ({_HOW[family]})"))


_HOW = {
    "country": "list the form in ambiguous_en/ambiguous_ar of all but at most one country",
    "person": 'list the form in "ambiguous" of all but at most one person (or drop it from short_*)',
    "organization": 'list the form in "ambiguous" (a list of names, or true for all) of all but one organization',
    "place": 'list the form in "ambiguous" of all but one place (tools/kb/gen_places.py does this)',
    "region": 'list the form in "ambiguous" of all but one region',
    "role": 'list the form in the optional "ambiguous" list of all but one role record, or keep it in one only',
}


def _check_spells(kb: KnowledgeBase, add) -> None:
    by_post: dict[tuple[str, str | None, str | None], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    multi = set(MULTI_HOLDER) | {r.post for r in kb.roles.values() if r.kind != "title"}
    for rid, ent in kb.entities.items():
        if ent.kind != "person":
            continue
        for s in kb.person_roles(rid):
            if s.post in multi or s.post.startswith("deputy_"):
                continue
            start = s.start or dt.date.min
            end = s.end or dt.date.max
            by_post[(s.post, s.country, s.org)].append((start, end, rid))
    for (post, country, org), spells in sorted(by_post.items(), key=lambda kv: str(kv[0])):
        spells.sort()
        reach_end, reach_who = spells[0][1], spells[0][2]  # the spell reaching furthest so far
        for start, end, who in spells[1:]:
            if start < reach_end:
                other = "another spell of the same person" if who == reach_who else reach_who
                add(Problem("error", *_where(kb, who),
                            f"{post} of {country or org}: {who} from {_day(start)} overlaps {other} (until "
                            f"{_day(reach_end)})"))
            if end > reach_end:
                reach_end, reach_who = end, who


def _day(d: dt.date) -> str:
    return "open" if d in (dt.date.max, dt.date.min) else d.isoformat()


def _check_capitals(kb: KnowledgeBase, add) -> None:
    """countries.capital and places.capital_of must agree both ways."""
    for rid, ent in kb.entities.items():
        if ent.kind == "country" and ent.raw["capital"]:
            place = kb.entities.get(ent.raw["capital"])
            if place is not None and place.raw.get("capital_of") != ent.raw["iso3"]:
                add(Problem("error", *_where(kb, rid), f"capital {place.id} does not say capital_of {ent.raw['iso3']}"))
        elif ent.kind == "place" and ent.raw.get("capital_of"):
            country = kb.country(ent.raw["capital_of"])
            if country is not None and country.raw["capital"] != rid:
                add(Problem("error", *_where(kb, rid),
                            f"capital_of {ent.raw['capital_of']} but {country.id} names capital {country.raw['capital']}"))


# CAMEO/PLOVER codes that stand in the country slot of an actor code without being a country
NON_STATE = frozenset({"IGO", "NGO", "UNO", "EUR", "ISM", "IMG", "MNC"})


def _check_org_codes(kb: KnowledgeBase, add) -> None:
    """An organization's code starts with a country code (its own country's) or a non-state code (IGO, NGO...)."""
    for rid, ent in kb.entities.items():
        if ent.kind != "organization" or not ent.code:
            continue
        head = kb.country(ent.code[:3])
        if head is None and ent.code[:3] not in NON_STATE:
            add(Problem("warning", *_where(kb, rid), f"code {ent.code!r} starts with neither a country code nor "
                                                     f"one of {', '.join(sorted(NON_STATE))}"))
        elif head is not None and ent.country and kb.country(ent.country) is not head:
            add(Problem("warning", *_where(kb, rid), f"code {ent.code!r} does not start with the code of its "
                                                     f"country {ent.country}"))


def _check_fields(kb: KnowledgeBase, add) -> None:
    """Unknown fields are usually typos (name_en for names_en): warn."""
    kind_file = {kind: f for f, (_, kind) in FILES.items() if kind}
    for rid, ent in kb.entities.items():
        f = kind_file[ent.kind]
        for key in sorted(set(ent.raw) - set(REQUIRED[f]) - OPTIONAL[f]):
            add(Problem("warning", *_where(kb, rid), f"unknown field {key!r}"))
        for i, spell in enumerate(ent.raw.get("roles", ()) if ent.kind == "person" else (), 1):
            for key in sorted(set(spell) - set(SPELL) - SPELL_OPTIONAL):
                add(Problem("warning", *_where(kb, rid), f"roles[{i}]: unknown field {key!r}"))


def _check_sectors(kb: KnowledgeBase, add) -> None:
    for rid, ent in kb.entities.items():
        for s in ent.sectors:
            if s not in SECTORS:
                add(Problem("warning", *_where(kb, rid), f"sector {s!r} is not a known CAMEO/PLOVER sector code"))
    for rid, role in kb.roles.items():
        for s in role.sectors:
            if s not in SECTORS:
                add(Problem("warning", *_where(kb, rid), f"sector {s!r} is not a known CAMEO/PLOVER sector code"))
