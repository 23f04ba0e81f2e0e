"""What a name resolves to in the KB, and why: the library behind ``marsad kb lookup NAME [--date D]``.

``lookup(kb, name, on=None) -> list[Candidate]``: every entity or role whose normalized name equals the
normalized query, best first (names that resolve without context before those that need it, then priority).
When nothing matches, one Arabic proclitic (و ف ب ل ك, and لل -> ال) is stripped and the search retried, and
the candidate says so. Imports ``marsad.kb`` and ``marsad.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from . import clitics
from ._normalize import normalize_key
from .loader import KnowledgeBase
from .records import NameEntry, RoleSpell

_PROCLITICS = clitics.single_proclitics()  # و ف ب ك ل


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: NameEntry
    kind: str  # entity kind, or "role"
    name: str  # English canonical name (or post for roles)
    name_ar: str | None
    code: str | None
    country: str | None
    sectors: tuple[str, ...]
    lat: float | None
    lon: float | None
    file: str | None
    line: int | None
    spell: RoleSpell | None  # people: the post held on the date asked (or the latest)
    capital_of: str | None  # places: the country whose capital it is
    stripped: str | None  # the proclitic removed to find it, if any
    why: str

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.spell is not None:
            out["spell"]["start"] = self.spell.start.isoformat() if self.spell.start else None
            out["spell"]["end"] = self.spell.end.isoformat() if self.spell.end else None
        return out


def _keys(name: str) -> list[tuple[str, str | None]]:
    key = normalize_key(name)
    out: list[tuple[str, str | None]] = [(key, None)]
    if key.startswith("لل"):
        out.append(("ال" + key[2:], "ل"))
    if key[:1] in _PROCLITICS and len(key) > 3:
        out.append((key[1:], key[0]))
    return out


def lookup(kb: KnowledgeBase, name: str, on: dt.date | None = None) -> list[Candidate]:
    """Candidates for ``name`` (see module docstring); ``on`` picks the role a person held that day."""
    idx = kb.names_by_key()
    found: list[Candidate] = []
    for key, stripped in _keys(name):
        entries = idx.get(key, [])
        for e in entries:
            found.append(_candidate(kb, e, on, stripped))
        if found:
            break
    found.sort(key=lambda c: (c.entry.needs_context, -c.entry.priority, c.entry.target))
    return found


@dataclass(frozen=True, slots=True)
class Segment:
    """One known name inside a longer query (``segments``): the words [start, end) and its best candidates."""

    text: str
    candidates: tuple[Candidate, ...]


def segments(kb: KnowledgeBase, query: str, on: dt.date | None = None) -> list[Segment]:
    """Split a phrase into the longest known names, left to right (words that match nothing are skipped).

    Explains phrases such as "وزير الخارجية الأمريكي" (a role, then a nisba) that are no single KB name.
    """
    words = query.split()
    out: list[Segment] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            found = lookup(kb, " ".join(words[i:j]), on)
            if found:
                out.append(Segment(" ".join(words[i:j]), tuple(found)))
                i = j
                break
        else:
            i += 1
    return out


def composed_code(segs: list[Segment]) -> str | None:
    """The actor code a role + country phrase yields (وزير الخارجية الأمريكي -> USAGOV), if the phrase has both."""
    country = next((c.country for s in segs for c in s.candidates[:1]
                    if c.kind == "country" and not c.entry.needs_context), None)
    role = next((c for s in segs for c in s.candidates[:1] if c.kind == "role"), None)
    if country and role and role.sectors:
        return country + role.sectors[0]
    return None


def _candidate(kb: KnowledgeBase, e: NameEntry, on: dt.date | None, stripped: str | None) -> Candidate:
    file, line = kb.record_lines.get(e.target, (None, None))
    ctx = "needs supporting context (ambiguous or shared name)" if e.needs_context else "resolves on its own"
    if e.target in kb.roles:
        role = kb.roles[e.target]
        why = (f"{e.lang} {e.kind} name {e.surface!r} of role {role.post} ({role.kind}); the country comes from an "
               f"adjacent nisba/country name; {ctx}")
        return Candidate(e, "role", role.post, role.names_ar[0] if role.names_ar else None, None, None,
                         role.sectors, None, None, file, line, None, None, stripped, why)
    rec = kb.entities[e.target]
    spell = kb.person_role(rec.id, on) if rec.kind == "person" else None
    capital_of = kb.capital_country(rec.id) if rec.kind == "place" else None
    why = f"{e.lang} {e.kind} name {e.surface!r} of {rec.id}; {ctx}"
    if rec.kind == "person":
        if spell is not None:
            why += f"; on {on or 'the latest date'}: {spell.post} of {spell.country or spell.org} " \
                   f"({spell.start or '?'} to {spell.end or 'now'})"
        elif on is not None:
            why += f"; held no post of the KB on {on}"
    if capital_of:
        why += f"; capital of {capital_of}: as the subject of a political verb it stands for {capital_of}GOV"
    return Candidate(e, rec.kind, rec.name, rec.name_ar, rec.code, rec.country, rec.sectors, rec.lat, rec.lon,
                     file, line, spell, capital_of, stripped, why)
