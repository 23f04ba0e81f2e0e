"""Find trigger words and phrases in a document's words (one lexicon lookup per word analysis).

A trigger never starts inside an actor mention; the longest form wins; a trigger whose ``context_any`` words are
absent from ±8 words, or with an ``exclude_any`` word within ±3, is dropped; a trigger followed by a reflexive
("على نفسها", "itself") describes no event between actors and is dropped too.
Imports: marsad.extract siblings.
"""
from __future__ import annotations

from .events import TriggerHit
from .words import Word

CONTEXT_WINDOW = 12  # words either side in which a trigger's context_any words must occur
REFLEXIVE = {"نفسه", "نفسها", "انفسهم", "أنفسهم", "نفسهما", "itself", "themselves", "himself", "herself"}


def _near(words: list[Word], lo: int, hi: int, forms: frozenset[str]) -> bool:
    for k in range(max(lo, 0), min(hi, len(words))):
        for _p, base, _s in words[k].bases:
            if base in forms:
                return True
        if words[k].norm in forms:
            return True
    return False


def find_triggers(words: list[Word], lexicon, lang: str, context_sets: dict) -> list[TriggerHit]:
    index = lexicon.triggers.get(lang, {})
    hits: list[TriggerHit] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w.kind != "word" or w.mention is not None:
            i += 1
            continue
        chosen = None
        for pat, prefix, length in lexicon.matches(index, words, i):
            t = pat.item
            j = i + length - 1
            if any(words[k].mention is not None for k in range(i + 1, j + 1)):
                continue
            ctx = context_sets.get(id(t))
            if ctx is not None:
                need, avoid = ctx
                if need and not _near(words, i - CONTEXT_WINDOW, j + CONTEXT_WINDOW + 1, need):
                    continue
                if avoid and _near(words, i - 3, j + 4, avoid):
                    continue
            chosen = (t, prefix, j)
            break
        if chosen is None:
            i += 1
            continue
        t, prefix, j = chosen
        nxt = words[j + 1 : j + 3]
        if any(x.norm in REFLEXIVE or any(b in REFLEXIVE for _p, b, _s in x.bases) for x in nxt):
            i = j + 1
            continue
        hits.append(TriggerHit(i, j, t, prefix, w.start, words[j].end))
        for k in range(i, j + 1):
            words[k].trigger = len(hits) - 1
        i = j + 1
    return hits
