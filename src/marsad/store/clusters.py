"""The store's event clusters: read tellings out of ``events``, cluster them (``marsad.cluster``), keep the
``clusters`` and ``cluster_events`` tables.

``rebuild(con)`` clusters every telling again; ``update(con, doc_ids)`` re-clusters only the blocks the events of
those documents can change (``cluster.engine.affected_days``), which gives the same tables as a rebuild. Tellings are the
events that are not background (a recalled past act is not news); events of duplicate documents are tellings too
(a syndicated copy is one more mention, as in GDELT), so counts of acts never depend on deduplication.

Imports ``marsad.cluster``, ``marsad.errors`` and the store's ``schema``.
"""
from __future__ import annotations

import datetime as dt
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Sequence

import duckdb

from ..cluster import Cluster, ClusterEvent, cluster_events, summarize
from ..cluster.build import act_day, telling
from ..cluster.engine import affected_days, load_range
from ..cluster.records import family_of
from .schema import column_types, insert_columns

_TELLINGS = """
WITH ev AS (
    SELECT e.event_id, e.doc_id, coalesce(d.source, e.doc_id) AS outlet, e.date, e.time_value, e.time_relation,
           e.type, e.cameo, e.cameo_root, e.mode, e.modality, e.quad_class, e.goldstein, e.location_entity,
           e.location_name, e.location_country, e.location_lat, e.location_lon
    FROM events e JOIN documents d USING (doc_id)
    WHERE NOT e.background AND e.date IS NOT NULL {where}),
ac AS (
    SELECT a.event_id, list(struct_pack(role := a.role, position := a.position, code := a.code,
                                        country := a.country, entity_id := a.entity_id)) AS actors
    FROM event_actors a WHERE a.event_id IN (SELECT event_id FROM ev) GROUP BY a.event_id),
qu AS (
    SELECT u.event_id, list(struct_pack(kind := q.kind, value := q.value)) AS qs
    FROM (SELECT unnest(event_ids) AS event_id, kind, value FROM quantities
          WHERE doc_id IN (SELECT doc_id FROM ev)) q
    JOIN (SELECT event_id FROM ev) u USING (event_id)
    WHERE q.value IS NOT NULL GROUP BY u.event_id),
pl AS (
    SELECT doc_id, min(entity_id) AS place, min(name) AS place_name, min(country) AS place_country,
           min(lat) AS place_lat, min(lon) AS place_lon FROM entities
    WHERE kind = 'place' AND doc_id IN (SELECT doc_id FROM ev) GROUP BY doc_id HAVING count(DISTINCT entity_id) = 1)
SELECT ev.*, ac.actors, qu.qs, pl.place, pl.place_name, pl.place_country, pl.place_lat, pl.place_lon
FROM ev LEFT JOIN ac USING (event_id) LEFT JOIN qu USING (event_id) LEFT JOIN pl USING (doc_id)
"""


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """What one clustering run did: tellings read, clusters written (and removed), seconds."""

    tellings: int
    clusters: int
    removed: int
    seconds: float


def tellings(con: duckdb.DuckDBPyConnection, where: str = "", params: Sequence[object] = ()) -> list[ClusterEvent]:
    """The tellings of the store (``where``: an extra ``AND ...`` clause on ``events e``), as records."""
    return list(_tellings(con, where, params))


def _tellings(con: duckdb.DuckDBPyConnection, where: str = "", params: Sequence[object] = ()
              ) -> Iterator[ClusterEvent]:
    """``tellings``, made from ``READ_ROWS`` result rows at a time, so that the raw rows of a window (lists of
    actor structs and quantities) are never all in Python at once."""
    cur = con.execute(_TELLINGS.format(where=where), list(params))
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(READ_ROWS):
        for r in rows:
            yield telling(dict(zip(names, r)))


CHUNK_DAYS = 31  # a rebuild clusters a month of anchors at a time, so its memory does not grow with the store
READ_DOCS = 2_000  # an update reads the new tellings of this many documents at a time (an ingest's are many)
READ_ROWS = 2_000  # tellings are read this many result rows at a time
# an update cuts the affected anchor days into windows of at most CHUNK_DAYS days and about this many tellings (by
# article date; a single day is never cut), so a dense month is not held at once: the window's tellings are the
# Python objects clustering holds (10k real articles: a month of 10,400 tellings added ~60 MB at the end of ingest)
WINDOW_TELLINGS = 5_000


def rebuild(con: duckdb.DuckDBPyConnection) -> ClusterRun:
    """Cluster every telling again and replace both tables (one transaction), a month of days at a time."""
    t0 = time.perf_counter()
    removed = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    lo, hi = con.execute(
        "SELECT least(min(date), min(try_cast(time_value AS DATE)) FILTER (WHERE time_relation = 'on')), "
        "greatest(max(date), max(try_cast(time_value AS DATE)) FILTER (WHERE time_relation = 'on')) "
        "FROM events WHERE NOT background AND date IS NOT NULL").fetchone()
    read = written = 0
    with _transaction(con):
        con.execute("DELETE FROM cluster_events")
        con.execute("DELETE FROM clusters")
        day = lo
        while day is not None and day <= hi:
            end = min(hi, day + dt.timedelta(days=CHUNK_DAYS - 1))
            n, clusters = _window({None: (day, end)}, con)
            read += n
            _insert(con, clusters)
            written += len(clusters)
            day = end + dt.timedelta(days=1)
    return ClusterRun(read, written, int(removed), time.perf_counter() - t0)


def update(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> ClusterRun:
    """Re-cluster the blocks the events of ``doc_ids`` (just stored) can change; the same tables as ``rebuild``.
    The affected anchor days are taken a window at a time (``_chunks``: at most a month, ``CHUNK_DAYS``, and about
    ``WINDOW_TELLINGS`` tellings), so neither an ingest of many years nor a dense month is held at once; the new
    tellings are read ``READ_DOCS`` documents at a time to find those days, so their number (every document of an
    ingest) does not set the memory either. The whole update is one transaction (committing each window instead
    changed no peak at 10,000 real articles, and would leave a crash between windows with stale neighbours)."""
    return _update(con, doc_ids, "doc_id")


def _update(con: duckdb.DuckDBPyConnection, docs: Sequence, column: str) -> ClusterRun:
    """``update`` over the documents whose ``column`` (``doc_id``, or their number ``doc_no``) is in ``docs``."""
    t0 = time.perf_counter()
    if not len(docs):
        return ClusterRun(0, 0, 0, 0.0)
    affected: dict[str, set[dt.date]] = {}
    for i in range(0, len(docs), READ_DOCS):  # the new tellings a slice at a time: only their days are kept
        for family, days in affected_days(_dates(con, docs[i:i + READ_DOCS], column)).items():
            affected.setdefault(family, set()).update(days)
    chunk_of = _chunks(con, {d for days in affected.values() for d in days})
    by_chunk: dict[int, dict[str | None, tuple[dt.date, dt.date]]] = {}
    for family, days in affected.items():
        for d in days:
            spans = by_chunk.setdefault(chunk_of[d], {})
            lo, hi = spans.get(family, (d, d))
            spans[family] = (min(lo, d), max(hi, d))
    read = written = removed = 0
    with _transaction(con):
        for chunk in sorted(by_chunk):
            spans = by_chunk[chunk]
            removed += _delete(con, spans)
            n, clusters = _window(spans, con)
            _insert(con, clusters)
            read, written = read + n, written + len(clusters)
    return ClusterRun(read, written, int(removed), time.perf_counter() - t0)


# the clusters anchored in a window's spans: (family, lo, hi) rows given as three list parameters
_IN_SPANS = ("SELECT c.cluster_id FROM clusters c JOIN (SELECT unnest(?::VARCHAR[]) AS family, "
             "unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi) s "
             "ON c.family = s.family AND c.anchor BETWEEN s.lo AND s.hi")


def _delete(con: duckdb.DuckDBPyConnection, spans: dict[str | None, tuple[dt.date, dt.date]]) -> int:
    """Remove the clusters anchored in each family's span (and their members' rows): one statement per table for
    all the families of a window (a statement per family cost ~2 ms each, ~300 of them at 10,000 articles).
    Returns how many clusters were removed."""
    params = [list(spans), [lo for lo, _ in spans.values()], [hi for _, hi in spans.values()]]
    con.execute(f"DELETE FROM cluster_events WHERE cluster_id IN ({_IN_SPANS})", params)
    return int(con.execute(f"DELETE FROM clusters WHERE cluster_id IN ({_IN_SPANS})", params).fetchone()[0])


def _chunks(con: duckdb.DuckDBPyConnection, days: set[dt.date]) -> dict[dt.date, int]:
    """Each affected anchor day's window: consecutive runs of the sorted days, a new one when the run would span
    more than ``CHUNK_DAYS`` days or count more than ``WINDOW_TELLINGS`` tellings dated on its days. Only memory
    depends on the cut: each window re-clusters exactly its anchor days from every telling they need."""
    if not days:
        return {}
    counts = dict(con.execute("SELECT date, count(*) FROM events WHERE NOT background AND date BETWEEN ? AND ? "
                              "GROUP BY date", [min(days), max(days)]).fetchall())
    out: dict[dt.date, int] = {}
    chunk, first, total = 0, None, 0
    for d in sorted(days):
        n = counts.get(d, 0)
        if first is not None and ((d - first).days >= CHUNK_DAYS or total + n > WINDOW_TELLINGS):
            chunk, first, total = chunk + 1, None, 0
        if first is None:
            first = d
        total += n
        out[d] = chunk
    return out


class _Dates(NamedTuple):
    """What ``affected_days`` reads of a telling (its family, own day and article date), without the rest."""

    family: str
    day: dt.date | None
    doc_date: dt.date


def _dates(con: duckdb.DuckDBPyConnection, docs: Sequence, column: str = "doc_id") -> list[_Dates]:
    """The distinct (family, day, article date) of the tellings of ``docs`` (values of the events' ``column``:
    ``doc_id``, or ``doc_no`` given as integers), from six event columns without the
    joins of ``_TELLINGS``: whole tellings, 2,000 documents' at a time, were the peak of clustering event-dense
    text (4,000 generated articles, 19 tellings each, clustered from scratch: peak RSS 450 -> 289 MB)."""
    rows = con.execute("SELECT DISTINCT type, cameo_root, modality, time_value, time_relation, date FROM events "
                       f"WHERE NOT background AND date IS NOT NULL AND {column} IN "
                       f"(SELECT unnest(?::{_KEY_TYPES[column]}[]))",
                       [docs.tolist() if hasattr(docs, "tolist") else list(docs)]).fetchall()
    return list({_Dates(family_of(t, root, mod), act_day(value, rel), day)
                 for t, root, mod, value, rel, day in rows})


def _window(spans: dict[str | None, tuple[dt.date, dt.date]], con: duckdb.DuckDBPyConnection
            ) -> tuple[int, list[Cluster]]:
    """The clusters anchored in each family's span (``None``: every family), from one read of the tellings they
    need (``cluster.engine.load_range``). Returns (tellings read, clusters)."""
    ranges = {fam: load_range(lo, hi) for fam, (lo, hi) in spans.items()}
    d_lo = min(r[0][0] for r in ranges.values())
    d_hi = max(r[0][1] for r in ranges.values())
    u_lo = min(r[1][0] for r in ranges.values())
    u_hi = max(r[1][1] for r in ranges.values())
    read = _tellings(con, "AND ((e.date BETWEEN ? AND ?) OR (e.time_relation = 'on' AND e.time_value >= ? AND "
                          "e.time_value <= ?))", [u_lo, u_hi, d_lo.isoformat(), d_hi.isoformat()])
    every = ranges.get(None)
    events = []
    for e in read:  # streamed: a telling outside every span is never kept
        r = every or ranges.get(e.family)
        if r is not None and ((e.day is not None and r[0][0] <= e.day <= r[0][1])
                              or (e.day is None and r[1][0] <= e.doc_date <= r[1][1])):
            events.append(e)
    out = []
    for a in cluster_events(events):
        lo, hi = spans[None] if None in spans else spans[a.family]
        if lo <= a.anchor <= hi:
            out.append(summarize(a))
    return len(events), out


_KEY_TYPES = {"doc_id": "VARCHAR", "doc_no": "BIGINT"}


def update_pending(con: duckdb.DuckDBPyConnection) -> ClusterRun:
    """Cluster every telling not yet in ``cluster_events`` (what the last ingest stored, or what a crashed one left
    behind): ``update`` over their documents, named by number (``events.doc_no``) in one numpy array, 8 bytes a
    document: their ids as Python strings took ~80 bytes each, every document of the ingest at once (~8 MB at
    100,000 articles, ~80 MB at a million)."""
    nos = con.execute("SELECT DISTINCT e.doc_no FROM events e ANTI JOIN cluster_events c USING (event_id) "
                      "WHERE NOT e.background AND e.date IS NOT NULL ORDER BY 1").fetchnumpy()["doc_no"]
    return _update(con, nos, "doc_no")


_COLUMNS = [f for f in Cluster.__dataclass_fields__ if f != "event_ids"]


def _insert(con: duckdb.DuckDBPyConnection, clusters: list[Cluster]) -> None:
    if not clusters:
        return
    insert_columns(con, "clusters", {c: [getattr(k, c) for k in clusters] for c in _COLUMNS},
                   column_types(con, "clusters"))
    con.execute("INSERT INTO cluster_events SELECT l.event_id, l.cluster_id, e.doc_id FROM "
                "(SELECT unnest(?::VARCHAR[]) AS event_id, unnest(?::VARCHAR[]) AS cluster_id) l "
                "JOIN events e USING (event_id)",
                [[e for k in clusters for e in k.event_ids], [k.cluster_id for k in clusters for _ in k.event_ids]])


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction around the block, committed when it ends and rolled back when it raises; inside a caller's
    open transaction, that one covers the writes instead."""
    own = _begin(con)
    try:
        yield
    except BaseException:
        if own:
            con.execute("ROLLBACK")
        raise
    if own:
        con.execute("COMMIT")


def _begin(con: duckdb.DuckDBPyConnection) -> bool:
    """Open a transaction unless one is open already (then the caller's commit covers these writes)."""
    try:
        con.execute("BEGIN TRANSACTION")
        return True
    except duckdb.TransactionException:
        return False
