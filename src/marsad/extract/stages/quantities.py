"""Stages: the quantities of the document (casualties, arrests, money ...), then, once the events exist, each
quantity given to the event with the nearest trigger in its sentence, a new act before a recalled one."""
from __future__ import annotations

from ...model import Event
from ..quantities import extract_quantities
from .state import DocState, Resources, stage


@stage(needs=("doc", "text", "lang", "words", "mentions", "starts"), provides=("quantities",))
def find_quantities(res: Resources, st: DocState) -> None:
    st.quantities = extract_quantities(st.text, st.lang, st.words, st.mentions, res.kb, res.lexicon, st.starts)
    st.doc.quantities = [q for _w, q in st.quantities]


@stage(needs=("events", "event_hits", "quantities", "words"), provides=())
def attach_quantities(res: Resources, st: DocState) -> None:
    words = st.words
    by_sentence: dict[int, list[tuple[int, Event]]] = {}
    for hit, ev in sorted(zip(st.event_hits, st.events), key=lambda he: he[1].background):
        near = by_sentence.setdefault(ev.sentence, [])
        if not ev.background or not near or near[0][1].background:
            near.append((hit.w0, ev))
    for wi, q in st.quantities:
        near = by_sentence.get(words[wi].sentence)
        if near:
            min(near, key=lambda item: abs(item[0] - wi))[1].quantities.append(q)
