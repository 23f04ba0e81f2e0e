"""Gold-set records: load ``eval/gold/*.jsonl`` (format: "Record format" in eval/README.md) into typed records, and
validate them (spans match the text, enumerations are known, actor codes exist in the KB).

One JSON object per line per article. Loading fails with an ``InputError`` naming the file and line of the first
malformed record; ``validate_gold`` returns every problem it finds (it never stops at the first) so a gold author
can fix a whole file in one pass.

Imports: marsad.model, marsad.errors; marsad.kb only inside ``kb_codes()`` (optional).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..model import Span

ENTITY_KINDS = frozenset({"country", "person", "organization", "place", "region"})
MODALITIES = frozenset({"asserted", "negated", "intended", "planned", "hypothetical", "reported"})
PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
CAMEO_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))
#: CAMEO actor type/sector codes (coding-schemes.md 2c); an actor code is a country or known-group code followed
#: by any number of these 3-letter chunks.
SECTORS = frozenset("""COP GOV INS JUD MIL OPP REB SEP SPY UAF LEG MED MOD IGO INT NGM UIS UNO AMN GRP AGR BUS
CRM CVL DEV EDU ELI ENV HLH HRI LAB REF RAD IMG MNC NGO SET PKO IRC PTY MUS CHR CTH PRO JEW HIN BUD SUN SHI""".split())
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One entity mention in the gold text."""

    start: int
    end: int
    text: str
    kind: str
    code: str | None
    country: str | None
    name: str | None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a careful analyst codes; ``evidence`` is the clause/sentence stating it."""

    type: str | None
    mode: str | None
    cameo_root: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    modality: str
    location: str | None
    time: str | None
    quantities: tuple[GoldQuantity, ...]
    trigger: Span | None
    evidence: Span

    @property
    def label(self) -> str:
        """Type for the confusion table: the PLOVER type, or ``CAMEO-01``/``CAMEO-02`` for CAMEO-only events."""
        return self.type or f"CAMEO-{self.cameo_root or '??'}"


@dataclass(slots=True)
class GoldDoc:
    id: str
    split: str
    lang: str
    date: str | None
    title: str
    text: str
    tags: tuple[str, ...] = ()
    entities: list[GoldEntity] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    notes: str = ""
    where: str = ""  # "file:line" the record came from, for messages


@dataclass(frozen=True, slots=True)
class GoldProblem:
    """One validation finding: where (file:line, doc id, field) and what is wrong."""

    where: str
    doc_id: str
    field: str
    message: str
    kind: str = "span"  # span (offsets/text) | value (enumerations, dates, ids) | code (not in the KB)

    def __str__(self) -> str:
        return f"{self.where} {self.doc_id} {self.field}: {self.message}"


def _span(raw: Any, what: str) -> Span:
    if not isinstance(raw, dict) or not {"start", "end", "text"} <= raw.keys():
        raise ValueError(f"{what} must be an object with start, end, text")
    start, end, text = raw["start"], raw["end"], raw["text"]
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
        raise ValueError(f"{what} start/end must be integers and text a string")
    return Span(start, end, text)


def _codes(raw: Any, what: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, list) and all(isinstance(c, str) for c in raw):
        return tuple(raw)
    raise ValueError(f"{what} must be a list of actor codes")


def _quantities(raw: Any) -> tuple[GoldQuantity, ...]:
    out = []
    for q in raw or []:
        if not isinstance(q, dict) or not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
            raise ValueError("each quantity must be an object with a numeric value")
        unit = q.get("unit")
        out.append(GoldQuantity(float(q["value"]), str(unit) if unit is not None else None))
    return tuple(out)


def parse_gold_record(obj: dict[str, Any], where: str = "") -> GoldDoc:
    """Build a ``GoldDoc`` from one decoded JSON object; ``ValueError`` names the first missing/ill-typed field."""
    if not isinstance(obj, dict):
        raise ValueError("a gold record must be a JSON object")
    for key in ("id", "lang", "text"):
        if not isinstance(obj.get(key), str):
            raise ValueError(f"field {key!r} is missing or not a string")
    entities = []
    for i, e in enumerate(obj.get("entities") or []):
        if not isinstance(e, dict):
            raise ValueError(f"entities[{i}] must be an object")
        sp = _span(e, f"entities[{i}]")
        entities.append(GoldEntity(sp.start, sp.end, sp.text, str(e.get("kind")), e.get("code"), e.get("country"),
                                   e.get("name")))
    events = []
    for i, ev in enumerate(obj.get("events") or []):
        if not isinstance(ev, dict):
            raise ValueError(f"events[{i}] must be an object")
        root = ev.get("cameo_root")
        events.append(GoldEvent(
            type=ev.get("type"), mode=ev.get("mode"),
            cameo_root=None if root is None else str(root).zfill(2)[:2],
            source=_codes(ev.get("source"), f"events[{i}].source"),
            target=_codes(ev.get("target"), f"events[{i}].target"),
            modality=str(ev.get("modality") or "asserted"),
            location=ev.get("location"), time=None if ev.get("time") is None else str(ev.get("time")),
            quantities=_quantities(ev.get("quantities")),
            trigger=_span(ev["trigger"], f"events[{i}].trigger") if ev.get("trigger") else None,
            evidence=_span(ev.get("evidence"), f"events[{i}].evidence")))
    tags = obj.get("tags") or []
    return GoldDoc(id=obj["id"], split=str(obj.get("split") or ""), lang=obj["lang"], date=obj.get("date"),
                   title=str(obj.get("title") or ""), text=obj["text"], tags=tuple(str(t) for t in tags),
                   entities=entities, events=events, notes=str(obj.get("notes") or ""), where=where)


def load_gold(paths: Iterable[str | Path], split: str | None = None) -> list[GoldDoc]:
    """Read gold JSONL files (in order), keeping only ``split`` when given.

    Raises ``InputError`` for a missing file, bad JSON, or a record without the required fields (file:line).
    """
    docs: list[GoldDoc] = []
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"gold file {p} does not exist (give eval/gold/dev.jsonl or eval/gold/test.jsonl)")
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise InputError(f"gold file {p} is not UTF-8 ({exc.reason} at byte {exc.start})") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = parse_gold_record(json.loads(line), where=f"{p}:{n}")
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}: not valid JSON ({exc.msg}, column {exc.colno})") from None
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{p}:{n}: bad gold record: {exc}") from None
            if split is None or doc.split == split:
                docs.append(doc)
    return docs


def kb_codes() -> set[str] | None:
    """Every actor code the KB knows (countries and organizations), or None when the KB cannot be loaded."""
    try:
        from ..kb import load_kb  # noqa: PLC0415 - optional; the validator still checks spans without it
    except ImportError:
        return None
    try:
        kb = load_kb()
    except Exception:  # noqa: BLE001 - a broken KB is reported by `marsad kb`; here we just skip code checks
        return None
    codes: set[str] = set()
    for rec in kb.entities.values():
        for c in (getattr(rec, "code", None), getattr(rec, "country", None)):
            if c:
                codes.add(c)
    return codes


def code_known(code: str, known: set[str]) -> bool:
    """True when ``code`` is a KB code, or a KB code (or bare sector) followed by 3-letter sector chunks."""
    if code in known:
        return True
    for head in range(3, len(code) + 1, 3):
        prefix, rest = code[:head], code[head:]
        if (prefix in known or prefix in SECTORS) and len(rest) % 3 == 0 and \
                all(rest[i:i + 3] in SECTORS for i in range(0, len(rest), 3)):
            return True
    return False


def validate_gold(docs: Iterable[GoldDoc], known_codes: set[str] | None = None) -> list[GoldProblem]:
    """Every problem in the gold records: span/text mismatches, unknown enumerations, unknown codes, duplicate ids.

    ``known_codes`` (from ``kb_codes()``) enables the actor-code check; without it codes are not checked.
    """
    problems: list[GoldProblem] = []
    seen: dict[str, str] = {}

    def bad(doc: GoldDoc, fld: str, msg: str, kind: str = "value") -> None:
        problems.append(GoldProblem(doc.where, doc.id, fld, msg, kind))

    def check_span(doc: GoldDoc, sp: Span, fld: str) -> None:
        if not (0 <= sp.start < sp.end <= len(doc.text)):
            bad(doc, fld, f"span {sp.start}:{sp.end} outside the text (length {len(doc.text)})", "span")
        elif doc.text[sp.start:sp.end] != sp.text:
            bad(doc, fld, f"text[{sp.start}:{sp.end}] is {doc.text[sp.start:sp.end]!r}, not {sp.text!r}", "span")

    def check_code(doc: GoldDoc, code: str | None, fld: str) -> None:
        if code and known_codes is not None and not code_known(code, known_codes):
            bad(doc, fld, f"actor code {code!r} is not in the KB (country/organization code + sector chunks)", "code")

    for doc in docs:
        if doc.id in seen:
            bad(doc, "id", f"duplicate id (first at {seen[doc.id]})")
        seen[doc.id] = doc.where
        if doc.lang not in ("ar", "en"):
            bad(doc, "lang", f"{doc.lang!r} is not ar or en")
        if doc.split not in ("dev", "test"):
            bad(doc, "split", f"{doc.split!r} is not dev or test")
        if doc.date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc.date)):
            bad(doc, "date", f"{doc.date!r} is not YYYY-MM-DD")
        for i, e in enumerate(doc.entities):
            check_span(doc, e.span, f"entities[{i}]")
            if e.kind not in ENTITY_KINDS:
                bad(doc, f"entities[{i}].kind", f"{e.kind!r} is not one of {sorted(ENTITY_KINDS)}")
            check_code(doc, e.code, f"entities[{i}].code")
            check_code(doc, e.country, f"entities[{i}].country")
        for i, ev in enumerate(doc.events):
            check_span(doc, ev.evidence, f"events[{i}].evidence")
            if ev.trigger is not None:
                check_span(doc, ev.trigger, f"events[{i}].trigger")
                if not ev.evidence.contains(ev.trigger):
                    bad(doc, f"events[{i}].trigger", "trigger lies outside its evidence span", "span")
            if ev.type is not None and ev.type not in PLOVER_TYPES:
                bad(doc, f"events[{i}].type", f"{ev.type!r} is not a PLOVER type")
            if ev.cameo_root is not None and ev.cameo_root not in CAMEO_ROOTS:
                bad(doc, f"events[{i}].cameo_root", f"{ev.cameo_root!r} is not a CAMEO root 01-20")
            if ev.type is None and ev.cameo_root not in ("01", "02"):
                bad(doc, f"events[{i}].type", "type null is only for CAMEO-only roots 01/02")
            if ev.modality not in MODALITIES:
                bad(doc, f"events[{i}].modality", f"{ev.modality!r} is not one of {sorted(MODALITIES)}")
            if ev.time is not None and not _ISO_PREFIX.match(ev.time):
                bad(doc, f"events[{i}].time", f"{ev.time!r} is not an ISO date prefix (2027, 2025-03, 2025-03-04)")
            for j, c in enumerate(ev.source):
                check_code(doc, c, f"events[{i}].source[{j}]")
            for j, c in enumerate(ev.target):
                check_code(doc, c, f"events[{i}].target[{j}]")
    return problems
