"""Within-document merging: one event told twice becomes one event that keeps every telling.

Three rules, applied in order:
  1. identical tellings - same type, CAMEO code, modality and source/target codes, and either the same normalized
     trigger or the same evidence text (a repeated line);
  2. one sentence, one event per type - two triggers of the same type and modality in one sentence whose actors are
     compatible (one side's codes contained in the other's) are one event, kept with the richer actors;
  3. headlines - an event in a headline line (no final punctuation) joins a body event of the same type whose
     source shares a country with it (or when the headline names no source); the body telling becomes the evidence.
A statement (CAMEO 01, no PLOVER type) whose verb introduces another event later in its sentence ("أعلنت X سحب
قواتها") only carries it and is dropped. The merged event keeps the highest confidence, the union of quantities, the first location and time.
Imports: marsad.model.
"""
from __future__ import annotations

from ..model import Event

TELLING = {"asserted", "reported"}  # the same event, told directly or through a source
HEADLINE_END = (".", "!", "?", "؟", "…", "\"", "»", ":")


def _codes(actors) -> set[str]:
    return {a.code for a in actors}


def _countries(actors) -> set[str]:
    return {a.code[:3] for a in actors if a.code}


def _absorb(kept: Event, ev: Event, lead: bool = False) -> None:
    """Fold ``ev`` into ``kept``; with ``lead`` the absorbed telling's evidence goes last (kept is the body)."""
    if all(s != ev.evidence for s in kept.evidences):
        kept.evidences.append(ev.evidence)
    kept.confidence = max(kept.confidence, ev.confidence)
    seen = {(q.start, q.end) for q in kept.quantities}
    kept.quantities.extend(q for q in ev.quantities if (q.start, q.end) not in seen)
    if kept.location is None:
        kept.location = ev.location
    if kept.time is None or (kept.time.relation == "document-date" and ev.time is not None
                             and ev.time.relation != "document-date"):
        kept.time = ev.time or kept.time
    if not lead:
        if len(_codes(ev.source)) > len(_codes(kept.source)):
            kept.source = ev.source
        if len(_codes(ev.target)) > len(_codes(kept.target)):
            kept.target = ev.target


def _compatible(a: Event, b: Event) -> bool:
    sa, sb, ta, tb = _countries(a.source), _countries(b.source), _countries(a.target), _countries(b.target)
    return (sa <= sb or sb <= sa) and (ta <= tb or tb <= ta) and not (sa & tb) and not (sb & ta)


def _is_headline(ev: Event) -> bool:
    text = ev.evidence.text.rstrip()
    return bool(text) and not text.endswith(HEADLINE_END) and len(text) < 160


def merge_events(events: list[Event], trigger_keys: list[str]) -> list[Event]:
    # statements that only carry another event of their sentence
    first_typed: dict[int, int] = {}  # sentence -> start of the last typed trigger in it
    for ev in events:
        if ev.type is not None:
            first_typed[ev.sentence] = max(first_typed.get(ev.sentence, -1), ev.trigger.start)
    pairs = [(ev, k) for ev, k in zip(events, trigger_keys)
             if not (ev.type is None and ev.cameo.startswith("01") and ev.trigger.start < first_typed.get(ev.sentence, -1))]
    # 1. identical tellings
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for ev, tkey in pairs:
        base = (ev.type, ev.cameo, ev.modality, tuple(sorted(_codes(ev.source))), tuple(sorted(_codes(ev.target))))
        keys = [base + ("t", tkey), base + ("e", ev.evidence.text)]
        hit = next((index[k] for k in keys if k in index), None)
        if hit is None:
            out.append(ev)
            for k in keys:
                index[k] = len(out) - 1
        else:
            _absorb(out[hit], ev)
            for k in keys:
                index.setdefault(k, hit)
    # 2. one sentence, one event per type and modality
    merged: list[Event] = []
    same_type: dict[tuple, list[Event]] = {}  # (sentence, type) -> the merged events with it, in order
    for ev in out:
        peers = same_type.get((ev.sentence, ev.type), ()) if ev.type is not None else ()
        twin = next((m for m in peers if (m.modality == ev.modality or {m.modality, ev.modality} <= TELLING)
                     and _compatible(m, ev)), None)
        if twin is None:
            merged.append(ev)
            same_type.setdefault((ev.sentence, ev.type), []).append(ev)
        else:
            _absorb(twin, ev)
    # 3. headline tellings join the body
    final: list[Event] = []
    headline = [_is_headline(ev) for ev in merged]
    heads = [ev for ev, is_head in zip(merged, headline) if is_head]
    body = [ev for ev, is_head in zip(merged, headline) if not is_head]
    for ev in body:
        final.append(ev)
    for h in heads:
        twin = next((b for b in body if b.type == h.type and b.type is not None
                     and (not h.source or _countries(h.source) & _countries(b.source))), None)
        if twin is None:
            final.append(h)
        else:
            _absorb(twin, h, lead=True)
    final.sort(key=lambda e: (e.evidence.start, e.trigger.start))
    return final

