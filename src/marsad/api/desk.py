"""The analyst's routes beside the event list: the filtered list as a file, and counts over time for the charts.

    GET /v1/events.parquet | /v1/events.csv   every event the list filters select (the filters of /v1/events),
                                              newest first, as the ``events_wide`` table of ``marsad export``
    GET /v1/counts                            acts (or tellings: count=mentions) per period by type or QuadClass,
                                              the same filters

Both take exactly the filters of ``GET /v1/events`` (``filters()`` builds the same ``EventFilter``), so a download
holds the events the list pages through, and a chart's bar, clicked, lists the events it counts. Included by
``app.create_app``; the store handle is ``request.app.state.database``. Imports: marsad.store, marsad.export.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..errors import InputError
from . import schemas

router = APIRouter()

MAX_DOWNLOAD = 1_000_000  # events in one file; more is an export's job (marsad export parquet)


def _q(text: str, **kw: Any) -> Any:
    return Query(description=text, **kw)


def filters(actor, dyad, type, quad_class, modality, since, until, place, q, undirected, background,
            min_confidence):
    """The ``EventFilter`` of the list's parameters, as ``GET /v1/events`` builds it."""
    from ..store.queries import EventFilter

    pair = None
    if dyad:
        parts = [p for p in dyad.split(",") if p]
        if len(parts) != 2:
            raise InputError(f"dyad {dyad!r} must be two actor codes separated by a comma, e.g. USA,JPN")
        pair = (parts[0], parts[1])
    return EventFilter(actor=actor, dyad=pair, undirected=undirected, type=type, quad_class=quad_class,
                       modality=modality, since=since, until=until, text=q, place=place, background=background,
                       min_confidence=min_confidence)


Actor = Annotated[str | None, _q("Actor code, its country, a code prefix or a name the KB knows (as /v1/events).")]
Dyad = Annotated[str | None, _q("SOURCE,TARGET, e.g. RUS,UKR (see undirected).")]
Type = Annotated[str | None, _q("PLOVER event type, e.g. ASSAULT, CONSULT.")]
Quad = Annotated[int | None, _q("QuadClass 1-4: 1 verbal cooperation ... 4 material conflict.")]
Modality = Annotated[str | None, _q("asserted, negated, intended, planned, hypothetical or reported.")]
Since = Annotated[dt.date | None, _q("First document date, YYYY-MM-DD, inclusive.")]
Until = Annotated[dt.date | None, _q("Last document date, YYYY-MM-DD, inclusive.")]
Place = Annotated[str | None, _q("Place or country, by name (Arabic or English) or ISO3 (as /v1/events).")]
Text = Annotated[str | None, _q("Text the evidence sentence contains (Arabic spelling folded, as /v1/events).")]
Undirected = Annotated[bool, _q("With dyad: both directions.")]
Background = Annotated[str, _q("Past acts recalled as context: exclude (default), include or only.")]
MinConf = Annotated[str | None, _q("Only events whose confidence is at least this number from 0 to 1.")]
Count = Annotated[Literal["clusters", "mentions"], _q(
    "What is counted: clusters (default: acts, one count per act however many articles told it, as marsad stats) "
    "or mentions (every telling).")]


@router.get("/v1/events.parquet", response_class=Response, responses={
    200: {"content": {"application/vnd.apache.parquet": {}}, "description": "The events_wide table, Parquet."},
    **schemas.ERRORS})
@router.get("/v1/events.csv", response_class=Response, responses={
    200: {"content": {"text/csv": {}}, "description": "The events_wide table, CSV (UTF-8, header)."},
    **schemas.ERRORS})
def download(request: Request, actor: Actor = None, dyad: Dyad = None, type: Type = None, quad_class: Quad = None,
             modality: Modality = None, since: Since = None, until: Until = None, place: Place = None,
             q: Text = None, undirected: Undirected = False, background: Background = "exclude",
             min_confidence: MinConf = None) -> Response:
    """Every event the filters select (the filters of GET /v1/events, all pages, newest first) as one file: the
    events_wide table of marsad export (every source and target with English and Arabic names, fatalities,
    injured, location, evidence, confidence, title, url; docs/exports.md). Parquet keeps lists as lists; CSV joins
    them with ';' and quotes text (cameo keeps its leading zero)."""
    from ..export.files import wide_batches, wide_bytes
    from ..store.queries import _where

    fmt = request.url.path.rsplit(".", 1)[-1]
    f = filters(actor, dyad, type, quad_class, modality, since, until, place, q, undirected, background,
                min_confidence).validated()
    where, params = _where(f)
    reader = request.app.state.database.reader()
    n = reader.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    if n > MAX_DOWNLOAD:
        raise InputError(f"{n:,} events match: a download holds at most {MAX_DOWNLOAD:,}; narrow the filters or "
                         "use marsad export parquet")
    body = wide_bytes(wide_batches(reader.con, where, params,
                                   order="coalesce(e.date, DATE '0001-01-01') DESC, e.event_id"), fmt)
    media = "application/vnd.apache.parquet" if fmt == "parquet" else "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="marsad-events.{fmt}"', "X-Marsad-Events": str(n)})


@router.get("/v1/counts", response_model=None, responses=schemas.ok(schemas.Counts))
def counts(request: Request,
           by: Annotated[str, _q("Period: auto (from the span of dates), day, week, month, quarter or year.")] = "auto",
           group: Annotated[str, _q("type (PLOVER type) or quad_class (1-4).")] = "quad_class",
           actor: Actor = None, dyad: Dyad = None, type: Type = None, quad_class: Quad = None,
           modality: Modality = None, since: Since = None, until: Until = None, place: Place = None,
           q: Text = None, undirected: Undirected = False, background: Background = "exclude",
           min_confidence: MinConf = None, count: Count = "clusters") -> dict[str, Any]:
    """Acts (count=clusters, the default) or tellings (count=mentions) per period and per type or QuadClass, over
    the events GET /v1/events lists with the same filters (an act once per period and key its tellings fall in):
    contiguous periods (start and end dates, inclusive, ready to pass as since and until), each key's side
    (cooperation or conflict), the total, and how many events have no date (undated) or no PLOVER type
    (untyped, CAMEO-only statements and appeals, left out of the type counts)."""
    from ..store.counts import counts as counter

    f = filters(actor, dyad, type, quad_class, modality, since, until, place, q, undirected, background,
                min_confidence)
    return counter(request.app.state.database.reader().con, f, by=by, group=group, count=count)
