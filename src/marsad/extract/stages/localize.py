"""Stage: actors coded without a country ("الشرطة", "protesters", unnamed gunmen) take the country of the event's
place, else the document's home country (its dateline or most-named country). Rules:
    visitor-keeps-home   a visit's source comes from elsewhere: "وصل الوفد إلى العاصمة" is no delegation of the place
    attackers-not-victims  unnamed attackers (gunmen the text names, or the implicit attacker of an attack that
                         names none) take the place of the act, else the home country the document names but for
                         the nationalities of the targets that the sentence's attacks and the act itself hit: a
                         victims' nationality is no attacker's ("قتل مسلحون جنودا باكستانيين", "أطلق الخاطفون
                         سراح الصحفية الإيطالية"); nor is, for the implicit attacker, a home country that is the
                         victims' ("أطلقوا قذائفهم باتجاه موقع حدودي": the post's country did not fire)
    country-before-independence  a state not yet independent on the document's date is the one it was part of
    coalition-by-theatre an unnamed coalition ("قوات التحالف") is the one at war in the event's country on the
                         document's date (coding_rules.jsonl)
"""
from __future__ import annotations

import bisect
import dataclasses

from ...model import UNNAMED_ARMED, Actor, implicit_attacker
from ...text import normalize_key
from ..actors import SECTORS
from ..events import describes_act
from .places import is_dateline
from .state import DocState, Resources, stage

HOME_KINDS = frozenset({"country", "nisba", "demonym", "capital", "place"})  # mentions that vote for a home country
NATIONALITIES = frozenset({"nisba", "demonym"})


@stage(needs=("events", "mentions", "text", "words", "hits"), provides=("home",))
def localize_actors(res: Resources, st: DocState) -> None:
    # an English nationality before its act ("an Israeli strike"); an Arabic one follows its noun, so one right
    # before a trigger is its subject's ("المحتجين الأردنيين طالبوا"), a vote for the home country
    # and a nationality after an Arabic verb and its noun describes that noun ("أدانت المنظمة المصرية"), not the act
    # as after an act's noun ("غارة جوية إسرائيلية")
    ends = {h.w1 for h in st.hits if st.lang == "en" or h.trigger.pos != "verb" or "ال" in h.prefix}
    starts = {h.w0 for h in st.hits} if st.lang == "en" else frozenset()
    # the nationality of an act ("غارة إسرائيلية", "an Israeli strike") names its author, not where the text is
    voters = [m for m in st.mentions
              if m.kind not in NATIONALITIES or not describes_act(st.words, m.w0, m.w1, ends, starts)]
    dateline, votes = _votes(res.kb, st.text, voters)
    older = _not_yet_states(res.rules["country-before-independence"], st.day)
    if older:  # the votes of a state not yet independent go to the state it was part of
        dateline = older.get(dateline, dateline) if dateline else dateline
        votes = [(v[0], v[1], older.get(v[2], v[2]), v[3]) for v in votes]
    counts = _counts(votes)
    # no place nor nationality named: the countries of the named actors (persons, parties, forces) place the text's
    # unnamed ones ("وأيد المتظاهرون الرئيس البشير"); not its unnamed attackers, whom their victims may not place
    st.home = home = dateline or _most_named(counts) or _most_named(_counts(_actor_votes(res.kb, st.events)))
    nationals = sorted((v[0], v[1], v[2]) for v in votes if v[3])  # (start, end, country) of the nationalities
    nat_starts = [n[0] for n in nationals]
    victims: dict[int, list] = {}  # sentence -> its attacks (their targets are victims)
    for ev in st.events:
        if ev.type == "ASSAULT":
            victims.setdefault(ev.sentence, []).append(ev)
    sentence_counts: dict[int, tuple[dict[str, int], set[int]]] = {}  # sentence -> votes but for its victims'
    theatre = res.rules["coalition-by-theatre"]
    for ev in st.events:
        if older:  # "جنوب السودان" in 2008: Sudan's south (coding rule country-before-independence)
            _before_independence(ev, older)
        placed = ev.location.country if ev.location and ev.location.country else None
        where = placed or home
        coalition = _coalition(theatre, where, st.day)
        if coalition is not None:
            ev.source = _coalition_actors(ev.source, coalition, theatre["words"])
            ev.target = _coalition_actors(ev.target, coalition, theatre["words"])
        if ev.source and all(_unnamed_armed(a, ev) for a in ev.source):
            at_home = placed or dateline
            if at_home is None:
                # the home country but for the nationalities of the sentence's victims and of this act's own
                # target ("أطلق الخاطفون سراح الصحفية الإيطالية": the kidnappers are no Italians)
                got = sentence_counts.get(ev.sentence)
                if got is None:
                    out = _inside(nationals, nat_starts, victims.get(ev.sentence, ()))
                    got = sentence_counts[ev.sentence] = (_minus(counts, nationals, out), out)
                own = _inside(nationals, nat_starts, (ev,)) - got[1]
                at_home = _most_named(_minus(got[0], nationals, own) if own else got[0])
            # the implicit attacker of an attack on the home country's post is placed by nothing the text says
            hit = {a.code[:3] for a in ev.target} if implicit_attacker(ev.source[0], ev) else set()
            ev.source = localize(ev.source, placed or (at_home if at_home not in hit else None))
        elif ev.mode != "visit":
            ev.source = localize(ev.source, where)
        ev.target = localize(ev.target, where)


def _not_yet_states(rule: dict, day) -> dict[str, str]:
    """The states that did not exist yet on ``day`` -> the state they were part of (none when the date is
    unknown)."""
    if day is None:
        return {}
    iso = day.isoformat()
    return {c["code"]: c["before"] for c in rule["countries"] if iso < c["from"]}


def _before_independence(ev, older: dict[str, str]) -> None:
    """Recode the event's place and actors of a state not yet independent to the state it was part of."""
    loc = ev.location
    if loc is not None and loc.country in older:
        ev.location = dataclasses.replace(loc, country=older[loc.country])
    for role in ("source", "target"):
        actors = getattr(ev, role)
        if any(a.code[:3] in older for a in actors):
            setattr(ev, role, [Actor(older[a.code[:3]] + a.code[3:], a.entity, a.text, a.start, a.end)
                               if a.code[:3] in older else a for a in actors])


def _coalition(rule: dict, country: str | None, day) -> str | None:
    """The code of the coalition at war in ``country`` on ``day`` (coding rule coalition-by-theatre), or None."""
    if not country or day is None:
        return None
    iso = day.isoformat()
    for t in rule["theatres"]:
        if t["country"] == country and t["from"] <= iso and (t["to"] is None or iso <= t["to"]):
            return t["code"]
    return None


def _coalition_actors(actors: list, code: str, words: list[str]) -> list:
    """The unnamed coalition among ``actors`` (a bare military whose words name a coalition: "قوات التحالف",
    "coalition forces") coded as the coalition of the theatre."""
    out = actors
    for n, a in enumerate(actors):
        if a.entity is not None or a.code != "MIL" or not a.text:
            continue
        text = normalize_key(a.text).lower()
        if any(w in text for w in words):
            if out is actors:
                out = list(actors)
            out[n] = Actor(code, None, a.text, a.start, a.end)
    return out


def _unnamed_armed(actor: Actor, ev) -> bool:
    """Is ``actor`` an armed group the text does not name ("مسلحون", "gunmen"), or the implicit attacker?"""
    return implicit_attacker(actor, ev) or (actor.entity is None and actor.code in UNNAMED_ARMED)


def _inside(nationals: list, starts: list[int], events) -> set[int]:
    """The indexes (into ``nationals``) of the nationality votes inside the events' target actors ("جنود
    باكستانيين"): they may not place an attacker. A country the target names ("in northern Nigeria" read as the
    target) is still a place."""
    out: set[int] = set()
    for ev in events:
        for a in ev.target:
            if a.start is None:
                continue
            k = bisect.bisect_left(starts, a.start)
            while k < len(starts) and starts[k] < a.end:
                if nationals[k][1] <= a.end:
                    out.add(k)
                k += 1
    return out


def _minus(counts: dict[str, int], nationals: list, out: set[int]) -> dict[str, int]:
    """``counts`` without the votes of the nationalities ``out`` (the countries keep their order)."""
    if not out:
        return counts
    less = dict(counts)
    for k in out:
        less[nationals[k][2]] -= 1
    return less


def localize(actors: list, country: str | None) -> list:
    """Each sector without a country gets ``country`` (unnamed gunmen too: "Unidentified Armed Group (Iraq)")."""
    if not country or not actors:
        return actors
    return [Actor(country + a.code, a.entity, a.text, a.start, a.end) if a.code in SECTORS else a for a in actors]


def _votes(kb, text: str, mentions: list) -> tuple[str | None, list[tuple[int, int, str, bool]]]:
    """(the dateline's country, or None; the votes for a home country before it: (start, end, country, whether a
    nationality) of each mention of HOME_KINDS, in order)."""
    votes: list[tuple[int, int, str, bool]] = []
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
            return c, votes
        votes.append((m.start, m.end, c, m.kind in NATIONALITIES))
    return None, votes


def _actor_votes(kb, events: list) -> list[tuple[int, int, str, bool]]:
    """The votes of the events' named actors (persons, parties, forces; not a news agency) for their countries,
    for a text that names no place nor nationality."""
    votes: list[tuple[int, int, str, bool]] = []
    seen: set[tuple[int | None, str]] = set()
    for ev in events:
        for a in (*ev.source, *ev.target):
            rec = kb.entities.get(a.entity) if a.entity else None
            if rec is None or not rec.country or rec.raw.get("kind") == "media" or (a.start, a.entity) in seen:
                continue
            seen.add((a.start, a.entity))
            votes.append((a.start or 0, a.end or 0, rec.country, False))
    return sorted(votes)


def _counts(votes: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in votes:
        counts[v[2]] = counts.get(v[2], 0) + 1
    return counts


def _most_named(counts: dict[str, int]) -> str | None:
    """The country with the most votes (the first named of those tied), None when none has one."""
    best, n = None, 0
    for c, k in counts.items():
        if k > n:
            best, n = c, k
    return best
