"""Typed records of the knowledge base, as the rest of marsad sees them.

The loader (``marsad.kb.loader``) builds these from the JSON Lines files in ``kb/data``; the raw record stays
available in ``EntityRecord.raw`` for fields that only one consumer needs. Imports nothing of marsad.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ENTITY_KINDS = ("country", "person", "organization", "place", "region")
NAME_KINDS = ("country", "nisba", "demonym", "person", "person_short", "organization", "acronym", "place",
              "capital", "region", "role")

# When one normalized key maps to several targets, the gazetteer prefers the higher priority; a name marked
# ``needs_context`` is only resolved when the document supports it (see data/README.md, "Ambiguity policy").
PRIORITY: dict[str, int] = {
    "person": 90, "organization": 85, "acronym": 85, "country": 80, "nisba": 75, "demonym": 75,
    "capital": 65, "region": 60, "role": 55, "place": 50, "person_short": 40,
}


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One country, person, organization, place or region.

    ``code`` is the CAMEO-style actor code (countries: the CAMEO country code, e.g. ``KOS``; organizations:
    e.g. ``IGONAT``; people: the code of their home country; places and regions: None). ``country`` is the
    ISO3 (or CAMEO country) code the entity belongs to, None for international bodies and regions.
    """

    id: str
    kind: str
    name: str
    name_ar: str | None
    code: str | None
    country: str | None
    sectors: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """A title, institution or group noun without a country (``وزير الخارجية``, ``the army``, ``protesters``)."""

    id: str
    kind: str  # title | institution | group
    post: str
    sectors: tuple[str, ...]
    names_ar: tuple[str, ...]
    names_en: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()  # forms that resolve only with context (optional "ambiguous" list)
    org: str | None = None  # the body a title of its own heads ("الأمين العام للأمم المتحدة": org:un), optional


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """A period during which a person held a post for a country (``end`` None = still in office)."""

    post: str
    country: str | None
    title_en: str | None
    start: dt.date | None
    end: dt.date | None
    sectors: tuple[str, ...]
    org: str | None = None  # organization id for posts of international bodies (e.g. "org:nato")

    def covers(self, on: dt.date) -> bool:
        """True when ``on`` falls inside the spell (both ends inclusive; an open end runs to today and beyond)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One surface form for the gazetteer.

    ``key`` is ``marsad.text.normalize_key(surface)``; ``target`` is an entity id or a role id;
    ``needs_context`` marks names that are common words or shared between entities (resolve only with support
    from the document); ``priority`` orders candidates sharing a key (higher first).
    """

    surface: str
    key: str
    lang: str  # ar | en
    kind: str
    target: str
    needs_context: bool
    priority: int
