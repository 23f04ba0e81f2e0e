"""The acts (event clusters, issue 23): one row per act however many articles told it, its tellings one click away.

    GET /v1/clusters                 acts with a telling the filters of /v1/events select, newest first;
                                     min_mentions, limit, offset
    GET /v1/clusters/{cluster_id}    one act with every telling (event, article, outlet, what it says)

Included by ``app.create_app``; the store handle is ``request.app.state.database``. Imports: marsad.store.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import desk, schemas

router = APIRouter()


class ClusterItem(schemas._Open):
    id: str = Field(description="The act's id: its smallest member event id.")
    clustered: bool = Field(True, description="False for an event not clustered yet: an act of its own, its id "
                                              "the event's (GET /v1/events/{id}).")
    matched: int | None = Field(None, description="In a list: how many of its tellings the filters select.")
    date: str | None
    type: str | None
    cameo: str | None
    source_code: str | None
    target_code: str | None
    source_name: str | None = Field(None, description="The source code's name in English (the KB's).")
    source_name_ar: str | None = None
    target_name: str | None = None
    target_name_ar: str | None = None
    location_name: str | None
    location_name_ar: str | None = Field(None, description="The place's Arabic name (the KB's), if any.")
    n_mentions: int = Field(description="Tellings (GDELT NumMentions).")
    n_articles: int = Field(description="Distinct articles (GDELT NumArticles).")
    n_sources: int = Field(description="Distinct outlets (GDELT NumSources).")
    first_seen: str | None
    last_seen: str | None
    quantity: dict[str, Any] | None = Field(description="kind, low, high, latest and most_cited of its number.")


class ClustersPage(schemas._Open):
    items: list[ClusterItem]
    total: int
    tellings: int = Field(description="The tellings the filters select, over every act of the list.")


class ClusterTelling(schemas._Open):
    id: str
    doc_id: str
    date: str | None
    source: str | None
    evidence_text: str | None


class ClusterDetail(ClusterItem):
    tellings: list[ClusterTelling]


def _name_codes(act: dict[str, Any]) -> dict[str, Any]:
    """``source_name``/``source_name_ar`` and ``target_name``/``target_name_ar`` beside the act's codes (the KB's
    names, ``marsad.kb.codes``; null for no code), and ``location_name_ar`` (null when the KB has none)."""
    from ..kb.codes import entity_name_ar, names

    for role in ("source", "target"):
        code = act.get(f"{role}_code")
        act[f"{role}_name"], act[f"{role}_name_ar"] = names(code) if code else (None, None)
    act["location_name_ar"] = entity_name_ar(act.get("location_entity"))
    return act


def _q(text: str, **kw: Any) -> Any:
    return Query(description=text, **kw)


@router.get("/v1/clusters", response_model=None, responses=schemas.ok(ClustersPage))
def clusters(request: Request, actor: desk.Actor = None, dyad: desk.Dyad = None, type: desk.Type = None,
             quad_class: desk.Quad = None, modality: desk.Modality = None, since: desk.Since = None,
             until: desk.Until = None, place: desk.Place = None, q: desk.Text = None,
             undirected: desk.Undirected = False, background: desk.Background = "exclude",
             min_confidence: desk.MinConf = None,
             min_mentions: int = _q("Only acts told at least this many times.", default=1, ge=1),
             limit: int = _q("At most this many acts (1-1000).", default=50, ge=1, le=1000),
             offset: int = _q("Skip this many acts.", default=0, ge=0)) -> dict[str, Any]:
    """Acts (event clusters) with at least one telling the filters select (the filters of GET /v1/events, on the
    tellings), newest first: best-supported type, actors, place and day, the range of their number, how many
    tellings, articles and outlets told them (n_mentions), and how many of those tellings the filters select
    (matched; tellings: their sum over all pages). An event not clustered yet is an act of its own (clustered
    false, its id the event's)."""
    from ..store.cluster_queries import list_clusters

    f = desk.filters(actor, dyad, type, quad_class, modality, since, until, place, q, undirected, background,
                     min_confidence)
    reader = request.app.state.database.reader()
    page = list_clusters(reader.con, f, min_mentions=min_mentions, limit=limit, offset=offset)
    for item in page["items"]:
        _name_codes(item)
    return page


@router.get("/v1/clusters/{cluster_id}", response_model=None, responses=schemas.ok(ClusterDetail))
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    """One act with every telling of it."""
    from ..store.cluster_queries import get_cluster

    got = get_cluster(request.app.state.database.reader().con, cluster_id)
    if got is None:
        raise StarletteHTTPException(404, f"no cluster {cluster_id!r}")
    return _name_codes(got)
