"""Events whose actor the KB does not know, on the real-text gold (``marsad eval --real --unknown-actors``).

The real gold keeps each role as actor codes, not as a span of the text, so "the KB does not know this actor" is
decided from codes and from what the KB alone finds in the event's sentence (``real.sentence_of`` of the gold
trigger), as the tuple score judges roles (by their countries):

* a gold role (the codes of a source or a target) **names** an actor when one of its codes has a country
  (``IRQINS``, ``KENOPP``) or is an organization code with none (``IGOUNO``, ``UNO``, ``EUR``); a role of bare
  sectors only (``UAF``, ``CVL``, ``REB``) names nobody and is never counted as beyond the KB;
* a naming role is **beyond the KB** when the KB-only coding (``code(text)``, the default) has no entity with a
  mention in that sentence giving one of its countries (the entity's country or the prefix of its code: a
  country, a capital, a nisba, a person, an organization or a place of that country) or its organization code;
* a gold event is beyond the KB when its source or its target is;
* such an event is **coded right** when a predicted event is paired with it (same type, ``real.pair_events``) and
  both role country sets are right (the tuple criterion of ``marsad eval --real``).

Each text is coded twice, KB-only and with the NER layer (``code(..., ner=True)``); the criterion always comes
from the KB-only coding, so both runs are judged on the same events.

Imports: marsad.evaluate.{real,scoring}; marsad.pipeline lazily.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .real import (RealDoc, RealEvent, countries_of, group_of, new_predictions, pair_events, sentence_of)

NEW_ENTITY = "new:"  # the id prefix of an entity the NER found and the KB lacks (extract/stages/ner.py)
ORG_HEADS = ("IGO", "NGO", "UNO", "EUR", "MNC")  # organization codes without a country (real._countries)


def _is_org_code(code: str) -> bool:
    return code[:3] in ORG_HEADS


def kb_handles(coded: dict[str, Any], start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """(countries, codes) of the entities of ``coded`` with a mention inside ``[start, end]``."""
    countries, codes = set(), set()
    for ent in coded.get("entities", []):
        if any(start <= m["start"] and m["end"] <= end for m in ent.get("mentions", [])):
            code = ent.get("code") or ""
            codes.add(code)
            countries |= countries_of([code])
            if ent.get("country"):
                countries.add(ent["country"])
    return frozenset(countries), frozenset(codes)


def beyond_kb(codes: tuple[str, ...], handles: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a gold role names an actor the KB gives no handle on in its sentence (module docstring)."""
    countries, found = handles
    named = countries_of(codes) | {c for c in codes if _is_org_code(c)}
    return bool(named) and not (named & (countries | found))


@dataclass(slots=True)
class UnknownReport:
    events: int = 0  # new gold events
    beyond: int = 0  # of them, with a source or a target beyond the KB
    roles_beyond: int = 0
    ner_named: int = 0  # beyond events whose sentence holds a new entity of the NER run (a name the KB lacks)
    matched: dict[str, int] = field(default_factory=lambda: {"kb": 0, "ner": 0})  # beyond events paired by type
    right: dict[str, int] = field(default_factory=lambda: {"kb": 0, "ner": 0})  # ... with both roles right
    role_right: dict[str, int] = field(default_factory=lambda: {"kb": 0, "ner": 0})  # beyond roles right
    right_all: dict[str, int] = field(default_factory=lambda: {"kb": 0, "ner": 0})  # every gold event right
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "beyond_kb": self.beyond,
                "beyond_share": round(self.beyond / self.events, 4) if self.events else 0.0,
                "roles_beyond_kb": self.roles_beyond, "with_ner_name": self.ner_named, "matched": dict(self.matched),
                "right": dict(self.right),
                "roles_right": dict(self.role_right), "right_all_events": dict(self.right_all),
                "items": self.items}


def _score(doc: RealDoc, coded: dict[str, Any], run: str, beyond: list[tuple[RealEvent, list[str]]],
           rep: UnknownReport) -> None:
    gold = doc.new_events
    pred = new_predictions(coded)
    index = {id(g): i for i, g in enumerate(gold)}
    paired = dict(pair_events(gold, pred, doc.text))
    for i, g in enumerate(gold):
        j = paired.get(i)
        if j is not None and _roles_right(g, pred[j]) == ("source", "target"):
            rep.right_all[run] += 1
    for g, roles in beyond:
        j = paired.get(index[id(g)])
        if j is None:
            continue
        rep.matched[run] += 1
        ok = _roles_right(g, pred[j])
        rep.right[run] += ok == ("source", "target")
        rep.role_right[run] += sum(r in ok for r in roles)


def _roles_right(g: RealEvent, p: dict[str, Any]) -> tuple[str, ...]:
    """The roles of a paired event whose country sets are right, as ``score_doc`` judges them."""
    return tuple(name for name, gold, pred in (("source", g.source, p.get("source", [])),
                                               ("target", g.target, p.get("target", [])))
                 if countries_of(gold) == countries_of([a["code"] for a in pred]))


def score_unknown(docs: list[RealDoc], coder: Callable[..., Any] | None = None) -> dict[str, UnknownReport]:
    """Code every text KB-only and with NER; one report per group (``sentences-ar``, ``articles-ar``,
    ``articles-en``) and ``all``."""
    if coder is None:
        from ..pipeline import code as coder  # noqa: PLC0415
    reports: dict[str, UnknownReport] = {}
    for d in docs:
        runs = {}
        for run, use_ner in (("kb", False), ("ner", True)):
            out = coder(d.text, lang=d.lang, date=d.date, ner=use_ner)
            runs[run] = out if isinstance(out, dict) else out.to_dict()
        beyond, named = [], 0
        for g in d.new_events:
            s0, s1 = sentence_of(d.text, g.start)
            handles = kb_handles(runs["kb"], s0, s1 + 1)
            roles = [name for name, codes in (("source", g.source), ("target", g.target)) if beyond_kb(codes, handles)]
            if roles:
                beyond.append((g, roles))
                named += any(e["id"].startswith(NEW_ENTITY) for e in runs["ner"].get("entities", [])
                             if any(s0 <= m["start"] <= s1 for m in e.get("mentions", [])))
        for key in (group_of(d), "all"):
            rep = reports.setdefault(key, UnknownReport())
            rep.events += len(d.new_events)
            rep.beyond += len(beyond)
            rep.roles_beyond += sum(len(r) for _, r in beyond)
            rep.ner_named += named
            for run, coded in runs.items():
                _score(d, coded, run, beyond, rep)
            if key != "all":
                rep.items += [{"id": d.id, "type": g.type, "start": g.start, "end": g.end, "roles": roles,
                               "source": list(g.source), "target": list(g.target)} for g, roles in beyond]
    return reports


def render_unknown(reports: dict[str, UnknownReport], console, split: str | None) -> None:
    from rich.table import Table  # noqa: PLC0415

    t = Table(title=f"Real-text gold{f' ({split} split)' if split else ''}: events whose source or target the KB "
                    "does not know (its country or code not found by the KB in the event's sentence)")
    for col in ("group", "events", "beyond KB", "%", "NER name", "typed", "right", "roles right", "all right"):
        t.add_column(col, justify="left" if col == "group" else "right", no_wrap=True)
    for name, r in sorted(reports.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        t.add_row(name, str(r.events), str(r.beyond), f"{100 * r.beyond / r.events:.1f}" if r.events else "-",
                  str(r.ner_named), *(f"{v['kb']} / {v['ner']}" for v in (r.matched, r.right, r.role_right,
                                                                           r.right_all)))
    console.print(t)
    console.print("beyond KB: gold events with a source or target the KB does not know; NER name: of them, with a "
                  "name the NER finds in the sentence; typed, right (type + both role countries), roles right (of "
                  "the roles beyond the KB), all right (every gold event): KB-only / with NER", highlight=False)
