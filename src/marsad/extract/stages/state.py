"""The typed records the stages share: ``Resources`` (loaded once per process) and ``DocState`` (one document's
work in progress), the ``stage`` declaration and the order check.
Imports: marsad.model and marsad.extract siblings.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from ...errors import CodingStopped
from ...model import CodedDocument, Event
from ..decision import dropped_record

# the fields a DocState has before the first stage runs
INPUTS = frozenset({"doc", "text", "lang", "day", "trace", "threshold", "use_ner", "should_stop"})


@dataclass(slots=True)
class Resources:
    """Everything loaded once per process: KB, gazetteer automaton, lexicon and its indexes, decision model, rules."""
    kb: Any
    gazetteer: Any
    lexicon: Any
    country_of_place: dict[str, str]  # place entity id -> "country:XXX"
    country_of_org: dict[str, str]  # organization entity id -> "country:XXX"
    institutions: frozenset[str]  # ids of the KB roles of kind "institution" ("role:government")
    group_roles: frozenset[str]  # ids of the unarmed KB roles of kind "group" ("role:protesters")
    context_sets: dict
    decision: Any
    sports_forms: dict[str, frozenset[str]]
    rules: Any  # kb.coding_rules.CodingRules: recodes, implicit actors, localisation


@dataclass(slots=True)
class DocState:
    """One document between stages. Each field is filled by the stage that ``provides`` it (see STAGES)."""
    doc: CodedDocument
    text: str
    lang: str
    day: dt.date | None
    trace: list[dict] | None  # explain records, when asked for
    threshold: float | None  # None: the decision model's threshold per type
    use_ner: bool = False  # look for names the KB does not know (extract/stages/ner.py)
    should_stop: Callable[[], bool] | None = None  # the caller's "stop now?", asked at each checkpoint
    mentions: list = field(default_factory=list)  # gazetteer mentions (extract.mentions.Mention), then new ones
    new_mentions: list = field(default_factory=list)  # mentions of names the KB does not know (stages/ner.py)
    words: list = field(default_factory=list)  # extract.words.Word
    sentences: list = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each word's start offset
    doc_forms: frozenset[str] = frozenset()  # every form of every word: quick negative tests
    by_sent: dict = field(default_factory=dict)  # sentence -> its mentions
    places: list = field(default_factory=list)  # (w0, w1, mention, Location, headed) usable as event locations
    geo: list = field(default_factory=list)  # (w0, w1, mention, country code, country id) of every place named
    named_states: set = field(default_factory=set)  # (start, end) of mentions naming a country or capital
    ana_at: list[int] = field(default_factory=list)  # words that may start an anaphor, a trigger, a modality cue
    trigger_at: list[int] = field(default_factory=list)
    cue_at: list[int] = field(default_factory=list)
    opening_at: list[int] = field(default_factory=list)  # words that open reported speech (events.OPENING_WORDS)
    anaphors: dict = field(default_factory=dict)  # sentence -> [(w0, w1, refers, coordinated, prefix)]
    phrases: list = field(default_factory=list)  # extract.actors.Phrase
    coref: list = field(default_factory=list)  # (entity id, Span) of anaphora resolved
    doc_times: list = field(default_factory=list)  # text.TimeMatch
    times: list = field(default_factory=list)  # (word index, TimeMatch)
    quantities: list = field(default_factory=list)  # (word index, Quantity)
    hits: list = field(default_factory=list)  # extract.triggers.TriggerHit
    events: list[Event] = field(default_factory=list)  # the candidates that became events, in text order
    candidates: list = field(default_factory=list)  # extract.decision.Candidate of each event
    event_hits: list = field(default_factory=list)  # the trigger hit of each event
    telling_keys: list[str] = field(default_factory=list)  # what identical tellings of each event share
    builder: Any = None  # extract.events.EventBuilder
    scorer: Any = None  # extract.decision.CandidateScorer
    home: str | None = None  # the document's home country: its dateline's, else the most named (stages/localize.py)
    told: list[Event] = field(default_factory=list)  # every event before merging (for --explain)
    recodes: dict[int, list[str]] = field(default_factory=dict)  # id(event) -> recode rules applied (--explain)
    weapons: dict[int, Event] = field(default_factory=dict)  # last word of a weapon dropped -> the attack it armed

    def checkpoint(self, where: str) -> None:
        """Stop coding here (CodingStopped) if the caller asks: before each stage, and at each trigger or name in
        the stages whose work grows with the events of a text (candidates, names), so a server stops within a
        fraction of a second for a client that left, not at the end of the stage."""
        if self.should_stop is not None and self.should_stop():
            raise CodingStopped(f"coding of document {self.doc.doc_id} stopped at {where}", doc_id=self.doc.doc_id,
                                stage=where)

    def drop(self, hit, rule: str, why: str) -> None:
        """Record, for --explain, that the named ``rule`` dropped the candidate ``hit`` and why."""
        self.drop_span(hit.trigger, hit.start, hit.end, rule, why)

    def drop_span(self, trigger, start: int, end: int, rule: str, why: str) -> None:
        """Record, for --explain, that ``rule`` dropped a match of ``trigger`` at [start, end) and why."""
        if self.trace is not None:
            rec = dropped_record(self.text, trigger, start, end, why)
            rec["dropped_by"] = rule
            self.trace.append(rec)


Stage = Callable[[Resources, DocState], None]


def stage(needs: tuple[str, ...], provides: tuple[str, ...]) -> Callable[[Stage], Stage]:
    """Declare what a stage function reads and what it fills."""
    fields_ = set(DocState.__dataclass_fields__)

    def mark(fn: Stage) -> Stage:
        unknown = (set(needs) | set(provides)) - fields_
        if unknown:
            raise TypeError(f"stage {fn.__name__} names fields DocState lacks: {sorted(unknown)}")
        fn.needs, fn.provides = tuple(needs), tuple(provides)  # type: ignore[attr-defined]
        return fn
    return mark


def check_order(stages, inputs: frozenset[str]) -> None:
    """Every field a stage needs is an input or provided by an earlier stage."""
    have = set(inputs)
    for fn in stages:
        missing = [n for n in fn.needs if n not in have]
        if missing:
            raise TypeError(f"stage {fn.__name__} needs {missing}, which no earlier stage provides")
        have.update(fn.provides)
