"""Read the event clusters: a filtered, paged list of acts, and one act with its tellings (``/v1/clusters``).

Filters are bound parameters, never SQL text: ``since``/``until`` on the act's date, ``type`` (PLOVER), ``actor``
(a code, code prefix or country of its best-supported source or target), ``min_mentions``. Newest acts first,
then the most told. Imports marsad.errors.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from ..errors import InputError

_QUANTITY = ("quantity_kind", "quantity_low", "quantity_high", "quantity_latest", "quantity_most_cited")


def _shape(row: dict[str, Any]) -> dict[str, Any]:
    for k in ("date", "anchor", "first_seen", "last_seen"):
        if isinstance(row.get(k), dt.date):
            row[k] = row[k].isoformat()
    q = {k.removeprefix("quantity_"): row.pop(k) for k in _QUANTITY}
    row["quantity"] = q if q["kind"] is not None else None
    row["id"] = row.pop("cluster_id")
    return row


def list_clusters(con: duckdb.DuckDBPyConnection, *, since: dt.date | None = None, until: dt.date | None = None,
                  type: str | None = None, actor: str | None = None, min_mentions: int = 1, limit: int = 50,
                  offset: int = 0) -> dict[str, Any]:
    """``{"items": [...], "total": n}``: the acts matching the filters, ``limit`` from ``offset``."""
    if not 1 <= limit <= 1000:
        raise InputError(f"limit must be between 1 and 1000, not {limit}")
    if offset < 0 or min_mentions < 1:
        raise InputError("offset must be at least 0 and min_mentions at least 1")
    cond, params = ["n_mentions >= ?"], [min_mentions]
    if since:
        cond.append("date >= ?")
        params.append(since)
    if until:
        cond.append("date <= ?")
        params.append(until)
    if type:
        cond.append("type = ?")
        params.append(type.upper())
    if actor:
        code = actor.upper()
        cond.append("(starts_with(source_code, ?) OR starts_with(target_code, ?) OR source_country = ? OR "
                    "target_country = ?)")
        params += [code] * 4
    where = " AND ".join(cond)
    total = con.execute(f"SELECT count(*) FROM clusters WHERE {where}", params).fetchone()[0]
    cur = con.execute(f"SELECT * EXCLUDE (family, anchor) FROM clusters WHERE {where} "
                      "ORDER BY date DESC NULLS LAST, n_mentions DESC, cluster_id LIMIT ? OFFSET ?",
                      params + [limit, offset])
    names = [d[0] for d in cur.description]
    return {"items": [_shape(dict(zip(names, r))) for r in cur.fetchall()], "total": int(total)}


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
