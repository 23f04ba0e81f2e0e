"""A cluster's fields from its tellings: the best-supported value of each, the range of a number, the counts.

Best supported = told by the most tellings (ties: the more specific value, then the smaller). Type, mode, CAMEO
code, QuadClass and Goldstein come from the tellings of the winning type; the location is the place narrower than
a country the tellings give, else the one place their articles name, else their country; the date is the most told day (else the earliest article date). Numbers: the most told kind, with
the casualty words (killed, dead, people...) counted as one kind; low/high over every telling, the latest (of
the latest article; ties: the higher, as tolls rise) and the most cited. Counts as GDELT's: mentions (tellings),
articles (distinct documents), sources (distinct outlets).

Imports nothing of marsad.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, TypeVar

from .engine import Assignment
from .records import Cluster, ClusterEvent

T = TypeVar("T")
CASUALTY_KINDS = frozenset({"killed", "dead", "deaths", "people", "civilians", "fatalities", "casualties",
                            "victims", "bodies", "persons"})


def _best(values: Iterable[T | None], specificity: Callable[[T], int] = lambda v: 0) -> T | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -specificity(v), str(v)))


def _kind(kind: str) -> str:
    return "killed" if kind in CASUALTY_KINDS else kind


def summarize(a: Assignment) -> Cluster:
    m = a.members
    typ = _best(e.type for e in m)
    of_type = [e for e in m if e.type == typ] or list(m)
    cameo = _best((e.cameo for e in of_type), len)
    with_cameo = next((e for e in of_type if e.cameo == cameo), of_type[0])
    src = _best((e.source_codes[0] if e.source_codes else None for e in m), len)
    tgt = _best((e.target_codes[0] if e.target_codes else None for e in m), len)
    # the tellings' own places, else the one place their articles name, else their countries
    own = [e.location_entity for e in m if e.location_entity and not e.location_entity.startswith("country:")]
    named = [e.doc_place_at for e in m if e.doc_place_at is not None]
    if own:
        place = _best(own)
        e = next(e for e in m if e.location_entity == place)
        at = (e.location_name, e.location_country, e.location_lat, e.location_lon)
    elif named:
        place = _best(p.entity for p in named)
        p = next(p for p in named if p.entity == place)
        at = (p.name, p.country, p.lat, p.lon)
    else:
        place = _best(e.location_entity for e in m)
        e = next((e for e in m if e.location_entity == place), None)
        at = (e.location_name, e.location_country, e.location_lat, e.location_lon) if e else (None,) * 4
    kinds = [(_kind(k), v, e) for e in m for k, v in e.quantities]
    qkind = _best(k for k, _, _ in kinds)
    values = [(v, e) for k, v, e in kinds if k == qkind]
    latest = max(values, key=lambda ve: (ve[1].doc_date, ve[0]))[0] if values else None
    cited = _best(v for v, _ in values) if values else None
    if values:  # a tie in citations goes to the higher figure
        counts = Counter(v for v, _ in values)
        cited = max(counts, key=lambda v: (counts[v], v))
    dates = [e.doc_date for e in m]
    return Cluster(
        cluster_id=a.cluster_id, family=a.family, anchor=a.anchor,
        date=_best(e.day for e in m) or min(dates),
        type=typ, mode=with_cameo.mode, cameo=cameo, cameo_root=cameo[:2] if cameo else None,
        quad_class=with_cameo.quad_class, goldstein=with_cameo.goldstein,
        source_code=src, target_code=tgt,
        source_country=_country(src, m, "source"), target_country=_country(tgt, m, "target"),
        location_name=at[0], location_country=at[1], location_lat=at[2], location_lon=at[3],
        location_entity=place, quantity_kind=qkind,
        quantity_low=min(v for v, _ in values) if values else None,
        quantity_high=max(v for v, _ in values) if values else None,
        quantity_latest=latest, quantity_most_cited=cited,
        n_mentions=len(m), n_articles=len({e.doc_id for e in m}), n_sources=len({e.outlet for e in m}),
        first_seen=min(dates), last_seen=max(dates), event_ids=[e.event_id for e in m])


def _country(code: str | None, members: tuple[ClusterEvent, ...], side: str) -> str | None:
    """The country of the winning actor code, as its tellings recorded it."""
    if code is None:
        return None
    for e in members:
        codes = e.source_codes if side == "source" else e.target_codes
        countries = e.source_countries if side == "source" else e.target_countries
        if codes and codes[0] == code and len(countries) == 1:
            return next(iter(countries))
    return code[:3]
