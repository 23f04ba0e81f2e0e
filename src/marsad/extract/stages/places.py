"""Stage: where each mention stands among the words, the places usable as event locations and every place or
country named; plus the place helpers other stages share (a place's country, the dateline)."""
from __future__ import annotations

import bisect

from ...kb import clitics, grammar
from ...model import Location
from ..events import LOCATIVE
from ..mentions import Mention
from ..preps import PLACE_HEADS
from ..words import NATIONALITY_SLOT
from .state import DocState, Resources, stage

GEO_KINDS = frozenset({"place", "capital", "country", "nisba", "region"})  # mentions that name a place or country
STATE_KINDS = frozenset({"country", "capital"})  # mentions that name a state (extract/stages/candidates: _state)
NATIONALITY_SLOT_SET = frozenset({NATIONALITY_SLOT})
NISBA_PLACE_SPAN = 3  # words from a locative preposition to the nisba of the place it describes
CONJUNCTIONS = clitics.conjunctions()
LOCATIVE_CLITICS = grammar.words("locative_clitics", "ar")
EN_ARTICLES = grammar.words("en_articles", "en")
EN_OF = "of"


@stage(needs=("mentions", "words", "starts", "lang"), provides=("by_sent", "places", "geo", "named_states"))
def place_mentions(res: Resources, st: DocState) -> None:
    """One pass over the mentions: each gets its words (``w0``/``w1``; the words get ``mention``), a nationality
    word alone gets the lexicon's nationality slot among its forms; fills the mentions by sentence, the places
    usable as event locations (introduced by a locative preposition or clitic ب, or by a place noun after one: "في
    مدينة X") as (w0, w1, mention, Location, headed by a place noun),
    and every place or country named as (w0, w1, mention, country code, country entity id)."""
    kb, words, starts = res.kb, st.words, st.starts
    locative_words = LOCATIVE[st.lang]
    by_sent: dict[int, list[Mention]] = {}
    places: list = []
    geo: list = []
    for mi, m in enumerate(st.mentions):
        w0 = max(bisect.bisect_right(starts, m.start) - 1, 0)
        w1 = max(bisect.bisect_right(starts, m.end - 1) - 1, w0)
        m.w0, m.w1 = w0, w1
        for k in range(w0, w1 + 1):
            words[k].mention = mi
        kind = m.kind
        if w0 == w1 and kind in ("nisba", "demonym"):
            words[w0].forms = words[w0].forms | NATIONALITY_SLOT_SET
        by_sent.setdefault(words[w0].sentence, []).append(m)
        if kind not in GEO_KINDS:
            continue
        rec = kb.entities.get(m.target)
        cc = country_of_place(rec)
        if cc:
            crec = kb.country(cc)
            geo.append((w0, w1, m, cc, crec.id if crec else None))
        if rec is None:
            continue
        if kind == "nisba":  # "في عدة مدن بريطانية", "في العاصمة الكونغولية": somewhere in that country
            if rec.kind == "country" and _after_locative(words, w0, locative_words):
                places.append((w0, w1, m, Location(rec.name, rec.code, rec.lat, rec.lon, rec.id), False))
            continue
        direct = clitics.holds(m.prefix.lstrip("".join(CONJUNCTIONS)), LOCATIVE_CLITICS) \
            or (w0 > 0 and _locative(words[w0 - 1].norm, locative_words))
        if direct or _after_place_head(words, w0, st.lang, locative_words):
            # a region that lies in one country places the event there ("بالضفة الغربية" -> PSE), as a town does
            places.append((w0, w1, m, Location(rec.name, cc, rec.lat, rec.lon, rec.id), not direct))
    st.by_sent, st.places, st.geo = by_sent, places, geo
    st.named_states = {(m.start, m.end) for m in st.mentions if m.kind in STATE_KINDS}


def country_of_place(rec) -> str | None:
    """The country a place stands for: its own code for a country, its country for a place, and the single country
    of a region that lies in one ("قطاع غزة" -> PSE); None otherwise."""
    if rec is None:
        return None
    if rec.kind == "country":
        return rec.code
    if rec.kind == "region":
        inside = (rec.raw or {}).get("countries") or []
        return inside[0] if len(inside) == 1 else None
    return rec.country


def _locative(norm: str, locative_words) -> bool:
    """Is a word a locative preposition, also with a joined و/ف ("في", "وفي بغداد", "ففي القاهرة")?"""
    return norm in locative_words or (norm[:1] in CONJUNCTIONS and norm[1:] in locative_words)


def _after_place_head(words: list, w0: int, lang: str, locative_words) -> bool:
    """Does a place noun after a locative head the name at word ``w0``: "في مدينة الكوت", "بمنطقة X", "في العاصمة
    X", "in the city of X" (grammar table ``place_heads``)?"""
    heads = PLACE_HEADS[lang]
    if lang == "en":  # locative, an article?, head, "of", name
        k = w0 - 2
        if k < 1 or words[w0 - 1].norm != EN_OF or words[k].norm not in heads:
            return False
        k -= 1
        if words[k].norm in EN_ARTICLES and k > 0:
            k -= 1
        return _locative(words[k].norm, locative_words)
    k = w0 - 1
    if k < 0 or words[k].kind != "word":
        return False
    for prefix, base, suffix in words[k].bases:
        if suffix or base not in heads:
            continue
        bare = prefix.lstrip("".join(CONJUNCTIONS))
        if clitics.holds(bare, LOCATIVE_CLITICS):
            return True  # "بمدينة الكوت"
        if bare in ("", "ال") and k > 0 and _locative(words[k - 1].norm, locative_words):
            return True  # "في مدينة الكوت", "في العاصمة بغداد"
    return False


def _after_locative(words: list, w0: int, locative_words) -> bool:
    """Does a locative preposition stand among the few words before word ``w0``, in its clause, with only plain
    words (no name, no punctuation) between: "في عدة مدن بريطانية"?"""
    for k in range(w0 - 1, max(w0 - 1 - NISBA_PLACE_SPAN, -1), -1):
        w = words[k]
        if w.kind != "word" or w.mention is not None:
            return False
        if _locative(w.norm, locative_words):
            return True
    return False


def is_dateline(text: str, m: Mention) -> bool:
    """Is mention ``m`` a dateline: it opens its line and a dash or parenthesis follows ("الخرطوم - ...")?"""
    # the line starts at most 2 characters before it: look back 3 characters, never the whole text (a text with no
    # line break made this quadratic in the number of places named)
    return (m.start <= 2 or text.rfind("\n", m.start - 3, m.start) != -1) \
        and text[m.end:m.end + 4].lstrip(" \u200f\u200e")[:1] in ("-", "–", "—", "(")
