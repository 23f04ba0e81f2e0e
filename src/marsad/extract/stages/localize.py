"""Stage: actors coded without a country ("الشرطة", "protesters", unnamed gunmen) take the country of the event's
place, else the document's home country (its dateline or most-named country). Rules:
    visitor-keeps-home   a visit's source comes from elsewhere: "وصل الوفد إلى العاصمة" is no delegation of the place
    attackers-not-victims  unnamed attackers (gunmen the text names, or the implicit attacker of an attack that
                         names none) take the place of the act, else the home country the document names but for
                         the nationalities of the targets that the sentence's attacks and the act itself hit: a
                         victims' nationality is no attacker's ("قتل مسلحون جنودا باكستانيين", "أطلق الخاطفون
                         سراح الصحفية الإيطالية"); nor is, for the implicit attacker, a home country that is the
                         victims' ("أطلقوا قذائفهم باتجاه موقع حدودي": the post's country did not fire)
"""
from __future__ import annotations

from ...model import UNNAMED_ARMED, Actor, implicit_attacker
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
    victims: dict[int, list] = {}  # sentence -> its attacks (their targets are victims)
    for ev in st.events:
        if ev.type == "ASSAULT":
            victims.setdefault(ev.sentence, []).append(ev)
    for ev in st.events:
        placed = ev.location.country if ev.location and ev.location.country else None
        where = placed or home
        if ev.source and all(_unnamed_armed(a, ev) for a in ev.source):
            # the home country but for the nationalities of the sentence's victims and of this act's own target
            # ("أطلق الخاطفون سراح الصحفية الإيطالية": the kidnappers are no Italians)
            at_home = None if placed else home_country(
                res.kb, st.text, _outside_targets(voters, victims.get(ev.sentence, []) + [ev]))
            # the implicit attacker of an attack on the home country's post is placed by nothing the text says
            hit = {a.code[:3] for a in ev.target} if implicit_attacker(ev.source[0], ev) else set()
            ev.source = localize(ev.source, placed or (at_home if at_home not in hit else None))
        elif ev.mode != "visit":
            ev.source = localize(ev.source, where)
        ev.target = localize(ev.target, where)


def _unnamed_armed(actor: Actor, ev) -> bool:
    """Is ``actor`` an armed group the text does not name ("مسلحون", "gunmen"), or the implicit attacker?"""
    return implicit_attacker(actor, ev) or (actor.entity is None and actor.code in UNNAMED_ARMED)


def _outside_targets(mentions: list, events: list) -> list:
    """The mentions but the nationalities inside an event's target actors ("جنود باكستانيين"): what may place an
    attacker. A country the target names ("in northern Nigeria" read as the target) is still a place."""
    spans = sorted({(a.start, a.end) for ev in events for a in ev.target if a.start is not None})
    if not spans:
        return mentions
    return [m for m in mentions
            if m.kind not in NATIONALITIES or not any(s <= m.start and m.end <= e for s, e in spans)]


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
