"""Group tellings into acts, block by block: deterministic, order-independent, incremental.

Blocks. A telling that names its day (``ClusterEvent.day``) is compared only with the tellings of the same family
(type, and modality when the act did not take place) and the same day: an air strike on Tuesday and one on
Wednesday are two acts, whatever else they share. A telling without a day (its act happened on its article's date
or the day before) joins the best fitting cluster of those two days, compared with their dated tellings only;
left over, it is grouped with the other undated tellings of its family and article date.

Within a block the tellings are taken in the order of their event ids (content hashes, so the order of ingest
never matters) and each joins the open cluster it fits best (no veto with any member, mean score at least
``match.THRESHOLD``), or opens one. Candidate clusters come from an index by country (a cluster whose members
share no country with the telling cannot take it), so a block of n tellings costs far less than n^2 scores.

Incremental runs (``affected_range``): a new telling dated d can change the clusters anchored on d-1..d+1 (an
undated telling can move between neighbouring days); those are rebuilt from the tellings of d-2..d+2, which gives
exactly the clusters a full run gives. A cluster's id is its smallest member event id.

Imports nothing of marsad.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .match import THRESHOLD, VETO, score
from .records import SYMMETRIC, ClusterEvent

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Assignment:
    """One cluster: its id (smallest member event id), family, anchor day and members in event id order."""

    cluster_id: str
    family: str
    anchor: dt.date
    members: tuple[ClusterEvent, ...]


class _Open:
    """A cluster being formed: its dated members (``core``) and every member."""

    __slots__ = ("core", "members")

    def __init__(self, first: ClusterEvent) -> None:
        self.core = [first] if first.day is not None else []
        self.members = [first]

    def fit(self, e: ClusterEvent, core_only: bool) -> float:
        others = self.core if core_only else self.members
        if not others:
            return float("-inf")
        total = 0.0
        for o in others:
            s = score(o, e)  # VETO (-inf) exactly when vetoed(o, e)
            if s == VETO:
                return VETO
            total += s
        return total / len(others)

    def add(self, e: ClusterEvent) -> None:
        self.members.append(e)
        if e.day is not None:
            self.core.append(e)


def _keys(e: ClusterEvent) -> frozenset[str]:
    return e.participants if e.type in SYMMETRIC else e.source_countries


def _greedy(events: list[ClusterEvent]) -> list[_Open]:
    """Cluster one block; ``events`` sorted by event id."""
    groups: list[_Open] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    keyless: list[int] = []  # groups holding a member with no country: any telling may fit them
    for e in events:
        keys = _keys(e)
        if keys:
            cand = set(keyless)
            for k in keys:
                cand.update(by_key.get(k, ()))
            order = sorted(cand)
        else:
            order = range(len(groups))
        best, best_s = -1, THRESHOLD - 1e-9
        for i in order:
            s = groups[i].fit(e, core_only=False)
            if s > best_s:  # strict: the first (oldest) group wins a tie
                best, best_s = i, s
        if best < 0:
            groups.append(_Open(e))
            best = len(groups) - 1
        else:
            groups[best].add(e)
        if keys:
            for k in keys:
                lst = by_key[k]
                if not lst or lst[-1] != best:
                    if best not in lst:
                        lst.append(best)
        elif not keyless or best not in keyless:
            keyless.append(best)
    return groups


def cluster_events(events: Iterable[ClusterEvent]) -> list[Assignment]:
    """Every telling in exactly one cluster; the result depends on the set of tellings only."""
    dated: dict[tuple[str, dt.date], list[ClusterEvent]] = defaultdict(list)
    undated: dict[tuple[str, dt.date], list[ClusterEvent]] = defaultdict(list)
    for e in events:
        (dated[(e.family, e.day)] if e.day is not None else undated[(e.family, e.doc_date)]).append(e)
    blocks: dict[tuple[str, dt.date], list[_Open]] = {}
    for key, evs in dated.items():
        evs.sort(key=lambda e: e.event_id)
        blocks[key] = _greedy(evs)
    leftover: dict[tuple[str, dt.date], list[ClusterEvent]] = defaultdict(list)
    attach: list[tuple[_Open, ClusterEvent]] = []
    for (fam, d), evs in undated.items():
        for e in evs:
            best: tuple[float, int] | None = None
            target: _Open | None = None
            for rank, day in enumerate((d, d - ONE_DAY)):  # a tie goes to the article's own date
                for g in blocks.get((fam, day), ()):
                    s = g.fit(e, core_only=True)
                    if s >= THRESHOLD and (best is None or (s, -rank) > best):
                        best, target = (s, -rank), g
            if target is None:
                leftover[(fam, d)].append(e)
            else:
                attach.append((target, e))
    for g, e in attach:  # after every choice: an undated telling is compared with dated ones only
        g.add(e)
    for key, evs in leftover.items():
        evs.sort(key=lambda e: e.event_id)
        blocks.setdefault(key, []).extend(_greedy(evs))  # a block may hold dated and leftover clusters
    out: list[Assignment] = []
    for (fam, day), groups in blocks.items():
        for g in groups:
            members = tuple(sorted(g.members, key=lambda e: e.event_id))
            out.append(Assignment(members[0].event_id, fam, day, members))
    out.sort(key=lambda a: a.cluster_id)
    return out


def affected_days(events: Iterable[ClusterEvent]) -> dict[str, set[dt.date]]:
    """Per family, the anchor days whose clusters new tellings can change: a dated telling's day +-1, an undated
    one's article date -2..+1 (``affected_range`` is their span)."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for e in events:
        lo, hi = (e.day, e.day) if e.day is not None else (e.doc_date - ONE_DAY, e.doc_date)
        d = lo - ONE_DAY
        while d <= hi + ONE_DAY:
            days[e.family].add(d)
            d += ONE_DAY
    return dict(days)


def affected_range(events: Iterable[ClusterEvent]) -> dict[str, tuple[dt.date, dt.date]]:
    """Per family, the anchor days whose clusters new tellings can change: (lo, hi) inclusive. Rebuild them from
    the tellings of ``load_range(lo, hi)`` and replace the stored clusters anchored in lo..hi."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for e in events:
        lo, hi = (e.day, e.day) if e.day is not None else (e.doc_date - ONE_DAY, e.doc_date)
        lo, hi = lo - ONE_DAY, hi + ONE_DAY
        old = spans.get(e.family)
        spans[e.family] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    return spans


def load_range(lo: dt.date, hi: dt.date) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """The tellings needed to rebuild the clusters anchored in lo..hi exactly: dated ones whose day is in the
    first range, undated ones whose article date is in the second."""
    return (lo - ONE_DAY, hi + ONE_DAY), (lo - ONE_DAY, hi + 2 * ONE_DAY)
