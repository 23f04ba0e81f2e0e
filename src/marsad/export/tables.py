"""The one flattening of a ``CodedDocument`` into table rows, and the Arrow schema of every table.

``doc_tables(doc, meta)`` returns ``{table: [row, ...]}`` for the tables in ``TABLES``; each row is a plain dict whose
keys are exactly the column names of ``SCHEMAS[table]`` (in order) and whose values convert with
``pyarrow.Table.from_pylist(rows, schema=SCHEMAS[table])`` (dates are ``datetime.date``). The DuckDB store, the
Parquet/CSV exports and the Spark job all use this function, so every copy of the data has the same columns.

Identity: a document is its ``doc_id`` (content hash); an event is ``"<doc_id>:<event id>"``; an entity row is
``(doc_id, entity_id)``; a quantity is ``"<doc_id>:q<n>"``. Every table carries ``doc_id`` and the document ``date`` so
that any of them can be partitioned by date or joined back to its document.

Quantities: one row per distinct quantity span of the document (document-level quantities first, then any quantity
only an event carries), with ``event_ids`` listing the events that cite it, so totals never count a span twice.

``dup_of`` / ``near_dup_of`` are always null here: the store fills them when it deduplicates.

``events.background`` is true for a specific past act the article recalls as context rather than reports as news
(``Event.background``); the row is kept so the event can be audited, and analytics and the GDELT export leave it out.

``COLUMNS`` holds every table's columns and their types without pyarrow; ``SCHEMAS`` (the Arrow schemas) is built
from it on first use, so that a process that only writes to DuckDB never imports pyarrow (nor the pandas that
pyarrow imports when it converts Python values).

Imports only ``marsad.model`` (and pyarrow, when ``SCHEMAS`` or ``to_arrow`` is first used).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import BadDateError
from ..model import ACTOR_SECTORS, CodedDocument, Entity, Quantity
from ..pipeline import as_date
from ..text.clean import clean_text

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["COLUMNS", "DocMeta", "NON_STATE_PREFIXES", "SCHEMAS", "SECTOR_CODES", "TABLES", "actor_country",
           "doc_tables", "merge", "to_arrow"]


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What the source says about a document besides its text (all optional)."""

    title: str | None = None
    source: str | None = None  # publication / feed / site name
    url: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD
    lang: str | None = None  # "ar" | "en" | None (detect)
    path: str | None = None  # where it was read: file, file:line, file#record
    ext_id: str | None = None  # the source's own id for the document, if any

    def __post_init__(self) -> None:  # lone surrogates -> U+FFFD, as in the text (marsad.text.clean)
        for name in ("title", "source", "url", "date", "lang", "path", "ext_id"):
            value = getattr(self, name)
            if isinstance(value, str) and value is not (fixed := clean_text(value)):
                object.__setattr__(self, name, fixed)


# The columns of every table and their types, without pyarrow: ``SCHEMAS`` builds the Arrow schemas from them when
# first asked for (importing pyarrow costs ~30 MB of resident memory, and converting Python values to Arrow imports
# pandas, ~55 MB more, in a process that never needs either: ``marsad ingest`` writes to DuckDB without Arrow).
# Types: s string, i32 int32, f64 float64, date date32, bool, strs list of strings, spans list of {start, end}.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "s"), ("date", "date"), ("lang", "s"), ("title", "s"), ("source", "s"), ("url", "s"),
        ("path", "s"), ("ext_id", "s"), ("text", "s"), ("kb_version", "s"), ("coder_version", "s"),
        ("n_chars", "i32"), ("n_entities", "i32"), ("n_events", "i32"), ("dup_of", "s"), ("near_dup_of", "s")),
    "entities": (
        ("doc_id", "s"), ("date", "date"), ("entity_id", "s"), ("kind", "s"), ("name", "s"), ("name_ar", "s"),
        ("code", "s"), ("country", "s"), ("sectors", "strs"), ("lat", "f64"), ("lon", "f64"), ("role", "s"),
        ("n_mentions", "i32")),
    "mentions": (
        ("doc_id", "s"), ("date", "date"), ("entity_id", "s"), ("start", "i32"), ("end", "i32"), ("text", "s")),
    "events": (
        ("event_id", "s"), ("doc_id", "s"), ("date", "date"), ("local_id", "s"), ("type", "s"), ("mode", "s"),
        ("cameo", "s"), ("cameo_root", "s"), ("quad_class", "i32"), ("goldstein", "f64"), ("modality", "s"),
        ("source_code", "s"), ("target_code", "s"), ("source_country", "s"), ("target_country", "s"),
        ("location_name", "s"), ("location_country", "s"), ("location_lat", "f64"), ("location_lon", "f64"),
        ("location_entity", "s"), ("time_text", "s"), ("time_value", "s"), ("time_relation", "s"),
        ("trigger_start", "i32"), ("trigger_end", "i32"), ("trigger_text", "s"),
        ("evidence_start", "i32"), ("evidence_end", "i32"), ("evidence_text", "s"), ("evidences", "spans"),
        ("sentence", "i32"), ("rule", "s"), ("confidence", "f64"), ("kb_version", "s"), ("coder_version", "s"),
        ("background", "bool")),
    "event_actors": (
        ("event_id", "s"), ("doc_id", "s"), ("date", "date"), ("role", "s"), ("position", "i32"), ("code", "s"),
        ("country", "s"), ("entity_id", "s"), ("text", "s"), ("start", "i32"), ("end", "i32")),
    "quantities": (
        ("quantity_id", "s"), ("doc_id", "s"), ("date", "date"), ("event_ids", "strs"), ("kind", "s"),
        ("value", "f64"), ("unit", "s"), ("approx", "bool"), ("of", "s"), ("actor", "s"), ("start", "i32"),
        ("end", "i32"), ("text", "s"), ("low", "f64"), ("high", "f64")),
}
TABLES: tuple[str, ...] = tuple(COLUMNS)

if TYPE_CHECKING:
    SCHEMAS: dict[str, pa.Schema]


def _schemas() -> dict[str, "pa.Schema"]:
    import pyarrow as pa

    span = pa.struct([("start", pa.int32()), ("end", pa.int32())])
    types = {"s": pa.string(), "i32": pa.int32(), "f64": pa.float64(), "date": pa.date32(), "bool": pa.bool_(),
             "strs": pa.list_(pa.string()), "spans": pa.list_(span)}
    return {name: pa.schema([(col, types[t]) for col, t in cols]) for name, cols in COLUMNS.items()}


def __getattr__(name: str) -> Any:
    """``SCHEMAS`` (the Arrow schema of every table), built on first use so that importing this module does not
    import pyarrow."""
    if name == "SCHEMAS":
        schemas = globals().get("SCHEMAS")
        if schemas is None:
            schemas = globals()["SCHEMAS"] = _schemas()
        return schemas
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# First three letters of actor codes that name no state (IGO/NGO/... and PLOVER's EUR = European Union).
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "INT", "NGM", "UNO", "EUR", "UIS", "UNK"})
SECTOR_CODES = ACTOR_SECTORS  # kept under this name for the export modules


def _date(value: str | dt.date | None) -> dt.date | None:
    """The date of a value, or None when it is missing or not a date (export rows never fail on a bad date)."""
    try:
        return as_date(value)
    except BadDateError:
        return None


def actor_country(code: str | None, entity: Entity | None = None) -> str | None:
    """The state an actor belongs to: its entity's country, else the first three letters of a state code."""
    if entity is not None and entity.country:
        return entity.country
    head = (code or "")[:3]
    if len(head) == 3 and head.isalpha() and head.isupper() and head not in NON_STATE_PREFIXES \
            and head not in SECTOR_CODES:
        return head
    return None


def _qkey(q: Quantity) -> tuple[int, int, str]:
    return (q.start, q.end, q.kind)


def doc_tables(doc: CodedDocument, meta: DocMeta | None = None) -> dict[str, list[dict[str, Any]]]:
    """Flatten one coded document into rows of every table in ``TABLES`` (see the module docstring)."""
    meta = meta or DocMeta()
    did = doc.doc_id
    day = _date(doc.date) or _date(meta.date)
    by_id = {e.id: e for e in doc.entities}

    documents = [{
        "doc_id": did, "date": day, "lang": doc.lang or meta.lang, "title": meta.title, "source": meta.source,
        "url": doc.url or meta.url, "path": meta.path, "ext_id": meta.ext_id, "text": doc.text,
        "kb_version": doc.kb_version, "coder_version": doc.coder_version, "n_chars": len(doc.text),
        "n_entities": len(doc.entities), "n_events": len(doc.events), "dup_of": None, "near_dup_of": None}]

    entities, mentions = [], []
    for ent in doc.entities:
        entities.append({
            "doc_id": did, "date": day, "entity_id": ent.id, "kind": ent.kind, "name": ent.name,
            "name_ar": ent.name_ar, "code": ent.code, "country": ent.country, "sectors": list(ent.sectors),
            "lat": ent.lat, "lon": ent.lon, "role": ent.role, "n_mentions": len(ent.mentions)})
        for span in sorted(ent.mentions, key=lambda s: (s.start, s.end)):
            mentions.append({"doc_id": did, "date": day, "entity_id": ent.id, "start": span.start,
                              "end": span.end, "text": span.text})

    quantity_rows: dict[tuple[int, int, str], dict[str, Any]] = {}

    def quantity_row(q: Quantity) -> dict[str, Any]:
        key = _qkey(q)
        row = quantity_rows.get(key)
        if row is None:
            row = {"quantity_id": f"{did}:q{len(quantity_rows) + 1}", "doc_id": did, "date": day, "event_ids": [],
                   "kind": q.kind, "value": float(q.value), "unit": q.unit, "approx": bool(q.approx), "of": q.of,
                   "actor": q.actor, "start": q.start, "end": q.end, "text": q.text, "low": q.low, "high": q.high}
            quantity_rows[key] = row
        return row

    for q in sorted(doc.quantities, key=lambda q: (q.start, q.end)):
        quantity_row(q)

    events, event_actors = [], []
    for ev in doc.events:
        eid = f"{did}:{ev.id}"
        src, tgt = (ev.source[0] if ev.source else None), (ev.target[0] if ev.target else None)
        loc, when = ev.location, ev.time
        spans = ev.evidences or [ev.evidence]
        events.append({
            "event_id": eid, "doc_id": did, "date": day, "local_id": ev.id, "type": ev.type, "mode": ev.mode,
            "cameo": ev.cameo, "cameo_root": ev.cameo[:2] if ev.cameo else None, "quad_class": ev.quad_class,
            "goldstein": float(ev.goldstein), "modality": ev.modality,
            "source_code": src.code if src else None, "target_code": tgt.code if tgt else None,
            "source_country": actor_country(src.code, by_id.get(src.entity or "")) if src else None,
            "target_country": actor_country(tgt.code, by_id.get(tgt.entity or "")) if tgt else None,
            "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
            "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
            "location_entity": loc.entity if loc else None,
            "time_text": when.text if when else None, "time_value": when.value if when else None,
            "time_relation": when.relation if when else None,
            "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end, "trigger_text": ev.trigger.text,
            "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end, "evidence_text": ev.evidence.text,
            "evidences": [{"start": s.start, "end": s.end} for s in spans], "sentence": ev.sentence,
            "rule": ev.rule, "confidence": float(ev.confidence), "kb_version": doc.kb_version,
            "coder_version": doc.coder_version, "background": bool(ev.background)})
        for role, actors in (("source", ev.source), ("target", ev.target)):
            for pos, actor in enumerate(actors):
                event_actors.append({
                    "event_id": eid, "doc_id": did, "date": day, "role": role, "position": pos, "code": actor.code,
                    "country": actor_country(actor.code, by_id.get(actor.entity or "")), "entity_id": actor.entity,
                    "text": actor.text, "start": actor.start, "end": actor.end})
        for q in ev.quantities:
            row = quantity_row(q)
            if eid not in row["event_ids"]:
                row["event_ids"].append(eid)

    return {"documents": documents, "entities": entities, "mentions": mentions, "events": events,
            "event_actors": event_actors, "quantities": list(quantity_rows.values())}


def to_arrow(rows: dict[str, list[dict[str, Any]]]) -> dict[str, "pa.Table"]:
    """Rows of several tables (e.g. many documents' ``doc_tables`` merged) -> one Arrow table per table name."""
    import pyarrow as pa

    schemas = __getattr__("SCHEMAS")  # a bare name here would not reach the module's lazy __getattr__
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=schemas[name]) for name in TABLES}


def merge(parts: list[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    """Concatenate the rows of several documents table by table."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for part in parts:
        for name in TABLES:
            out[name].extend(part.get(name, ()))
    return out
