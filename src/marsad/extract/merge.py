"""Within-document merging: one event told twice (headline and body, or two sentences) becomes one event.

Two events merge when type, CAMEO code, modality and the sets of source and target codes are equal and either the
trigger says the same thing (same normalized trigger text) or the evidence text is identical (a repeated line).
The merged event keeps the first telling as ``evidence``/``trigger`` and every telling in ``evidences``; it takes the
highest confidence and the union of quantities. Distinct events stay distinct.
Imports: marsad.model.
"""
from __future__ import annotations

from ..model import Event


def merge_events(events: list[Event], trigger_keys: list[str]) -> list[Event]:
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for ev, tkey in zip(events, trigger_keys):
        base = (ev.type, ev.cameo, ev.modality, tuple(sorted(a.code for a in ev.source)),
                tuple(sorted(a.code for a in ev.target)))
        keys = [base + ("t", tkey), base + ("e", ev.evidence.text)]
        hit = next((index[k] for k in keys if k in index), None)
        if hit is None:
            out.append(ev)
            for k in keys:
                index[k] = len(out) - 1
            continue
        kept = out[hit]
        if all(s != ev.evidence for s in kept.evidences):
            kept.evidences.append(ev.evidence)
        kept.confidence = max(kept.confidence, ev.confidence)
        seen = {(q.start, q.end) for q in kept.quantities}
        kept.quantities.extend(q for q in ev.quantities if (q.start, q.end) not in seen)
        if kept.location is None:
            kept.location = ev.location
        if kept.time is None or (kept.time.relation == "document-date" and ev.time is not None):
            kept.time = ev.time or kept.time
        for k in keys:
            index.setdefault(k, hit)
    return out
