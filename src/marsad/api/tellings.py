"""Every telling of a stored event with its own roles, for the event page (``GET /v1/events/{id}``: ``tellings``).

A merged event keeps every sentence that tells it (``evidences``: a headline, the body sentence, a later toll), but
the store keeps one trigger and one span per actor, from whichever telling gave them. To highlight each telling
with its own trigger, source, target, quantities, place and time, ``tellings(event)`` finds, per evidence span:

- trigger: the stored one for the telling that holds it; for another telling, the trigger the coder finds when it
  codes that sentence alone (``marsad.code``, every candidate kept) for an event of the same type and CAMEO root,
  else the stored trigger's words where the telling repeats them; ``None`` when neither is there;
- source / target: the stored actor spans inside the telling, the mentions of the stored actors' entities inside
  it, and the actors the coder finds in the sentence alone whose code is the stored actor's, shares its country,
  or is its sector without a country (``UAF`` for ``NGAUAF``) -- never a span that overlaps the trigger, and a
  mention inside a longer span of the same role is that span ("Ethiopian" in "Ethiopian troops");
- quantities: the stored quantities of the event inside the telling; place: the mentions of the event's place
  entity inside it; time: the stored time text inside it, nearest the telling's trigger.

Every span is ``{"start", "end", "text"}`` with offsets into the document text (``text[start:end] == span.text``).
Nothing is written back: the store stays as the coder left it. Imports: marsad.pipeline (``code``).
"""
from __future__ import annotations

from typing import Any

Span = dict[str, Any]
MAX_ALONE = 50  # tellings coded alone per event (a sentence repeated thousands of times is coded once, and past
# this many distinct sentences a telling shows the stored spans only, so one page view stays cheap)


def _inside(s: dict[str, Any] | None, a: int, b: int) -> bool:
    return bool(s) and s.get("start") is not None and s.get("end") is not None and a <= s["start"] < s["end"] <= b


def _span(text: str, start: int, end: int) -> Span:
    return {"start": start, "end": end, "text": text[start:end]}


def _overlaps(s: Span, t: Span | None) -> bool:
    return t is not None and s["start"] < t["end"] and t["start"] < s["end"]


def _fits(found: str, stored: list[dict[str, Any]]) -> bool:
    """Does an actor code the coder found in a sentence alone stand for one of the event's stored actors?"""
    for a in stored:
        code, country = a.get("code") or "", a.get("country") or (a.get("code") or "")[:3]
        if found == code or (len(found) >= 3 and found[:3] == country and country.isalpha()):
            return True
        if len(found) == 3 and len(code) > 3 and code.endswith(found):  # a sector with no country: UAF, REB
            return True
    return False


def _alone(sentence: str, lang: str | None, date: str | None) -> list[dict[str, Any]]:
    """The events the coder finds in one sentence coded on its own, every candidate kept."""
    from ..errors import MarsadError
    from ..pipeline import code

    try:
        return code(sentence, lang=lang if lang in ("ar", "en") else None, date=date, all_candidates=True
                    ).to_dict()["events"]
    except MarsadError:  # a sentence the coder refuses adds no spans; the stored ones remain
        return []


def _pick(found: list[dict[str, Any]], event: dict[str, Any]) -> dict[str, Any] | None:
    """The event of a sentence coded alone that is this telling: same type (or CAMEO root for a CAMEO-only
    event), most actors in common, then the highest score."""
    same = [e for e in found if e.get("type") == event.get("type") and
            (event.get("type") is not None or (e.get("cameo") or "")[:2] == (event.get("cameo") or "")[:2])]

    def shared(e: dict[str, Any]) -> int:
        return sum(_fits(a["code"], event.get("source") or []) for a in e.get("source") or []) + \
            sum(_fits(a["code"], event.get("target") or []) for a in e.get("target") or [])

    return max(same, key=lambda e: (shared(e), e.get("confidence") or 0.0), default=None)


def _time_span(event: dict[str, Any], text: str, a: int, b: int, near: int) -> Span | None:
    when = event.get("time") or {}
    needle = when.get("text")
    if when.get("start") is not None and _inside(when, a, b):
        return _span(text, when["start"], when["end"])
    if not needle:
        return None
    best = None
    i = text.find(needle, a)
    while 0 <= i and i + len(needle) <= b:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return None if best is None else _span(text, best, best + len(needle))


def tellings(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Per evidence span of ``event`` (the shape of ``Queries.event``: document, entities, quantities and
    evidences included), the telling with its own roles; see the module docstring."""
    doc = event.get("document") or {}
    text = doc.get("text") or ""
    spans = event.get("evidences") or [event["evidence"]]
    mentions: dict[str, list[dict[str, Any]]] = {en["id"]: en.get("mentions") or []
                                                 for en in event.get("entities") or []}
    place = (event.get("location") or {}).get("entity")
    out = []
    alone: dict[str, list[dict[str, Any]]] = {}  # sentence -> its events coded alone, once per distinct sentence
    for ev_span in spans:
        a, b = ev_span["start"], ev_span["end"]
        stored_trigger = event.get("trigger")
        found = None
        if _inside(stored_trigger, a, b):
            trigger: Span | None = _span(text, stored_trigger["start"], stored_trigger["end"])
        else:
            trigger = None
            sentence = text[a:b]
            if sentence not in alone and len(alone) < MAX_ALONE:
                alone[sentence] = _alone(sentence, doc.get("lang"), doc.get("date"))
            found = _pick(alone.get(sentence, []), event)
            if found and found.get("trigger", {}).get("start") is not None:
                t = found["trigger"]
                trigger = _span(text, a + t["start"], a + t["end"])
            elif stored_trigger and stored_trigger.get("text"):
                i = text.find(stored_trigger["text"], a, b)
                if i >= 0:
                    trigger = _span(text, i, i + len(stored_trigger["text"]))
        roles: dict[str, list[Span]] = {}
        for role in ("source", "target"):
            got: dict[tuple[int, int], Span] = {}
            stored = event.get(role) or []
            for actor in stored:
                if _inside(actor, a, b):
                    got[(actor["start"], actor["end"])] = _span(text, actor["start"], actor["end"])
                for m in mentions.get(actor.get("entity") or "", []):
                    if _inside(m, a, b):
                        got[(m["start"], m["end"])] = _span(text, m["start"], m["end"])
            for actor in (found or {}).get(role) or []:
                if actor.get("start") is not None and _fits(actor["code"], stored):
                    got[(a + actor["start"], a + actor["end"])] = _span(text, a + actor["start"], a + actor["end"])
            kept = [s for s in got.values() if not _overlaps(s, trigger)]
            # a mention inside a longer span of the same role ("Ethiopian" in "Ethiopian troops") is that span
            roles[role] = sorted((s for s in kept if not any(o is not s and o["start"] <= s["start"] and
                                                             s["end"] <= o["end"] for o in kept)),
                                 key=lambda s: s["start"])
        quantities = sorted((_span(text, q["start"], q["end"]) for q in event.get("quantities") or []
                             if _inside(q, a, b)), key=lambda s: s["start"])
        places = sorted((_span(text, m["start"], m["end"]) for m in mentions.get(place or "", [])
                         if _inside(m, a, b)), key=lambda s: s["start"])
        out.append({"start": a, "end": b, "text": text[a:b], "trigger": trigger, "source": roles["source"],
                    "target": roles["target"], "quantities": quantities, "place": places,
                    "time": _time_span(event, text, a, b, trigger["start"] if trigger else a)})
    return out
