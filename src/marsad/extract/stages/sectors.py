"""Stage: a nationality adjective coded as a bare country takes the sector of its noun (the word before it in Arabic,
after it in English) when that noun is a unit or a weapon that names no actor of its own ("قصفت مقاتلات بريطانية",
"Israeli drones": GBRMIL, ISRMIL; grammar table ``unit_noun_sectors``). In English a country's name used as that
adjective does the same ("a U.S. destroyer", "U.S. drones": USAMIL, as "an American destroyer"); in Arabic a country
after a noun is its genitive or the verb's object ("قصفت الطائرات سوريا"), never an adjective. Applied after merging,
so the decision layer and merging see what the earlier rules chose."""
from __future__ import annotations

import bisect
from functools import cache

from ...kb import grammar
from ...model import Actor
from .state import DocState, Resources, stage


NATIONALITY_KINDS = frozenset({"nisba", "demonym"})
CONJ = grammar.by_lang("conjunctions")
NAME_KINDS = frozenset({"country", "acronym"})  # "Yemen", "U.S.": adjectives in English when they name a country


@cache
def _unit_sectors() -> dict[str, str]:
    """Unit or weapon noun (Arabic or English) -> the sector it gives a nationality adjective."""
    return {w: sector for sector, ws in grammar.keyed("unit_noun_sectors").items() for w in ws}


@stage(needs=("events", "words", "starts", "mentions", "lang"), provides=())
def refine_sectors(res: Resources, st: DocState) -> None:
    if st.lang not in ("ar", "en") or not st.events:
        return
    units = _unit_sectors()
    names = st.lang == "en"
    nisbas = {m.start: m for m in st.mentions if m.kind in NATIONALITY_KINDS
              or (names and m.kind in NAME_KINDS and m.target.startswith("country:"))}
    if not names:  # "القوات المصرية والسعودية": a country's name joined to a nisba is a nisba too
        for m in st.mentions:
            if m.kind == "country" and m.coordinated and m.w0 > 0:
                prev = st.words[m.w0 - 1].mention
                if prev is not None and st.mentions[prev].start in nisbas:
                    nisbas[m.start] = m
    for ev in st.events:
        ev.source = _refined(ev.source, st, units, nisbas)
        ev.target = _refined(ev.target, st, units, nisbas)


def _refined(actors: list, st: DocState, units: dict[str, str], nisbas: dict) -> list:
    out = actors
    conj = CONJ[st.lang]
    for n, a in enumerate(actors):
        m = nisbas.get(a.start)
        if len(a.code) != 3 or m is None or m.end != a.end:
            continue
        # Arabic puts the noun before the adjective's word, English after the adjective's last word ("U.S." is many)
        k = bisect.bisect_right(st.starts, a.start) - 2 if st.lang == "ar" else bisect.bisect_left(st.starts, a.end)
        if not 0 <= k < len(st.words):
            continue
        # adjectives joined by و/and share the noun, which may be a title the first one joined ("القوات المصرية
        # والسعودية", "Egyptian and Saudi forces": forces of both)
        shared = True
        if st.lang == "ar" and m.coordinated and (j := st.words[k].mention) is not None \
                and st.mentions[j].start in nisbas:
            k = st.mentions[j].w0 - 1
        elif st.lang == "en" and st.words[k].norm in conj and k + 1 < len(st.words) \
                and (j := st.words[k + 1].mention) is not None and st.mentions[j].start in nisbas:
            k = st.mentions[j].w1 + 1
        else:
            shared = False
        if not 0 <= k < len(st.words):
            continue
        noun = st.words[k]
        if (noun.mention is not None and not shared) or noun.kind != "word":
            continue
        sector = next((units[f] for f in sorted(noun.forms) if f in units), None)
        if sector is not None:
            if out is actors:
                out = list(actors)
            out[n] = Actor(a.code + sector, a.entity, a.text, a.start, a.end)
    return out
