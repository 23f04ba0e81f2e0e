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
        if pa and pb and pa.isdisjoint(pb):
            return True
    else:
        sa, sb = a.source_countries, b.source_countries
        if sa and sb and sa.isdisjoint(sb):
            return True
    pa_, pb_ = a.place, b.place
    return pa_ is not None and pb_ is not None and pa_ != pb_


def score(a: ClusterEvent, b: ClusterEvent) -> float:
    """The evidence that ``a`` and ``b`` tell one act (``VETO`` when they cannot). One pass: the veto tests of
    ``vetoed`` come first, in its order (this is called for every pair of a block's tellings)."""
    s = 0.0
    if a.type in SYMMETRIC:
        pa, pb = a.participants, b.participants
        if pa and pb:
            shared = len(pa & pb)
            if not shared:
                return VETO
            s += 1.0 + 0.5 * shared
    else:
        sa, sb = a.source_countries, b.source_countries
        if sa and sb:
            if sa.isdisjoint(sb):
                return VETO
            s += 1.0
            if not set(a.source_codes).isdisjoint(b.source_codes):
                s += 0.5
        ta, tb = a.target_countries, b.target_countries
        if ta and tb:
            s += -1.0 if ta.isdisjoint(tb) else 1.0
    pa_, pb_ = a.place, b.place
    if pa_ is not None and pb_ is not None:
        if pa_ != pb_:
            return VETO
        s += 1.5
    elif a.location_entity is not None and b.location_entity is not None:
        # one is a country (the other a place, or another country)
        s += 0.5 if a.location_country and a.location_country == b.location_country else -0.5
    if a.quantity_values and not a.quantity_values.isdisjoint(b.quantity_values):
        s += 1.0
    if not a.names.isdisjoint(b.names):
        s += 0.5
    if a.cameo and a.cameo == b.cameo:
        s += 0.25
    return s
