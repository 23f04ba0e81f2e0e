"""Stage: an attack that names no target but counts victims in a sentence that tells it (after merging) hit the
military of the place when the count is of soldiers, else its civilians (rules implicit-military-victims and
implicit-victims of kb/data/coding_rules.jsonl; ACLED's "Civilians (country)"). The victims take the country the
count names ("أربعة جنود فرنسيين"), else the event's place, else the document's home country; the actor's span is the
count. The decision layer never sees these targets: they are inferred after it scored the event."""
from __future__ import annotations

from ...model import Actor
from ..merge import named_countries
from .localize import localize
from .state import DocState, Resources, stage


@stage(needs=("events", "quantities", "home"), provides=())
def infer_victims(res: Resources, st: DocState) -> None:
    by_type = res.rules.implicit_actors("target")
    for ev in st.events:
        rules = by_type.get(ev.type)
        if not rules or ev.target:
            continue
        counts = [q for _w, q in st.quantities if any(e.start <= q.start < e.end for e in ev.evidences)]
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
            ev.target = victims
            _explain(st, ev, rule["rule"])
            break


def _explain(st: DocState, ev, rule: str) -> None:
    if st.trace is None:
        return
    for rec in st.trace:
        if rec.get("outcome") == f"kept as {ev.id}":
            rec["target"] = [a.code for a in ev.target]
            rec.setdefault("recoded_by", []).append(rule)
