"""Counts of events over time by type or by QuadClass, for the dashboard's charts (``GET /v1/counts``).

``counts(con, filters, by, group)`` counts the events ``Queries.events`` would list with the same ``EventFilter``
(so a bar's click-through -- the filters plus the bar's key and its period as ``since``/``until`` -- lists exactly
the events the bar counts), per period and per key: the PLOVER type (CAMEO-only statements and appeals, which have
no type, are counted in ``untyped`` instead) or the QuadClass (1-4). Periods are contiguous from the first to the
last dated event (a quiet period is a zero, not a gap squeezed out); ``by="auto"`` picks the period from the span
of dates: day up to 92 days, week up to 18 months, month up to 8 years, else year. Weeks start on Monday.

Each key has a ``side``: QuadClass 1-2 is cooperation, 3-4 conflict; a type is on the side of most of its events
here (the chart draws the conflict side below zero). ``count`` (``queries.COUNTS``): tellings (``mentions``) or
acts (``clusters``, keyed as ``queries._unit`` keys them for the analytics): an act told in two periods counts in
each, exactly as a bar's click-through lists it, so periods may add up to more than ``total``. Parameterised SQL
only. Imports: marsad.store.queries.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InputError
from .queries import EventFilter, _unit, _where

GROUPS = ("type", "quad_class")
PERIODS = ("auto", "day", "week", "month", "quarter", "year")
MAX_PERIODS = 1000


def _auto(first: dt.date, last: dt.date) -> str:
    days = (last - first).days
    return "day" if days <= 92 else "week" if days <= 550 else "month" if days <= 8 * 366 else "year"


def _start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def _next(day: dt.date, by: str) -> dt.date:
    if by in ("day", "week"):
        return day + dt.timedelta(days=1 if by == "day" else 7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    n = day.year * 12 + day.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)


def counts(con, filters: EventFilter | None = None, by: str = "auto", group: str = "quad_class",
           count: str = "mentions") -> dict[str, Any]:
    """``{"by", "group", "periods": [{"start", "end", "counts": {key: n}}], "keys": [{"key", "events", "side"}],
    "total", "undated", "untyped", "count"}``; ``end`` is the period's last day (inclusive, as ``until`` takes it).
    ``count="clusters"``: every number counts acts (``queries._unit``, as ``Queries.dyads``), an act once per
    period and key its selected tellings fall in; ``"mentions"``: tellings."""
    if by not in PERIODS:
        raise InputError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    if group not in GROUPS:
        raise InputError(f"group must be one of {', '.join(GROUPS)}, not {group!r}")
    unit, join = _unit(count)
    f = (filters or EventFilter()).validated()
    where, params = _where(f)
    n = f"count(DISTINCT {unit})"
    total, undated, untyped, first, last = con.execute(
        f"SELECT {n}, {n} FILTER (WHERE e.date IS NULL), {n} FILTER (WHERE e.type IS NULL), "
        f"min(e.date), max(e.date) FROM events e{join} WHERE {where}", params).fetchone()
    out: dict[str, Any] = {"by": by, "group": group, "count": count, "periods": [], "keys": [], "total": int(total),
                           "undated": int(undated), "untyped": int(untyped) if group == "type" else 0}
    if first is None:
        return out
    if by == "auto":
        by = _auto(first, last)
        out["by"] = by
    key = "e.type" if group == "type" else "e.quad_class"
    # periods are cut in SQL (date_trunc: weeks from Monday, as _start), so an act counts once in a period
    rows = con.execute(
        f"SELECT date_trunc('{by}', e.date)::DATE AS day, {key} AS k, {n} AS n FROM events e{join} WHERE {where} "
        f"AND e.date IS NOT NULL AND {key} IS NOT NULL GROUP BY ALL", params).fetchall()
    sides = dict(con.execute(
        f"SELECT {key}, avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END) FROM events e WHERE {where} "
        f"AND {key} IS NOT NULL GROUP BY ALL", params).fetchall())
    per: dict[dt.date, dict[str, int]] = {}
    for day, k, got in rows:
        per.setdefault(day, {})[str(k)] = got
    totals = {str(k): v for k, v in con.execute(
        f"SELECT {key}, {n} FROM events e{join} WHERE {where} AND e.date IS NOT NULL AND {key} IS NOT NULL "
        "GROUP BY ALL", params).fetchall()}
    day, stop = _start(first, by), _start(last, by)
    while day <= stop:
        if len(out["periods"]) >= MAX_PERIODS:
            raise InputError(f"{by} periods from {first} to {last} are more than {MAX_PERIODS}: choose a longer "
                             "period or a narrower date range")
        nxt = _next(day, by)
        out["periods"].append({"start": day.isoformat(), "end": (nxt - dt.timedelta(days=1)).isoformat(),
                               "counts": per.get(day, {})})
        day = nxt
    for k, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])):
        raw = int(k) if group == "quad_class" else k
        conflict = raw >= 3 if group == "quad_class" else (sides.get(raw) or 0.0) > 0.5
        out["keys"].append({"key": k, "events": n, "side": "conflict" if conflict else "cooperation"})
    return out
