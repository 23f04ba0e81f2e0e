"""Read queries over the store, used by the CLI and the REST API: events (filtered, cursor-paged), one event with
its document and spans, actors, dyads over time, the actor network, stats and a summary.

Every statement is parameterised; user values never become SQL text. Filters are validated into an
``EventFilter`` first (bad values raise ``InputError`` with a one-line message). Analytics (``actors``, ``dyads``,
``network``, ``stats``, ``summary``) count canonical events only (duplicates once), never background events (a
specific past act the article recalls as context, not news), and leave out ``negated`` events unless asked
(``modalities``); ``events()`` lists canonical events unless ``include_duplicates``, and leaves background events
out unless ``background="include"`` (both) or ``"only"``. ``min_confidence`` (0-1, on ``EventFilter`` and on every
analytics method) keeps only events whose stored confidence is at least that value.

Actor matching: ``USA`` matches an actor whose code is or starts with ``USA`` (USAGOV, USAMIL) or whose country is
USA; ``IGOUNO`` matches that code. ``level="country"`` groups actors by their state (an IGO by its code),
``level="code"`` by the full actor code.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import Any, Sequence

import duckdb
import regex

from ..errors import InputError

PERIODS = {"day": "day", "month": "month", "year": "year", "week": "week", "quarter": "quarter"}
LEVELS = ("country", "code")
DEFAULT_EXCLUDED_MODALITIES = ("negated",)
MODALITIES = ("asserted", "negated", "intended", "planned", "hypothetical", "reported")
BACKGROUND = ("exclude", "include", "only")  # what events() does with background events
COUNTED = "e.canonical AND NOT e.background"  # the events analytics count
_ACTOR = regex.compile(r"^[A-Z0-9-]{3,15}$")


def parse_min_confidence(value: Any, option: str = "min_confidence") -> float | None:
    """A minimum confidence as a float in 0..1, or None (no bar) for None or a blank string; a string is parsed
    (the CLI and the API pass their raw value). Anything else, NaN included, is an ``InputError``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = None
    if not isinstance(value, bool):
        try:
            number = float(value)
        except (TypeError, ValueError):
            pass
    if number is None or not 0.0 <= number <= 1.0:  # NaN fails the comparison too
        raise InputError(f"{option} {value!r} is not a number between 0 and 1")
    return number


def _confident(value: Any) -> tuple[str, list[Any]]:
    """The clause (``AND ...``) and parameters that keep events scoring at least ``value``; empty without a bar."""
    bar = parse_min_confidence(value)
    return ("", []) if bar is None else (" AND e.confidence >= ?", [bar])


def _actor(value: str, option: str = "actor") -> str:
    """An actor filter: a code, code prefix or country (``USA``, ``JPNMIL``, ``---REB``), else a name the KB knows,
    in Arabic or English (``قوات الدعم السريع``, ``Iran``, ``إيران``), turned into its code; a person's name into
    its entity id (matched on the actor's entity)."""
    v = value.strip().upper()
    from ..kb.codes import decode, looks_like_code

    if _ACTOR.match(v) and (len(v) == 3 or (looks_like_code(v) and decode(v).known)):
        return v
    named = actor_by_name(value.strip())
    if named:
        return named
    if not _ACTOR.match(v):
        raise InputError(f"{option} {value!r} is neither an actor code (3-15 letters, e.g. USA, JPNMIL, IGOUNO) "
                         "nor a name the knowledge base knows")
    return v


def resolve_actor(value: str, option: str = "actor") -> str:
    """The public name of ``_actor``: a code as given, or the code of a name the KB knows (Arabic or English)."""
    return _actor(value, option)


@functools.lru_cache(maxsize=512)
def actor_by_name(name: str) -> str | None:
    """The actor code (or a person's entity id) of a name the KB resolves on its own, Arabic or English."""
    from ..kb import load_kb
    from ..kb.lookup import lookup

    if not name:
        return None
    for cand in lookup(load_kb(), name):
        if cand.entry.needs_context:
            continue
        if cand.kind == "person":
            return cand.entry.target
        if cand.kind in ("country", "organization") and cand.code:
            return cand.code
    return None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``events()`` selects. All fields optional; dates are inclusive document dates."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None  # (source, target)
    undirected: bool = False  # dyad in either direction
    type: str | None = None  # PLOVER type
    cameo: str | None = None  # CAMEO code prefix, e.g. "06" or "0311"
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = None
    doc_id: str | None = None
    text: str | None = None  # substring of the evidence sentence
    include_duplicates: bool = False
    place: str | None = None  # event location: name (case-insensitive) or country code
    background: str = "exclude"  # events recalled as context: exclude | include | only
    min_confidence: float | None = None  # only events whose confidence is at least this (0-1)

    def validated(self) -> "EventFilter":
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise InputError(f"quad class must be 1, 2, 3 or 4, not {self.quad_class}")
        if self.modality is not None and self.modality not in MODALITIES:
            raise InputError(f"modality {self.modality!r} is not one of {', '.join(MODALITIES)}")
        if self.cameo is not None and not regex.fullmatch(r"\d{2,4}", self.cameo):
            raise InputError(f"CAMEO code {self.cameo!r} must be 2 to 4 digits")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"--since {self.since} is after --until {self.until}")
        if self.type is not None and not regex.fullmatch(r"[A-Za-z_]{3,20}", self.type):
            raise InputError(f"event type {self.type!r} is not a PLOVER type such as COOPERATE")
        if self.background not in BACKGROUND:
            raise InputError(f"background {self.background!r} is not one of {', '.join(BACKGROUND)}")
        bar = parse_min_confidence(self.min_confidence)
        return EventFilter(
            actor=_actor(self.actor) if self.actor else None,
            dyad=(_actor(self.dyad[0], "dyad"), _actor(self.dyad[1], "dyad")) if self.dyad else None,
            undirected=self.undirected, type=self.type.upper() if self.type else None, cameo=self.cameo,
            quad_class=self.quad_class, since=self.since, until=self.until, modality=self.modality,
            doc_id=self.doc_id, text=self.text, include_duplicates=self.include_duplicates, place=self.place,
            background=self.background, min_confidence=bar)


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor, "total": self.total}


_MATCH = "(a.code = ? OR a.country = ? OR starts_with(a.code, ?) OR a.entity_id = ?)"
_MATCH_ARGS = 4  # the actor value fills every placeholder of _MATCH

# Text search folds what Arabic writers vary freely on both sides: hamza and madda on alef (أ إ آ ٱ -> ا), alef
# maqsura (ى -> ي), ta marbuta (ة -> ه), hamza on waw and ya (ؤ -> و, ئ -> ي), diacritics and tatweel (dropped),
# and case: "ايران" finds "إيران", "الاسلحة" finds "الأسلحةُ".
_FOLD = ("translate(regexp_replace(lower({x}), '[\\x{{064B}}-\\x{{0652}}\\x{{0670}}\\x{{0640}}]', '', 'g'), "
         "'أإآٱىةؤئ', 'اااايهوي')")


def fold_sql(expr: str) -> str:
    """The SQL expression that folds ``expr`` for text search (see ``_FOLD``)."""
    return _FOLD.format(x=expr)


@functools.lru_cache(maxsize=512)
def place_keys(place: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a place filter matches: (lower-case location names, location entity ids, ISO3 countries).

    The name as given, and every place, region or country the KB knows by that name in Arabic or English
    (``marsad.kb.lookup``, hamza/alef and article folded): "طهران" and "Tehran" find the events located in
    Tehran, "إيران", "ايران", "Iran" and "IRN" every event located in Iran.
    """
    from ..kb import load_kb
    from ..kb.lookup import lookup

    names, entities, countries = {place.lower()}, set(), set()
    if regex.fullmatch(r"[A-Za-z]{3}", place):
        countries.add(place.upper())
    for cand in lookup(load_kb(), place):
        if cand.kind == "country" and cand.country:
            countries.add(cand.country)
        elif cand.kind in ("place", "region"):
            entities.add(cand.entry.target)
            names.update(n.lower() for n in (cand.name, cand.name_ar) if n)
    return tuple(sorted(names)), tuple(sorted(entities)), tuple(sorted(countries))


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if not f.include_duplicates:
        clauses.append("e.canonical")
    if f.background == "exclude":
        clauses.append("NOT e.background")
    elif f.background == "only":
        clauses.append("e.background")
    if f.actor:
        clauses.append(f"e.event_id IN (SELECT a.event_id FROM event_actors a WHERE {_MATCH})")
        params += [f.actor] * _MATCH_ARGS
    if f.dyad:  # one semi-join over (source, target) actor pairs of an event
        src, tgt = _MATCH.replace("a.", "s."), _MATCH.replace("a.", "t.")
        pair = f"({src} AND {tgt})"
        a, b = f.dyad
        n = _MATCH_ARGS
        cond, pair_params = (f"({pair} OR {pair})", [a] * n + [b] * n + [b] * n + [a] * n) if f.undirected \
            else (pair, [a] * n + [b] * n)
        clauses.append("e.event_id IN (SELECT s.event_id FROM event_actors s JOIN event_actors t "
                       "ON t.event_id = s.event_id AND s.role = 'source' AND t.role = 'target' "
                       f"WHERE {cond})")
        params += pair_params
    for col, value in (("e.type", f.type), ("e.modality", f.modality), ("e.quad_class", f.quad_class),
                       ("e.doc_id", f.doc_id)):
        if value is not None:
            clauses.append(f"{col} = ?")
            params.append(value)
    if f.cameo:
        clauses.append("starts_with(e.cameo, ?)")
        params.append(f.cameo)
    if f.since:
        clauses.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date <= ?")
        params.append(f.until)
    if f.text:
        clauses.append(f"contains({fold_sql('e.evidence_text')}, {fold_sql('?')})")
        params.append(f.text)
    if f.place:
        names, entities, countries = place_keys(f.place.strip())
        clauses.append("(lower(e.location_name) IN (SELECT unnest(?::VARCHAR[])) OR e.location_entity IN "
                       "(SELECT unnest(?::VARCHAR[])) OR e.location_country IN (SELECT unnest(?::VARCHAR[])))")
        params += [list(names), list(entities), list(countries)]
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    return (" AND ".join(clauses) or "TRUE"), params


def _encode_cursor(day: dt.date | None, event_id: str) -> str:
    raw = json.dumps([day.isoformat() if day else None, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.date, str]:
    if len(cursor) > MAX_CURSOR:  # ours are ~70 characters; a nested one made json.loads recurse (RecursionError)
        raise InputError(f"cursor of {len(cursor):,} characters is not one this server returned")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        return (dt.date.fromisoformat(day) if day else dt.date.min), str(event_id)
    except (ValueError, TypeError, RecursionError, binascii.Error, json.JSONDecodeError):
        raise InputError(f"cursor {cursor[:80]!r} is not one this server returned") from None


MAX_CURSOR = 512


_EVENT_COLS = ("event_id, doc_id, date, local_id, type, mode, cameo, quad_class, goldstein, modality, "
               "location_name, location_country, location_lat, location_lon, location_entity, time_text, "
               "time_value, time_relation, trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, "
               "evidence_text, rule, confidence, background, canonical")


def row_limit(limit: Any, option: str = "limit") -> int | None:
    """A row limit as given (None: no limit); zero, a negative number or a non-integer is an InputError naming
    ``option`` (DuckDB would fail on a negative LIMIT with a binder error, reported as a damaged store)."""
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InputError(f"{option} must be a positive number of rows, not {limit}")
    return limit


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _modalities_clause(modalities: Sequence[str] | None) -> tuple[str, list[Any]]:
    if modalities is None:
        return "e.modality NOT IN (SELECT unnest(?::VARCHAR[]))", [list(DEFAULT_EXCLUDED_MODALITIES)]
    bad = [m for m in modalities if m not in MODALITIES]
    if bad:
        raise InputError(f"modality {bad[0]!r} is not one of {', '.join(MODALITIES)}")
    return "e.modality IN (SELECT unnest(?::VARCHAR[]))", [list(modalities)]


def _actor_expr(level: str, alias: str) -> str:
    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return f"coalesce({alias}.country, {alias}.code)" if level == "country" else f"{alias}.code"


COUNTS = ("mentions", "clusters")  # what analytics count: every telling, or every act (event cluster)


def _unit(count: str) -> tuple[str, str]:
    """(the counted key, the join it needs): an event id per telling, or its cluster's id per act (an event not
    clustered yet counts as an act of its own)."""
    if count == "mentions":
        return "e.event_id", ""
    if count == "clusters":
        return ("coalesce(ce.cluster_id, e.event_id)",
                " LEFT JOIN cluster_events ce ON ce.event_id = e.event_id")
    raise InputError(f"--count {count!r} is not one of {', '.join(COUNTS)}")


def _period_expr(by: str | None) -> str:
    if by is None:
        return "NULL"
    if by not in PERIODS:
        raise InputError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    return f"strftime(date_trunc('{PERIODS[by]}', e.date), '%Y-%m-%d')"


ENTITY_KINDS = ("person", "organization", "place")  # kinds of the names the KB does not know
# Per (unlinked entity, canonical document): its row, how often the document's name and code occur over all the
# documents (so the name shown is the one most often written), and the events each entity is an actor of.
_UNLINKED = (
    "WITH ents AS (SELECT n.* FROM entities n JOIN documents d USING (doc_id) WHERE starts_with(n.entity_id, 'new:') "
    "AND d.dup_of IS NULL AND d.near_dup_of IS NULL), "
    "named AS (SELECT *, count(*) OVER (PARTITION BY entity_id, name) AS name_n, "
    "count(*) OVER (PARTITION BY entity_id, code) AS code_n FROM ents), "
    "acts AS (SELECT a.entity_id, count(DISTINCT e.event_id) AS events FROM event_actors a JOIN events e "
    f"USING (event_id) WHERE starts_with(a.entity_id, 'new:') AND {COUNTED} GROUP BY ALL) ")


def _unlinked_where(min_docs: int, kind: str | None) -> tuple[str, list[Any]]:
    if isinstance(min_docs, bool) or not isinstance(min_docs, int) or min_docs < 1:
        raise InputError(f"min_docs must be a whole number of at least 1, not {min_docs!r}")
    where, params = "count(DISTINCT n.doc_id) >= ?", [min_docs]
    if kind is not None:
        if kind not in ENTITY_KINDS:
            raise InputError(f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        where += " AND first(n.kind) = ?"
        params.append(kind)
    return where, params


_SENTENCE_END = regex.compile(r"[.!?\u061f\u06d4\n]")


def _sentence_around(text: str, start: int, end: int, reach: int = 160) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, cut to ``reach`` characters on either side."""
    lo = max(0, start - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    left = ends[-1] if ends else lo
    stop = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    right = stop.end() if stop else min(len(text), end + reach)
    out = " ".join(text[left:right].split())
    return ("\u2026" if not ends and lo > 0 else "") + out + ("\u2026" if not stop and right < len(text) else "")


class Queries:
    """Mixed into ``Store``; needs ``self.con`` (a DuckDB connection)."""

    con: duckdb.DuckDBPyConnection
    path: str

    # -- events ----------------------------------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """One page of events, newest document date first, then by event id; ``next_cursor`` continues it."""
        if not 1 <= limit <= 10_000:
            raise InputError(f"limit must be between 1 and 10000, not {limit}")
        f = (filters or EventFilter()).validated()
        where, params = _where(f)
        total = self.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
        page_where, page_params = where, list(params)
        if cursor:
            day, eid = _decode_cursor(cursor)
            page_where += (" AND (coalesce(e.date, DATE '0001-01-01') < ? OR "
                           "(coalesce(e.date, DATE '0001-01-01') = ? AND e.event_id > ?))")
            page_params += [day, day, eid]
        cur = self.con.execute(
            f"SELECT {', '.join('e.' + c.strip() for c in _EVENT_COLS.split(','))}, d.title, d.url, d.source "
            f"FROM events e JOIN documents d USING (doc_id) WHERE {page_where} "
            "ORDER BY coalesce(e.date, DATE '0001-01-01') DESC, e.event_id LIMIT ?", page_params + [limit + 1])
        rows = _rows(cur)
        more = len(rows) > limit
        rows = rows[:limit]
        items = self._shape_events(rows)
        nxt = _encode_cursor(rows[-1]["date"], rows[-1]["event_id"]) if more and rows else None
        return Page(items, nxt, int(total))

    def _actors_of(self, event_ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        out: dict[str, dict[str, list[dict[str, Any]]]] = {eid: {"source": [], "target": []} for eid in event_ids}
        if not event_ids:
            return out
        # no index on event_actors (migration 010): their documents' numbers narrow the scan to a few row groups
        # through DuckDB's zonemaps (an event id begins with its doc_id), as for a document's other rows
        docs = sorted({e.split(":", 1)[0] for e in event_ids})
        nos = [int(n) for (n,) in self.con.execute(
            "SELECT doc_no FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND doc_no IS NOT NULL",
            [docs]).fetchall()]
        by_no = f"doc_no IN ({', '.join(map(str, sorted(nos)))}) AND " if nos and len(nos) == len(docs) else ""
        cur = self.con.execute(
            'SELECT event_id, role, code, country, entity_id, text, "start", "end" FROM event_actors '
            f"WHERE {by_no}event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY event_id, role, position", [event_ids])
        for r in _rows(cur):
            out[r["event_id"]][r["role"]].append({"code": r["code"], "country": r["country"],
                                                  "entity": r["entity_id"], "text": r["text"],
                                                  "start": r["start"], "end": r["end"]})
        return out

    def _shape_events(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        actors = self._actors_of([r["event_id"] for r in rows])
        items = []
        for r in rows:
            loc = None
            if r["location_name"] is not None:
                loc = {"name": r["location_name"], "country": r["location_country"], "lat": r["location_lat"],
                       "lon": r["location_lon"], "entity": r["location_entity"]}
            when = None
            if r["time_text"] is not None:
                when = {"text": r["time_text"], "value": r["time_value"], "relation": r["time_relation"]}
            items.append({
                "id": r["event_id"], "doc_id": r["doc_id"], "local_id": r["local_id"],
                "date": r["date"].isoformat() if r["date"] else None, "type": r["type"], "mode": r["mode"],
                "cameo": r["cameo"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
                "source": actors[r["event_id"]]["source"], "target": actors[r["event_id"]]["target"],
                "modality": r["modality"], "location": loc, "time": when,
                "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
                "evidence": {"start": r["evidence_start"], "end": r["evidence_end"], "text": r["evidence_text"]},
                "rule": r["rule"], "confidence": r["confidence"], "background": bool(r["background"]),
                "duplicate": not r["canonical"],
                "title": r.get("title"), "url": r.get("url"), "source_name": r.get("source")})
        return items

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with its document (full text), the document's entities and mentions, its quantities and
        every evidence span; None when there is no such event."""
        # no key on events (migration 009): its document's number finds it (an event id begins with its doc_id)
        where, params = self._doc_rows(event_id.split(":", 1)[0])
        cur = self.con.execute(f"SELECT {_EVENT_COLS}, evidences FROM events WHERE {where} AND event_id = ?",
                               [*params, event_id])
        rows = _rows(cur)
        if not rows:
            return None
        row = rows[0]
        (item,) = self._shape_events([row])
        doc = self.document(row["doc_id"])
        assert doc is not None
        text = doc["text"] or ""
        item["evidences"] = [{"start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]]}
                             for s in (row["evidences"] or [])]
        where, params = self._doc_rows(row["doc_id"])
        item["quantities"] = _rows(self.con.execute(
            'SELECT quantity_id, kind, value, unit, approx, "of", actor, "start", "end", text, low, high '
            f"FROM quantities WHERE {where} AND list_contains(event_ids, ?) ORDER BY \"start\"",
            [*params, event_id]))
        item["document"] = doc
        item["entities"] = self.entities(row["doc_id"])
        return item

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = _rows(self.con.execute(
            "SELECT doc_id, date, lang, title, source, url, path, ext_id, text, kb_version, coder_version, "
            "n_events, dup_of, near_dup_of FROM documents WHERE doc_id = ?", [doc_id]))
        if not rows:
            return None
        d = rows[0]
        d["date"] = d["date"].isoformat() if d["date"] else None
        return d

    def _doc_rows(self, doc_id: str) -> tuple[str, list[Any]]:
        """The filter on a child table for one document's rows: by its number too (``doc_no``, migration 008),
        which DuckDB's zonemaps narrow to a row group or two where ``doc_id`` alone would scan the table."""
        rows = self.con.execute("SELECT doc_no FROM documents WHERE doc_id = ?", [doc_id]).fetchall()
        if not rows or rows[0][0] is None:
            return "doc_id = ?", [doc_id]
        return "doc_no = ? AND doc_id = ?", [rows[0][0], doc_id]

    def entities(self, doc_id: str) -> list[dict[str, Any]]:
        where, params = self._doc_rows(doc_id)
        ents = _rows(self.con.execute(
            "SELECT entity_id AS id, kind, name, name_ar, code, country, sectors, lat, lon, role FROM entities "
            f"WHERE {where} ORDER BY entity_id", params))
        spans: dict[str, list[dict[str, Any]]] = {}
        for m in _rows(self.con.execute(f'SELECT entity_id, "start", "end", text FROM mentions WHERE {where} '
                                        'ORDER BY "start"', params)):
            spans.setdefault(m.pop("entity_id"), []).append(m)
        for e in ents:
            e["mentions"] = spans.get(e["id"], [])
        return ents

    # -- analytics -------------------------------------------------------------------------------------------
    def dyads(self, by: str | None = "month", level: str = "country", modalities: Sequence[str] | None = None,
              pair: tuple[str, str] | None = None, undirected: bool = False, limit: int | None = None,
              min_confidence: float | None = None, count: str = "mentions") -> list[dict[str, Any]]:
        """Per (period, source, target): events, mean Goldstein, QuadClass counts q1..q4 (canonical events, no
        background ones, at least ``min_confidence`` when given; one count per source x target pair of an event
        with compound actors). ``count="clusters"``: ``events`` and q1..q4 count acts (event clusters), not
        tellings; the mean Goldstein stays over tellings."""
        key, join = _unit(count)
        period = _period_expr(by)
        s, t = _actor_expr(level, "s"), _actor_expr(level, "t")
        bar, params = _confident(min_confidence)
        mod, mod_params = _modalities_clause(modalities)
        params = params + mod_params
        extra = ""
        if pair:
            a, b = _actor(pair[0], "dyad"), _actor(pair[1], "dyad")
            one = f"({s} = ? AND {t} = ?)"
            extra = f" AND ({one} OR {one})" if undirected else f" AND {one}"
            params = params + ([a, b, b, a] if undirected else [a, b])
        n = "count(*)" if count == "mentions" else f"count(DISTINCT {key})"
        q = "count(*)" if count == "mentions" else f"count(DISTINCT {key})"
        sql = (f"SELECT {period} AS period, {s} AS source, {t} AS target, {n} AS events, "
               "round(avg(e.goldstein), 3) AS goldstein_mean, "
               f"{q} FILTER (WHERE e.quad_class = 1) AS q1, {q} FILTER (WHERE e.quad_class = 2) AS q2, "
               f"{q} FILTER (WHERE e.quad_class = 3) AS q3, {q} FILTER (WHERE e.quad_class = 4) AS q4 "
               f"FROM events e{join} JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' "
               "JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' "
               f"WHERE {COUNTED}{bar} AND {mod}{extra} "
               "GROUP BY ALL ORDER BY period NULLS FIRST, events DESC, source, target")
        if row_limit(limit) is not None:
            sql += " LIMIT ?"
            params = params + [limit]
        return _rows(self.con.execute(sql, params))

    def top_dyads(self, limit: int = 10, level: str = "country", modalities: Sequence[str] | None = None,
                  min_confidence: float | None = None, count: str = "mentions") -> list[dict[str, Any]]:
        row_limit(limit)
        rows = self.dyads(by=None, level=level, modalities=modalities, min_confidence=min_confidence, count=count)
        rows.sort(key=lambda r: (-r["events"], r["source"] or "", r["target"] or ""))
        for r in rows:
            r.pop("period", None)
        return rows[:limit]

    def actors(self, level: str = "country", modalities: Sequence[str] | None = None,
               limit: int | None = None, min_confidence: float | None = None, count: str = "mentions"
               ) -> list[dict[str, Any]]:
        """Per actor: events it takes part in, as source, as target, mean Goldstein, first and last date, and its
        most frequent name in the texts (events of at least ``min_confidence`` when given; ``count="clusters"``:
        acts, not tellings)."""
        key, join = _unit(count)
        a = _actor_expr(level, "a")
        bar, params = _confident(min_confidence)
        mod, mod_params = _modalities_clause(modalities)
        params = params + mod_params
        sql = (f"SELECT {a} AS actor, count(DISTINCT {key}) AS events, "
               f"count(DISTINCT {key}) FILTER (WHERE a.role = 'source') AS as_source, "
               f"count(DISTINCT {key}) FILTER (WHERE a.role = 'target') AS as_target, "
               "round(avg(e.goldstein), 3) AS goldstein_mean, min(e.date) AS first, max(e.date) AS last, "
               "mode(a.text ORDER BY a.text) AS example_text "  # ties: the first name in text order, every run
               f"FROM events e{join} JOIN event_actors a ON a.event_id = e.event_id "
               f"WHERE {COUNTED}{bar} AND {mod} GROUP BY ALL ORDER BY events DESC, actor")
        if row_limit(limit) is not None:
            sql += " LIMIT ?"
            params = params + [limit]
        rows = _rows(self.con.execute(sql, params))
        for r in rows:
            for k in ("first", "last"):
                r[k] = r[k].isoformat() if r[k] else None
        return rows

    def network(self, level: str = "country", modalities: Sequence[str] | None = None,
                min_confidence: float | None = None, count: str = "mentions") -> dict[str, Any]:
        """Weighted directed actor graph: nodes (actor, events) and edges (source, target, weight = events,
        goldstein_mean, cooperation = q1+q2, conflict = q3+q4), over events of at least ``min_confidence``."""
        nodes = [{"id": r["actor"], "events": r["events"], "label": r["example_text"] or r["actor"]}
                 for r in self.actors(level=level, modalities=modalities, min_confidence=min_confidence,
                                      count=count)]
        edges = [{"source": r["source"], "target": r["target"], "weight": r["events"],
                  "goldstein_mean": r["goldstein_mean"], "cooperation": r["q1"] + r["q2"],
                  "conflict": r["q3"] + r["q4"]}
                 for r in self.dyads(by=None, level=level, modalities=modalities, min_confidence=min_confidence,
                                     count=count)]
        return {"nodes": nodes, "edges": edges}

    # -- names the KB does not know ------------------------------------------------------------------------------
    def unlinked(self, limit: int | None = 20, min_docs: int = 1, kind: str | None = None) -> list[dict[str, Any]]:
        """The most frequent names the KB does not know (entities ``new:<kind>:<normalized name>``, found by
        ``code(..., ner=True)``), over canonical documents (a duplicate counts once): per entity its id, the name
        as most often written, kind, sector (an organization's, from its head noun; else None), documents,
        mentions, canonical non-background events it is an actor of, first and last document date. Ordered by
        documents, mentions, then id; ``min_docs`` drops the rarer ones, ``kind`` keeps one kind."""
        where, params = _unlinked_where(min_docs, kind)
        sql = (_UNLINKED + f"SELECT n.entity_id AS id, first(n.name ORDER BY n.name_n DESC, n.name) AS name, "
               "first(n.kind ORDER BY n.kind) AS kind, first(n.code ORDER BY n.code_n DESC, n.code) AS sector, "
               "count(DISTINCT n.doc_id) AS docs, sum(n.n_mentions) AS mentions, "
               "coalesce(first(v.events), 0) AS events, min(n.date) AS first, max(n.date) AS last "
               f"FROM named n LEFT JOIN acts v USING (entity_id) GROUP BY n.entity_id HAVING {where} "
               "ORDER BY docs DESC, mentions DESC, id")
        if limit is not None:
            if limit < 1:
                raise InputError(f"limit must be a positive number, not {limit}")
            sql += " LIMIT ?"
            params = params + [limit]
        rows = _rows(self.con.execute(sql, params))
        for r in rows:
            r["mentions"] = int(r["mentions"] or 0)
            for k in ("first", "last"):
                r[k] = r[k].isoformat() if r[k] else None
        return rows

    def unlinked_count(self, min_docs: int = 1, kind: str | None = None) -> int:
        """How many names the KB does not know pass ``min_docs`` and ``kind`` (all of them by default)."""
        where, params = _unlinked_where(min_docs, kind)
        return int(self.con.execute(
            _UNLINKED + f"SELECT count(*) FROM (SELECT n.entity_id FROM named n GROUP BY n.entity_id HAVING {where})",
            params).fetchone()[0])

    def unlinked_details(self, ids: Sequence[str], examples: int = 3) -> dict[str, dict[str, Any]]:
        """For ``kb suggest``: per unlinked entity id, every way it is written (``names``: text -> mentions), the
        actor codes the coder gave it in events (``coded_as``: code -> events, ``countries``: country -> events), the
        countries of the events located at it (``located_in``), and up to ``examples`` example sentences (doc id,
        date, the sentence around its first mention in the document), oldest first."""
        ids = list(ids)
        out: dict[str, dict[str, Any]] = {i: {"names": {}, "coded_as": {}, "countries": {}, "located_in": {},
                                              "examples": []} for i in ids}
        if not ids:
            return out
        canon = "d.dup_of IS NULL AND d.near_dup_of IS NULL"
        pick = "m.entity_id IN (SELECT unnest(?::VARCHAR[]))"
        for eid, text, n in self.con.execute(
                f"SELECT m.entity_id, m.text, count(*) FROM mentions m JOIN documents d USING (doc_id) "
                f"WHERE {pick} AND {canon} GROUP BY ALL ORDER BY 1, 3 DESC, 2", [ids]).fetchall():
            out[eid]["names"][text] = n
        for key, col in (("coded_as", "a.code"), ("countries", "a.country")):
            for eid, value, n in self.con.execute(
                    f"SELECT a.entity_id, {col}, count(DISTINCT e.event_id) FROM event_actors a JOIN events e "
                    f"USING (event_id) WHERE a.entity_id IN (SELECT unnest(?::VARCHAR[])) AND {COUNTED} "
                    f"AND {col} IS NOT NULL GROUP BY ALL ORDER BY 1, 3 DESC, 2", [ids]).fetchall():
                out[eid][key][value] = n
        for eid, value, n in self.con.execute(
                f"SELECT e.location_entity, e.location_country, count(*) FROM events e WHERE "
                f"e.location_entity IN (SELECT unnest(?::VARCHAR[])) AND {COUNTED} AND e.location_country IS NOT "
                "NULL GROUP BY ALL ORDER BY 1, 3 DESC, 2", [ids]).fetchall():
            out[eid]["located_in"][value] = n
        rows = self.con.execute(
            f"SELECT m.entity_id, m.doc_id, d.date, d.text, min(m.\"start\"), arg_min(m.\"end\", m.\"start\") "
            f"FROM mentions m JOIN documents d USING (doc_id) WHERE {pick} AND {canon} "
            "GROUP BY m.entity_id, m.doc_id, d.date, d.text QUALIFY row_number() OVER (PARTITION BY m.entity_id ORDER BY d.date NULLS LAST, m.doc_id) <= ? "
            "ORDER BY 1, 3 NULLS LAST, 2", [ids, examples]).fetchall()
        for eid, doc_id, day, text, start, end in rows:
            out[eid]["examples"].append({"doc_id": doc_id, "date": day.isoformat() if day else None,
                                         "text": _sentence_around(text or "", start, end)})
        return out

    def stats(self, min_confidence: float | None = None) -> dict[str, Any]:
        """Counts per table, documents by duplicate status, events by type, modality and QuadClass, date range.

        ``events`` counts every stored event row; ``canonical_events`` the events analytics count (canonical, not
        background); ``background_events`` the canonical events recalled as context. The ``by_*`` counts are over
        ``canonical_events``. With ``min_confidence`` every event count (``events``, ``canonical_events``,
        ``background_events``, ``by_type``, ``by_modality``, ``by_quad_class``) is over the events of at least that
        confidence, and the result says ``min_confidence``; documents, entities and the other tables are not
        events and are counted whole. ``unlinked_names`` counts the distinct names the KB does not know
        (entities ``new:...``, stored by an ingest with ``ner``; ``unlinked()`` lists them)."""
        bar, bar_params = _confident(min_confidence)
        con = self.con
        one = lambda sql, p=(): con.execute(sql, list(p)).fetchone()  # noqa: E731
        docs, dups, near, first, last = one(
            "SELECT count(*), count(dup_of), count(near_dup_of), min(date), max(date) FROM documents")
        out: dict[str, Any] = {
            "db": self.path,
            "documents": docs, "canonical_documents": docs - dups - near, "duplicates": dups,
            "near_duplicates": near,
            "events": one(f"SELECT count(*) FROM events e WHERE TRUE{bar}", bar_params)[0],
            "canonical_events": one(f"SELECT count(*) FROM events e WHERE {COUNTED}{bar}", bar_params)[0],
            "background_events": one(f"SELECT count(*) FROM events e WHERE e.canonical AND e.background{bar}",
                                     bar_params)[0],
            "entities": one("SELECT count(*) FROM entities")[0],
            "unlinked_names": one("SELECT count(DISTINCT entity_id) FROM entities "
                                  "WHERE starts_with(entity_id, 'new:')")[0],
            "mentions": one("SELECT count(*) FROM mentions")[0],
            "quantities": one("SELECT count(*) FROM quantities")[0],
            "skipped": one("SELECT count(*) FROM skipped")[0],
            "first_date": first.isoformat() if first else None, "last_date": last.isoformat() if last else None,
        }
        for key, col in (("by_type", "coalesce(type, 'CAMEO ' || cameo_root)"), ("by_modality", "modality"),
                         ("by_quad_class", "quad_class"), ("by_lang", None)):
            if col is None:
                rows = con.execute("SELECT lang, count(*) FROM documents GROUP BY ALL ORDER BY 2 DESC, 1"
                                   ).fetchall()
            else:
                rows = con.execute(f"SELECT {col} AS k, count(*) FROM events e WHERE {COUNTED}{bar} GROUP BY ALL "
                                   "ORDER BY 2 DESC, 1", bar_params).fetchall()
            out[key] = {str(k): n for k, n in rows}
        if bar_params:
            out["min_confidence"] = bar_params[0]
        return out

    def summary(self, top: int = 5, min_confidence: float | None = None) -> dict[str, Any]:
        """What `marsad demo` prints: where the file is, counts, counts by type, top dyads, top actors (over events
        of at least ``min_confidence`` when given)."""
        st = self.stats(min_confidence=min_confidence)
        return {"db": self.path, "documents": st["documents"], "canonical_documents": st["canonical_documents"],
                "duplicates": st["duplicates"], "near_duplicates": st["near_duplicates"], "events": st["events"],
                "canonical_events": st["canonical_events"], "background_events": st["background_events"],
                "skipped": st["skipped"], "by_type": st["by_type"],
                "top_dyads": self.top_dyads(limit=top, min_confidence=min_confidence),
                "top_actors": self.actors(limit=top, min_confidence=min_confidence),
                **({"min_confidence": st["min_confidence"]} if "min_confidence" in st else {})}
