"""The REST API and the dashboard: one FastAPI app over the library (``marsad.code``) and the store queries.

Routes (all JSON; every error, ours or the framework's, uses one envelope
``{"error": {"code": "E100", "status": 400, "message": "..."}}``):

    GET  /healthz                 liveness, version, KB version, whether writes are on (never a file path)
    POST /v1/code                 text -> the output contract of DESIGN.md
    POST /v1/documents            code and store documents (needs ``Authorization: Bearer $MARSAD_TOKEN``)
    GET  /v1/events               filters actor, dyad, type, quad_class, modality, since, until, place, q,
                                  background (exclude | include | only), min_confidence (0-1); cursor
    GET  /v1/events/{id}          one event with its document text and every span
    GET  /v1/actors | /v1/dyads | /v1/network | /v1/stats      min_confidence (0-1); count: clusters (acts, the
                                  default of all but stats) or mentions (tellings), as marsad stats
    GET  /v1/codes[/{code}]       the legend of sectors and prefixes; one actor code decoded into names
    GET  /v1/entities/unlinked    the most frequent names the KB does not know (limit, min_docs, kind)
    GET  /                        the dashboard (static files, a client of the routes above)
    GET  /docs | /openapi.json    the API reference (rendered locally) and the OpenAPI document

Reads use a cursor of their own on the database handle; without a token the handle is opened read-only and the
write route answers 503. The write route checks its token (``guard.TokenGuard``, with a back-off on wrong ones)
before its body is read; ``allowed_hosts`` (``marsad serve`` gives the loopback names) refuses other Host headers
(``hosts``); HEAD is answered wherever GET is and a 405 carries ``Allow`` (``methods``); the OpenAPI document lists
every error reply with the envelope (``spec``). Request bodies are capped (``max_body``, 2 MB by default) with a 413, whether announced by
Content-Length or streamed. CORS is off. Pages carry a strict Content-Security-Policy and every response the
defensive headers of ``SecurityHeaders``. SQL is never assembled from request values: the store's queries are
parameterised. docs/api.md is the user's reference (routes, parameters, errors, security notes, load figures).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import CodingStopped, InputError, MarsadError, StoreError, UnknownParameterError, require

fastapi = require("fastapi", "the REST API", "api")
from typing import Annotated  # noqa: E402

from fastapi import Depends, FastAPI, Query, Request  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402
from fastapi.responses import FileResponse, JSONResponse  # noqa: E402
from fastapi.staticfiles import StaticFiles  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402
from starlette.exceptions import HTTPException as StarletteHTTPException  # noqa: E402

from ..store.queries import BACKGROUND, ENTITY_KINDS, MODALITIES  # noqa: E402
from . import budget, spec  # noqa: E402
from .guard import TokenGuard, json_body  # noqa: E402
from .hosts import HostAllowList  # noqa: E402
from .methods import HeadAsGet, allowed  # noqa: E402
from . import clusters, desk, schemas  # noqa: E402
from .tellings import tellings  # noqa: E402

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BODY = 2 * 1024 * 1024


NER_HELP = ("Also find names the knowledge base does not know (Arabic): entities with ids new:<kind>:<name>, "
            "kind person, organization or place.")


class TextIn(BaseModel):
    text: str = Field(..., description="The article text (UTF-8).")
    lang: str | None = Field(None, description="ar, en or auto (default).",
                             json_schema_extra={"enum": ["ar", "en", "auto", None]})
    date: dt.date | None = Field(None, description="Document date, resolves relative dates and roles.")
    url: str | None = None


class CodeRequest(TextIn):
    min_confidence: float | None = Field(None, ge=0.0, le=1.0, description="Keep events scoring at least this "
                                         "instead of the decision model's threshold per type.")
    all_candidates: bool = Field(False, description="Keep every candidate with its decision score (audit).")
    explain: bool = Field(False, description="Add the explain trace: every candidate, its rule, roles, score and "
                          "why it was kept, merged or dropped.")
    ner: bool = Field(False, description=NER_HELP)


class DocumentIn(TextIn):
    title: str | None = None
    source: str | None = None


class DocumentsRequest(BaseModel):
    documents: list[DocumentIn] = Field(..., min_length=1, max_length=1000)
    ner: bool = Field(False, description=NER_HELP)


def _envelope(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "status": status, "message": " ".join(str(message).split())}},
                        status_code=status)


class BodyLimit:
    """ASGI middleware: refuse a request body larger than ``limit`` bytes with a 413 in the error envelope."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        too_big = _envelope(413, "E413", f"request body is larger than the limit of {self.limit:,} bytes")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await too_big(scope, receive, send)
        seen = 0
        answered = False

        async def limited_receive():
            # A streamed (chunked) body is counted as it arrives. Past the limit we answer 413 ourselves and tell
            # the app the client has gone; raising here instead would reach FastAPI's body parser as a 400.
            nonlocal seen, answered
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    answered = True
                    await too_big(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not answered:  # once the 413 is out, whatever the app still says is dropped
                await send(message)

        return await self.app(scope, limited_receive, guarded_send)


PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                     (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin"),
                     (b"cross-origin-resource-policy", b"same-origin")]


class SecurityHeaders:
    """ASGI middleware: the same defensive headers on every response (JSON, static files, errors): no MIME
    sniffing, no referrer, no framing, same-origin resources only."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _v in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in _SECURITY_HEADERS if k not in have]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class Revalidate:
    """ASGI middleware: a strong ETag (sha256 of the body) and ``Cache-Control: no-cache`` on every successful GET
    of ``/v1/`` and ``/healthz``; a request whose ``If-None-Match`` names the current ETag gets a 304 with no body.
    ``no-cache`` (store, but ask again each time) because a write may change any reply; the 304 saves the transfer.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope["type"] != "http" or scope.get("method") != "GET" or not (path.startswith("/v1/")
                                                                            or path == "/healthz"):
            return await self.app(scope, receive, send)
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def buffered(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = list(start.get("headers", []))
            status = start.get("status", 200)
            if status == 200:
                tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                headers += [(b"etag", tag.encode()), (b"cache-control", b"no-cache")]
                asked = dict(scope.get("headers") or []).get(b"if-none-match", b"").decode("latin-1")
                if tag in [t.strip() for t in asked.split(",")] or asked.strip() == "*":
                    keep = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
                    await send({"type": "http.response.start", "status": 304, "headers": keep})
                    await send({"type": "http.response.body", "body": b""})
                    return
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        return await self.app(scope, receive, buffered)


class _Database:
    """One DuckDB handle for the app; each request reads through a cursor of its own."""

    def __init__(self, path: str, writable: bool) -> None:
        from ..store import Store

        self.path = path
        self.writable = writable
        if not writable and path != ":memory:" and not Path(path).exists():
            Store(path).close()  # create an empty, migrated database so the dashboard opens on an empty store
        self.store = Store(path, read_only=not writable)
        self.lock = threading.Lock()

    def reader(self):
        from ..store.queries import Queries

        view = Queries()
        view.con = self.store.con.cursor()
        view.path = self.path
        return view


#: What parse_min_confidence takes, as the OpenAPI pattern of min_confidence: empty, or a decimal from 0 to 1.
MIN_CONF_PATTERN = r"^\s*(|0+(\.[0-9]*)?|0*1(\.0*)?|0*\.[0-9]+)\s*$"


def _q(text: str, **kw: Any) -> Any:
    """A query parameter with its description in the OpenAPI document (and so on /docs)."""
    return Query(description=text, **kw)


MIN_CONF = _q("A number from 0 to 1 (0.7, .85): count or list only events whose confidence is at least this. "
              "Empty or absent: no bar.", json_schema_extra={"pattern": MIN_CONF_PATTERN})
LEVEL = _q("country: actors by their country (USA); code: by their full actor code (USAGOV).",
           json_schema_extra={"enum": ["country", "code"]})


async def _refuse_unknown_query(request: Request) -> None:
    """Refuse query parameters the matched route does not declare, naming them and the ones it takes."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not getattr(route, "include_in_schema", True):
        return  # the dashboard page and the static files take the dashboard's own URL state
    known = {p.alias for p in dependant.query_params}
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        names = ", ".join(unknown)
        takes = ", ".join(sorted(known)) or "none"
        raise UnknownParameterError(f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names} for "
                                f"{request.method} {request.url.path}; it takes: {takes}")


def _name_actors(item: dict[str, Any]) -> dict[str, Any]:
    """Add ``name``/``name_ar`` (decoded from the KB, ``marsad.kb.codes``) beside every actor code of an event, and
    the Arabic name of its location (``location.name_ar``, null when the KB has none)."""
    from ..kb.codes import entity_name_ar, names

    for role in ("source", "target"):
        for actor in item.get(role) or []:
            if actor.get("code"):
                actor["name"], actor["name_ar"] = names(actor["code"])
    if item.get("location"):
        item["location"]["name_ar"] = entity_name_ar(item["location"].get("entity"))
    return item


def _name_rows(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    from ..kb.codes import names

    for row in rows:
        if row.get(key):
            row["name"], row["name_ar"] = names(row[key])
    return rows


def create_app(db: str = "marsad.duckdb", token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: Sequence[str] | None = None, guard: TokenGuard | None = None,
               max_chars: int = budget.DEFAULT_MAX_CHARS, max_seconds: float = budget.DEFAULT_MAX_SECONDS
               ) -> FastAPI:
    """Build the app. ``token`` enables POST /v1/documents (defaults to the MARSAD_TOKEN environment variable);
    ``allowed_hosts``: the Host names answered (None: any, for in-process use; ``marsad serve`` always gives a
    list, see ``hosts.allowed_hosts``); ``guard``: the token check and its back-off (default ``TokenGuard(token)``);
    ``max_chars``, ``max_seconds``: what one POST /v1/code may code and take (``budget``); ``max_seconds`` is also
    the time one document of a POST /v1/documents may take.
    """
    from .. import __version__
    from ..pipeline import Coder, code, doc_id_of
    from ..text.clean import clean_text
    from ..store.queries import parse_min_confidence

    token = token if token is not None else (os.environ.get("MARSAD_TOKEN") or None)
    if max_body <= 0:
        raise InputError(f"max body must be a positive number of bytes, not {max_body}")
    database = _Database(db, writable=bool(token))
    guard = guard or TokenGuard(token)
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  dependencies=[Depends(_refuse_unknown_query)],
                  description="Offline Arabic-first political event data. Errors use one JSON envelope.")
    app.state.database = database

    # ---- errors: one envelope ---------------------------------------------------------------------------
    @app.exception_handler(MarsadError)
    async def _marsad_error(_request: Request, exc: MarsadError):
        status = 503 if isinstance(exc, (StoreError, CodingStopped)) else (400 if isinstance(exc, InputError)
                                                                              else 500)
        message = str(exc)
        for where in {db, str(Path(db).resolve())} - {""}:  # a store error names the file: not to the client
            message = message.replace(where, "the store")
        return _envelope(status, exc.code, message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        reply = _envelope(exc.status_code, f"E{exc.status_code}", exc.detail)
        reply.headers.update(exc.headers or {})
        if exc.status_code == 405:
            reply.headers["Allow"] = allowed(request.app.router.routes, request.scope)
        return reply

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        loc = tuple(first.get("loc", ()))
        if loc[:1] in (("query",), ("path",)) and len(loc) > 1:
            # a malformed parameter of the address is a bad request like an unknown one (400), named with its value
            value = first.get("input")
            return _envelope(400, "E100", f"{loc[-1]} {value!r}: {first.get('msg')}")
        where = ".".join(str(x) for x in loc if x != "body")
        return _envelope(422, "E422", f"{where}: {first.get('msg')}" if where else first.get("msg"))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):  # pragma: no cover - a bug, reported as such
        return _envelope(500, "E500", f"internal error: {type(exc).__name__}")

    # ---- routes ---------------------------------------------------------------------------------------------
    @app.get("/healthz", response_model=None, responses=schemas.ok(schemas.Health))
    def healthz() -> dict[str, Any]:
        """Liveness: version, KB version and whether the write route is on (no file system path: a client has no
        use for it, an attacker has)."""
        return {"status": "ok", "version": __version__, "kb_version": Coder.default().kb.version,
                "writable": database.writable}

    @app.post("/v1/code")
    async def code_text(req: CodeRequest, request: Request) -> dict[str, Any]:
        """Code one text and return the output contract (entities, events, quantities, times; every span is a pair
        of offsets into the text as sent). Nothing is stored. At most the server's max_chars characters are coded
        (cut at a sentence end; truncated then says how many); coding stops when the client leaves or the
        server's time limit passes (503)."""
        lang = None if req.lang in (None, "auto") else req.lang
        if lang not in (None, "ar", "en"):
            raise InputError(f"lang {req.lang!r} is not one of ar, en, auto")
        end = budget.cut(req.text, max_chars)
        doc_id = doc_id_of(clean_text(req.text))  # the identity of the text as sent, coded whole or not

        def work(should_stop):
            return code(req.text[:end], lang=lang, date=req.date, url=req.url, doc_id=doc_id,
                        min_confidence=req.min_confidence, all_candidates=req.all_candidates, explain=req.explain,
                        ner=req.ner, should_stop=should_stop).to_dict()

        reply = await budget.run_stoppable(work, request.is_disconnected, max_seconds)
        reply["truncated"] = budget.truncation(req.text, end)
        return reply

    # The token is checked (guard) before the body is read (json_body): no 422, no parsing for a stranger.
    @app.post("/v1/documents", dependencies=[Depends(guard.dependency())])
    async def add_documents(req: Annotated[DocumentsRequest, Depends(json_body(DocumentsRequest))],
                            request: Request) -> dict[str, Any]:
        """Code and store up to 1000 documents (idempotent: a document already stored counts as already). Needs
        the header Authorization: Bearer <MARSAD_TOKEN>; 503 when the server was started without a token, 429
        after repeated wrong tokens from one address. Each document is coded whole, within the server's time
        limit per document; coding stops when the client leaves. Either way (503) nothing of the request is
        stored: documents are stored together once all are coded."""
        from ..export.tables import DocMeta

        def work(should_stop):
            each = budget.each_within(should_stop, max_seconds)
            items = []
            for d in req.documents:
                lang = None if d.lang in (None, "auto") else d.lang
                doc = code(d.text, lang=lang, date=d.date, url=d.url, ner=req.ner, should_stop=each())
                meta = DocMeta(title=d.title, source=d.source, url=d.url,
                               date=d.date.isoformat() if d.date else None, lang=doc.lang, path=None)
                items.append((doc, meta))
            with database.lock:
                result = database.store.upsert_documents(items)
            return {"new": result.new, "duplicates": result.duplicates, "near_duplicates": result.near_duplicates,
                    "already": result.already, "events": result.events,
                    "doc_ids": [doc.doc_id for doc, _m in items]}

        return await budget.run_stoppable(work, request.is_disconnected, float("inf"))

    @app.get("/v1/events", response_model=None, responses=schemas.ok(schemas.EventsPage))
    def events(
            actor: Annotated[str | None, _q("Actor code, its country, or a code prefix: USA, USAGOV, IGOUNO.")] = None,
            dyad: Annotated[str | None, _q("SOURCE,TARGET, e.g. RUS,UKR (see undirected).")] = None,
            type: Annotated[str | None, _q("PLOVER event type, e.g. ASSAULT, CONSULT (any case).",
                                           json_schema_extra={"enum": list(spec.PLOVER_TYPES)})] = None,
            quad_class: Annotated[int | None, _q("1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                                                 "4 material conflict.", json_schema_extra={"enum": [1, 2, 3, 4]})
                                  ] = None,
            modality: Annotated[str | None, _q("asserted, negated, intended, planned, hypothetical or "
                                               "reported.", json_schema_extra={"enum": list(MODALITIES)})] = None,
            since: Annotated[dt.date | None, _q("First document date, YYYY-MM-DD, inclusive.")] = None,
            until: Annotated[dt.date | None, _q("Last document date, YYYY-MM-DD, inclusive.")] = None,
            place: Annotated[str | None, _q("Location name (Tokyo, case-insensitive) or ISO3 country of the "
                                            "location (JPN).")] = None,
            q: Annotated[str | None, _q("Text the evidence sentence contains (case-insensitive, Arabic or "
                                        "English).")] = None,
            limit: Annotated[int, _q("Events per page, 1-10000.",
                                     json_schema_extra={"minimum": 1, "maximum": 10_000})] = 50,
            cursor: Annotated[str | None, _q("The next_cursor of the previous page.")] = None,
            undirected: Annotated[bool, _q("With dyad: both directions.")] = False,
            background: Annotated[str, _q("Past acts the article recalls as context: exclude (default), include "
                                          "or only.", json_schema_extra={"enum": list(BACKGROUND)})] = "exclude",
            min_confidence: Annotated[str | None, MIN_CONF] = None) -> dict[str, Any]:
        """One page of stored events, newest first; the filters combine with AND. Pass next_cursor back as cursor
        for the next page."""
        if type is not None and type.upper() not in spec.PLOVER_TYPES:  # the enum the OpenAPI document gives
            raise InputError(f"type {type!r} is not one of the PLOVER types: {', '.join(spec.PLOVER_TYPES)}")
        filters = desk.filters(actor, dyad, type, quad_class, modality, since, until, place, q, undirected,
                               background, min_confidence)
        page = database.reader().events(filters, limit=limit, cursor=cursor).to_dict()
        for item in page["items"]:
            _name_actors(item)
        return page

    @app.get("/v1/events/{event_id}", response_model=None, responses=schemas.ok(schemas.EventDetail))
    def event(event_id: str) -> dict[str, Any]:
        """One event with its document (full text), the document's entities with their mentions, its quantities
        and every evidence span."""
        got = database.reader().event(event_id)
        if got is None:
            raise StarletteHTTPException(404, f"no event {event_id!r}")
        doc = got.get("document") or {}
        if doc.get("path"):  # where the ingest read it, without the server's directories
            doc["path"] = Path(doc["path"]).name
        for key, doc_key in (("title", "title"), ("url", "url"), ("source_name", "source")):
            if got.get(key) is None:
                got[key] = doc.get(doc_key)
        got["tellings"] = tellings(got)  # every telling with its own roles, for the event page
        return _name_actors(got)

    @app.get("/v1/codes", response_model=None, responses=schemas.ok(schemas.Legend))
    def codes_legend() -> dict[str, Any]:
        """The legend of actor codes: every CAMEO sector (GOV, REB...) and international prefix (IGO, UNO; ---
        for no country named) with its English and Arabic name."""
        from ..kb.codes import legend

        return legend()

    @app.get("/v1/codes/{code}", response_model=None, responses=schemas.ok(schemas.DecodedCode))
    def code_name(code: str) -> dict[str, Any]:
        """One actor code decoded: its parts (country or prefix, sectors, organization), each named in English and
        Arabic, and a name for the whole (SDNREBRSF -> Rapid Support Forces). 404 when no part is known."""
        from ..kb.codes import decode

        got = decode(code.upper())
        if not any(p.name for p in got.parts):
            raise StarletteHTTPException(404, f"{code!r} is no actor code the KB can read")
        return got.to_dict()

    # The analytics take min_confidence as a string, like /v1/events: a bad value is a 400 with our message.
    @app.get("/v1/actors", response_model=None, responses=schemas.ok(schemas.Actors))
    def actors(level: Annotated[str, LEVEL] = "country",
               min_confidence: Annotated[str | None, MIN_CONF] = None, count: desk.Count = "clusters"
               ) -> dict[str, Any]:
        """Actors by number of acts (count=mentions: of tellings), each with its name from the knowledge base."""
        bar = parse_min_confidence(min_confidence)
        return {"items": _name_rows(database.reader().actors(level=level, min_confidence=bar, count=count),
                                    "actor")}

    @app.get("/v1/dyads", response_model=None, responses=schemas.ok(schemas.Dyads))
    def dyads(by: Annotated[str, _q("Period: day, week, month, quarter or year.",
                                    json_schema_extra={"enum": ["day", "week", "month", "quarter", "year"]})
                            ] = "month",
              level: Annotated[str, LEVEL] = "country",
              min_confidence: Annotated[str | None, MIN_CONF] = None, count: desk.Count = "clusters"
              ) -> dict[str, Any]:
        """Per period and directed pair: acts (count=mentions: tellings) as events, mean Goldstein (over tellings)
        and QuadClass counts q1-q4."""
        bar = parse_min_confidence(min_confidence)
        return {"items": database.reader().dyads(by=by, level=level, min_confidence=bar, count=count)}

    @app.get("/v1/network", response_model=None, responses=schemas.ok(schemas.Network))
    def network(level: Annotated[str, LEVEL] = "country",
                min_confidence: Annotated[str | None, MIN_CONF] = None, count: desk.Count = "clusters"
                ) -> dict[str, Any]:
        """The actor network: nodes (actors with act counts, count=mentions: tellings, and names) and edges
        (pairs with weight, mean Goldstein, cooperation and conflict counts)."""
        bar = parse_min_confidence(min_confidence)
        net = database.reader().network(level=level, min_confidence=bar, count=count)
        _name_rows(net.get("nodes", []), "id")
        return net

    @app.get("/v1/stats", response_model=None, responses=schemas.ok(schemas.Stats))
    def stats(min_confidence: Annotated[str | None, MIN_CONF] = None) -> dict[str, Any]:
        """Counts of the store: documents, events, entities, duplicates; by type, modality, QuadClass, language
        (with min_confidence, the event counts are over events whose confidence is at least it)."""
        st = database.reader().stats(min_confidence=parse_min_confidence(min_confidence))
        st.pop("db", None)  # the database path stays on the server
        return st

    @app.get("/v1/entities/unlinked", response_model=None, responses=schemas.ok(schemas.Unlinked))
    def unlinked(limit: Annotated[int, _q("Names to return, 1-1000.",
                                          json_schema_extra={"minimum": 1, "maximum": 1000})] = 20,
                 min_docs: Annotated[int, _q("Only names found in at least this many documents.",
                                             json_schema_extra={"minimum": 1})] = 1,
                 kind: Annotated[str | None, _q("person, organization or place only.",
                                                json_schema_extra={"enum": list(ENTITY_KINDS)})] = None
                 ) -> dict[str, Any]:
        """The most frequent names the KB does not know (stored by an ingest with ner), to add to the KB: per
        name its id (new:<kind>:<normalized name>), the name as most often written, kind (person, organization,
        place), an organization's sector, documents, mentions, events it is an actor of, first and last date;
        total counts the names that pass min_docs and kind."""
        if not 1 <= limit <= 1000:
            raise InputError(f"limit must be between 1 and 1000, not {limit}")
        reader = database.reader()
        return {"items": reader.unlinked(limit=limit, min_docs=min_docs, kind=kind),
                "total": reader.unlinked_count(min_docs=min_docs, kind=kind)}

    app.include_router(desk.router)  # /v1/events.parquet|.csv and /v1/counts: the list's filters (api/desk.py)
    app.include_router(clusters.router)  # /v1/clusters and /v1/clusters/{id}: acts, their tellings

    # ---- dashboard -----------------------------------------------------------------------------------------
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def index():
            return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_CSP})

        @app.get("/docs", include_in_schema=False)
        def docs():
            """The API reference, drawn from /openapi.json by a local script (no CDN, unlike Swagger UI)."""
            return FileResponse(STATIC / "docs.html", headers={"Content-Security-Policy": PAGE_CSP})

    spec.install(app, {("/v1/documents", "post"): DocumentsRequest})
    app.add_middleware(Revalidate)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, limit=max_body)
    if allowed_hosts is not None:
        app.add_middleware(HostAllowList, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
