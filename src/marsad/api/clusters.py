"""The acts (event clusters, issue 23): one row per act however many articles told it, its tellings one click away.

    GET /v1/clusters                 acts, newest first: since, until, type, actor, min_mentions, limit, offset
    GET /v1/clusters/{cluster_id}    one act with every telling (event, article, outlet, what it says)

Included by ``app.create_app``; the store handle is ``request.app.state.database``. Imports: marsad.store.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import schemas

router = APIRouter()


class ClusterItem(schemas._Open):
    id: str = Field(description="The act's id: its smallest member event id.")
    date: str | None
    type: str | None
    cameo: str | None
    source_code: str | None
    target_code: str | None
    location_name: str | None
    n_mentions: int = Field(description="Tellings (GDELT NumMentions).")
    n_articles: int = Field(description="Distinct articles (GDELT NumArticles).")
    n_sources: int = Field(description="Distinct outlets (GDELT NumSources).")
    first_seen: str | None
    last_seen: str | None
    quantity: dict[str, Any] | None = Field(description="kind, low, high, latest and most_cited of its number.")


class ClustersPage(schemas._Open):
    items: list[ClusterItem]
    total: int


class ClusterTelling(schemas._Open):
    id: str
    doc_id: str
    date: str | None
    source: str | None
    evidence_text: str | None


class ClusterDetail(ClusterItem):
    tellings: list[ClusterTelling]


def _q(text: str, **kw: Any) -> Any:
    return Query(description=text, **kw)


@router.get("/v1/clusters", response_model=None, responses=schemas.ok(ClustersPage))
def clusters(request: Request,
             since: dt.date | None = _q("Acts on or after YYYY-MM-DD.", default=None),
             until: dt.date | None = _q("Acts on or before YYYY-MM-DD.", default=None),
             type: str | None = _q("PLOVER type (ASSAULT).", default=None),
             actor: str | None = _q("Actor code, prefix or country of the act's source or target.", default=None),
             min_mentions: int = _q("Only acts told at least this many times.", default=1, ge=1),
             limit: int = _q("At most this many acts (1-1000).", default=50, ge=1, le=1000),
             offset: int = _q("Skip this many acts.", default=0, ge=0)) -> dict[str, Any]:
    """Acts (event clusters): best-supported type, actors, place and day, the range of their number, and how
    many tellings, articles and outlets told them."""
    from ..store.cluster_queries import list_clusters

    reader = request.app.state.database.reader()
    return list_clusters(reader.con, since=since, until=until, type=type, actor=actor, min_mentions=min_mentions,
                         limit=limit, offset=offset)


@router.get("/v1/clusters/{cluster_id}", response_model=None, responses=schemas.ok(ClusterDetail))
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    """One act with every telling of it."""
    from ..store.cluster_queries import get_cluster

    got = get_cluster(request.app.state.database.reader().con, cluster_id)
    if got is None:
        raise StarletteHTTPException(404, f"no cluster {cluster_id!r}")
    return got
