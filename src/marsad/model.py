"""Typed records of the domain, passed between stages; ``to_dict()`` gives the output contract of DESIGN.md.

Every ``Span`` is a pair of offsets into the original text of the document (Python ``str`` indices), and
``text[start:end] == span.text`` always holds: ``Span.of`` builds one from the text so it cannot drift.
Imports nothing of marsad.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any


def _direct_init(cls):
    """Give a frozen slots dataclass an ``__init__`` that fills each slot through its descriptor.

    The ``__init__`` that ``dataclass(frozen=True)`` writes goes through ``object.__setattr__`` once per field, about
    seven times the cost of a plain assignment; records such as ``Span`` and ``Actor`` are made dozens of times per
    document. The slot descriptor's ``__set__`` skips the frozen ``__setattr__`` just as that call does, so the
    record stays frozen (assignment raises), hashable and equal by value; the signature is the same."""
    params, body, env = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields are supported")
        env[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n", env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls


# CAMEO/PLOVER sector and type codes: an actor code that starts with one names no state ("GOV" = some government).
ACTOR_SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "SPY", "UAF", "PRM", "PTY", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "HLH", "REF", "REL", "SOC", "AGR", "DEV", "ENV", "HRI", "MOD", "RAD", "SET",
    "PKO", "PRE", "MUS", "CHR", "CTH", "PRO", "JEW", "HIN", "BUD"})
# the sectors of armed actors a text does not name ("مسلحون", "gunmen", "المتمردون"): a claim or an affiliation named
# in the sentence may tell who they are (extract/events.py, extract/merge.py)
UNNAMED_ARMED = frozenset({"UAF", "REB", "INS"})
IMPLICIT_ATTACKERS = "UAF"  # the source the coder gives an attack that names no attacker (its span: the trigger's)


def implicit_attacker(actor: "Actor", ev: "Event") -> bool:
    """Is ``actor`` the unidentified attacker the coder gave ``ev`` because the text names none?"""
    return actor.entity is None and actor.code[-3:] == IMPLICIT_ATTACKERS and actor.start == ev.trigger.start


@_direct_init
@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"span {start}:{end} outside a text of length {len(text)}")
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Entity:
    """A resolved thing the document talks about: a country, person, organization, place or region."""

    id: str
    kind: str  # country | person | organization | place | region
    name: str  # English canonical name
    name_ar: str | None
    code: str | None  # CAMEO-style actor code (USA, USAGOV, JPNMIL, IGOUNO) or None for places/regions
    country: str | None  # ISO3 (or CAMEO country code such as KOS)
    sectors: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None  # for people: the post held on the document date (e.g. "foreign_minister")

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "kind": self.kind, "name": self.name, "name_ar": self.name_ar, "code": self.code,
               "country": self.country, "sectors": list(self.sectors), "lat": self.lat, "lon": self.lon,
               "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda s: (s.start, s.end))]}
        if self.kind == "person":
            out["role"] = self.role
        return out


@_direct_init
@dataclass(frozen=True, slots=True)
class Actor:
    code: str
    entity: str | None
    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "entity": self.entity, "text": self.text}
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out


@_direct_init
@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # troops | casualties | killed | injured | arrested | money | percent | weapons | people | count
    value: float
    unit: str | None  # troops, percent, USD, ...
    approx: bool
    start: int
    end: int
    text: str
    of: str | None = None  # what is counted, e.g. "GDP", "defense spending"
    actor: str | None = None  # actor code the quantity belongs to (e.g. USA for US troops)
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        out = {"kind": self.kind, "value": value, "unit": self.unit, "approx": self.approx, "of": self.of,
               "actor": self.actor, "start": self.start, "end": self.end, "text": self.text}
        if self.low is not None or self.high is not None:
            out["low"], out["high"] = self.low, self.high
        return out


@_direct_init
@dataclass(frozen=True, slots=True)
class TimeRef:
    text: str
    value: str | None  # ISO date, year ("2027"), month ("2027-03") or interval "2024-07-22/2024-07-28"
    relation: str  # on | by | since | before | after | during | until | document-date
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "relation": self.relation, "start": self.start,
                "end": self.end}


@_direct_init
@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    entity: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon, "entity": self.entity}


@dataclass(slots=True)
class Event:
    id: str
    type: str | None  # PLOVER type; None for CAMEO-only events (01 statements, 02 appeals)
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    source: list[Actor]
    target: list[Actor]
    modality: str  # asserted | negated | intended | planned | hypothetical | reported
    location: Location | None
    time: TimeRef | None
    quantities: list[Quantity]
    trigger: Span
    evidence: Span
    rule: str
    confidence: float
    evidences: list[Span] = field(default_factory=list)  # every telling of a merged event, evidence first
    sentence: int = 0
    background: bool = False  # a specific past act recalled as context, not reported as news (kept, flagged)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
                "quad_class": self.quad_class, "goldstein": self.goldstein,
                "source": [a.to_dict() for a in self.source], "target": [a.to_dict() for a in self.target],
                "modality": self.modality,
                "location": self.location.to_dict() if self.location else None,
                "time": self.time.to_dict() if self.time else None,
                "quantities": [q.to_dict() for q in self.quantities],
                "trigger": self.trigger.to_dict(), "evidence": self.evidence.to_dict(),
                "evidences": [s.to_dict() for s in (self.evidences or [self.evidence])],
                "rule": self.rule, "confidence": round(self.confidence, 3), "background": self.background}


@dataclass(slots=True)
class CodedDocument:
    doc_id: str
    lang: str
    date: str | None
    kb_version: str
    text: str
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    url: str | None = None
    coder_version: str = ""
    # ``code(..., explain=True)``: one record per candidate trigger (the rule that proposed it, how its roles were
    # chosen, its decision score and top features, and what became of it: kept as eN, merged, or dropped and why)
    explain: list[dict[str, Any]] | None = None

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "lang": self.lang, "date": self.date,
                               "kb_version": self.kb_version, "coder_version": self.coder_version,
                               "url": self.url,
                               "entities": [e.to_dict() for e in self.entities],
                               "events": [e.to_dict() for e in self.events],
                               "quantities": [q.to_dict() for q in self.quantities],
                               "times": [t.to_dict() for t in self.times]}
        if include_text:
            out["text"] = self.text
        if self.explain is not None:
            out["explain"] = self.explain
        return out


def iter_spans(obj: Any):
    """Every span of a coded document's dict (``to_dict()``), nested anywhere: a dict with an int ``start`` and
    ``end`` and a str ``text`` (offsets into the original text; the property tests check ``text[start:end]``)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and isinstance(obj.get("text"), str):
            yield obj
        for v in obj.values():
            yield from iter_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from iter_spans(v)
