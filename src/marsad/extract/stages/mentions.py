"""Stage: every KB name in the text (gazetteer over the normalized text), resolved to mentions. A name several
people share ("البشير": Omar al-Bashir, Mohammed al-Bashir) is the one who held a post on the document's date when
the one chosen by rank took up their first post only after it (rule person-in-office; a former leader still in the
news keeps the name: "المالكي" after 2014 is still Nouri al-Maliki)."""
from __future__ import annotations

import dataclasses

from ...text import normalize
from ..mentions import PERSON_KINDS, resolve
from .state import DocState, Resources, stage


@stage(needs=("text", "lang"), provides=("mentions",))
def find_mentions(res: Resources, st: DocState) -> None:
    nt = normalize(st.text, st.lang)
    matches = res.gazetteer.find(nt)
    st.mentions = resolve(matches, st.text, res.lexicon.common_words, res.country_of_place, res.country_of_org)
    if st.day is not None:
        _in_office(res, st, matches)


def _in_office(res: Resources, st: DocState, matches: list) -> None:
    """Rule person-in-office: a person mention whose name other people share takes the one of them in office on
    the document's date, when the chosen one had held no post yet (and only one other was in office)."""
    shared = {(m.start, m.end): m.entries for m in matches
              if sum(1 for e in m.entries if e.kind in PERSON_KINDS) > 1}
    if not shared:
        return
    kb, day = res.kb, st.day
    for n, mn in enumerate(st.mentions):
        entries = shared.get((mn.start, mn.end))
        if entries is None or mn.kind not in PERSON_KINDS or not _not_yet(kb.person_roles(mn.target), day):
            continue
        serving = {e.target for e in entries if e.kind in PERSON_KINDS and e.target != mn.target
                   and kb.person_roles(e.target, day)}
        if len(serving) == 1:
            st.mentions[n] = dataclasses.replace(mn, target=serving.pop())


def _not_yet(spells: tuple, day) -> bool:
    """Did every known post of a person begin after ``day`` (and is one known)?"""
    return bool(spells) and all(sp.start is not None and sp.start > day for sp in spells)
