"""Typed records of the clustering: one telling of an act (``ClusterEvent``) and one act (``Cluster``).

A telling's *day* is the day its article says the act happened (a resolved time with relation ``on``); without one
the act happened on the article's date or the day before (``doc_date``), which the engine treats as uncertain.

Imports nothing of marsad.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Modalities of an act that took place; an intended, planned, hypothetical or negated act is its own family.
OCCURRED = frozenset({"asserted", "reported", None})

# Types whose two sides are told either way round ("A met B", "B hosted A"): compared as one set of participants.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def family_of(type_: str | None, cameo_root: str | None, modality: str | None) -> str:
    """The block a telling is compared within: its PLOVER type (or CAMEO root when it has no type), and for an act
    that did not take place (planned, negated...) that modality too."""
    base = type_ or f"CAMEO{cameo_root or ''}"
    return base if modality in OCCURRED else f"{base}/{modality}"


@dataclass(frozen=True, slots=True)
class Place:
    """A place an article names (a KB entity narrower than a country), with where it is."""

    entity: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class ClusterEvent:
    """One event of one article, with what clustering compares. Country sets hold ISO3 codes (or IGO codes)."""

    event_id: str
    doc_id: str
    outlet: str  # the document's source (publication), or its doc_id when the source is unknown
    doc_date: dt.date
    day: dt.date | None  # the act's own day when the article names it, else None
    type: str | None
    family: str
    cameo: str | None = None
    mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    source_countries: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()
    location_entity: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    quantities: tuple[tuple[str, float], ...] = ()  # (kind, value)
    names: frozenset[str] = frozenset()  # entity ids of persons and organizations named as actors
    doc_place: str | None = None  # the one place (narrower than a country) the article names, if just one
    doc_place_at: Place | None = None  # that place's name, country and coordinates
    # Derived from the fields above when the record is made (clustering compares each pair of a block's tellings
    # by them, ~30 times per telling at 10,000 articles: worked out once instead of at every comparison):
    # ``place``: the location entity when it is narrower than a country (a town, a region); else the one place its
    # article names (the coder leaves many an event without a location its short article plainly gives).
    place: str | None = field(init=False, repr=False, compare=False)
    # ``participants``: the source and target countries together (compared for symmetric types).
    participants: frozenset[str] = field(init=False, repr=False, compare=False)
    # ``quantity_values``: the values of ``quantities`` (a shared number is evidence).
    quantity_values: frozenset[float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        loc = self.location_entity
        set_ = object.__setattr__
        set_(self, "place", loc if loc and not loc.startswith("country:") else self.doc_place)
        set_(self, "participants", self.source_countries | self.target_countries)
        set_(self, "quantity_values", frozenset(v for _, v in self.quantities))


@dataclass(slots=True)
class Cluster:
    """One act: its members' best-supported fields and the counts of its tellings (GDELT's NumMentions,
    NumSources, NumArticles). ``anchor`` is the day of the block it was formed in (kept so that an incremental
    run replaces exactly the clusters a new telling can change)."""

    cluster_id: str
    family: str
    anchor: dt.date
    date: dt.date
    type: str | None
    mode: str | None
    cameo: str | None
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    source_code: str | None
    target_code: str | None
    source_country: str | None
    target_country: str | None
    location_name: str | None
    location_country: str | None
    location_lat: float | None
    location_lon: float | None
    location_entity: str | None
    quantity_kind: str | None
    quantity_low: float | None
    quantity_high: float | None
    quantity_latest: float | None
    quantity_most_cited: float | None
    n_mentions: int
    n_articles: int
    n_sources: int
    first_seen: dt.date
    last_seen: dt.date
    event_ids: list[str] = field(default_factory=list)
