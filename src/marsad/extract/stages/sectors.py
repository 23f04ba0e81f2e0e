"""Stage: a nationality adjective coded as a bare country takes the sector of its noun (the word before it in Arabic,
after it in English) when that noun is a unit or a weapon that names no actor of its own ("قصفت مقاتلات بريطانية",
"Israeli drones": GBRMIL, ISRMIL; grammar table ``unit_noun_sectors``). Applied after merging, so the decision layer
and merging see what the earlier rules chose."""
from __future__ import annotations

import bisect
from functools import cache

from ...kb import grammar
from ...model import Actor
from .state import DocState, Resources, stage


NATIONALITY_KINDS = frozenset({"nisba", "demonym"})


@cache
def _unit_sectors() -> dict[str, str]:
    """Unit or weapon noun (Arabic or English) -> the sector it gives a nationality adjective."""
    return {w: sector for sector, ws in grammar.keyed("unit_noun_sectors").items() for w in ws}


@stage(needs=("events", "words", "starts", "mentions", "lang"), provides=())
def refine_sectors(res: Resources, st: DocState) -> None:
    if st.lang not in ("ar", "en") or not st.events:
        return
    units = _unit_sectors()
    nisbas = {(m.start, m.end) for m in st.mentions if m.kind in NATIONALITY_KINDS}
    for ev in st.events:
        ev.source = _refined(ev.source, st, units, nisbas)
        ev.target = _refined(ev.target, st, units, nisbas)


def _refined(actors: list, st: DocState, units: dict[str, str], nisbas: set) -> list:
    out = actors
    for n, a in enumerate(actors):
        if len(a.code) != 3 or (a.start, a.end) not in nisbas:
            continue
        k = bisect.bisect_right(st.starts, a.start) - 1  # the adjective's word; Arabic puts its noun before it
        k = k - 1 if st.lang == "ar" else k + 1
        if not 0 <= k < len(st.words):
            continue
        noun = st.words[k]
        if noun.mention is not None or noun.kind != "word":
            continue
        sector = next((units[f] for f in sorted(noun.forms) if f in units), None)
        if sector is not None:
            if out is actors:
                out = list(actors)
            out[n] = Actor(a.code + sector, a.entity, a.text, a.start, a.end)
    return out
