"""Response schemas of the JSON routes, for the OpenAPI document (and so for /docs and client generators).

They document what the routes return; the routes still build plain dicts (the library's ``to_dict``), and a test
validates real responses against these models so the two cannot drift. Extra keys are allowed (``extra="allow"``):
a field added to a reply is not an error for an older client.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(_Open):
    code: str = Field(description="Stable error code (E100, E104, E404...): test on it, not on the wording.")
    status: int = Field(description="The HTTP status, repeated.")
    message: str = Field(description="One line saying what was wrong and what to do.")


class ErrorEnvelope(_Open):
    error: ErrorBody


class Health(_Open):
    status: str
    version: str = Field(description="marsad version, the coder_version of every output.")
    kb_version: str
    writable: bool = Field(description="Whether POST /v1/documents is on (a token was configured).")


class Span(_Open):
    start: int = Field(description="Python str offset into the document text.")
    end: int
    text: str | None = None


class ActorRef(_Open):
    code: str | None = Field(description="Actor code: country + sectors + organization (SDNREBRSF).")
    country: str | None = None
    entity: str | None = Field(None, description="KB entity id, or new:<kind>:<name> for a name the KB lacks.")
    text: str | None = Field(None, description="The words of the article.")
    start: int | None = None
    end: int | None = None
    name: str | None = Field(None, description="The code read by the KB, in English.")
    name_ar: str | None = Field(None, description="The code read by the KB, in Arabic.")


class Location(_Open):
    name: str | None = None
    name_ar: str | None = Field(None, description="Arabic name of the place in the KB, if any.")
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    entity: str | None = None


class Time(_Open):
    text: str | None = None
    value: str | None = None
    relation: str | None = None


class EventItem(_Open):
    id: str = Field(description="<doc_id>:<local id>")
    doc_id: str
    local_id: str
    date: str | None = Field(description="Document date, YYYY-MM-DD.")
    type: str | None = Field(description="PLOVER type.")
    mode: str | None = None
    cameo: str | None = Field(description="CAMEO event code, text (leading zeros kept).")
    quad_class: int | None = None
    goldstein: float | None = None
    source: list[ActorRef]
    target: list[ActorRef]
    modality: str | None = None
    location: Location | None = None
    time: Time | None = None
    trigger: Span
    evidence: Span
    rule: str | None = None
    confidence: float | None = None
    background: bool
    duplicate: bool
    title: str | None = None
    url: str | None = None
    source_name: str | None = None


class EventsPage(_Open):
    items: list[EventItem]
    next_cursor: str | None = Field(description="Pass back as cursor for the next page; null on the last.")
    total: int = Field(description="Events matching the filters, all pages.")


class Telling(_Open):
    start: int = Field(description="The telling (an evidence sentence): offsets into the document text.")
    end: int
    text: str
    trigger: Span | None = Field(None, description="This telling's trigger, if found.")
    source: list[Span] = Field(description="Where this telling names the event's source actors.")
    target: list[Span] = Field(description="Where this telling names the event's target actors.")
    quantities: list[Span] = Field(description="The event's quantities told in this telling.")
    place: list[Span] = Field(description="Mentions of the event's place in this telling.")
    time: Span | None = None


class EventDetail(EventItem):
    document: dict[str, Any] = Field(description="The document with its full text.")
    entities: list[dict[str, Any]] = Field(description="Every entity of the document with its mentions.")
    quantities: list[dict[str, Any]]
    evidences: list[Span] = Field(description="Every telling of the event after merging; the first is evidence.")
    tellings: list[Telling] = Field(description="Every telling with its own roles (marsad.api.tellings).")


class ActorRow(_Open):
    actor: str
    events: int
    as_source: int
    as_target: int
    goldstein_mean: float | None = None
    first: str | None = None
    last: str | None = None
    example_text: str | None = None
    name: str | None = None
    name_ar: str | None = None


class Actors(_Open):
    items: list[ActorRow]


class DyadRow(_Open):
    period: str | None
    source: str | None
    target: str | None
    events: int
    goldstein_mean: float | None = None
    q1: int
    q2: int
    q3: int
    q4: int


class Dyads(_Open):
    items: list[DyadRow]


class Node(_Open):
    id: str
    events: int
    label: str | None = None
    name: str | None = None
    name_ar: str | None = None


class Edge(_Open):
    source: str
    target: str
    weight: int
    goldstein_mean: float | None = None
    cooperation: int
    conflict: int


class Network(_Open):
    nodes: list[Node]
    edges: list[Edge]


class Stats(_Open):
    documents: int
    events: int
    canonical_events: int
    background_events: int
    entities: int
    mentions: int
    quantities: int
    duplicates: int
    near_duplicates: int
    first_date: str | None = None
    last_date: str | None = None
    by_type: dict[str, int]
    by_modality: dict[str, int]
    by_quad_class: dict[str, int]
    by_lang: dict[str, int]


class CodePart(_Open):
    code: str
    kind: str = Field(description="country, no_country, international, sector, organization or unknown.")
    name: str | None = None
    name_ar: str | None = None
    entity: str | None = None


class DecodedCode(_Open):
    code: str
    parts: list[CodePart]
    name: str | None = None
    name_ar: str | None = None
    entity: str | None = None
    known: bool


class LegendRow(_Open):
    code: str
    name: str
    name_ar: str


class Legend(_Open):
    sectors: list[LegendRow]
    prefixes: list[LegendRow]


class Unlinked(_Open):
    items: list[dict[str, Any]]
    total: int


class CountKey(_Open):
    key: str = Field(description="A PLOVER type, or a QuadClass 1-4.")
    events: int
    side: str = Field(description="cooperation or conflict (drawn below zero).")


class CountPeriod(_Open):
    start: str = Field(description="First day of the period (YYYY-MM-DD), a since filter.")
    end: str = Field(description="Last day of the period, inclusive, an until filter.")
    counts: dict[str, int] = Field(description="Events per key in the period.")


class Counts(_Open):
    by: str = Field(description="The period used (auto picks one from the span of dates).")
    group: str
    periods: list[CountPeriod]
    keys: list[CountKey]
    total: int = Field(description="Events the filters select.")
    undated: int = Field(description="Of them, events with no date (in no period).")
    untyped: int = Field(description="With group=type: CAMEO-only events, which have no PLOVER type.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "A bad, malformed or unknown parameter."}}


def ok(model: type[BaseModel], description: str = "Success") -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a route: its 200 schema (documented, not enforced) and the error envelope."""
    return {200: {"model": model, "description": description}, **ERRORS}
