"""Read the event clusters: a filtered, paged list of acts, and one act with its tellings (``/v1/clusters``).

The list takes the filters of the event list (an ``EventFilter``, ``store.queries._where``: the same SQL) and
gives the acts with at least one telling they select, so the dashboard's two modes (acts, every telling) and the
analytics' ``count="clusters"`` agree; then ``min_mentions``. Newest acts first, then the most told. Bound
parameters only, never SQL text from a request. Imports marsad.errors, marsad.store.queries.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from ..errors import InputError
from .queries import EventFilter, _where

_QUANTITY = ("quantity_kind", "quantity_low", "quantity_high", "quantity_latest", "quantity_most_cited")


def _shape(row: dict[str, Any]) -> dict[str, Any]:
    for k in ("date", "anchor", "first_seen", "last_seen"):
        if isinstance(row.get(k), dt.date):
            row[k] = row[k].isoformat()
    q = {k.removeprefix("quantity_"): row.pop(k) for k in _QUANTITY}
    row["quantity"] = q if q["kind"] is not None else None
    row["id"] = row.pop("cluster_id")
    return row


# One row per act: a cluster, or an event not clustered yet (an act of its own, as analytics count it).
_ACT_COLS = ("date, type, cameo, quad_class, goldstein, source_code, target_code, location_name, location_country, "
             "location_entity, quantity_kind, quantity_low, quantity_high, quantity_latest, quantity_most_cited, n_mentions, "
             "n_articles, n_sources, first_seen, last_seen")
_ACTS = (
    "WITH sel AS (SELECT coalesce(ce.cluster_id, e.event_id) AS act, ce.cluster_id IS NOT NULL AS clustered, "
    "count(*) AS matched FROM events e LEFT JOIN cluster_events ce ON ce.event_id = e.event_id WHERE {where} "
    "GROUP BY ALL), "
    "acts AS (SELECT s.act AS cluster_id, s.clustered, s.matched, " + ", ".join(f"c.{c}" for c in _ACT_COLS.split(", "))
    + " FROM sel s JOIN clusters c ON c.cluster_id = s.act WHERE s.clustered "
    "UNION ALL SELECT s.act, s.clustered, s.matched, e.date, e.type, e.cameo, e.quad_class, e.goldstein, "
    "e.source_code, e.target_code, e.location_name, e.location_country, e.location_entity, NULL, NULL, NULL, NULL, "
    "NULL, 1, 1, "
    "CASE WHEN d.source IS NULL THEN 0 ELSE 1 END, d.date, d.date "
    "FROM sel s JOIN events e ON e.event_id = s.act JOIN documents d ON d.doc_id = e.doc_id WHERE NOT s.clustered) ")


def list_clusters(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None, *, min_mentions: int = 1,
                  limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """``{"items": [...], "total": n, "tellings": m}``: the acts with at least one telling ``filters`` selects
    (the ``EventFilter`` of ``Queries.events``: canonical, not background, unless asked), ``limit`` from
    ``offset``, newest act first. An event not clustered yet is an act of its own (``clustered`` false, its id the
    event's), as ``count="clusters"`` counts it in analytics; ``matched`` is how many of an act's tellings the
    filters select (``n_mentions`` counts them all), ``tellings`` the sum of ``matched``."""
    if not 1 <= limit <= 1000:
        raise InputError(f"limit must be between 1 and 1000, not {limit}")
    if offset < 0 or min_mentions < 1:
        raise InputError("offset must be at least 0 and min_mentions at least 1")
    where, params = _where((filters or EventFilter()).validated())
    head = _ACTS.format(where=where)
    total, told = con.execute(head + "SELECT count(*), coalesce(sum(matched), 0) FROM acts WHERE n_mentions >= ?",
                              params + [min_mentions]).fetchone()
    cur = con.execute(head + "SELECT * FROM acts WHERE n_mentions >= ? "
                      "ORDER BY date DESC NULLS LAST, n_mentions DESC, cluster_id LIMIT ? OFFSET ?",
                      params + [min_mentions, limit, offset])
    names = [d[0] for d in cur.description]
    return {"items": [_shape(dict(zip(names, r))) for r in cur.fetchall()], "total": int(total),
            "tellings": int(told)}


def get_cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any] | None:
    """One act with every telling (event, article, outlet, what it says), oldest article first; None if unknown."""
    cur = con.execute("SELECT * FROM clusters WHERE cluster_id = ?", [cluster_id])
    row = cur.fetchone()
    if row is None:
        return None
    out = _shape(dict(zip([d[0] for d in cur.description], row)))
    cur = con.execute(
        "SELECT e.event_id AS id, e.doc_id, d.date, d.lang, d.source, d.title, d.url, e.type, e.cameo, "
        "e.modality, e.source_code, e.target_code, e.location_name, e.time_text, e.time_value, e.evidence_text, "
        "e.canonical, (SELECT list(struct_pack(kind := q.kind, value := q.value) ORDER BY q.start) FROM quantities q "
        "  WHERE q.doc_id = e.doc_id AND list_contains(q.event_ids, e.event_id)) AS quantities "
        "FROM cluster_events ce JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE ce.cluster_id = ? ORDER BY d.date, e.event_id", [cluster_id])
    names = [d[0] for d in cur.description]
    tellings = []
    for r in cur.fetchall():
        t = dict(zip(names, r))
        t["date"] = t["date"].isoformat() if t["date"] else None
        t["quantities"] = t["quantities"] or []
        tellings.append(t)
    out["tellings"] = tellings
    return out
