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

Imports only ``marsad.model`` (and pyarrow).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import BadDateError
from ..model import ACTOR_SECTORS, CodedDocument, Entity, Quantity
from ..pipeline import as_date
from ..text.clean import clean_text

__all__ = ["DocMeta", "NON_STATE_PREFIXES", "SCHEMAS", "SECTOR_CODES", "TABLES", "actor_country", "doc_tables", "merge", "to_arrow"]


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


S, I32, F64 = pa.string(), pa.int32(), pa.float64()
_SPAN = pa.struct([("start", I32), ("end", I32)])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", S), ("date", pa.date32()), ("lang", S), ("title", S), ("source", S), ("url", S), ("path", S),
        ("ext_id", S), ("text", S), ("kb_version", S), ("coder_version", S), ("n_chars", I32),
        ("n_entities", I32), ("n_events", I32), ("dup_of", S), ("near_dup_of", S)]),
    "entities": pa.schema([
        ("doc_id", S), ("date", pa.date32()), ("entity_id", S), ("kind", S), ("name", S), ("name_ar", S),
        ("code", S), ("country", S), ("sectors", pa.list_(S)), ("lat", F64), ("lon", F64), ("role", S),
        ("n_mentions", I32)]),
    "mentions": pa.schema([
        ("doc_id", S), ("date", pa.date32()), ("entity_id", S), ("start", I32), ("end", I32), ("text", S)]),
    "events": pa.schema([
        ("event_id", S), ("doc_id", S), ("date", pa.date32()), ("local_id", S), ("type", S), ("mode", S),
        ("cameo", S), ("cameo_root", S), ("quad_class", I32), ("goldstein", F64), ("modality", S),
        ("source_code", S), ("target_code", S), ("source_country", S), ("target_country", S),
        ("location_name", S), ("location_country", S), ("location_lat", F64), ("location_lon", F64),
        ("location_entity", S), ("time_text", S), ("time_value", S), ("time_relation", S),
        ("trigger_start", I32), ("trigger_end", I32), ("trigger_text", S),
        ("evidence_start", I32), ("evidence_end", I32), ("evidence_text", S), ("evidences", pa.list_(_SPAN)),
        ("sentence", I32), ("rule", S), ("confidence", F64), ("kb_version", S), ("coder_version", S),
        ("background", pa.bool_())]),
    "event_actors": pa.schema([
        ("event_id", S), ("doc_id", S), ("date", pa.date32()), ("role", S), ("position", I32), ("code", S),
        ("country", S), ("entity_id", S), ("text", S), ("start", I32), ("end", I32)]),
    "quantities": pa.schema([
        ("quantity_id", S), ("doc_id", S), ("date", pa.date32()), ("event_ids", pa.list_(S)), ("kind", S),
        ("value", F64), ("unit", S), ("approx", pa.bool_()), ("of", S), ("actor", S), ("start", I32),
        ("end", I32), ("text", S), ("low", F64), ("high", F64)]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)

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


def to_arrow(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Rows of several tables (e.g. many documents' ``doc_tables`` merged) -> one Arrow table per table name."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}


def merge(parts: list[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    """Concatenate the rows of several documents table by table."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for part in parts:
        for name in TABLES:
            out[name].extend(part.get(name, ()))
    return out
