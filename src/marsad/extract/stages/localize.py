"""Stage: actors coded without a country ("الشرطة", "protesters", unnamed gunmen) take the country of the event's
place, else the document's home country (its dateline or most-named country). Rules:
    visitor-keeps-home   a visit's source comes from elsewhere: "وصل الوفد إلى العاصمة" is no delegation of the place
    attackers-not-victims  unnamed attackers take the place of the attack, or the home country unless that is only
                         the victims' ("أطلقوا قذائفهم باتجاه موقع حدودي": the post's country did not fire)
"""
from __future__ import annotations

from ...model import Actor, implicit_attacker
from ..actors import SECTORS
from ..events import describes_act
from .places import is_dateline
from .state import DocState, Resources, stage

HOME_KINDS = frozenset({"country", "nisba", "demonym", "capital", "place"})  # mentions that vote for a home country
NATIONALITIES = frozenset({"nisba", "demonym"})


@stage(needs=("events", "mentions", "text", "words", "hits"), provides=("home",))
def localize_actors(res: Resources, st: DocState) -> None:
    ends, starts = {h.w1 for h in st.hits}, {h.w0 for h in st.hits}
    # the nationality of an act ("غارة إسرائيلية", "an Israeli strike") names its author, not where the text is
    voters = [m for m in st.mentions
              if m.kind not in NATIONALITIES or not describes_act(st.words, m.w0, m.w1, ends, starts)]
    st.home = home = home_country(res.kb, st.text, voters)
    for ev in st.events:
        placed = ev.location.country if ev.location and ev.location.country else None
        where = placed or home
        if len(ev.source) == 1 and implicit_attacker(ev.source[0], ev):
            victims = {a.code[:3] for a in ev.target}
            ev.source = localize(ev.source, placed or (home if home not in victims else None))
        elif ev.mode != "visit":
            ev.source = localize(ev.source, where)
        ev.target = localize(ev.target, where)


def localize(actors: list, country: str | None) -> list:
    """Each sector without a country gets ``country`` (unnamed gunmen too: "Unidentified Armed Group (Iraq)")."""
    if not country or not actors:
        return actors
    return [Actor(country + a.code, a.entity, a.text, a.start, a.end) if a.code in SECTORS else a for a in actors]


def home_country(kb, text: str, mentions: list) -> str | None:
    """The dateline's country ("الخرطوم - ...", "TOKYO —") or else the country named most often."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind not in HOME_KINDS:
            continue
        rec = kb.entities.get(m.target)
        if rec is None:
            continue
        c = rec.code if rec.kind == "country" else rec.country
        if not c:
            continue
        if m.kind in ("capital", "place") and is_dateline(text, m):
            return c
        counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None
