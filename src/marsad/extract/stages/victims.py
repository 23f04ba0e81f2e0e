"""Stage: an attack that names no target (or only the country of the place it struck) but counts victims in a
sentence that tells it (after merging) hit the military of the place when the count is of soldiers, else its
civilians (rules implicit-military-victims and implicit-victims of kb/data/coding_rules.jsonl; ACLED's "Civilians
(country)"). The victims take the country the count names ("أربعة جنود فرنسيين"), else the event's place, else the
document's home country; the actor's span is the count. The decision layer never sees these targets: they are
inferred after it scored the event."""
from __future__ import annotations

import bisect

from ...model import Actor
from ..merge import named_countries
from .localize import localize
from .state import DocState, Resources, stage


@stage(needs=("events", "quantities", "home"), provides=())
def infer_victims(res: Resources, st: DocState) -> None:
    by_type = res.rules.implicit_actors("target")
    quantities = sorted((q.start, k, q) for k, (_w, q) in enumerate(st.quantities))
    starts = [start for start, _k, _q in quantities]
    explained = _kept_records(st.trace)
    for ev in st.events:
        rules = by_type.get(ev.type)
        if not rules or (ev.target and not _bare_state(ev.target)):
            continue
        counts = _counts_told(ev, quantities, starts)
        for rule in rules:
            q = next((q for q in counts if q.kind in rule["kinds"] or q.unit in rule["kinds"]), None)  # soldiers
            # killed are of kind "killed" and unit "troops" (rule counted-casualties)
            if q is None:
                continue
            if q.actor:
                victims = [Actor(q.actor + rule["code"], None, q.text, q.start, q.end)]
            else:
                country = ev.location.country if ev.location and ev.location.country else st.home
                if country == st.home and country in named_countries(ev.source):
                    country = None  # only the attackers' own country is named ("غارة إسرائيلية"): victims unplaced
                victims = localize([Actor(rule["code"], None, q.text, q.start, q.end)], country)
            if any(v.code == a.code for v in victims for a in ev.source):
                break  # the attackers' own side counted (their dead, or a toll of both): no victims inferred
            if ev.target and not q.actor and {v.code[:3] for v in victims} != {a.code for a in ev.target}:
                break  # the place struck is another country's than the victims'; a count that names whose soldiers
                # they are ("أعلن الجيش الأمريكي مقتل ثلاثة من جنوده" in Iraq) says who was hit there
            ev.target = victims
            for rec in explained.get(ev.id, ()):
                rec["target"] = [a.code for a in ev.target]
                rec.setdefault("recoded_by", []).append(rule["rule"])
            break


def _bare_state(target: list[Actor]) -> bool:
    """Is the target one country without a sector, as a place struck gives it ("قتل خمسة أشخاص في انفجار بمدينة
    الموصل": IRQ)? The victims counted in its sentence say who was hit there (IRQCVL)."""
    return len(target) == 1 and len(target[0].code) == 3


def _counts_told(ev, quantities: list, starts: list[int]) -> list:
    """The quantities inside the event's tellings, in the document's order: a binary search per telling (scanning
    every quantity of the document for every event was quadratic in a long text)."""
    found: set[int] = set()
    for e in ev.evidences:
        k = bisect.bisect_left(starts, e.start)
        while k < len(starts) and starts[k] < e.end:
            found.add(k)
            k += 1
    return [q for _s, _k, q in sorted((quantities[k] for k in found), key=lambda x: x[1])]


def _kept_records(trace: list[dict] | None) -> dict[str, list[dict]]:
    """The explain records of the kept events, by event id ("kept as <id>")."""
    out: dict[str, list[dict]] = {}
    for rec in trace or ():
        outcome = rec.get("outcome") or ""
        if outcome.startswith("kept as "):
            out.setdefault(outcome[8:], []).append(rec)
    return out
