"""Stages: the quantities of the document (casualties, arrests, money ...), then, once the events exist, each
quantity given to the event with the nearest trigger in its sentence, a new act before a recalled one. A count of
people that a killing or wounding trigger acts on ("قتل 12 مدنيا", "12 civilians were killed") becomes a count of
the killed or the injured (rule counted-casualties; ACLED's fatalities)."""
from __future__ import annotations

import bisect
import dataclasses
from functools import cache

from ...kb import grammar
from ...model import Event, Quantity
from ..quantities import extract_quantities
from .state import DocState, Resources, stage


@stage(needs=("doc", "text", "lang", "words", "mentions", "starts"), provides=("quantities",))
def find_quantities(res: Resources, st: DocState) -> None:
    st.quantities = extract_quantities(st.text, st.lang, st.words, st.mentions, res.kb, res.lexicon, st.starts)
    st.doc.quantities = [q for _w, q in st.quantities]


@stage(needs=("events", "event_hits", "quantities", "words", "starts"), provides=())
def attach_quantities(res: Resources, st: DocState) -> None:
    words = st.words
    by_sentence: dict[int, list[tuple[object, Event]]] = {}
    for hit, ev in sorted(zip(st.event_hits, st.events), key=lambda he: he[1].background):
        near = by_sentence.setdefault(ev.sentence, [])
        if not ev.background or not near or near[0][1].background:
            near.append((hit, ev))
    nearest = {sentence: _Nearest(near) for sentence, near in by_sentence.items()}
    rule = res.rules["counted-casualties"]
    changed = False
    for n, (wi, q) in enumerate(st.quantities):
        near = nearest.get(words[wi].sentence)
        if near is None:
            continue
        hit, ev = near.to(wi)
        if q.kind in rule["kinds"]:
            fate = _fate(words, hit)
            if fate is not None and _acted_on(st.starts, hit, wi, q, rule["span"]):
                q = dataclasses.replace(q, kind=fate)  # the unit stays: soldiers killed are still soldiers
                st.quantities[n] = (wi, q)
                changed = True
        ev.quantities.append(q)
    if changed:
        st.doc.quantities = [q for _w, q in st.quantities]


class _Nearest:
    """The (hit, event) of a sentence whose trigger starts nearest a word, the earlier-listed on a tie (what
    ``min`` over the list by distance gives), by binary search: a sentence of thousands of figures and triggers
    made the scan of every trigger for every figure quadratic."""

    def __init__(self, near: list[tuple[object, Event]]) -> None:
        order = sorted(range(len(near)), key=lambda k: (near[k][0].w0, k))
        self.near = near
        self.pos = [near[k][0].w0 for k in order]
        self.order = order

    def to(self, wi: int) -> tuple[object, Event]:
        pos, order = self.pos, self.order
        k = bisect.bisect_right(pos, wi)
        options = []
        if k > 0:  # the nearest trigger at or before the word: the first listed of those starting there
            options.append((wi - pos[k - 1], order[bisect.bisect_left(pos, pos[k - 1])]))
        if k < len(pos):  # the nearest after it
            options.append((pos[k] - wi, order[k]))
        return self.near[min(options)[1]]


@cache
def _casualty_words() -> dict[str, str]:
    """A trigger's word -> what befell the people it counts (grammar table casualty_words)."""
    return {w: fate for fate, ws in grammar.keyed("casualty_words").items() for w in ws}


def _fate(words, hit) -> str | None:
    """"killed" or "injured" when a word of the trigger tells it ("قتل", "أسفر عن مقتل", "were wounded")."""
    table = _casualty_words()
    for k in range(hit.w0, hit.w1 + 1):
        for f in words[k].forms:
            fate = table.get(f)
            if fate is not None:
                return fate
    return None


def _acted_on(starts: list[int], hit, wi: int, q: Quantity, span: int) -> bool:
    """Is the count the trigger's object (its number within ``span`` words after the trigger) or its subject (its
    last word within ``span`` words before the trigger)?"""
    if 0 < wi - hit.w1 <= span:
        return True
    last = bisect.bisect_right(starts, q.end - 1) - 1
    return 0 < hit.w0 - last <= span
