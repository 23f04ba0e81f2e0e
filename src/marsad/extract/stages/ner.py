"""Stage (with ``code(..., ner=True)``): names the KB does not know, found in the sentences that hold a trigger
candidate by the learned tagger in Arabic (extract/ner.py) and by rule in English (extract/ner_en.py), become
mentions of new entities: ``new_person``, ``new_organization`` and ``new_place``, with the id
``new:<kind>:<normalized name>``. The actor coder codes a new person from the title and nisba beside it ("المتحدث
باسم الجيش X" -> MIL), a new organization from its head noun (grammar table ``org_head_sectors``: حزب -> PTY, وزارة
-> GOV, شركة -> BUS …; in English the tagger reads the head: "the Green Valley Party" -> PTY) and a nisba; a name
with neither is no actor (a wrong actor is worse than none). A span that overlaps a KB mention is left to the KB."""
from __future__ import annotations

import bisect
from functools import cache

from ...kb import clitics, grammar
from ...text import normalize_key
from ..mentions import Mention
from ..ner import NerTagger
from ..ner_en import EnglishNames
from .state import DocState, Resources, stage

NEW_KINDS = {"PERS": "new_person", "ORG": "new_organization", "LOC": "new_place"}
ENTITY_KINDS = {"new_person": "person", "new_organization": "organization", "new_place": "place"}
CONJUNCTION_CLITICS = clitics.conjunctions()  # joined to a longer name word, never the name's own first letter


@stage(needs=("text", "lang", "words", "starts", "mentions", "hits", "by_sent"), provides=("new_mentions",))
def find_new_entities(res: Resources, st: DocState) -> None:
    if not st.use_ner or st.lang not in ("ar", "en") or not st.hits:
        return
    words = st.words
    only = frozenset(words[h.w0].sentence for h in st.hits)
    taken = _Taken(st.mentions)
    tagger = NerTagger.load() if st.lang == "ar" else EnglishNames.load()
    for span in tagger.tag(st.text, words, st.mentions, st.lang, only=only,
                           checkpoint=lambda: st.checkpoint("find_new_entities")):
        kind = NEW_KINDS.get(span.label)
        if kind is None:
            continue
        slot = None  # the index of a KB title the name takes as its head ("the Green Valley Party")
        if taken.overlaps(span.start, span.end):
            slot = _head_title(st, span.start, span.end) if kind == "new_organization" and st.lang == "en" else None
            if slot is None:
                continue
        start, prefix = span.start, ""
        if span.text[:1] in CONJUNCTION_CLITICS and len(span.text.split(" ", 1)[0]) > 4:
            start, prefix = start + 1, span.text[0]
        text = st.text[start:span.end]
        m = Mention(start, span.end, text, kind, f"new:{ENTITY_KINDS[kind]}:{normalize_key(text)}", prefix)
        m.w0 = bisect.bisect_right(st.starts, start) - 1  # as the places stage places gazetteer mentions
        m.w1 = bisect.bisect_right(st.starts, span.end - 1) - 1
        if kind == "new_organization":  # the English tagger gives the sector of a head anywhere in the name
            m.sector = _head_sector(words[m.w0].forms) if st.lang == "ar" else getattr(span, "sector", None)
        st.new_mentions.append(m)
        sent = st.by_sent.setdefault(words[m.w0].sentence, [])
        if slot is None:
            index = len(st.mentions)
            st.mentions.append(m)
            sent.append(m)
        else:  # the name takes the title's place: same index, so every other word keeps its mention
            index, title = slot, st.mentions[slot]
            sent[:] = [m if x is title else x for x in sent]  # the title stands in the name's sentence
            st.mentions[slot] = m
        for k in range(m.w0, m.w1 + 1):
            words[k].mention = index


def _head_title(st: DocState, start: int, end: int) -> int | None:
    """The index of the one KB mention a new English organization overlaps when it is a title that ends the name
    and begins after its first word ("Party" in "the Green Valley Party": the tagger read it as the head), else
    None: any other overlap leaves the words to the KB."""
    w0 = bisect.bisect_right(st.starts, start) - 1
    w1 = bisect.bisect_right(st.starts, end - 1) - 1
    inside = {st.words[k].mention for k in range(w0, w1 + 1)} - {None}
    if len(inside) != 1:
        return None
    slot = inside.pop()
    m = st.mentions[slot]
    return slot if m.kind == "role" and m.end == end and m.start > start else None


@cache
def _head_sectors() -> dict[str, str]:
    """Head noun of an organization's name -> its sector (grammar table org_head_sectors)."""
    return {w: sector for sector, ws in grammar.keyed("org_head_sectors", "ar").items() for w in ws}


def _head_sector(forms: frozenset[str]) -> str | None:
    heads = _head_sectors()
    return next((heads[f] for f in sorted(forms) if f in heads), None)


class _Taken:
    """The spans of the KB mentions, asked whether a span overlaps one in O(log n): sorted by start, with the
    furthest end reached by any of the first k (a scan of every span for every name was quadratic in a long text)."""

    def __init__(self, mentions) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _e in spans]
        self.reach: list[int] = []
        furthest = -1
        for _s, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # the spans that begin before ``end``
        return k > 0 and self.reach[k - 1] > start
