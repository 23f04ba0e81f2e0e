"""One ``ClusterEvent`` from the stored rows of one event: the only place that decides what a telling carries, used
by the DuckDB store (``marsad.store.clusters``) and the Spark job (``marsad.scale.cluster``) alike, so both cluster
the same records.

``telling(row)`` takes a mapping with the event's columns (``event_id, doc_id, date, time_value, time_relation,
type, cameo, cameo_root, mode, modality, quad_class, goldstein, location_*``), ``outlet`` (the document's source,
or its doc_id), ``actors`` (the event's ``event_actors`` rows: role, position, code, country, entity_id),
``qs`` (kind and value of the quantities citing it) and ``place`` (the one place entity its document names, if
just one) with ``place_name``, ``place_country``, ``place_lat``, ``place_lon``. Imports nothing of marsad.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from .records import ClusterEvent, Place, family_of

NAME_PREFIXES = ("person:", "org")  # entity ids of named persons and organizations (shared names are evidence)


def act_day(value: str | None, relation: str | None) -> dt.date | None:
    """The act's own day: a full date the article gives with relation ``on``; else None (undated)."""
    if relation != "on" or not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _codes(actors: Iterable[Mapping[str, Any]], role: str) -> tuple[str, ...]:
    rows = sorted((a for a in actors if a["role"] == role and a["code"] is not None),
                  key=lambda a: (a["position"] is None, a["position"] or 0, a["code"]))
    return tuple(a["code"] for a in rows)


def telling(row: Mapping[str, Any]) -> ClusterEvent:
    actors = list(row.get("actors") or ())
    qs = sorted((q["kind"] or "", float(q["value"])) for q in (row.get("qs") or ()) if q["value"] is not None)
    return ClusterEvent(
        event_id=row["event_id"], doc_id=row["doc_id"], outlet=row["outlet"] or row["doc_id"],
        doc_date=row["date"], day=act_day(row["time_value"], row["time_relation"]), type=row["type"],
        family=family_of(row["type"], row["cameo_root"], row["modality"]), cameo=row["cameo"], mode=row["mode"],
        quad_class=row["quad_class"], goldstein=row["goldstein"],
        source_codes=_codes(actors, "source"), target_codes=_codes(actors, "target"),
        source_countries=frozenset(a["country"] for a in actors if a["role"] == "source" and a["country"]),
        target_countries=frozenset(a["country"] for a in actors if a["role"] == "target" and a["country"]),
        location_entity=row["location_entity"], location_name=row["location_name"],
        location_country=row["location_country"], location_lat=row["location_lat"],
        location_lon=row["location_lon"], quantities=tuple(qs),
        names=frozenset(a["entity_id"] for a in actors if a["entity_id"] and a["entity_id"].startswith(NAME_PREFIXES)),
        doc_place=row.get("place"),
        doc_place_at=Place(row["place"], row.get("place_name"), row.get("place_country"), row.get("place_lat"),
                           row.get("place_lon")) if row.get("place") else None)
