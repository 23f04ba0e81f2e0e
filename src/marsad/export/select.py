"""Which events an export writes: ``Selection(since, until, actor, types)`` -> one SQL condition on ``events e``.

Every exporter (GDELT, PLOVER, Parquet, CSV) takes the same selection, so ``marsad export ... --since --until
--actor --type`` means the same thing in every format. ``actor`` matches as on ``marsad events`` and the API: an
actor code, a code prefix or a country (``SDN``, ``SDNREB``, ``SDNREBRSF``), as source or target, or a person's
entity id (the CLI turns a name the KB knows into one of these first: ``store.queries.resolve_actor``).
Values are always bound parameters, never pasted into the SQL.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class Selection:
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise InputError(f"--since {self.since} is after --until {self.until}: nothing can match")
        if self.actor is not None and not self.actor.startswith("person:") and \
                not (self.actor.replace("-", "").isalpha() and 3 <= len(self.actor) <= 15):
            raise InputError(f"actor {self.actor!r} is not an actor code, prefix or country (3-15 letters)")

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.actor or self.types)

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """``(condition, params)`` on the events table aliased ``alias``; ``TRUE`` when nothing is selected."""
        cond, params = [], []
        if self.since:
            cond.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            cond.append(f"{alias}.date <= ?")
            params.append(self.until)
        if self.types:
            cond.append(f"{alias}.type IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.types))
        if self.actor:
            cond.append(f"EXISTS (SELECT 1 FROM event_actors sel_a WHERE sel_a.event_id = {alias}.event_id "
                        "AND (starts_with(sel_a.code, ?) OR sel_a.country = ? OR sel_a.entity_id = ?))")
            params += [self.actor.upper(), self.actor.upper(), self.actor]
        return (" AND ".join(cond) or "TRUE"), params


EVERYTHING = Selection()
