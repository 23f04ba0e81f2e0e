"""Do two tellings tell the same act? A veto for what cannot be one act, else a score from what agrees.

Vetoes (never one act): both name their source's country and the countries differ (for a symmetric type such as
CONSULT: the participants, sources and targets together, share no country); both name a place narrower than a
country and the places differ. Agreements add to the score: sources (+1, +0.5 more for the same actor code),
targets (+1; -1 when both are known and disjoint), the same place (+1.5) or a country that holds the other's place
(+0.5; -0.5 when it does not), a shared number (+1), a shared person or organization (+0.5), the same CAMEO code
(+0.25). Two tellings in the same block (family and day) are one act when the score reaches ``THRESHOLD``.

The coder's own errors shaped what is a veto and what only a penalty: a target or a country-level location is
sometimes read off a demonym ("غارة إسرائيلية" gives location Israel), so they weigh, they do not forbid.

Imports nothing of marsad.
"""
from __future__ import annotations

from .records import SYMMETRIC, ClusterEvent

THRESHOLD = 1.0
VETO = float("-inf")


def vetoed(a: ClusterEvent, b: ClusterEvent) -> bool:
    if a.type in SYMMETRIC:
        pa, pb = a.participants, b.participants
        if pa and pb and not (pa & pb):
            return True
    elif a.source_countries and b.source_countries and not (a.source_countries & b.source_countries):
        return True
    pa_, pb_ = a.place, b.place
    return pa_ is not None and pb_ is not None and pa_ != pb_


def score(a: ClusterEvent, b: ClusterEvent) -> float:
    """The evidence that ``a`` and ``b`` tell one act (``VETO`` when they cannot)."""
    if vetoed(a, b):
        return VETO
    s = 0.0
    if a.type in SYMMETRIC:
        if a.participants and b.participants:
            s += 1.0 + 0.5 * len(a.participants & b.participants)
    else:
        if a.source_countries & b.source_countries:
            s += 1.0
            if set(a.source_codes) & set(b.source_codes):
                s += 0.5
        if a.target_countries and b.target_countries:
            s += 1.0 if a.target_countries & b.target_countries else -1.0
    s += _place(a, b)
    if a.quantities and b.quantities and {v for _, v in a.quantities} & {v for _, v in b.quantities}:
        s += 1.0
    if a.names & b.names:
        s += 0.5
    if a.cameo and a.cameo == b.cameo:
        s += 0.25
    return s


def _place(a: ClusterEvent, b: ClusterEvent) -> float:
    if a.place is not None and a.place == b.place:
        return 1.5
    if a.location_entity is None or b.location_entity is None:
        return 0.0
    # one is a country (the other a place, or another country)
    return 0.5 if a.location_country and a.location_country == b.location_country else -0.5
